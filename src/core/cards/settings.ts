import type { CellValue } from '../cells';
import { cellText } from '../roster/normalize';
import type { SettingDef } from '../settings';
import { readSettings } from '../settings';
import type { WorkbookSnapshot } from '../snapshot';

/** 设置 rows the cards and plans read (added to the maintained list, so a new 设置 offers them). */
export const SCHOOL_CONTACT_SETTING = '学校联系电话';
export const JUNIOR_GOALS_SETTING = '初中帮扶目标';

export const CARD_SETTING_DEFS: readonly SettingDef[] = [
  { label: SCHOOL_CONTACT_SETTING, defaultValue: '', note: '印在每张联系卡上的学校联系电话（如德育处、值班电话）。' },
  { label: JUNIOR_GOALS_SETTING, defaultValue: '', note: '初中（7–9 年级）重点帮扶对象的帮扶目标建议，用“；”分隔；留空则帮扶计划不预填目标。' },
];

export interface CardSettings {
  readonly schoolName: string | null;
  readonly schoolContact: string | null;
  readonly juniorGoals: string | null;
}

/** As typed (full-width punctuation kept: it prints), trimmed; numbers as text. */
const text = (v: CellValue | undefined) => (typeof v === 'string' ? v.trim() : cellText(v)) || null;

export function readCardSettings(workbook: WorkbookSnapshot, schoolNameLabel: string): CardSettings {
  const s = readSettings(workbook);
  return { schoolName: text(s.get(schoolNameLabel)?.value), schoolContact: text(s.get(SCHOOL_CONTACT_SETTING)?.value), juniorGoals: text(s.get(JUNIOR_GOALS_SETTING)?.value) };
}
