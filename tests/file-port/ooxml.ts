/** Test helpers that look at a saved package directly, without the port's own code. */
import { strFromU8, unzipSync } from 'fflate';

export function unzipParts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function partText(parts: Record<string, Uint8Array>, path: string): string {
  const p = parts[path];
  if (!p) throw new Error(`missing part ${path}`);
  return strFromU8(p);
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A small well-formedness check: every start tag closed in order, attributes quoted, no raw '<' or
 * '&' in text, no character XML 1.0 forbids. Returns the first problem or null.
 */
export function xmlProblem(xml: string): string | null {
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) return 'forbidden character';
  const stack: string[] = [];
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml))) {
    if (m[0] === '<') return `stray '<' at ${m.index}: ${xml.slice(m.index, m.index + 40)}`;
    if (m[0] === '&') return `stray '&' at ${m.index}`;
    if (!m[2]) continue;
    if (m[1]) {
      const open = stack.pop();
      if (open !== m[2]) return `</${m[2]}> closes <${open}>`;
    } else if (!m[4]) stack.push(m[2]);
  }
  return stack.length ? `unclosed <${stack[stack.length - 1]}>` : null;
}

function resolve(source: string, target: string): string {
  const dir = source.slice(0, source.lastIndexOf('/') + 1);
  const raw = target.startsWith('/') ? target.slice(1) : dir + target;
  const out: string[] = [];
  for (const s of raw.split('/')) {
    if (s === '..') out.pop();
    else if (s && s !== '.') out.push(s);
  }
  return out.join('/');
}

/**
 * Package integrity: every internal relationship points at a part that exists, every Override names
 * a part that exists, and every part has a content type. Returns the problems found.
 */
export function packageProblems(parts: Record<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const names = new Set(Object.keys(parts));
  const ct = partText(parts, '[Content_Types].xml');
  const overrides = new Set([...ct.matchAll(/<Override\b[^>]*PartName="([^"]+)"/g)].map((m) => m[1].slice(1)));
  const defaults = new Set([...ct.matchAll(/<Default\b[^>]*Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  for (const o of overrides) if (!names.has(o)) problems.push(`override for missing part ${o}`);
  for (const n of names) {
    if (n === '[Content_Types].xml') continue;
    const ext = n.slice(n.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(n) && !defaults.has(ext)) problems.push(`no content type for ${n}`);
    const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(n);
    if (!m) continue;
    const source = m[1] + m[2];
    for (const r of strFromU8(parts[n]).matchAll(/<Relationship\b[^>]*>/g)) {
      if (/TargetMode="External"/.test(r[0])) continue;
      const target = /Target="([^"]+)"/.exec(r[0])![1];
      const path = resolve(source, target);
      if (!names.has(path)) problems.push(`${n} points at missing ${path}`);
    }
  }
  return problems;
}

/** The child elements of a container in styles.xml, in order. */
export function styleChildren(styles: string, container: string, child: string): string[] {
  const m = new RegExp(`<${container}\\b[^>]*>([\\s\\S]*?)</${container}>`).exec(styles);
  if (!m) return [];
  return m[1].match(new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, 'g')) ?? [];
}
