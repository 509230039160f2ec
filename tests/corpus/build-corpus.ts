/**
 * Writes the bad-input corpus: workbooks that are damaged, odd or hostile in the ways real school
 * files are, each of which must end in a clear message (or ordinary findings) and leave the file as
 * it was. Sound workbooks are written with SheetJS's writer (a different tool from the file port's);
 * damaged ones are made by editing a sound package with fflate, or by cutting its bytes.
 *
 *   node_modules/.bin/tsx tests/corpus/build-corpus.ts
 *
 * Deterministic: a fixed seed, fixed zip timestamps, so committed files only change when this does.
 * MANIFEST (exported) says what each file is and what the add-in must do with it.
 */
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { toExcelSerial } from '../../src/core/dates';
import { AREAS, adultName, birthForGrade, childName, fullWidth, GRADE_CN, makeId, mobile, pick, seededRandom, surname, village, type Rng } from '../fixtures/roster-gen';

export const CORPUS_DIR = __dirname;
export const LAST_ROW = 1_048_576;
export const MAX_CELL_TEXT = 32_767;

/**
 * What the add-in must do with a file:
 *  - 'refuse': cannot open it (exit 2 with a file.* reason);
 *  - 'noRoster': opens, but there is no roster to check (exit 2, cannot check);
 *  - 'check': a roster is checked (exit 0 or 1) and the pane path writes its sheets.
 */
export type Outcome = 'refuse' | 'noRoster' | 'check';

export interface CorpusEntry {
  readonly file: string;
  readonly outcome: Outcome;
  /** For 'refuse': the file port's reason key. */
  readonly reason?: string;
  readonly what: string;
}

export const MANIFEST: readonly CorpusEntry[] = [
  { file: 'truncated.xlsx', outcome: 'refuse', reason: 'file.damaged', what: 'a sound workbook cut off after 60% of its bytes (an interrupted download)' },
  { file: 'damaged-xml.xlsx', outcome: 'refuse', reason: 'file.damaged', what: 'a sound zip whose roster sheet XML stops halfway' },
  { file: 'damaged-bytes.xlsx', outcome: 'refuse', reason: 'file.damaged', what: 'compressed bytes of the sheet part overwritten (bad deflate / CRC)' },
  { file: 'zip-not-workbook.xlsx', outcome: 'refuse', reason: 'file.notXlsx', what: 'a zip holding a text file and a picture, no workbook' },
  { file: 'encrypted.xlsx', outcome: 'refuse', reason: 'file.encrypted', what: 'a CFB container with EncryptionInfo/EncryptedPackage, as Excel saves a password-protected file' },
  { file: 'empty-file.xlsx', outcome: 'refuse', reason: 'file.notXlsx', what: 'zero bytes' },
  { file: 'protected-sheet.xlsx', outcome: 'check', what: 'the roster sheet carries a sheetProtection element' },
  { file: 'filtered-hidden.xlsx', outcome: 'check', what: 'an autofilter over the roster, hidden rows and a hidden sheet' },
  { file: 'last-row.xlsx', outcome: 'check', what: 'a roster plus one value in row 1,048,576 of the same sheet' },
  { file: 'long-cells.xlsx', outcome: 'check', what: 'names, addresses and notes of 32,767 characters' },
  { file: 'error-values.xlsx', outcome: 'check', what: '#N/A, #REF! and #DIV/0! across the data rows' },
  { file: 'merged-data.xlsx', outcome: 'check', what: 'merged cells across the data rows (a village over three rows, a name across two columns)' },
  { file: 'long-sheet-names.xlsx', outcome: 'check', what: 'the roster and another sheet named with 31 characters' },
  { file: 'forbidden-sheet-names.xlsx', outcome: 'check', what: 'workbook.xml edited by hand to hold sheet names with / : ? * [ ] and a leading quote' },
  { file: 'empty-workbook.xlsx', outcome: 'noRoster', what: 'one sheet without a single cell' },
  { file: 'header-only.xlsx', outcome: 'check', what: 'a roster header and no rows below it' },
  { file: 'blank-rows.xlsx', outcome: 'check', what: 'a roster header over rows of spaces and empty strings only' },
  { file: 'numeric-ids.xlsx', outcome: 'check', what: 'ID numbers stored as numbers (the last digits lost), phones as numbers' },
  { file: 'full-width.xlsx', outcome: 'check', what: 'full-width digits in every ID, phone, date, class and age' },
];

// ---- sound content ----------------------------------------------------------------------------

const HEADER = ['序号', '姓名', '性别', '出生日期', '身份证号码', '班级', '家庭住址', '父亲姓名', '父亲电话', '母亲姓名', '母亲电话', '监护人姓名', '与学生关系', '监护人电话', '备注'];
const COL = Object.fromEntries(HEADER.map((h, i) => [h, i])) as Record<string, number>;

type Raw = string | number | boolean | XLSX.CellObject | null;

interface Child {
  readonly name: string;
  readonly gender: '男' | '女';
  readonly birth: string;
  readonly id: string;
  readonly cls: string;
  readonly address: string;
  readonly father: string;
  readonly fatherPhone: string;
  readonly mother: string;
  readonly motherPhone: string;
  readonly guardian: string;
  readonly guardianPhone: string;
}

function child(rng: Rng, grade: number): Child {
  const gender = rng() < 0.5 ? '男' : '女';
  const sn = surname(rng);
  const birth = birthForGrade(rng, grade, 2025);
  return {
    name: childName(rng, sn, gender),
    gender,
    birth,
    id: makeId(pick(rng, AREAS), birth, Math.floor(rng() * 1000), gender),
    cls: `${GRADE_CN[grade - 1]}(${1 + Math.floor(rng() * 2)})班`,
    address: village(rng),
    father: adultName(rng, sn, '男'),
    fatherPhone: mobile(rng),
    mother: adultName(rng, surname(rng), '女'),
    motherPhone: mobile(rng),
    guardian: adultName(rng, sn, '男'),
    guardianPhone: mobile(rng),
  };
}

function childRow(i: number, c: Child): Raw[] {
  return [i + 1, c.name, c.gender, { t: 'n', v: toExcelSerial(c.birth), z: 'yyyy-mm-dd' }, c.id, c.cls, c.address, c.father, c.fatherPhone, c.mother, c.motherPhone, c.guardian, '祖父', c.guardianPhone, ''];
}

function children(seed: number, n: number): Child[] {
  const rng = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => child(rng, 1 + (i % 6)));
}

function rosterRows(seed: number, n = 8): Raw[][] {
  return [HEADER, ...children(seed, n).map((c, i) => childRow(i, c))];
}

function sheetOf(rows: readonly (readonly Raw[])[]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxRow = 0;
  let maxCol = 0;
  rows.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (cell === null) return;
      ws[XLSX.utils.encode_cell({ r, c })] = typeof cell === 'string' ? { t: 's', v: cell } : typeof cell === 'number' ? { t: 'n', v: cell } : typeof cell === 'boolean' ? { t: 'b', v: cell } : cell;
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, c);
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxRow, c: maxCol } });
  return ws;
}

/** The sheets besides the roster every 'check' file carries: they must read back untouched. */
function bystander(): XLSX.WorkSheet {
  return sheetOf([['本学期工作计划'], ['一、摸底登记', { t: 'n', v: 45901, z: 'yyyy-mm-dd' }], ['二、结对帮扶', 12.5, true]]);
}

function book(sheets: readonly [string, XLSX.WorkSheet][], hidden: readonly string[] = []): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  wb.Workbook = { ...(wb.Workbook ?? {}), Sheets: sheets.map(([name]) => ({ name, Hidden: hidden.includes(name) ? 1 : 0 })) };
  // Unzip what SheetJS wrote and zip it again with fixed timestamps: byte-identical on every run.
  return rezip(unzipSync(new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer)));
}

const FIXED_TIME = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

function rezip(files: Record<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const name of Object.keys(files).sort()) z[name] = [files[name], { mtime: FIXED_TIME, level: 6 }];
  return zipSync(z);
}

function editPart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  if (!files[part]) throw new Error(`no part ${part}`);
  files[part] = strToU8(edit(strFromU8(files[part])));
  return rezip(files);
}

const roster = (seed: number, n = 8): [string, XLSX.WorkSheet] => ['花名册', sheetOf(rosterRows(seed, n))];
const plan = (): [string, XLSX.WorkSheet] => ['工作计划', bystander()];

// ---- the corpus ---------------------------------------------------------------------------------

function truncated(): Uint8Array {
  const sound = book([roster(11, 30), plan()]);
  return sound.slice(0, Math.floor(sound.length * 0.6));
}

function damagedXml(): Uint8Array {
  // The part is cut off mid-row but the zip around it is sound (its CRC matches the cut text), as
  // when a program crashed while writing the sheet.
  return editPart(book([roster(12), plan()]), 'xl/worksheets/sheet1.xml', (xml) => xml.slice(0, Math.floor(xml.length / 2)));
}

function damagedBytes(): Uint8Array {
  const bytes = book([roster(13, 40), plan()]).slice();
  // Overwrite a run in the middle of the first (largest-compressed) sheet entry's data: the inflate
  // fails or the CRC does not match. Find the local header of sheet1.xml and step past its name.
  const name = strToU8('xl/worksheets/sheet1.xml');
  let at = -1;
  outer: for (let i = 0; i < bytes.length - 4; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b || bytes[i + 2] !== 3 || bytes[i + 3] !== 4) continue;
    for (let k = 0; k < name.length; k++) if (bytes[i + 30 + k] !== name[k]) continue outer;
    at = i;
    break;
  }
  if (at < 0) throw new Error('sheet1.xml not found');
  const compressed = bytes[at + 18] | (bytes[at + 19] << 8) | (bytes[at + 20] << 16);
  const start = at + 30 + name.length + (bytes[at + 28] | (bytes[at + 29] << 8)) + Math.floor(compressed / 3);
  for (let k = 0; k < 64; k++) bytes[start + k] = (k * 37 + 11) & 0xff;
  return bytes;
}

function zipNotWorkbook(): Uint8Array {
  return rezip({ 'readme.txt': strToU8('学生名单见附件。\n'), 'photos/class.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) });
}

function encrypted(): Uint8Array {
  // What Excel writes for "Encrypt with password": an OLE compound file, not a zip.
  const CFB = XLSX.CFB;
  const c = CFB.utils.cfb_new();
  const info = new Uint8Array(64);
  info.set([4, 0, 4, 0, 0x40, 0, 0, 0]); // Agile encryption version 4.4
  info.set(strToU8('<?xml version="1.0"?><encryption/>').slice(0, 56), 8);
  CFB.utils.cfb_add(c, '/EncryptionInfo', info);
  const pkg = new Uint8Array(4096);
  for (let i = 0; i < pkg.length; i++) pkg[i] = (i * 131 + 7) & 0xff;
  CFB.utils.cfb_add(c, '/EncryptedPackage', pkg);
  CFB.utils.cfb_del(c, '/\u0001Sh33tJ5');
  return new Uint8Array(CFB.write(c, { type: 'buffer' }) as Buffer);
}

function protectedSheet(): Uint8Array {
  const ws = sheetOf(rosterRows(14));
  ws['!protect'] = { password: 'abcd', selectLockedCells: true, formatCells: false };
  return book([['花名册', ws], plan()]);
}

function filteredHidden(): Uint8Array {
  const rows = rosterRows(15, 12);
  const ws = sheetOf(rows);
  ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: HEADER.length - 1 } }) };
  ws['!rows'] = rows.map((_, r) => (r % 3 === 2 ? { hidden: true } : {}));
  const old = sheetOf(rosterRows(16, 3));
  return book([['花名册', ws], plan(), ['旧名单', old]], ['旧名单']);
}

function lastRow(): Uint8Array {
  const ws = sheetOf(rosterRows(17, 6));
  ws[XLSX.utils.encode_cell({ r: LAST_ROW - 1, c: 0 })] = { t: 's', v: '表尾' };
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: LAST_ROW - 1, c: HEADER.length - 1 } });
  return book([['花名册', ws], plan()]);
}

function longCells(): Uint8Array {
  const rows = rosterRows(18, 5);
  const long = (seed: string) => seed.repeat(Math.ceil(MAX_CELL_TEXT / seed.length)).slice(0, MAX_CELL_TEXT);
  rows[1][COL['姓名']] = long('王');
  rows[2][COL['家庭住址']] = long('青石镇石门村');
  rows[3][COL['备注']] = long('孩子性格内向，需多关心。');
  rows[4][COL['监护人姓名']] = long('ab');
  return book([['花名册', sheetOf(rows)], plan()]);
}

function errorValues(): Uint8Array {
  const rows = rosterRows(19, 9);
  const err = (code: number): XLSX.CellObject => ({ t: 'e', v: code });
  const NA = 0x2a;
  const REF = 0x17;
  const DIV0 = 0x07;
  rows[1][COL['姓名']] = err(NA);
  rows[2][COL['出生日期']] = err(REF);
  rows[3][COL['身份证号码']] = err(DIV0);
  rows[4][COL['班级']] = err(NA);
  rows[5][COL['监护人电话']] = err(REF);
  rows[6][COL['性别']] = err(DIV0);
  rows[7] = rows[7].map((_, c) => (c === 0 ? 7 : err([NA, REF, DIV0][c % 3])));
  rows[8][COL['序号']] = err(REF);
  return book([['花名册', sheetOf(rows)], plan()]);
}

function mergedData(): Uint8Array {
  const rows = rosterRows(20, 9);
  const ws = sheetOf(rows);
  const m = (r0: number, c0: number, r1: number, c1: number) => ({ s: { r: r0, c: c0 }, e: { r: r1, c: c1 } });
  // Merged areas keep only their top-left value, as Excel does.
  for (const [r, c] of [[2, COL['家庭住址']], [3, COL['家庭住址']], [5, COL['父亲电话']], [7, COL['班级']], [8, COL['班级']], [9, COL['班级']]]) delete ws[XLSX.utils.encode_cell({ r, c })];
  ws['!merges'] = [m(1, COL['家庭住址'], 3, COL['家庭住址']), m(4, COL['父亲姓名'], 5, COL['父亲电话']), m(6, COL['班级'], 9, COL['班级']), m(6, COL['姓名'], 6, COL['性别'])];
  delete ws[XLSX.utils.encode_cell({ r: 6, c: COL['性别'] })];
  return book([['花名册', ws], plan()]);
}

export const LONG_ROSTER_NAME = '青石镇中心小学二〇二五年秋季学期留守儿童花名册登记表'.slice(0, 31).padEnd(31, '表');
export const LONG_OTHER_NAME = 'A'.repeat(20) + '工作计划与总结备忘录二〇'.slice(0, 11);

function longSheetNames(): Uint8Array {
  return book([[LONG_ROSTER_NAME, sheetOf(rosterRows(21))], [LONG_OTHER_NAME, bystander()]]);
}

/** Names Excel would never let a user type; only a hand-edited package holds them. */
export const FORBIDDEN_NAMES = ['花名册/2025', '计划:秋季', '问题?*', '[旧]名单', "'引号"];

function forbiddenSheetNames(): Uint8Array {
  const sheets: [string, XLSX.WorkSheet][] = [['S1', sheetOf(rosterRows(22))], ['S2', bystander()], ['S3', bystander()], ['S4', sheetOf([['备注'], ['无']])], ['S5', sheetOf([['x']])]];
  return editPart(book(sheets), 'xl/workbook.xml', (xml) => {
    let out = xml;
    FORBIDDEN_NAMES.forEach((name, i) => {
      const esc = name.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
      out = out.replace(`name="S${i + 1}"`, `name="${esc}"`);
    });
    return out;
  });
}

function emptyWorkbook(): Uint8Array {
  const ws: XLSX.WorkSheet = { '!ref': 'A1' };
  return book([['Sheet1', ws]]);
}

function headerOnly(): Uint8Array {
  return book([['花名册', sheetOf([HEADER])], plan()]);
}

function blankRows(): Uint8Array {
  const blank = (i: number): Raw[] => HEADER.map((_, c) => (c % 2 === i % 2 ? ' ' : c % 3 === 0 ? '\u3000' : ''));
  return book([['花名册', sheetOf([HEADER, ...Array.from({ length: 10 }, (_, i) => blank(i))])], plan()]);
}

function numericIds(): Uint8Array {
  const rows = rosterRows(23, 8);
  for (let r = 1; r < rows.length; r++) {
    const id = rows[r][COL['身份证号码']] as string;
    if (!/X$/.test(id)) rows[r][COL['身份证号码']] = Number(id); // 18 digits do not fit a double: precision lost
    for (const col of ['父亲电话', '母亲电话', '监护人电话']) rows[r][COL[col]] = Number(rows[r][COL[col]]);
  }
  return book([['花名册', sheetOf(rows)], plan()]);
}

function fullWidthDigits(): Uint8Array {
  const rows = rosterRows(24, 8);
  for (let r = 1; r < rows.length; r++) {
    const line = rows[r];
    const c = line[COL['出生日期']] as XLSX.CellObject;
    const serial = c.v as number;
    const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10);
    line[COL['出生日期']] = fullWidth(d.replace(/-/g, '.'));
    line[COL['序号']] = fullWidth(String(r));
    for (const col of ['身份证号码', '班级', '父亲电话', '母亲电话', '监护人电话', '家庭住址']) line[COL[col]] = fullWidth(String(line[COL[col]]));
  }
  return book([['花名册', sheetOf(rows)], plan()]);
}

export const BUILDERS: Readonly<Record<string, () => Uint8Array>> = {
  'truncated.xlsx': truncated,
  'damaged-xml.xlsx': damagedXml,
  'damaged-bytes.xlsx': damagedBytes,
  'zip-not-workbook.xlsx': zipNotWorkbook,
  'encrypted.xlsx': encrypted,
  'empty-file.xlsx': () => new Uint8Array(0),
  'protected-sheet.xlsx': protectedSheet,
  'filtered-hidden.xlsx': filteredHidden,
  'last-row.xlsx': lastRow,
  'long-cells.xlsx': longCells,
  'error-values.xlsx': errorValues,
  'merged-data.xlsx': mergedData,
  'long-sheet-names.xlsx': longSheetNames,
  'forbidden-sheet-names.xlsx': forbiddenSheetNames,
  'empty-workbook.xlsx': emptyWorkbook,
  'header-only.xlsx': headerOnly,
  'blank-rows.xlsx': blankRows,
  'numeric-ids.xlsx': numericIds,
  'full-width.xlsx': fullWidthDigits,
};

if (require.main === module) {
  mkdirSync(CORPUS_DIR, { recursive: true });
  for (const entry of MANIFEST) {
    const bytes = BUILDERS[entry.file]();
    writeFileSync(path.join(CORPUS_DIR, entry.file), bytes);
    console.log(`${entry.file.padEnd(28)} ${String(bytes.length).padStart(8)} bytes  ${entry.what}`);
  }
}
