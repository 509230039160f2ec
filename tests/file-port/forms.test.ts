/**
 * The 设置 screen's 帮扶人员 writes through the file port (the standalone page): a mentor added to a
 * workbook without 帮扶人员 creates it from the template holding her; a second one goes below her and
 * the sheet's table grows to take it in; saved and opened again, both are read, and undo takes the second back.
 */
import { strFromU8, unzipSync } from 'fflate';
import { classNormalizer } from '../../src/core/pairing';
import { addMentorOps } from '../../src/core/pairing/mentorEdits';
import { readMentors } from '../../src/core/pairing/mentors';
import { SHEETS } from '../../src/core/sheets';
import { openXlsx } from '../../src/workbook/file';
import { seedXlsx } from './seed';

const normalize = classNormalizer('2026-09-01');

describe('file port: mentors added from the form', () => {
  it('creates 帮扶人员 holding the first, appends the second inside its table, and undoes the second', async () => {
    const port = openXlsx(
      seedXlsx({
        sheets: [
          {
            name: '花名册',
            rows: [
              ['姓名', '班级'],
              ['张三', '三(1)班'],
            ],
          },
        ],
      }),
    );
    await port.apply({ ops: addMentorOps(await port.read(), { name: '陈静', kind: '班主任', className: '三(1)班' }) });
    await port.apply({ ops: addMentorOps(await port.read(), { name: '王小明', kind: '学生', className: '三(1)班' }) });
    const saved = port.save();
    const reopened = openXlsx(saved);
    expect(readMentors(await reopened.read(), normalize).mentors.map((m) => [m.name, m.kind, m.classes])).toEqual([
      ['陈静', '班主任', ['三(1)班']],
      ['王小明', '学生', ['三(1)班']],
    ]);
    // The template's table (MentorsTable) covers the header and both rows.
    const tables = Object.entries(unzipSync(saved))
      .filter(([path]) => path.includes('tables/'))
      .map(([, bytes]) => strFromU8(bytes));
    expect(tables.find((x) => x.includes('MentorsTable'))).toMatch(/ref="A2:G4"/);

    await port.undoLast!();
    expect(readMentors(await port.read(), normalize).mentors.map((m) => m.name)).toEqual(['陈静']);
    expect((await port.read()).sheets.find((s) => s.name === SHEETS.mentors)).toBeDefined();
  });
});
