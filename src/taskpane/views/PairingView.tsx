import { Button, Text } from '@fluentui/react-components';
import { t, type Lang } from '../../core/i18n';
import './messages';
import type { ViewProps } from '../views';
import { useViewStyles } from './styles';
import { usePairing, type PairingAnalysed } from './usePairing';
import { WritePreview } from './WritePreview';

const UNPAIRED_SHOWN = 30;

type PairingStats = PairingAnalysed['pairing']['stats'];

/**
 * 结对: coverage, mentor loads and who is left unpaired (and why), from a fresh read; "生成结对" previews
 * the pairs added, changed and removed (and the 帮扶人员 template when missing) before writing them.
 */
export default function PairingView(props: ViewProps) {
  const { port, lang, operation } = props;
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
      <WritePreview change={pending} port={port} lang={lang} operation={operation} onClose={closePreview} />
      {state && s && (
        <>
          <PairingCoverage s={s} state={state} lang={lang} />
          <MentorLoads s={s} lang={lang} />
          {s.unpaired.length > 0 && <UnpairedList s={s} lang={lang} />}
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
    <section className={styles.section} aria-labelledby="pairing-loads">
      <Text as="h2" id="pairing-loads" weight="semibold">
        {t(lang, 'views.pairing.loads')}
      </Text>
      {s.loads.length === 0 ? (
        <Text>{t(lang, 'views.pairing.noMentors')}</Text>
      ) : (
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
      )}
    </section>
  );
}

/** The children left without a role's mentor, and why. */
function UnpairedList({ s, lang }: { s: PairingStats; lang: Lang }) {
  const styles = useViewStyles();
  return (
    <section className={styles.section} aria-labelledby="pairing-unpaired">
      <Text as="h2" id="pairing-unpaired" weight="semibold">
        {t(lang, 'views.pairing.unpaired', { count: s.unpaired.length })}
      </Text>
      <ul className={styles.list}>
        {s.unpaired.slice(0, UNPAIRED_SHOWN).map((u, i) => (
          <li key={i}>
            <Text>
              {t(lang, 'views.pairing.unpairedItem', {
                child: u.name,
                class: u.classLabel || t(lang, 'views.entry.noClass'),
                role: t(lang, `pairing.role.${u.role}`),
                reason: t(lang, `pairing.unpaired.${u.reason}`),
              })}
            </Text>
          </li>
        ))}
      </ul>
      {s.unpaired.length > UNPAIRED_SHOWN && <Text size={200}>{t(lang, 'views.pairing.unpairedMore', { count: s.unpaired.length - UNPAIRED_SHOWN })}</Text>}
    </section>
  );
}
