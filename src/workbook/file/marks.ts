import type { CellMark } from '../../core/plan/types';
import { Pkg, REL, REL_NS, relIs } from './pkg';
import { SheetNotes } from './notes';
import { parseRef, refOf, type SheetEditor } from './sheetEdit';
import type { Styles } from './styles';
import { attr, esc } from './xml';

/** Namespace of the custom XML part that records the marks, so clearMarks works after save and reopen. */
export const MARKS_NS = 'urn:liushou-care-assistant:marks:1';
const PROPS_TYPE = `${REL_NS}/customXmlProps`;
const PROPS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
const ITEM_ID = '{6C1B0E52-3A47-4B8E-9E7D-2F5A1C0D9B31}';

/** What one mark changed on one cell: enough to put the cell back exactly. */
export interface MarkRecord {
  readonly sheet: string;
  readonly ref: string;
  /** The cell's own style index before marking, and whether it had an `s` attribute at all. */
  readonly s: number;
  readonly hadStyle: boolean;
  /** The cell element did not exist before (an empty cell). */
  readonly created: boolean;
  /** The style index the mark set; a cell restyled since is left alone. */
  readonly markStyle: number;
  /** VML shape id of the add-in's note, when one was written. */
  readonly shape?: string;
}

export class MarkStore {
  private path?: string;
  records: MarkRecord[] = [];

  constructor(private readonly pkg: Pkg) {
    const wb = pkg.workbookPath();
    for (const r of pkg.rels(wb)) {
      if (!relIs(r.type, 'customXml') || r.external) continue;
      const xml = pkg.text(r.path);
      if (!xml || !xml.includes(MARKS_NS)) continue;
      this.path = r.path;
      for (const m of xml.matchAll(/<mark\b[^>]*>/g)) {
        const tag = m[0];
        const shape = attr(tag, 'shape');
        this.records.push({
          sheet: attr(tag, 'sheet') ?? '',
          ref: attr(tag, 'ref') ?? '',
          s: Number(attr(tag, 's') ?? 0),
          hadStyle: attr(tag, 'hadStyle') === '1',
          created: attr(tag, 'created') === '1',
          markStyle: Number(attr(tag, 'markStyle') ?? -1),
          ...(shape ? { shape } : {}),
        });
      }
      break;
    }
  }

  flush(): void {
    const pkg = this.pkg;
    const body = this.records
      .map(
        (r) =>
          `<mark sheet="${esc(r.sheet)}" ref="${r.ref}" s="${r.s}" hadStyle="${r.hadStyle ? 1 : 0}" created="${r.created ? 1 : 0}" markStyle="${r.markStyle}"${r.shape ? ` shape="${esc(r.shape)}"` : ''}/>`,
      )
      .join('');
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<marks xmlns="${MARKS_NS}">${body}</marks>`;
    if (!this.path) {
      if (!this.records.length) return;
      const wb = pkg.workbookPath();
      this.path = pkg.freePartName('customXml/item', '.xml');
      const props = this.path.replace(/item(\d+)\.xml$/, 'itemProps$1.xml');
      pkg.ensureDefault('xml', 'application/xml');
      pkg.addRel(wb, REL.customXml, this.path);
      pkg.setText(
        props,
        `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${MARKS_NS}"/></ds:schemaRefs></ds:datastoreItem>`,
      );
      pkg.setOverride(props, PROPS_CONTENT_TYPE);
      pkg.addRel(this.path, PROPS_TYPE, props);
    }
    if (pkg.text(this.path) !== xml) pkg.setText(this.path, xml);
  }
}

export interface MarkContext {
  readonly pkg: Pkg;
  readonly styles: Styles;
  readonly store: MarkStore;
  readonly sheetName: string;
  readonly sheetPath: string;
  readonly editor: SheetEditor;
  readonly author: string;
}

/** Fill each cell (a copy of its own style with a fill) and add the note; returns degraded keys. */
export function markCells(ctx: MarkContext, marks: readonly CellMark[]): string[] {
  const { styles, store, editor, sheetName } = ctx;
  const notes = new SheetNotes(ctx.pkg, ctx.sheetPath, editor);
  const degraded = new Set<string>();
  const byRef = new Map(store.records.filter((r) => r.sheet === sheetName).map((r) => [r.ref, r]));
  for (const mark of marks) {
    const ref = refOf(mark.row, mark.col);
    const before = byRef.get(ref);
    const now = editor.styleOf(mark.row, mark.col);
    // A cell marked earlier and still carrying our style keeps its first original; otherwise start afresh.
    const original = before && now.s === before.markStyle ? { s: before.s, present: before.hadStyle, exists: !before.created } : now;
    const markStyle = styles.withFill(original.s, mark.fill);
    editor.setStyle(mark.row, mark.col, markStyle);
    let shape: string | undefined;
    if (mark.note) {
      if (notes.foreignNoteAt(ref, ctx.author)) degraded.add('file.noteExists');
      else shape = notes.setNote(ref, mark.note, ctx.author);
    }
    const rec: MarkRecord = { sheet: sheetName, ref, s: original.s, hadStyle: original.present, created: !original.exists, markStyle, ...(shape ? { shape } : {}) };
    byRef.set(ref, rec);
  }
  store.records = [...store.records.filter((r) => r.sheet !== sheetName), ...byRef.values()];
  notes.flush();
  return [...degraded];
}

/** Put back every cell the add-in marked on a sheet and remove only its notes; returns cells restored. */
export function clearMarks(ctx: MarkContext): number {
  const { store, editor, sheetName } = ctx;
  const mine = store.records.filter((r) => r.sheet === sheetName);
  if (!mine.length) return 0;
  let restored = 0;
  for (const r of mine) {
    const at = parseRef(r.ref);
    if (!at) continue;
    const now = editor.styleOf(at.row, at.col);
    if (now.s !== r.markStyle) continue; // restyled by someone since: theirs now
    editor.setStyle(at.row, at.col, r.hadStyle ? r.s : undefined);
    if (r.created) editor.dropIfBare(at.row, at.col);
    restored++;
  }
  const notes = new SheetNotes(ctx.pkg, ctx.sheetPath, editor);
  notes.removeNotes(new Set(mine.map((r) => r.ref)), new Set(mine.flatMap((r) => (r.shape ? [r.shape] : []))), ctx.author);
  notes.flush();
  store.records = store.records.filter((r) => r.sheet !== sheetName);
  return restored;
}
