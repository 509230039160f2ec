/**
 * Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13) in the double: the named sheets of the source file
 * arrive at the end with their values, formulas, number formats, merged cells and tables.
 *
 * Excel on the web (platform 'OfficeOnline') refuses a file whose sheets hold a PivotTable, chart, comment
 * or slicer with UnsupportedFeature, and inserts nothing (Learn, "Work with workbooks using the Excel
 * JavaScript API": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks). Desktop
 * Excel brings charts along; the double does not read chart parts, so it leaves them out there too — tests
 * that need desktop's charts add them in a beforeSync hook.
 */
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { OfficeDoubleError, parseAddress, type Cell, type WorkbookState } from './state';

function typed(cell: XLSX.CellObject): Pick<Cell, 'v' | 't' | 'f'> {
  const f = cell.f ? `=${cell.f}` : undefined;
  switch (cell.t) {
    case 'n':
      return { v: cell.v as number, t: 'Double', f };
    case 'b':
      return { v: cell.v as boolean, t: 'Boolean', f };
    case 'e':
      return { v: cell.w ?? '#N/A', t: 'Error', f };
    case 's':
      return cell.v === '' ? { v: undefined, t: undefined, f } : { v: String(cell.v), t: 'String', f };
    default:
      throw new Error(`office-double: inserting a cell of type ${cell.t} is not modeled`);
  }
}

/** Table parts of each sheet (by sheet name): name and A1 block, read from the package. */
function tablesOf(bytes: Uint8Array): Map<string, { name: string; ref: string }[]> {
  const files = unzipSync(bytes);
  const text = (path: string) => (files[path] ? strFromU8(files[path]) : '');
  const workbookRels = text('xl/_rels/workbook.xml.rels');
  const out = new Map<string, { name: string; ref: string }[]>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${m[2]}"`).exec(workbookRels);
    const sheetPath = (target?.[1] ?? target?.[2] ?? '').replace(/^\/?(xl\/)?/, 'xl/');
    const rels = text(sheetPath.replace(/([^/]+)$/, '_rels/$1.rels'));
    const tables: { name: string; ref: string }[] = [];
    for (const r of rels.matchAll(/Target="([^"]*tables\/[^"]*)"/g)) {
      const xml = text(`xl/tables/${r[1].split('/').pop()}`);
      const name = /\bname="([^"]*)"/.exec(xml)?.[1];
      const ref = /\bref="([^"]*)"/.exec(xml)?.[1];
      if (name && ref) tables.push({ name, ref });
    }
    out.set(
      m[1]
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&apos;/g, "'"),
      tables,
    );
  }
  return out;
}

/** The bytes of base64 text, as Excel decodes a file handed to it (atob: the double also runs in the browser). */
export function fromBase64(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
}

/** Parts Excel on the web will not insert: charts (and the drawings holding them), comments, PivotTables, slicers. */
const WEB_REFUSED_PART = /^xl\/(charts\/|pivotTables\/|pivotCache\/|slicers\/|slicerCaches\/|threadedComments\/|comments\d*\.xml$)/;

export function insertWorksheetsFromBase64(state: WorkbookState, base64: string, options: { sheetNamesToInsert?: string[]; positionType?: string } = {}, platform = 'PC'): void {
  if (options.positionType !== undefined && options.positionType !== 'End') throw new Error('office-double: insertWorksheetsFromBase64 is modeled with positionType End only');
  let bytes: Uint8Array;
  let book: XLSX.WorkBook;
  try {
    bytes = fromBase64(base64);
    book = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true });
  } catch {
    throw new OfficeDoubleError('InvalidArgument', 'the base64 text is not a workbook');
  }
  if (platform === 'OfficeOnline') {
    const refused = Object.keys(unzipSync(bytes)).find((path) => WEB_REFUSED_PART.test(path));
    if (refused) throw new OfficeDoubleError('UnsupportedFeature', `Excel on the web cannot insert a file holding ${refused}`);
  }
  const names = options.sheetNamesToInsert?.length ? options.sheetNamesToInsert : book.SheetNames;
  const tables = tablesOf(bytes);
  for (const name of names) {
    const source = book.Sheets[name];
    if (!source) throw new OfficeDoubleError('ItemNotFound', 'a sheet to insert is not in the source workbook');
    if (state.sheet(name)) throw new Error('office-double: inserting a sheet whose name is taken is not modeled');
    const sheet = state.addSheet(name);
    for (const [address, cell] of Object.entries(source)) {
      if (address.startsWith('!')) continue;
      const { r, c } = XLSX.utils.decode_cell(address);
      const target = sheet.ensure(r, c);
      Object.assign(target, typed(cell as XLSX.CellObject));
      const z = (cell as XLSX.CellObject).z;
      if (typeof z === 'string' && z !== 'General') target.nf = z;
    }
    for (const m of source['!merges'] ?? []) sheet.merges.push({ row: m.s.r, col: m.s.c, rowCount: m.e.r - m.s.r + 1, colCount: m.e.c - m.s.c + 1 });
    for (const t of tables.get(name) ?? []) {
      const taken = state.tables.some((x) => x.name.toLowerCase() === t.name.toLowerCase());
      state.tables.push({ name: taken ? state.nextTableName() : t.name, sheet, block: parseAddress(t.ref).block });
    }
  }
}
