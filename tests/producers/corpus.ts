/**
 * The producer corpus as one list (files other programs saved, plus the generated quirk fixtures), and
 * the checks the corpus tests share: a namespace-aware parse of every XML part, and what an apply may
 * change in a package.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import '../../src/core/i18n/all';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import type { WorkbookPlan } from '../../src/core/plan/types';
import { checkRoster, findingsSheetPlan, markOps, overrideFromSettings } from '../../src/core/roster';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { deidentifyWorkbook } from '../../src/core/summary';
import { planMaintenance } from '../../src/core/workflow';
import { newWorkbookWith, openXlsx } from '../../src/workbook/file';
import { buildQuirkFixture, QUIRK_FIXTURES } from './quirks';
import { CORPUS_TODAY } from './roster';

export const PRODUCER_DIR = path.join(__dirname, 'files');

export interface CorpusFile {
  readonly file: string;
  readonly writer: string;
  readonly strict: boolean;
  bytes(): Uint8Array;
}

/** The writers that ran here, with their versions, as build.sh recorded them. */
function producerFiles(): CorpusFile[] {
  const lines = readFileSync(path.join(PRODUCER_DIR, 'VERSIONS.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [file, writer] = line.split('\t');
    return { file, writer, strict: false, bytes: () => new Uint8Array(readFileSync(path.join(PRODUCER_DIR, file))) };
  });
}

export const CORPUS: readonly CorpusFile[] = [
  ...producerFiles(),
  ...QUIRK_FIXTURES.map((f) => ({ file: f.file, writer: f.writer, strict: f.quirks.strict, bytes: () => buildQuirkFixture(f.quirks) })),
];

/** Text of a part as an XML parser would decode it: UTF-16 by its byte-order mark, else UTF-8. */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

export const isXmlPart = (name: string): boolean => /\.(xml|rels|vml)$/i.test(name);

/**
 * The first namespace or well-formedness error in a part, or null. saxes in xmlns mode reports an
 * element or attribute whose prefix is declared nowhere in scope ("unbound namespace prefix"), which is
 * exactly what makes Excel repair a file and LibreOffice refuse it.
 */
export function namespaceProblem(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let problem: string | null = null;
  parser.on('error', (e) => {
    problem ??= e.message;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    problem ??= String(e);
  }
  return problem;
}

/** Every XML part of a package that fails the namespace-aware parse, with its error. */
export function packageNamespaceProblems(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (name.endsWith('/') || !isXmlPart(name)) continue;
    const problem = namespaceProblem(xmlText(data));
    if (problem) out.push(`${name}: ${problem}`);
  }
  return out;
}

/** A package's parts by name, without directory entries, backslashes read as the separators their writer meant. */
export function parts(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(
    Object.entries(unzipSync(bytes))
      .filter(([n]) => !/[/\\]$/.test(n))
      .map(([n, b]) => [n.replace(/\\/g, '/'), b]),
  );
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The byte-order mark (or UTF-16 signature) a part starts with: it must survive an edit. */
export function signature(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8 bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * One corpus file through the file port as the pane and the CLI use it: the roster check's findings
 * sheet and marks (with notes), then the whole upkeep, then 脱敏导出 of what was read.
 */
export interface CorpusRun {
  readonly input: Uint8Array;
  readonly output: Uint8Array;
  readonly before: WorkbookSnapshot;
  readonly after: WorkbookSnapshot;
  readonly plans: WorkbookPlan[];
  readonly marked: number;
  readonly deidentified: Uint8Array;
}

export async function runThrough(entry: CorpusFile): Promise<CorpusRun> {
  const input = entry.bytes();
  const port = openXlsx(input);
  const before = await port.read();
  const check = checkRoster(before, { today: CORPUS_TODAY, override: overrideFromSettings(before) });
  const marks = markOps(check, 'zh-CN');
  const first: WorkbookPlan = { ops: [findingsSheetPlan(check, 'zh-CN', CORPUS_TODAY), ...marks] };
  await port.apply(first);
  const maintenance = planMaintenance(await port.read(), { today: CORPUS_TODAY, lang: 'zh-CN', calendar: createTymeCalendar() });
  await port.apply(maintenance.plan);
  const output = port.save();
  const copy = deidentifyWorkbook(before, check.layout);
  if (!copy.ok) throw new Error(`脱敏导出 refused ${entry.file}: ${copy.messageKey}`);
  const deidentified = (await newWorkbookWith(copy.plan)).save();
  const marked = marks.reduce((n, op) => n + (op.kind === 'markCells' ? op.marks.length : 0), 0);
  return { input, output, before, after: await openXlsx(output).read(), plans: [first, maintenance.plan], marked, deidentified };
}
