import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { columnLetter } from '../core/cells';
import { t, type Lang } from '../core/i18n';
import { SHEETS } from '../core/sheets';
import type { CellMark, CellRef, WorkbookPlan } from '../core/plan/types';
import type { SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { errorMessage } from '../taskpane/errors';
import { downloadBytes } from './download';
import { endsFindingMarks, withFindingMarks } from './findingMarks';
import { StandalonePort } from './standalonePort';
import { useUnsaved, useUnsavedTitle, type ReplaceAction, type ReplaceAnswer } from './useUnsaved';
import type { SheetLook } from '../workbook/file';

const SAMPLE_NAME = 'sample-roster.xlsx';

async function openFile(bytes: Uint8Array, name: string, lang: Lang) {
  // The xlsx library is fetched only here, on first open; the Excel pane never loads it.
  const { openSpreadsheet, isConverted, savedFileName } = await import(/* webpackChunkName: "file-port" */ '../workbook/file');
  const workbook = openSpreadsheet(bytes, { name, lang });
  const saveAs = savedFileName(name, workbook.format);
  return { workbook, saveAs, notice: isConverted(workbook.format) ? t(lang, 'file.converted', { format: workbook.format, saveAs }) : null };
}

type OpenedFile = Awaited<ReturnType<typeof openFile>>;

/** The workbook held in memory (an .xlsx, or another format read into one), and the port the pane works on. */
export interface OpenDoc {
  readonly id: number;
  readonly name: string;
  readonly workbook: OpenedFile['workbook'];
  /** The download's name: the same name as .xlsx, or .xlsm for a macro workbook. */
  readonly saveAs: string;
  /** Read from another format (.xls, .et, .ods, .csv): the page says the result is a new .xlsx. */
  readonly notice: string | null;
  readonly port: StandalonePort;
  /** The bundled sample (加载示例花名册, ?sample=1): opened already checked, with the guide. */
  readonly sample: boolean;
  /** 设置 as read on opening: its 示例日期 (the sample carries one) decides the day the workbook is seen on (workbookToday). */
  readonly settings: WorkbookSnapshot;
}

/** The standalone page's state and actions; the page only arranges them. */
export interface StandaloneState {
  readonly doc: OpenDoc | null;
  readonly snapshot: WorkbookSnapshot | null;
  /** The sheet shown, by name. */
  readonly active: string | null;
  /** The shown sheet (null before a file is open). */
  readonly sheet: SheetSnapshot | null;
  /** How the shown sheet looks beyond its values (links, fills, notes, charts, hidden columns), the last check's marks drawn on it. */
  readonly look: SheetLook | null;
  /** The cell the pane chose last. */
  readonly highlight: CellRef | null;
  /** The highlighted cell's address (B7) when it is on the shown sheet. */
  readonly where: string | null;
  readonly loading: boolean;
  readonly error: string | null;
  /** A file is dragged over the page. */
  readonly dragging: boolean;
  readonly setActive: (sheet: string) => void;
  /** A link in the grid was followed: show its sheet and cell. */
  readonly follow: (ref: CellRef) => void;
  readonly setDragging: (on: boolean) => void;
  readonly openSample: () => Promise<void>;
  readonly openLocal: (file: File) => Promise<void>;
  /** The pane checked the roster: its findings are drawn on the sheet view as marks (nothing is written). */
  readonly showCheck: (marks: readonly CellMark[]) => void;
  readonly onDrop: (e: DragEvent) => void;
  /** Download the changed copy. */
  readonly save: () => void;
  /** Written to since opened or saved. */
  readonly dirty: boolean;
  /** What 保存 said last: the file name and where it went. */
  readonly saved: string | null;
  /** Another file or the sample waits for the teacher's answer before it replaces unsaved work. */
  readonly pending: ReplaceAction | null;
  /** Run `proceed` at once, or after asking when there is unsaved work. */
  readonly guard: (action: ReplaceAction, proceed: () => void) => void;
  readonly answer: (choice: ReplaceAnswer) => void;
}

/** The open workbook, its snapshot, the shown sheet and the cell chosen last; `open` replaces the workbook. */
function useOpenDocument(lang: Lang, markChanged: () => void, reset: () => void) {
  const [doc, setDoc] = useState<OpenDoc | null>(null);
  const [marks, setMarks] = useState<readonly CellMark[]>([]);
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<CellRef | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const counter = useRef(0);
  const docRef = useRef<OpenDoc | null>(null);

  const refresh = useCallback(async (target: OpenDoc, plan?: WorkbookPlan) => {
    if (docRef.current !== target) return;
    const next = await target.workbook.read();
    if (docRef.current !== target) return;
    setSnapshot(next);
    const shown = plan?.ops.find((op) => op.kind === 'replaceSheet' && op.activate)?.sheet;
    setActive(
      (current) => shown ?? (current && next.sheets.some((s) => s.name === current) ? current : ((next.sheets.find((s) => s.visible !== false) ?? next.sheets[0])?.name ?? null)),
    );
  }, []);

  const open = useCallback(
    async (read: () => Promise<Uint8Array>, name: string, sample: boolean) => {
      if (loading) return;
      setLoading(true);
      setError(null);
      try {
        const { workbook, saveAs, notice } = await openFile(await read(), name, lang);
        // Only 设置 is read here (the port caches it): its 示例日期 sets the day before the pane first renders.
        const settings = await workbook.read({ sheets: [SHEETS.settings] });
        const id = ++counter.current;
        const target: OpenDoc = {
          id,
          name,
          workbook,
          saveAs,
          notice,
          sample,
          settings,
          port: new StandalonePort(workbook, {
            changed: (plan, how) => {
              // What the pane wrote, or took back, is not in any file yet.
              if (docRef.current === target && (how === 'undo' || plan.ops.length > 0)) markChanged();
              if (docRef.current === target && endsFindingMarks(plan, how)) setMarks([]);
              void refresh(target, plan).catch(() => setError(t(lang, 'error.unexpected')));
            },
            selected: (ref) => {
              if (docRef.current !== target) return;
              setActive(ref.sheet);
              setHighlight({ ...ref });
            },
          }),
        };
        docRef.current = target;
        setDoc(target);
        setMarks([]);
        reset();
        setHighlight(null);
        setActive(null);
        await refresh(target);
      } catch (e) {
        setError(errorMessage(e, lang));
      } finally {
        setLoading(false);
      }
    },
    [lang, loading, refresh, markChanged, reset],
  );
  return { doc, snapshot, active, setActive, highlight, setHighlight, loading, error, setError, open, marks, setMarks };
}

/**
 * Files opened with a picker, by drag and drop, or from the sample (read by `readSample`, so the one
 * network call stays with the page); the shown sheet follows what the pane writes and selects, and
 * links followed in the grid. Unsaved work is marked and guarded (useUnsaved).
 */
export function useStandalone({ lang, loadSample, readSample }: { lang: Lang; loadSample: boolean; readSample: () => Promise<Uint8Array> }): StandaloneState {
  const [dragging, setDragging] = useState(false);
  const unsaved = useUnsaved(lang);
  const { doc, snapshot, active, setActive, highlight, setHighlight, loading, error, setError, open, marks, setMarks } = useOpenDocument(lang, unsaved.markChanged, unsaved.reset);
  useUnsavedTitle(lang, unsaved.dirty, doc?.name ?? null);

  const openSample = useCallback(() => open(readSample, SAMPLE_NAME, true), [open, readSample]);
  const openLocal = useCallback((file: File) => open(async () => new Uint8Array(await file.arrayBuffer()), file.name, false), [open]);
  const showCheck = useCallback((next: readonly CellMark[]) => setMarks(next), [setMarks]);

  // bench/pane.ts reads this mark: the page's controls are on screen and respond.
  useEffect(() => {
    if (performance.getEntriesByName('page-interactive').length === 0) performance.mark('page-interactive');
  }, []);

  const started = useRef(false);
  useEffect(() => {
    if (loadSample && !started.current) {
      started.current = true;
      void openSample();
    }
  }, [loadSample, openSample]);

  const save = (): boolean => {
    if (!doc) return false;
    try {
      downloadBytes(doc.workbook.save(), doc.saveAs);
      unsaved.markSaved(doc.saveAs);
      return true;
    } catch (e) {
      setError(errorMessage(e, lang));
      return false;
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files?.[0];
    if (file) unsaved.guard('open', () => void openLocal(file));
  };

  const follow = (ref: CellRef) => {
    if (!snapshot?.sheets.some((s) => s.name === ref.sheet)) return;
    setActive(ref.sheet);
    setHighlight({ ...ref });
  };

  const sheet = snapshot?.sheets.find((s) => s.name === active) ?? null;
  // Read from the package when the shown sheet or the workbook changes (the port drops its looks on every write).
  const look = useMemo(() => (doc && sheet ? withFindingMarks(doc.workbook.look(sheet.name), sheet.name, marks) : null), [doc, sheet, marks]);
  const where = highlight && highlight.sheet === active ? `${columnLetter(highlight.col)}${highlight.row + 1}` : null;
  return {
    ...{ doc, snapshot, active, sheet, look, highlight, where, loading, error, dragging },
    ...{ setActive, follow, setDragging, openSample, openLocal, showCheck, onDrop, save: () => void save() },
    ...{ dirty: unsaved.dirty, saved: unsaved.saved, pending: unsaved.pending, guard: unsaved.guard },
    // 先保存 goes on only when the download started; a failed save keeps the work and says why.
    answer: (choice: ReplaceAnswer) => unsaved.answer(choice === 'cancel' || (choice === 'save' && !save()) ? 'cancel' : 'proceed'),
  };
}
