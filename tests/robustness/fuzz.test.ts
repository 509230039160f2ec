/**
 * Random workbooks through the core: rosters with header-ish rows, blank rows, merged cells, error
 * values, NaN and huge numbers, unicode and full-width text; random 帮扶人员, 谈心记录 and 设置 rows.
 * No exception escapes but the documented ones (no roster; a period that cannot be formed), and the
 * invariants of every feature hold. Runs are bounded (small sizes, ~100–150 runs) to keep the suite fast.
 */
import fc from 'fast-check';
import '../../src/core/i18n/all';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import type { CellValue } from '../../src/core/cells';
import { readContactSettings, readLog, LOG_HEADERS } from '../../src/core/contacts';
import { t } from '../../src/core/i18n';
import { planPairing } from '../../src/core/pairing';
import { compareItems } from '../../src/core/reminders/build';
import { checkRoster, overrideFromSettings, RosterNotFoundError } from '../../src/core/roster';
import type { RosterCheck } from '../../src/core/roster/types';
import { SHEETS } from '../../src/core/sheets';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { maintainedSettingDefs, planMaintenance, WorkflowError, type MaintenancePlan } from '../../src/core/workflow';

jest.setTimeout(600_000);

const calendar = createTymeCalendar();
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
/**
 * The whole-upkeep property also counts how many random workbooks reach pairing; with a fresh seed each
 * run that count is chance, so CI uses a fixed seed. FUZZ_SEED=random (or a number) explores further.
 */
const UPKEEP_SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261129);

// ---- cells ------------------------------------------------------------------------------------

const ROSTER_HEADERS = [
  '序号',
  '姓名',
  '学生姓名',
  '性别',
  '出生日期',
  '身份证号码',
  '身份证号',
  '年级',
  '班级',
  '家庭住址',
  '住址',
  '父亲姓名',
  '父亲电话',
  '母亲姓名',
  '母亲电话',
  '监护人姓名',
  '监护人',
  '与学生关系',
  '监护人电话',
  '监护人年龄',
  '留守类型',
  '是否住校',
  '是否重点帮扶',
  '备注',
  '农历生日',
  '入学日期',
];
const MENTOR_HEADERS = ['姓名', '类别', '班级', '电话', '住址', '可帮扶人数', '备注'];

const domainText = fc.constantFrom(
  '张小明',
  '李小红',
  '王 小刚',
  '男',
  '女',
  '未知',
  '三(1)班',
  '三年级1班',
  '五（2）班',
  '初一(3)班',
  '一年级',
  '祖父',
  '祖母',
  '外婆',
  '叔叔',
  '430524201703051234',
  '43052420170305123X',
  '43052420170305123x',
  '４３０５２４２０１７０３０５１２３４',
  '4305242017',
  '13812345678',
  '１３８１２３４５６７８',
  '138-1234-5678',
  '+86 13812345678',
  '2017-03-05',
  '2017/3/5',
  '2017年3月5日',
  '２０１７．０３．０５',
  '昨天',
  '是',
  '否',
  '√',
  '双留守',
  '单留守',
  '住校',
  '班主任',
  '学生',
  '任课教师',
  '代理家长',
  '谈心',
  '家访',
  '家长电话',
  '学生',
  '父亲',
  '合计',
  '小计',
  '填表人：',
  '无',
  '暂无',
  ' ',
  '\u3000',
  '',
  '=SUM(A1:A3)',
  '#N/A',
  '-',
  '—',
);
const errorCell = fc.constantFrom('#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!').map((error) => ({ error }));
const numberCell = fc.oneof(
  fc.double(), // NaN, ±Infinity, -0 and extremes included
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.integer({ min: 30000, max: 60000 }), // plausible date serials
  fc.constantFrom(430524201703051234, 4.30524201703051e17, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 0.5, -0, 3, 1),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: domainText },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }, // lone surrogates and all
  { weight: 3, arbitrary: numberCell },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: errorCell },
  { weight: 4, arbitrary: fc.constant(null) },
);
const row = (width: number) => fc.oneof({ weight: 5, arbitrary: fc.array(cell, { maxLength: width }) }, { weight: 1, arbitrary: fc.constant([] as CellValue[]) });

/** A header made of known headers (shuffled, some missing) and some noise. */
const headerRow = (known: readonly string[]) =>
  fc
    .tuple(fc.shuffledSubarray([...known], { minLength: 1, maxLength: Math.min(12, known.length) }), fc.array(fc.oneof(domainText, fc.constant(null)), { maxLength: 2 }))
    .map(([h, noise]) => [...h, ...noise] as CellValue[]);

const isoDate = fc.date({ min: new Date(Date.UTC(2001, 0, 1)), max: new Date(Date.UTC(2098, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function rectangular(values: CellValue[][]): CellValue[][] {
  // Snapshots may be ragged (hosts fill to width; tests need not): keep some ragged, as given.
  return values;
}

const sheetOf = (name: string, values: CellValue[][], origin = { row: 0, col: 0 }, merges?: SheetSnapshot['merges']): SheetSnapshot => ({
  name,
  origin,
  values: rectangular(values),
  ...(merges ? { merges } : {}),
});

const merges = fc.array(fc.record({ row: fc.nat(15), col: fc.nat(12), rowCount: fc.integer({ min: 1, max: 4 }), colCount: fc.integer({ min: 1, max: 4 }) }), { maxLength: 3 });

const rosterSheet = fc
  .record({
    name: fc.constantFrom('花名册', '2025年秋季', 'Sheet1', '登记表', '留守儿童'),
    origin: fc.record({ row: fc.nat(3), col: fc.nat(2) }),
    titles: fc.array(row(3), { maxLength: 2 }),
    header: headerRow(ROSTER_HEADERS),
    second: fc.option(headerRow(['姓名', '电话', '关系', '年龄']), { freq: 4 }),
    rows: fc.array(row(16), { maxLength: 14 }),
    merges,
  })
  .map((r) => sheetOf(r.name, [...r.titles, r.header, ...(r.second ? [r.second] : []), ...r.rows], r.origin, r.merges.length ? r.merges : undefined));

/** A well-formed 帮扶人员 row in the canonical column order, so some workbooks really pair children. */
const mentorRow = fc
  .tuple(
    domainText,
    fc.constantFrom('班主任', '任课教师', '党员', '领导', '代理家长', '志愿者', '学生'),
    fc.constantFrom('三(1)班', '三（1）班', '四年级2班', '', null),
    fc.constantFrom(null, '', 1, 2, 3, '两', -1),
  )
  .map(([name, kind, cls, capacity]) => [name, kind, cls, null, null, capacity] as CellValue[]); // 姓名 类别 班级 电话 住址 可帮扶人数
const mentorSheet = fc
  .record({
    header: fc.oneof(fc.constant([...MENTOR_HEADERS] as CellValue[]), headerRow(MENTOR_HEADERS)),
    rows: fc.array(fc.oneof(row(8), mentorRow), { maxLength: 8 }),
  })
  .map((r) => sheetOf(SHEETS.mentors, [r.header, ...r.rows]));

const logSheet = fc
  .record({
    above: fc.array(row(3), { maxLength: 1 }),
    header: fc.oneof(fc.constant([...LOG_HEADERS] as CellValue[]), headerRow(LOG_HEADERS)),
    rows: fc.array(row(10), { maxLength: 12 }),
  })
  .map((r) => sheetOf(SHEETS.log, [...r.above, r.header, ...r.rows]));

const SETTING_LABELS = maintainedSettingDefs('2025-09-15').map((d) => d.label);
const settingsSheet = fc
  .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SETTING_LABELS) }, { weight: 1, arbitrary: cell }), cell, cell), { maxLength: 12 })
  .map((rows) => sheetOf(SHEETS.settings, [['设置项', '值', '说明'], ...rows.map((r) => [...r])]));

const junkSheet = fc.record({ name: fc.string({ minLength: 1, maxLength: 31 }), rows: fc.array(row(5), { maxLength: 4 }) }).map((r) => sheetOf(r.name, r.rows));

const workbookArb: fc.Arbitrary<WorkbookSnapshot> = fc
  .record({
    roster: fc.option(rosterSheet, { freq: 8 }),
    mentors: fc.option(mentorSheet, { freq: 2 }),
    log: fc.option(logSheet, { freq: 2 }),
    settings: fc.option(settingsSheet, { freq: 2 }),
    junk: fc.array(junkSheet, { maxLength: 2 }),
  })
  .map((w) => {
    const sheets = [w.roster, ...w.junk, w.mentors, w.log, w.settings].filter((s): s is SheetSnapshot => s !== null);
    // Sheet names are unique in a workbook (case-insensitively, as Excel compares them).
    const seen = new Set<string>();
    return { sheets: sheets.filter((s) => !seen.has(s.name.toUpperCase()) && !!seen.add(s.name.toUpperCase())) };
  });

// ---- invariants -------------------------------------------------------------------------------

function bottomOf(sheet: SheetSnapshot): number {
  return sheet.origin.row + sheet.values.length;
}

function expectRosterInvariants(workbook: WorkbookSnapshot, check: RosterCheck): void {
  const sheet = workbook.sheets.find((s) => s.name === check.layout.sheet);
  expect(sheet).toBeDefined();
  const lastHeader = Math.max(...check.layout.headerRows);
  const bottom = bottomOf(sheet!);
  expect(lastHeader).toBeLessThan(bottom);
  const width = Math.max(0, ...sheet!.values.map((l) => l.length)) + sheet!.origin.col;
  for (const f of check.findings) {
    // Every finding points inside the sheet's read block (header findings at the header).
    expect(Number.isInteger(f.row)).toBe(true);
    expect(f.row).toBeGreaterThanOrEqual(0);
    expect(f.row).toBeLessThan(bottom);
    if (f.col !== null) {
      expect(f.col).toBeGreaterThanOrEqual(0);
      expect(f.col).toBeLessThan(Math.max(width, 1));
    }
    expect(f.sheet).toBe(check.layout.sheet);
  }
  const rows = new Set<number>();
  for (const r of check.records) {
    // Every record is a data row below the header, read once.
    expect(r.row).toBeGreaterThan(lastHeader);
    expect(r.row).toBeLessThan(bottom);
    expect(rows.has(r.row)).toBe(false);
    rows.add(r.row);
    if (r.grade !== null) expect(r.grade >= 1 && r.grade <= 9).toBe(true);
  }
}

const sum = (o: Readonly<Record<string, number>>) => Object.values(o).reduce((a, b) => a + b, 0);

function expectMaintenanceInvariants(m: MaintenancePlan): void {
  // Pairing never exceeds capacity: automatic pairs fit what hand-made and locked pairs leave.
  const { result } = m.pairing;
  const fixed = new Map<string, number>();
  const auto = new Map<string, number>();
  for (const r of result.rows) {
    for (const role of ['teacher', 'buddy', 'proxy'] as const) {
      const name = r[role].mentor;
      if (!name) continue;
      const into = r.source === 'auto' ? auto : fixed;
      into.set(name, (into.get(name) ?? 0) + 1);
    }
  }
  for (const mentor of result.mentors) expect(auto.get(mentor.name) ?? 0).toBeLessThanOrEqual(Math.max(0, mentor.capacity - (fixed.get(mentor.name) ?? 0)));
  expect(result.rows.length).toBe(m.roster.records.length);

  // Reminders are sorted.
  const items = m.contacts.reminders.items;
  for (let i = 1; i < items.length; i++) expect(compareItems(items[i - 1], items[i])).toBeLessThanOrEqual(0);

  // The summary's parts add up to its whole.
  const f = m.summary.figures;
  expect(f.children).toBe(m.roster.records.length);
  expect(sum(f.byGrade) + f.gradeUnknown).toBe(f.children);
  expect(sum(f.byGender)).toBe(f.children);
  expect(sum(f.byLeftBehind)).toBe(f.children);
  expect(sum(f.byGuardian)).toBe(f.children);
  expect(sum(f.boarding)).toBe(f.children);
  expect(f.byClass.reduce((a, c) => a + c.children, 0)).toBe(f.children);
  expect(f.pairing.withAny + f.pairing.unpaired).toBe(f.children);
  for (const n of [f.children, f.gradeUnknown, f.keyFocus, f.pairing.withTeacher, f.pairing.withBuddy, f.pairing.withProxy, f.pairing.unpaired]) {
    expect(Number.isInteger(n) && n >= 0).toBe(true);
  }
  // Every op names a sheet and the plan is plain data (a host could serialise it).
  for (const op of m.plan.ops) expect(typeof op.sheet).toBe('string');
  expect(() => JSON.stringify(m.plan)).not.toThrow();
}

/** Run `f`; a documented error is an answer (with a message in both languages), anything else fails. */
function documented<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof RosterNotFoundError || e instanceof WorkflowError) {
      for (const lang of ['zh-CN', 'en-US'] as const) expect(t(lang, e.messageKey, e.params)).not.toBe(e.messageKey);
      return null;
    }
    throw e;
  }
}

// ---- properties -------------------------------------------------------------------------------

describe('the core on random workbooks', () => {
  it('checkRoster: no exception but "no roster", and findings and records lie inside the sheet', () => {
    fc.assert(
      fc.property(workbookArb, isoDate, (workbook, today) => {
        const check = documented(() => checkRoster(workbook, { today, override: overrideFromSettings(workbook) }));
        if (check) expectRosterInvariants(workbook, check);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('checkRoster reads the child right below a plain header, whatever random rows follow', () => {
    fc.assert(
      fc.property(fc.array(row(8), { maxLength: 12 }), isoDate, (rows, today) => {
        const values = [['姓名', '性别', '班级'], ['张小明', '男', '三(1)班'], ...rows];
        const wb = { sheets: [sheetOf('花名册', values)] };
        const check = checkRoster(wb, { today });
        expectRosterInvariants(wb, check);
        expect(check.records.find((r) => r.row === 1)?.name).toBe('张小明');
      }),
      { numRuns: RUNS },
    );
  });

  it('readContactSettings: every 设置 value gives settings (its default when unreadable), never an exception', () => {
    fc.assert(
      fc.property(settingsSheet, isoDate, (settings, today) => {
        const r = readContactSettings({ sheets: [settings] }, today);
        for (const f of r.findings) {
          expect(f.sheet).toBe(SHEETS.settings);
          expect(f.row).toBeLessThan(bottomOf(settings));
        }
        expect(JSON.stringify(r.settings)).not.toContain('NaN');
      }),
      { numRuns: RUNS },
    );
  });

  it('readLog: rows below the header only, each child index inside the roster', () => {
    fc.assert(
      fc.property(logSheet, fc.array(domainText, { maxLength: 6 }), isoDate, (log, names, today) => {
        const children = names.map((name, i) => ({
          row: i + 1,
          name,
          classLabel: i % 2 ? '三(1)班' : null,
          birthDate: null,
          lunarBirthday: false,
          joinDate: null,
          keyFocus: i % 3 === 0,
        }));
        const r = readLog({ sheets: [log] }, children, today);
        for (const e of r.entries) {
          expect(e.row).toBeGreaterThan(r.headerRow);
          expect(e.row).toBeLessThan(bottomOf(log));
          expect(e.child >= 0 && e.child < children.length).toBe(true);
          expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        for (const f of r.findings) expect(f.row).toBeLessThan(bottomOf(log));
      }),
      { numRuns: RUNS },
    );
  });

  it('planPairing over the records checkRoster gives: within capacity, one row per child', () => {
    fc.assert(
      fc.property(workbookArb, isoDate, (workbook, today) => {
        const check = documented(() => checkRoster(workbook, { today }));
        if (!check) return;
        const p = planPairing(workbook, check.records, 'zh-CN', { today });
        expect(p.result.rows.length).toBe(check.records.length);
        for (const mentor of p.result.mentors) expect(mentor.capacity >= 0 && Number.isFinite(mentor.capacity)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('the whole upkeep (pairing, settings, log, reminders, summary): no exception escapes, every invariant holds', () => {
    let withChildren = 0;
    let withPairs = 0;
    fc.assert(
      fc.property(workbookArb, isoDate, fc.constantFrom('zh-CN' as const, 'en-US' as const), (workbook, today, lang) => {
        const m = documented(() => planMaintenance(workbook, { today, lang, calendar }));
        if (!m) return;
        expectMaintenanceInvariants(m);
        if (m.roster.records.length > 0) withChildren++;
        if (m.pairing.result.rows.some((r) => r.teacher.mentor || r.buddy.mentor || r.proxy.mentor)) withPairs++;
      }),
      { numRuns: RUNS, seed: UPKEEP_SEED },
    );
    // The random workbooks do reach the interesting paths: children read, mentors paired.
    expect(withChildren).toBeGreaterThan(RUNS / 5);
    expect(withPairs).toBeGreaterThan(RUNS / 40);
  });
});
