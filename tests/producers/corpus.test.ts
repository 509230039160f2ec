/**
 * Workbooks from every writer a school's file may come from (tests/producers: files saved by the
 * programs that run here, fixtures reproducing the quirks of those that cannot), through the file
 * port as the pane and the command line use it: the roster check's findings sheet and marks (with
 * notes), the whole upkeep, and 脱敏导出. Then: every XML part parses with a namespace-aware parser;
 * every part the add-in does not own is byte-for-byte as the producer wrote it (a sheet may only lose
 * its tabSelected flag); edited parts keep their encoding and the producer's prefixes; the teacher's
 * sheets read back unchanged and the add-in's sheets read back as the plans wrote them.
 */
import '../../src/core/i18n/all';
import { t } from '../../src/core/i18n';
import type { PlanOp } from '../../src/core/plan/types';
import { checkRoster, findingsSheetPlan, overrideFromSettings } from '../../src/core/roster';
import { isAddinSheet } from '../../src/core/sheets';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { newWorkbookWith, openXlsx } from '../../src/workbook/file';
import { PortError } from '../../src/workbook/port';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../cli/run-cli';
import { CORPUS, PRODUCER_DIR, packageNamespaceProblems, parts, runThrough, sameBytes, signature, xmlText, type CorpusRun } from './corpus';
import { CORPUS_TODAY, ROSTER_SHEET, rosterRows, TEACHER_SHEET, teacherRows } from './roster';

jest.setTimeout(120_000);

const TODAY = CORPUS_TODAY;

const values = (s: WorkbookSnapshot, name: string) => s.sheets.find((x) => x.name === name)?.values;

/** The package's workbook part and the worksheet part of each sheet, by the package's own relationships. */
function sheetParts(p: Map<string, Uint8Array>): { workbook: string; byName: Map<string, string> } {
  const rels = xmlText(p.get('_rels/.rels')!);
  const target = /Target="\/?([^"]*)"[^>]*Type="[^"]*\/officeDocument"|Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]*)"/.exec(rels)!;
  const workbook = target[1] ?? target[2];
  const dir = workbook.slice(0, workbook.lastIndexOf('/') + 1);
  const wbRels = xmlText(p.get(`${dir}_rels/${workbook.slice(dir.length)}.rels`)!);
  const targets = new Map<string, string>();
  for (const m of wbRels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])![1];
    const t = /\bTarget="([^"]*)"/.exec(m[0])![1];
    targets.set(id, t.startsWith('/') ? t.slice(1) : dir + t);
  }
  const byName = new Map<string, string>();
  for (const m of xmlText(p.get(workbook)!).matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])![1].replace(/&amp;/g, '&');
    const id = /\s[\w.-]+:id="([^"]*)"/.exec(m[0])![1];
    byName.set(name, targets.get(id)!);
  }
  return { workbook, byName };
}

/** The parts an apply on this corpus may edit: the package's index parts, styles, and the roster sheet it marks. */
function ownedOrEdited(name: string, rosterPart: string, workbook: string): boolean {
  const rosterRels = rosterPart.replace(/([^/]+)$/, '_rels/$1.rels');
  const wbRels = workbook.replace(/([^/]+)$/, '_rels/$1.rels');
  return (
    name === '[Content_Types].xml' ||
    name === workbook ||
    name === wbRels ||
    /(^|\/)styles\.xml$/.test(name) ||
    name === rosterPart ||
    name === rosterRels ||
    // The roster's notes: the add-in's notes join the teacher's in the sheet's one comments part and VML.
    /(^|\/)comments\d*\.xml$/.test(name) ||
    /\.vml$/.test(name) ||
    // A formula cell overwritten makes calcChain stale; it is dropped, never edited.
    /calcChain\.xml$/.test(name)
  );
}

const writable = CORPUS.filter((e) => !e.strict);

describe('the committed producer files', () => {
  it('are each listed with their writer and version, and nothing listed is missing', () => {
    const onDisk = readdirSync(PRODUCER_DIR)
      .filter((f) => f.endsWith('.xlsx'))
      .sort();
    const listed = CORPUS.filter((e) => onDisk.includes(e.file));
    expect(listed.map((e) => e.file).sort()).toEqual(onDisk);
    for (const e of listed) expect(e.writer).toMatch(/\d+\.\d+/);
    expect(onDisk.length).toBeGreaterThanOrEqual(7);
  });
});

describe.each(writable.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
  let run: CorpusRun;
  beforeAll(async () => {
    run = await runThrough(entry);
  });

  it(`is what it claims: ${entry.writer.split(':')[0]}`, () => {
    // The roster and the teacher's sheet read as the producer wrote them (prefixes, BOMs, UTF-16, 1904).
    const roster = rosterRows();
    const read = values(run.before, ROSTER_SHEET)!;
    expect(read.slice(1).map((r) => r[1])).toEqual(roster.map((r) => r[1]));
    expect(read.slice(1).map((r) => String(r[4]))).toEqual(roster.map((r) => r[4]));
    const scores = values(run.before, TEACHER_SHEET)!;
    expect(scores.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual(teacherRows(roster).map((s) => [s.name, s.chinese, s.maths]));
    expect(run.marked).toBeGreaterThan(0);
  });

  it('every XML part of the result parses with a namespace-aware parser', () => {
    expect(packageNamespaceProblems(run.output)).toEqual([]);
    expect(packageNamespaceProblems(run.deidentified)).toEqual([]);
  });

  it('every part the add-in does not own is byte-for-byte as the producer wrote it', () => {
    const a = parts(run.input);
    const b = parts(run.output);
    const { workbook, byName } = sheetParts(a);
    const rosterPart = byName.get(ROSTER_SHEET)!;
    const changed: string[] = [];
    for (const [name, bytes] of a) {
      const now = b.get(name);
      if (now === undefined) {
        if (!/calcChain\.xml$/.test(name)) changed.push(`${name} removed`);
        continue;
      }
      if (sameBytes(bytes, now) || ownedOrEdited(name, rosterPart, workbook)) continue;
      // Selecting the add-in's sheet may take the teacher's sheet's tab selection away, and nothing else.
      const was = xmlText(bytes).replace(/\stabSelected\s*=\s*"(?:1|true)"/, '');
      if (was !== xmlText(now)) changed.push(name);
    }
    expect(changed).toEqual([]);
  });

  it("edited parts keep their encoding, byte-order mark and the producer's prefixes", () => {
    const a = parts(run.input);
    const b = parts(run.output);
    for (const [name, bytes] of a) {
      const now = b.get(name);
      if (now && !sameBytes(bytes, now)) expect([name, signature(now)]).toEqual([name, signature(bytes)]);
    }
    const { workbook } = sheetParts(a);
    const wb = xmlText(b.get(workbook)!);
    const rootPrefix = /<(?:([\w.-]+):)?workbook[\s>]/.exec(wb)![1];
    // The add-in's sheets are listed in the producer's prefix for the main namespace.
    const entries = [...wb.matchAll(/<(?:([\w.-]+):)?sheet\s[^>]*>/g)];
    expect(entries.length).toBeGreaterThan(2);
    for (const m of entries) expect(m[1]).toBe(rootPrefix);
  });

  it("the teacher's sheets read back unchanged, and the add-in's sheets as the plans wrote them", async () => {
    for (const s of run.before.sheets) if (!isAddinSheet(s.name)) expect([s.name, values(run.after, s.name)]).toEqual([s.name, s.values]);
    // The same whole-sheet writes into a new workbook are the reference for what the plans wrote.
    const whole: PlanOp[] = run.plans.flatMap((p) => p.ops.filter((op) => op.kind === 'replaceSheet' || op.kind === 'createSheetIfMissing'));
    const reference = await (await newWorkbookWith({ ops: whole })).read();
    const written = [...new Set(whole.map((op) => op.sheet))];
    expect(written.length).toBeGreaterThan(1);
    for (const name of written) expect([name, values(run.after, name)]).toEqual([name, values(reference, name)]);
  });
});

describe('strict OOXML', () => {
  const strict = CORPUS.filter((e) => e.strict);
  it.each(strict.map((e) => [e.file, e] as const))('%s is read, and a write is refused in both languages with the file unchanged', async (_f, entry) => {
    const input = entry.bytes();
    const pristine = Uint8Array.from(input);
    const port = openXlsx(input);
    const snapshot = await port.read();
    expect(
      values(snapshot, ROSTER_SHEET)!
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(rosterRows().map((r) => r[1]));
    const check = checkRoster(snapshot, { today: TODAY, override: overrideFromSettings(snapshot) });
    const err = await port.apply({ ops: [findingsSheetPlan(check, 'zh-CN', TODAY)] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PortError);
    expect((err as PortError).key).toBe('file.strictReadOnly');
    expect(t('zh-CN', 'file.strictReadOnly')).toMatch(/Strict Open XML.*没有写入任何内容/);
    expect(t('en-US', 'file.strictReadOnly')).toMatch(/Strict Open XML.*Nothing was written/);
    const saved = parts(port.save());
    const original = parts(pristine);
    expect([...saved.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [name, bytes] of original) expect([name, sameBytes(saved.get(name)!, bytes)]).toEqual([name, true]);
  });

  it("the command line says so in one line in the user's language, and writes no file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'strict-'));
    try {
      const file = path.join(dir, 'strict.xlsx');
      writeFileSync(file, strict[0].bytes());
      for (const [lang, expected] of [
        ['zh', t('zh-CN', 'file.strictReadOnly')],
        ['en', t('en-US', 'file.strictReadOnly')],
      ] as const) {
        const out = path.join(dir, `out-${lang}.xlsx`);
        const r = await runCli(['apply', file, '-o', out, '--today', TODAY, '--lang', lang]);
        expect(r.status).toBe(2);
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(r.stderr).toContain(expected);
        expect(existsSync(out)).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
