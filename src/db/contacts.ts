import type { CountryCode } from 'libphonenumber-js/min';
import { captureContact, contactChanges, mayBeSamePerson, snapshotExternalId } from '../domain/capture';
import { contactKeys } from '../domain/contact-keys';
import type { Contact } from '../domain/contact';
import type { ContactEvent, FieldChange } from '../domain/contact-event';
import type { ContactSnapshot } from '../domain/contact-snapshot';
import { nowInstant } from '../domain/dates';
import { searchWords } from '../domain/search-text';
import type { TallyDatabase } from './database';
import type { CaptureOutcome } from '../domain/capture-outcome';

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
      externalIds: [snapshotExternalId(snapshot) ?? []].flat(),
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

/**
 * Saves the contact on the page: updates the one it already is, or creates it, and records
 * what changed in its history. One transaction, so two tabs capturing the same customer at
 * once still make one contact.
 */
export async function saveCapturedContact(
  db: TallyDatabase,
  snapshot: ContactSnapshot,
  defaultCountry: CountryCode,
): Promise<{ contact: Contact; outcome: CaptureOutcome; changes: FieldChange[] }> {
  return db.transaction('rw', db.contacts, db.contactEvents, async () => {
    const existing = await findContactForSnapshot(db, snapshot, defaultCountry);
    const now = nowInstant();
    const contact = captureContact(existing, snapshot, { newId: crypto.randomUUID(), now, defaultCountry });
    const changes = contactChanges(existing, contact);
    if (existing && changes.length === 0) return { contact: existing, outcome: 'unchanged', changes };
    const event: ContactEvent = {
      id: crypto.randomUUID(),
      contactId: contact.id,
      at: now,
      kind: existing ? 'updated' : 'captured',
      changes,
      url: snapshot.url,
    };
    await db.contacts.put(contact);
    await db.contactEvents.add(event);
    return { contact, outcome: existing ? 'updated' : 'captured', changes };
  });
}

/** A contact's capture history, newest first. */
export async function listContactEvents(db: TallyDatabase, contactId: string): Promise<ContactEvent[]> {
  const events = await db.contactEvents
    .where('[contactId+at]')
    .between([contactId, ''], [contactId, '\uffff'])
    .toArray();
  return events.reverse();
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

/**
 * Contacts with a word of their name or email starting with each word typed, by name; for
 * picking one by hand. The index finds those matching the longest word typed; only they are read.
 */
export async function searchContacts(db: TallyDatabase, query: string, limit = 8): Promise<Contact[]> {
  const words = searchWords(query);
  const longest = words.reduce((best, word) => (word.length > best.length ? word : best), '');
  if (longest === '') return [];
  const candidates = await db.contacts.where('searchWords').startsWith(longest).distinct().toArray();
  return candidates
    .filter(
      (contact) =>
        contact.deletedAt === undefined &&
        words.every((word) => contact.searchWords?.some((own) => own.startsWith(word))),
    )
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, limit);
}
