import { t, type Lang } from '../core/i18n';
import { PortError } from '../workbook/port';

/**
 * Any failure -> one plain sentence in the user's language saying what happened and what to do next.
 * Never a stack trace, never the error's own text (it may hold names or ID numbers from the sheet).
 */
export function errorMessage(error: unknown, lang: Lang): string {
  if (isAbort(error)) return t(lang, 'error.cancelled');
  if (error instanceof PortError || isKeyed(error)) {
    const e = error as { key: string; params?: Record<string, string | number> };
    const text = t(lang, e.key, e.params ?? {});
    // An unknown key would show the bare key: better the generic sentence than jargon.
    return text === e.key ? t(lang, 'error.unexpected') : text;
  }
  if (isMessageKeyed(error)) {
    // The roster engine's RosterNotFoundError: messageKey + params (the sheet's name at most).
    const text = t(lang, error.messageKey, error.params ?? {});
    return text === error.messageKey ? t(lang, 'error.unexpected') : text;
  }
  return t(lang, 'error.unexpected');
}

export function isAbort(error: unknown): boolean {
  return isNamed(error, 'AbortError') || (error instanceof PortError && error.key === 'error.cancelled');
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}

function isMessageKeyed(error: unknown): error is { messageKey: string; params?: Record<string, string | number> } {
  return typeof error === 'object' && error !== null && typeof (error as { messageKey?: unknown }).messageKey === 'string';
}

/** Errors from other layers that carry an i18n key the same way PortError does. */
function isKeyed(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { key?: unknown }).key === 'string' && /^[\w.-]+$/.test((error as { key: string }).key);
}

/**
 * Failures whose message sends the teacher to 设置 ("在设置中指定花名册工作表"): the notice then carries a
 * button that opens the 设置 screen, where the roster's sheets can be ticked.
 */
export function pointsToSettings(error: unknown): boolean {
  return isMessageKeyed(error) && /^roster\.notFound\.(noRoster|sheetMissing|sheetNoHeader)$/.test(error.messageKey);
}
