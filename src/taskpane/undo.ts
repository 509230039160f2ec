import { registerMessages, t, type Lang } from '../core/i18n';
import { undo } from '../core/i18n/messages/undo';
import type { ApplyResult } from '../workbook/port';

// Loaded with the first preview (never on the pane's first screen): the button's words come with it.
registerMessages(undo);

/**
 * The pane's one way back (issue 15, "undo everywhere"): whichever tab wrote last, one entry at pane level
 * that names what it undoes, survives tab changes and stays until something else is written.
 */
export interface UndoEntry {
  /** What the write did, as the button says it ("写入“结对帮扶”（96 行）"). */
  readonly what: string;
  /** 'port': our button calls port.undoLast(); 'host': Excel's own Ctrl+Z covers it (ExcelApi 1.20). */
  readonly way: 'port' | 'host';
  /** After an undo: read again (the view that wrote, if it is still on screen). */
  readonly after?: () => Promise<unknown>;
}

/** How the last write can be undone: by the port (it kept what it overwrote), by Excel's own Ctrl+Z, or not. */
export type UndoWay = 'port' | 'host' | null;

/**
 * Read from ApplyResult.undo and port.undoLast, both optional: hosts that do not offer undo (or a port
 * from before undo existed) give null, and the pane offers nothing rather than a button that fails.
 */
export function undoWayOf(result: unknown, port: unknown): UndoWay {
  const undo = typeof result === 'object' && result !== null ? (result as { undo?: unknown }).undo : undefined;
  if (undo === 'host') return 'host';
  if (undo === 'port' && typeof (port as { undoLast?: unknown } | null)?.undoLast === 'function') return 'port';
  return null;
}

/** What a write did, in a few words for the undo button: each sheet it wrote, joined. */
export function undoWhat(result: ApplyResult, lang: Lang): string {
  const parts = result.written.map((w) => t(lang, `undo.what.${w.what}`, { sheet: w.sheet, count: w.rows }));
  return parts.reduce((first, rest) => t(lang, 'undo.join', { first, rest }));
}

/** The entry a successful write leaves, or null when it cannot be undone (the button then goes). */
export function undoEntryOf(result: ApplyResult, port: unknown, lang: Lang, after?: () => Promise<unknown>): UndoEntry | null {
  const way = undoWayOf(result, port);
  if (!way || result.written.length === 0) return null;
  return { what: undoWhat(result, lang), way, ...(after ? { after } : {}) };
}
