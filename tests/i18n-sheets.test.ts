/**
 * Sheet names in English sentences (issue 15). The add-in's sheets keep their Chinese names in every
 * language, so an English message names one as "the 帮扶人员 (mentors) sheet", with the one gloss of
 * messages/sheets.ts; a {sheet} parameter is put so by `t` (sheetInSentence), and a sheet of the
 * teacher's as "the sheet “花名册”".
 */
import { catalogue, LANGS, sheetInSentence, t } from '../src/core/i18n';
import '../src/core/i18n/all';
import { SHEETS } from '../src/core/sheets';

const OURS = Object.entries(SHEETS) as [keyof typeof SHEETS, string][];

/** The English gloss of each sheet, read back from its one source. */
const gloss = (name: string): string => /\((.+)\) sheet$/.exec(sheetInSentence(name, 'en-US'))![1];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A sheet's name as a word of its own: not part of a longer Chinese word (设置 in 设置项, 结对帮扶 in 结对帮扶（原）). */
const CJK = '[\\u3400-\\u9fff（]';
const bare = (name: string) => new RegExp(`(?<!${CJK})${escape(name)}(?!${CJK})`);
/** The agreed form: "the X (gloss) sheet", or a list "the X (a), Y (b) and Z (c) sheets"; "a", "no", "its" or "their" for "the". */
const glossed = OURS.map(([, name]) => `${escape(name)} \\(${escape(gloss(name))}\\)`).join('|');
const AGREED = new RegExp(`\\b(?:the|a|no|their|its) (?:${glossed})(?:(?:, | and | or )(?:${glossed}))* sheets?\\b`, 'gi');

/**
 * Messages that may name one of our sheets otherwise, each with the reason. Empty today: a message that
 * needs one says why here.
 */
const ALLOWED: Readonly<Record<string, string>> = {};

describe('our sheets in English sentences', () => {
  it('every sheet of SHEETS has its gloss, and no two share one', () => {
    const glosses = OURS.map(([, name]) => gloss(name));
    expect(glosses.every((g) => g.length > 0 && !/[\u3400-\u9fff]/.test(g))).toBe(true);
    expect(new Set(glosses).size).toBe(glosses.length);
  });

  it('names each of our sheets as "the 帮扶人员 (mentors) sheet", with its one gloss', () => {
    const wrong: string[] = [];
    for (const [key, text] of Object.entries(catalogue('en-US'))) {
      if (key.startsWith('sheet.inSentence.') || key in ALLOWED) continue;
      const rest = text.replace(AGREED, '');
      for (const [, name] of OURS) if (bare(name).test(rest)) wrong.push(`${key}: ${name}`);
    }
    expect(wrong).toEqual([]);
  });

  it('finds a sheet named otherwise (the check can fail)', () => {
    const offends = (text: string) => OURS.some(([, name]) => bare(name).test(text.replace(AGREED, '')));
    expect(offends('Fill in 帮扶人员 first.')).toBe(true);
    expect(offends('Fill in the 帮扶人员 sheet first.')).toBe(true);
    expect(offends('Fill in the 帮扶人员 (helpers) sheet first.')).toBe(true);
    expect(offends('Fill in the 帮扶人员 (mentors) sheet first.')).toBe(false);
    expect(offends('in the 设置 (settings) and 谈心记录 (contact log) sheets')).toBe(false);
    expect(offends('the columns 设置项 and 值')).toBe(false);
  });

  it('leaves quotes and the word "sheet" around {sheet} to t, in both languages', () => {
    const wrapped: string[] = [];
    for (const lang of LANGS)
      for (const [key, text] of Object.entries(catalogue(lang))) {
        if (/["“”'「」]\{sheet\}|\{sheet\}["“”'「」]|工作表“\{sheet|\bsheets? \{sheet\}|\{sheet\} sheet/i.test(text)) wrapped.push(`${lang} ${key}`);
      }
    expect(wrapped).toEqual([]);
  });
});

describe('sheetInSentence', () => {
  it('glosses our sheets in English and names the teacher’s own as "the sheet “…”"', () => {
    expect(sheetInSentence(SHEETS.mentors, 'en-US')).toBe('the 帮扶人员 (mentors) sheet');
    expect(sheetInSentence(SHEETS.log, 'en-US')).toBe('the 谈心记录 (contact log) sheet');
    expect(sheetInSentence('花名册', 'en-US')).toBe('the sheet “花名册”');
    // A name that only contains one of ours is the teacher's.
    expect(sheetInSentence('帮扶人员（旧）', 'en-US')).toBe('the sheet “帮扶人员（旧）”');
    // A part of a print sheet too long for one (成长记录（2）) is glossed as its sheet.
    expect(sheetInSentence('成长记录（2）', 'en-US')).toBe('the 成长记录（2） (growth records) sheet');
  });

  it('names an own sheet as any other until the glosses are registered (the pane loads them with the roster engine)', () => {
    jest.isolateModules(() => {
      const fresh = require('../src/core/i18n') as typeof import('../src/core/i18n');
      expect(fresh.sheetInSentence(SHEETS.mentors, 'en-US')).toBe('the sheet “帮扶人员”');
      expect(fresh.sheetInSentence(SHEETS.mentors, 'zh-CN')).toBe('“帮扶人员”');
    });
  });

  it('quotes every sheet in Chinese, as the Chinese messages always did', () => {
    expect(sheetInSentence(SHEETS.findings, 'zh-CN')).toBe('“校验结果”');
    expect(sheetInSentence('三年级', 'zh-CN')).toBe('“三年级”');
  });

  it('is how t puts a message’s {sheet}, while {sheetName} stays as written', () => {
    expect(t('en-US', 'ui.preview.create', { sheet: SHEETS.findings, count: 1 })).toBe('Create the 校验结果 (check results) sheet with 1 row.');
    expect(t('zh-CN', 'ui.preview.create', { sheet: SHEETS.findings, count: 7 })).toBe('新建工作表“校验结果”，写入 7 行。');
    expect(t('en-US', 'office.protected', { sheet: '花名册', code: 'AccessDenied' })).toBe(
      'Cannot write to the sheet “花名册”: it is protected (AccessDenied). Nothing was written. Unprotect that sheet under Review and try again.',
    );
    expect(t('en-US', 'life.dateBlank', { sheet: SHEETS.activities, row: 3 })).toBe('Row 3 of the 活动记录 (activities) sheet: the date is blank; the row is not counted.');
    expect(t('zh-CN', 'life.dateBlank', { sheet: SHEETS.activities, row: 3 })).toBe('“活动记录”第3行：日期为空，此行不计入统计。');
    expect(t('en-US', 'standalone.cell.link', { sheetName: SHEETS.findings, cell: 'B3' })).toBe('Go to 校验结果!B3');
  });
});
