import type { CountryCode } from 'libphonenumber-js/min';
import type { Contact } from '../domain/contact';
import {
  applyContactFields,
  contactFieldProblems,
  tidyFields,
  type ContactFieldName,
  type ContactFields,
} from '../domain/contact-edit';
import type { ContactEvent } from '../domain/contact-event';
import { contactChanges } from '../domain/capture';
import { contactKeys } from '../domain/contact-keys';
import { statsByContact, type ContactStats } from '../domain/contact-stats';
import { nowInstant } from '../domain/dates';
import { t, tPlural, type PluralKey } from '../domain/i18n';
import type { Snapshot } from './dashboard-snapshot';
import type { TallyDatabase } from './database';

/** Fields that cannot be saved, each with what to fix; nothing was written. */
export class ContactRefused extends Error {
  constructor(readonly problems: Partial<Record<ContactFieldName, string>>) {
    super(Object.values(problems).join(' '));
    this.name = 'ContactRefused';
  }
}

/**
 * Saves a contact entered by hand: a new one when `id` is undefined, else the edit of that
 * contact. Records what changed in its history; an edit that changes nothing writes nothing.
 */
export async function saveContactByHand(
  db: TallyDatabase,
  id: string | undefined,
  fields: ContactFields,
  defaultCountry: CountryCode,
): Promise<Contact> {
  const problems = contactFieldProblems(fields);
  if (Object.keys(problems).length > 0) throw new ContactRefused(problems);
  return db.transaction('rw', db.contacts, db.contactEvents, async () => {
    const existing = id === undefined ? undefined : await db.contacts.get(id);
    if (id !== undefined && (!existing || existing.deletedAt !== undefined)) {
      throw new Error(t('db_contact_gone_meanwhile'));
    }
    const now = nowInstant();
    const contact = applyContactFields(existing, fields, { newId: crypto.randomUUID(), now, defaultCountry });
    const changes = contactChanges(existing, contact);
    if (existing && changes.length === 0) return existing;
    const event: ContactEvent = {
      id: crypto.randomUUID(),
      contactId: contact.id,
      at: now,
      kind: existing ? 'edited' : 'created',
      changes,
    };
    await db.contacts.put(contact);
    await db.contactEvents.add(event);
    return contact;
  });
}

/**
 * A current contact other than `exceptId` with the same email or phone as `fields`: adding it
 * again by hand would make a duplicate, so the form asks first.
 */
export async function contactWithSameKeys(
  db: TallyDatabase,
  fields: ContactFields,
  defaultCountry: CountryCode,
  exceptId?: string,
): Promise<{ contact: Contact; same: 'email' | 'phone' } | undefined> {
  const tidy = tidyFields(fields);
  const keys = contactKeys({ ...tidy, externalIds: [] }, defaultCountry);
  for (const [index, same] of [
    ['emailKey', 'email'],
    ['phoneKey', 'phone'],
  ] as const) {
    const value = keys[index];
    if (value === undefined) continue;
    const found = (await db.contacts.where(index).equals(value).toArray()).find(
      (contact) => contact.deletedAt === undefined && contact.id !== exceptId,
    );
    if (found) return { contact: found, same };
  }
  return undefined;
}

export interface ContactBook {
  /** Every current contact, in no particular order. */
  contacts: Contact[];
  /** Each contact's purchase figures; contacts without purchases are absent. */
  stats: Map<string, ContactStats>;
}

/** Every current contact and its lifetime figures, for the contacts list. */
export function contactBook({ contacts, records }: Snapshot): ContactBook {
  return { contacts, stats: statsByContact(records) };
}

/** A contact that still has records is not deleted: they would be left without their contact. */
export class ContactInUse extends Error {
  constructor(name: string, records: string[]) {
    super(t('db_contact_in_use', name, records.join(', ')));
    this.name = 'ContactInUse';
  }
}

/**
 * Deletes a contact with no purchases, samples, buy-backs, purchase orders or store credit (soft:
 * restoreContact brings it back, notes and history included). A contact with records is refused
 * with what it has; so is one already deleted or merged.
 */
export async function deleteContact(db: TallyDatabase, id: string): Promise<Contact> {
  return db.transaction(
    'rw',
    [db.contacts, db.purchases, db.buyBacks, db.purchaseOrders, db.storeCredit],
    async () => {
      const contact = await db.contacts.get(id);
      if (!contact || contact.deletedAt !== undefined) {
        throw new Error(t('db_contact_gone_already'));
      }
      const live = <T extends { deletedAt?: string }>(rows: T[]) =>
        rows.filter((row) => row.deletedAt === undefined);
      const [records, buyBacks, orders, credit] = await Promise.all([
        db.purchases.where('contactId').equals(id).toArray().then(live),
        db.buyBacks.where('contactId').equals(id).toArray().then(live),
        db.purchaseOrders.where('supplierId').equals(id).toArray().then(live),
        db.storeCredit.where('contactId').equals(id).toArray().then(live),
      ]);
      const samples = records.filter((record) => record.kind === 'sample').length;
      const found = [
        counted(records.length - samples, 'db_count_purchases'),
        counted(samples, 'db_count_samples'),
        counted(buyBacks.length, 'db_count_buy_backs'),
        counted(orders.length, 'db_count_purchase_orders'),
        counted(credit.length, 'db_count_store_credit_entries'),
      ].flatMap((text) => (text ? [text] : []));
      if (found.length > 0) throw new ContactInUse(contact.name, found);
      // updatedAt moves with every write: an import planned before the delete sees it changed.
      const now = nowInstant();
      const deleted = { ...contact, deletedAt: now, updatedAt: now };
      await db.contacts.put(deleted);
      return deleted;
    },
  );
}

/** Undoes deleteContact; a contact merged into another comes back only by undoing the merge. */
export async function restoreContact(db: TallyDatabase, id: string): Promise<Contact> {
  return db.transaction('rw', db.contacts, async () => {
    const contact = await db.contacts.get(id);
    if (!contact) throw new Error(t('db_contact_gone'));
    if (contact.mergedInto !== undefined) throw new Error(t('db_contact_was_merged'));
    const { deletedAt: _deletedAt, ...rest } = contact;
    const restored = { ...rest, updatedAt: nowInstant() };
    await db.contacts.put(restored);
    return restored;
  });
}

function counted(count: number, base: PluralKey): string | undefined {
  return count === 0 ? undefined : tPlural(base, count);
}
