import { Button, Text } from '@fluentui/react-components';
import { t, type Lang } from '../../core/i18n';
import './messages';
import type { ViewProps } from '../views';
import { coverageLines, heldStatus, showsPreview, unpairedLines, type HeldStatus } from './pairingLogic';
import { useViewStyles } from './styles';
import { usePairing, type PairingAnalysed } from './usePairing';
import { WritePreview } from './WritePreview';
import { HeadedSection } from './HeadedSection';

type PairingStats = PairingAnalysed['pairing']['stats'];

const HELD_LINE: Readonly<Record<HeldStatus, string>> = {
  none: 'views.pairing.heldNone',
  unreadable: 'views.pairing.heldUnreadable',
  current: 'views.pairing.heldCurrent',
  differs: 'views.pairing.heldDiffers',
};

/**
 * 结对: the pairs the workbook holds now (or that none are generated yet), then — unless 结对帮扶 already
 * is what generating would write — the coverage, mentor loads and who is left unpaired (one line per reason)
 * labelled as a preview of "生成结对"; with nobody on 帮扶人员, one guide line that opens 设置's mentor form
 * instead. "生成结对" previews the pairs added, changed and removed (and the 帮扶人员 template when missing)
 * before writing them.
 */
export default function PairingView(props: ViewProps) {
  const { port, lang, operation, openSettings } = props;
  const styles = useViewStyles();
  const { state, pending, busy, refresh, generate, closePreview } = usePairing(props);
  const s = state?.pairing.stats;
  const preview = state ? showsPreview(state.pairing.held) : true;
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
          <PairingHeld state={state} lang={lang} />
          {preview && <PairingAfter s={s} state={state} lang={lang} />}
          {s.loads.length === 0 ? (
            <MentorsGuide s={s} lang={lang} onFill={openSettings ? () => openSettings('mentors') : undefined} />
          ) : (
            <>
              <MentorLoads s={s} lang={lang} preview={preview} />
              {s.unpaired.length > 0 && <UnpairedList s={s} lang={lang} preview={preview} />}
            </>
          )}
          {state.pairing.findings.length > 0 && <Text size={200}>{t(lang, 'views.pairing.findings', { count: state.pairing.findings.length })}</Text>}
        </>
      )}
    </div>
  );
}

/** The pairs 结对帮扶 holds now: how many children have a teacher, a study buddy and (key focus) a proxy parent, or that none are generated yet. */
function PairingHeld({ state, lang }: { state: PairingAnalysed; lang: Lang }) {
  const { held } = state.pairing;
  const status = heldStatus(held);
  const share = (part: number, whole: number) => state.core.formatShare(state.core.share(part, whole));
  const lines = status === 'current' || status === 'differs' ? coverageLines(lang, held.stats, 'held', share) : [];
  return (
    <HeadedSection id="pairing-coverage" title={t(lang, 'views.pairing.held')} data-testid="pairing-coverage" data-held={status}>
      <Text>{t(lang, 'views.pairing.children', { count: held.stats.children, keyFocus: held.stats.keyFocus })}</Text>
      {lines.length > 0 && <CoverageList lines={lines} />}
      <Text>{t(lang, HELD_LINE[status])}</Text>
    </HeadedSection>
  );
}

/** What "生成结对" would make, each line saying so: nothing of it is in the workbook yet. */
function PairingAfter({ s, state, lang }: { s: PairingStats; state: PairingAnalysed; lang: Lang }) {
  const share = (part: number, whole: number) => state.core.formatShare(state.core.share(part, whole));
  return (
    <HeadedSection id="pairing-after" title={t(lang, 'views.pairing.after')} data-testid="pairing-after">
      <CoverageList lines={coverageLines(lang, s, 'after', share)} />
    </HeadedSection>
  );
}

function CoverageList({ lines }: { lines: readonly string[] }) {
  const styles = useViewStyles();
  return (
    <ul className={styles.list}>
      {lines.map((line, i) => (
        <li key={i}>
          <Text>{line}</Text>
        </li>
      ))}
    </ul>
  );
}

/** Each mentor's load against their capacity, as a table. */
function MentorLoads({ s, lang, preview }: { s: PairingStats; lang: Lang; preview: boolean }) {
  const styles = useViewStyles();
  return (
    <HeadedSection id="pairing-loads" title={t(lang, preview ? 'views.pairing.loadsAfter' : 'views.pairing.loads')} data-testid="pairing-loads">
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
    </HeadedSection>
  );
}

/** With nobody on 帮扶人员 every child is unpaired for the same reason: one line says what to fill, and where. */
function MentorsGuide({ s, lang, onFill }: { s: PairingStats; lang: Lang; onFill: (() => void) | undefined }) {
  const styles = useViewStyles();
  return (
    <HeadedSection id="pairing-mentors" title={t(lang, 'views.pairing.loads')} data-testid="pairing-mentors-guide">
      <Text>{t(lang, 'views.pairing.mentorsGuide', { count: s.children })}</Text>
      {onFill && (
        <div className={styles.row}>
          <Button onClick={onFill}>{t(lang, 'views.pairing.fillMentors')}</Button>
        </div>
      )}
    </HeadedSection>
  );
}

/** The children left without a role's mentor: one line per role and reason, with how many children and their classes. */
function UnpairedList({ s, lang, preview }: { s: PairingStats; lang: Lang; preview: boolean }) {
  const styles = useViewStyles();
  return (
    <HeadedSection
      id="pairing-unpaired"
      title={t(lang, preview ? 'views.pairing.unpairedAfter' : 'views.pairing.unpaired', { count: s.unpaired.length })}
      data-testid="pairing-unpaired"
    >
      <ul className={styles.list}>
        {unpairedLines(lang, s.unpaired).map((line, i) => (
          <li key={i}>
            <Text>{line}</Text>
          </li>
        ))}
      </ul>
    </HeadedSection>
  );
}
