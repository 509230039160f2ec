import { useEffect, useRef } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { registerMessages, t } from '../../core/i18n';
import { settingsScreen } from '../../core/i18n/messages/settingsScreen';
import './messages';
import { useFolds } from './settings/Fold';
import { MentorsSection } from './settings/MentorsSection';
import { RosterSection } from './settings/RosterSection';
import { SettingsFormSection } from './settings/SettingsFormSection';
import { useViewStyles } from './styles';
import { useSettings, type SettingsViewProps } from './useSettings';
import { WritePreview } from './WritePreview';

// The screen's own text arrives with its chunk: its first label shows before the computing core has loaded.
registerMessages(settingsScreen);

/**
 * 设置: the 帮扶人员 form, the school and its term, the contact cadences, the roster's sheets and columns.
 * Each writes its sheet through the port after a preview, and can be undone from the pane. In the
 * standalone page, whose grid is read-only, this is how a teacher without Excel fills what the features need.
 */
export default function SettingsView(props: SettingsViewProps) {
  const { port, lang, operation } = props;
  const styles = useViewStyles();
  const s = useSettings(props);
  // Folded at first but for the mentors (what a new school fills first); a notice about the roster opens its section.
  const folds = useFolds(props.openSection ? ['mentors', props.openSection.id] : ['mentors']);
  useEffect(() => {
    if (props.openSection) folds.open([props.openSection.id]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- each request to open a section, once
  }, [props.openSection]);
  useFocusSection(props.openSection, s.data !== null);
  return (
    <div className={styles.box} data-testid="settings-view">
      <Text as="h2" size={400} weight="semibold">
        {t(lang, 'settings.title')}
      </Text>
      <Text size={200}>{t(lang, 'settings.intro')}</Text>
      <div className={styles.row}>
        <Button size="small" disabled={s.busy} onClick={() => void s.refresh()}>
          {t(lang, 'settings.refresh')}
        </Button>
      </div>
      <WritePreview change={s.pending} port={port} lang={lang} operation={operation} origin="settings" onClose={s.closePreview} />
      {s.data && (
        <>
          <MentorsSection s={s} data={s.data} lang={lang} folds={folds} />
          {/* A new read starts the form afresh from what the sheet holds. */}
          <SettingsFormSection key={JSON.stringify(s.data.form)} s={s} data={s.data} lang={lang} folds={folds} />
          <RosterSection s={s} data={s.data} lang={lang} checked={props.checked} onCheck={props.onCheck} folds={folds} />
        </>
      )}
    </div>
  );
}

/**
 * The section a notice sent the teacher to gets the focus once the screen has read the workbook (its
 * sections are drawn only then): she lands where the notice said, and a screen reader says where that is.
 */
function useFocusSection(section: SettingsViewProps['openSection'], ready: boolean): void {
  const done = useRef<SettingsViewProps['openSection']>(undefined);
  useEffect(() => {
    if (!section || !ready || done.current === section) return;
    done.current = section;
    const summary = document.querySelector<HTMLElement>(`[data-testid="settings-${section.id}"] > summary`);
    summary?.scrollIntoView({ block: 'nearest' });
    summary?.focus();
  }, [section, ready]);
}
