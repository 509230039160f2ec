import { columnLetter } from '../../core/cells';
import { isLinkCell, type CellMark, type PlanCell, type SheetContent, type WorkbookPlan } from '../../core/plan/types';
import { PortError, type ApplyProgress, type ApplyResult } from '../port';
import { chunkCommands, runChunks, type QueuedCommand } from './batch';
import { officeErrorCode, toPortError } from './errors';
import type { OfficeFeatures } from './capabilities';
import { DATE_FORMAT_CODE } from '../../core/plan/formats';
import { asLiteralText, blockAddress, cellAddress, cellNumberFormat, isTruncated, jsonBytes, linkTarget, numberFormatFor, quotedSheet, rowBytes, writtenPlanCell } from './cells';
import { chartCommands } from './charts';
import { isNoFill, MARKS_SETTING_KEY, noteHash, parseMarks, sameColor, saveSettings, type MarkRecord, type MarksBySheet } from './marks';
import { captureSheetsBefore, restorable as restorableEntries } from './capture';
import { BACKUP_PREFIX, rollbackRecord, type AppendStep, type CellsStep, type MarksStep, type SheetStep, type UndoRecord, type UndoStep } from './undo';

/**
 * Applying a plan: one Excel.run, in two steps.
 *   1. Look (1 sync): the sheet list with each sheet's protection (ExcelApi 1.2), the workbook's tables
 *      and, when the plan appends, marks or sets cells, the used ranges, current fills, notes and cell
 *      contents it will overwrite. More syncs only when a sheet the plan looks at is missing (the list
 *      is read first, +1) or hundreds of thousands of cells are marked (looks are split by size like
 *      writes).
 *   2. Write (W syncs): every change as a list of commands with measured sizes, split into syncs that
 *      each stay under the budget — values first, formats after. W = 1 for a usual plan; a
 *      100,000-row sheet with a link on every row is about ten (≈30 MB at 4 MB a sync).
 *   So apply = 1 + W syncs, plus what keeping a replaced sheet costs:
 *    - ExcelApi 1.7 to 1.19: nothing — the sheet is copied to a very hidden backup in the write batch.
 *    - below 1.7, or when the workbook's structure is protected: +2 (its used range and tables, then its
 *      contents, split by size) for undo.
 *    - ExcelApi 1.20 (Excel's own undo): the same +2, but only when the plan writes in more than one
 *      sync or to more than one sheet — only then can a failure leave earlier syncs written.
 * Nothing is written before step 2, so a protected sheet, a conflict or a missing sheet found while
 * looking leaves the workbook as it was. When a write sync fails after others succeeded, or the
 * AbortSignal fires between two write syncs (it is checked before each one), what this apply wrote is
 * put back from the record kept for undo (undo.ts: rollbackRecord) and the error says so
 * ('office.rolledBack', 'office.conflictRolledBack', or 'error.cancelled' with rolledBack: 1);
 * 'office.rollbackFailed' when not everything could be put back.
 */

export interface ApplyEnv {
  readonly context: Excel.RequestContext;
  readonly features: OfficeFeatures;
  readonly settings: Office.Settings;
  readonly budgetBytes: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ApplyProgress) => void;
  /**
   * Return the record of what the plan overwrote, so that undoRecord can put it back (hosts below
   * ExcelApi 1.20). The record is kept for the rollback on every host either way.
   */
  readonly captureUndo?: boolean;
}

/** The result, and the undo record when the env asked for one and the plan can be undone. */
export interface AppliedPlan {
  readonly result: ApplyResult;
  readonly undo?: UndoRecord;
}

type Written = ApplyResult['written'][number];

/** Rows a data-validation dropdown covers below the header when the sheet has fewer rows: room to type. */
export const VALIDATION_ROWS = 1000;

export async function applyPlan(env: ApplyEnv, plan: WorkbookPlan): Promise<AppliedPlan> {
  const { context, features } = env;
  for (const op of plan.ops) {
    if (!isValidSheetName(op.sheet)) throw new PortError('office.badSheetName', { sheet: op.sheet });
  }
  const degraded = new Set<string>();
  const written: Written[] = [];
  const sheetsApi = context.workbook.worksheets;

  // Steps 1 and 2 together: the sheet list, the tables, and the looks the plan needs, assuming the
  // sheets it looks at exist. If one does not (ItemNotFound), read the list first and look again.
  const tables = context.workbook.tables;
  const workbookProtection = features.api >= 7 && !features.undoGroup ? context.workbook.protection : undefined;
  const readList = () => {
    // Protection (ExcelApi 1.2) is looked at here, so a protected sheet stops the plan before any write.
    sheetsApi.load(features.api >= 2 ? 'items/name,items/visibility,items/position,items/protection/protected' : 'items/name,items/visibility,items/position');
    // Table.worksheet is ExcelApi 1.2; on 1.1 each replaced sheet's own tables are looked at instead.
    tables.load(features.api >= 2 ? 'items/name,items/worksheet/name' : 'items/name');
    // Workbook structure protection (ExcelApi 1.7) forbids copying sheets: then no backups.
    if (workbookProtection) workbookProtection.load('protected');
  };
  const existing = new Map<string, string>(); // lower-case -> actual name (Excel compares names case-insensitively)
  const listed = new Map<string, Excel.Worksheet>(); // lower-case -> the listed sheet (visibility, position, protection)
  const tablesBySheet = new Map<string, Excel.Table[]>();
  const tableNames = new Set<string>();
  const takeList = () => {
    for (const ws of sheetsApi.items) {
      existing.set(ws.name.toLowerCase(), ws.name);
      listed.set(ws.name.toLowerCase(), ws);
    }
    for (const t of tables.items) {
      tableNames.add(t.name.toLowerCase());
      if (features.api < 2) continue;
      const key = t.worksheet.name.toLowerCase();
      tablesBySheet.set(key, [...(tablesBySheet.get(key) ?? []), t]);
    }
  };
  const sheetTableLooks = new Map<string, Excel.TableCollection>();
  const cellLooks = new Map<string, Excel.Range>(); // cells setCells overwrites, for undo
  // The record of what the plan overwrites is always kept (for the rollback); returned for undo only when asked.
  // Replaced sheets are kept whole as hidden copies where Worksheet.copy exists (1.7), deleting the copy
  // later cannot clear Excel's own undo stack (below 1.20) and the workbook's structure is not protected
  // (known after the look).
  let backups = !!workbookProtection;
  // The record of marks as it was, for undo (a copy: the settings store may hand out its own object).
  const marksSettingBefore: unknown = JSON.parse(JSON.stringify(env.settings.get(MARKS_SETTING_KEY) ?? null));

  const proxies = new Map<string, Excel.Worksheet>();
  const sheet = (name: string): Excel.Worksheet => {
    const key = name.toLowerCase();
    let ws = proxies.get(key);
    if (!ws) {
      ws = sheetsApi.getItem(existing.get(key) ?? name);
      proxies.set(key, ws);
    }
    return ws;
  };
  let listKnown = false;
  const exists = (name: string) => !listKnown || existing.has(name.toLowerCase());

  const lastRowLooks = new Map<string, { used: Excel.Range; a1: Excel.Range }>();
  const fillLooks = new Map<string, Excel.RangeFill>(); // sheet \u0000 row \u0000 col
  const noteLooks = new Map<string, Excel.Note>();
  const marks: MarksBySheet = parseMarks(env.settings.get(MARKS_SETTING_KEY));
  const lookKey = (s: string, row: number, col: number) => `${s.toLowerCase()}\u0000${row}\u0000${col}`;

  const buildLooks = (): QueuedCommand[] => {
    const looks: QueuedCommand[] = [];
    const planned = new Set<string>();
    lastRowLooks.clear();
    fillLooks.clear();
    noteLooks.clear();
    const lookFill = (s: string, row: number, col: number) => {
      const key = lookKey(s, row, col);
      if (planned.has(`f${key}`) || !exists(s)) return;
      planned.add(`f${key}`);
      looks.push({
        requestBytes: 40,
        responseBytes: 40,
        queue: () => {
          const fill = sheet(s).getRange(cellAddress(row, col)).format.fill;
          fill.load('color');
          fillLooks.set(key, fill);
        },
      });
    };
    const lookNote = (s: string, row: number, col: number) => {
      const key = lookKey(s, row, col);
      if (!features.notes || planned.has(`n${key}`) || !exists(s)) return;
      planned.add(`n${key}`);
      looks.push({
        requestBytes: 40,
        responseBytes: 120,
        queue: () => {
          const note = sheet(s).notes.getItemOrNullObject(cellAddress(row, col));
          note.load('content');
          noteLooks.set(key, note);
        },
      });
    };
    sheetTableLooks.clear();
    cellLooks.clear();
    for (const op of plan.ops) {
      const key = op.sheet.toLowerCase();
      // The cells setCells overwrites, in the look sync that is made anyway.
      if (op.kind === 'setCells' && exists(op.sheet)) {
        for (const c of op.cells) {
          const ck = lookKey(op.sheet, c.row, c.col);
          if (planned.has(`v${ck}`)) continue;
          planned.add(`v${ck}`);
          looks.push({
            requestBytes: 60,
            responseBytes: 200,
            queue: () => {
              const range = sheet(op.sheet).getRange(cellAddress(c.row, c.col));
              range.load('formulas,values,valueTypes,numberFormat');
              cellLooks.set(ck, range);
            },
          });
        }
      }
      if (op.kind === 'replaceSheet' && features.api < 2 && exists(op.sheet) && !planned.has(`t${key}`)) {
        planned.add(`t${key}`);
        looks.push({
          requestBytes: 40,
          responseBytes: 200,
          queue: () => {
            const own = sheet(op.sheet).tables;
            own.load('items/name');
            sheetTableLooks.set(key, own);
          },
        });
      }
      if (op.kind === 'appendRows' && exists(op.sheet) && !planned.has(`a${key}`)) {
        planned.add(`a${key}`);
        looks.push({
          requestBytes: 80,
          responseBytes: 120,
          queue: () => {
            const ws = sheet(op.sheet);
            const used = features.usedRangeValuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
            used.load('rowIndex,columnIndex,rowCount,columnCount');
            const a1 = ws.getRange('A1');
            a1.load('values');
            lastRowLooks.set(key, { used, a1 });
          },
        });
      } else if (op.kind === 'markCells') {
        for (const m of op.marks) {
          lookFill(op.sheet, m.row, m.col);
          if (m.note) lookNote(op.sheet, m.row, m.col);
        }
      } else if (op.kind === 'clearMarks') {
        for (const r of marks[op.sheet] ?? []) {
          lookFill(op.sheet, r[0], r[1]);
          if (r[4]) lookNote(op.sheet, r[0], r[1]);
        }
      }
    }
    return looks;
  };

  readList();
  let lookChunks = chunkCommands(buildLooks(), env.budgetBytes);
  try {
    for (const c of lookChunks[0] ?? []) c.queue();
    await context.sync();
    lookChunks = lookChunks.slice(1);
  } catch (e) {
    if (officeErrorCode(e) !== 'ItemNotFound' || lookChunks.length === 0) throw e;
    proxies.clear();
    readList();
    await context.sync();
    listKnown = true;
    takeList();
    lookChunks = chunkCommands(buildLooks(), env.budgetBytes);
  }
  if (!listKnown) {
    listKnown = true;
    takeList();
  }
  if (workbookProtection?.protected) backups = false;
  await runChunks(context, lookChunks);
  for (const [key, own] of sheetTableLooks) tablesBySheet.set(key, own.items);
  if (features.api >= 2) {
    for (const op of plan.ops) {
      // Creating a missing sheet writes to no existing one; clearing no marks writes nothing.
      if (op.kind === 'createSheetIfMissing' || (op.kind === 'clearMarks' && !(marks[op.sheet]?.length ?? 0))) continue;
      const ws = listed.get(op.sheet.toLowerCase());
      if (ws?.protection.protected) throw new PortError('office.protected', { sheet: ws.name, code: 'AccessDenied' });
    }
  }
  // Backups a closed pane (or an apply since) left behind: nothing can undo with them any more.
  const staleBackups = [...existing.values()].filter((name) => name.startsWith(BACKUP_PREFIX));
  let backupCounter = 0;
  const nextBackupName = () => {
    let name: string;
    do name = `${BACKUP_PREFIX}${++backupCounter}`;
    while (existing.has(name.toLowerCase()));
    existing.set(name.toLowerCase(), name);
    return name;
  };

  const steps: UndoStep[] = [];
  // Where each step's writes begin in `commands`: a failed apply rolls back the steps it reached.
  const stepStart = new Map<UndoStep, number>();
  const sheetSteps = new Map<string, SheetStep>();
  // Fills and notes the plan changes on teachers' sheets: the first "before" and the last "after" of each cell.
  const markSteps = new Map<string, MarksStep>();
  const markChange = (kind: 'fills' | 'notes', s: string, row: number, col: number, before: string | null, after: string | null) => {
    const name = existing.get(s.toLowerCase()) ?? s;
    let step = markSteps.get(name.toLowerCase());
    if (!step) {
      step = { kind: 'marks', sheet: name, fills: new Map(), notes: new Map() };
      markSteps.set(name.toLowerCase(), step);
      steps.push(step);
    }
    const key = `${row},${col}`;
    const earlier = step[kind].get(key);
    step[kind].set(key, { row, col, before: earlier ? earlier.before : before, after });
  };

  // Step 2: build every write as a sized command, nothing queued yet; then send them in chunks.
  const commands: QueuedCommand[] = [];
  const oldCharts: Excel.Chart[] = [];
  const createdLastRow = new Map<string, number>(); // sheets this plan creates: last row written
  let marksChanged = false;
  const clearedThisPlan = new Map<string, MarkRecord & { noteDeleted?: boolean }>();

  for (const op of plan.ops) {
    const opStart = commands.length;
    const stepsBefore = steps.length;
    switch (op.kind) {
      case 'replaceSheet':
      case 'createSheetIfMissing': {
        const had = exists(op.sheet);
        if (op.kind === 'createSheetIfMissing' && had) break;
        let backup: SheetStep['before'];
        if (had && backups) {
          const name = nextBackupName();
          const ws = listed.get(op.sheet.toLowerCase());
          backup = {
            kind: 'backup',
            backup: name,
            visibility: (ws?.visibility ?? 'Visible') as 'Visible' | 'Hidden' | 'VeryHidden',
            position: ws?.position ?? 0,
            tables: (tablesBySheet.get(op.sheet.toLowerCase()) ?? []).map((t) => t.name),
          };
          // The whole sheet, charts and formats included, before anything on it changes. Very hidden:
          // a teacher cannot unhide and edit it by accident; the next apply or undo deletes it.
          commands.push({
            sheet: op.sheet,
            requestBytes: jsonBytes(name) + 120,
            queue: () => {
              const copy = sheet(op.sheet).copy('End');
              copy.name = name;
              copy.visibility = 'VeryHidden';
            },
          });
        }
        if (had) {
          commands.push(oldChartsLook(sheet, op.sheet, oldCharts));
          commands.push(...clearSheetCommands(sheet, op.sheet, tablesBySheet.get(op.sheet.toLowerCase()) ?? [], features, tableNames));
          // The sheet is cleared whole: marks recorded on it have nothing left to restore (as the file port does).
          if (marks[op.sheet]) {
            delete marks[op.sheet];
            marksChanged = true;
          }
        } else {
          commands.push({
            requestBytes: jsonBytes(op.sheet),
            queue: () => {
              proxies.set(op.sheet.toLowerCase(), sheetsApi.add(op.sheet));
            },
          });
          existing.set(op.sheet.toLowerCase(), op.sheet);
        }
        commands.push(...contentCommands(sheet, op.sheet, op.content, features, degraded, env.budgetBytes, tableNames));
        createdLastRow.set(op.sheet.toLowerCase(), (op.content.titleLines?.length ?? 0) + op.content.rows.length);
        const step: SheetStep = {
          kind: 'sheet',
          sheet: existing.get(op.sheet.toLowerCase()) ?? op.sheet,
          // Without a backup, a replaced sheet's content is read below, once the writes are known.
          before: had ? backup : null,
          content: op.content,
          width: contentWidth(op.content),
          appended: [],
          cells: new Map(),
        };
        steps.push(step);
        sheetSteps.set(op.sheet.toLowerCase(), step);
        if (op.kind === 'replaceSheet' && op.activate) commands.push({ requestBytes: 0, queue: () => sheet(op.sheet).activate() });
        written.push({ sheet: op.sheet, what: had ? 'replaced' : 'created', rows: op.content.rows.length });
        break;
      }
      case 'appendRows': {
        const key = op.sheet.toLowerCase();
        let lastRow: number;
        const look = lastRowLooks.get(key);
        if (look) {
          const { used, a1 } = look;
          const blank = used.rowIndex === 0 && used.columnIndex === 0 && used.rowCount === 1 && used.columnCount === 1 && a1.values[0][0] === '';
          lastRow = blank ? -1 : used.rowIndex + used.rowCount - 1;
        } else if (createdLastRow.has(key)) {
          lastRow = createdLastRow.get(key) as number;
        } else {
          throw new PortError('office.sheetMissing', { sheet: op.sheet });
        }
        if (op.expectedLastRow !== undefined && op.expectedLastRow !== lastRow) {
          throw new PortError('office.conflict', { sheet: op.sheet, code: 'Conflict' });
        }
        if (op.rows.length === 0) break;
        const width = widest(op.rows, 1);
        const into = sheetSteps.get(key);
        const step: AppendStep | undefined = into ? undefined : { kind: 'append', sheet: existing.get(key) ?? op.sheet, firstRow: lastRow + 1, rows: op.rows, width };
        const firstRow = lastRow + 1;
        // Undo puts back the number formats the date cells had (the guard reads them before writing).
        const keepFormats = step
          ? (formats: unknown[][]) => {
              const before: NonNullable<AppendStep['formatsBefore']> = [];
              op.rows.forEach((line, i) => line.forEach((c, j) => {
                if (j < width && cellNumberFormat(c)) before.push({ row: firstRow + i, col: j, format: formats[i]?.[j] ?? 'General' });
              }));
              step.formatsBefore = before;
            }
          : undefined;
        commands.push(...rowBlockCommands(sheet, op.sheet, firstRow, op.rows, width, features, degraded, env.budgetBytes, true, keepFormats));
        createdLastRow.set(key, lastRow + op.rows.length);
        if (lastRowLooks.has(key)) lastRowLooks.delete(key); // a second append to the same sheet follows this one
        if (into) into.appended.push(...op.rows);
        else if (step) steps.push(step);
        written.push({ sheet: op.sheet, what: 'appended', rows: op.rows.length });
        break;
      }
      case 'setCells': {
        if (!exists(op.sheet)) throw new PortError('office.sheetMissing', { sheet: op.sheet });
        for (const c of op.cells) commands.push(...cellCommands(sheet, op.sheet, c.row, c.col, c.value, features, degraded));
        const into = sheetSteps.get(op.sheet.toLowerCase());
        if (into) for (const c of op.cells) into.cells.set(`${c.row},${c.col}`, c.value);
        else {
          const cells: CellsStep['cells'] = op.cells.map((c) => {
            const look = cellLooks.get(lookKey(op.sheet, c.row, c.col));
            const before = look ? { formula: restorableEntries(look.formulas, look.values, look.valueTypes)[0][0], numberFormat: look.numberFormat[0][0] } : undefined;
            return { row: c.row, col: c.col, value: c.value, before };
          });
          steps.push({ kind: 'cells', sheet: existing.get(op.sheet.toLowerCase()) ?? op.sheet, cells });
        }
        written.push({ sheet: op.sheet, what: 'cells', rows: op.cells.length });
        break;
      }
      case 'markCells': {
        if (!exists(op.sheet)) throw new PortError('office.sheetMissing', { sheet: op.sheet });
        const records = marks[op.sheet] ?? [];
        const byCell = new Map(records.map((r) => [`${r[0]},${r[1]}`, r] as const));
        for (const m of op.marks) {
          const key = lookKey(op.sheet, m.row, m.col);
          const earlier = byCell.get(`${m.row},${m.col}`);
          const cleared = clearedThisPlan.get(key);
          const prevFill = earlier ? earlier[2] : cleared ? cleared[2] : (fillLooks.get(key)?.color ?? null);
          let hash: string | null = earlier ? earlier[4] : null;
          if (m.note && !features.notes) degraded.add('host.noNotes');
          if (m.note && features.notes) {
            const note = noteLooks.get(key);
            const present = !!note && !note.isNullObject && !(cleared && cleared.noteDeleted);
            const ours = present && !!earlier && !!earlier[4] && noteHash(note.content) === earlier[4];
            if (!present) {
              commands.push(markNoteCommand(sheet, op.sheet, m, null));
              markChange('notes', op.sheet, m.row, m.col, null, m.note);
              hash = noteHash(m.note);
            } else if (ours) {
              commands.push(markNoteCommand(sheet, op.sheet, m, note));
              markChange('notes', op.sheet, m.row, m.col, note.content, m.note);
              hash = noteHash(m.note);
            } // else: the teacher's own note stays untouched; the fill still marks the cell
          }
          commands.push({
            requestBytes: 40,
            queue: () => {
              sheet(op.sheet).getRange(cellAddress(m.row, m.col)).format.fill.color = m.fill;
            },
          });
          markChange('fills', op.sheet, m.row, m.col, fillLooks.get(key)?.color ?? null, m.fill);
          const record: MarkRecord = [m.row, m.col, isNoFill(prevFill) ? null : prevFill, m.fill, hash];
          byCell.set(`${m.row},${m.col}`, record);
        }
        marks[op.sheet] = [...byCell.values()];
        marksChanged = true;
        written.push({ sheet: op.sheet, what: 'marked', rows: new Set(op.marks.map((m) => m.row)).size });
        break;
      }
      case 'clearMarks': {
        const records = marks[op.sheet] ?? [];
        if (records.length === 0) break;
        if (exists(op.sheet)) {
          for (const r of records) {
            const key = lookKey(op.sheet, r[0], r[1]);
            const current = fillLooks.get(key)?.color;
            // Restore only where our mark is still there: a fill the teacher changed since is theirs.
            if (sameColor(current, r[3])) {
              const prev = r[2];
              commands.push({
                requestBytes: 40,
                queue: () => {
                  const fill = sheet(op.sheet).getRange(cellAddress(r[0], r[1])).format.fill;
                  if (isNoFill(prev)) fill.clear();
                  else fill.color = prev as string;
                },
              });
              markChange('fills', op.sheet, r[0], r[1], current ?? null, isNoFill(prev) ? null : prev);
            }
            const note = noteLooks.get(key);
            const noteIsOurs = !!r[4] && !!note && !note.isNullObject && noteHash(note.content) === r[4];
            if (noteIsOurs) {
              commands.push({ requestBytes: 20, queue: () => note.delete() });
              markChange('notes', op.sheet, r[0], r[1], note.content, null);
            }
            clearedThisPlan.set(key, Object.assign([...r] as MarkRecord, { noteDeleted: noteIsOurs }));
          }
        }
        delete marks[op.sheet];
        marksChanged = true;
        written.push({ sheet: op.sheet, what: 'unmarked', rows: new Set(records.map((r) => r[0])).size });
        break;
      }
    }
    for (let i = stepsBefore; i < steps.length; i++) stepStart.set(steps[i], opStart);
  }
  // Last, so that a failure before it leaves them for the next apply rather than costing a rollback.
  for (const name of staleBackups) commands.push({ requestBytes: jsonBytes(name) + 40, queue: () => sheetsApi.getItem(name).delete() });

  const chunks = chunkCommands(commands, env.budgetBytes);
  // Without a backup, read what the replaced sheets hold now: for undo below ExcelApi 1.20, and at 1.20
  // when a failure could leave earlier write syncs behind (more than one sync or more than one sheet).
  const sheetsWritten = new Set(written.map((w) => w.sheet.toLowerCase()));
  const keepValues = !features.undoGroup || chunks.length > 1 || sheetsWritten.size > 1;
  const unkept = steps.filter((st): st is SheetStep => st.kind === 'sheet' && st.before === undefined);
  if (keepValues && unkept.length > 0) {
    const captured = await captureSheetsBefore(
      context,
      unkept.map((st) => ({ name: st.sheet, ws: sheet(st.sheet), tables: tablesBySheet.get(st.sheet.toLowerCase()) ?? [] })),
      env.budgetBytes,
    );
    for (const st of unkept) st.before = captured.get(st.sheet);
  }
  // Everything this apply changes can be put back (else a failure is reported as it is, as before).
  const rollbackable = steps.every((st) => st.kind !== 'sheet' || st.before !== undefined);
  const record = (): UndoRecord => ({ steps, hyperlinks: features.hyperlinks, marksSetting: marksChanged ? { before: marksSettingBefore } : undefined });

  if (env.signal?.aborted) throw new PortError('error.cancelled');

  // The record goes first: if a write fails later, clearing still only touches cells that carry our fill.
  if (marksChanged) {
    env.settings.set(MARKS_SETTING_KEY, marks);
    try {
      await saveSettings(env.settings);
    } catch (e) {
      throw new PortError('office.settingsFailed', { code: errorCode(e) });
    }
  }

  let sent = 0;
  try {
    await runChunks(context, chunks, (done, total) => env.onProgress?.({ done, total }), {
      // Between two write syncs only when what was written can be put back.
      signal: rollbackable ? env.signal : undefined,
      onSend: (n) => (sent = n),
    });
    // The charts a replaced sheet had go with its old content; without this a rerun would stack them.
    // Loaded in the write batch, before the new charts were added: one more sync only when there were some.
    if (oldCharts.length > 0) {
      sent = commands.length;
      for (const c of oldCharts) c.delete();
      await context.sync();
    }
  } catch (e) {
    let skip: UndoStep | undefined;
    if (e instanceof AppendConflict) {
      // Put the colleague's cells back exactly (formulas as formulas, constants as typed), then stop.
      e.area.formulas = e.before;
      await context.sync();
      // Those rows are theirs now: the rollback must not clear them.
      skip = steps.find((st) => st.kind === 'append' && st.sheet.toLowerCase() === e.sheet.toLowerCase() && st.firstRow === e.firstRow);
      if (!rollbackable) throw new PortError('office.conflictRestored', { sheet: e.sheet });
    }
    // Excel refusing the undo group is reported as it is (the port then keeps its own undo).
    if (!rollbackable || (!(e instanceof AppendConflict) && officeErrorCode(e) === 'UndoNotSupported')) throw e;
    const reached = steps.filter((st) => st !== skip && (stepStart.get(st) ?? 0) < sent);
    if (reached.length > 0 || marksChanged) await rollbackRecord(context, features, env.settings, record(), reached, env.budgetBytes);
    if (e instanceof AppendConflict) throw new PortError('office.conflictRolledBack', { sheet: e.sheet });
    const cause = toPortError(e);
    if (cause.key === 'error.cancelled') throw new PortError('error.cancelled', { rolledBack: 1 });
    throw new PortError('office.rolledBack', { ...cause.params, code: String(cause.params.code ?? 'Unknown'), cause: cause.key });
  }
  const undo: UndoRecord | undefined = env.captureUndo ? record() : undefined;
  return { result: { written, degraded: [...degraded] }, undo };
}

function errorCode(e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : 'Unknown';
}

type SheetOf = (name: string) => Excel.Worksheet;

/**
 * What to write back so that cells read as `formulas`/`values`/`valueTypes` are as they were: formulas as
 * formulas, text as text (quote prefix: "0123" or "=x" typed as text must not turn into a number or a
 * formula), numbers, booleans and error constants as they are.
 */
export function restorable(formulas: unknown[][], values: unknown[][], types: unknown[][]): unknown[][] {
  return restorableEntries(formulas, values, types);
}

/** A colleague wrote into the rows being appended between the look and the write. */
class AppendConflict extends Error {
  constructor(
    readonly sheet: string,
    readonly firstRow: number,
    readonly area: Excel.Range,
    readonly before: unknown[][],
  ) {
    super('append conflict');
  }
}

/** The longest row's length (a loop: spreading 100,000 rows into Math.max overflows the stack). */
function widest(rows: readonly (readonly unknown[])[], atLeast: number): number {
  let w = atLeast;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}

/** Columns a sheet's content spans: its header, or its longest row when a row is longer. */
export function contentWidth(content: SheetContent): number {
  return widest(content.rows, Math.max(1, content.columns.length));
}

/** Excel's rules for sheet names: 1–31 characters, none of \\ / ? * [ ] :, no apostrophe at either end, not History. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[\\/?*[\]:]/.test(name) && !/^'|'$/.test(name) && name.toLowerCase() !== 'history';
}

/**
 * Empty a generated sheet in place. Deleting and re-adding it would clear Excel's undo stack and
 * break other sheets' links to it; clearing keeps both.
 */
/** Load the charts a sheet has before its new content adds any; they are deleted after the writes. */
function oldChartsLook(sheet: SheetOf, name: string, into: Excel.Chart[]): QueuedCommand {
  let charts: Excel.ChartCollection | undefined;
  return {
    requestBytes: 40,
    responseBytes: 400,
    queue: () => {
      charts = sheet(name).charts;
      charts.load('items/name');
    },
    after: () => void into.push(...(charts as Excel.ChartCollection).items),
  };
}

function clearSheetCommands(sheet: SheetOf, name: string, tables: readonly Excel.Table[], f: OfficeFeatures, tableNames: Set<string>): QueuedCommand[] {
  // The sheet's own tables go, so their names are free for the tables the new content adds.
  for (const t of tables) tableNames.delete(t.name.toLowerCase());
  const out: QueuedCommand[] = tables.map((t) => ({ requestBytes: 20, queue: () => t.delete() }));
  out.push({
    requestBytes: 40,
    queue: () => {
      const ws = sheet(name);
      const all = ws.getRange();
      all.clear();
      if (f.api >= 2) all.unmerge(); // a merge left by hand would break the new table
      if (f.conditionalFormats) all.conditionalFormats.clearAll();
      if (f.dataValidation) all.dataValidation.clear();
      if (f.freezePanes) ws.freezePanes.unfreeze();
      // Clearing leaves hidden columns hidden; the new content says which to hide.
      if (f.columnWidth) all.columnHidden = false;
    },
  });
  return out;
}

/** Rows as sized block writes starting at `firstRow`, column A. Links go in as hyperlinks or formulas. */
function rowBlockCommands(
  sheet: SheetOf,
  name: string,
  firstRow: number,
  rows: readonly (readonly PlanCell[])[],
  width: number,
  f: OfficeFeatures,
  degraded: Set<string>,
  budgetBytes: number,
  guardAppend = false,
  formatsBefore?: (numberFormats: unknown[][]) => void,
): QueuedCommand[] {
  const loadFormats = !!formatsBefore && rows.some((r) => r.some((c) => cellNumberFormat(c) !== null));
  const out: QueuedCommand[] = [];
  const links: QueuedCommand[] = [];
  // Appending: in the same sync as the first block, and before it, read what the whole target area
  // holds. It was empty when we looked; if a colleague wrote there in between, put it back and stop.
  let guard: Excel.Range | undefined;
  const guardAddress = blockAddress(firstRow, 0, Math.max(1, rows.length), width);
  const maxBlockBytes = Math.max(1, Math.floor(budgetBytes * 0.9));
  let block: (string | number | boolean)[][] = [];
  // Date cells of the block as [row in block, column]: they get the date format in the same request.
  let blockDates: [number, number][] = [];
  let blockStart = firstRow;
  let blockBytes = 0;
  let blockHasFormula = false;
  const flush = () => {
    if (block.length === 0) return;
    const values = block;
    const start = blockStart;
    const asFormulas = blockHasFormula;
    const first = out.length === 0 && guardAppend;
    const dateRuns = columnRuns(blockDates);
    out.push({
      requestBytes: blockBytes + dateRuns.reduce((n, r) => n + r.count * (DATE_FORMAT_BYTES + 3) + 20, 0),
      responseBytes: first ? rows.length * width * (loadFormats ? 30 : 16) : 0,
      queue: () => {
        if (first) {
          guard = sheet(name).getRange(guardAddress);
          guard.load(loadFormats ? 'formulas,values,valueTypes,numberFormat' : 'formulas,values,valueTypes');
        }
        // The date format goes on before the serial: a number entered into a text-formatted (@)
        // column of a teacher's table would otherwise be kept as text.
        for (const run of dateRuns) {
          const formats: string[][] = new Array(run.count);
          for (let k = 0; k < run.count; k++) formats[k] = [DATE_FORMAT_CODE];
          sheet(name).getRange(blockAddress(start + run.row, run.col, run.count, 1)).numberFormat = formats;
        }
        const range = sheet(name).getRange(blockAddress(start, 0, values.length, width));
        if (asFormulas) range.formulas = values;
        else range.values = values;
      },
      after: first
        ? () => {
            const g = guard as Excel.Range;
            if (g.valueTypes.some((line) => line.some((t) => t !== 'Empty'))) throw new AppendConflict(name, firstRow, g, restorable(g.formulas, g.values, g.valueTypes));
            if (loadFormats) formatsBefore?.(g.numberFormat);
          }
        : undefined,
    });
    blockStart += block.length;
    block = [];
    blockDates = [];
    blockBytes = 0;
    blockHasFormula = false;
  };
  rows.forEach((row, i) => {
    const line: (string | number | boolean)[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const cell: PlanCell = c < row.length ? row[c] : null;
      line[c] = writtenPlanCell(cell, f.hyperlinks);
      if (isTruncated(cell)) degraded.add('office.textTruncated');
      if (isLinkCell(cell)) {
        if (f.hyperlinks) {
          const target = linkTarget(cell.link);
          const r = firstRow + i;
          links.push({
            requestBytes: jsonBytes(target) + 30,
            queue: () => {
              sheet(name).getRange(cellAddress(r, c)).hyperlink = { documentReference: target };
            },
          });
        } else {
          blockHasFormula = true;
          degraded.add('host.noHyperlinks');
        }
      }
    }
    const bytes = rowBytes(line) + 1;
    if (block.length > 0 && blockBytes + bytes > maxBlockBytes) flush();
    for (let c = 0; c < row.length && c < width; c++) if (cellNumberFormat(row[c])) blockDates.push([block.length, c]);
    block.push(line);
    blockBytes += bytes;
  });
  flush();
  return [...out, ...links];
}

const DATE_FORMAT_BYTES = jsonBytes(DATE_FORMAT_CODE);

/** Runs of consecutive rows per column among [row, column] cells listed row by row. */
function columnRuns(cells: readonly [number, number][]): { row: number; col: number; count: number }[] {
  const open = new Map<number, { row: number; col: number; count: number }>();
  const runs: { row: number; col: number; count: number }[] = [];
  for (const [row, col] of cells) {
    const run = open.get(col);
    if (run && run.row + run.count === row) run.count++;
    else {
      const next = { row, col, count: 1 };
      open.set(col, next);
      runs.push(next);
    }
  }
  return runs;
}

function cellCommands(sheet: SheetOf, name: string, row: number, col: number, value: PlanCell, f: OfficeFeatures, degraded: Set<string>): QueuedCommand[] {
  const written = writtenPlanCell(value, f.hyperlinks);
  const format = cellNumberFormat(value);
  if (isLinkCell(value) && !f.hyperlinks) degraded.add('host.noHyperlinks');
  if (isTruncated(value)) degraded.add('office.textTruncated');
  const out: QueuedCommand[] = [
    {
      requestBytes: jsonBytes(written) + 10 + (format ? DATE_FORMAT_BYTES + 4 : 0),
      queue: () => {
        const range = sheet(name).getRange(cellAddress(row, col));
        if (format) range.numberFormat = [[format]];
        if (isLinkCell(value) && !f.hyperlinks) range.formulas = [[written]];
        else range.values = [[written]];
      },
    },
  ];
  if (isLinkCell(value) && f.hyperlinks) {
    const target = linkTarget(value.link);
    out.push({ requestBytes: jsonBytes(target) + 30, queue: () => (sheet(name).getRange(cellAddress(row, col)).hyperlink = { documentReference: target }) });
  }
  return out;
}

function markNoteCommand(sheet: SheetOf, name: string, m: CellMark, existing: Excel.Note | null): QueuedCommand {
  return {
    requestBytes: jsonBytes(m.note) + 20,
    queue: () => {
      // Notes are not formulas: their text is stored as typed, so no prefix is needed.
      if (existing) existing.content = m.note;
      else sheet(name).notes.add(cellAddress(m.row, m.col), m.note);
    },
  };
}

/** Excel's column width is in points; the plan's is in characters of the default font. */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function contentCommands(
  sheet: SheetOf,
  name: string,
  content: SheetContent,
  f: OfficeFeatures,
  degraded: Set<string>,
  budgetBytes: number,
  tableNames: Set<string>,
): QueuedCommand[] {
  const out: QueuedCommand[] = [];
  const titles = content.titleLines ?? [];
  const headerRow = titles.length;
  const firstDataRow = headerRow + 1;
  const n = content.rows.length;
  const width = contentWidth(content);

  // Values first.
  for (const text of [...titles, ...content.columns.map((c) => c.header)]) if (isTruncated(text)) degraded.add('office.textTruncated');
  titles.forEach((line, i) => {
    const v = asLiteralText(line);
    out.push({ requestBytes: jsonBytes(v), queue: () => (sheet(name).getRange(cellAddress(i, 0)).values = [[v]]) });
  });
  const header = Array.from({ length: width }, (_, c) => asLiteralText(content.columns[c]?.header ?? ''));
  out.push({ requestBytes: rowBytes(header), queue: () => (sheet(name).getRange(blockAddress(headerRow, 0, 1, width)).values = [header]) });
  out.push(...rowBlockCommands(sheet, name, firstDataRow, content.rows, width, f, degraded, budgetBytes));

  // Then formats.
  out.push({
    requestBytes: 40,
    queue: () => {
      if (titles.length > 0) sheet(name).getRange(blockAddress(0, 0, titles.length, 1)).format.font.bold = true;
      sheet(name).getRange(blockAddress(headerRow, 0, 1, width)).format.font.bold = true;
    },
  });
  content.columns.forEach((col, c) => {
    const format = numberFormatFor(col.format);
    if (format && n > 0) {
      const perRow = jsonBytes(format) + 3;
      const rowsPerBlock = Math.max(1, Math.floor((budgetBytes * 0.9) / perRow));
      for (let start = 0; start < n; start += rowsPerBlock) {
        const count = Math.min(rowsPerBlock, n - start);
        out.push({
          requestBytes: perRow * count,
          queue: () => {
            const formats: string[][] = new Array(count);
            // A date cell keeps the date format whatever its column's (rowBlockCommands gave it one).
            for (let i = 0; i < count; i++) formats[i] = [cellNumberFormat(content.rows[start + i]?.[c] ?? null) ?? format];
            sheet(name).getRange(blockAddress(firstDataRow + start, c, count, 1)).numberFormat = formats;
          },
        });
      }
    }
    if (col.width !== undefined && f.columnWidth) {
      const points = widthInPoints(col.width);
      const letter = columnLetter(c);
      out.push({ requestBytes: 20, queue: () => (sheet(name).getRange(`${letter}:${letter}`).format.columnWidth = points) });
    }
    // RangeFormat.wrapText is ExcelApi 1.1: long text (工作报告's paragraphs in column A) wraps and prints whole.
    if (col.wrap) {
      const letter = columnLetter(c);
      out.push({ requestBytes: 20, queue: () => (sheet(name).getRange(`${letter}:${letter}`).format.wrapText = true) });
    }
    // Range.columnHidden is ExcelApi 1.2 (as columnWidth); on 1.1 the column stays visible: cosmetic, not reported.
    if (col.hidden && f.columnWidth) {
      const letter = columnLetter(c);
      out.push({ requestBytes: 20, queue: () => (sheet(name).getRange(`${letter}:${letter}`).columnHidden = true) });
    }
  });

  if (content.table) {
    const { name: tableName, style } = content.table;
    // A table over the values already written: one command whatever the row count.
    const address = `${quotedSheet(name)}!${blockAddress(headerRow, 0, 1 + Math.max(1, n), width)}`;
    const nameFree = !tableNames.has(tableName.toLowerCase());
    if (nameFree) tableNames.add(tableName.toLowerCase());
    out.push({
      requestBytes: jsonBytes(address) + jsonBytes(tableName) + 20,
      queue: () => {
        const table = sheet(name).tables.add(address, true);
        if (nameFree) table.name = tableName;
        if (style) table.style = style;
      },
    });
  }

  for (const h of content.highlights ?? []) {
    if (n === 0) continue;
    if (f.conditionalFormats) {
      const formula = `=$${columnLetter(h.col)}${firstDataRow + 1}="${h.equals.replace(/"/g, '""')}"`;
      out.push({
        requestBytes: jsonBytes(formula) + 60,
        queue: () => {
          const cf = sheet(name).getRange(blockAddress(firstDataRow, 0, n, width)).conditionalFormats.add('Custom');
          cf.custom.rule.formula = formula;
          cf.custom.format.fill.color = h.fill;
          if (h.font) cf.custom.format.font.color = h.font;
        },
      });
    } else {
      degraded.add('host.noConditionalFormats');
      // Plain fills on the rows that match now, one command per run of adjacent rows.
      let runStart = -1;
      const runs: [number, number][] = [];
      for (let i = 0; i <= n; i++) {
        const match = i < n && planText(content.rows[i][h.col]) === h.equals;
        if (match && runStart < 0) runStart = i;
        if (!match && runStart >= 0) {
          runs.push([runStart, i - runStart]);
          runStart = -1;
        }
      }
      for (const [start, count] of runs) {
        out.push({
          requestBytes: 40,
          queue: () => {
            const format = sheet(name).getRange(blockAddress(firstDataRow + start, 0, count, width)).format;
            format.fill.color = h.fill;
            if (h.font) format.font.color = h.font;
          },
        });
      }
    }
  }

  content.columns.forEach((col, c) => {
    const v = col.validation;
    if (!v) return;
    if (!f.dataValidation) {
      degraded.add('host.noDataValidation');
      return;
    }
    const source =
      'list' in v
        ? v.list.join(',')
        : `=${quotedSheet(v.sourceSheet)}!$${columnLetter(v.sourceCol)}$${v.firstRow + 1}:$${columnLetter(v.sourceCol)}$1048576`;
    const count = Math.max(n, VALIDATION_ROWS);
    out.push({
      requestBytes: jsonBytes(source) + 60,
      queue: () => {
        sheet(name).getRange(blockAddress(firstDataRow, c, count, 1)).dataValidation.rule = { list: { inCellDropDown: true, source } };
      },
    });
  });

  if (content.freezeHeader && f.freezePanes) out.push({ requestBytes: 10, queue: () => sheet(name).freezePanes.freezeRows(headerRow + 1) });
  out.push(...chartCommands(() => sheet(name), content, width, f, degraded));
  return out;
}

function planText(c: PlanCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (isLinkCell(c)) return c.text;
  if (typeof c === 'object') return (c as { error: string }).error;
  return String(c);
}
