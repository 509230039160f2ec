/**
 * Bad input gets a PortError with a catalogue key, in both languages, never a library's raw error;
 * and a failed apply leaves the workbook exactly as it was.
 */
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { t } from '../../src/core/i18n';
import '../../src/core/i18n/all';
import { openXlsx } from '../../src/workbook/file';
import { PortError } from '../../src/workbook/port';
import { richWorkbook, richWorkbookParts, RICH_SHEETS } from './richWorkbook';
import { seedXlsx } from './seed';

function keyOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PortError) return e.key;
    throw new Error(`not a PortError: ${String(e)}`);
  }
  throw new Error('did not throw');
}

async function asyncKeyOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PortError) return e.key;
    throw new Error(`not a PortError: ${String(e)}`);
  }
  throw new Error('did not reject');
}

function zipOf(files: Record<string, string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) entries[k] = strToU8(v);
  return zipSync(entries);
}

function richWith(changes: Record<string, string | null>): Uint8Array {
  const parts = richWorkbookParts();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete parts[k];
    else parts[k] = strToU8(v);
  }
  return zipSync(parts);
}

/** A compound file like the one Office writes for a workbook with a password to open. */
function encryptedWorkbook(): Uint8Array {
  const CFB = XLSX.CFB;
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, 1, 2, 3, 4]));
  CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(512).fill(7));
  return new Uint8Array(CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
}

describe('opening files that are not usable workbooks', () => {
  const cases: [string, () => Uint8Array, string][] = [
    ['empty file', () => new Uint8Array(0), 'file.notXlsx'],
    ['a text file', () => strToU8('姓名,身份证号\n张三,110101201501011234\n'), 'file.notXlsx'],
    ['a zip of other things', () => zipOf({ 'readme.txt': 'hello' }), 'file.notXlsx'],
    [
      'a Word document',
      () =>
        zipOf({
          '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
          '_rels/.rels':
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
          'word/document.xml': '<w:document/>',
        }),
      'file.notXlsx',
    ],
    ['a truncated download', () => richWorkbook().slice(0, 3000), 'file.damaged'],
    ['a zip cut to its first bytes', () => richWorkbook().slice(0, 40), 'file.damaged'],
    ['a workbook whose sheet part is missing', () => richWith({ 'xl/worksheets/sheet2.xml': null }), 'file.damaged'],
    [
      'a workbook whose sheet XML is cut off',
      () =>
        richWith({
          'xl/worksheets/sheet3.xml':
            '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>半',
        }),
      'file.damaged',
    ],
    [
      'an old .xls',
      () => new Uint8Array(XLSX.write(XLSX.read(seedXlsx({ sheets: [{ name: 'S', rows: [['a', 1]] }] }), { type: 'array' }), { type: 'array', bookType: 'biff8' }) as ArrayBuffer),
      'file.legacyXls',
    ],
    ['a password-protected workbook', encryptedWorkbook, 'file.encrypted'],
    [
      'an .xlsb (binary workbook)',
      () => new Uint8Array(XLSX.write(XLSX.read(seedXlsx({ sheets: [{ name: 'S', rows: [['a', 1]] }] }), { type: 'array' }), { type: 'array', bookType: 'xlsb' }) as ArrayBuffer),
      'file.xlsb',
    ],
  ];

  it.each(cases.map(([label, make, key]) => [label, key, make] as const))('%s gives %s', (_label, key, make) => {
    expect(keyOf(() => openXlsx(make()))).toBe(key);
  });

  it('has a message in both languages for every key, naming no internals', () => {
    for (const key of new Set(cases.map((c) => c[2]))) {
      for (const lang of ['zh-CN', 'en-US'] as const) {
        const text = t(lang, key);
        expect(text).not.toBe(key);
        expect(text).not.toMatch(/Error|stack|undefined|fflate|SheetJS|zip/i);
      }
    }
  });
});

describe('a failed apply leaves the workbook as it was', () => {
  async function expectUnchanged(plan: Parameters<ReturnType<typeof openXlsx>['apply']>[0], key: string): Promise<void> {
    const wb = openXlsx(richWorkbook());
    const before = wb.save();
    const readBefore = await wb.read();
    expect(await asyncKeyOf(wb.apply(plan))).toBe(key);
    expect(Buffer.from(wb.save()).equals(Buffer.from(before))).toBe(true);
    expect(await wb.read()).toEqual(readBefore);
  }

  it('stops on a stale appendRows after earlier operations of the same plan', async () => {
    await expectUnchanged(
      {
        ops: [
          { kind: 'replaceSheet', sheet: '统计汇总', content: { columns: [{ header: '项目' }], rows: [['a']] } },
          { kind: 'appendRows', sheet: RICH_SHEETS.log, rows: [[1, '王芳', 'x']], expectedLastRow: 1 },
        ],
      },
      'file.conflict',
    );
  });

  it('stops on a missing sheet', async () => {
    await expectUnchanged({ ops: [{ kind: 'setCells', sheet: '不存在', cells: [{ row: 0, col: 0, value: 1 }] }] }, 'file.noSheet');
    await expectUnchanged({ ops: [{ kind: 'markCells', sheet: '不存在', marks: [{ sheet: '不存在', row: 0, col: 0, note: 'x', fill: '#FF0000' }] }] }, 'file.noSheet');
  });

  it.each([['a'.repeat(32)], ['校验/结果'], ['[结果]'], ["'引号"], ['']])('refuses the sheet name %j', async (name) => {
    await expectUnchanged({ ops: [{ kind: 'replaceSheet', sheet: name, content: { columns: [{ header: 'x' }], rows: [] } }] }, 'file.badSheetName');
  });

  it('accepts a sheet name of exactly 31 characters', async () => {
    const wb = openXlsx(richWorkbook());
    const name = '很'.repeat(31);
    await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: name, content: { columns: [{ header: 'x' }], rows: [[1]] } }] });
    expect((await wb.read()).sheets.map((s) => s.name)).toContain(name);
  });

  it('refuses to overwrite the master cell of a shared formula', async () => {
    await expectUnchanged({ ops: [{ kind: 'setCells', sheet: RICH_SHEETS.roster, cells: [{ row: 3, col: 5, value: 0 }] }] }, 'file.formulaCell');
  });

  it('refuses rows past the end of the sheet', async () => {
    await expectUnchanged({ ops: [{ kind: 'setCells', sheet: RICH_SHEETS.log, cells: [{ row: 1048576, col: 0, value: 1 }] }] }, 'file.outOfRange');
  });

  it('refuses to write into a protected sheet, or add sheets to a protected workbook', async () => {
    const parts = richWorkbookParts();
    const log = new TextDecoder().decode(parts['xl/worksheets/sheet5.xml']).replace('</sheetData>', '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>');
    parts['xl/worksheets/sheet5.xml'] = strToU8(log);
    const findings = new TextDecoder().decode(parts['xl/worksheets/sheet4.xml']).replace('</sheetData>', '</sheetData><sheetProtection sheet="1"/>');
    parts['xl/worksheets/sheet4.xml'] = strToU8(findings);
    const wb = openXlsx(zipSync(parts));
    const before = wb.save();
    expect(await asyncKeyOf(wb.apply({ ops: [{ kind: 'appendRows', sheet: RICH_SHEETS.log, rows: [[1]] }] }))).toBe('file.protected');
    expect(
      await asyncKeyOf(wb.apply({ ops: [{ kind: 'markCells', sheet: RICH_SHEETS.log, marks: [{ sheet: RICH_SHEETS.log, row: 1, col: 1, note: 'x', fill: '#FF0000' }] }] })),
    ).toBe('file.protected');
    expect(await asyncKeyOf(wb.apply({ ops: [{ kind: 'replaceSheet', sheet: RICH_SHEETS.findings, content: { columns: [{ header: 'x' }], rows: [] } }] }))).toBe('file.protected');
    expect(Buffer.from(wb.save()).equals(Buffer.from(before))).toBe(true);

    const locked = richWorkbookParts();
    locked['xl/workbook.xml'] = strToU8(new TextDecoder().decode(locked['xl/workbook.xml']).replace('<bookViews>', '<workbookProtection lockStructure="1"/><bookViews>'));
    const lockedWb = openXlsx(zipSync(locked));
    expect(await asyncKeyOf(lockedWb.apply({ ops: [{ kind: 'replaceSheet', sheet: '新表', content: { columns: [{ header: 'x' }], rows: [] } }] }))).toBe('file.protectedWorkbook');
    // Replacing an existing sheet's contents is still allowed: the structure does not change.
    await lockedWb.apply({ ops: [{ kind: 'replaceSheet', sheet: RICH_SHEETS.findings, content: { columns: [{ header: 'x' }], rows: [['y']] } }] });
  });

  it('refuses to write cells into a chart sheet', async () => {
    // Turn the data sheet's relationship into a chartsheet one: same name, no cells to write.
    const parts = richWorkbookParts();
    const rels = new TextDecoder()
      .decode(parts['xl/_rels/workbook.xml.rels'])
      .replace('relationships/worksheet" Target="worksheets/sheet3.xml', 'relationships/chartsheet" Target="worksheets/sheet3.xml');
    parts['xl/_rels/workbook.xml.rels'] = strToU8(rels);
    const wb = openXlsx(zipSync(parts));
    expect(await asyncKeyOf(wb.apply({ ops: [{ kind: 'setCells', sheet: RICH_SHEETS.hidden, cells: [{ row: 0, col: 0, value: 1 }] }] }))).toBe('file.notWorksheet');
  });
});
