import { PortError } from '../port';

/**
 * Office errors in the user's terms. The key says what happened and what to do; the raw message is
 * never shown (it can quote cell contents, which may be a child's name or ID).
 */
const BY_CODE: Record<string, string> = {
  AccessDenied: 'office.protected',
  InvalidOperationInCellEditMode: 'office.editMode',
  EditModeBusy: 'office.editMode',
  RequestPayloadSizeLimitExceeded: 'office.tooLarge',
  ResponsePayloadSizeLimitExceeded: 'office.tooLarge',
  RangeExceedsLimit: 'office.tooLarge',
  OperationCellsExceedLimit: 'office.tooLarge',
  ItemNotFound: 'office.notFound',
  ItemAlreadyExists: 'office.alreadyExists',
  Conflict: 'office.conflict',
  InsertDeleteConflict: 'office.conflict',
  MergedRangeConflict: 'office.merged',
  FilteredRangeConflict: 'office.filtered',
  ActivityLimitReached: 'office.busy',
  RequestAborted: 'office.busy',
  InactiveWorkbook: 'office.busy',
  ApiNotFound: 'office.unsupported',
  NotImplemented: 'office.unsupported',
  UnsupportedFeature: 'office.unsupported',
  UnsupportedOperation: 'office.unsupported',
  UnsupportedSheet: 'office.unsupported',
};

export function officeErrorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** A PortError passes through; an Office error becomes its key; anything else is 'office.failed'. */
export function toPortError(e: unknown, params: Record<string, string | number> = {}): PortError {
  if (e instanceof PortError) return e;
  const code = officeErrorCode(e);
  let key = (code && BY_CODE[code]) || 'office.failed';
  // The sheet-naming message needs the sheet; without it, say the same without naming one.
  if (key === 'office.protected' && params.sheet === undefined) key = 'office.protectedUnknown';
  return new PortError(key, { ...params, code: code ?? 'Unknown' });
}
