/**
 * The bad-input corpus (tests/corpus, written by build-corpus.ts) through both hosts' code paths:
 *  - the command line as a child process (validate, and apply when it is registered), in zh and en:
 *    a clear message or ordinary findings, never a stack trace, and the input file byte-for-byte as it was;
 *  - the pane's path in process: file port -> checkRoster -> plans -> apply -> save, where every sheet
 *    the add-in does not own reads back exactly as it was read.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import { t, type Lang } from '../../src/core/i18n';
import { checkRoster, findingsSheetPlan, markOps, overrideFromSettings, RosterNotFoundError } from '../../src/core/roster';
import { isAddinSheet } from '../../src/core/sheets';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { planMaintenance } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';
import { PortError } from '../../src/workbook/port';
import { COMMANDS } from '../../src/cli/commands';
import { BUILDERS, CORPUS_DIR, FORBIDDEN_NAMES, LAST_ROW, LONG_OTHER_NAME, LONG_ROSTER_NAME, MANIFEST, MAX_CELL_TEXT, type CorpusEntry } from '../corpus/build-corpus';
import { runCli, type CliRun } from '../cli/run-cli';

jest.setTimeout(900_000);

const TODAY = '2025-09-15';
const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];
const STACK = /^\s+at\s/m;
const CJK = /[\u4e00-\u9fff]/;
const HAS_APPLY = COMMANDS.some((c) => c.name === 'apply');

const fileOf = (e: CorpusEntry) => path.join(CORPUS_DIR, e.file);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the committed corpus', () => {
  it.each(MANIFEST.map((e) => e.file))('%s is what build-corpus.ts writes (regenerate after changing it)', (file) => {
    expect(sha(readFileSync(path.join(CORPUS_DIR, file)))).toBe(sha(BUILDERS[file]()));
  });
});

/**
 * The user's language is the one on the screen. Reports quote sheet names and headers as they are
 * (Chinese), so English output is judged by its English words, and a refusal (which quotes nothing
 * but the path) by having no Chinese at all.
 */
function expectLanguage(text: string, lang: Lang, refusal: boolean): void {
  if (lang === 'zh-CN') expect(text).toMatch(CJK);
  else if (refusal) expect(text).not.toMatch(CJK);
  else expect((text.match(/\b[A-Za-z]{4,}\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
}

/**
 * Each file is run twice, to keep the suite within minutes on a shared machine: `validate` in English
 * and `apply` in Chinese (both open the file the same way, so each language meets every refusal).
 */
describe('through the command line', () => {
  const runs = new Map<string, CliRun>();
  const outDir = mkdtempSync(path.join(tmpdir(), 'corpus-'));
  const hashesBefore = new Map(MANIFEST.map((e) => [e.file, sha(readFileSync(fileOf(e)))]));
  const command = HAS_APPLY ? 'apply' : 'validate';

  beforeAll(async () => {
    const jobs: Promise<void>[] = [];
    for (const e of MANIFEST) {
      jobs.push(runCli(['validate', fileOf(e), '--today', TODAY, '--lang', 'en']).then((r) => void runs.set(`validate ${e.file}`, r)));
      const zhArgs = HAS_APPLY ? ['apply', fileOf(e), '-o', path.join(outDir, e.file)] : ['validate', fileOf(e)];
      jobs.push(runCli([...zhArgs, '--today', TODAY, '--lang', 'zh']).then((r) => void runs.set(`zh ${e.file}`, r)));
    }
    await Promise.all(jobs);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  function expectClearOutcome(r: CliRun, entry: CorpusEntry, lang: Lang): void {
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    if (entry.outcome === 'check') {
      expect([0, 1]).toContain(r.status);
      expect(r.stderr).toBe('');
      expectLanguage(r.stdout, lang, false);
    } else {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      // One line, naming the file, in the user's language, with the port's own reason.
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(entry.file);
      if (entry.reason) expect(r.stderr).toContain(t(lang, entry.reason));
      expectLanguage(r.stderr, lang, true);
    }
  }

  describe.each(MANIFEST.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
    it('validate in English: a clear outcome, no stack trace', () => {
      expectClearOutcome(runs.get(`validate ${entry.file}`)!, entry, 'en-US');
    });

    it(`${command} in Chinese: a clear outcome, no stack trace, a new file only when it can`, () => {
      expectClearOutcome(runs.get(`zh ${entry.file}`)!, entry, 'zh-CN');
      if (HAS_APPLY) expect(existsSync(path.join(outDir, entry.file))).toBe(entry.outcome === 'check');
    });

    it('leaves the input file byte-for-byte as it was', () => {
      expect(sha(readFileSync(fileOf(entry)))).toBe(hashesBefore.get(entry.file));
    });
  });
});

/**
 * Every sheet the add-in does not own, as a comparable summary: name, origin, visibility, and the
 * first row whose values differ from `reference` (-1 when none). A row-by-row loop, because a deep
 * equality over a 1,048,576-row sheet takes minutes.
 */
function bystanders(snapshot: WorkbookSnapshot, reference: WorkbookSnapshot = snapshot) {
  return snapshot.sheets
    .filter((s) => !isAddinSheet(s.name))
    .map((s) => {
      const ref = reference.sheets.find((r) => r.name === s.name);
      let differs = ref && ref.values.length === s.values.length ? -1 : Math.min(ref?.values.length ?? 0, s.values.length);
      for (let r = 0; differs < 0 && r < s.values.length; r++) {
        const a = s.values[r];
        const b = ref!.values[r];
        if (a === b) continue;
        if (a.length !== b.length || a.some((v, c) => JSON.stringify(v) !== JSON.stringify(b[c]))) differs = r;
      }
      return { name: s.name, origin: s.origin, visible: s.visible, rows: s.values.length, differs };
    });
}

describe('through the pane path, in process', () => {
  describe.each(MANIFEST.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
    it('a message key with text in both languages, or a check whose writes leave every other sheet as it was', async () => {
      const input = readFileSync(fileOf(entry));
      const pristine = Uint8Array.from(input);

      if (entry.outcome === 'refuse') {
        const err = await (async () => openXlsx(input).read())().then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(PortError);
        expect((err as PortError).key).toBe(entry.reason);
        for (const lang of LANGS) expect(t(lang, entry.reason!)).not.toBe(entry.reason);
        expect(Buffer.compare(input, pristine)).toBe(0);
        return;
      }

      const port = openXlsx(input);
      const before = await port.read();
      if (entry.outcome === 'noRoster') {
        let err: unknown;
        try {
          checkRoster(before, { today: TODAY, override: overrideFromSettings(before) });
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(RosterNotFoundError);
        for (const lang of LANGS) expect(t(lang, (err as RosterNotFoundError).messageKey, (err as RosterNotFoundError).params)).not.toBe((err as RosterNotFoundError).messageKey);
        expect(Buffer.compare(input, pristine)).toBe(0);
        return;
      }

      const check = checkRoster(before, { today: TODAY, override: overrideFromSettings(before) });
      const rosterSheet = before.sheets.find((s) => s.name === check.layout.sheet)!;
      const bottom = rosterSheet.origin.row + rosterSheet.values.length;
      for (const f of check.findings) {
        expect(f.row).toBeGreaterThanOrEqual(0);
        expect(f.row).toBeLessThan(Math.max(bottom, check.layout.headerRows[check.layout.headerRows.length - 1] + 1));
      }
      for (const rec of check.records) expect(rec.row).toBeGreaterThan(check.layout.headerRows[check.layout.headerRows.length - 1]);

      // The roster check's own writes, then the whole upkeep, each applied and saved.
      await port.apply({ ops: [findingsSheetPlan(check, 'zh-CN', TODAY), ...markOps(check, 'zh-CN')] });
      const maintenance = planMaintenance(await port.read(), { today: TODAY, lang: 'en-US', calendar: createTymeCalendar() });
      await port.apply(maintenance.plan);
      const after = await openXlsx(port.save()).read();

      expect(bystanders(after, before)).toEqual(bystanders(before));
      expect(Buffer.compare(input, pristine)).toBe(0);
    });
  });
});

describe('what the odd files read as', () => {
  const read = async (file: string) => openXlsx(readFileSync(path.join(CORPUS_DIR, file))).read();

  it('the last row of the sheet is reached without a row of cells for each blank row in between', async () => {
    const snapshot = await read('last-row.xlsx');
    const roster = snapshot.sheets.find((s) => s.name === '花名册')!;
    expect(roster.origin.row + roster.values.length).toBe(LAST_ROW);
    expect(roster.values[roster.values.length - 1][0]).toBe('表尾');
    // A million distinct blank rows would be ~200 MB for one value; the blank ones need not be distinct.
    expect(new Set(roster.values).size).toBeLessThan(100);
    const check = checkRoster(snapshot, { today: TODAY });
    expect(check.records).toHaveLength(6);
  });

  it('cells of 32,767 characters arrive whole', async () => {
    const roster = (await read('long-cells.xlsx')).sheets.find((s) => s.name === '花名册')!;
    const lengths = roster.values
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.length);
    expect(lengths.filter((n) => n === MAX_CELL_TEXT)).toHaveLength(4);
  });

  it('error values are read as errors, and findings name their cells', async () => {
    const snapshot = await read('error-values.xlsx');
    const codes = snapshot.sheets[0].values
      .flat()
      .filter((v) => typeof v === 'object' && v !== null)
      .map((v) => (v as { error: string }).error);
    expect(new Set(codes)).toEqual(new Set(['#N/A', '#REF!', '#DIV/0!']));
    const check = checkRoster(snapshot, { today: TODAY });
    // The #N/A name (B2) is reported, not taken for a child's name.
    expect(check.findings.some((f) => f.row === 1 && f.col === 1)).toBe(true);
  });

  it('sheet names at 31 characters and names Excel forbids are read as they are and survive a write', async () => {
    expect(LONG_ROSTER_NAME).toHaveLength(31);
    expect(LONG_OTHER_NAME).toHaveLength(31);
    expect((await read('long-sheet-names.xlsx')).sheets.map((s) => s.name)).toEqual([LONG_ROSTER_NAME, LONG_OTHER_NAME]);
    expect((await read('forbidden-sheet-names.xlsx')).sheets.map((s) => s.name)).toEqual(FORBIDDEN_NAMES);
  });

  it('hidden rows are children like any other; the hidden sheet stays hidden', async () => {
    const snapshot = await read('filtered-hidden.xlsx');
    expect(checkRoster(snapshot, { today: TODAY }).records).toHaveLength(12);
    expect(snapshot.sheets.find((s) => s.name === '旧名单')!.visible).toBe(false);
  });

  it('blank and header-only rosters have no children and say nothing false', async () => {
    for (const file of ['blank-rows.xlsx', 'header-only.xlsx']) {
      const check = checkRoster(await read(file), { today: TODAY });
      expect(check.records).toHaveLength(0);
    }
  });
});
