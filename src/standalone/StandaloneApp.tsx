import { useCallback, useMemo, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import type { IsoDate } from '../core/dates';
import { workbookToday } from '../core/settings';
import { Pane, type Checked } from '../taskpane/Pane';
import { marksOf } from './findingMarks';
import { ReplaceDialog } from './ReplaceDialog';
import { SheetGrid } from './SheetGrid';
import { useStandalone, type StandaloneState } from './useStandalone';

/** The bundled sample roster, served beside the page (assets/ is copied into the build). */
export const SAMPLE_URL = './assets/sample-roster.xlsx';

/** The page's one network call: its own bundled sample, by relative URL. */
async function fetchSample(): Promise<Uint8Array> {
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) throw keyed('ui.standalone.sampleMissing');
  return new Uint8Array(await response.arrayBuffer());
}

const NARROW = '@media (max-width: 799px)';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', color: tokens.colorNeutralForeground1 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    flexWrap: 'wrap',
    padding: '8px 12px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { marginRight: '12px' },
  fileName: { color: tokens.colorNeutralForeground2 },
  // A badge drawn with tokens (Fluent's Badge would add to the Excel pane's first load; see ReplaceDialog).
  unsaved: {
    padding: '0 8px',
    borderRadius: tokens.borderRadiusCircular,
    border: `1px solid ${tokens.colorPaletteMarigoldBorder2}`,
    backgroundColor: tokens.colorPaletteMarigoldBackground1,
    color: tokens.colorPaletteMarigoldForeground2,
  },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  spacer: { flexGrow: 1 },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  book: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, minHeight: 0 },
  // Below 800 px the sheet and the pane do not both fit (the sheet was squeezed to 0 px): one at a time,
  // chosen with the switch, both kept mounted so neither loses its state.
  switch: { display: 'none', [NARROW]: { display: 'flex', flexShrink: 0, padding: '0 12px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` } },
  narrowHidden: { [NARROW]: { display: 'none' } },
  narrowWhole: { [NARROW]: { width: 'auto', flexGrow: 1, flexShrink: 1, minWidth: 0, borderLeft: 'none' } },
  notice: { flexShrink: 0 },
  tabs: { overflowX: 'auto', flexShrink: 0, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  where: { padding: '2px 12px', minHeight: '20px', color: tokens.colorNeutralForeground2 },
  pane: { width: '380px', flexShrink: 0, overflowY: 'auto', borderLeft: `1px solid ${tokens.colorNeutralStroke2}` },
  empty: {
    margin: '24px',
    padding: '48px 24px',
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    alignItems: 'center',
    justifyContent: 'center',
    textAlign: 'center',
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  dragging: { backgroundColor: tokens.colorBrandBackground2 },
  hint: { padding: '12px' },
});

/**
 * The standalone page: the real pane beside a read-only view of an .xlsx held in memory. Files are
 * opened with a picker, by drag and drop, or from the bundled sample; 保存 downloads the changed copy.
 */
/**
 * `today` is the computer's date or the page's ?today= (`todayGiven`). A workbook with a 示例日期 in its 设置
 * (the bundled sample) is seen on that day unless ?today= says otherwise, so its overdue items and birthday
 * are the same whenever it is opened, as the command line does (src/cli/today.ts).
 */
export function StandaloneApp({ lang, today, todayGiven = false, loadSample }: { lang: Lang; today: IsoDate; todayGiven?: boolean; loadSample: boolean }) {
  const styles = useStyles();
  const s = useStandalone({ lang, loadSample, readSample: fetchSample });
  const { doc } = s;
  const { showCheck } = s;
  const onChecked = useCallback((c: Checked) => showCheck(marksOf(c.core.markOps(c.check, lang))), [showCheck, lang]);
  // The sample opens checked (its findings listed and drawn on the sheet); a teacher's own file waits for her 检查花名册.
  const pane = useMemo(
    () =>
      doc && (
        <Pane
          key={doc.id}
          port={doc.port}
          lang={lang}
          today={workbookToday(doc.settings, today, todayGiven ? today : null)}
          dayFromWorkbook={!todayGiven}
          standalone
          checkOnOpen={doc.sample}
          sample={doc.sample}
          onChecked={onChecked}
        />
      ),
    [doc, lang, today, todayGiven, onChecked],
  );
  const [shown, setShown] = useState<'sheet' | 'pane'>('pane');
  // A cell the pane goes to (定位) is shown: on a narrow page that means the sheet (set while rendering,
  // as React advises for state that follows a prop, rather than in an effect).
  const [located, setLocated] = useState(s.highlight);
  if (s.highlight !== located) {
    setLocated(s.highlight);
    if (s.highlight) setShown('sheet');
  }
  return (
    <div
      className={styles.page}
      onDragOver={(e) => {
        e.preventDefault();
        s.setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) s.setDragging(false);
      }}
      onDrop={s.onDrop}
    >
      <TopBar s={s} lang={lang} />
      {s.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{s.error}</MessageBarBody>
        </MessageBar>
      )}
      {s.saved && !s.error && (
        <MessageBar intent="success" layout="multiline" data-testid="saved-notice">
          <MessageBarBody>{s.saved}</MessageBarBody>
        </MessageBar>
      )}
      <ReplaceDialog lang={lang} pending={s.pending} name={s.doc?.name ?? ''} answer={s.answer} />
      <nav className={styles.switch}>
        <TabList size="small" selectedValue={shown} onTabSelect={(_, d) => setShown(d.value === 'sheet' ? 'sheet' : 'pane')} aria-label={t(lang, 'ui.standalone.show')}>
          <Tab value="pane">{t(lang, 'ui.standalone.showPane')}</Tab>
          <Tab value="sheet">{t(lang, 'ui.standalone.showSheet')}</Tab>
        </TabList>
      </nav>
      {/* One main landmark that stays when a narrow page shows only the sheet or only the pane; each is a named region. */}
      <main className={styles.body}>
        <WorkbookView s={s} lang={lang} className={mergeClasses(shown === 'pane' && styles.narrowHidden)} />
        <section className={mergeClasses(styles.pane, styles.narrowWhole, shown === 'sheet' && styles.narrowHidden)} aria-label={t(lang, 'ui.standalone.paneLabel')}>
          {pane ?? (
            <Text as="p" className={styles.hint}>
              {t(lang, 'ui.standalone.paneHint')}
            </Text>
          )}
        </section>
      </main>
    </div>
  );
}

/** What the picker offers: the workbooks edited in place, and the formats read into a new .xlsx. */
const ACCEPTED_FILES = [
  '.xlsx',
  '.xlsm',
  '.xls',
  '.et',
  '.ods',
  '.csv',
  '.txt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel.sheet.macroEnabled.12',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/csv',
].join(',');

/** The page's title, open / sample / save, the open file's name, and the privacy line. */
function TopBar({ s, lang }: { s: StandaloneState; lang: Lang }) {
  const styles = useStyles();
  const picker = useRef<HTMLInputElement>(null);
  return (
    <header className={styles.bar}>
      <Text as="h1" size={500} weight="semibold" className={styles.title}>
        {t(lang, 'app.name')}
      </Text>
      <Button disabled={s.loading} onClick={() => s.guard('open', () => picker.current?.click())}>
        {t(lang, 'ui.standalone.open')}
      </Button>
      <input
        ref={picker}
        type="file"
        hidden
        accept={ACCEPTED_FILES}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void s.openLocal(f);
        }}
      />
      <Button disabled={s.loading} onClick={() => s.guard('sample', () => void s.openSample())}>
        {t(lang, 'ui.standalone.sample')}
      </Button>
      <Button appearance="primary" disabled={!s.doc || s.loading} onClick={s.save}>
        {t(lang, 'ui.standalone.save')}
      </Button>
      {s.doc && (
        <Text className={styles.fileName} data-testid="file-name">
          {s.doc.name}
        </Text>
      )}
      {s.dirty && (
        <Text size={200} weight="semibold" className={styles.unsaved} data-testid="unsaved" role="status" title={t(lang, 'standalone.unsaved.badgeLabel')}>
          {t(lang, 'standalone.unsaved.badge')}
          <span className={styles.visuallyHidden}>{t(lang, 'standalone.unsaved.badgeLabel')}</span>
        </Text>
      )}
      {s.loading && <Spinner size="tiny" label={t(lang, 'ui.standalone.opening')} />}
      <span className={styles.spacer} />
      <Text size={200} className={styles.fileName}>
        {t(lang, 'ui.standalone.private')}
      </Text>
    </header>
  );
}

/** The sheet tabs, the chosen cell and the grid; before a file is open, where to drop one. */
function WorkbookView({ s, lang, className }: { s: StandaloneState; lang: Lang; className?: string }) {
  const styles = useStyles();
  const { snapshot, sheet, highlight } = s;
  return (
    <section className={mergeClasses(styles.book, className)} aria-label={t(lang, 'ui.standalone.workbook')}>
      {s.doc?.notice && !s.error && (
        <MessageBar intent="info" layout="multiline" className={styles.notice} data-testid="format-notice">
          <MessageBarBody>{s.doc.notice}</MessageBarBody>
        </MessageBar>
      )}
      {snapshot && sheet ? (
        <>
          {/* Scrolls sideways when the sheets outnumber the width, as Excel's own tab strip does. */}
          <div className={styles.tabs} data-scrolls-sideways>
            <TabList size="small" selectedValue={s.active ?? undefined} onTabSelect={(_, d) => s.setActive(String(d.value))} aria-label={t(lang, 'ui.standalone.sheets')}>
              {/* Hidden and very hidden sheets get no tab, as in Excel (结对帮扶's bookkeeping, a school's own hidden lists);
                  one the pane or a link goes to is shown, marked hidden. */}
              {snapshot.sheets
                .filter((x) => x.visible !== false || x.name === s.active)
                .map((x) => (
                  <Tab key={x.name} value={x.name}>
                    {x.visible === false ? t(lang, 'standalone.sheet.hidden', { sheetName: x.name }) : x.name}
                  </Tab>
                ))}
            </TabList>
          </div>
          <Text className={styles.where} aria-live="polite" data-testid="selected-cell">
            {s.where && highlight ? t(lang, 'ui.standalone.selected', { sheetName: highlight.sheet, cell: s.where }) : ''}
          </Text>
          <SheetGrid
            key={`${s.doc?.id}:${sheet.name}`}
            sheet={sheet}
            look={s.look}
            lang={lang}
            onFollow={s.follow}
            label={t(lang, 'ui.standalone.gridLabel', { sheet: sheet.name })}
            cornerLabel={t(lang, 'ui.standalone.corner')}
            highlight={highlight && highlight.sheet === sheet.name ? highlight : null}
          />
        </>
      ) : (
        <div className={mergeClasses(styles.empty, s.dragging && styles.dragging)}>
          <Text as="h2" size={500} weight="semibold">
            {t(lang, 'ui.standalone.emptyTitle')}
          </Text>
          <Text>{t(lang, 'ui.standalone.emptyHint')}</Text>
        </div>
      )}
    </section>
  );
}

function keyed(key: string): Error & { key: string } {
  return Object.assign(new Error(key), { key });
}
