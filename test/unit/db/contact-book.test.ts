import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ContactInUse,
  ContactRefused,
  contactWithSameKeys,
  deleteContact,
  contactBook,
  restoreContact,
  saveContactByHand,
} from '../../../src/db/contact-book';
import {
  applyContactImport,
  ContactsChangedError,
  loadContactsForImport,
} from '../../../src/db/contact-import';
import { readSnapshot } from '../../../src/db/dashboard-snapshot';
import { searchContacts } from '../../../src/db/contacts';
import { TallyDatabase } from '../../../src/db/database';
import * as v1 from '../../../src/db/migrations/001-initial';
import * as v2 from '../../../src/db/migrations/002-capture-history-recipes-sites';
import * as v3 from '../../../src/db/migrations/003-notes-groups-settings';
import * as v4 from '../../../src/db/migrations/004-buy-backs';
import * as v5 from '../../../src/db/migrations/005-contacts-book';
import { recordPurchase } from '../../../src/db/purchases';
import { Contact } from '../../../src/domain/contact';
import { contactSearchWords } from '../../../src/domain/contact-keys';
import type { ContactFields } from '../../../src/domain/contact-edit';
import { planContactImport } from '../../../src/domain/contact-import-plan';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const grace: ContactFields = {
  name: 'Grace Hopper',
  email: 'grace@navy.example',
  phone: '703 555 0100',
  role: 'customer',
  externalIds: [],
};

describe('contacts saved by hand', () => {
  it('creates, then edits, recording each in the history; an edit that changes nothing writes nothing', async () => {
    const created = await saveContactByHand(db, undefined, grace, 'US');
    const edited = await saveContactByHand(db, created.id, { ...grace, tags: ['admiral'] }, 'US');
    expect(edited.id).toBe(created.id);
    expect(edited.tags).toEqual(['admiral']);
    const again = await saveContactByHand(db, created.id, { ...grace, tags: ['admiral'] }, 'US');
    expect(again).toEqual(edited);
    const events = await db.contactEvents.toArray();
    expect(events.map((event) => event.kind).sort()).toEqual(['created', 'edited']);
    expect(events.find((event) => event.kind === 'edited')?.changes).toEqual([
      { field: 'tags', after: 'admiral' },
    ]);
  });

  it('lists every field a new contact was given in its history', async () => {
    const created = await saveContactByHand(
      db,
      undefined,
      { ...grace, address: { city: 'Arlington' }, tags: ['admiral'], notes: 'Met at the fair' },
      'US',
    );
    const [event] = await db.contactEvents.where('contactId').equals(created.id).toArray();
    expect(event?.kind).toBe('created');
    expect(event?.changes.map((change) => change.field)).toEqual([
      'name',
      'email',
      'phone',
      'address',
      'tags',
      'notes',
    ]);
  });

  it('refuses bad fields with each problem and writes nothing', async () => {
    const refusal = await saveContactByHand(db, undefined, { ...grace, name: '', email: 'x@' }, 'US').catch(
      (failure: unknown) => failure,
    );
    expect(refusal).toBeInstanceOf(ContactRefused);
    expect((refusal as ContactRefused).problems).toEqual({
      name: 'A contact needs a name.',
      email: 'This is not an email address.',
    });
    expect(await db.contacts.count()).toBe(0);
  });

  it('refuses to edit a contact deleted meanwhile', async () => {
    const created = await saveContactByHand(db, undefined, grace, 'US');
    await db.contacts.update(created.id, { deletedAt: '2026-11-02T00:00:00.000Z' });
    await expect(saveContactByHand(db, created.id, grace, 'US')).rejects.toThrow(/deleted or merged/);
  });

  it('finds another current contact with the same email or phone, written another way', async () => {
    const created = await saveContactByHand(db, undefined, grace, 'US');
    expect(await contactWithSameKeys(db, { ...grace, email: 'GRACE@navy.example ' }, 'US')).toMatchObject({
      contact: { id: created.id },
      same: 'email',
    });
    expect(
      await contactWithSameKeys(
        db,
        { name: 'G', role: 'customer', phone: '+1 (703) 555-0100', externalIds: [] },
        'US',
      ),
    ).toMatchObject({ same: 'phone' });
    expect(await contactWithSameKeys(db, grace, 'US', created.id)).toBeUndefined();
    await db.contacts.update(created.id, { deletedAt: '2026-11-02T00:00:00.000Z' });
    expect(await contactWithSameKeys(db, grace, 'US')).toBeUndefined();
  });

  it('loads the book: current contacts and their purchase figures', async () => {
    const created = await saveContactByHand(db, undefined, grace, 'US');
    const gone = await saveContactByHand(
      db,
      undefined,
      { ...grace, name: 'Gone', email: 'gone@x.example' },
      'US',
    );
    await db.contacts.update(gone.id, { deletedAt: '2026-11-02T00:00:00.000Z' });
    await recordPurchase(db, {
      contactId: created.id,
      kind: 'purchase',
      purchaseDate: '2026-10-01',
      currency: 'USD',
      lines: [
        {
          productId: crypto.randomUUID(),
          sku: 'NW-1',
          name: 'Hand Cream',
          quantity: 2,
          unitPrice: { minor: 1250, currency: 'USD' },
          catalogPrice: { minor: 1250, currency: 'USD' },
        },
      ],
    });
    const book = contactBook(await readSnapshot(db));
    expect(book.contacts.map((contact) => contact.name)).toEqual(['Grace Hopper']);
    expect(book.stats.get(created.id)).toMatchObject({
      purchaseCount: 1,
      lifetimeSpend: [{ minor: 2500, currency: 'USD' }],
      lastPurchaseDate: '2026-10-01',
    });
  });
});

describe('deleting a contact', () => {
  it('deletes a contact without records and brings it back with its history', async () => {
    const created = await saveContactByHand(db, undefined, grace, 'US');
    const deleted = await deleteContact(db, created.id);
    expect(deleted.deletedAt).toBeDefined();
    expect(contactBook(await readSnapshot(db)).contacts).toEqual([]);
    await expect(deleteContact(db, created.id)).rejects.toThrow(/already/);
    const restored = await restoreContact(db, created.id);
    // Everything as it was, but the write time: an import planned meanwhile must see a change.
    expect(restored).toEqual({ ...created, updatedAt: restored.updatedAt });
    expect(restored.updatedAt >= deleted.updatedAt).toBe(true);
    expect(await db.contactEvents.where('contactId').equals(created.id).count()).toBe(1);
  });

  it('is seen by an import planned before it: the import writes nothing and asks to plan again', async () => {
    const created = await saveContactByHand(db, undefined, grace, 'US');
    const before = await loadContactsForImport(db);
    const plan = planContactImport(
      before.contacts,
      [
        {
          line: 2,
          name: 'Grace Hopper',
          email: 'grace@navy.example',
          phone: '+1 703 555 0199',
          address: {},
          externalIds: [],
        },
      ],
      { now: '2026-11-22T10:00:00.000Z', defaultCountry: 'US' },
    );
    expect(plan.updated).toHaveLength(1);
    await deleteContact(db, created.id);
    await expect(
      applyContactImport(db, {
        plan,
        fileName: 'a.csv',
        fileHash: '0'.repeat(64),
        fingerprint: before.fingerprint,
      }),
    ).rejects.toBeInstanceOf(ContactsChangedError);
    expect((await db.contacts.get(created.id))?.deletedAt).toBeDefined();
  });

  it('refuses a contact that has records, saying which, and writes nothing', async () => {
    const created = await saveContactByHand(db, undefined, grace, 'US');
    const line = {
      productId: crypto.randomUUID(),
      sku: 'NW-1',
      name: 'Hand Cream',
      quantity: 1,
      unitPrice: { minor: 100, currency: 'USD' },
      catalogPrice: { minor: 100, currency: 'USD' },
    };
    const draft = { contactId: created.id, purchaseDate: '2026-10-01', currency: 'USD', lines: [line] };
    await recordPurchase(db, { ...draft, kind: 'purchase' });
    await recordPurchase(db, { ...draft, kind: 'sample' });
    await recordPurchase(db, { ...draft, kind: 'sample' });
    const refusal = await deleteContact(db, created.id).catch((failure: unknown) => failure);
    expect(refusal).toBeInstanceOf(ContactInUse);
    expect((refusal as Error).message).toBe(
      'Grace Hopper has 1 purchase, 2 samples: merge the contact into the one they belong with instead, or delete those first.',
    );
    expect((await db.contacts.get(created.id))?.deletedAt).toBeUndefined();
  });
});

describe('migration to version 5', () => {
  it('keeps every version-4 contact as it was and adds the contacts-book tables', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const step of [v1, v2, v3, v4]) old.version(step.version).stores(step.stores);
    const contact = {
      id: crypto.randomUUID(),
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:00:00.000Z',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      role: 'customer',
      externalIds: [{ backOffice: 'northwind', origin: 'http://127.0.0.1:5178', id: 'C-00042' }],
      externalKeys: ['northwind@http://127.0.0.1:5178:C-00042'],
      emailKey: 'ada@example.com',
      nameKey: 'ada lovelace',
    };
    await old.open();
    await old.table('contacts').add(contact);
    old.close();

    const upgraded = new TallyDatabase(name);
    try {
      await upgraded.open();
      expect(upgraded.verno).toBeGreaterThanOrEqual(v5.version);
      // Version 5 gives every contact its search words; nothing else changes.
      expect(Contact.parse(await upgraded.contacts.get(contact.id))).toEqual({
        ...contact,
        searchWords: contactSearchWords(contact),
      });
      for (const table of ['contactImports', 'contactMerges', 'purchaseOrders'] as const) {
        expect(await upgraded[table].count()).toBe(0);
      }
      expect(await upgraded.contacts.where('emailKey').equals('ada@example.com').count()).toBe(1);
      expect(contactSearchWords(contact)).toEqual(['ada', 'lovelace', 'example', 'com']);
      expect((await searchContacts(upgraded, 'LOVE ex')).map((found) => found.id)).toEqual([contact.id]);
    } finally {
      await upgraded.delete();
    }
  });
});
