import type { RosterRecord } from '../../core/roster/types';
import { registeredAdults } from '../../core/life';
import { activityFromForm, childKey, initialPickup, pickerList, pickupValues, rollCallFromForm, tickAll, type PickupState } from './lifeLogic';

const kid = (row: number, name: string, classLabel: string | null, guardian = '', relation = '', father = '') =>
  ({
    sheet: '花名册',
    row,
    raw: { fatherName: father },
    name,
    classLabel,
    guardianName: guardian,
    guardianRelation: relation,
    birthDate: null,
    lunarBirthday: false,
    joinDate: null,
    keyFocus: false,
  }) as unknown as RosterRecord;
const KIDS = [
  kid(2, '张小明', '三(1)班', '张大山', '祖父', '张建国'),
  kid(3, '李小红', '三(1)班', '李秀英', ''),
  kid(4, '王小刚', '五(2)班'),
  kid(5, '张小华', '五(2)班', '张奶奶', '祖母'),
];

describe('the child picker', () => {
  it('lists a class, a name typed (full-width and spaces ignored), or both', () => {
    expect(pickerList(KIDS, '三(1)班', '').map((c) => c.name)).toEqual(['张小明', '李小红']);
    expect(pickerList(KIDS, '', '张 小').map((c) => c.name)).toEqual(['张小明', '张小华']);
    expect(pickerList(KIDS, '五(2)班', '张').map((c) => c.name)).toEqual(['张小华']);
    expect(pickerList(KIDS, '', '').length).toBe(4);
  });

  it('ticks everyone listed and keeps the ticks of another class', () => {
    const ticked = tickAll(new Set([childKey(KIDS[2])]), pickerList(KIDS, '三(1)班', ''), true);
    expect([...ticked].sort()).toEqual(['花名册!2|三(1)班|张小明', '花名册!3|三(1)班|李小红', '花名册!4|五(2)班|王小刚']);
    expect([...tickAll(ticked, pickerList(KIDS, '三(1)班', ''), false)]).toEqual(['花名册!4|五(2)班|王小刚']);
    // Class sheets repeat row numbers: the same row in another class is another child.
    expect(childKey({ row: 2, name: '张小明', classLabel: '三(1)班' })).not.toBe(childKey({ row: 2, name: '张小明', classLabel: '三(2)班' }));
    // Namesakes of one class on the same row of two sheets (two 三(1)班 sheets, say) are two children too.
    expect(childKey({ sheet: '三年级', row: 2, name: '张小明', classLabel: '三(1)班' })).not.toBe(childKey({ sheet: '三(1)班', row: 2, name: '张小明', classLabel: '三(1)班' }));
  });
});

describe('who collected each child', () => {
  const adults = registeredAdults(KIDS[0]);

  it('starts with the registered guardian and its relation, or someone to type when none is registered', () => {
    expect(pickupValues(initialPickup(adults), adults, '11:30')).toEqual({ pickup: '张大山', relation: '祖父', signOut: '11:30' });
    expect(initialPickup([])).toEqual({ choice: { kind: 'other', name: '', relation: '' }, signOut: null });
  });

  it("takes a parent, someone else typed, or nobody yet (no sign-out then), and a child's own sign-out time", () => {
    expect(pickupValues({ choice: { kind: 'adult', index: 1 }, signOut: '12:05' }, adults, '11:30')).toEqual({ pickup: '张建国', relation: '父亲', signOut: '12:05' });
    expect(pickupValues({ choice: { kind: 'other', name: ' 周阿姨 ', relation: '邻居' }, signOut: null }, adults, '11:30')).toEqual({
      pickup: '周阿姨',
      relation: '邻居',
      signOut: '11:30',
    });
    expect(pickupValues({ choice: { kind: 'none' }, signOut: '11:00' }, adults, '11:30')).toEqual({ pickup: '', relation: '', signOut: '' });
  });
});

describe('the forms against a fresh read', () => {
  const picked = KIDS.slice(0, 2).map(({ row, name, classLabel }) => ({ row, name, classLabel }));

  it('resolves the children picked, or says the roster changed', () => {
    const ok = activityFromForm({ date: '2026-11-07', name: '故事会', type: '文体活动', leader: '陈老师', note: '', children: picked }, KIDS);
    expect(ok.ok && ok.entry.children.map((c) => c.name)).toEqual(['张小明', '李小红']);
    const gone = activityFromForm({ date: '2026-11-07', name: '故事会', type: '文体活动', leader: '', note: '', children: picked }, KIDS.slice(1));
    expect(gone).toEqual({ ok: false, messageKey: 'views.entry.rosterChanged' });
    expect(activityFromForm({ date: '2026-11-07', name: 'x', type: '其他', leader: '', note: '', children: [] }, KIDS)).toEqual({ ok: false, messageKey: 'views.entry.noChild' });
  });

  it("gives each child present its collector: the form's choice, else the registered guardian", () => {
    const pickups = new Map<string, PickupState>([[childKey(picked[1]), { choice: { kind: 'none' }, signOut: null }]]);
    const r = rollCallFromForm({ date: '2026-11-07', teacher: '陈老师', signIn: '8:00', signOut: '11:30', children: picked, pickups }, KIDS, registeredAdults);
    expect(r.ok && r.entry.rows.map((x) => [x.child.name, x.pickup, x.relation, x.signOut])).toEqual([
      ['张小明', '张大山', '祖父', '11:30'],
      ['李小红', '', '', ''],
    ]);
  });
});
