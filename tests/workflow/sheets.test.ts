/**
 * A roster of one sheet per class through the whole upkeep, over the real file port (the pane's and
 * `apply`'s code path): every class is paired, and when another class sheet grows past the first,
 * the next run still reads every sheet and keeps the teacher's hand edit in 结对帮扶.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import type { CellValue } from '../../src/core/cells';
import { PAIRING_HEADERS } from '../../src/core/pairing';
import { idCheckChar } from '../../src/core/roster';
import { SHEETS } from '../../src/core/sheets';
import { findSheet, type WorkbookSnapshot } from '../../src/core/snapshot';
import { deidentifyWorkbook } from '../../src/core/summary';
import { planMaintenance, type MaintenancePlan } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';

const TODAY = '2025-09-15';
const calendar = createTymeCalendar();
const FILE = path.resolve(__dirname, '..', 'fixtures', 'class-sheets.xlsx');
const CLASS_SHEETS = ['一年级一班', '一年级二班', '二年级一班'];

async function applyOnce(bytes: Uint8Array): Promise<{ bytes: Uint8Array; after: WorkbookSnapshot; plan: MaintenancePlan }> {
  const port = openXlsx(bytes);
  const plan = planMaintenance(await port.read(), { today: TODAY, lang: 'zh-CN', calendar });
  await port.apply(plan.plan);
  const out = port.save();
  return { bytes: out, after: await openXlsx(out).read(), plan };
}

/** 帮扶人员: a class teacher per class and the principal. */
async function withMentors(bytes: Uint8Array): Promise<Uint8Array> {
  const port = openXlsx(bytes);
  const mentors = findSheet(await port.read(), SHEETS.mentors)!;
  const rows: CellValue[][] = [
    ['王老师', '班主任', '一(1)班', '13900000001', '', 10, ''],
    ['陈老师', '班主任', '一(2)班', '13900000002', '', 10, ''],
    ['刘老师', '班主任', '二(1)班', '13900000003', '', 10, ''],
    ['李校长', '领导', '', '13900000004', '', 2, ''],
  ];
  await port.apply({ ops: [{ kind: 'appendRows', sheet: SHEETS.mentors, rows, expectedLastRow: mentors.origin.row + mentors.values.length - 1 }] });
  return port.save();
}

/** Copies of a sheet's last child, each with a new name and a new, valid ID of the same birth date and gender. */
function moreChildren(sheet: { values: CellValue[][] }, count: number): CellValue[][] {
  const last = sheet.values[sheet.values.length - 1];
  const id = String(last[4]);
  return Array.from({ length: count }, (_, i) => {
    const seq = String((Number(id.slice(14, 17)) + 2 * (i + 1)) % 1000).padStart(3, '0');
    const first17 = id.slice(0, 14) + seq;
    const row = [...last];
    row[0] = Number(last[0]) + i + 1;
    row[1] = `新生${'甲乙丙丁戊己庚辛'[i]}`;
    row[4] = first17 + idCheckChar(first17);
    return row;
  });
}

const pairingRows = (wb: WorkbookSnapshot) => {
  const sheet = findSheet(wb, SHEETS.pairing)!;
  const header = sheet.values.findIndex((r) => r.includes(PAIRING_HEADERS.teacher));
  return { header: sheet.values[header], rows: sheet.values.slice(header + 1).filter((r) => r[0]), origin: sheet.origin, headerAt: header };
};

jest.setTimeout(120_000);

describe('a roster of one sheet per class, through the upkeep', () => {
  it('pairs every class with its own class teacher, and the summary counts every child', async () => {
    const first = await applyOnce(new Uint8Array(fs.readFileSync(FILE)));
    const second = await applyOnce(await withMentors(first.bytes));
    expect(second.plan.roster.layouts.map((l) => l.sheet)).toEqual(CLASS_SHEETS);
    expect(second.plan.summary.json.children).toBe(20);
    const { header, rows } = pairingRows(second.after);
    expect(rows).toHaveLength(20);
    const teacherCol = header.indexOf(PAIRING_HEADERS.teacher);
    const classCol = header.indexOf(PAIRING_HEADERS.className);
    const teacherOf: Record<string, string> = { '一(1)班': '王老师', '一(2)班': '陈老师', '二(1)班': '刘老师' };
    for (const r of rows) expect(r[teacherCol]).toBe(teacherOf[String(r[classCol])]);
    // The findings of every class sheet reach 校验结果, each naming its sheet.
    const findings = findSheet(second.after, SHEETS.findings)!.values.map((r) => r[0]);
    expect(findings).toEqual(expect.arrayContaining(['一年级二班', '二年级一班']));
  });

  it('still reads every sheet after another class sheet grows past the first, and keeps the hand edit', async () => {
    const first = await applyOnce(new Uint8Array(fs.readFileSync(FILE)));
    const paired = await applyOnce(await withMentors(first.bytes));
    // The teacher gives a child of 一年级二班 to 李校长 by hand.
    const port = openXlsx(paired.bytes);
    const before = pairingRows(await port.read());
    const teacherCol = before.header.indexOf(PAIRING_HEADERS.teacher);
    const classCol = before.header.indexOf(PAIRING_HEADERS.className);
    const at = before.rows.findIndex((r) => r[classCol] === '一(2)班');
    const edited = before.rows[at][0];
    await port.apply({
      ops: [{ kind: 'setCells', sheet: SHEETS.pairing, cells: [{ row: before.origin.row + before.headerAt + 1 + at, col: before.origin.col + teacherCol, value: '李校长' }] }],
    });
    // 一年级二班 grows from 5 to 11 children, past 一年级一班's 8.
    const grown = await port.read();
    const second = findSheet(grown, '一年级二班')!;
    await port.apply({ ops: [{ kind: 'appendRows', sheet: '一年级二班', rows: moreChildren(second, 6), expectedLastRow: second.origin.row + second.values.length - 1 }] });

    const next = await applyOnce(port.save());
    expect(next.plan.roster.layouts.map((l) => l.sheet)).toEqual(CLASS_SHEETS);
    expect(next.plan.roster.records).toHaveLength(26);
    const after = pairingRows(next.after);
    expect(after.rows).toHaveLength(26);
    expect(after.rows.find((r) => r[0] === edited)![teacherCol]).toBe('李校长');
    expect([next.plan.pairing.diff.childrenAdded, next.plan.pairing.diff.childrenRemoved]).toEqual([6, 0]);
  });

  it('de-identifies every class sheet, not only the first', async () => {
    const snapshot = await openXlsx(new Uint8Array(fs.readFileSync(FILE))).read();
    const plan = planMaintenance(snapshot, { today: TODAY, lang: 'zh-CN', calendar });
    const copy = deidentifyWorkbook(snapshot, plan.roster.layouts);
    expect(copy.ok).toBe(true);
    if (!copy.ok) return;
    for (const op of copy.plan.ops) {
      if (op.kind !== 'replaceSheet') continue;
      const text = JSON.stringify(op.content.rows);
      expect([op.sheet, /\d{17}[\dXx]/.test(text) || /1[3-9]\d{9}/.test(text)]).toEqual([op.sheet, false]);
    }
  });
});
