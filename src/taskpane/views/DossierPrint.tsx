import { createPortal } from 'react-dom';
import type { CardChild, CardSettings, RecordEntry } from '../../core/cards';
import { t, type Lang } from '../../core/i18n';
import type { PlanCell } from '../../core/plan/types';
import type { PrintJob } from './useDossier';
import type { ViewsCore } from './core';

/** The class the print sheet carries: everything else on the page is hidden when printing. */
export const PRINT_ROOT_CLASS = 'lsa-print';

/**
 * A4 portrait, 12 mm margins. Cards: two a page, each whole (a fixed half-page box that never breaks), a
 * page break before every odd card but the first. Records: each child from a new page; the child's header
 * and the column header sit in <thead>, which browsers repeat on every page a long record takes; no entry
 * is cut across pages. On screen the sheet is not shown at all.
 */
export const PRINT_CSS = `
.${PRINT_ROOT_CLASS} { display: none; }
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  html, body { background: #fff !important; height: auto !important; overflow: visible !important; }
  body > *:not(.${PRINT_ROOT_CLASS}) { display: none !important; }
  .${PRINT_ROOT_CLASS} { display: block; color: #000; font-size: 9.5pt; line-height: 1.35; font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; }
  .${PRINT_ROOT_CLASS} table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  .${PRINT_ROOT_CLASS} th, .${PRINT_ROOT_CLASS} td { border: 0.3mm solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: break-word; }
  .lsa-card { box-sizing: border-box; height: 130mm; padding-bottom: 6mm; break-inside: avoid; overflow: hidden; }
  .lsa-card:nth-child(odd):not(:first-child) { break-before: page; }
  .lsa-card caption { font-weight: bold; font-size: 11pt; text-align: left; padding-bottom: 1.5mm; }
  .lsa-card td.lsa-label { width: 17%; font-weight: bold; }
  .lsa-record + .lsa-record { break-before: page; }
  .lsa-record thead { display: table-header-group; }
  .lsa-record tr { break-inside: avoid; }
  .lsa-record th.lsa-child { font-size: 10.5pt; border: none; padding: 0 0 1.5mm 0; }
}
`;

/** A plan cell as printed text: a date as its ISO day, a link as its text. */
export function printText(c: PlanCell): string {
  if (c !== null && typeof c === 'object') return 'date' in c ? c.date : 'text' in c ? c.text : c.error;
  return c === null || c === undefined ? '' : String(c);
}

/** One card: the rows cardRows gives the 联系卡 sheet, as a table (title as its caption). */
export function CardTable({ child, lang, settings, core }: { child: CardChild; lang: Lang; settings: CardSettings; core: ViewsCore }) {
  const [title, ...rows] = core.cardRows(child, lang, settings);
  return (
    <div className="lsa-card" data-testid="print-card">
      <table>
        <caption>{printText(title[0])}</caption>
        <tbody>
          {rows
            .filter((r) => r.some((c) => printText(c) !== ''))
            .map((r, i) => (
              <tr key={i}>
                <td className="lsa-label">{printText(r[0])}</td>
                <td>{printText(r[1])}</td>
                <td className="lsa-label">{printText(r[2])}</td>
                <td>{printText(r[3])}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

const RECORD_WIDTHS = ['13%', '10%', '8%', '10%', '39%', '8%', '12%'];

/** One child's record: the header line and the column header repeat on each printed page (thead). */
export function RecordTable({ child, entries, lang, core }: { child: CardChild; entries: readonly RecordEntry[]; lang: Lang; core: ViewsCore }) {
  const headers = core.recordColumnHeaders(lang);
  return (
    <table className="lsa-record" data-testid="print-record">
      <colgroup>
        {RECORD_WIDTHS.map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className="lsa-child" colSpan={7}>
            {core.childHeaderText(lang, child, 0)}
          </th>
        </tr>
        <tr>
          {headers.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 ? (
          <tr>
            <td colSpan={7}>{t(lang, 'records.none')}</td>
          </tr>
        ) : (
          entries.map((e, i) => (
            <tr key={i}>
              {core.recordEntryCells(e).map((c, j) => (
                <td key={j}>{printText(c)}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** The sheet the browser prints, put straight under <body> so the print stylesheet can hide the rest of the page. */
export function DossierPrint({
  job,
  lang,
  settings,
  entries,
  core,
}: {
  job: PrintJob;
  lang: Lang;
  settings: CardSettings;
  entries: ReadonlyMap<number, readonly RecordEntry[]>;
  core: ViewsCore;
}) {
  return createPortal(
    <div className={PRINT_ROOT_CLASS} data-testid="print-sheet" data-what={job.what} data-count={job.children.length}>
      <style>{PRINT_CSS}</style>
      <div>
        {job.what === 'cards'
          ? job.children.map((c) => <CardTable key={c.index} child={c} lang={lang} settings={settings} core={core} />)
          : job.children.map((c) => <RecordTable key={c.index} child={c} entries={entries.get(c.index) ?? []} lang={lang} core={core} />)}
      </div>
    </div>,
    document.body,
  );
}
