/**
 * Splitting one logical write into syncs by measured size. Excel on the web refuses a request or a
 * response over 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), so every
 * queued command carries an estimate of the bytes it adds to the request (the JSON of its values) and
 * to the response (what it loads); a chunk is closed before it would pass the budget.
 */
import { PortError } from '../port';

/** Budget per sync: under the 5 MB limit with room for the request envelope Office.js adds. */
export const DEFAULT_SYNC_BUDGET_BYTES = 4_000_000;

/** Rough fixed cost of one queued command (object path, method name, ids) in the request JSON. */
export const COMMAND_OVERHEAD_BYTES = 160;

export interface QueuedCommand {
  /** Request bytes this command adds (without the fixed overhead). */
  readonly requestBytes: number;
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
    const req = c.requestBytes + COMMAND_OVERHEAD_BYTES;
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
