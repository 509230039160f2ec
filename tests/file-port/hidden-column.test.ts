/**
 * PlanColumn.hidden is part of the plan contract: the file port writes such a column with
 * hidden="1" (the Office port sets columnHidden). 结对帮扶's 上次生成 was printed in full before.
 */
import type { SheetContent } from '../../src/core/plan/types';
import { openXlsx } from '../../src/workbook/file';
import { partText, unzipParts } from './ooxml';
import { richWorkbook } from './richWorkbook';

async function sheetXml(content: SheetContent, marker: string): Promise<string> {
  const wb = openXlsx(richWorkbook());
  await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '结对帮扶', content }] });
  const parts = unzipParts(wb.save());
  const sheetPath = Object.keys(parts).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && partText(parts, p).includes(marker))!;
  return partText(parts, sheetPath);
}

const colsOf = (xml: string) => [...xml.matchAll(/<col ([^>]*)\/>/g)].map((m) => m[1]);

it('writes hidden columns with hidden="1" and leaves the others visible', async () => {
  const xml = await sheetXml(
    {
      columns: [{ header: '姓名', width: 10 }, { header: '说明' }, { header: '上次生成', width: 4, hidden: true }, { header: '备用', hidden: true }],
      rows: [['小明', '同班', 'abc.def', 'x']],
    },
    '上次生成',
  );
  const cols = colsOf(xml);
  expect(cols.find((c) => c.includes('min="3"'))).toContain('hidden="1"');
  // A hidden column without a width or format still gets its <col>.
  expect(cols.find((c) => c.includes('min="4"'))).toContain('hidden="1"');
  expect(cols.filter((c) => c.includes('hidden')).length).toBe(2);
  // The values of the hidden column stay in the sheet.
  const wb = openXlsx(richWorkbook());
  await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '结对帮扶', content: { columns: [{ header: 'a' }, { header: 'b', hidden: true }], rows: [['1', 'kept']] } }] });
  expect((await openXlsx(wb.save()).read()).sheets.find((s) => s.name === '结对帮扶')!.values[1]).toEqual(['1', 'kept']);
});
