import { parseYesNo } from '../roster/normalize';
import type { WorkbookSnapshot } from '../snapshot';
import { readSettings } from './index';

/**
 * The 设置 entry that marks the bundled sample (assets/sample-roster.xlsx, 示例工作簿 = 是). The pane
 * shows its numbered first steps only there: a teacher's own workbook gets no tutorial. A setting, not
 * a guess from the sample's made-up school or names, so it survives the sample being rebuilt.
 */
export const SAMPLE_SETTING = '示例工作簿';

/** The workbook is the sample: its 设置 says 示例工作簿 = 是 (or 1, √, TRUE …). */
export function isSampleWorkbook(workbook: WorkbookSnapshot): boolean {
  const entry = readSettings(workbook).get(SAMPLE_SETTING);
  return entry !== undefined && parseYesNo(entry.value) === true;
}
