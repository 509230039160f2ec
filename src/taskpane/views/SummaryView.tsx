import { useRef } from 'react';
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { t, type Lang } from '../../core/i18n';
import './messages';
import type { WorkbookPort } from '../../workbook/port';
import type { ViewProps } from '../views';
import type { PeriodKindChoice } from './logic';
import { LifeFigures } from './LifeFigures';
import { useViewStyles } from './styles';
import { useSummary, type SummaryComputed, type SummaryState } from './useSummary';
import { WritePreview } from './WritePreview';
import { OperationStatus } from '../StatusArea';
import { HeadedSection } from './HeadedSection';

type SummaryJson = NonNullable<SummaryComputed['plan']['summary']['json']>;

const PERIODS: readonly PeriodKindChoice[] = ['month', 'term', 'year', 'custom'];

/**
 * 汇总: the headline figures for a period; "更新统计" writes 统计汇总 and 工作报告, "一键更新全部" every
 * maintained sheet (both after a preview). The roll-up of several schools: a download in the standalone
 * page, sheets added to the open workbook in Excel. The de-identified copy: a download in the standalone
 * page, a new workbook in Excel (ExcelApi 1.8; below, a sentence saying where it is made).
 */
export default function SummaryView(props: ViewProps) {
  const { port, lang, operation } = props;
  const styles = useViewStyles();
  const s = useSummary(props);
  const figures = s.data?.plan.summary.json;
  return (
    <div className={styles.box}>
      <PeriodPicker s={s} lang={lang} />
      <div className={styles.row}>
        <Button disabled={s.busy} onClick={() => void s.refresh()}>
          {t(lang, 'views.summary.compute')}
        </Button>
        <Button appearance="primary" disabled={s.busy} onClick={() => void s.updateSummary()}>
          {t(lang, 'views.summary.update')}
        </Button>
        <Button disabled={s.busy} onClick={() => void s.updateAll()}>
          {t(lang, 'views.summary.updateAll')}
        </Button>
      </div>
      <WritePreview change={s.pending} port={port} lang={lang} operation={operation} origin="summary" onClose={s.closePreview} />
      {s.data && figures && <HeadlineFigures data={s.data} j={figures} lang={lang} />}
      {s.data && <LifeFigures f={s.data.plan.life.figures} lang={lang} />}
      <ExportSection s={s} port={port} lang={lang} />
      <RollupSection s={s} lang={lang} />
    </div>
  );
}

/** Month, term, year, or two dates typed. */
function PeriodPicker({ s, lang }: { s: SummaryState; lang: Lang }) {
  const styles = useViewStyles();
  return (
    <>
      {/* A dropdown, as in 档案: four radios side by side wrapped mid-word in a 350 px pane (本/月, 自定/义). */}
      <Field label={t(lang, 'views.summary.period')}>
        <Select value={s.kind} onChange={(_, d) => s.setKind(d.value as PeriodKindChoice)}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(lang, `views.summary.period.${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      {s.kind === 'custom' && (
        <div className={styles.row}>
          <Field label={t(lang, 'views.summary.from')}>
            <Input type="date" value={s.from} onChange={(_, d) => s.setFrom(d.value)} />
          </Field>
          <Field label={t(lang, 'views.summary.to')}>
            <Input type="date" value={s.to} onChange={(_, d) => s.setTo(d.value)} />
          </Field>
        </div>
      )}
    </>
  );
}

/** The period's headline figures as a term–value list. */
function HeadlineFigures({ data, j, lang }: { data: SummaryComputed; j: SummaryJson; lang: Lang }) {
  const styles = useViewStyles();
  const share = (part: number, whole: number) => data.core.formatShare(data.core.share(part, whole));
  const { held } = data.plan.pairing;
  const figure = (key: string, value: string) => (
    <>
      <dt className={styles.term}>{t(lang, key)}</dt>
      <dd className={styles.value}>{value}</dd>
    </>
  );
  return (
    <HeadedSection id="summary-headline" title={t(lang, 'views.summary.headline', { label: data.core.periodLabel(data.plan.summary.period, lang) })} data-testid="summary-figures">
      <dl className={styles.figures}>
        {figure('views.summary.children', String(j.children))}
        {figure('views.summary.talks', String(j.talks))}
        {figure('views.summary.parentCalls', String(j.parentCalls))}
        {figure('views.summary.homeVisits', String(j.homeVisits))}
        {figure('views.summary.talkCoverage', t(lang, 'views.summary.shareValue', { count: j.childrenWithTalk, share: share(j.childrenWithTalk, j.children) }))}
        {/* The pairs 结对帮扶 holds now; what 生成结对 would make only beside it, labelled so (the figures 统计汇总 gets count those). */}
        {figure('views.summary.pairCoverage', t(lang, 'views.summary.shareValue', { count: held.stats.withTeacher, share: share(held.stats.withTeacher, held.stats.children) }))}
        {!held.current &&
          figure('views.summary.pairCoverageAfter', t(lang, 'views.summary.shareValue', { count: j.pairing.withTeacher, share: share(j.pairing.withTeacher, j.children) }))}
        {figure('views.summary.withoutTalk', String(j.childrenWithoutTalk))}
      </dl>
    </HeadedSection>
  );
}

/** The de-identified copy, or a sentence saying where it is made when this Excel cannot open a new workbook. */
function ExportSection({ s, port, lang }: { s: SummaryState; port: WorkbookPort; lang: Lang }) {
  const styles = useViewStyles();
  return (
    <HeadedSection id="summary-export" title={t(lang, 'views.summary.export')}>
      {s.fileHost || port.capabilities().newWorkbook ? (
        <>
          <Text>{t(lang, s.fileHost ? 'views.summary.exportIntro' : 'views.summary.exportIntroExcel')}</Text>
          <div className={styles.row}>
            <Button disabled={s.busy} onClick={() => void s.exportCopy()}>
              {t(lang, 'views.summary.exportButton')}
            </Button>
          </div>
          <OperationStatus origin="summary-export" />
        </>
      ) : (
        <Text>{t(lang, 'views.summary.exportExcel')}</Text>
      )}
    </HeadedSection>
  );
}

/** Several schools' workbooks picked as files, added up. */
function RollupSection({ s, lang }: { s: SummaryState; lang: Lang }) {
  const styles = useViewStyles();
  const picker = useRef<HTMLInputElement>(null);
  return (
    <HeadedSection id="summary-rollup" title={t(lang, 'views.summary.rollup')}>
      <Text>{t(lang, s.fileHost ? 'views.summary.rollupIntro' : 'views.summary.rollupExcel')}</Text>
      <input
        ref={picker}
        type="file"
        hidden
        multiple
        accept=".xlsx,.xlsm,.xls,.et,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet,text/csv"
        data-testid="rollup-files"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void s.rollup(files);
        }}
      />
      <div className={styles.row}>
        <Button disabled={s.busy} onClick={() => picker.current?.click()}>
          {t(lang, 'views.summary.rollupPick')}
        </Button>
      </div>
      <OperationStatus origin="summary-rollup" />
    </HeadedSection>
  );
}
