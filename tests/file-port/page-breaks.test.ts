/**
 * Page breaks through the file port, written and read back: never more <brk> on a sheet than MAX_PAGE_BREAKS,
 * even for a plan that asks for more (Excel keeps 1,026 a sheet, [MS-XLSB] 1,023).
 */
import { strFromU8, unzipSync } from 'fflate';
import { MAX_PAGE_BREAKS } from '../../src/core/plan/print';
import type { SheetContent } from '../../src/core/plan/types';
import { newWorkbookWith } from '../../src/workbook/file';

jest.setTimeout(120_000);

/** Each sheet's manual breaks as the package holds them (brk ids), found through workbook.xml's relationships. */
function breaksBySheet(bytes: Uint8Array): Map<string, number[]> {
  const parts = unzipSync(bytes);
  const text = (p: string) => strFromU8(parts[p]);
  const rels = text('xl/_rels/workbook.xml.rels');
  const out = new Map<string, number[]>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    const xml = text(`xl/${target.replace(/^\/?xl\//, '')}`);
    const block = /<rowBreaks count="(\d+)" manualBreakCount="(\d+)">([\s\S]*?)<\/rowBreaks>/.exec(xml);
    const ids = block ? [...block[3].matchAll(/<brk id="(\d+)"/g)].map((b) => Number(b[1])) : [];
    if (block) expect([m[1], Number(block[1]), Number(block[2])]).toEqual([m[1], ids.length, ids.length]);
    out.set(m[1], ids);
  }
  return out;
}

describe('page breaks through the file port', () => {
  it(`writes at most ${MAX_PAGE_BREAKS} breaks from a plan that asks for more`, async () => {
    const content: SheetContent = {
      columns: [{ header: '内容' }],
      rows: Array.from({ length: 2000 }, (_, i) => [`第${i + 1}页`]),
      print: { paper: 'A4', orientation: 'portrait', breaksBefore: Array.from({ length: 1999 }, (_, i) => i + 1) },
    };
    const bytes = (await newWorkbookWith({ ops: [{ kind: 'replaceSheet', sheet: '打印', content }] })).save();
    expect(breaksBySheet(bytes).get('打印')).toEqual(Array.from({ length: MAX_PAGE_BREAKS }, (_, i) => i + 2));
  });
});
