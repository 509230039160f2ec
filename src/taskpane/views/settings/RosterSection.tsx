import { useState } from 'react';
import { Button, Checkbox, Text } from '@fluentui/react-components';
import { t, type Lang } from '../../../core/i18n';
import { isAddinSheet } from '../../../core/sheets';
import { MappingEditor } from '../../MappingEditor';
import type { Checked } from '../../Pane';
import { useViewStyles } from '../styles';
import type { SettingsData, SettingsState } from '../useSettings';
import { Fold, type Folds } from './Fold';
import { OperationStatus } from '../../StatusArea';
import type { StatusOrigin } from '../../statusPlaces';

/**
 * Which sheets are the roster and what each column holds: the check tab's mapping editor, open. Before a
 * check has found a roster (none found, or not checked yet) the teacher ticks the sheets to read.
 */
export function RosterSection({
  s,
  data,
  lang,
  checked,
  onCheck,
  folds,
}: {
  s: SettingsState;
  data: SettingsData;
  lang: Lang;
  checked: Checked | null;
  onCheck: (sheets?: readonly string[], origin?: StatusOrigin) => Promise<unknown>;
  folds: Folds;
}) {
  return (
    <Fold id="roster" title={t(lang, 'settings.section.roster')} folds={folds}>
      <Text size={200}>{t(lang, 'settings.roster.intro')}</Text>
      {checked ? (
        <MappingEditor
          checked={checked}
          lang={lang}
          busy={s.busy}
          onSave={(o) => void s.proposeMapping(o)}
          onSheets={(sheets) => void onCheck(sheets, 'settings-roster')}
          defaultOpen
        />
      ) : (
        <SheetPicker data={data} lang={lang} busy={s.busy} onCheck={(sheets) => onCheck(sheets, 'settings-roster')} />
      )}
      <OperationStatus origin="settings-roster" />
    </Fold>
  );
}

/** The workbook's own sheets with a tick each; reading the ticked ones is a check with exactly those sheets. */
function SheetPicker({ data, lang, busy, onCheck }: { data: SettingsData; lang: Lang; busy: boolean; onCheck: (sheets?: readonly string[]) => Promise<unknown> }) {
  const styles = useViewStyles();
  const sheets = data.snapshot.sheets.filter((x) => x.visible !== false && !isAddinSheet(x.name)).map((x) => x.name);
  const [ticked, setTicked] = useState<readonly string[]>([]);
  if (sheets.length === 0) return <Text>{t(lang, 'settings.roster.noSheets')}</Text>;
  return (
    <>
      <fieldset className={styles.plainList} style={{ border: 'none', margin: 0, padding: 0, minWidth: 0 }}>
        <legend>
          <Text size={300}>{t(lang, 'settings.roster.pick')}</Text>
        </legend>
        {sheets.map((name) => (
          <Checkbox
            key={name}
            label={name}
            checked={ticked.includes(name)}
            disabled={busy}
            onChange={(_, d) => setTicked(d.checked ? sheets.filter((x) => x === name || ticked.includes(x)) : ticked.filter((x) => x !== name))}
          />
        ))}
      </fieldset>
      <div className={styles.row}>
        <Button disabled={busy || ticked.length === 0} onClick={() => void onCheck(ticked)}>
          {t(lang, 'settings.roster.use')}
        </Button>
      </div>
    </>
  );
}
