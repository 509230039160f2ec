/**
 * Property: any roster split into one sheet per class (the class then given only by the sheet's name)
 * gives the same findings — modulo sheet names and rows — and the same summary figures as the single
 * sheet with a 班级 column.
 */
import fc from 'fast-check';
import '../i18n/all';
import { createTymeCalendar } from '../calendar/tyme';
import type { CellValue } from '../cells';
import { planMaintenance } from '../workflow';
import { makeId, sheet, workbook } from '../../../tests/helpers/snapshot';
import type { RosterCheck } from './types';

const TODAY = '2026-11-29';
const calendar = createTymeCalendar();
const CLASSES = [
  { sheet: '一年级一班', label: '一(1)班', birth: '2019' },
  { sheet: '一年级二班', label: '一(2)班', birth: '2019' },
  { sheet: '二年级一班', label: '二(1)班', birth: '2018' },
  { sheet: '三年级二班', label: '三(2)班', birth: '2017' },
];
const NAMES = ['王小明', '李小红', '张伟', '刘洋', '陈静'];
const HEADER = ['序号', '姓名', '性别', '身份证号', '监护人姓名', '监护人电话'];

interface Kid {
  readonly cls: number;
  readonly name: string;
  readonly cells: CellValue[];
}

const kidArb = fc.record({
  cls: fc.integer({ min: 0, max: CLASSES.length - 1 }),
  name: fc.constantFrom(...NAMES),
  seq: fc.integer({ min: 0, max: 499 }),
  month: fc.integer({ min: 1, max: 12 }),
  fault: fc.constantFrom('none', 'none', 'none', 'gender', 'checksum', 'phone', 'noId', 'noGuardian'),
});

const rosterArb = fc
  .record({
    kids: fc.array(kidArb, { minLength: 1, maxLength: 16 }),
    // Children entered twice, in the same or in another class: indexes of earlier kids to copy.
    copies: fc.array(fc.record({ of: fc.nat(), cls: fc.integer({ min: 0, max: CLASSES.length - 1 }) }), { maxLength: 3 }),
  })
  .map(({ kids, copies }): Kid[] => {
    const made: Kid[] = kids.map((k) => {
      const birth = `${CLASSES[k.cls].birth}${String(k.month).padStart(2, '0')}15`;
      const seq = String(k.seq * 2 + 1).padStart(3, '0'); // odd: a boy
      const id = makeId(birth, seq);
      const cells: CellValue[] = [
        null,
        `${k.name}${k.seq}`,
        k.fault === 'gender' ? '女' : '男',
        k.fault === 'noId' ? null : k.fault === 'checksum' ? id.slice(0, 17) + (id.endsWith('1') ? '2' : '1') : id,
        k.fault === 'noGuardian' ? null : '张奶奶',
        k.fault === 'phone' ? '1381234567' : '13812345678',
      ];
      return { cls: k.cls, name: k.name, cells };
    });
    for (const c of copies) if (made.length) made.push({ ...made[c.of % made.length], cls: c.cls });
    // One class after another, as a school lists them: the split sheets read in the same order.
    return made
      .map((k, i) => ({ k, i }))
      .sort((a, b) => a.k.cls - b.k.cls || a.i - b.i)
      .map(({ k }) => k);
  });

function single(kids: readonly Kid[]) {
  return workbook(sheet('花名册', [[...HEADER, '班级'], ...kids.map((k, i) => [i + 1, ...k.cells.slice(1), CLASSES[k.cls].label])]));
}

function split(kids: readonly Kid[]) {
  const sheets = CLASSES.map((c, ci) => ({ c, kids: kids.filter((k) => k.cls === ci) })).filter((s) => s.kids.length > 0);
  return workbook(sheet('填表说明', [['每班一张表']]), ...sheets.map((s) => sheet(s.c.sheet, [HEADER, ...s.kids.map((k, i) => [i + 1, ...k.cells.slice(1)])])));
}

/** Findings by the child they are about (its place in the roster), rule, field and severity. */
function findingsOf(check: RosterCheck): string[] {
  const index = new Map(check.records.map((r, i) => [`${r.sheet}!${r.row}`, i]));
  return check.findings.map((f) => `${index.get(`${f.sheet}!${f.row}`) ?? 'header'}|${f.rule}|${f.field}|${f.severity}`).sort();
}

describe('a roster split into one sheet per class', () => {
  it('gives the same findings and the same summary figures as the single sheet', () => {
    fc.assert(
      fc.property(rosterArb, (kids) => {
        const one = planMaintenance(single(kids), { today: TODAY, lang: 'zh-CN', calendar });
        const many = planMaintenance(split(kids), { today: TODAY, lang: 'zh-CN', calendar });
        expect(many.roster.records.map((r) => r.classLabel)).toEqual(one.roster.records.map((r) => r.classLabel));
        expect(findingsOf(many.roster)).toEqual(findingsOf(one.roster));
        expect(many.summary.json).toEqual(one.summary.json);
      }),
      { numRuns: 40 },
    );
  });
});
