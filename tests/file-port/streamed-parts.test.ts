/**
 * Large generated sheets are deflated as they are written (issue 14: apply on 50,000 children held every
 * written sheet whole, 418 MB of XML). These tests guard that: the writer's buffer stays bounded, the
 * package is zipped the way fflate's zipSync would (the reference), and a deflated part reads, undoes,
 * re-applies and re-activates like any other.
 */
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import type { PlanCell, SheetContent } from '../../src/core/plan/types';
import { findSheet } from '../../src/core/snapshot';
import { nodeZip } from '../../src/cli/workbook';
import { openXlsx } from '../../src/workbook/file';
import { buildSheet } from '../../src/workbook/file/sheetWriter';
import { Pkg } from '../../src/workbook/file/pkg';
import { Styles } from '../../src/workbook/file/styles';
import { cellXml, writeCell } from '../../src/workbook/file/cellXml';
import { ByteSink, escCellText, utf8 } from '../../src/workbook/file/xml';
import { PortError } from '../../src/workbook/port';
import { crc32, DeflatedPart, FAST_DEFLATE_FROM, findPart, keepDeflated, PackageParts, PartDeflater, unzipParts, zipPackage, type ZipCodec } from '../../src/workbook/file/zip';
import { packageProblems, partText } from './ooxml';
import { richWorkbook, richWorkbookParts, RICH_SHEETS } from './richWorkbook';

jest.setTimeout(120_000);

const ROWS = 40_000;

function bigContent(tag: string): SheetContent {
  const rows: PlanCell[][] = Array.from({ length: ROWS }, (_, i) => [
    `${tag}${i}`,
    '一(1)班',
    i % 5 ? '按期' : '逾期',
    `第 ${i + 3} 行：谈心记录里没有这名学生的记录`,
    46000 + (i % 300),
  ]);
  return {
    titleLines: [tag],
    columns: [{ header: '学生' }, { header: '班级' }, { header: '状态' }, { header: '说明' }, { header: '日期', format: 'date' }],
    rows,
    freezeHeader: true,
  };
}

describe('deflating as the part is written', () => {
  it('keeps the sink to a few megabytes for a 50 MB part and gives back exactly what was written', () => {
    const sink = new ByteSink(true);
    const line = '<row r="1"><c r="A1" t="inlineStr"><is><t>留守儿童联系卡 · 郑志强</t></is></c></row>';
    const n = Math.ceil((50 << 20) / line.length);
    for (let i = 0; i < n; i++) sink.push(line);
    const part = sink.part();
    expect(part).toBeInstanceOf(DeflatedPart);
    expect(sink.bufferLength).toBeLessThanOrEqual(2 * FAST_DEFLATE_FROM);
    const text = strFromU8((part as DeflatedPart).inflate());
    expect(text.length).toBe(n * line.length);
    expect(text.slice(0, line.length * 2)).toBe(line + line);
    expect(text.endsWith(line)).toBe(true);
  });

  it('leaves a part up to FAST_DEFLATE_FROM as plain bytes, so small workbooks are saved as before', () => {
    const sink = new ByteSink(true);
    sink.push('<worksheet/>');
    const part = sink.part();
    expect(part).toBeInstanceOf(Uint8Array);
    expect(strFromU8(part as Uint8Array)).toBe('<worksheet/>');
  });

  it('writes a large sheet deflated, with the CRC and size of its XML', () => {
    const styles = new Styles(new Pkg(unzipParts(richWorkbook())));
    const built = buildSheet(bigContent('学生'), styles);
    expect(built.bytes).toBeInstanceOf(DeflatedPart);
    const d = built.bytes as DeflatedPart;
    const xml = d.inflate();
    expect(xml.length).toBe(d.size);
    expect(crc32(xml)).toBe(d.crc);
    expect(d.size).toBeGreaterThan(FAST_DEFLATE_FROM);
    expect(strFromU8(d.prefix(200))).toMatch(/^<\?xml version="1.0"/);
  });

  it('computes the zip CRC-32 (APPNOTE check value) across pieces', () => {
    const bytes = new TextEncoder().encode('123456789');
    expect(crc32(bytes)).toBe(0xcbf43926);
    expect(crc32(bytes.subarray(4), crc32(bytes.subarray(0, 4)))).toBe(0xcbf43926);
    const deflater = new PartDeflater();
    deflater.push(bytes.subarray(0, 4));
    deflater.push(bytes.subarray(4));
    const part = deflater.finish();
    expect([part.size, part.crc, strFromU8(part.inflate())]).toEqual([9, 0xcbf43926, '123456789']);
    // Node's zlib where it has crc32 (from 20.15): the same value, continued across pieces the same way.
    if (nodeZip.crc32) expect(nodeZip.crc32(bytes.subarray(4), nodeZip.crc32(bytes.subarray(0, 4), 0))).toBe(0xcbf43926);
  });
});

describe('cell text written as bytes', () => {
  // Every branch of the byte writer: ASCII, entities, two- and three-byte UTF-8, surrogate pairs, and the
  // characters it leaves to escCellText (controls, CR, an underscore that may start _xHHHH_, lone
  // surrogates, U+FFFE/FFFF).
  const texts = [
    '',
    'plain ascii',
    '郑志强',
    'é ß ñ — ’',
    '帮扶教师：没有合适类别的帮扶人员（学习帮手需同班学生）',
    '<a href="x">&amp; \'q\'</a>',
    'tab\tand\nnewline',
    'cr\r\nline',
    '_x0041_ and _x00zz_ and a_b',
    'bell\u0007 esc\u001b',
    'emoji 😀 pair',
    'lone \ud83d high',
    'lone \ude00 low',
    'end high \ud83d',
    'nonchar \ufffe \uffff',
    '=SUM(A1)',
    'x'.repeat(70) + '张',
  ];

  it('gives the bytes of escCellText for any text', () => {
    const rng = (seed: number) => () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const next = rng(7);
    const pool = ['a', 'Z', '&', '<', '"', "'", '_', 'x', '0', '\r', '\n', '\u0001', '张', 'é', '😀', '\ud800', '\udc00', '\uffff'];
    const random = Array.from({ length: 300 }, () => Array.from({ length: Math.floor(next() * 12) }, () => pool[Math.floor(next() * pool.length)]).join(''));
    for (const text of [...texts, ...random]) {
      const sink = new ByteSink();
      sink.cellText(text);
      expect(Buffer.from(sink.bytes()).toString('hex')).toBe(Buffer.from(utf8(escCellText(text))).toString('hex'));
    }
  });

  it('writes every kind of cell as cellXml spells it', () => {
    const quoted: number[] = [];
    const values = [...texts, 0, -1.5, 46000, Infinity, true, false, null, { error: '#N/A' }, { error: 'not an error' }];
    for (const value of values)
      for (const style of [0, 3]) {
        const notes = { truncated: false, quote: (s: number) => (quoted.push(s), s + 100) };
        const sink = new ByteSink();
        writeCell(sink, '', 'B7', value, style, notes);
        expect(new TextDecoder().decode(sink.bytes())).toBe(cellXml('', 'B7', value, style, { truncated: false, quote: (s) => s + 100 }));
      }
    expect(quoted.length).toBeGreaterThan(0);
  });
});

describe('a host deflate (the command line passes Node zlib)', () => {
  it('makes pieces that join into one stream, and the port saves a workbook that reads back', async () => {
    const text = Array.from({ length: 30_000 }, (_, i) => `<row r="${i}"><c><v>${i}</v></c></row>`).join('');
    const bytes = new TextEncoder().encode(text);
    const deflater = new PartDeflater(nodeZip);
    for (let at = 0; at < bytes.length; at += 100_000) deflater.push(bytes.subarray(at, at + 100_000));
    const part = deflater.finish();
    expect(strFromU8(part.inflate())).toBe(text);
    expect(part.crc).toBe(crc32(bytes));

    const wb = openXlsx(richWorkbook(), { zip: nodeZip });
    await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '联系卡', content: bigContent('丙') }] });
    const sheet = findSheet(await openXlsx(wb.save()).read({ sheets: ['联系卡'] }), '联系卡')!;
    expect(sheet.values).toHaveLength(ROWS + 2);
    expect(sheet.values[ROWS + 1][0]).toBe(`丙${ROWS - 1}`);
  });
});

describe('unzipping through the host inflate (the command line passes Node zlib)', () => {
  /** Every zip the tests hold: the bad-input corpus, the sample rosters, the other programs' files. */
  const zips = ['corpus', 'fixtures', 'fixtures/adopt', 'producers/files', 'producers/files/merged'].flatMap((dir) =>
    readdirSync(path.join(__dirname, '..', dir))
      .filter((f) => /\.(xlsx|xlsm|ods)$/.test(f))
      .map((f) => path.join(dir, f)),
  );
  const unzipOrKey = (bytes: Uint8Array, codec?: ZipCodec) => {
    try {
      return unzipParts(bytes, codec);
    } catch (e) {
      if (e instanceof PortError) return e.key;
      throw e;
    }
  };
  /** nodeZip's inflate, counting its calls. */
  const counting = () => {
    const codec = { ...nodeZip, calls: 0, inflate: (data: Uint8Array, size: number) => (codec.calls++, nodeZip.inflate!(data, size)) };
    return codec;
  };

  it.each(zips)('%s gives the parts fflate gives, in the same order, or the same refusal', (file) => {
    const bytes = new Uint8Array(readFileSync(path.join(__dirname, '..', file)));
    const [reference, host] = [unzipOrKey(bytes), unzipOrKey(bytes, nodeZip)];
    if (typeof reference === 'string') return expect(host).toBe(reference);
    if (typeof host === 'string') throw new Error(`the host inflate refused ${file} (${host}), fflate read it`);
    expect([...host.keys()]).toEqual([...reference.keys()]);
    for (const [name, data] of reference) expect(Buffer.from(host.get(name)!).equals(Buffer.from(data))).toBe(true);
  });

  it('inflates every deflated entry through the host, and a part kept deflated after the read through it again', () => {
    const bytes = richWorkbook();
    let deflated = 0;
    unzipSync(bytes, { filter: (f) => ((deflated += Number(f.compression === 8)), false) });
    expect(deflated).toBeGreaterThan(3);
    const codec = counting();
    const parts = unzipParts(bytes, codec);
    expect(codec.calls).toBe(deflated);
    const kept = keepDeflated(parts, 0) as PackageParts;
    const name = [...kept.keys()].find((n) => kept.deflatedPart(n))!;
    expect(Buffer.from(kept.get(name)!).equals(Buffer.from(parts.get(name)!))).toBe(true);
    expect(codec.calls).toBe(deflated + 1);
  });

  it('gives plain Uint8Arrays (a Buffer slice would share memory where Uint8Array slice copies)', () => {
    for (const data of unzipParts(richWorkbook(), nodeZip).values()) expect(Object.getPrototypeOf(data)).toBe(Uint8Array.prototype);
  });

  it("looks at a part's beginning through the host as through fflate, inflating little more than asked", () => {
    const xml = new TextEncoder().encode(
      `<worksheet><sheetViews/>${bigContent('头')
        .rows.map((r) => `<row>${r.join('|')}</row>`)
        .join('')}</worksheet>`,
    );
    const data = deflateRawSync(xml, { level: 1 });
    let inflated = 0;
    const codec: ZipCodec = { ...nodeZip, inflateStart: (d) => nodeZip.inflateStart!(d).subarray(0, (inflated = nodeZip.inflateStart!(d).length)) };
    const [host, reference] = [new DeflatedPart(data, xml.length, crc32(xml), codec), new DeflatedPart(data, xml.length, crc32(xml))];
    for (const n of [1, 4096, 65_536, 1 << 20, xml.length, xml.length + 10]) {
      inflated = 0;
      const [a, b] = [host.prefix(n), reference.prefix(n)];
      expect(inflated).toBeGreaterThan(0);
      expect(a.length).toBeGreaterThanOrEqual(Math.min(n, xml.length));
      expect(Buffer.from(a.subarray(0, n)).equals(Buffer.from(xml.subarray(0, n)))).toBe(true);
      expect(Buffer.from(b.subarray(0, n)).equals(Buffer.from(xml.subarray(0, n)))).toBe(true);
      if (n <= 65_536) expect(inflated).toBeLessThan(16 * Math.max(n, 4096));
    }
  });

  it('says a damaged deflate stream is damaged, as fflate does', () => {
    const text = Array.from({ length: 300 }, (_, i) => `<Override PartName="/p${i}"/>`).join('');
    const bytes = zipSync({ '[Content_Types].xml': new TextEncoder().encode(text) }, { level: 6 });
    const broken = bytes.slice();
    const start = 30 + '[Content_Types].xml'.length; // the entry's data, after its local header and name
    broken.fill(0xff, start + 4, start + 24);
    expect(unzipOrKey(broken, nodeZip)).toBe('file.damaged');
    expect(unzipOrKey(broken)).toBe('file.damaged');
  });
});

describe('zipping the package', () => {
  it('gives the same bytes as fflate zipSync for plain parts, at level 6 and stored', () => {
    const parts = unzipParts(richWorkbook());
    for (const level of [6, 0] as const) {
      const entries: Record<string, [Uint8Array, { level: 0 | 6 }]> = { '[Content_Types].xml': [parts.get('[Content_Types].xml')!, { level }] };
      for (const [name, data] of parts) if (name !== '[Content_Types].xml') entries[name] = [data, { level }];
      const reference = zipSync(entries, { mtime: new Date(Date.UTC(1980, 0, 1, 12)) });
      expect(Buffer.from(zipPackage(parts, level)).equals(Buffer.from(reference))).toBe(true);
    }
  });

  it('stores a deflated part as it is, and every reader sees the same bytes', () => {
    const parts = PackageParts.copyOf(unzipParts(richWorkbook()));
    const xml = new TextEncoder().encode('<worksheet>' + 'x'.repeat(100_000) + '</worksheet>');
    const deflater = new PartDeflater();
    deflater.push(xml);
    const part = deflater.finish();
    parts.setDeflated('xl/worksheets/big.xml', part);
    const copy = PackageParts.copyOf(parts);
    expect(copy.deflatedPart('xl/worksheets/big.xml')).toBe(part);
    expect(Buffer.from(copy.get('xl/worksheets/big.xml')!).equals(Buffer.from(xml))).toBe(true);
    expect(Buffer.from(new Map(copy).get('xl/worksheets/big.xml')!).equals(Buffer.from(xml))).toBe(true);
    const unzipped = unzipSync(zipPackage(copy));
    expect(Object.keys(unzipped)[0]).toBe('[Content_Types].xml');
    expect(Buffer.from(unzipped['xl/worksheets/big.xml']).equals(Buffer.from(xml))).toBe(true);
    copy.set('xl/worksheets/big.xml', new Uint8Array([1]));
    expect(copy.deflatedPart('xl/worksheets/big.xml')).toBeUndefined();
  });
});

describe('saving parts as they were read', () => {
  // A package deflated at level 1, which zipPackage would never write at level 6 for these small parts.
  const FIXED = new Date(Date.UTC(1980, 0, 1, 12));
  const readParts = unzipParts(richWorkbook());
  const levelOne = () => {
    const entries: Record<string, [Uint8Array, { level: 1 }]> = { '[Content_Types].xml': [readParts.get('[Content_Types].xml')!, { level: 1 }] };
    for (const [name, data] of readParts) if (name !== '[Content_Types].xml') entries[name] = [data, { level: 1 }];
    return zipSync(entries, { mtime: FIXED });
  };

  it('puts back the compressed bytes of every part saved unchanged, so an unchanged package is saved byte for byte', () => {
    const input = levelOne();
    const parts = PackageParts.copyOf(unzipParts(input));
    expect(Buffer.from(zipPackage(parts)).equals(Buffer.from(input))).toBe(true);
  });

  it('deflates again a part that was replaced or changed in place', () => {
    const input = levelOne();
    const parts = PackageParts.copyOf(unzipParts(input));
    const sheet = [...parts.keys()].find((n) => n.startsWith('xl/worksheets/sheet'))!;
    const styles = findPart(parts, 'xl/styles.xml')!;
    const changed = parts.get(sheet)!;
    const text = strFromU8(changed);
    changed.set(new TextEncoder().encode('<'.repeat(8)), 0); // same object, same length, other bytes
    parts.set(styles, new TextEncoder().encode('<styleSheet/>'));
    const saved = unzipSync(zipPackage(parts));
    expect(strFromU8(saved[sheet])).toBe('<'.repeat(8) + text.slice(8));
    expect(strFromU8(saved[styles])).toBe('<styleSheet/>');
    for (const [name, data] of readParts) if (name !== sheet && name !== styles) expect(Buffer.from(saved[name]).equals(Buffer.from(data))).toBe(true);
  });

  // A 1.6 MB sheet deflated without string matching (zlib's Huffman-only strategy), as some producers
  // deflate about as poorly, or at level 6.
  const bigSheet = new TextEncoder().encode(
    '<worksheet><sheetData>' +
      Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>学生${i}</t></is></c></row>`).join('') +
      '</sheetData></worksheet>',
  );
  const withBigSheet = (deflate: (b: Uint8Array) => Uint8Array) => {
    const parts = PackageParts.copyOf(unzipParts(richWorkbook()));
    parts.setDeflated('xl/worksheets/big.xml', new DeflatedPart(deflate(bigSheet), bigSheet.length, crc32(bigSheet)));
    return zipPackage(parts);
  };

  it('deflates again a large part read deflated much worse than a fresh deflate would, with or without the host codec', () => {
    const input = withBigSheet((b) => deflateRawSync(b, { strategy: zlibConstants.Z_HUFFMAN_ONLY }));
    for (const codec of [undefined, nodeZip]) {
      const saved = zipPackage(unzipParts(input), 6, codec);
      // The sheet is most of the input; deflated again it is a fraction of what it was.
      expect(saved.length).toBeLessThan(input.length / 2);
      expect(Buffer.from(unzipSync(saved)['xl/worksheets/big.xml']).equals(Buffer.from(bigSheet))).toBe(true);
    }
  });

  it('deflates such a part again after a read kept it deflated as it was read (keepDeflated), through the port', async () => {
    const input = withBigSheet((b) => deflateRawSync(b, { strategy: zlibConstants.Z_HUFFMAN_ONLY }));
    for (const zip of [undefined, nodeZip]) {
      const wb = openXlsx(input, zip ? { zip } : {});
      await wb.read();
      await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '新表', content: { columns: [{ header: 'x' }], rows: [['y']] } }] });
      const saved = wb.save();
      expect(saved.length).toBeLessThan(input.length / 2);
      expect(Buffer.from(unzipSync(saved)['xl/worksheets/big.xml']).equals(Buffer.from(bigSheet))).toBe(true);
    }
  });

  it('keeps the compressed bytes of a large part read deflated well', () => {
    const input = withBigSheet((b) => deflateRawSync(b, { level: 6 }));
    expect(Buffer.from(zipPackage(unzipParts(input), 6, nodeZip)).equals(Buffer.from(input))).toBe(true);
  });

  it('stores parts uncompressed at level 0, whatever they were read as', () => {
    const parts = unzipParts(levelOne());
    const reference: Record<string, [Uint8Array, { level: 0 }]> = {};
    for (const name of [findPart(parts, '[Content_Types].xml')!, ...[...parts.keys()].filter((n) => n !== '[Content_Types].xml')])
      reference[name] = [parts.get(name)!, { level: 0 }];
    expect(Buffer.from(zipPackage(parts, 0)).equals(Buffer.from(zipSync(reference, { mtime: FIXED })))).toBe(true);
  });
});

describe('replacing a large sheet', () => {
  // The old part is looked at a megabyte at a time (Pkg.partMatches), never decoded whole: what sits past
  // the first megabytes must still be seen.
  const padded = (tail: string, lastCell: string) => {
    const parts = richWorkbookParts();
    const rows = Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 10}"><c r="A${i + 10}" t="inlineStr"><is><t>学生${i} 留守儿童 帮扶</t></is></c></row>`).join('');
    const xml = new TextDecoder().decode(parts['xl/worksheets/sheet4.xml']).replace('</sheetData>', `${rows}<row r="40010">${lastCell}</row></sheetData>${tail}`);
    parts['xl/worksheets/sheet4.xml'] = new TextEncoder().encode(xml);
    expect(parts['xl/worksheets/sheet4.xml'].length).toBeGreaterThan(3 << 20);
    return openXlsx(zipSync(parts));
  };
  const replace = { ops: [{ kind: 'replaceSheet' as const, sheet: RICH_SHEETS.findings, content: { columns: [{ header: '说明' }], rows: [['无']] } }] };

  it('refuses one protected after its rows', async () => {
    const wb = padded('<sheetProtection sheet="1" objects="1"/>', '');
    await expect(wb.apply(replace)).rejects.toMatchObject({ key: 'file.protected' });
  });

  it('drops the calcChain when a formula sits in its last row, and keeps it when none does', async () => {
    const withFormula = padded('', '<c r="B40010"><f>1+1</f><v>2</v></c>');
    await withFormula.apply(replace);
    expect(unzipSync(withFormula.save())['xl/calcChain.xml']).toBeUndefined();
    const without = padded('', '<c r="B40010"><v>2</v></c>');
    await without.apply(replace);
    expect(unzipSync(without.save())['xl/calcChain.xml']).toBeDefined();
  });
});

describe('a deflated sheet in the port', () => {
  it('reads back before saving, is replaced, activated away from and undone like any sheet', async () => {
    const wb = openXlsx(richWorkbook());
    await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '联系卡', content: bigContent('甲'), activate: true }] });
    // Read from the same port, before any save: the deflated part is inflated for the reader.
    const first = findSheet(await wb.read({ sheets: ['联系卡'] }), '联系卡')!;
    expect(first.values).toHaveLength(ROWS + 2);
    expect(first.values[ROWS + 1][0]).toBe(`甲${ROWS - 1}`);

    // Replace it (the old part is looked at for protection and selection) and open on another sheet:
    // the big sheet was the selected one, so its view must lose tabSelected.
    await wb.apply({
      ops: [
        { kind: 'replaceSheet', sheet: '联系卡', content: bigContent('乙') },
        { kind: 'replaceSheet', sheet: RICH_SHEETS.findings, content: { columns: [{ header: '说明' }], rows: [['无']] }, activate: true },
      ],
    });
    const saved = unzipSync(wb.save());
    expect(packageProblems(saved)).toEqual([]);
    const wbXml = partText(saved, 'xl/workbook.xml');
    const big = Object.keys(saved).find((p) => p.startsWith('xl/worksheets/') && strFromU8(saved[p].subarray(0, 2000)).includes('>乙<'));
    expect(big).toBeDefined();
    expect(partText(saved, big!)).not.toMatch(/tabSelected/);
    expect(wbXml).toMatch(/activeTab=/);

    await wb.undoLast!();
    const undone = findSheet(await openXlsx(wb.save()).read({ sheets: ['联系卡'] }), '联系卡')!;
    expect(undone.values[2][0]).toBe('甲0');
  });
});
