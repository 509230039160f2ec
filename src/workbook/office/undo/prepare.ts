import { captureSheetsBefore } from '../capture';
import { cellAddress } from '../cells';
import { officeErrorCode } from '../errors';
import type { SheetBackup, SheetStep } from './record';
import type { RestoreState } from './state';

/** Sheet names an address list ("'校验结果'!A1:B2, Sheet1!C3") or a formula ("=统计汇总!$C$3") mentions. */
function sheetsNamedIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:'((?:[^']|'')+)'|([^'!,\s=+\-*/&^<>()]+))!/g)) out.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
  return out;
}

/** Queue the loads a sheet step's restore needs (in whatever sync comes next). */
export function queueSheetLooks(s: RestoreState, step: SheetStep): void {
  const { looks, ws } = s;
  const before = step.before;
  if (!before) return;
  // What the sheet carries now, for a restore in place to delete (a backup may be restored in place too).
  const current = ws(step.sheet)();
  const tables = current.tables;
  tables.load('items/name');
  looks.tables.set(step.sheet, tables);
  const charts = current.charts;
  charts.load('items/name');
  looks.charts.set(step.sheet, charts);
  if (before.kind === 'values') return;
  if (looks.present && !looks.present.has(before.backup.toLowerCase())) return;
  const backup = ws(before.backup)();
  const backupTables = backup.tables;
  backupTables.load('items/name');
  looks.backupTables.set(before.backup, backupTables);
  const used = backup.getUsedRange();
  used.load('rowCount');
  looks.backupUsed.set(before.backup, used);
  if (s.features.api >= 7 && !looks.names) {
    looks.names = s.context.workbook.names;
    looks.names.load('items/name,items/formula');
  }
}

/**
 * The rollback's look, queued for one sync: what each reached step's restore needs, and the fills,
 * notes and single cells as they are now (a sync may have stopped half way). Sheets not there are skipped.
 */
export function queueRollbackLooks(s: RestoreState): void {
  const { looks, ws } = s;
  const present = looks.present as Set<string>;
  for (const step of s.steps) {
    if (!present.has(step.sheet.toLowerCase())) continue;
    if (step.kind === 'sheet') queueSheetLooks(s, step);
    else if (step.kind === 'marks') {
      for (const f of step.fills.values()) {
        const address = cellAddress(f.row, f.col);
        const fill = ws(step.sheet)().getRange(address).format.fill;
        fill.load('color');
        looks.fillsNow.set(`${step.sheet}\u0000${address}`, fill);
      }
      if (!s.features.notes) continue;
      for (const n of step.notes.values()) {
        const address = cellAddress(n.row, n.col);
        const note = ws(step.sheet)().notes.getItemOrNullObject(address);
        note.load('content');
        looks.notesNow.set(`${step.sheet}\u0000${address}`, note);
      }
    } else if (step.kind === 'cells') {
      for (const c of step.cells) {
        const address = cellAddress(c.row, c.col);
        const range = ws(step.sheet)().getRange(address);
        range.load('formulas,values,valueTypes,numberFormat');
        looks.cellsNow.set(`${step.sheet}\u0000${address}`, range);
      }
    }
  }
}

/**
 * Whether anything outside the sheet may refer to it, so that deleting it would leave #REF! behind.
 * True when it cannot be told (below ExcelApi 1.13, or the host refuses the question): in place is safe.
 * One sync when asked.
 */
async function referencedElsewhere(s: RestoreState, sheet: string): Promise<boolean> {
  if (s.features.api < 13) return true;
  const same = (name: string) => name.toLowerCase() === sheet.toLowerCase();
  if (s.looks.names?.items.some((n) => sheetsNamedIn(String(n.formula)).some(same))) return true;
  const dependents = s.context.workbook.worksheets.getItem(sheet).getRange().getDirectDependents();
  dependents.load('addresses');
  try {
    await s.context.sync();
  } catch (e) {
    // Excel answers "no dependents" with ItemNotFound; anything else leaves the question open.
    return officeErrorCode(e) !== 'ItemNotFound';
  }
  return dependents.addresses.some((a) => sheetsNamedIn(a).some((name) => !same(name)));
}

/** Decide, for each replaced sheet kept as a backup, swap or in place; read the backups restored in place. */
export async function prepareBackups(s: RestoreState): Promise<void> {
  const { swap, inPlace } = s.prepared;
  const reads: { step: SheetStep; backup: SheetBackup }[] = [];
  for (const step of s.steps) {
    if (step.kind !== 'sheet' || !step.before || step.before.kind !== 'backup' || !s.looks.backupTables.has(step.before.backup)) continue;
    if (await referencedElsewhere(s, step.sheet)) reads.push({ step, backup: step.before });
    else swap.add(step);
  }
  if (reads.length === 0) return;
  const captured = await captureSheetsBefore(
    s.context,
    reads.map(({ step, backup }) => ({ name: step.sheet, ws: s.context.workbook.worksheets.getItem(backup.backup), tables: s.looks.backupTables.get(backup.backup)?.items ?? [] })),
    s.budgetBytes,
  );
  for (const { step, backup } of reads) {
    const before = captured.get(step.sheet);
    if (!before) continue;
    // The copy's tables carry new names: give them back the original ones, in the recorded order.
    const tables = before.tables.map((t, i) => ({ ...t, name: backup.tables[i] ?? t.name }));
    inPlace.set(step, { ...before, tables });
  }
}
