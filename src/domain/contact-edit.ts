import type { CountryCode } from 'libphonenumber-js/min';
import { z } from 'zod';
import { Address, ADDRESS_FIELDS, Contact, CONTACT_TEXT_LIMITS, ContactRole, ExternalId } from './contact';
import type { FieldChange } from './contact-event';
import { contactKeys, externalKey } from './contact-keys';
import type { MessageKey } from './i18n';
import { message } from './zod-message';
import type { Instant } from './dates';

/**
 * Everything a person can set on a contact by hand or by import. Absent means empty: saving
 * these fields replaces the contact's, apart from what Tally keeps itself (id, times, keys).
 */
export interface ContactFields {
  name: string;
  company?: string;
  email?: string;
  phone?: string;
  role: ContactRole;
  address?: Address;
  tags?: string[];
  notes?: string;
  externalIds: ExternalId[];
}

export type ContactFieldName = 'name' | 'company' | 'email' | 'phone' | 'role' | 'tags' | 'notes' | 'address';

const text = (limit: number, tooLong: MessageKey) =>
  z.string().trim().max(limit, message(tooLong, limit)).optional();

/** The checks behind each field, with messages that say what to fix. */
const ContactFieldsCheck = z.object({
  name: z
    .string()
    .trim()
    .min(1, message('domain_contact_needs_name'))
    .max(CONTACT_TEXT_LIMITS.name, message('domain_contact_name_too_long', CONTACT_TEXT_LIMITS.name)),
  company: text(CONTACT_TEXT_LIMITS.company, 'domain_contact_company_too_long'),
  email: z.email(message('domain_contact_not_email')).optional(),
  phone: text(CONTACT_TEXT_LIMITS.phone, 'domain_contact_phone_too_long'),
  role: ContactRole,
  address: z
    .object(
      Object.fromEntries(
        ADDRESS_FIELDS.map((field) => [
          field,
          text(CONTACT_TEXT_LIMITS.addressLine, 'domain_contact_address_too_long'),
        ]),
      ),
    )
    .optional(),
  tags: z
    .array(
      z
        .string()
        .trim()
        .max(CONTACT_TEXT_LIMITS.tag, message('domain_contact_tag_too_long', CONTACT_TEXT_LIMITS.tag)),
    )
    .max(CONTACT_TEXT_LIMITS.tags, message('domain_contact_too_many_tags', CONTACT_TEXT_LIMITS.tags))
    .optional(),
  notes: text(CONTACT_TEXT_LIMITS.notes, 'domain_contact_notes_too_long'),
  externalIds: z.array(ExternalId),
});

/** What is wrong with each field, in a sentence; empty when the fields can be saved. */
export function contactFieldProblems(fields: ContactFields): Partial<Record<ContactFieldName, string>> {
  const checked = ContactFieldsCheck.safeParse(tidyFields(fields));
  if (checked.success) return {};
  const problems: Partial<Record<ContactFieldName, string>> = {};
  for (const issue of checked.error.issues) {
    const field = issue.path[0] as ContactFieldName;
    problems[field] ??= `${issue.message}.`;
  }
  return problems;
}

/**
 * The fields with surrounding space trimmed and empty values dropped: "" and "  " mean no
 * value, an address with no parts is no address, tags are kept once each.
 */
export function tidyFields(fields: ContactFields): ContactFields {
  const optional = (value: string | undefined) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
  };
  const address = Object.fromEntries(
    ADDRESS_FIELDS.flatMap((field) => {
      const value = optional(fields.address?.[field]);
      return value === undefined ? [] : [[field, value]];
    }),
  ) as Address;
  const tags = [...new Set((fields.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
  const tidy: ContactFields = {
    name: fields.name.trim(),
    role: fields.role,
    externalIds: fields.externalIds,
  };
  for (const key of ['company', 'email', 'phone', 'notes'] as const) {
    const value = optional(fields[key]);
    if (value !== undefined) tidy[key] = value;
  }
  if (Object.keys(address).length > 0) tidy.address = address;
  if (tags.length > 0) tidy.tags = tags;
  return tidy;
}

export interface EditContext {
  newId: string;
  now: Instant;
  defaultCountry: CountryCode;
}

/**
 * The contact with `fields` saved: a new one when `existing` is undefined. Throws a ZodError on
 * fields contactFieldProblems would refuse; check them first.
 */
export function applyContactFields(
  existing: Contact | undefined,
  fields: ContactFields,
  context: EditContext,
): Contact {
  const tidy = tidyFields(fields);
  ContactFieldsCheck.parse(tidy);
  const externalIds = uniqueIds(tidy.externalIds);
  return Contact.parse({
    id: existing?.id ?? context.newId,
    createdAt: existing?.createdAt ?? context.now,
    updatedAt: context.now,
    ...tidy,
    externalIds,
    ...contactKeys({ ...tidy, externalIds }, context.defaultCountry),
    ...(existing?.lastCapturedAt === undefined ? {} : { lastCapturedAt: existing.lastCapturedAt }),
  });
}

/** A contact's editable fields, as a form or an export starts from them. */
export function contactFields(contact: Contact): ContactFields {
  const { name, company, email, phone, role, address, tags, notes, externalIds } = contact;
  return tidyFields({ name, company, email, phone, role, address, tags, notes, externalIds });
}

function uniqueIds(ids: readonly ExternalId[]): ExternalId[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    const key = externalKey(id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An address on one line: "1 Main St, Springfield, 12345". */
export function formatAddress(address: Address | undefined): string {
  if (!address) return '';
  return ADDRESS_FIELDS.flatMap((field) => address[field] ?? []).join(', ');
}

/** What saving changed, field by field, for the contact's history; [] when nothing did. */
export function editChanges(before: Contact, after: Contact): FieldChange[] {
  const changes: FieldChange[] = [];
  const note = (field: FieldChange['field'], was: string | undefined, now: string | undefined) => {
    if ((was ?? '') === (now ?? '')) return;
    changes.push({ field, ...(was ? { before: was } : {}), ...(now ? { after: now } : {}) });
  };
  note('name', before.name, after.name);
  note('company', before.company, after.company);
  note('email', before.email, after.email);
  note('phone', before.phone, after.phone);
  note('role', before.role, after.role);
  note('address', formatAddress(before.address), formatAddress(after.address));
  note('tags', (before.tags ?? []).join(', '), (after.tags ?? []).join(', '));
  note('notes', before.notes, after.notes);
  const beforeIds = new Set(before.externalIds.map(externalKey));
  const afterIds = new Set(after.externalIds.map(externalKey));
  for (const id of after.externalIds)
    if (!beforeIds.has(externalKey(id))) note('externalId', undefined, id.id);
  for (const id of before.externalIds)
    if (!afterIds.has(externalKey(id))) note('externalId', id.id, undefined);
  return changes;
}
