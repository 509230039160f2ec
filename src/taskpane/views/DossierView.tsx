import { useMemo } from 'react';
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import type { CardChild, CardSettings } from '../../core/cards';
import { registerMessages, t, type Lang } from '../../core/i18n';
import { cards } from '../../core/i18n/messages/cards';
import './messages';
import type { ViewProps } from '../views';
import { DossierPrint, printText } from './DossierPrint';
import { useViewStyles } from './styles';
import { useDossier, type DossierPeriodKind, type DossierState } from './useDossier';
import { WritePreview } from './WritePreview';
import { OperationStatus } from '../StatusArea';
import { HeadedSection } from './HeadedSection';

// The view's own text comes with its chunk (the computing core registers every catalogue, but later).
registerMessages(cards);

const PERIOD_KINDS: readonly DossierPeriodKind[] = ['all', 'month', 'term', 'year', 'custom'];

/**
 * 档案: find a child by name (the class beside each name tells namesakes apart), see their 联系卡 and
 * 成长记录 as the sheets print them, print either through the browser, or go to the child's roster row;
 * print a class's cards or records in one step, or write the two sheets into the workbook on demand.
 */
export default function DossierView(props: ViewProps) {
  const { port, lang, operation } = props;
  const styles = useViewStyles();
  const s = useDossier(props);
  const settings = useMemo(() => (s.loaded ? s.loaded.core.readCardSettings(s.loaded.snapshot, s.loaded.core.SCHOOL_NAME_SETTING) : null), [s.loaded]);
  return (
    <div className={styles.box} data-testid="dossier-view">
      <Text>{t(lang, 'views.dossier.intro')}</Text>
      <ChildSearch s={s} lang={lang} />
      <PeriodPicker s={s} lang={lang} />
      {s.child && s.loaded && settings && <ChildFile s={s} child={s.child} settings={settings} lang={lang} />}
      <ClassSection s={s} lang={lang} />
      <WritePreview change={s.pending} port={port} lang={lang} operation={operation} origin="dossier" onClose={s.closePreview} />
      {s.job && s.loaded && settings && s.files && <DossierPrint job={s.job} lang={lang} settings={settings} entries={s.files.entries} core={s.loaded.core} />}
    </div>
  );
}

/** A name typed, the children it matches with their class, one click to open a child's file. */
function ChildSearch({ s, lang }: { s: DossierState; lang: Lang }) {
  const styles = useViewStyles();
  return (
    <section className={styles.section} aria-labelledby="dossier-search">
      <Field label={<span id="dossier-search">{t(lang, 'views.dossier.search')}</span>}>
        <Input value={s.query} onChange={(_, d) => s.setQuery(d.value)} placeholder={t(lang, 'views.dossier.searchHint')} disabled={!s.loaded} />
      </Field>
      {s.query.trim() !== '' && s.matches.length === 0 && <Text className={styles.muted}>{t(lang, 'views.dossier.noMatch')}</Text>}
      {s.matches.length > 0 && (
        <ul className={styles.plainList} aria-label={t(lang, 'views.dossier.matches')}>
          {s.matches.map((c) => (
            <li key={c.index}>
              <Button appearance="subtle" onClick={() => s.pick(c)}>
                {t(lang, 'views.dossier.match', { name: c.name, className: c.classLabel ?? t(lang, 'views.entry.noClass') })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The records' period: every entry, this month, term or school year, or two dates. */
function PeriodPicker({ s, lang }: { s: DossierState; lang: Lang }) {
  const styles = useViewStyles();
  return (
    <section className={styles.section}>
      <Field label={t(lang, 'views.dossier.period')} validationMessage={s.periodError ? t(lang, s.periodError.key, s.periodError.params) : undefined}>
        <Select value={s.periodKind} onChange={(_, d) => s.setPeriodKind(d.value as DossierPeriodKind)}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(lang, k === 'all' ? 'views.dossier.period.all' : `views.summary.period.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      {s.periodKind === 'custom' && (
        <div className={styles.row}>
          <Field label={t(lang, 'views.summary.from')}>
            <Input type="date" value={s.from} onChange={(_, d) => s.setFrom(d.value)} />
          </Field>
          <Field label={t(lang, 'views.summary.to')}>
            <Input type="date" value={s.to} onChange={(_, d) => s.setTo(d.value)} />
          </Field>
        </div>
      )}
    </section>
  );
}

/** The chosen child: actions, the card as label–value pairs, the record line by line. */
function ChildFile({ s, child, settings, lang }: { s: DossierState; child: CardChild; settings: CardSettings; lang: Lang }) {
  const styles = useViewStyles();
  const { core } = s.loaded!;
  const [, ...rows] = core.cardRows(child, lang, settings);
  const pairs = rows.flatMap((r) => [
    [r[0], r[1]],
    [r[2], r[3]],
  ]);
  const entries = s.files?.entries.get(child.index) ?? [];
  return (
    <HeadedSection
      id="dossier-child"
      title={t(lang, 'views.dossier.match', { name: child.name, className: child.classLabel ?? t(lang, 'views.entry.noClass') })}
      data-testid="dossier-child"
    >
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => s.print('cards', [child])}>
          {t(lang, 'views.dossier.printCard')}
        </Button>
        <Button onClick={() => s.print('records', [child])}>{t(lang, 'views.dossier.printRecord')}</Button>
        <Button onClick={() => s.goToRows(child)}>{t(lang, 'views.dossier.goToRows')}</Button>
      </div>
      <Text as="h3" weight="semibold">
        {t(lang, 'views.dossier.card')}
      </Text>
      <dl className={styles.figures} data-testid="dossier-card">
        {pairs
          .filter(([label]) => printText(label) !== '')
          .map(([label, value], i) => (
            <div key={i} style={{ display: 'contents' }}>
              <dt className={styles.term}>{printText(label)}</dt>
              <dd className={styles.value}>{printText(value)}</dd>
            </div>
          ))}
      </dl>
      <Text as="h3" weight="semibold">
        {t(lang, 'views.dossier.record', { count: entries.length })}
      </Text>
      {entries.length === 0 ? (
        <Text className={styles.muted}>{t(lang, 'records.none')}</Text>
      ) : (
        <ul className={styles.plainList} data-testid="dossier-record">
          {entries.map((e, i) => (
            <li key={i} className={styles.item}>
              <Text size={200} className={styles.muted}>
                {[e.date, e.kind, e.recorder].filter(Boolean).join(' · ')}
              </Text>
              <Text>{e.content}</Text>
            </li>
          ))}
        </ul>
      )}
    </HeadedSection>
  );
}

/** A class (or the whole school): print its cards or records in one step, or write both sheets. */
function ClassSection({ s, lang }: { s: DossierState; lang: Lang }) {
  const styles = useViewStyles();
  const chosen = s.files?.chosen ?? [];
  return (
    <HeadedSection id="dossier-class" title={t(lang, 'views.dossier.classTitle')}>
      <Field label={t(lang, 'views.dossier.class')}>
        <Select value={s.className} onChange={(_, d) => s.setClassName(d.value)} disabled={!s.loaded}>
          <option value="">{t(lang, 'views.dossier.wholeSchool')}</option>
          {s.classes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button disabled={chosen.length === 0} onClick={() => s.print('cards', chosen)}>
          {t(lang, 'views.dossier.printCards', { count: chosen.length })}
        </Button>
        <Button disabled={chosen.length === 0} onClick={() => s.print('records', chosen)}>
          {t(lang, 'views.dossier.printRecords', { count: chosen.length })}
        </Button>
        <Button disabled={s.busy || chosen.length === 0} onClick={() => void s.proposeWrite()}>
          {t(lang, 'views.dossier.write')}
        </Button>
      </div>
      <OperationStatus origin="dossier-class" />
      <Text size={200} className={styles.muted}>
        {t(lang, 'views.dossier.writeNote')}
      </Text>
    </HeadedSection>
  );
}
