import * as path from 'node:path';
import { t } from '../core/i18n';
import { rollupPlan, type SchoolFigures } from '../core/summary';
import { schoolNameOf } from '../core/workflow';
import { maintain } from './apply';
import type { CliCommand } from './command';
import { CliError, EXIT } from './errors';
import { newWorkbookFile } from './export';
import { WORKBOOK_OUTPUT_OPTIONS, writesWorkbook } from './output';
import { openWorkbook } from './workbook';

/**
 * The township or county roll-up: each school's workbook brought up to date in memory exactly as
 * `apply` would (nothing written back), its figures taken, and one new workbook written with the
 * total and one sheet per school. A school is named by 设置's 学校名称, else by its file name.
 */
export const rollupCommand: CliCommand = {
  name: 'rollup',
  synopsisKey: 'cli.rollup.synopsis',
  summaryKey: 'cli.rollup.summary',
  positionals: ['<school.xlsx>...'],
  options: WORKBOOK_OUTPUT_OPTIONS,
  run: writesWorkbook(async ({ inputs: files, today }, ctx) => {
    const schools: SchoolFigures[] = [];
    for (const file of files) {
      const { snapshot } = await openWorkbook(file, ctx.lang);
      // A school's figures as its workbook holds them: pairs it never generated are not counted (writes nothing).
      const plan = maintain(snapshot, file, today, ctx.lang, undefined, undefined, false, []);
      schools.push({ school: schoolNameOf(snapshot) ?? path.basename(file).replace(/\.(xlsx|xlsm|xls|et|ods|csv)$/i, ''), figures: plan.summary.figures });
    }
    const result = rollupPlan(schools, ctx.lang);
    if (!result.ok) throw new CliError('cli.error.cannotCheck', { path: files[0], reason: t(ctx.lang, result.messageKey, result.params) });
    const port = await newWorkbookFile(result.plan, files[0], ctx.lang);
    const report = (output: string) => {
      const lines = [t(ctx.lang, 'cli.rollup.written', { path: output, schools: schools.length, children: result.total.children })];
      for (const s of schools) lines.push('  ' + t(ctx.lang, 'cli.rollup.school', { school: s.school, children: s.figures.children, talks: s.figures.contact.talks }));
      return lines.join('\n') + '\n';
    };
    return { bytes: port.save(), report, exit: EXIT.ok };
  }),
};
