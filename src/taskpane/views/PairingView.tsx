import { Button, Text } from '@fluentui/react-components';
import { t, type Lang } from '../../core/i18n';
import './messages';
import type { ViewProps } from '../views';
import { unpairedLines } from './pairingLogic';
import { useViewStyles } from './styles';
import { usePairing, type PairingAnalysed } from './usePairing';
import { WritePreview } from './WritePreview';

type PairingStats = PairingAnalysed['pairing']['stats'];

/**
 * 结对: coverage, mentor loads and who is left unpaired (and why, one line per reason), from a fresh read; with
 * nobody on 帮扶人员, one guide line that opens 设置's mentor form instead. "生成结对" previews
 * the pairs added, changed and removed (and the 帮扶人员 template when missing) before writing them.
 */
export default function PairingView(props: ViewProps) {
  const { port, lang, operation, openSettings } = props;
  const styles = useViewStyles();
  const { state, pending, busy, refresh, generate, closePreview } = usePairing(props);
  const s = state?.pairing.stats;
  return (
    <div className={styles.box}>
      <Text>{t(lang, 'views.pairing.intro')}</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void generate()}>
          {t(lang, 'views.pairing.generate')}
        </Button>
        <Button disabled={busy} onClick={() => void refresh()}>
          {t(lang, 'views.action.refresh')}
        </Button>
      </div>
      <WritePreview change={pending} port={port} lang={lang} operation={operation} origin="pairing" onClose={closePreview} />
      {state && s && (
        <>
          <PairingCoverage s={s} state={state} lang={lang} />
          {s.loads.length === 0 ? (
            <MentorsGuide s={s} lang={lang} onFill={openSettings ? () => openSettings('mentors') : undefined} />
          ) : (
            <>
              <MentorLoads s={s} lang={lang} />
              {s.unpaired.length > 0 && <UnpairedList s={s} lang={lang} />}
            </>
          )}
          {state.pairing.findings.length > 0 && <Text size={200}>{t(lang, 'views.pairing.findings', { count: state.pairing.findings.length })}</Text>}
        </>
      )}
    </div>
  );
}

/** How many children have a teacher, a study buddy, and (key focus) a proxy parent. */
function PairingCoverage({ s, state, lang }: { s: PairingStats; state: PairingAnalysed; lang: Lang }) {
  const styles = useViewStyles();
  const share = (part: number, whole: number) => state.core.formatShare(state.core.share(part, whole));
  return (
    <section className={styles.section} aria-labelledby="pairing-coverage" data-testid="pairing-coverage">
      <Text as="h2" id="pairing-coverage" weight="semibold">
        {t(lang, 'views.pairing.coverage')}
      </Text>
      <ul className={styles.list}>
        <li>
          <Text>{t(lang, 'views.pairing.children', { count: s.children, keyFocus: s.keyFocus })}</Text>
        </li>
        <li>
          <Text>{t(lang, 'views.pairing.withTeacher', { count: s.withTeacher, total: s.children, share: share(s.withTeacher, s.children) })}</Text>
        </li>
        <li>
          <Text>{t(lang, 'views.pairing.withBuddy', { count: s.withBuddy, total: s.children, share: share(s.withBuddy, s.children) })}</Text>
        </li>
        <li>
          <Text>{t(lang, 'views.pairing.withProxy', { count: s.keyFocusWithProxy, total: s.keyFocus, share: share(s.keyFocusWithProxy, s.keyFocus) })}</Text>
        </li>
      </ul>
    </section>
  );
}

/** Each mentor's load against their capacity, as a table. */
function MentorLoads({ s, lang }: { s: PairingStats; lang: Lang }) {
  const styles = useViewStyles();
  return (
    <section className={styles.section} aria-labelledby="pairing-loads" data-testid="pairing-loads">
      <Text as="h2" id="pairing-loads" weight="semibold">
        {t(lang, 'views.pairing.loads')}
      </Text>
      <table className={styles.table} aria-labelledby="pairing-loads">
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              {t(lang, 'views.pairing.col.name')}
            </th>
            <th scope="col" className={styles.cell}>
              {t(lang, 'views.pairing.col.kind')}
            </th>
            <th scope="col" className={styles.num}>
              {t(lang, 'views.pairing.col.load')}
            </th>
          </tr>
        </thead>
        <tbody>
          {s.loads.map((m) => (
            <tr key={m.name}>
              <td className={styles.cell}>{m.name}</td>
              <td className={styles.cell}>{m.kind}</td>
              <td className={styles.num}>{t(lang, 'views.pairing.loadValue', { load: m.load, capacity: m.capacity })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** With nobody on 帮扶人员 every child is unpaired for the same reason: one line says what to fill, and where. */
function MentorsGuide({ s, lang, onFill }: { s: PairingStats; lang: Lang; onFill: (() => void) | undefined }) {
  const styles = useViewStyles();
  return (
    <section className={styles.section} aria-labelledby="pairing-loads" data-testid="pairing-mentors-guide">
      <Text as="h2" id="pairing-loads" weight="semibold">
        {t(lang, 'views.pairing.loads')}
      </Text>
      <Text>{t(lang, 'views.pairing.mentorsGuide', { count: s.children })}</Text>
      {onFill && (
        <div className={styles.row}>
          <Button onClick={onFill}>{t(lang, 'views.pairing.fillMentors')}</Button>
        </div>
      )}
    </section>
  );
}

/** The children left without a role's mentor: one line per role and reason, with how many children and their classes. */
function UnpairedList({ s, lang }: { s: PairingStats; lang: Lang }) {
  const styles = useViewStyles();
  return (
    <section className={styles.section} aria-labelledby="pairing-unpaired" data-testid="pairing-unpaired">
      <Text as="h2" id="pairing-unpaired" weight="semibold">
        {t(lang, 'views.pairing.unpaired', { count: s.unpaired.length })}
      </Text>
      <ul className={styles.list}>
        {unpairedLines(lang, s.unpaired).map((line, i) => (
          <li key={i}>
            <Text>{line}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
