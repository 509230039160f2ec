import '../core/i18n/all';
import { checkRoster } from '../core/roster';
import type { WorkbookSnapshot } from '../core/snapshot';
import { PortError } from '../workbook/port';
import { errorMessage, pointsToSettings } from './errors';

const sheet = (name: string, values: (string | number | null)[][]) => ({ name, origin: { row: 0, col: 0 }, values });

function failure(workbook: WorkbookSnapshot, sheets?: string[]): unknown {
  try {
    checkRoster(workbook, { today: '2026-09-01', sheets });
  } catch (error) {
    return error;
  }
  throw new Error('the check did not fail');
}

describe('pointsToSettings: a notice that sends the teacher to 设置 carries a button to it', () => {
  it('for a workbook with no roster found, and for a roster sheet named that is missing', () => {
    const notes = { sheets: [sheet('说明', [['本表为学校工作说明'], ['第二行文字']])] };
    const noRoster = failure(notes);
    expect(errorMessage(noRoster, 'zh-CN')).toContain('在设置中指定');
    expect(pointsToSettings(noRoster)).toBe(true);
    expect(pointsToSettings(failure(notes, ['三(1)班']))).toBe(true);
  });

  it('not for an empty workbook (there is nothing to pick) nor for a host failure', () => {
    expect(pointsToSettings(failure({ sheets: [sheet('Sheet1', [])] }))).toBe(false);
    expect(pointsToSettings(new PortError('office.sheetMissing', { sheet: '设置' }))).toBe(false);
  });
});
