import { cellText } from '../roster/normalize';
import type { WorkbookSnapshot } from '../snapshot';
import { readSettings } from './index';

/**
 * The 设置 entry only the bundled sample carries: 示例日期, the day the demo is seen as of (the sample's
 * 说明 says to delete the row when the sample becomes a school's own). The pane shows its numbered
 * first steps only where it is: a teacher's own workbook gets no tutorial. A setting, not a guess from
 * the sample's made-up school or names, so it survives the sample being rebuilt.
 */
export const SAMPLE_SETTING = '示例日期';

/** The workbook is the sample: its 设置 gives a 示例日期. */
export function isSampleWorkbook(workbook: WorkbookSnapshot): boolean {
  const entry = readSettings(workbook).get(SAMPLE_SETTING);
  return entry !== undefined && cellText(entry.value) !== '';
}
