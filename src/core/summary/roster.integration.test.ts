import * as fs from 'node:fs';
import * as path from 'node:path';
import '../i18n/all';
import { openXlsx } from '../../workbook/file';
import type { PlanCell } from '../plan/types';
import { checkRoster } from '../roster';
import { deidentifyWorkbook } from './deidentify';
import { computeSummary } from './figures';
import { childrenFromRecords } from './inputs';
import { periodFor } from './period';
import { reportSheetOp, summarySheetOp } from './sheets';

/**
 * The summary against the real roster engine on the sample workbooks: records wire into SummaryChild as
 * they are, the summary sheets carry none of the roster's IDs or phones, and the de-identified copy
 * built from the engine's layout carries none either.
 */
const FIXTURES = path.join(__dirname, '../../../tests/fixtures');
const text = (c: PlanCell) => (c === null ? '' : typeof c === 'object' ? ('text' in c ? c.text : '') : String(c));

describe.each(['clean.xlsx', 'merged-header.xlsx', 'defective.xlsx'])('%s', (file) => {
  it('summarises and de-identifies without leaking IDs or phones', async () => {
    const snapshot = await openXlsx(new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)))).read();
    const check = checkRoster(snapshot, { today: '2025-11-15' });
    const secrets = check.records.flatMap((r) => [r.idNumber, r.guardianPhone, r.fatherPhone, r.motherPhone, r.parentPhone]).filter((s): s is string => !!s && s.length >= 11);
    expect(secrets.length).toBeGreaterThan(0);

    const chosen = periodFor({ kind: 'term' }, '2025-11-15');
    if (!chosen.ok) throw new Error();
    const figures = computeSummary({ children: childrenFromRecords(check.records), findings: check.findings, pairs: [], log: [], cadences: { parentCallDays: 14 } }, chosen.period);
    expect(figures.children).toBe(check.records.length);
    expect(figures.quality.total).toBe(check.findings.length);
    for (const op of [summarySheetOp(figures, 'zh-CN'), reportSheetOp(figures, 'zh-CN')]) {
      if (op.kind !== 'replaceSheet') throw new Error();
      const all = [...(op.content.titleLines ?? []), ...op.content.rows.flat().map(text)].join('\n');
      for (const s of secrets) expect(all.includes(s)).toBe(false);
    }

    const copy = deidentifyWorkbook(snapshot, check.layout);
    if (!copy.ok) throw new Error(copy.messageKey);
    for (const op of copy.plan.ops) {
      if (op.kind !== 'replaceSheet') continue;
      const all = [...(op.content.titleLines ?? []), ...op.content.columns.map((c) => c.header), ...op.content.rows.flat().map(text)].join('\n');
      expect(all).not.toMatch(/\d{7,}/);
      for (const r of check.records) if (r.name.length >= 2) expect(all.includes(r.name)).toBe(false);
    }
  });
});
