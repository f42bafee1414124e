import type { CountryCode } from 'libphonenumber-js/min';
import { captureContact, contactKeys, mayBeSamePerson } from '../domain/capture';
import type { Contact } from '../domain/contact';
import type { ContactSnapshot } from '../domain/contact-snapshot';
import { nowInstant } from '../domain/dates';
import type { TallyDatabase } from './database';

/**
 * The stored contact that `snapshot` is, if any: matched on back-office id, then email, then
 * normalised phone, then name — the first step that finds someone wins.
 */
export async function findContactForSnapshot(
  db: TallyDatabase,
  snapshot: ContactSnapshot,
  defaultCountry: CountryCode,
): Promise<Contact | undefined> {
  const keys = contactKeys(
    {
      ...snapshot,
      externalIds: snapshot.externalId ? [{ backOffice: snapshot.backOffice, id: snapshot.externalId }] : [],
    },
    defaultCountry,
  );
  const steps: [index: keyof Contact, value: string | undefined][] = [
    ['externalKeys', keys.externalKeys[0]],
    ['emailKey', keys.emailKey],
    ['phoneKey', keys.phoneKey],
    ['nameKey', keys.nameKey],
  ];
  for (const [index, value] of steps) {
    if (value === undefined) continue;
    const candidates = await db.contacts.where(index).equals(value).toArray();
    const match = candidates
      .filter((contact) => contact.deletedAt === undefined && mayBeSamePerson(contact, snapshot))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
    if (match) return match;
  }
  return undefined;
}

/** Saves the contact on the page: updates the one it already is, or creates it. One transaction. */
export async function saveCapturedContact(
  db: TallyDatabase,
  snapshot: ContactSnapshot,
  defaultCountry: CountryCode,
): Promise<{ contact: Contact; created: boolean }> {
  return db.transaction('rw', db.contacts, async () => {
    const existing = await findContactForSnapshot(db, snapshot, defaultCountry);
    const contact = captureContact(existing, snapshot, {
      newId: crypto.randomUUID(),
      now: nowInstant(),
      defaultCountry,
    });
    await db.contacts.put(contact);
    return { contact, created: existing === undefined };
  });
}

export async function getContact(db: TallyDatabase, id: string): Promise<Contact | undefined> {
  const contact = await db.contacts.get(id);
  return contact?.deletedAt === undefined ? contact : undefined;
}

export async function getContactsById(
  db: TallyDatabase,
  ids: Iterable<string>,
): Promise<Map<string, Contact>> {
  const unique = [...new Set(ids)];
  const found = await db.contacts.bulkGet(unique);
  return new Map(found.flatMap((contact) => (contact ? [[contact.id, contact] as const] : [])));
}
