/**
 * 记一笔 for an activity and a 留守之家 roll call through the Office port (issue 17): the core builds the
 * plan from a snapshot the port read, the port creates the template when the sheet is missing, appends
 * under the last used row, refuses when someone typed a row meanwhile, and undoes its own append. Run by
 * both jest projects: the double's proxies and Microsoft's client on the wire.
 */
import { activityEntryPlan, lifeChildren, readLife, rollCallEntryPlan } from '../../src/core/life';
import { checkRoster } from '../../src/core/roster';
import { SHEETS } from '../../src/core/sheets';
import { createOfficePort } from '../../src/workbook/office';
import { PortError } from '../../src/workbook/port';
import { createOfficeDouble, type OfficeDouble } from '../office-double';

const TODAY = '2026-11-30';

function school(api: number): OfficeDouble {
  const d = createOfficeDouble({ api });
  d.state.addSheet('花名册').put(0, 0, [
    ['姓名', '性别', '班级', '监护人姓名', '与学生关系', '监护人电话', '父亲姓名', '母亲姓名'],
    ['张小明', '男', '三(1)班', '张大山', '祖父', '13812345678', '张建国', '李梅'],
    ['刘洋', '女', '三(1)班', '刘奶奶', '祖母', '13912345678', '', ''],
    ['刘洋', '男', '五(2)班', '刘爷爷', '祖父', '15012345678', '刘军', ''],
  ]);
  return d;
}

const valuesOf = (d: OfficeDouble, sheet: string) => {
  const s = d.state.sheet(sheet)!;
  const b = s.usedBlock(true)!;
  return Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => s.cell(b.row + r, b.col + c)?.v ?? null));
};

describe.each([12, 20])('记一笔 of the school life through the Office port (ExcelApi 1.%i)', (api) => {
  it('creates 活动记录 as a template, appends the activity under its header, and reads it back as the children picked', async () => {
    const d = school(api);
    const port = createOfficePort(d.excel, d.office);
    const snapshot = await port.read();
    const roster = checkRoster(snapshot, { today: TODAY }).records;
    const p = activityEntryPlan({ date: '2026-11-07', name: '=故事会', type: '文体活动', leader: '陈老师', children: [roster[0], roster[2]], note: '' }, snapshot, roster);
    if (!p.ok) throw new Error(p.error.key);
    const result = await port.apply(p.plan);
    expect(result.written.map((w) => [w.sheet, w.what])).toEqual([
      [SHEETS.activities, 'created'],
      [SHEETS.activities, 'appended'],
    ]);
    const rows = valuesOf(d, SHEETS.activities);
    expect(rows[1]).toEqual(['日期', '活动名称', '类型', '负责人', '参加学生', '备注']);
    expect(rows[2].slice(1, 5)).toEqual(['=故事会', '文体活动', '陈老师', '张小明、刘洋(五(2)班)']);
    // Text that looks like a formula stays text.
    expect(d.state.sheet(SHEETS.activities)!.cell(2, 1)?.f).toBeUndefined();
    const life = readLife(await port.read(), lifeChildren(roster), TODAY);
    expect(life.findings).toEqual([]);
    expect(life.activities.map((a) => [a.date, a.type, a.children])).toEqual([['2026-11-07', '文体活动', [0, 2]]]);
  });

  it('appends a roll-call day below the rows already there, never over them, and refuses when a row was typed meanwhile', async () => {
    const d = school(api);
    d.state
      .addSheet(SHEETS.rollCall)
      .put(0, 0, [
        ['留守之家签到'],
        ['日期', '学生', '签到时间', '签退时间', '接送人', '与学生关系', '值班教师'],
        ['2026-10-31', '张小明', '08:00', '11:30', '张大山', '', '王老师'],
      ]);
    const port = createOfficePort(d.excel, d.office);
    const snapshot = await port.read();
    const roster = checkRoster(snapshot, { today: TODAY }).records;
    const p = rollCallEntryPlan(
      {
        date: '2026-11-07',
        teacher: '陈老师',
        signIn: '8:00',
        rows: [
          { child: roster[0], signOut: '11:30', pickup: '李梅', relation: '' },
          { child: roster[1], signOut: '', pickup: '', relation: '' },
        ],
      },
      snapshot,
      roster,
    );
    if (!p.ok) throw new Error(p.error.key);
    expect(p.warnings.map((w) => w.key)).toEqual(['life.entry.warnMissing']);
    // Someone types a row after the read: the port stops rather than write over it.
    d.state.sheet(SHEETS.rollCall)!.put(3, 0, [['2026-11-07', '张小明', '08:00', '11:00', '张建国', '父亲', '王老师']]);
    await expect(port.apply(p.plan)).rejects.toBeInstanceOf(PortError);
    expect(valuesOf(d, SHEETS.rollCall)).toHaveLength(4);

    const again = rollCallEntryPlan(
      { date: '2026-11-07', teacher: '陈老师', signIn: '8:00', rows: [{ child: roster[1], signOut: '', pickup: '', relation: '' }] },
      await port.read(),
      roster,
    );
    if (!again.ok) throw new Error(again.error.key);
    await port.apply(again.plan);
    const rows = valuesOf(d, SHEETS.rollCall);
    expect(rows.slice(2).map((r) => r.slice(1))).toEqual([
      ['张小明', '08:00', '11:30', '张大山', null, '王老师'],
      ['张小明', '08:00', '11:00', '张建国', '父亲', '王老师'],
      ['刘洋(三(1)班)', '08:00', null, null, null, '陈老师'],
    ]);
    // The reader finds what the preview warned of: the child not collected yet.
    const life = readLife(await port.read(), lifeChildren(roster), TODAY);
    expect(life.findings.map((f) => [f.row + 1, f.rule])).toEqual([[5, 'pickup-missing']]);
  });

  it('undoes the append (the port below 1.20, Excel itself from 1.20)', async () => {
    const d = school(api);
    d.state.addSheet(SHEETS.activities).put(0, 0, [['日期', '活动名称', '类型', '负责人', '参加学生', '备注']]);
    const port = createOfficePort(d.excel, d.office);
    const snapshot = await port.read();
    const roster = checkRoster(snapshot, { today: TODAY }).records;
    const p = activityEntryPlan({ date: '2026-11-14', name: '生日会', type: '生日会', leader: '陈老师', children: [roster[0]], note: '11月' }, snapshot, roster);
    if (!p.ok) throw new Error(p.error.key);
    const result = await port.apply(p.plan);
    if (api < 20) {
      expect(result.undo).toBe('port');
      await port.undoLast!();
      expect(valuesOf(d, SHEETS.activities)).toEqual([['日期', '活动名称', '类型', '负责人', '参加学生', '备注']]);
    } else {
      expect(result.undo).toBe('host');
      expect(valuesOf(d, SHEETS.activities)[1].slice(1)).toEqual(['生日会', '生日会', '陈老师', '张小明', '11月']);
    }
  });
});
