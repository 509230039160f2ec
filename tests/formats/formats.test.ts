/**
 * .xls, .et, .ods and .csv read through the file port: the fixtures (build-formats.ts, written by
 * LibreOffice from the sample roster) read as the .xlsx they came from, and the roster check finds the
 * same; the result is an .xlsx package; the bad ones (.xlsb, password-protected) are refused by key.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strToU8 } from 'fflate';
import '../../src/core/i18n/all';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import { t } from '../../src/core/i18n';
import { checkRoster } from '../../src/core/roster';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { planMaintenance } from '../../src/core/workflow';
import { isConverted, openSpreadsheet, openXlsx, savedFileName } from '../../src/workbook/file';
import { csvToXlsx, decodeText } from '../../src/workbook/file/convert';
import { PortError } from '../../src/workbook/port';
import { FIXTURE_TODAY } from '../fixtures/build-samples';
import { CORPUS_DIR } from '../corpus/build-corpus';
import { FORMATS_DIR, macroParts, SAMPLE_FILES, SAMPLE_XLSX, TEXT_FILES } from './build-formats';

jest.setTimeout(120_000);

const ROSTER = '留守儿童登记表';
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FORMATS_DIR, name)));
const open = (name: string) => openSpreadsheet(fixture(name), { name });
const findingsOf = (s: WorkbookSnapshot) => checkRoster(s, { today: FIXTURE_TODAY }).findings.map((f) => ({ row: f.row, col: f.col, rule: f.rule, severity: f.severity }));
const rosterOf = (s: WorkbookSnapshot): SheetSnapshot => s.sheets.find((x) => x.name === ROSTER) ?? s.sheets[0];

function keyOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PortError) return e.key;
    throw new Error(`not a PortError: ${String(e)}`);
  }
  throw new Error('did not throw');
}

let original: WorkbookSnapshot;
beforeAll(async () => {
  original = await openXlsx(new Uint8Array(readFileSync(SAMPLE_XLSX))).read();
});

describe.each(Object.entries(SAMPLE_FILES))('%s', (name, format) => {
  it(`opens as .${format} and the roster check finds exactly what it finds in the .xlsx`, async () => {
    const wb = open(name);
    expect(wb.format).toBe(format);
    expect(isConverted(wb.format)).toBe(true);
    const snapshot = await wb.read();
    const expected = findingsOf(original);
    expect(expected.length).toBeGreaterThan(0);
    expect(findingsOf(snapshot)).toEqual(expected);
    expect(checkRoster(snapshot, { today: FIXTURE_TODAY }).records).toHaveLength(checkRoster(original, { today: FIXTURE_TODAY }).records.length);
  });

  it('keeps IDs and phones as text, dates as dates', async () => {
    const roster = rosterOf(await open(name).read());
    const before = rosterOf(original);
    expect(roster.origin).toEqual(before.origin);
    expect(roster.dateFormats?.columns).toEqual(before.dateFormats?.columns);
    roster.values.forEach((line, r) =>
      line.forEach((v, c) => {
        const was = before.values[r][c];
        // The one ID the sample stores as a number (damaged, as Excel does) reaches a CSV or an HTML table
        // as Excel shows it, 3.41523201905262E+17, and stays that text; every other cell is the same value.
        if (TEXT_FILES.includes(name) && typeof was === 'number' && was > 1e11) expect(v).toBe(String(was.toExponential(14)).toUpperCase().replace('E+', 'E+0'));
        else expect([r, c, v]).toEqual([r, c, was]);
      }),
    );
  });

  if (format !== 'csv') {
    it('keeps the merged title and header cells', async () => {
      expect(rosterOf(await open(name).read()).merges).toEqual(expect.arrayContaining(rosterOf(original).merges ?? []));
    });
  }

  it('takes the whole upkeep and saves an .xlsx that reads back with the roster unchanged', async () => {
    const wb = open(name);
    const before = await wb.read();
    const plan = planMaintenance(before, { today: FIXTURE_TODAY, lang: 'zh-CN', calendar: createTymeCalendar() });
    await wb.apply(plan.plan);
    const saved = openXlsx(wb.save());
    expect(saved.format).toBe('xlsx');
    const after = await saved.read();
    expect(rosterOf(after).values).toEqual(rosterOf(before).values);
    expect(after.sheets.map((s) => s.name)).toContain('校验结果');
  });
});

describe('an .xlsm', () => {
  it('is edited in place and keeps its macros: the project byte for byte, its relationship and content types', async () => {
    const input = fixture('macro.xlsm');
    const before = macroParts(input);
    expect(before.project.length).toBeGreaterThan(1000);
    expect(before.binDefault).toBe(true);
    expect(before.workbookType).toBe('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(before.projectRel).toBeDefined();

    const wb = openSpreadsheet(input, { name: 'macro.xlsm' });
    expect(wb.format).toBe('xlsm');
    expect(isConverted(wb.format)).toBe(false);
    const snapshot = await wb.read();
    expect(findingsOf(snapshot)).toEqual(findingsOf(original));
    await wb.apply(planMaintenance(snapshot, { today: FIXTURE_TODAY, lang: 'zh-CN', calendar: createTymeCalendar() }).plan);
    const saved = wb.save();
    const after = macroParts(saved);
    expect(Buffer.compare(after.project, before.project)).toBe(0);
    expect(after.binDefault).toBe(true);
    expect(after.workbookType).toBe(before.workbookType);
    expect(after.projectRel).toBe(before.projectRel);
    expect((await openXlsx(saved).read()).sheets.map((s) => s.name)).toContain('校验结果');
    expect(savedFileName('花名册.xlsm', wb.format)).toBe('花名册.xlsm');
  });
});

describe('an .et that is an OOXML package inside', () => {
  it('opens as .et, so its result is saved as a new .xlsx', async () => {
    const wb = openSpreadsheet(new Uint8Array(readFileSync(SAMPLE_XLSX)), { name: '花名册.et' });
    expect(wb.format).toBe('et');
    expect(savedFileName('花名册.et', wb.format)).toBe('花名册.xlsx');
    expect(findingsOf(await wb.read())).toEqual(findingsOf(original));
  });
});

describe('refusals', () => {
  it.each([
    ['encrypted.xls', 'file.encrypted'],
    ['sample-roster.xlsb', 'file.xlsb'],
  ])('%s gives %s, in both languages', (name, key) => {
    expect(keyOf(() => open(name))).toBe(key);
    for (const lang of ['zh-CN', 'en-US'] as const) expect(t(lang, key)).not.toBe(key);
  });

  it('a password-protected .xlsx is still told apart from an .xls', () => {
    expect(keyOf(() => openSpreadsheet(new Uint8Array(readFileSync(path.join(CORPUS_DIR, 'encrypted.xlsx'))), { name: 'encrypted.xlsx' }))).toBe('file.encrypted');
  });

  it('a compound file without a workbook stream (a Word .doc, say) is not a workbook', () => {
    const cfb = XLSX.CFB as { utils: { cfb_new(): unknown; cfb_add(c: unknown, p: string, d: Uint8Array): void }; write(c: unknown, o: object): ArrayBuffer };
    const doc = cfb.utils.cfb_new();
    cfb.utils.cfb_add(doc, 'WordDocument', new Uint8Array(64).fill(1));
    expect(keyOf(() => openSpreadsheet(new Uint8Array(cfb.write(doc, { type: 'array' })), { name: 'x.xls' }))).toBe('file.notXlsx');
  });

  it('an .xls that is neither a workbook nor markup is not a workbook', () => {
    expect(keyOf(() => openSpreadsheet(strToU8('姓名,身份证号\n张三,1\n'), { name: 'roster.xls' }))).toBe('file.notXlsx');
    expect(keyOf(() => openSpreadsheet(strToU8('<html><body>没有表格</body></html>'), { name: 'roster.xls' }))).toBe('file.notXlsx');
  });

  it('text is CSV only when its name says so', () => {
    const text = strToU8('姓名,身份证号\n张三,110101201501011234\n');
    expect(keyOf(() => openSpreadsheet(text, { name: 'roster.xlsx' }))).toBe('file.notXlsx');
    expect(keyOf(() => openSpreadsheet(text))).toBe('file.notXlsx');
    expect(openSpreadsheet(text, { name: 'roster.csv' }).format).toBe('csv');
  });

  it('the strict .xlsx opener still refuses an .xls, with the old message', () => {
    expect(keyOf(() => openXlsx(fixture('sample-roster.xls')))).toBe('file.legacyXls');
  });
});

describe('CSV text', () => {
  const zh = '姓名,身份证号\n张三,11010120150101123X\n';
  const utf8 = strToU8(zh);
  const gbk = Uint8Array.from(readFileSync(path.join(FORMATS_DIR, 'sample-roster.gbk.csv')));

  it('reads UTF-8 with and without a BOM, UTF-16 either way, GB18030 with its BOM, and GBK', () => {
    expect(decodeText(utf8)).toBe(zh);
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8))).toBe(zh);
    const le = Buffer.from(zh, 'utf16le');
    expect(decodeText(Uint8Array.of(0xff, 0xfe, ...le))).toBe(zh);
    const be = Uint8Array.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    expect(decodeText(Uint8Array.of(0xfe, 0xff, ...be))).toBe(zh);
    // 张三 in GBK (= GB18030 for these characters).
    expect(decodeText(Uint8Array.of(0x84, 0x31, 0x95, 0x33, 0xd5, 0xc5, 0xc8, 0xfd))).toBe('张三');
    expect(decodeText(Uint8Array.of(0xd5, 0xc5, 0xc8, 0xfd))).toBe('张三');
    expect(decodeText(gbk)).toBe(readFileSync(path.join(FORMATS_DIR, 'sample-roster.utf8.csv'), 'utf8'));
  });

  it('keeps long digit strings as text, reads short numbers and dates as Excel would', async () => {
    const csv = [
      '姓名,身份证号,电话,编号,年龄,出生日期,备注,学号',
      '张三,430524201503121234,13812345678,007,9,2015-03-12,="430524201503121234",2015/13/40',
      '王五,,8451234,,,,,1234567',
      '李四,43052420150312123X,0731-84512345,12,10.5,2015/3/9,,1',
    ].join('\r\n');
    const snapshot = await openXlsx(csvToXlsx(strToU8(csv), '花名册')).read();
    const sheet = snapshot.sheets[0];
    expect(sheet.name).toBe('花名册');
    expect(sheet.values[1]).toEqual(['张三', '430524201503121234', '13812345678', '007', 9, 42075, '430524201503121234', '2015/13/40']);
    expect(sheet.values[2]).toEqual(['王五', null, '8451234', null, null, null, null, '1234567']);
    expect(sheet.values[3]).toEqual(['李四', '43052420150312123X', '0731-84512345', 12, 10.5, 42072, null, 1]);
    expect(sheet.dateFormats?.columns[5]).toBeDefined();
    expect(sheet.dateFormats?.columns[7]).toBeUndefined();
  });
});

describe('the name a result is saved under', () => {
  it.each([
    ['花名册.xls', 'xls', '花名册.xlsx'],
    ['roster.ET', 'et', 'roster.xlsx'],
    ['a.b.ods', 'ods', 'a.b.xlsx'],
    ['名单.csv', 'csv', '名单.xlsx'],
    ['macro.xlsm', 'xlsm', 'macro.xlsm'],
    ['plain.xlsx', 'xlsx', 'plain.xlsx'],
  ] as const)('%s (%s) is saved as %s', (name, format, saved) => {
    expect(savedFileName(name, format)).toBe(saved);
  });
});
