import type { SettingDef } from '../settings';
import { readSettings } from '../settings';
import type { WorkbookSnapshot } from '../snapshot';
import { SHEETS } from '../sheets';
import { cellText, toHalfWidth } from '../roster/normalize';
import type { MentorKind, PairingFinding } from './types';

/**
 * Default 可帮扶人数 per kind, used when a 帮扶人员 row leaves it blank (issue 4; plan 5: 1–2 each). `id` names
 * the row's field on the pane's 设置 screen (src/core/workflow/settingsForm.ts).
 */
export const CAPACITY_SETTINGS: readonly (SettingDef & { readonly id: string; readonly kinds: readonly MentorKind[] })[] = [
  { id: 'teachers', label: '默认可帮扶人数：教师', defaultValue: 3, kinds: ['班主任', '任课教师'], note: '帮扶人员表中班主任、任课教师的“可帮扶人数”留空时采用此数' },
  { id: 'membersLeaders', label: '默认可帮扶人数：党员、领导', defaultValue: 2, kinds: ['党员', '领导'], note: '党员、领导的“可帮扶人数”留空时采用此数' },
  { id: 'proxyVolunteers', label: '默认可帮扶人数：代理家长、志愿者', defaultValue: 2, kinds: ['代理家长', '志愿者'], note: '代理家长、志愿者的“可帮扶人数”留空时采用此数' },
  { id: 'students', label: '默认可帮扶人数：学生', defaultValue: 1, kinds: ['学生'], note: '学习帮手（学生）的“可帮扶人数”留空时采用此数' },
];

/** The SettingDefs pairing adds to 设置 (for settingsOps / settingsTemplate). */
export const PAIRING_SETTING_DEFS: readonly SettingDef[] = CAPACITY_SETTINGS.map(({ label, defaultValue, note }) => ({ label, defaultValue, note }));

/** A whole non-negative number from a cell ('3', 3, '３', '3人'), or null. */
export function parseCount(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : null;
  if (typeof v !== 'string') return null;
  const m = /^(\d{1,4})\s*(人|名|个)?$/.exec(toHalfWidth(v).trim());
  return m ? Number(m[1]) : null;
}

/** Default capacity per kind, with the school's overrides from 设置; a bad override is a finding. */
export function capacityDefaults(workbook: WorkbookSnapshot): { defaults: Record<MentorKind, number>; findings: PairingFinding[] } {
  const entries = readSettings(workbook);
  const defaults = {} as Record<MentorKind, number>;
  const findings: PairingFinding[] = [];
  for (const s of CAPACITY_SETTINGS) {
    const entry = entries.get(s.label);
    let value = s.defaultValue as number;
    if (entry && cellText(entry.value) !== '') {
      const n = parseCount(entry.value);
      if (n === null) {
        findings.push({
          sheet: SHEETS.settings,
          row: entry.row,
          col: entry.col,
          rule: 'setting-invalid',
          severity: 'warning',
          messageKey: 'pairing.finding.settingInvalid',
          params: { row: entry.row + 1, fallback: value },
        });
      } else value = n;
    }
    for (const k of s.kinds) defaults[k] = value;
  }
  return { defaults, findings };
}
