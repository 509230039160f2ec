import type { LogEntry } from '../contacts/log';
import { kindLabel, NO, YES } from '../contacts/kinds';
import type { IsoDate } from '../dates';
import { t, type Lang } from '../i18n';
import type { ActivityEntry, FundEntry, RollCallEntry } from '../life/read';
import { ROLES, type Role } from '../pairing/types';
import { dateCell, type PlanCell } from '../plan/types';
import type { RecordPeriod } from './records';

/**
 * One line of a child's 成长记录, whatever it came from: a talk, call or visit of 谈心记录, an activity of
 * 活动记录, a month of 留守之家签到, aid paid from 基金收支, or a change of the child's helpers on 结对帮扶.
 * The sheet and the pane's 档案 view print these same lines (recordEntryCells).
 */
export interface RecordEntry {
  readonly date: IsoDate;
  readonly source: 'log' | 'activity' | 'rollCall' | 'fund' | 'pairing';
  /** 类型 as printed: the log's own kind label (data teachers chose), or the catalogue's name of the source. */
  readonly kind: string;
  readonly target: string;
  readonly recorder: string;
  readonly content: string;
  /** Only log entries have a follow-up; null prints blank. */
  readonly followUp: boolean | null;
  readonly followUpDue: IsoDate | null;
  /** The row on its own sheet, to keep entries of one day in a stable order. */
  readonly row: number;
}

/**
 * A child's helpers as 结对帮扶 holds them, dated the day the add-in wrote them (上次生成 keeps that day). The
 * sheet keeps no history: earlier pairings and the day of a teacher's own edit are not known.
 */
export interface DatedPairing {
  /** Index of the child in the roster's records. */
  readonly child: number;
  readonly date: IsoDate;
  readonly helpers: Readonly<Record<Role, string | null>>;
}

/** What a record is made from; every list is optional but the log. */
export interface RecordSources {
  readonly log: readonly LogEntry[];
  readonly activities?: readonly Pick<ActivityEntry, 'row' | 'date' | 'type' | 'name' | 'leader' | 'children'>[];
  readonly rollCall?: readonly Pick<RollCallEntry, 'row' | 'date' | 'children' | 'pickupMissing'>[];
  readonly fund?: readonly Pick<FundEntry, 'row' | 'date' | 'kind' | 'amountFen' | 'purpose' | 'children'>[];
  readonly pairings?: readonly DatedPairing[];
}

const SOURCE_ORDER: Readonly<Record<RecordEntry['source'], number>> = { pairing: 0, log: 1, activity: 2, fund: 3, rollCall: 4 };

export function inPeriod(date: IsoDate, period: RecordPeriod | undefined): boolean {
  return (!period?.from || date >= period.from) && (!period?.to || date <= period.to);
}

function logEntry(e: LogEntry): RecordEntry {
  return {
    date: e.date,
    source: 'log',
    kind: kindLabel(e.kind),
    target: e.target,
    recorder: e.recorder,
    content: e.content,
    followUp: e.followUp,
    followUpDue: e.followUpDue,
    row: e.row,
  };
}

/**
 * 留守之家签到 is daily: one line a month per child (its first sign-in's date), with how many times the child
 * came and how many pickups went unrecorded, rather than a line a day that would bury the talks.
 */
function rollCallEntries(lang: Lang, list: RecordSources['rollCall'], period: RecordPeriod | undefined): Map<number, RecordEntry[]> {
  const months = new Map<string, { child: number; first: IsoDate; last: IsoDate; count: number; missing: number; row: number }>();
  for (const e of list ?? []) {
    if (!inPeriod(e.date, period)) continue;
    for (const child of e.children) {
      const key = `${child}|${e.date.slice(0, 7)}`;
      const m = months.get(key);
      if (!m) months.set(key, { child, first: e.date, last: e.date, count: 1, missing: e.pickupMissing ? 1 : 0, row: e.row });
      else {
        m.count++;
        if (e.pickupMissing) m.missing++;
        if (e.date < m.first) m.first = e.date;
        if (e.date > m.last) m.last = e.date;
      }
    }
  }
  const out = new Map<number, RecordEntry[]>();
  for (const m of months.values()) {
    const content = t(lang, m.missing ? 'records.rollCallMissing' : 'records.rollCall', {
      month: m.first.slice(0, 7),
      count: m.count,
      from: m.first,
      to: m.last,
      missing: m.missing,
    });
    push(out, m.child, {
      date: m.first,
      source: 'rollCall',
      kind: t(lang, 'records.kind.rollCall'),
      target: '',
      recorder: '',
      content,
      followUp: null,
      followUpDue: null,
      row: m.row,
    });
  }
  return out;
}

function push(map: Map<number, RecordEntry[]>, child: number, e: RecordEntry): void {
  const list = map.get(child);
  if (list) list.push(e);
  else map.set(child, [e]);
}

/**
 * Every child's record lines in date order (then talks before activities, then sheet row), within the
 * period. Whole-school activities reach every child they name; only aid paid to a named child (a 支出 row
 * with 受助学生) is that child's.
 */
export function recordEntriesByChild(lang: Lang, sources: RecordSources, period?: RecordPeriod): Map<number, RecordEntry[]> {
  const out = rollCallEntries(lang, sources.rollCall, period);
  for (const e of sources.log) if (inPeriod(e.date, period)) push(out, e.child, logEntry(e));
  for (const a of sources.activities ?? []) {
    if (!inPeriod(a.date, period)) continue;
    const content = a.name ? t(lang, 'records.activity', { name: a.name, type: a.type }) : a.type;
    for (const child of a.children)
      push(out, child, {
        date: a.date,
        source: 'activity',
        kind: t(lang, 'records.kind.activity'),
        target: '',
        recorder: a.leader,
        content,
        followUp: null,
        followUpDue: null,
        row: a.row,
      });
  }
  for (const f of sources.fund ?? []) {
    if (f.kind !== 'spending' || !inPeriod(f.date, period)) continue;
    const content = t(lang, 'records.aid', { purpose: f.purpose || '—', amount: (f.amountFen / 100).toFixed(2) });
    for (const child of f.children)
      push(out, child, { date: f.date, source: 'fund', kind: t(lang, 'records.kind.aid'), target: '', recorder: '', content, followUp: null, followUpDue: null, row: f.row });
  }
  for (const p of sources.pairings ?? []) {
    const named = ROLES.filter((role) => p.helpers[role]);
    if (!named.length || !inPeriod(p.date, period)) continue;
    const helpers = named.map((role) => t(lang, 'records.pairingHelper', { role: t(lang, `pairing.role.${role}`), name: p.helpers[role]! })).join(t(lang, 'records.pairingSep'));
    const content = t(lang, 'records.pairing', { helpers });
    push(out, p.child, { date: p.date, source: 'pairing', kind: t(lang, 'records.kind.pairing'), target: '', recorder: '', content, followUp: null, followUpDue: null, row: -1 });
  }
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || a.row - b.row));
  return out;
}

/** One printed line of the record: 日期, 类型, 对象, 记录人, 内容, 需跟进, 跟进期限. */
export function recordEntryCells(e: RecordEntry): PlanCell[] {
  const followUp = e.followUp === null ? '' : e.followUp ? YES : NO;
  return [dateCell(e.date), e.kind, e.target, e.recorder, e.content, followUp, e.followUp && e.followUpDue ? dateCell(e.followUpDue) : ''];
}
