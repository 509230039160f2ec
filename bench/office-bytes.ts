/**
 * Request bytes per command kind, as Microsoft's own Excel client serialises them: excel-web-16.00.debug.js
 * from @microsoft/office-js (dev dependency, never shipped) runs in a Node vm with a minimal window, and
 * OfficeExtension.HttpUtility.setCustomSendRequestFunc captures each request body; the fake host answers
 * every query with an empty value (requests are what is measured; response sizes need a host that knows the
 * workbook, see the wire-mode double). Each kind queues its calls exactly as src/workbook/office/ does, N
 * times inside Excel.run (where the client tracks objects: _KeepReference actions), in one sync after the
 * worksheet is known; the figure is (bytes of that sync − bytes of the same sync with N = 0) / N, at
 * N = 1,000 and 20,000 (ids grow to six digits in large syncs, so the larger N costs more per command).
 *
 *   npx tsx bench/office-bytes.ts            prints a table
 *   npx tsx bench/office-bytes.ts --json     prints {measuredWith, kinds: [{kind, perCommand: {N: bytes}}]}
 *
 * The port's budget (src/workbook/office/batch.ts, OFFICE_COMMAND_BYTES) and the double's payload measure
 * (tests/office-double/engine.ts) are set from these figures.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

const ROOT = path.resolve(__dirname, '..');
const PACKAGE = path.join(ROOT, 'node_modules', '@microsoft', 'office-js');

export interface OfficeClient {
  readonly Excel: typeof Excel;
  readonly version: string;
  /** UTF-8 sizes of the request bodies sent since the last call, in order. */
  takeRequests(): number[];
}

/** Load Microsoft's Excel client in a vm; every request is answered locally (no network). */
export function loadOfficeClient(): OfficeClient {
  const source = fs.readFileSync(path.join(PACKAGE, 'dist', 'excel-web-16.00.debug.js'), 'utf8');
  const version = (JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;
  const win: Record<string, unknown> = {
    console: { log() {}, warn() {}, error() {}, info() {} },
    setTimeout,
    clearTimeout,
    Promise,
    navigator: { userAgent: 'node' },
    location: { href: 'https://localhost/' },
    document: {},
    addEventListener() {},
    removeEventListener() {},
  };
  win.window = win;
  win.self = win;
  const context = vm.createContext(win);
  vm.runInContext(source, context);
  const requests: number[] = [];
  const ext = (context as { OfficeExtension: { HttpUtility: { setCustomSendRequestFunc(f: (r: { body: unknown }) => Promise<unknown>): void } } }).OfficeExtension;
  ext.HttpUtility.setCustomSendRequestFunc((request) => {
    const body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    requests.push(Buffer.byteLength(body, 'utf8'));
    const parsed = JSON.parse(body) as { Actions: { Id: number; ActionType: number }[] };
    // A query (2) gets an empty answer: enough for the client to finish the sync.
    const Results = parsed.Actions.filter((a) => a.ActionType === 2).map((a) => ({ ActionId: a.Id, Value: {} }));
    return Promise.resolve({ statusCode: 200, headers: {}, body: JSON.stringify({ Results }) });
  });
  return {
    Excel: (context as { Excel: typeof Excel }).Excel,
    version,
    takeRequests: () => requests.splice(0),
  };
}

type Queue = (ws: Excel.Worksheet, i: number, earlier: unknown[]) => void;

export interface Kind {
  readonly name: string;
  /** What the port does, and where. */
  readonly what: string;
  readonly queue: Queue;
  /** Objects a previous sync handed out (a note to delete); made in their own sync, not measured. */
  readonly before?: (ws: Excel.Worksheet, i: number) => unknown;
}

const cell = (i: number) => `B${i + 2}`;
/**
 * Worksheet.notes (ExcelApi 1.18) is newer than the client in @microsoft/office-js 1.1.110, so notes are
 * measured on Worksheet.comments (1.10), whose add(cellAddress, content), getItemOrNullObject(key) and
 * delete() put the same object paths and actions on the wire under other names ("Comments" for "Notes").
 */
const notes = (ws: Excel.Worksheet) => ws.comments as unknown as Excel.NoteCollection;
const NOTE = '身份证号校验位不对'; // 9 CJK characters, a typical note; its own bytes are subtracted
const NOTE_BYTES = JSON.stringify(NOTE).length - NOTE.length + Buffer.byteLength(NOTE);

export const KINDS: readonly Kind[] = [
  { name: 'fillSet', what: 'marks: getRange(cell).format.fill.color = c', queue: (ws, i) => (ws.getRange(cell(i)).format.fill.color = '#FFC7CE') },
  { name: 'fillClear', what: 'clear marks: getRange(cell).format.fill.clear()', queue: (ws, i) => ws.getRange(cell(i)).format.fill.clear() },
  {
    name: 'fillLook',
    what: 'look before marking: getRange(cell).format.fill.load("color")',
    queue: (ws, i) => {
      ws.getRange(cell(i)).format.fill.load('color');
    },
  },
  {
    name: 'noteLook',
    what: 'look before marking: notes.getItemOrNullObject(cell).load("content") (measured on comments)',
    queue: (ws, i) => {
      notes(ws).getItemOrNullObject(cell(i)).load('content');
    },
  },
  { name: 'noteAdd', what: 'marks: notes.add(cell, text), without the text (measured on comments)', queue: (ws, i) => notes(ws).add(cell(i), NOTE) },
  {
    name: 'noteDelete',
    what: 'clear marks: note (from the look).delete() (measured on comments)',
    before: (ws, i) => notes(ws).getItemOrNullObject(cell(i)).load('content'),
    queue: (_ws, i, earlier) => (earlier[i] as Excel.Note).delete(),
  },
  {
    name: 'hyperlink',
    what: 'links: getRange(cell).hyperlink = {documentReference}, without the target',
    queue: (ws, i) => (ws.getRange(cell(i)).hyperlink = { documentReference: "'校验结果'!A1" }),
  },
  { name: 'cellWrite', what: 'setCells: getRange(cell).values = [[v]], without the value', queue: (ws, i) => (ws.getRange(cell(i)).values = [['x']]) },
  {
    name: 'cellLook',
    what: 'setCells look: getRange(cell).load("formulas,values,valueTypes,numberFormat")',
    queue: (ws, i) => {
      ws.getRange(cell(i)).load('formulas,values,valueTypes,numberFormat');
    },
  },
  {
    name: 'conditionalFormat',
    what: 'highlights: conditionalFormats.add("Custom") + rule.formula + fill + font, without the formula',
    queue: (ws, i) => {
      const cf = ws.getRange(`A${i + 2}:J${i + 2}`).conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=x';
      cf.custom.format.fill.color = '#FFC7CE';
      cf.custom.format.font.color = '#9C0006';
    },
  },
  {
    name: 'dataValidation',
    what: 'dropdowns: getRange(block).dataValidation.rule = {list}, without the source',
    queue: (ws, i) => (ws.getRange(`C${i + 2}:C${i + 1001}`).dataValidation.rule = { list: { inCellDropDown: true, source: 'x' } }),
  },
  { name: 'columnFormat', what: 'widths: getRange("C:C").format.columnWidth = n', queue: (ws, i) => (ws.getRange(`${colName(i)}:${colName(i)}`).format.columnWidth = 60.75) },
  { name: 'pageBreak', what: 'printed sheets: horizontalPageBreaks.add(cell), without the address', queue: (ws, i) => void ws.horizontalPageBreaks.add(cell(i)) },
  {
    name: 'sheetDelete',
    what: 'backups, rollback: worksheets.getItem(name).delete(), without the name',
    queue: (ws, i) => ws.context.workbook.worksheets.getItem(`s${i}`).delete(),
  },
];

function colName(i: number): string {
  let n = (i % 16_000) + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The fixed text each kind carries that the port counts itself (its requestBytes): subtracted. */
export const PAYLOAD: Record<string, (i: number) => number> = {
  noteAdd: () => NOTE_BYTES,
  hyperlink: () => Buffer.byteLength(JSON.stringify("'校验结果'!A1")),
  cellWrite: () => 3,
  conditionalFormat: () => 4,
  dataValidation: () => 3,
  sheetDelete: (i) => JSON.stringify(`s${i}`).length,
  pageBreak: (i) => JSON.stringify(cell(i)).length,
};

/**
 * Queue `n` commands of a kind in one sync, after a first sync that fetched the worksheet (and one that
 * made the objects the kind acts on); `afterLastSync` reads what that sync carried. The same batch runs on
 * Office.js here and on the double in tests/office-port/payload.test.ts.
 */
export async function runKind(excel: typeof Excel, kind: Kind, n: number, sheet: string, lastSyncBytes: () => number): Promise<number> {
  let bytes = 0;
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.load('name');
    await context.sync();
    const earlier: unknown[] = [];
    if (kind.before) {
      for (let i = 0; i < n; i++) earlier.push(kind.before(ws, i));
      await context.sync();
    }
    // The sheet is touched even when n = 0, so both syncs carry the same envelope.
    ws.getRange('A1').format.fill.color = '#FFFFFF';
    for (let i = 0; i < n; i++) kind.queue(ws, i, earlier);
    await context.sync();
    bytes = lastSyncBytes();
  });
  return bytes;
}

/** Office.js: a string for Excel.run's first argument is a request URL; the fake host behind it answers. */
function officeRun(client: OfficeClient): typeof Excel {
  return {
    run: (batch: (c: Excel.RequestContext) => Promise<unknown>) => client.Excel.run('https://example.invalid/' as unknown as Excel.RunOptions, batch),
  } as unknown as typeof Excel;
}

function syncBytes(client: OfficeClient, kind: Kind, n: number): Promise<number> {
  return runKind(officeRun(client), kind, n, '花名册', () => client.takeRequests().at(-1) ?? 0);
}

/** Bytes per cell of a values block beyond the JSON of its values: a block costs its JSON plus one command. */
async function valuesBlock(client: OfficeClient, rows: number, cols: number): Promise<{ extraPerCell: number; envelope: number }> {
  const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `'张${r}-${c}`));
  let bytes = 0;
  await client.Excel.run('https://example.invalid/' as unknown as Excel.RunOptions, async (context) => {
    const ws = context.workbook.worksheets.getItem('花名册');
    ws.load('name');
    await context.sync();
    client.takeRequests();
    ws.getRange(`A2:${colName(cols - 1)}${rows + 1}`).values = values;
    await context.sync();
    bytes = client.takeRequests().reduce((a, b) => a + b, 0);
  });
  const json = Buffer.byteLength(JSON.stringify(values));
  return { extraPerCell: (bytes - json) / (rows * cols), envelope: bytes - json };
}

export interface Measured {
  readonly measuredWith: string;
  readonly kinds: { kind: string; what: string; perCommand: Record<string, number> }[];
  readonly valuesBlock: { rows: number; cols: number; bytesBeyondJson: number }[];
}

export async function measure(sizes: readonly number[] = [1_000, 20_000]): Promise<Measured> {
  const client = loadOfficeClient();
  const kinds: Measured['kinds'] = [];
  for (const kind of KINDS) {
    const empty = await syncBytes(client, kind, 0);
    const perCommand: Record<string, number> = {};
    for (const n of sizes) {
      const total = await syncBytes(client, kind, n);
      let payload = 0;
      for (let i = 0; i < n; i++) payload += PAYLOAD[kind.name]?.(i) ?? 0;
      perCommand[String(n)] = Math.round((total - empty - payload) / n);
    }
    kinds.push({ kind: kind.name, what: kind.what, perCommand });
  }
  const blocks: Measured['valuesBlock'] = [];
  for (const [rows, cols] of [
    [1, 10],
    [1_000, 10],
    [20_000, 30],
  ] as const) {
    const b = await valuesBlock(client, rows, cols);
    blocks.push({ rows, cols, bytesBeyondJson: b.envelope });
  }
  return { measuredWith: `office.js ${client.version} (excel-web-16.00.debug.js)`, kinds, valuesBlock: blocks };
}

if (require.main === module) {
  void measure().then((m) => {
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(m));
      return;
    }
    console.log(`Request bytes per command, ${m.measuredWith}, inside Excel.run`);
    const sizes = Object.keys(m.kinds[0].perCommand);
    console.log(['kind'.padEnd(18), ...sizes.map((n) => `N=${n}`.padStart(9)), '  what'].join(''));
    for (const k of m.kinds) console.log([k.kind.padEnd(18), ...sizes.map((n) => String(k.perCommand[n]).padStart(9)), `  ${k.what}`].join(''));
    console.log('\nValues block: bytes beyond the JSON of its values (one command, whatever its size)');
    for (const b of m.valuesBlock) console.log(`  ${b.rows} x ${b.cols}: ${b.bytesBeyondJson}`);
  });
}
