/**
 * Splitting one logical write into syncs by measured size. Excel on the web refuses a request or a
 * response over 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), so every
 * queued command carries an estimate of the bytes it adds to the request (the JSON of its values) and
 * to the response (what it loads); a chunk is closed before it would pass the budget.
 */
import { PortError } from '../port';

/** Budget per sync: under the 5 MB limit with room for the request envelope Office.js adds. */
export const DEFAULT_SYNC_BUDGET_BYTES = 4_000_000;

/**
 * Request bytes Office.js adds per command beyond the values it carries, measured with Microsoft's own
 * client (excel-web-16.00.debug.js, @microsoft/office-js 1.1.110) inside Excel.run, in a sync of 20,000
 * commands (six-digit ids); `npx tsx bench/office-bytes.ts` measures them again. Notes are measured on
 * Worksheet.comments (the same paths and actions; that client predates notes). A values block costs its
 * JSON plus ≈ 850 bytes plus 0.6 a cell (Office.js splits large arrays into row blocks).
 */
export const OFFICE_COMMAND_BYTES = {
  fillSet: 763, // getRange(c).format.fill.color = x
  fillClear: 754, // getRange(c).format.fill.clear()
  fillLook: 750, // getRange(c).format.fill.load('color')
  cellLook: 486, // getRange(c).load('formulas,values,valueTypes,numberFormat')
  hyperlink: 476, // getRange(c).hyperlink = {documentReference}, without the target
  cellWrite: 455, // getRange(c).values = [[v]], without the value
  noteLook: 296, // notes.getItemOrNullObject(c).load('content')
  noteDelete: 299, // note.delete()
  noteAdd: 192, // notes.add(c, text), without the text
  sheetDelete: 272, // worksheets.getItem(name).delete(), without the name
  conditionalFormat: 1_803, // conditionalFormats.add('Custom') + rule.formula + fill + font, without the formula
  dataValidation: 659, // getRange(block).dataValidation.rule = {list}, without the source
  columnFormat: 615, // getRange('C:C').format.columnWidth = n
  valuesBlock: 850, // getRange(block).values = rows, beyond the JSON and the per-cell split below
} as const;

/** Office.js's cost of a 2D array beyond its JSON, per cell (measured as above). */
export const ARRAY_BYTES_PER_CELL = 0.6;

/**
 * What chunkCommands adds to each command's own estimate (which counts only what it carries: values,
 * text, addresses) when the command does not give its kind's figure: the largest common single-range
 * command (a fill set) with a 30% margin. Rare larger ones (a conditional format, a command touching two
 * ranges) and the 0.6 bytes a cell of blocks fit the room between the 4 MB budget and the 5 MB limit
 * (5,242,880 bytes). Until 2026-12 this was 160, five times too low: 20,000 marks went out as one request
 * of ≈ 15 MB.
 */
export const COMMAND_OVERHEAD_BYTES = Math.ceil(OFFICE_COMMAND_BYTES.fillSet * 1.3);

export interface QueuedCommand {
  /** Request bytes this command adds (without the fixed overhead). */
  readonly requestBytes: number;
  /** Office.js's own bytes for this kind of command (OFFICE_COMMAND_BYTES); COMMAND_OVERHEAD_BYTES when not given. */
  readonly overheadBytes?: number;
  /** Response bytes it loads. */
  readonly responseBytes?: number;
  /** Queue the Office.js calls. Called in order; never awaits. */
  readonly queue: () => void;
  /** Check what the sync brought back, right after the sync carrying this command; may throw to stop. */
  readonly after?: () => void;
  /** The sheet it changes, to name in a report when its sync fails. */
  readonly sheet?: string;
}

/** Group commands into chunks whose estimated request and response stay within the budget. */
export function chunkCommands(commands: readonly QueuedCommand[], budgetBytes: number): QueuedCommand[][] {
  const chunks: QueuedCommand[][] = [];
  let current: QueuedCommand[] = [];
  let request = 0;
  let response = 0;
  for (const c of commands) {
    const req = c.requestBytes + (c.overheadBytes ?? COMMAND_OVERHEAD_BYTES);
    const res = c.responseBytes ?? 0;
    if (current.length > 0 && (request + req > budgetBytes || response + res > budgetBytes)) {
      chunks.push(current);
      current = [];
      request = 0;
      response = 0;
    }
    current.push(c);
    request += req;
    response += res;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export interface RunChunksOptions {
  /** Checked before every chunk but the first: a cancel stops between two syncs, never inside one. */
  readonly signal?: AbortSignal;
  /** Called just before a chunk is synced with the number of commands sent so far (that chunk included). */
  readonly onSend?: (commandsSent: number) => void;
}

/** Queue and sync chunk by chunk. Returns the number of syncs made. */
export async function runChunks(
  context: { sync(): Promise<unknown> },
  chunks: readonly (readonly QueuedCommand[])[],
  onChunk?: (done: number, total: number) => void,
  options: RunChunksOptions = {},
): Promise<number> {
  let done = 0;
  let sent = 0;
  for (const chunk of chunks) {
    if (done > 0 && options.signal?.aborted) throw new PortError('error.cancelled');
    for (const c of chunk) c.queue();
    sent += chunk.length;
    options.onSend?.(sent);
    await context.sync();
    for (const c of chunk) c.after?.();
    done++;
    onChunk?.(done, chunks.length);
  }
  return done;
}
