import { useMemo, useState } from 'react';
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { columnLetter } from '../core/cells';
import { t, type Lang } from '../core/i18n';
import { FIELD_KEYS, type FieldKey, type MappingOverride } from '../core/roster/types';
import { isAddinSheet } from '../core/sheets';
import type { Checked } from './Pane';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '8px', paddingLeft: '8px', borderLeft: `2px solid ${tokens.colorNeutralStroke2}` },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: '8px' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

type Columns = Partial<Record<FieldKey, number | null>>;

/**
 * The sheet and column mapping the check found, editable: one select per field listing the sheet's
 * header columns. Saving writes only the fields the user has corrected (now or before) to 设置, so a
 * column the teacher inserts later is still found by detection for every other field.
 */
export function MappingEditor({ checked, lang, busy, onSave, onSheet }: {
  checked: Checked; lang: Lang; busy: boolean;
  onSave: (override: MappingOverride) => unknown; onSheet: (sheet: string) => void;
}) {
  const styles = useStyles();
  const { layout } = checked.check;
  const [open, setOpen] = useState(false);
  const [edits, setEdits] = useState<Columns>({});
  const sheets = useMemo(() => checked.snapshot.sheets.filter((s) => s.visible !== false && !isAddinSheet(s.name)).map((s) => s.name), [checked]);
  const current = (field: FieldKey): number | null => (field in edits ? edits[field] ?? null : layout.columns[field] ?? null);
  const mapped = FIELD_KEYS.filter((f) => layout.columns[f] !== undefined).length;
  const changed = Object.keys(edits).length > 0;

  const save = () => {
    const earlier = checked.saved && (!checked.saved.sheet || checked.saved.sheet === layout.sheet) ? checked.saved.columns ?? {} : {};
    onSave({ sheet: layout.sheet, columns: { ...earlier, ...edits } });
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
          <Field label={t(lang, 'ui.mapping.sheet')}>
            <Select value={layout.sheet} disabled={busy} onChange={(_, d) => onSheet(d.value)}>
              {sheets.map((name) => <option key={name} value={name}>{name}</option>)}
            </Select>
          </Field>
          <div className={styles.fields}>
            {FIELD_KEYS.map((field) => (
              <Field key={field} label={checked.core.fieldLabel(field, lang)}>
                <Select value={String(current(field) ?? '')} disabled={busy}
                  onChange={(_, d) => setEdits({ ...edits, [field]: d.value === '' ? null : Number(d.value) })}>
                  <option value="">{t(lang, 'ui.mapping.none')}</option>
                  {layout.headers.map((h) => <option key={h.col} value={String(h.col)}>{`${columnLetter(h.col)} · ${h.text}`}</option>)}
                </Select>
              </Field>
            ))}
          </div>
          {layout.unmapped.length > 0 && (
            <Text size={200}>{t(lang, 'ui.mapping.unmapped', { columns: layout.unmapped.map((u) => `${columnLetter(u.col)} ${u.text}`).join('、') })}</Text>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy || !changed} onClick={save}>{t(lang, 'ui.mapping.save')}</Button>
            <Button disabled={busy || !changed} onClick={() => setEdits({})}>{t(lang, 'ui.mapping.reset')}</Button>
          </div>
        </div>
      )}
    </section>
  );
}
