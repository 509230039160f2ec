/**
 * The sample roster after a term of use: the whole upkeep, a teacher's 谈心记录 typed in, the upkeep
 * again. Shared by the LibreOffice test and scripts/summary-picture.ts, so the README's picture shows
 * the workbook the test checks.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import type { CellValue } from '../../src/core/cells';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import type { PlanOp } from '../../src/core/plan/types';
import { markOps } from '../../src/core/roster';
import { SHEETS } from '../../src/core/sheets';
import { planMaintenance, type MaintenancePlan } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';

export const ROOT = path.resolve(__dirname, '..', '..');
export const TODAY = '2026-11-30';

/**
 * Entries a teacher types into the sample's 谈心记录 (below its two months, tests/fixtures/sample-term.ts),
 * this term: talks 4 (金宏伟 twice, 廖雅静, 钟俊杰), one parent call and one home visit, both 钟俊杰 of
 * 五(2)班; one more open follow-up (金宏伟, due after today). The figures the tests expect are the
 * builder's rows counted by hand plus these.
 */
export const LOG_ROWS: CellValue[][] = [
  ['2026-10-08', '金宏伟', '一(1)班', '谈心', '学生', '陈老师', '学习进步', '否', ''],
  ['2026-11-02', '金宏伟', '一(1)班', '谈心', '学生', '陈老师', '想念父母', '是', '2026-12-05'],
  ['2026-11-10', '廖雅静', '三(1)班', '谈心', '学生', '王老师', '交了新朋友', '', ''],
  ['2026-11-12', '钟俊杰', '五(2)班', '谈心', '学生', '刘老师', '谈学习计划', '', ''],
  ['2026-10-15', '钟俊杰', '五(2)班', '家长电话', '父亲', '刘老师', '反映近况', '', ''],
  ['2026-11-20', '钟俊杰', '五(2)班', '家访', '监护人', '刘老师', '家访', '', ''],
];

export interface DemoWorkbooks {
  /** assets/sample-roster.xlsx as it is. */
  readonly sample: Uint8Array;
  /** After the upkeep with the log typed in. */
  readonly applied: Uint8Array;
  /** The plan of the last upkeep (its figures, findings and ops). */
  readonly plan: MaintenancePlan;
  /** The sample roster with the roster check's marks (fills and notes) only. */
  readonly marked: Uint8Array;
  readonly marks: Extract<PlanOp, { kind: 'markCells' }>;
}

export async function demoWorkbooks(): Promise<DemoWorkbooks> {
  const sample = new Uint8Array(readFileSync(path.join(ROOT, 'assets', 'sample-roster.xlsx')));
  const options = { today: TODAY, lang: 'zh-CN' as const, calendar: createTymeCalendar() };
  const port = openXlsx(sample);
  await port.apply(planMaintenance(await port.read(), options).plan);
  await port.apply({ ops: [{ kind: 'appendRows', sheet: SHEETS.log, rows: LOG_ROWS }] });
  const plan = planMaintenance(await port.read(), options);
  await port.apply(plan.plan);
  const marker = openXlsx(sample);
  const ops = markOps(plan.roster, 'zh-CN');
  await marker.apply({ ops });
  return { sample, applied: port.save(), plan, marked: marker.save(), marks: ops[0] as Extract<PlanOp, { kind: 'markCells' }> };
}
