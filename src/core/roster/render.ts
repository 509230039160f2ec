/** Finding text in the user's language. The roster messages are registered through i18n/all. */
import '../i18n/all';
import { t, type Lang } from '../i18n';
import type { Finding, FieldKey, RuleId } from './types';

/** A field's label as the roster header would say it: 'guardianPhone' -> 监护人电话 / Guardian's phone. */
export function fieldLabel(field: FieldKey, lang: Lang): string {
  return t(lang, `roster.field.${field}`);
}

export function ruleLabel(rule: RuleId, lang: Lang): string {
  return t(lang, `roster.rule.${rule}`);
}

export { severityLabel } from '../severity';

/** The message of a finding, with `{field}` filled by the field's label in the same language. */
export function renderFinding(f: Finding, lang: Lang): string {
  const field = f.field ? fieldLabel(f.field, lang) : '';
  return t(lang, f.messageKey, { field, ...f.params });
}
