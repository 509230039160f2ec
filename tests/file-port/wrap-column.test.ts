/**
 * PlanColumn.wrap: the file port gives the column a style with wrapText, and the title lines below the
 * title (工作报告's paragraphs, in column A) wrap with it, so LibreOffice prints them whole.
 */
import type { SheetContent } from '../../src/core/plan/types';
import { openXlsx } from '../../src/workbook/file';
import { partText, unzipParts } from './ooxml';
import { richWorkbook } from './richWorkbook';

async function saved(content: SheetContent): Promise<{ sheet: string; styles: string }> {
  const wb = openXlsx(richWorkbook());
  await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '工作报告', content }] });
  const parts = unzipParts(wb.save());
  const sheetPath = Object.keys(parts).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && partText(parts, p).includes('项目'))!;
  return { sheet: partText(parts, sheetPath), styles: partText(parts, 'xl/styles.xml') };
}

const xfs = (styles: string) => [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
const wraps = (styles: string, s: number) => /wrapText="1"/.test(xfs(styles)[s] ?? '');
const styleOf = (sheet: string, ref: string) => Number(new RegExp(`<c r="${ref}"[^>]*? s="(\\d+)"`).exec(sheet)?.[1] ?? 0);

const content = (wrap: boolean): SheetContent => ({
  titleLines: ['工作报告', '本学期共有留守儿童48名，其中父母均外出37名，单亲外出11名；开展谈心120次、家访30次。'],
  columns: [
    { header: '项目', width: 80, format: 'text', wrap },
    { header: '数值', format: 'integer' },
  ],
  rows: [['留守儿童', 48]],
});

it('wraps the column and the paragraphs above its table', async () => {
  const { sheet, styles } = await saved(content(true));
  const colA = /<col min="1" max="1"[^>]*style="(\d+)"/.exec(sheet)!;
  expect(wraps(styles, Number(colA[1]))).toBe(true);
  expect(wraps(styles, styleOf(sheet, 'A2'))).toBe(true); // the paragraph
  expect(wraps(styles, styleOf(sheet, 'A4'))).toBe(true); // a data cell
  expect(xfs(styles)[styleOf(sheet, 'A4')]).toContain('numFmtId="49"'); // still text
  expect(wraps(styles, styleOf(sheet, 'B4'))).toBe(false);
  expect(wraps(styles, styleOf(sheet, 'A1'))).toBe(false); // the title keeps its one tall row
});

it('wraps nothing when no column asks for it', async () => {
  const { sheet, styles } = await saved(content(false));
  expect(wraps(styles, styleOf(sheet, 'A2'))).toBe(false);
  expect(wraps(styles, styleOf(sheet, 'A4'))).toBe(false);
});

it('gives a wrapped paragraph row the height of its lines (LibreOffice does not grow it on open)', async () => {
  const { sheet } = await saved({ ...content(true), columns: [{ header: '项目', width: 20, wrap: true }, { header: '数值' }] });
  // 83 units (wide characters count two) at width 20, 18 usable -> 5 lines of 18 pt: a line of Chinese
  // in LibreOffice's CJK font is taller than the 15 pt default, which printed the last line cut in half.
  expect(/<row r="2" ht="(\d+)" customHeight="1">/.exec(sheet)?.[1]).toBe('90');
  expect(/<row r="3"[^>]*>/.exec(sheet)![0]).toBe('<row r="3">');
});

it('keeps 15 pt lines for a paragraph without Chinese, and gives a one-line Chinese paragraph its 18 pt', async () => {
  const { sheet } = await saved({
    ...content(true),
    titleLines: ['Report', 'This term the school had 48 left-behind children, 37 with both parents away.', '共48名。'],
    columns: [{ header: '项目', width: 20, wrap: true }, { header: '数值' }],
  });
  // 76 units at 18 usable -> 5 lines of 15 pt; the short Chinese line one line of 18 pt.
  expect(/<row r="2" ht="(\d+)" customHeight="1">/.exec(sheet)?.[1]).toBe('75');
  expect(/<row r="3" ht="(\d+)" customHeight="1">/.exec(sheet)?.[1]).toBe('18');
});
