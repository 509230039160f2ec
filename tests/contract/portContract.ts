/**
 * The behaviour every WorkbookPort must show, whatever the host: run it against the file port, the
 * Office port over the Office double, and any future host.
 *
 *   describePortContract('file port', async (seed) => { ...; return { port, reopen } });
 *
 * The factory builds a workbook holding the seed's sheets (values only, written by whatever means the
 * host has) and returns a port over it. `reopen`, when given, returns a fresh port over the saved
 * workbook, to show changes and the record of marks survive a save. `fingerprint`, when given,
 * returns an opaque string of everything the host keeps about a sheet's formatting and notes, so the
 * suite can check clearMarks restores it exactly.
 */
import type { CellValue } from '../../src/core/cells';
import { LOG_HEADERS, logEntryOp, readLog, type ChildRecord, type NewLogEntry } from '../../src/core/contacts/log';
import { toExcelSerial } from '../../src/core/dates';
import { DATE_FORMAT_CODE } from '../../src/core/plan/formats';
import { planCellValue, type PlanCell, type SheetContent, type WorkbookPlan } from '../../src/core/plan/types';
import { cellAt, findSheet, type WorkbookSnapshot } from '../../src/core/snapshot';
import { PortError, type WorkbookPort } from '../../src/workbook/port';

export interface ContractSeed {
  readonly sheets: readonly { readonly name: string; readonly rows: readonly (readonly CellValue[])[] }[];
}

export interface ContractSubject {
  readonly port: WorkbookPort;
  readonly reopen?: () => Promise<WorkbookPort>;
  readonly fingerprint?: (sheet: string) => Promise<string>;
  /** The number format code of a 0-based cell as the host keeps it, read by the host's own means. */
  readonly numberFormat?: (sheet: string, row: number, col: number) => Promise<string>;
}

export type PortFactory = (seed: ContractSeed) => Promise<ContractSubject>;

/** A sheet's values from A1 to the last value, '' and null alike shown as null. */
export function grid(book: WorkbookSnapshot, name: string): CellValue[][] {
  const sheet = findSheet(book, name);
  if (!sheet) throw new Error(`no sheet ${name} in the snapshot`);
  const rows = sheet.origin.row + sheet.values.length;
  const cols = sheet.origin.col + Math.max(0, ...sheet.values.map((r) => r.length));
  const out: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: CellValue[] = [];
    for (let c = 0; c < cols; c++) {
      const v = cellAt(sheet, r, c);
      line.push(v === '' ? null : v);
    }
    out.push(line);
  }
  // Trim trailing empty rows and columns so hosts that pad differently compare equal.
  while (out.length && out[out.length - 1].every((v) => v === null)) out.pop();
  let width = 0;
  for (const line of out) for (let c = line.length - 1; c >= width; c--) if (line[c] !== null) width = c + 1;
  return out.map((line) => line.slice(0, width));
}

/** The last 0-based row holding a value, as appendRows' expectedLastRow wants it. */
export function lastRow(book: WorkbookSnapshot, name: string): number {
  return grid(book, name).length - 1;
}

/** What a plan cell reads back as: a link shows its text, a date its serial. */
const shown = planCellValue;

const ROSTER = '花名册';
const LOG = '谈心记录';
const FINDINGS = '校验结果';

const rosterRows: CellValue[][] = [
  ['三年级花名册', null, null],
  ['姓名', '出生日期', '身份证号'],
  ['张小明', 42075, '110101201501011234'],
  ['李华', 41640, { error: '#N/A' }],
  ['王芳', 'not a date', true],
];
const logRows: CellValue[][] = [
  ['日期', '学生', '内容'],
  [46266, '张小明', '谈心'],
];

const SEED: ContractSeed = {
  sheets: [
    { name: ROSTER, rows: rosterRows },
    { name: LOG, rows: logRows },
  ],
};

/** Text built to attack: each would be a formula, a command or a DDE call if typed into a cell. */
export const INJECTIONS: readonly string[] = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1+1', '\r=1+1', '=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0", '-', '='];

function findings(rows: readonly (readonly PlanCell[])[], extra: Partial<SheetContent> = {}): SheetContent {
  return {
    titleLines: ['校验结果', '生成于 2026-11-29'],
    columns: [{ header: '工作表', width: 12 }, { header: '单元格' }, { header: '说明', width: 40 }],
    rows,
    ...extra,
  };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}

export function describePortContract(name: string, factory: PortFactory): void {
  describe(`WorkbookPort contract: ${name}`, () => {
    let subject: ContractSubject;
    let port: WorkbookPort;
    beforeEach(async () => {
      subject = await factory(SEED);
      port = subject.port;
    });

    it('reads the seeded sheets and their values', async () => {
      const book = await port.read();
      expect(book.sheets.map((s) => s.name)).toEqual([ROSTER, LOG]);
      expect(grid(book, ROSTER)).toEqual(rosterRows);
      expect(grid(book, LOG)).toEqual(logRows);
    });

    it('reads only the sheets asked for, listing the others by name', async () => {
      const book = await port.read({ sheets: [LOG] });
      expect(book.sheets.map((s) => s.name)).toEqual([ROSTER, LOG]);
      expect(grid(book, LOG)).toEqual(logRows);
      expect(grid(book, ROSTER)).toEqual([]);
    });

    it('replaceSheet writes title lines, header and rows that read back as planned', async () => {
      const rows: PlanCell[][] = [
        [ROSTER, { text: 'C4', link: { sheet: ROSTER, row: 3, col: 2 } }, '身份证号校验位错误'],
        [ROSTER, 'B5', 3.5],
      ];
      const result = await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(rows, { table: { name: 'Findings' }, freezeHeader: true }) }] });
      expect(result.written).toEqual([{ sheet: FINDINGS, what: 'created', rows: 2 }]);
      const book = await port.read();
      expect(book.sheets.map((s) => s.name)).toEqual([ROSTER, LOG, FINDINGS]);
      expect(grid(book, FINDINGS)).toEqual([['校验结果', null, null], ['生成于 2026-11-29', null, null], ['工作表', '单元格', '说明'], ...rows.map((r) => r.map(shown))]);
      expect(grid(book, ROSTER)).toEqual(rosterRows);
    });

    it('replaceSheet twice gives the same sheet, with nothing left of a longer first run', async () => {
      const long = Array.from({ length: 30 }, (_, i) => [ROSTER, `A${i + 1}`, `问题 ${i}`]);
      const short = [[ROSTER, 'B3', '只剩一条']];
      await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(long, { table: { name: 'Findings' } }) }] });
      await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(short, { table: { name: 'Findings' } }) }] });
      const once = grid(await port.read(), FINDINGS);
      const result = await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(short, { table: { name: 'Findings' } }) }] });
      expect(result.written[0]).toEqual({ sheet: FINDINGS, what: 'replaced', rows: 1 });
      const twice = await port.read();
      expect(grid(twice, FINDINGS)).toEqual(once);
      expect(grid(twice, FINDINGS)).toHaveLength(4);
      expect(twice.sheets.filter((s) => s.name === FINDINGS)).toHaveLength(1);
    });

    it('createSheetIfMissing creates a missing sheet and leaves an existing one alone', async () => {
      const template: SheetContent = { columns: [{ header: '日期', format: 'date' }, { header: '学生' }, { header: '内容' }], rows: [] };
      await port.apply({
        ops: [
          { kind: 'createSheetIfMissing', sheet: LOG, content: template },
          { kind: 'createSheetIfMissing', sheet: '帮扶人员', content: { columns: [{ header: '姓名' }, { header: '类别', validation: { list: ['班主任', '党员'] } }], rows: [] } },
        ],
      });
      const book = await port.read();
      expect(grid(book, LOG)).toEqual(logRows);
      expect(grid(book, '帮扶人员')).toEqual([['姓名', '类别']]);
    });

    it('appendRows writes below the last used row', async () => {
      const before = await port.read();
      const rows = [
        [46270, '李华', '家长电话'],
        [46271, '王芳', '家访'],
      ];
      const result = await port.apply({ ops: [{ kind: 'appendRows', sheet: LOG, rows, expectedLastRow: lastRow(before, LOG) }] });
      expect(result.written).toEqual([{ sheet: LOG, what: 'appended', rows: 2 }]);
      expect(grid(await port.read(), LOG)).toEqual([...logRows, ...rows]);
    });

    it('appendRows stops with a conflict when the sheet changed since it was read, writing nothing', async () => {
      const before = await port.read();
      const stale = lastRow(before, LOG) - 1;
      const error = await rejection(port.apply({ ops: [{ kind: 'appendRows', sheet: LOG, rows: [[46300, '赵强', '谈心']], expectedLastRow: stale }] }));
      expect(error).toBeInstanceOf(PortError);
      expect((error as PortError).key).toMatch(/conflict$/);
      expect(grid(await port.read(), LOG)).toEqual(logRows);
    });

    it('setCells writes the cells given and nothing else', async () => {
      await port.apply({
        ops: [
          {
            kind: 'setCells',
            sheet: LOG,
            cells: [
              { row: 1, col: 2, value: '谈心（已补记）' },
              { row: 5, col: 4, value: 7 },
              { row: 0, col: 3, value: true },
            ],
          },
        ],
      });
      const expected: CellValue[][] = [
        ['日期', '学生', '内容', true, null],
        [46266, '张小明', '谈心（已补记）', null, null],
        [null, null, null, null, null],
        [null, null, null, null, null],
        [null, null, null, null, null],
        [null, null, null, null, 7],
      ];
      expect(grid(await port.read(), LOG)).toEqual(expected);
    });

    it('writes injection strings as text through every kind of write', async () => {
      const plan: WorkbookPlan = {
        ops: [
          { kind: 'replaceSheet', sheet: FINDINGS, content: findings(INJECTIONS.map((s) => [s, s, s])) },
          { kind: 'appendRows', sheet: LOG, rows: INJECTIONS.map((s) => [s, s]) },
          { kind: 'setCells', sheet: ROSTER, cells: INJECTIONS.map((s, i) => ({ row: 10 + i, col: 0, value: s })) },
        ],
      };
      await port.apply(plan);
      const book = await port.read();
      const f = grid(book, FINDINGS);
      INJECTIONS.forEach((s, i) => expect(f[3 + i]).toEqual([s, s, s]));
      const log = grid(book, LOG);
      INJECTIONS.forEach((s, i) => expect(log[2 + i].slice(0, 2)).toEqual([s, s]));
      const roster = grid(book, ROSTER);
      INJECTIONS.forEach((s, i) => expect(roster[10 + i][0]).toBe(s));
    });

    it('markCells changes no value, and clearMarks restores what was there', async () => {
      const before = subject.fingerprint ? await subject.fingerprint(ROSTER) : undefined;
      const marked = await port.apply({
        ops: [
          {
            kind: 'markCells',
            sheet: ROSTER,
            marks: [
              { sheet: ROSTER, row: 2, col: 2, note: '身份证号校验位错误', fill: '#FFC7CE' },
              { sheet: ROSTER, row: 4, col: 1, note: '=不是日期', fill: '#FFEB9C' },
              { sheet: ROSTER, row: 4, col: 2, note: '', fill: '#FFEB9C' },
            ],
          },
        ],
      });
      expect(marked.written).toEqual([{ sheet: ROSTER, what: 'marked', rows: 2 }]);
      expect(grid(await port.read(), ROSTER)).toEqual(rosterRows);
      if (subject.fingerprint) expect(await subject.fingerprint(ROSTER)).not.toEqual(before);
      const cleared = await port.apply({ ops: [{ kind: 'clearMarks', sheet: ROSTER }] });
      expect(cleared.written[0]).toMatchObject({ sheet: ROSTER, what: 'unmarked' });
      expect(grid(await port.read(), ROSTER)).toEqual(rosterRows);
      if (subject.fingerprint) expect(await subject.fingerprint(ROSTER)).toEqual(before);
    });

    it('marking a cell twice and clearing once still restores the original', async () => {
      const before = subject.fingerprint ? await subject.fingerprint(ROSTER) : undefined;
      const mark = { sheet: ROSTER, row: 3, col: 2, note: '错误值', fill: '#FFC7CE' };
      await port.apply({ ops: [{ kind: 'markCells', sheet: ROSTER, marks: [mark] }] });
      await port.apply({ ops: [{ kind: 'markCells', sheet: ROSTER, marks: [{ ...mark, fill: '#FFEB9C', note: '仍然是错误值' }] }] });
      await port.apply({ ops: [{ kind: 'clearMarks', sheet: ROSTER }] });
      expect(grid(await port.read(), ROSTER)).toEqual(rosterRows);
      if (subject.fingerprint) expect(await subject.fingerprint(ROSTER)).toEqual(before);
    });

    it('a cancelled apply changes nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings([['x', 'y', 'z']]) }] }, { signal: controller.signal }));
      expect(error).toBeInstanceOf(PortError);
      expect((await port.read()).sheets.map((s) => s.name)).toEqual([ROSTER, LOG]);
    });

    it('reports progress up to the number of operations', async () => {
      const seen: number[] = [];
      await port.apply(
        {
          ops: [
            { kind: 'replaceSheet', sheet: FINDINGS, content: findings([]) },
            { kind: 'setCells', sheet: LOG, cells: [{ row: 9, col: 0, value: 1 }] },
          ],
        },
        { onProgress: (p) => seen.push(p.done / p.total) },
      );
      expect(seen.length).toBeGreaterThan(0);
      expect(seen[seen.length - 1]).toBe(1);
    });

    it('keeps changes and the record of marks across save and reopen', async () => {
      if (!subject.reopen) return;
      const before = subject.fingerprint ? await subject.fingerprint(ROSTER) : undefined;
      const before2 = await port.read();
      await port.apply({
        ops: [
          { kind: 'replaceSheet', sheet: FINDINGS, content: findings([[ROSTER, 'C3', '问题']]) },
          { kind: 'appendRows', sheet: LOG, rows: [[46280, '王芳', '家访']], expectedLastRow: lastRow(before2, LOG) },
          { kind: 'markCells', sheet: ROSTER, marks: [{ sheet: ROSTER, row: 2, col: 2, note: '问题', fill: '#FFC7CE' }] },
        ],
      });
      const again = await subject.reopen();
      const book = await again.read();
      expect(grid(book, FINDINGS)[3]).toEqual([ROSTER, 'C3', '问题']);
      expect(grid(book, LOG)).toEqual([...logRows, [46280, '王芳', '家访']]);
      const cleared = await again.apply({ ops: [{ kind: 'clearMarks', sheet: ROSTER }] });
      expect(cleared.written[0]).toMatchObject({ sheet: ROSTER, what: 'unmarked', rows: 1 });
      expect(grid(await again.read(), ROSTER)).toEqual(rosterRows);
      if (subject.fingerprint) expect(await subject.fingerprint(ROSTER)).toEqual(before);
    });

    it('date cells are real dates: serials with the date format, through every kind of write', async () => {
      const before = await port.read();
      const appended: PlanCell[][] = [
        [{ date: '2026-11-29' }, '李华', '家长电话'],
        [{ date: '2027-01-04' }, '王芳', '家访'],
      ];
      await port.apply({
        ops: [
          { kind: 'appendRows', sheet: LOG, rows: appended, expectedLastRow: lastRow(before, LOG) },
          // A date cell in a text column stays a date; the title line's date stays text.
          { kind: 'replaceSheet', sheet: FINDINGS, content: findings([[ROSTER, { date: '2026-12-01' }, '截止']]) },
          { kind: 'setCells', sheet: ROSTER, cells: [{ row: 8, col: 1, value: { date: '1900-03-01' } }] },
        ],
      });
      const book = await port.read();
      expect(grid(book, LOG).slice(2)).toEqual([
        [46355, '李华', '家长电话'],
        [46391, '王芳', '家访'],
      ]);
      expect(toExcelSerial('2026-11-29')).toBe(46355);
      expect(grid(book, FINDINGS)[3]).toEqual([ROSTER, 46357, '截止']);
      expect(grid(book, FINDINGS)[1][0]).toBe('生成于 2026-11-29');
      expect(grid(book, ROSTER)[8][1]).toBe(61);
      if (subject.numberFormat) {
        expect(await subject.numberFormat(LOG, 2, 0)).toBe(DATE_FORMAT_CODE);
        expect(await subject.numberFormat(LOG, 3, 0)).toBe(DATE_FORMAT_CODE);
        expect(await subject.numberFormat(FINDINGS, 3, 1)).toBe(DATE_FORMAT_CODE);
        expect(await subject.numberFormat(ROSTER, 8, 1)).toBe(DATE_FORMAT_CODE);
        // Cells next to them keep their own format.
        expect(await subject.numberFormat(LOG, 2, 1)).not.toBe(DATE_FORMAT_CODE);
      }
    });

    it('the talk log the core appends reads back as the same days as a typed row', async () => {
      // A 谈心记录 as a teacher set it up, with one row typed by hand (its date a serial).
      const typed: CellValue[] = [46266, '张小明', '三(1)班', '谈心', '学生', '刘老师', '学习', '否', null];
      const own = await factory({ sheets: [{ name: LOG, rows: [[...LOG_HEADERS], typed] }] });
      const children: ChildRecord[] = ['张小明', '李华'].map((name, row) => ({
        row,
        name,
        classLabel: '三(1)班',
        birthDate: null,
        lunarBirthday: false,
        joinDate: null,
        keyFocus: false,
      }));
      const entry: NewLogEntry = {
        date: '2026-11-29',
        children: [children[1]],
        kind: 'talk',
        recorder: '刘老师',
        content: '谈了期末复习',
        followUp: true,
        followUpDue: '2026-12-06',
      };
      const op = logEntryOp([entry], await own.port.read());
      await own.port.apply({ ops: [op] });
      const book = await own.port.read();
      expect(grid(book, LOG)[2][0]).toBe(46355);
      if (own.numberFormat) {
        expect(await own.numberFormat(LOG, 2, 0)).toBe(DATE_FORMAT_CODE);
        expect(await own.numberFormat(LOG, 2, 8)).toBe(DATE_FORMAT_CODE);
      }
      const log = readLog(book, children, '2026-12-01');
      expect(log.findings).toEqual([]);
      expect(log.entries.map((e) => [e.date, e.child, e.followUpDue])).toEqual([
        ['2026-09-01', 0, null],
        ['2026-11-29', 1, '2026-12-06'],
      ]);
    });

    it('selects an existing cell', async () => {
      await expect(port.select({ sheet: ROSTER, row: 2, col: 1 })).resolves.toBeUndefined();
    });
  });
}
