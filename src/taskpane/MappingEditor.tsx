import { useMemo, useState } from 'react';
import { Button, Checkbox, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { columnLetter } from '../core/cells';
import { t, type Lang } from '../core/i18n';
import { FIELD_KEYS, type FieldKey, type MappingOverride } from '../core/roster/types';
import { isAddinSheet } from '../core/sheets';
import type { Checked } from './Pane';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '8px', paddingLeft: '8px', borderLeft: `2px solid ${tokens.colorNeutralStroke2}` },
  // One column in a 350 px pane (two 150 px columns were clipped there), two where there is room.
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 220px), 1fr))', gap: '8px' },
  sheets: { display: 'flex', flexDirection: 'column', gap: '0px', margin: 0, padding: 0, border: 'none', minWidth: 0 },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

type Columns = Partial<Record<FieldKey, number | null>>;

/**
 * The sheets and column mapping the check found, editable: a tick per sheet (a roster may be one sheet
 * per class; the teacher adds or removes one), one select per field listing the first sheet's header
 * columns. Saving writes the sheets by name and only the fields the user has corrected (now or before)
 * to 设置, each with its header text, so a column the teacher inserts later is still found.
 */
export function MappingEditor({
  checked,
  lang,
  busy,
  onSave,
  onSheets,
  defaultOpen = false,
}: {
  checked: Checked;
  lang: Lang;
  busy: boolean;
  onSave: (override: MappingOverride) => unknown;
  onSheets: (sheets: readonly string[]) => void;
  /** Open from the start (the 设置 screen, where the mapping is what the teacher came for). */
  defaultOpen?: boolean;
}) {
  const styles = useStyles();
  const { layout } = checked.check;
  const [open, setOpen] = useState(defaultOpen);
  const [edits, setEdits] = useState<Columns>({});
  const sheets = useMemo(() => checked.snapshot.sheets.filter((s) => s.visible !== false && !isAddinSheet(s.name)).map((s) => s.name), [checked]);
  const current = (field: FieldKey): number | null => (field in edits ? (edits[field] ?? null) : (layout.columns[field] ?? null));
  const mapped = FIELD_KEYS.filter((f) => layout.columns[f] !== undefined).length;
  const read = checked.check.layouts.map((l) => l.sheet);
  const changed = Object.keys(edits).length > 0 || checked.chosen !== undefined;
  // Tick or untick a sheet: checked again at once with the new list (never an empty one).
  const toggle = (name: string, on: boolean) => {
    const next = on ? sheets.filter((s) => s === name || read.includes(s)) : read.filter((s) => s !== name);
    if (next.length > 0) onSheets(next);
  };

  const save = () => {
    const earlier = checked.saved && (!checked.saved.sheet || checked.saved.sheet === layout.sheet) ? (checked.saved.columns ?? {}) : {};
    onSave({ sheet: layout.sheet, ...(read.length > 1 ? { sheets: read } : {}), columns: { ...earlier, ...edits } });
  };

  return (
    <section aria-labelledby="mapping-toggle">
      <Button id="mapping-toggle" appearance="subtle" aria-expanded={open} aria-controls="mapping-box" onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}&nbsp;</span>
        {t(lang, 'ui.mapping.toggle', { mapped, unmapped: layout.unmapped.length })}
      </Button>
      {open && (
        <div id="mapping-box" className={styles.box}>
          {layout.fromSaved && <Text size={200}>{t(lang, 'ui.mapping.fromSaved')}</Text>}
          <fieldset className={styles.sheets}>
            <legend>
              <Text size={300}>{t(lang, 'ui.mapping.sheets')}</Text>
            </legend>
            {sheets.map((name) => (
              <Checkbox
                key={name}
                label={name}
                checked={read.includes(name)}
                disabled={busy || (read.length === 1 && read[0] === name)}
                onChange={(_, d) => toggle(name, Boolean(d.checked))}
              />
            ))}
            <Text size={200}>{t(lang, 'ui.mapping.sheetsHint')}</Text>
          </fieldset>
          <div className={styles.fields}>
            {FIELD_KEYS.map((field) => (
              <Field key={field} label={checked.core.fieldLabel(field, lang)}>
                <Select value={String(current(field) ?? '')} disabled={busy} onChange={(_, d) => setEdits({ ...edits, [field]: d.value === '' ? null : Number(d.value) })}>
                  <option value="">{t(lang, 'ui.mapping.none')}</option>
                  {layout.headers.map((h) => (
                    <option key={h.col} value={String(h.col)}>{`${columnLetter(h.col)} · ${h.text}`}</option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
          {layout.unmapped.length > 0 && (
            <Text size={200}>{t(lang, 'ui.mapping.unmapped', { columns: layout.unmapped.map((u) => `${columnLetter(u.col)} ${u.text}`).join('、') })}</Text>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy || !changed} onClick={save}>
              {t(lang, 'ui.mapping.save')}
            </Button>
            <Button disabled={busy || !changed} onClick={() => setEdits({})}>
              {t(lang, 'ui.mapping.reset')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
