/** The pairing fed by the real roster engine and its class normaliser, as the pane and CLI will run it. */
import type { CellValue } from '../cells';
import { checkRoster } from '../roster';
import { SHEETS } from '../sheets';
import { planPairing } from './index';
import { mentorSheet, sheetFromOp, withSheet, workbookOf } from './testkit';

const TODAY = '2025-09-15';

describe('pairing over a real roster', () => {
  it('meets mentors to children across the ways classes are written, and re-matches after a run', () => {
    const roster = {
      name: '花名册',
      origin: { row: 0, col: 0 },
      values: [
        ['某某小学留守儿童花名册'],
        ['姓名', '性别', '班级', '家庭住址', '是否重点帮扶'],
        ['刘一', '男', '三（1）班', '六都寨镇石桥村2组', '是'],
        ['陈二', '女', '三年级1班', '六都寨镇大水村1组', ''],
        ['张三', '男', '3.2', '石桥村4组', '是'],
      ] as CellValue[][],
    };
    const mentors = mentorSheet([
      ['班主任甲', '班主任', '三(1)班', '', '', '', ''],
      ['老师乙', '任课教师', '三年级2班、三（1）班', '', '', 1, ''],
      ['学生丙', '学生', '3-1班', '', '', 2, ''],
      ['家长丁', '代理家长', '', '', '石桥村', '', ''],
    ]);
    const wb = workbookOf(roster, mentors);
    const check = checkRoster(wb, { today: TODAY });
    expect(check.records.map((r) => r.classLabel)).toEqual(['三(1)班', '三(1)班', '三(2)班']);

    const p = planPairing(wb, check.records, 'zh-CN', { today: TODAY });
    const rows = new Map(p.result.rows.map((r) => [r.child.name, r]));
    expect(rows.get('刘一')!.teacher).toMatchObject({ mentor: '班主任甲', reason: 'own-class-teacher' });
    expect(rows.get('张三')!.teacher).toMatchObject({ mentor: '老师乙', reason: 'class-teacher' });
    expect(['刘一', '陈二'].map((n) => rows.get(n)!.buddy.mentor)).toEqual(['学生丙', '学生丙']);
    expect(rows.get('张三')!.buddy).toMatchObject({ mentor: null, unpaired: 'no-mentor' });
    expect(rows.get('刘一')!.proxy).toMatchObject({ mentor: '家长丁', reason: 'same-village' });
    expect(rows.get('张三')!.proxy).toMatchObject({ mentor: '家长丁', reason: 'same-village' });
    expect(p.findings).toEqual([]);

    // The written sheet is skipped by roster detection and read back to the same pairs.
    const wb2 = withSheet(wb, sheetFromOp(p.ops.find((o) => o.sheet === SHEETS.pairing)!));
    const check2 = checkRoster(wb2, { today: TODAY });
    expect(check2.layout.sheet).toBe('花名册');
    expect(planPairing(wb2, check2.records, 'zh-CN', { today: TODAY }).diff.changes).toEqual([]);
  });
});
