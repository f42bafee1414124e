import { CONTACT_FIELD_NAMES, type FieldChange } from '../../../domain/contact-event';
import { t } from '../../../domain/i18n';

/** A value as the dry run quotes it; notes can run to pages. */
function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 60).trimEnd()}…` : oneLine;
}

/** "phone +1 415 555 0100 → +1 415 555 0199; tags added vip; company removed (was Navy)". */
export function describeChanges(changes: readonly FieldChange[]): string {
  return changes
    .map((change) => {
      const field = CONTACT_FIELD_NAMES[change.field];
      if (change.before === undefined) return t('contacts_change_added', field, shown(change.after ?? ''));
      if (change.after === undefined) return t('contacts_change_removed', field, shown(change.before));
      return t('contacts_change_changed', field, shown(change.before), shown(change.after));
    })
    .join('; ');
}
