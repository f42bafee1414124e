import type { CountryCode } from 'libphonenumber-js/min';
import { Contact, type ExternalId } from './contact';
import { emailKey, externalKey, nameKey, phoneKey } from './contact-keys';
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
  if (snapshot.externalId) {
    const id = { backOffice: snapshot.backOffice, id: snapshot.externalId };
    if (!externalIds.some((known) => externalKey(known) === externalKey(id))) externalIds.push(id);
  }
  const name = snapshot.name;
  const email = snapshot.email ?? existing?.email;
  const phone = snapshot.phone ?? existing?.phone;
  const company = snapshot.company ?? existing?.company;
  return Contact.parse({
    id: existing?.id ?? context.newId,
    createdAt: existing?.createdAt ?? context.now,
    updatedAt: context.now,
    name,
    ...(email === undefined ? {} : { email }),
    ...(phone === undefined ? {} : { phone }),
    ...(company === undefined ? {} : { company }),
    role: existing?.role ?? 'customer',
    externalIds,
    ...contactKeys({ name, email, phone, externalIds }, context.defaultCountry),
    lastCapturedAt: context.now,
  });
}

/** The derived keys a contact is stored and found by. */
export function contactKeys(
  fields: { name: string; email?: string; phone?: string; externalIds: ExternalId[] },
  defaultCountry: CountryCode,
): Pick<Contact, 'externalKeys' | 'emailKey' | 'phoneKey' | 'nameKey'> {
  const email = emailKey(fields.email);
  const phone = phoneKey(fields.phone, defaultCountry);
  return {
    externalKeys: fields.externalIds.map(externalKey),
    ...(email === undefined ? {} : { emailKey: email }),
    ...(phone === undefined ? {} : { phoneKey: phone }),
    nameKey: nameKey(fields.name),
  };
}

/**
 * Whether `contact` may be the person in `snapshot`: a contact that already has a different id
 * in the same back office is someone else, however alike the names.
 */
export function mayBeSamePerson(contact: Contact, snapshot: ContactSnapshot): boolean {
  if (!snapshot.externalId) return true;
  return !contact.externalIds.some(
    (known) => known.backOffice === snapshot.backOffice && known.id !== snapshot.externalId,
  );
}
