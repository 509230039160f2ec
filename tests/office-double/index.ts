/**
 * A double of the Office.js subset the add-in uses: `excel` stands in for the global `Excel`,
 * `office` for `Office`. It counts every `context.sync` and the bytes each one carries, enforces Excel
 * on the web's 5 MB request and response limits, and throws on anything it does not model.
 *
 *   const d = createOfficeDouble({ api: 20 });
 *   d.state.addSheet('花名册').put(0, 0, [['姓名'], ['张三']]);
 *   const port = createOfficePort(d.excel, d.office);
 */
import { SPECS } from './api';
import { fromBase64 } from './insert';
import { DoubleContext, type DoublePlatform, type DoubleStats } from './engine';
import { WorkbookState, OfficeDoubleError } from './state';

export { WorkbookState, SheetState, OfficeDoubleError, parseAddress, type Cell, type ChartState } from './state';
export type { DoubleStats, SyncRecord, DoublePlatform } from './engine';

/** Excel on the web: 5 MB per request and per response. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface DoubleOptions {
  /** Highest ExcelApi minor version the host supports (1 = Office 2016 volume licence, 20 = current). */
  readonly api?: number;
  readonly requestLimit?: number;
  readonly responseLimit?: number;
  /** Cells past which a read returns null (default 5,000,000, as Excel on the web). */
  readonly readCellLimit?: number;
  /**
   * Office.context.platform (default 'PC'). 'OfficeOnline' is Excel on the web, whose
   * insertWorksheetsFromBase64 refuses files holding charts, comments, PivotTables or slicers.
   */
  readonly platform?: DoublePlatform;
  /**
   * Reopen a saved workbook: the same sheets, and the document settings as they were last saved
   * (settings set but never saved are lost, as in Excel).
   */
  readonly reopen?: OfficeDouble;
  /**
   * 'proxy': the port talks to the double's own proxies (engine.ts). 'wire': the port talks to
   * Microsoft's office.js client, and the double answers its requests (wire/). Default: proxy, or what
   * the test setup chose (jest's "wire" project, tests/office-double/wire/setup.ts).
   */
  readonly mode?: DoubleMode;
}

export type DoubleMode = 'proxy' | 'wire';

/** What a wire-mode Excel.run needs from the double: the same state, counters, limits and rules. */
export interface WireParts {
  readonly state: WorkbookState;
  readonly api: number;
  readonly readCellLimit?: number;
  readonly platform: DoublePlatform;
  readonly stats: DoubleStats;
  readonly limits: { readonly request: number; readonly response: number };
  readonly beforeSync: (index: number) => void;
  /** Office.context.requirements.isSetSupported of this double's host. */
  readonly isSetSupported: (name: string, version?: string) => boolean;
  /** Excel.run's arguments, checked as the proxy double checks them. */
  readonly runArguments: (args: unknown[]) => { runOptions: Record<string, unknown> | undefined; batch: (context: unknown) => Promise<unknown> };
}

// Registered by the wire setup (Node only), so this file and the browser bundle never load office.js.
let wireRun: ((parts: WireParts) => (...args: unknown[]) => Promise<unknown>) | undefined;
let defaultMode: DoubleMode = 'proxy';

/** The mode createOfficeDouble gives when a test does not ask for one. */
export function defaultDoubleMode(): DoubleMode {
  return defaultMode;
}

export function registerWireMode(factory: (parts: WireParts) => (...args: unknown[]) => Promise<unknown>, makeDefault: boolean): void {
  wireRun = factory;
  if (makeDefault) defaultMode = 'wire';
}

export interface OfficeDouble {
  readonly mode: DoubleMode;
  readonly excel: typeof Excel;
  readonly office: typeof Office;
  readonly state: WorkbookState;
  readonly stats: DoubleStats;
  /** The document settings store (Office.context.document.settings), as saved. */
  readonly savedSettings: Map<string, unknown>;
  /** Files opened as new workbooks through Excel.createWorkbook, in order. */
  readonly createdWorkbooks: Uint8Array[];
  /** Forget the counts (after setting a workbook up through the port, say). */
  resetStats(): void;
  /** Runs before each sync with its 0-based number (counted since the last reset): a co-author's edit. */
  beforeSync?: (index: number) => void;
}

/** Wrap a plain object so that reading any member it lacks throws, naming it. */
function loud<T extends object>(name: string, members: T): T {
  return new Proxy(members, {
    get(target, key) {
      if (typeof key === 'symbol' || key === 'then') return undefined;
      if (!(key in target)) throw new Error(`office-double: ${name}.${key} is not modeled`);
      return (target as Record<string, unknown>)[key];
    },
    set(_t, key) {
      throw new Error(`office-double: setting ${name}.${String(key)} is not modeled`);
    },
  });
}

export function createOfficeDouble(options: DoubleOptions = {}): OfficeDouble {
  const api = options.api ?? 20;
  const platform = options.platform ?? 'PC';
  const state = options.reopen?.state ?? new WorkbookState();
  const stats: DoubleStats = { syncs: [], runs: [], calls: new Map() };
  const limits = { request: options.requestLimit ?? WEB_PAYLOAD_LIMIT, response: options.responseLimit ?? WEB_PAYLOAD_LIMIT };

  function runArguments(args: unknown[]): { runOptions: Record<string, unknown> | undefined; batch: (context: unknown) => Promise<unknown> } {
    let runOptions: Record<string, unknown> | undefined;
    let batch: unknown;
    if (args.length === 1) batch = args[0];
    else if (args.length === 2 && typeof args[0] === 'object' && args[0] !== null) {
      runOptions = args[0] as Record<string, unknown>;
      batch = args[1];
    } else throw new Error('office-double: Excel.run is modeled as run(batch) and run(options, batch) only');
    if (typeof batch !== 'function') throw new Error('office-double: Excel.run needs a batch function');
    for (const [key, value] of Object.entries(runOptions ?? {})) {
      // mergeUndoGroup: ExcelApi 1.20 (typings). delayForCellEdit: no requirement set is documented;
      // Microsoft's client takes the option on any host and sends it only where the host reports the
      // "DelayForCellEdit" set (excel-web-16.00.debug.js, onBeforeExcelRun), so it never fails a run.
      const since = key === 'mergeUndoGroup' ? 20 : key === 'delayForCellEdit' ? 1 : undefined;
      if (since === undefined) throw new Error(`office-double: Excel.run option ${key} is not modeled`);
      if (api < since) throw new OfficeDoubleError('ApiNotFound', `Excel.run option ${key} needs ExcelApi 1.${since}`);
      if (typeof value !== 'boolean') throw new Error(`office-double: Excel.run option ${key} must be boolean`);
    }
    return { runOptions, batch: batch as (context: unknown) => Promise<unknown> };
  }

  async function run(...args: unknown[]): Promise<unknown> {
    const { runOptions, batch } = runArguments(args);
    stats.runs.push({ options: runOptions });
    const context = new DoubleContext({ state, api, readCellLimit: options.readCellLimit, undoGroup: runOptions?.mergeUndoGroup === true, platform }, SPECS, stats, limits, (i) =>
      double.beforeSync?.(i),
    );
    const result = await batch(loud('Excel.RequestContext', { workbook: context.workbook, sync: () => context.sync() }));
    // Like Excel.run, send whatever the batch left queued.
    if (context.pending > 0) await context.sync();
    return result;
  }

  function isSetSupported(name: string, version?: string): boolean {
    if (name !== 'ExcelApi') return false;
    const m = /^1\.(\d+)$/.exec(version ?? '1.1');
    return !!m && Number(m[1]) <= api;
  }

  const savedSettings = new Map<string, unknown>(options.reopen ? [...options.reopen.savedSettings].map(([k, v]) => [k, structuredClone(v)] as const) : []);
  const settingsLive = new Map<string, unknown>([...savedSettings].map(([k, v]) => [k, structuredClone(v)] as const));
  const settings = loud('Office.Settings', {
    get: (name: string) => (settingsLive.has(name) ? structuredClone(settingsLive.get(name)) : null),
    set: (name: string, value: unknown) => {
      // Settings are stored as JSON: only plain data survives.
      settingsLive.set(name, JSON.parse(JSON.stringify(value)));
    },
    remove: (name: string) => settingsLive.delete(name),
    saveAsync: (callback?: (r: { status: string }) => void) => {
      savedSettings.clear();
      for (const [k, v] of settingsLive) savedSettings.set(k, structuredClone(v));
      queueMicrotask(() => callback?.({ status: 'succeeded' }));
    },
  });

  const office = loud('Office', {
    context: loud('Office.context', {
      platform,
      requirements: loud('Office.context.requirements', {
        isSetSupported,
      }),
      document: loud('Office.context.document', { settings }),
    }),
  }) as unknown as typeof Office;

  const createdWorkbooks: Uint8Array[] = [];
  // Excel.createWorkbook (ExcelApi 1.8) opens another workbook: the double keeps its file for the test.
  async function createWorkbook(base64?: unknown): Promise<void> {
    if (api < 8) throw new OfficeDoubleError('ApiNotFound', 'Excel.createWorkbook needs ExcelApi 1.8');
    const bytes = typeof base64 === 'string' ? fromBase64(base64) : new Uint8Array();
    if (bytes.length > 0 && !(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new OfficeDoubleError('InvalidArgument', 'not an .xlsx file');
    stats.calls.set('Excel.createWorkbook', (stats.calls.get('Excel.createWorkbook') ?? 0) + 1);
    createdWorkbooks.push(bytes);
  }

  const mode = options.mode ?? defaultMode;
  if (mode === 'wire' && !wireRun) throw new Error('office-double: wire mode needs tests/office-double/wire/setup.ts (Node only)');
  const excelRun =
    mode === 'wire'
      ? wireRun!({ state, api, readCellLimit: options.readCellLimit, platform, stats, limits, beforeSync: (i) => double.beforeSync?.(i), isSetSupported, runArguments })
      : run;
  const excel = loud('Excel', { run: excelRun, createWorkbook }) as unknown as typeof Excel;

  const double: OfficeDouble = {
    mode,
    excel,
    office,
    state,
    stats,
    savedSettings,
    createdWorkbooks,
    resetStats() {
      stats.syncs.length = 0;
      stats.runs.length = 0;
      stats.calls.clear();
    },
  };
  return double;
}
