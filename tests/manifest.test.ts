/**
 * manifest.xml, checked without the network and without ../shared: a plain XML parse (importing
 * office-addin-manifest under jest drags in ESM-only packages; scripts/validate-manifest.mjs uses its
 * readManifestFile and the XSD), then what Excel needs from it and what the build must provide.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const { manifestForBaseUrl, DEFAULT_BASE_URL } = require('../scripts/manifest.cjs') as {
  manifestForBaseUrl(xml: string, base: string): string;
  DEFAULT_BASE_URL: string;
};

const ROOT = join(__dirname, '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
}

/** A small strict XML parser: one root, balanced tags, quoted unique attributes, known entities. */
function parseXml(xml: string): XmlElement {
  const decode = (s: string) => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(s)) throw new Error(`bad entity in "${s}"`);
    return s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] as string);
  };
  const body = xml.replace(/^\uFEFF?<\?xml[^?]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const [, closing, name, attrText, selfClosing, text, stray] = m;
    if (stray) throw new Error(`malformed tag near "${body.slice(m.index, m.index + 40)}"`);
    if (text !== undefined) {
      if (text.trim() && stack.length === 0) throw new Error('text outside the root element');
      decode(text);
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]} on <${name}>`);
      attrs[a[1]] = decode(a[2] ?? a[3]);
    }
    const el: XmlElement = { name, attrs, children: [] };
    if (stack.length > 0) stack[stack.length - 1].children.push(el);
    else if (root) throw new Error('more than one root element');
    else root = el;
    if (!selfClosing) stack.push(el);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

function one(el: XmlElement, name: string): XmlElement {
  const found = all(el, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  if (b.readUInt32BE(0) !== 0x89504e47 || b.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The pages webpack writes, read from its config rather than listed twice. */
function builtPages(): string[] {
  const config = require('../webpack.config.js')({}, { mode: 'production' }) as { plugins: { constructor: { name: string }; userOptions?: { filename?: string } }[] };
  return config.plugins.filter((p) => p.constructor.name === 'HtmlWebpackPlugin').map((p) => String(p.userOptions?.filename));
}

function urlsOf(root: XmlElement): string[] {
  const out: string[] = [];
  const walk = (e: XmlElement) => {
    // Namespace names are identifiers that look like URLs; everything else that does is a URL.
    for (const [k, v] of Object.entries(e.attrs)) if (!/^xmlns(:|$)/.test(k) && /^https?:/i.test(v)) out.push(v);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** Everything wrong with a manifest, in words; [] when Excel and the build are both satisfied. */
function manifestProblems(xml: string, base = DEFAULT_BASE_URL): string[] {
  const problems: string[] = [];
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message}`];
  }
  const pages = builtPages();
  for (const url of urlsOf(root)) {
    if (!url.startsWith(`${base}/`)) {
      problems.push(`URL not under ${base}: ${url}`);
      continue;
    }
    const path = url.slice(base.length + 1);
    if (path.startsWith('assets/')) {
      if (!existsSync(join(ROOT, path))) problems.push(`missing file ${path}`);
    } else if (!pages.includes(path)) problems.push(`no page ${path} in the build`);
  }
  const resources = new Map(
    all(root, 'bt:Image')
      .concat(all(root, 'bt:Url'), all(root, 'bt:String'))
      .filter((e) => e.attrs.id)
      .map((e) => [e.attrs.id, e] as const),
  );
  const walk = (e: XmlElement) => {
    if (e.attrs.resid && !resources.has(e.attrs.resid)) problems.push(`resid ${e.attrs.resid} is not defined`);
    e.children.forEach(walk);
  };
  walk(root);
  return problems;
}

describe('manifest.xml', () => {
  const root = parseXml(MANIFEST);

  it('is a task-pane add-in for Excel named 留守儿童关爱助手, in Chinese first with an English override', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(root.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(one(root, 'Id').children).toEqual([]);
    expect(MANIFEST).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(MANIFEST).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    const name = one(root, 'DisplayName');
    expect(name.attrs.DefaultValue).toBe('留守儿童关爱助手');
    expect(name.children.map((c) => [c.name, c.attrs.Locale, c.attrs.Value])).toEqual([['Override', 'en-US', 'Left-behind Children Care Assistant']]);
    expect(
      all(root, 'Host')
        .filter((h) => h.attrs.Name)
        .map((h) => h.attrs.Name),
    ).toEqual(['Workbook']);
  });

  it('asks for ExcelApi 1.1 only, so Office 2016 loads it; newer features are detected at run time', () => {
    const sets = all(one(root, 'Requirements'), 'Set');
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.1']]);
  });

  it('puts a button on the Home tab that opens the pane, with a function file the build produces', () => {
    const tab = one(root, 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const button = one(tab, 'Control');
    expect(button.attrs['xsi:type']).toBe('Button');
    const action = one(button, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    const urls = new Map(all(root, 'bt:Url').map((u) => [u.attrs.id, u.attrs.DefaultValue]));
    expect(urls.get(one(action, 'SourceLocation').attrs.resid)).toBe(`${DEFAULT_BASE_URL}/taskpane.html`);
    expect(urls.get(one(root, 'FunctionFile').attrs.resid)).toBe(`${DEFAULT_BASE_URL}/commands.html`);
    expect(one(one(root, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(`${DEFAULT_BASE_URL}/taskpane.html`);
    for (const s of all(root, 'bt:String')) expect([s.attrs.id, s.children.map((c) => c.attrs.Locale)]).toEqual([s.attrs.id, ['en-US']]);
  });

  it('names only URLs under the base URL that the build produces, and only defined resources', () => {
    expect(builtPages()).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html']));
    expect(urlsOf(root).length).toBeGreaterThanOrEqual(7);
    expect(manifestProblems(MANIFEST)).toEqual([]);
  });

  it('has every icon it names, as a PNG of the size it is named for', () => {
    const images = new Map(
      all(root, 'bt:Image')
        .filter((i) => i.attrs.id)
        .map((i) => [i.attrs.id, i.attrs.DefaultValue]),
    );
    const expected: [string, number][] = [
      [one(root, 'IconUrl').attrs.DefaultValue, 32],
      [one(root, 'HighResolutionIconUrl').attrs.DefaultValue, 64],
      ...all(root, 'bt:Image')
        .filter((i) => i.attrs.size)
        .map((i) => [images.get(i.attrs.resid) as string, Number(i.attrs.size)] as [string, number]),
    ];
    expect(new Set(expected.map(([, size]) => size))).toEqual(new Set([16, 32, 64, 80]));
    for (const [url, size] of expected) {
      const file = join(ROOT, url.slice(DEFAULT_BASE_URL.length + 1));
      expect([url, pngSize(file)]).toEqual([url, { width: size, height: size }]);
    }
    expect(pngSize(join(ROOT, 'assets/icon-128.png'))).toEqual({ width: 128, height: 128 }); // store listings
  });

  it("is rewritten for a school's own host: every URL, and nothing left pointing at localhost", () => {
    const base = 'https://school.example/addin';
    const rewritten = manifestForBaseUrl(MANIFEST, base);
    expect(rewritten).not.toContain('localhost');
    const urls = urlsOf(parseXml(rewritten));
    expect(urls).toHaveLength(urlsOf(root).length);
    for (const u of urls) expect(u.startsWith(`${base}/`)).toBe(true);
    expect(manifestProblems(rewritten, base)).toEqual([]);
    expect(() => manifestForBaseUrl(MANIFEST, 'http://school.example')).toThrow();
  });

  it('fails a malformed copy, or one naming a file or host the build does not have', () => {
    expect(manifestProblems(MANIFEST.replace('</DisplayName>', ''))[0]).toMatch(/not well-formed/);
    expect(manifestProblems(MANIFEST.replace('<Hosts>', '<Hosts x="1" x="2">'))[0]).toMatch(/duplicate attribute/);
    expect(manifestProblems(MANIFEST.replace('Value="Left', 'Value="A & B Left'))[0]).toMatch(/bad entity/);
    expect(manifestProblems(MANIFEST.replace('assets/icon-80.png', 'assets/icon-90.png'))).toEqual(['missing file assets/icon-90.png']);
    expect(manifestProblems(MANIFEST.replace('/commands.html', '/functions.html'))).toEqual(['no page functions.html in the build']);
    expect(
      manifestProblems(MANIFEST.replace('https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>', 'https://cdn.example.com/taskpane.html"/>\n  </DefaultSettings>')),
    ).toEqual(['URL not under https://localhost:3000: https://cdn.example.com/taskpane.html']);
    expect(manifestProblems(MANIFEST.replace('resid="Icon.16"', 'resid="Icon.17"'))).toEqual(['resid Icon.17 is not defined']);
  });
});
