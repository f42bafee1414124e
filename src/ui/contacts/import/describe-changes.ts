import type { FieldChange } from '../../../domain/contact-event';

const FIELD_NAMES: Readonly<Record<FieldChange['field'], string>> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  company: 'company',
  externalId: 'back-office ID',
  role: 'role',
  address: 'address',
  tags: 'tags',
  notes: 'notes',
};

/** A value as the dry run quotes it; notes can run to pages. */
function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 60).trimEnd()}…` : oneLine;
}

/** "phone +1 415 555 0100 → +1 415 555 0199; tags added vip; company removed (was Navy)". */
export function describeChanges(changes: readonly FieldChange[]): string {
  return changes
    .map((change) => {
      const field = FIELD_NAMES[change.field];
      if (change.before === undefined) return `${field} added ${shown(change.after ?? '')}`;
      if (change.after === undefined) return `${field} removed (was ${shown(change.before)})`;
      return `${field} ${shown(change.before)} → ${shown(change.after)}`;
    })
    .join('; ');
}
