import * as fs from 'node:fs';
import * as path from 'node:path';
import '../i18n/all';
import { openXlsx } from '../../workbook/file';
import { findSheet } from '../snapshot';
import { SHEETS } from '../sheets';
import { computeSummary } from './figures';
import { INPUT } from './fixture.test-data';
import { periodFor } from './period';
import { rollupPlan } from './rollup';
import { reportSheetOp, summarySheetOp } from './sheets';

/** The plans are only worth something if a port can write them: apply through the file port, read back. */
const FIXTURE = path.join(__dirname, '../../../tests/fixtures/clean.xlsx');

const chosen = periodFor({ kind: 'term' }, '2026-11-29');
if (!chosen.ok) throw new Error();
const figures = computeSummary(INPUT, chosen.period);

describe('summary plans through the file port', () => {
  it('writes 统计汇总 and 工作报告 that read back with the same figures', async () => {
    const wb = openXlsx(new Uint8Array(fs.readFileSync(FIXTURE)));
    await wb.apply({ ops: [summarySheetOp(figures, 'zh-CN'), reportSheetOp(figures, 'zh-CN')] });
    const back = await openXlsx(wb.save()).read();
    const summary = findSheet(back, SHEETS.summary)!;
    const rows = summary.values.filter((r) => r.some((v) => v !== null && v !== ''));
    expect(rows[0][0]).toBe('留守儿童工作统计汇总');
    expect(rows.find((r) => r[0] === '总体')?.slice(0, 6)).toEqual(['总体', '全部儿童', 6, 1, 4, 4 / 6]);
    expect(rows.find((r) => r[0] === '班级' && r[1] === '三(1)班')?.[2]).toBe(2);
    const report = findSheet(back, SHEETS.report)!;
    expect(report.values.flat()).toContain('本学期仍有2名儿童未谈心，另有2项跟进事项待落实，下一阶段将重点跟进。');
  });

  it('writes a roll-up workbook: the total and one sheet per school', async () => {
    const result = rollupPlan(
      [
        { school: '甲校', figures },
        { school: '乙校', figures },
      ],
      'zh-CN',
    );
    if (!result.ok) throw new Error();
    const wb = openXlsx(new Uint8Array(fs.readFileSync(FIXTURE)));
    await wb.apply(result.plan);
    const back = await openXlsx(wb.save()).read();
    expect(back.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['合计', '甲校', '乙校']));
    const total = findSheet(back, '合计')!;
    expect(total.values.find((r) => r[0] === '总体')?.slice(2, 5)).toEqual([12, 1, 8]);
  });
});
