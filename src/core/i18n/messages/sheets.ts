import type { DomainMessages } from '../index';
import { SHEETS } from '../../sheets';

type SheetKey = keyof typeof SHEETS;

/**
 * The one English gloss of each of the add-in's sheets. The sheets keep their Chinese names in every
 * language (the add-in reads them back by name), so an English sentence names one as
 * "the 帮扶人员 (mentors) sheet" (issue 15). Typed over SHEETS: a new sheet needs its gloss here.
 */
const SHEET_GLOSSES: Readonly<Record<SheetKey, string>> = {
  findings: 'check results',
  mentors: 'mentors',
  pairing: 'pairing',
  log: 'contact log',
  reminders: 'reminders',
  summary: 'summary',
  report: 'report',
  settings: 'settings',
  activities: 'activities',
  groups: 'interest groups',
  rollCall: 'sign-in',
  fund: 'fund',
  training: 'training',
  awards: 'awards reference',
  quarterly: 'quarterly meeting',
  cards: 'contact cards',
  records: 'growth records',
  supportPlans: 'support plans',
};

const zh: Record<string, string> = {};
const en: Record<string, string> = {};
// sheet.inSentence.<key in SHEETS> ({name} is the sheet's own name); .other, a sheet of the teacher's, is in common.ts.
for (const [key, gloss] of Object.entries(SHEET_GLOSSES)) {
  zh[`sheet.inSentence.${key}`] = '“{name}”';
  en[`sheet.inSentence.${key}`] = `the {name} (${gloss}) sheet`;
}

/**
 * A sheet named inside a sentence: what `t` puts for a message's {sheet} (`sheetInSentence` in
 * core/i18n/index.ts picks the key). Chinese quotes every sheet name, as its messages always did
 * (工作表“校验结果”); English glosses the add-in's own sheets. Registered in all.ts, so the pane loads it
 * with the roster engine, before any check names one of these sheets (the Excel pane's first load stays
 * under its budget, tests/browser/first-load.test.ts).
 */
export const sheets: DomainMessages = { 'zh-CN': zh, 'en-US': en };
