import { z } from 'zod';
import { Contact, CONTACT_TEXT_LIMITS, type ContactRole } from './contact';
import { contactFields, formatAddress, type ContactFieldName, type ContactFields } from './contact-edit';
import { Instant } from './dates';
import { differentInSameBackOffice } from './duplicates';
import { externalKey, externalLabel } from './contact-keys';
import { t, tPlural, type PluralKey } from './i18n';
import { formatCount } from './locale-format';
import { messageTable } from './message-table';

/** The tables whose rows belong to a contact, and so move to the survivor in a merge. */
export const CONTACT_OWNED_TABLES = [
  'purchases',
  'purchaseGroups',
  'notes',
  'contactEvents',
  'buyBacks',
  'storeCredit',
  'purchaseOrders',
] as const;
export type ContactOwnedTable = (typeof CONTACT_OWNED_TABLES)[number];

/**
 * A merge of one contact into another, kept so it can be undone: both contacts as they were
 * before, the survivor as the merge left it, and the ids of the rows that moved from the merged
 * contact to the survivor (for purchaseGroups: the groups one of whose shares moved).
 */
export const ContactMerge = z.object({
  id: z.uuid(),
  createdAt: Instant,
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  survivorBefore: Contact,
  mergedBefore: Contact,
  /** The survivor right after the merge: undo compares it with the survivor now to see later edits. */
  survivorAfter: Contact.optional(),
  moved: z.partialRecord(z.enum(CONTACT_OWNED_TABLES), z.array(z.string())),
  undoneAt: Instant.optional(),
});
export type ContactMerge = z.infer<typeof ContactMerge>;

/** Where a value of the merged contact comes from. */
export type MergeSource = 'survivor' | 'merged' | 'both' | 'none';

/** One line of the preview: a field as each contact has it and as the survivor will. */
export interface MergeFieldPreview {
  field: ContactFieldName | 'externalIds';
  label: string;
  survivor: string;
  merged: string;
  result: string;
  source: MergeSource;
}

export const MERGE_FIELD_LABELS = messageTable<MergeFieldPreview['field']>({
  name: 'domain_merge_field_name',
  company: 'domain_merge_field_company',
  email: 'domain_merge_field_email',
  phone: 'domain_merge_field_phone',
  role: 'domain_merge_field_role',
  address: 'domain_merge_field_address',
  externalIds: 'domain_merge_field_external_ids',
  tags: 'domain_merge_field_tags',
  notes: 'domain_merge_field_notes',
});

const ROLE_LABELS = messageTable<ContactRole>({
  customer: 'domain_role_customer',
  supplier: 'domain_role_supplier',
  both: 'domain_role_both',
});

/** How the two contacts' notes are joined: the survivor's first, a blank line between. */
const NOTES_SEPARATOR = '\n\n';

/**
 * Why `merged` cannot be merged into `survivor`, in a sentence; null when it can. Refused: a
 * contact with itself, a deleted one, two contacts with their own ids in the same back office
 * (certainly two people), and results too long to keep whole (notes, tags).
 */
export function mergeProblem(survivor: Contact, merged: Contact): string | null {
  if (survivor.id === merged.id) return t('domain_merge_itself');
  for (const contact of [survivor, merged]) {
    if (contact.deletedAt !== undefined) {
      return contact.mergedInto
        ? t('domain_merge_already_merged', contact.name)
        : t('domain_merge_deleted', contact.name);
    }
  }
  if (differentInSameBackOffice(survivor, merged)) {
    return t('domain_merge_two_people', survivor.name, merged.name);
  }
  const fields = mergeFields(survivor, merged);
  if ((fields.notes?.length ?? 0) > CONTACT_TEXT_LIMITS.notes) {
    return t('domain_merge_notes_too_long', formatCount(CONTACT_TEXT_LIMITS.notes));
  }
  if ((fields.tags?.length ?? 0) > CONTACT_TEXT_LIMITS.tags) {
    return t('domain_merge_too_many_tags', formatCount(CONTACT_TEXT_LIMITS.tags));
  }
  return null;
}

/**
 * The survivor's fields after the merge: its own values win, the merged contact's fill the
 * gaps; back-office ids and tags are united, notes joined, customer and supplier make both, and
 * the address is taken whole from whichever has one (the survivor first), never mixed.
 */
export function mergeFields(survivor: Contact, merged: Contact): ContactFields {
  const a = contactFields(survivor);
  const b = contactFields(merged);
  const seen = new Set(a.externalIds.map(externalKey));
  const notes = [...new Set([a.notes, b.notes].filter((text) => text !== undefined))].join(NOTES_SEPARATOR);
  const tags = [...new Set([...(a.tags ?? []), ...(b.tags ?? [])])];
  const fields: ContactFields = {
    name: a.name,
    role: a.role === b.role ? a.role : 'both',
    externalIds: [...a.externalIds, ...b.externalIds.filter((id) => !seen.has(externalKey(id)))],
  };
  for (const key of ['company', 'email', 'phone'] as const) {
    const value = a[key] ?? b[key];
    if (value !== undefined) fields[key] = value;
  }
  const address = a.address ?? b.address;
  if (address) fields.address = address;
  if (tags.length > 0) fields.tags = tags;
  if (notes) fields.notes = notes;
  return fields;
}

/** Each field as the preview shows it, and as undoing a merge compares it. */
const FIELD_TEXT: Record<MergeFieldPreview['field'], (fields: ContactFields) => string> = {
  name: (fields) => fields.name,
  company: (fields) => fields.company ?? '',
  email: (fields) => fields.email ?? '',
  phone: (fields) => fields.phone ?? '',
  role: (fields) => ROLE_LABELS[fields.role],
  address: (fields) => formatAddress(fields.address),
  externalIds: (fields) => fields.externalIds.map(externalLabel).join(', '),
  tags: (fields) => (fields.tags ?? []).join(', '),
  notes: (fields) => fields.notes ?? '',
};

/** The preview, field by field: each contact's value, the result, and where the result comes from. */
export function mergePreview(survivor: Contact, merged: Contact): MergeFieldPreview[] {
  const a = contactFields(survivor);
  const b = contactFields(merged);
  const result = mergeFields(survivor, merged);
  return (Object.keys(MERGE_FIELD_LABELS) as MergeFieldPreview['field'][]).map((field) => {
    const [survivorValue, mergedValue, resultValue] = [a, b, result].map(FIELD_TEXT[field]) as [
      string,
      string,
      string,
    ];
    return {
      field,
      label: MERGE_FIELD_LABELS[field],
      survivor: survivorValue,
      merged: mergedValue,
      result: resultValue,
      source: sourceOf(survivorValue, mergedValue, resultValue),
    };
  });
}

function sourceOf(survivor: string, merged: string, result: string): MergeSource {
  if (result === '') return 'none';
  if (result === survivor) return 'survivor';
  if (result === merged) return 'merged';
  return 'both';
}

/** How much history a contact has: the rows of each owned table that point to it. */
export type OwnedRowCounts = Record<
  'purchases' | 'samples' | 'buyBacks' | 'storeCredit' | 'notes' | 'contactEvents' | 'purchaseOrders',
  number
>;

const COUNT_NAMES: Record<keyof OwnedRowCounts, PluralKey> = {
  purchases: 'domain_count_purchases',
  samples: 'domain_count_samples',
  buyBacks: 'domain_count_buy_backs',
  storeCredit: 'domain_count_store_credit',
  notes: 'domain_count_notes',
  contactEvents: 'domain_count_events',
  purchaseOrders: 'domain_count_purchase_orders',
};

/** "2 purchases, 1 sample and 3 history events"; "nothing" when there are none. */
export function describeCounts(counts: OwnedRowCounts): string {
  const parts = (Object.keys(COUNT_NAMES) as (keyof OwnedRowCounts)[])
    .filter((kind) => counts[kind] > 0)
    .map((kind) => tPlural(COUNT_NAMES[kind], counts[kind]));
  return parts.length === 0 ? t('domain_count_nothing') : andList(parts);
}

/** "email", "email and phone", "name, email and phone". */
export function andList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return t('domain_list_two', parts.slice(0, -1).join(', '), parts.at(-1) ?? '');
}

export function totalRows(counts: OwnedRowCounts): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

/**
 * Which of two contacts should survive unless the user says otherwise: the one with more history
 * (records, notes, events), and between equals the older one, which capture already finds first.
 */
export function defaultSurvivor(
  a: { contact: Contact; counts: OwnedRowCounts },
  b: { contact: Contact; counts: OwnedRowCounts },
): string {
  const more = totalRows(a.counts) - totalRows(b.counts);
  if (more !== 0) return more > 0 ? a.contact.id : b.contact.id;
  return a.contact.createdAt <= b.contact.createdAt ? a.contact.id : b.contact.id;
}

/** A field someone changed on the survivor after the merge, which undoing the merge keeps. */
export type KeptEdit = Exclude<MergeFieldPreview['field'], 'externalIds'>;

/**
 * The survivor's fields once a merge is undone. Each field the merge left as it is now goes back
 * to how it was before the merge; a field someone changed since keeps its new value (that edit
 * is the user's, the merge cannot know what it meant), and is named in `kept`. Back-office ids
 * and tags that came with the merged contact go back to it; ones added since stay.
 */
export function unmergedFields(
  before: Contact,
  after: Contact,
  now: Contact,
): { fields: ContactFields; kept: KeptEdit[] } {
  const [was, merged, current] = [before, after, now].map(contactFields) as [
    ContactFields,
    ContactFields,
    ContactFields,
  ];
  const kept: KeptEdit[] = [];
  const fields: ContactFields = { ...current };
  for (const field of ['name', 'company', 'email', 'phone', 'role', 'address', 'notes'] as const) {
    if (FIELD_TEXT[field](current) !== FIELD_TEXT[field](merged)) {
      kept.push(field);
      continue;
    }
    if (field === 'address') {
      delete fields.address;
      if (was.address) fields.address = was.address;
    } else if (field === 'name' || field === 'role') {
      Object.assign(fields, { [field]: was[field] });
    } else {
      delete fields[field];
      if (was[field] !== undefined) fields[field] = was[field];
    }
  }
  const cameWith = <T>(list: (f: ContactFields) => T[], key: (item: T) => string) => {
    const own = new Set(list(was).map(key));
    return new Set(
      list(merged)
        .map(key)
        .filter((item) => !own.has(item)),
    );
  };
  const tagsCame = cameWith(
    (f) => f.tags ?? [],
    (tag) => tag,
  );
  const tagsNow = current.tags ?? [];
  if (tagsNow.join('\n') !== (merged.tags ?? []).join('\n')) kept.push('tags');
  const tags = tagsNow.filter((tag) => !tagsCame.has(tag));
  delete fields.tags;
  if (tags.length > 0) fields.tags = tags;
  const idsCame = cameWith((f) => f.externalIds, externalKey);
  fields.externalIds = current.externalIds.filter((id) => !idsCame.has(externalKey(id)));
  return { fields, kept };
}
