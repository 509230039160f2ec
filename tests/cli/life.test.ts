/**
 * The school's life (issue 17) through the command line, on a workbook built by the project: `validate
 * --json` lists the five sheets' findings with sheet, row and column; `summary --json` gains the
 * activities, interest groups, fund, training and roll-call figures; `apply` creates the missing
 * templates and never rewrites a sheet the school keeps.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SHEETS } from '../../src/core/sheets';
import { findSheet } from '../../src/core/snapshot';
import { openXlsx } from '../../src/workbook/file';
import { SAMPLE_LIFE_EXPECTED } from '../fixtures/sample-life';
import { LIFE_EXPECTED, LIFE_SHEETS, smallSchool, TODAY } from '../workflow/small-school';
import { runInProcess } from './run-cli';

jest.setTimeout(600_000);

const dir = mkdtempSync(path.join(tmpdir(), 'cli-life-'));
const school = path.join(dir, 'school.xlsx');
writeFileSync(school, smallSchool({ withLife: true }));
const bare = path.join(dir, 'bare.xlsx');
writeFileSync(bare, smallSchool());

const run = (argv: string[]) => runInProcess(argv, TODAY);
const read = async (file: string) => openXlsx(new Uint8Array(readFileSync(file))).read();
const LIFE = [SHEETS.activities, SHEETS.groups, SHEETS.rollCall, SHEETS.fund, SHEETS.training];

describe('validate --json', () => {
  it("lists the life sheets' findings with sheet, row and column, and exits 1 for the missing pickup", async () => {
    const r = await run(['validate', school, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const issues: { sheet: string; row: number; column: string; rule: string; severity: string; message: string }[] = JSON.parse(r.stdout).issues;
    const life = issues.filter((i) => (LIFE as string[]).includes(i.sheet));
    expect(life.map((i) => [i.sheet, i.row, i.column, i.rule, i.severity])).toEqual(LIFE_EXPECTED.findings);
    expect(life.find((i) => i.rule === 'pickup-missing')?.message).toBe('“留守之家签到”第3行（2026-11-07）：学生已签到，但没有签退时间。请核实孩子是否已由监护人接走。');
    // Messages never quote a name.
    for (const i of life) for (const name of ['赵无名', '王某', '李小红', '王小刚']) expect(i.message).not.toContain(name);
  });

  it('says the same in English and in the readable report', async () => {
    const en = JSON.parse((await run(['validate', school, '--json', '--lang', 'en'])).stdout);
    expect(en.issues.find((i: { rule: string }) => i.rule === 'fund-incomplete').message).toBe('Row 4 of the 基金收支 (fund) sheet: the spending names no handler (经手人).');
    const text = await run(['validate', school]);
    expect(text.stdout).toContain('留守之家签到!D3');
    expect(text.stdout).toContain('pickup-missing');
  });

  it('reports nothing new for a workbook without the sheets (exit 0)', async () => {
    const r = await run(['validate', bare, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).issues.filter((i: { sheet: string }) => (LIFE as string[]).includes(i.sheet))).toEqual([]);
  });
});

describe('summary --json', () => {
  it("gains the term's figures, keeping every field it had", async () => {
    const r = await run(['summary', school, '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject(LIFE_EXPECTED.term);
    expect([json.children, json.talks, json.parentCalls]).toEqual([5, 3, 2]);
    expect(json.findings['pickup-missing']).toBe(1);
  });

  it("counts a month on its own, with the fund's balance at its end counting every earlier row", async () => {
    const json = JSON.parse((await run(['summary', school, '--from', '2026-11-01', '--to', '2026-11-30', '--json'])).stdout);
    expect(json).toMatchObject(LIFE_EXPECTED.november);
    const october = JSON.parse((await run(['summary', school, '--from', '2026-10-01', '--to', '2026-10-31', '--json'])).stdout);
    expect(october.fund).toEqual({ income: 0, spent: 500, balance: 1500, childrenAided: 2 });
  });

  it('has zeros, not missing keys, when the sheets are not there', async () => {
    const json = JSON.parse((await run(['summary', bare, '--json'])).stdout);
    expect(json.activities).toEqual({ count: 0, childrenTakingPart: 0, childrenWithout: 5 });
    expect(json.fund).toEqual({ income: 0, spent: 0, balance: 0, childrenAided: 0 });
    expect(json.rollCall).toEqual({ days: 0, attendances: 0, pickupsMissing: 0 });
    expect(json.training).toEqual({ teachers: 0, hours: 0 });
  });
});

describe('summary as text', () => {
  it('says what the school did, in Chinese and in English with plurals', async () => {
    const zh = (await run(['summary', school])).stdout;
    expect(zh).toContain('本学期共开展活动3次（主题班会1次、生日会1次、节日慰问1次），3名留守儿童参加，参与率60%；2名儿童尚未参加活动');
    expect(zh).toContain('本学期留守儿童基金收入2000.00元，支出800.00元，资助儿童3名（人均266.67元），期末余额1200.00元。');
    expect(zh).toContain('其中1人次签到后没有签退或接送人记录');
    const en = (await run(['summary', school, '--lang', 'en'])).stdout;
    expect(en).toContain('This term the school held 3 activities');
    expect(en).toContain('1 sign-in has no sign-out or pickup recorded and must be checked one by one.');
    expect(en).toContain('The school runs 1 interest group with 2 children; 3 children are in none.');
    // A school that keeps none of these sheets reads no sentence about them.
    expect((await run(['summary', bare])).stdout).not.toContain('留守之家');
  });
});

describe('apply', () => {
  it('creates the five templates when missing, as tables the reader reads back', async () => {
    const out = path.join(dir, 'bare-out.xlsx');
    const r = await run(['apply', bare, '-o', out]);
    expect(r.stderr).toBe('');
    for (const sheet of LIFE) expect(r.stdout).toContain(`“${sheet}”：新建`);
    const wb = await read(out);
    expect(findSheet(wb, SHEETS.fund)?.values[1]).toEqual(['日期', '收支', '金额', '来源或用途', '受助学生', '经手人', '凭证号']);
    // The output validates without a finding from those sheets.
    const again = JSON.parse((await run(['validate', out, '--json'])).stdout);
    expect(again.issues.filter((i: { sheet: string }) => (LIFE as string[]).includes(i.sheet))).toEqual([]);
  });

  it('never rewrites the sheets the school keeps, and lists their findings in 校验结果', async () => {
    const out = path.join(dir, 'school-out.xlsx');
    const r = await run(['apply', school, '-o', out]);
    expect(r.status).toBe(1);
    for (const sheet of LIFE) expect(r.stdout).not.toContain(`“${sheet}”：新建`);
    expect(r.stdout).toContain('活动、签到、基金与培训记录 4 个');
    const [before, after] = [await read(school), await read(out)];
    for (const s of LIFE_SHEETS) expect(findSheet(after, s.name)?.values).toEqual(findSheet(before, s.name)?.values);
    const findings = findSheet(after, SHEETS.findings)!.values.map((row) => row.join('|'));
    expect(findings.some((row) => row.startsWith('留守之家签到|D3|3|') && row.includes('签到后无人接送记录'))).toBe(true);
    expect(findings.some((row) => row.startsWith('基金收支|F4|4|'))).toBe(true);
    // 统计汇总 and 工作报告 carry the figures.
    const summary = findSheet(after, SHEETS.summary)!.values.map((row) => row.filter((v) => v !== null && v !== '').join('|'));
    expect(summary).toContain('活动|活动次数|3');
    expect(summary).toContain('活动|未参加活动的儿童|2|0.4');
    expect(summary).toContain('留守儿童基金|期末余额|1200.00 元');
    expect(summary).toContain('留守之家|签到后无接送记录|1');
    const report = findSheet(after, SHEETS.report)!.values.map((row) => String(row[0] ?? ''));
    // 季度会议材料 for the fourth quarter (today is 2026-11-30): one short table of items and values.
    const quarterly = findSheet(after, SHEETS.quarterly)!.values;
    expect(quarterly[0][0]).toBe('2026年第4季度 留守儿童工作领导小组会议材料');
    const value = (item: string) => quarterly.find((r) => r[0] === item)?.slice(1, 3);
    expect(value('本季度谈心次数')?.[0]).toBe(3);
    expect(value('开展活动次数')?.[0]).toBe(2);
    expect(value('留守之家签到人次')?.[0]).toBe(4);
    expect(value('签到后无接送记录')).toEqual([1, '需会议研究落实']);
    expect(value('基金季末余额')).toEqual(['1200.00 元', '本季度收入 0.00 元，支出 800.00 元']);
    expect(quarterly.length).toBeLessThanOrEqual(25); // one A4 page
    // 评比参考: facts sorted by count, children then teachers, with the note that the school decides.
    const awards = findSheet(after, SHEETS.awards)!.values;
    expect(awards[2][0]).toContain('评比由学校研究决定');
    const header = awards[3];
    expect(header.slice(0, 6)).toEqual(['类别', '姓名', '班级', '参加活动', '兴趣小组', '受谈心次数']);
    expect(awards.slice(4, 7).map((r) => r.slice(0, 6))).toEqual([
      ['儿童', '张小明', '三(1)班', 2, 1, 2],
      ['儿童', '李小红', '三(1)班', 2, 1, 1],
      ['儿童', '王小刚', '五(2)班', 2, 0, 0],
    ]);
    const chen = awards.find((r) => r[0] === '教师' && r[1] === '陈老师')!;
    expect([chen[8], chen[9]]).toEqual([2, 2]);
    expect(awards.find((r) => r[1] === '孙老师')?.[9]).toBe(3);
    expect(report).toContain('本学期参加培训的教师3名，共7学时、3.5学分（按人计）。');
  });
});

describe('export', () => {
  it('masks the names the five sheets hold: children, who collected them, who handled the money, teachers', async () => {
    const out = path.join(dir, 'deid.xlsx');
    const r = await run(['export', school, '-o', out]);
    expect(r.status).toBe(0);
    const copy = await read(out);
    const text = LIFE.map((name) => JSON.stringify(findSheet(copy, name)?.values)).join('\n');
    for (const name of ['张小明', '李小红', '王小刚', '赵无名', '王某', '张大山', '赵德明', '陈老师', '孙老师', '校长']) expect(text).not.toContain(name);
    // What is not a person stays: the activity, the amounts, the voucher numbers.
    expect(text).toContain('故事会');
    expect(text).toContain('P002');
  });
});

describe('the bundled sample (assets/sample-roster.xlsx): a term of the five sheets', () => {
  const sample = path.resolve(__dirname, '..', '..', 'assets', 'sample-roster.xlsx');
  const at = (argv: string[]) => run([...argv, '--today', SAMPLE_LIFE_EXPECTED.today]);

  it('validate --json lists exactly the findings planted in it, with sheet, row and column', async () => {
    const r = await at(['validate', sample, '--json']);
    expect(r.stderr).toBe('');
    const issues: { sheet: string; row: number; column: string; rule: string; severity: string }[] = JSON.parse(r.stdout).issues;
    const life = issues.filter((i) => (LIFE as string[]).includes(i.sheet));
    expect(life.map((i) => [i.sheet, i.row, i.column, i.rule, i.severity])).toEqual(SAMPLE_LIFE_EXPECTED.findings);
  });

  it("summary --json gives the term's and November's figures planted in it", async () => {
    expect(JSON.parse((await at(['summary', sample, '--json'])).stdout)).toMatchObject(SAMPLE_LIFE_EXPECTED.term);
    const november = JSON.parse((await at(['summary', sample, '--from', '2026-11-01', '--to', '2026-11-30', '--json'])).stdout);
    expect(november).toMatchObject(SAMPLE_LIFE_EXPECTED.november);
  });

  it('the report counts every type of activity, the 生日会 among them, and the aid per child', async () => {
    const zh = (await at(['summary', sample])).stdout;
    const types = Object.entries(SAMPLE_LIFE_EXPECTED.byType).map(([type, n]) => `${type}${n}次`);
    for (const type of types) expect(zh).toContain(type);
    expect(zh).toContain('本学期共开展活动6次');
    expect(zh).toContain('资助儿童5名（人均420.00元），期末余额3700.00元');
    expect(zh).toContain('留守之家开放6天，签到20人次；其中1人次签到后没有签退或接送人记录');
    // The whole 帮扶人员 trained at the start of term (22 people, 2 h each) and three later sessions.
    expect(zh).toContain('参加培训的教师22名，共59学时');
  });
});
