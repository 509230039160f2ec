import { createTymeCalendar } from '../calendar/tyme';
import { LOG_HEADERS, type ChildRecord } from '../contacts/log';
import '../i18n/all';
import { SHEETS } from '../sheets';
import { contactsPlan } from './plan';

const children: ChildRecord[] = [{ row: 2, name: '张三', classLabel: '三(1)班', birthDate: null, lunarBirthday: false, joinDate: null, keyFocus: false }];
const base = {
  today: '2026-11-30',
  lang: 'zh-CN' as const,
  children,
  calendar: createTymeCalendar(),
  mentorByChild: new Map<string, string>(),
  classTeachers: new Map([['三(1)班', '陈老师']]),
};

describe('contactsPlan', () => {
  it('creates 设置 and 谈心记录 in a new workbook and writes 提醒事项', () => {
    const plan = contactsPlan({ ...base, workbook: { sheets: [] } });
    expect(plan.ops.map((o) => [o.kind, o.sheet])).toEqual([
      ['createSheetIfMissing', SHEETS.settings],
      ['createSheetIfMissing', SHEETS.log],
      ['replaceSheet', SHEETS.reminders],
    ]);
    expect(plan.findings).toEqual([]);
    expect(plan.items.some((i) => i.child?.name === '张三' && i.contactKind === 'talk' && i.owner === '陈老师')).toBe(true);
  });

  it('leaves an existing 谈心记录 alone, reads it and passes its findings on', () => {
    const workbook = { sheets: [{ name: SHEETS.log, origin: { row: 0, col: 0 }, values: [[...LOG_HEADERS], ['2026-11-27', '张三', '', '谈心'], ['昨天', '张三', '', '谈心']] }] };
    const plan = contactsPlan({ ...base, workbook });
    expect(plan.ops.map((o) => o.sheet)).toEqual([SHEETS.settings, SHEETS.reminders]);
    expect(plan.findings.map((f) => [f.rule, f.row])).toEqual([['log-date-invalid', 2]]);
    expect(plan.items.find((i) => i.contactKind === 'talk')!.due).toBe('2026-12-04');
  });
});
