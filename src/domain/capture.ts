import type { CountryCode } from 'libphonenumber-js/min';
import { Contact, type ContactRole, type ExternalId } from './contact';
import type { FieldChange } from './contact-event';
import { editChanges } from './contact-edit';
import { contactKeys, emailKey, externalKey, phoneKey } from './contact-keys';
import type { ContactSnapshot } from './contact-snapshot';
import type { Instant } from './dates';

export interface CaptureContext {
  /** Id for a new contact. */
  newId: string;
  now: Instant;
  defaultCountry: CountryCode;
}

/**
 * The contact after capturing `snapshot`: a new one, or `existing` updated. What the page shows
 * now wins; what it does not show is kept, so a page without a phone never erases a phone.
 */
export function captureContact(
  existing: Contact | undefined,
  snapshot: ContactSnapshot,
  context: CaptureContext,
): Contact {
  const externalIds: ExternalId[] = [...(existing?.externalIds ?? [])];
  const id = snapshotExternalId(snapshot);
  if (id && !externalIds.some((known) => externalKey(known) === externalKey(id))) externalIds.push(id);
  const name = snapshot.name;
  // The same address or number written another way ("ADA@…", "+1 415…" for "(415) …") is no
  // change: the contact keeps how it was first written.
  const sameEmail = existing?.email !== undefined && emailKey(snapshot.email) === existing.emailKey;
  const samePhone =
    existing?.phone !== undefined && phoneKey(snapshot.phone, context.defaultCountry) === existing.phoneKey;
  const email = sameEmail ? existing.email : (snapshot.email ?? existing?.email);
  const phone = samePhone ? existing.phone : (snapshot.phone ?? existing?.phone);
  const company = snapshot.company ?? existing?.company;
  return Contact.parse({
    id: existing?.id ?? context.newId,
    createdAt: existing?.createdAt ?? context.now,
    updatedAt: context.now,
    name,
    ...(email === undefined ? {} : { email }),
    ...(phone === undefined ? {} : { phone }),
    ...(company === undefined ? {} : { company }),
    role: mergeRole(existing?.role, snapshot.role),
    externalIds,
    ...contactKeys({ name, email, phone, externalIds }, context.defaultCountry),
    lastCapturedAt: context.now,
  });
}

/** The id the snapshot's back office gives this person, scoped to that back office's origin. */
export function snapshotExternalId(snapshot: ContactSnapshot): ExternalId | undefined {
  if (!snapshot.externalId) return undefined;
  return { backOffice: snapshot.backOffice, origin: new URL(snapshot.url).origin, id: snapshot.externalId };
}

/** A customer seen listed as a supplier (or the reverse) is both. */
function mergeRole(known: ContactRole | undefined, seen: 'customer' | 'supplier' | undefined): ContactRole {
  if (!known) return seen ?? 'customer';
  if (!seen || known === seen || known === 'both') return known;
  return 'both';
}

/**
 * What a capture (or an edit) changed, field by field, for the contact's history and the
 * "Updated" message; for a new contact, every field it has.
 */
export function contactChanges(before: Contact | undefined, after: Contact): FieldChange[] {
  return editChanges(before ?? { ...after, ...NOTHING_YET }, after);
}

/**
 * A contact before anything was known of it: a new one's fields all read as added, and its role
 * when it is not the default customer.
 */
const NOTHING_YET = {
  name: '',
  role: 'customer',
  company: undefined,
  email: undefined,
  phone: undefined,
  address: undefined,
  tags: undefined,
  notes: undefined,
  externalIds: [],
} satisfies Partial<Contact>;

/**
 * Whether `contact` may be the person in `snapshot`: a contact that already has a different id
 * in the same back office is someone else, however alike the names.
 */
export function mayBeSamePerson(contact: Contact, snapshot: ContactSnapshot): boolean {
  const id = snapshotExternalId(snapshot);
  if (!id) return true;
  return !contact.externalIds.some(
    (known) => known.backOffice === id.backOffice && known.origin === id.origin && known.id !== id.id,
  );
}
