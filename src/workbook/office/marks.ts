/**
 * The record of the marks the add-in put on a teacher's sheet, kept in the document's settings
 * (Office.context.document.settings works on every ExcelApi level) so that clearing them restores each
 * cell's previous fill exactly and deletes only the notes the add-in added.
 */

export const MARKS_SETTING_KEY = 'liushouCare.marks.v1';

/** [row, col, fill before marking (null: none), fill the add-in set, hash of the note it added or null]. */
export type MarkRecord = [number, number, string | null, string, string | null];

export type MarksBySheet = Record<string, MarkRecord[]>;

export function parseMarks(raw: unknown): MarksBySheet {
  const out: MarksBySheet = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [sheet, list] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    const records: MarkRecord[] = [];
    for (const r of list) {
      if (!Array.isArray(r) || r.length < 5) continue;
      const [row, col, prev, fill, note] = r as unknown[];
      if (typeof row !== 'number' || typeof col !== 'number' || typeof fill !== 'string') continue;
      records.push([row, col, typeof prev === 'string' ? prev : null, fill, typeof note === 'string' ? note : null]);
    }
    out[sheet] = records;
  }
  return out;
}

/** FNV-1a: a short fingerprint of the note text, so the record stays small and holds no child data. */
export function noteHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Excel reports "no fill" as white in ExcelApi 1.1; both restore to no fill. */
export function isNoFill(color: string | null | undefined): boolean {
  return !color || /^#?ffffff$/i.test(color);
}

export function sameColor(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.replace(/^#/, '').toUpperCase() === b.replace(/^#/, '').toUpperCase();
}

export function saveSettings(settings: Office.Settings): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      // Office.js reports 'succeeded' at run time; the typings declare a numeric enum (0).
      const status = String(result.status).toLowerCase();
      if (status === 'succeeded' || status === '0') resolve();
      else reject(result.error ?? new Error('settings'));
    });
  });
}
