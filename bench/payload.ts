/**
 * Payload benchmark: what the Office port puts on the wire, measured with Microsoft's own client.
 * Each case runs the port's production code through office.js from the `@microsoft/office-js` package
 * (the Office double's wire mode, tests/office-double/wire), against a host like Excel on the web
 * (ExcelApi 1.20), and counts the syncs and the largest request and response body in bytes — the bodies
 * the client really serialised. The double's 5 MB limits are lifted here so an oversized sync is
 * measured instead of refused; `overLimit` flags it (Excel on the web refuses more than 5 MB each way).
 *
 *   npx tsx bench/payload.ts [--json]        (or `npm run -s bench -- payload --json`)
 */
import { BENCH_HEADER, BENCH_KEYS } from './roster-columns';
import '../src/core/i18n/all';
import { logEntryOp, logSheetOp, type NewLogEntry } from '../src/core/contacts';
import { addDays, toExcelSerial } from '../src/core/dates';
import { checkRoster, findingsSheetPlan, markOps } from '../src/core/roster';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { computeSummary, periodFor, rollupPlan } from '../src/core/summary';
import type { WorkbookPlan } from '../src/core/plan/types';
import { newWorkbookWith } from '../src/workbook/file';
import { createOfficePort } from '../src/workbook/office';
import type { WorkbookPort } from '../src/workbook/port';
import { validKid } from '../tests/fixtures/build-samples';
import { seededRandom, type Cell } from '../tests/fixtures/roster-gen';
import { createOfficeDouble, registerWireMode, WEB_PAYLOAD_LIMIT, type OfficeDouble } from '../tests/office-double';
import { officeClient, wireExcelRun } from '../tests/office-double/wire';
import { school } from './schools';

registerWireMode(wireExcelRun, false);

const TODAY = '2025-09-15';
const JSON_OUT = process.argv.includes('--json');
/** --rows N: a smaller roster and findings sheet, to try the bench quickly (default 100,000). */
const ROWS = Number(process.argv[process.argv.indexOf('--rows') + 1]) || 100_000;
const progress = (what: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${what}\n`);

interface Case {
  readonly name: string;
  readonly syncs: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  /** A request or response over Excel on the web's 5 MB. */
  readonly overLimit?: boolean;
  /** The port's error, when the operation did not finish. */
  readonly failed?: string;
  /** Each sync's request and response bytes, in order (printed in the text report only). */
  readonly perSync?: readonly (readonly [number, number])[];
}

function double(): OfficeDouble {
  // Limits lifted: measure what the port sends, do not refuse it.
  return createOfficeDouble({ api: 20, mode: 'wire', requestLimit: Number.MAX_SAFE_INTEGER, responseLimit: Number.MAX_SAFE_INTEGER });
}

const HEADER = BENCH_HEADER;
const KEYS = BENCH_KEYS;

/** A generated cell as a person types it into Excel: dates as serials (the generator makes no errors or formulas here). */
function typed(cell: Cell | undefined): string | number | null {
  if (cell === undefined || cell === null || typeof cell === 'string' || typeof cell === 'number') return cell ?? null;
  if ('date' in cell) return toExcelSerial(cell.date);
  throw new Error('payload bench: the roster generator gave an error or formula cell');
}

/** A roster of `rows` children on 花名册; every `badEvery`-th child's guardian phone is a digit short. */
function putRoster(d: OfficeDouble, rows: number, badEvery: number): void {
  const rng = seededRandom(100_000);
  const lines: (string | number | boolean | null)[][] = [['某某县留守儿童信息登记表'], HEADER];
  for (let i = 0; i < rows; i++) {
    const grade = 1 + (i % 9);
    const kid = validKid(rng, { grade, cls: 1 + ((i >> 4) % 6) });
    if (i % badEvery === 0) kid.guardianPhone = String(kid.guardianPhone).slice(0, 10);
    // IDs typed with a leading apostrophe, as teachers are told to: a number would keep only 15 digits.
    lines.push([i + 1, ...KEYS.map((k) => (k === 'idNumber' ? `'${String(kid[k])}` : typed(kid[k])))]);
  }
  d.state.addSheet('花名册').put(0, 0, lines);
}

async function measure(name: string, d: OfficeDouble, work: () => Promise<unknown>): Promise<Case> {
  progress(name);
  d.resetStats();
  let failed: string | undefined;
  try {
    await work();
  } catch (e) {
    const err = e as { key?: string; params?: { code?: unknown }; message?: string };
    failed = err.key ? `${err.key} (${String(err.params?.code ?? '')})` : String(err.message ?? e);
  }
  const syncs = d.stats.syncs;
  const maxRequestBytes = Math.max(0, ...syncs.map((s) => s.requestBytes));
  const maxResponseBytes = Math.max(0, ...syncs.map((s) => s.responseBytes));
  const overLimit = maxRequestBytes > WEB_PAYLOAD_LIMIT || maxResponseBytes > WEB_PAYLOAD_LIMIT;
  const perSync = syncs.map((s) => [s.requestBytes, s.responseBytes] as const);
  return { name, syncs: syncs.length, maxRequestBytes, maxResponseBytes, ...(overLimit ? { overLimit } : {}), ...(failed ? { failed } : {}), perSync };
}

async function rosterCases(): Promise<Case[]> {
  const d = double();
  putRoster(d, ROWS, 5);
  const port = createOfficePort(d.excel, d.office);
  let snapshot: WorkbookSnapshot | undefined;
  const read = await measure(`check a ${ROWS.toLocaleString('en-US')}-row roster: the read`, d, async () => (snapshot = await port.read()));
  const check = checkRoster(snapshot!, { today: TODAY });
  const marks = markOps(check, 'zh-CN');
  const cells = marks.reduce((n, op) => n + (op.kind === 'markCells' ? op.marks.length : 0), 0);
  const mark = await measure(`mark ${cells.toLocaleString('en-US')} bad cells on it (fill + note each)`, d, () => port.apply({ ops: marks }));
  const both: Case = {
    name: `check and mark a ${ROWS.toLocaleString('en-US')}-row roster with ${cells.toLocaleString('en-US')} bad cells`,
    syncs: read.syncs + mark.syncs,
    maxRequestBytes: Math.max(read.maxRequestBytes, mark.maxRequestBytes),
    maxResponseBytes: Math.max(read.maxResponseBytes, mark.maxResponseBytes),
    ...(read.overLimit || mark.overLimit ? { overLimit: true } : {}),
    ...(read.failed || mark.failed ? { failed: read.failed ?? mark.failed } : {}),
  };
  return [both, read, mark];
}

async function findingsCase(): Promise<Case> {
  const d = double();
  putRoster(d, ROWS, 1);
  const port = createOfficePort(d.excel, d.office);
  const check = checkRoster(await port.read(), { today: TODAY });
  const plan: WorkbookPlan = { ops: [findingsSheetPlan(check, 'zh-CN', TODAY)] };
  return measure(`write a ${check.findings.length.toLocaleString('en-US')}-finding 校验结果`, d, () => port.apply(plan));
}

async function logCase(): Promise<Case> {
  const d = double();
  putRoster(d, 300, 1_000_000);
  const port = createOfficePort(d.excel, d.office);
  await port.apply({ ops: [logSheetOp()] });
  const snapshot = await port.read();
  const children = checkRoster(snapshot, { today: TODAY }).records;
  const entries: NewLogEntry[] = Array.from({ length: 1000 }, (_, i) => ({
    date: addDays(TODAY, -(i % 60)),
    children: [children[i % children.length]],
    kind: i % 3 ? 'talk' : 'parentCall',
    recorder: `教师${i % 20}`,
    content: `第${i + 1}次谈心：学习和生活情况良好，已与家长沟通近期表现。`,
  }));
  const plan: WorkbookPlan = { ops: [logEntryOp(entries, snapshot)] };
  return measure('append 1,000 talk-log rows', d, () => port.apply(plan));
}

async function rollupCase(): Promise<Case> {
  const chosen = periodFor({ kind: 'year' }, '2027-08-31');
  if (!chosen.ok) throw new Error(chosen.messageKey);
  const period = chosen.period;
  const schools = Array.from({ length: 50 }, (_, i) => ({ school: `学校${i + 1}`, figures: computeSummary(school(i + 1, 300), period) }));
  const result = rollupPlan(schools, 'zh-CN');
  if (!result.ok) throw new Error(result.messageKey);
  const d = double();
  d.state.addSheet('Sheet1');
  const port: WorkbookPort = createOfficePort(d.excel, d.office);
  // As the pane does: the .xlsx built once, inserted whole where the host can (ExcelApi 1.13).
  const prebuilt = port.capabilities().insertSheets ? (await newWorkbookWith(result.plan)).save() : undefined;
  return measure(`the roll-up of 50 schools (${prebuilt ? 'inserted from a prebuilt .xlsx' : 'written cell by cell'})`, d, () => port.apply(result.plan, { prebuilt }));
}

async function main(): Promise<void> {
  const cases = [...(await rosterCases()), await findingsCase(), await logCase(), await rollupCase()];
  const out = { measuredWith: officeClient().version, cases };
  if (JSON_OUT) {
    console.log(JSON.stringify({ ...out, cases: cases.map(({ perSync: _, ...c }) => c) }));
    return;
  }
  console.log(`payload bench, measured with ${out.measuredWith} (ExcelApi 1.20 host, limits lifted)`);
  for (const c of cases) {
    const flag = c.failed ? `  FAILED: ${c.failed}` : c.overLimit ? '  OVER 5 MB' : '';
    console.log(
      `  ${c.name.padEnd(70)} ${String(c.syncs).padStart(4)} syncs  request ≤ ${c.maxRequestBytes.toLocaleString('en-US').padStart(11)} B  response ≤ ${c.maxResponseBytes.toLocaleString('en-US').padStart(11)} B${flag}`,
    );
    const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en-US')}`;
    console.log(`      per sync, KB request/response: ${(c.perSync ?? []).map(([q, r]) => `${kb(q)}/${kb(r)}`).join(' ')}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
