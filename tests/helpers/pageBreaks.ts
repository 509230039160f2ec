import { strFromU8, unzipSync } from 'fflate';

/**
 * Each sheet's manual page breaks as a saved package holds them (the <brk> ids of its rowBreaks), in the
 * workbook's sheet order, found through workbook.xml's relationships. A rowBreaks whose count or
 * manualBreakCount disagrees with its breaks throws: Excel reads those counts.
 */
export function breaksBySheet(bytes: Uint8Array): Map<string, number[]> {
  const parts = unzipSync(bytes);
  const text = (p: string) => strFromU8(parts[p]);
  const rels = text('xl/_rels/workbook.xml.rels');
  const out = new Map<string, number[]>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    const xml = text(`xl/${target.replace(/^\/?xl\//, '')}`);
    const block = /<rowBreaks count="(\d+)" manualBreakCount="(\d+)">([\s\S]*?)<\/rowBreaks>/.exec(xml);
    const ids = block ? [...block[3].matchAll(/<brk id="(\d+)"/g)].map((b) => Number(b[1])) : [];
    if (block && (Number(block[1]) !== ids.length || Number(block[2]) !== ids.length)) {
      throw new Error(`${m[1]}: rowBreaks count ${block[1]}, manualBreakCount ${block[2]}, ${ids.length} breaks`);
    }
    out.set(m[1], ids);
  }
  return out;
}

/** Each sheet's number of manual page breaks, in the workbook's sheet order. */
export function breakCounts(bytes: Uint8Array): [string, number][] {
  return [...breaksBySheet(bytes)].map(([name, ids]) => [name, ids.length]);
}
