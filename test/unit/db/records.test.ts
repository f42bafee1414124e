import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { TallyDatabase } from '../../../src/db/database';
import * as v1 from '../../../src/db/migrations/001-initial';
import * as v2 from '../../../src/db/migrations/002-capture-history-recipes-sites';
import { saveCapturedContact, searchContacts } from '../../../src/db/contacts';
import { addNote, deleteNote, listContactNotes, restoreNote } from '../../../src/db/notes';
import {
  deletePurchase,
  getGroupOrder,
  listContactPurchases,
  recordGroupOrder,
  recordPurchase,
  restorePurchase,
  updatePurchase,
} from '../../../src/db/purchases';
import { Contact } from '../../../src/domain/contact';
import { contactSearchWords } from '../../../src/domain/contact-keys';
import { PurchaseRecord, type PurchaseLine } from '../../../src/domain/purchase';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const cream: PurchaseLine = {
  productId: crypto.randomUUID(),
  sku: 'NW-1',
  name: 'Hand Cream',
  quantity: 3,
  unitPrice: { minor: 1250, currency: 'USD' },
  catalogPrice: { minor: 1250, currency: 'USD' },
};
const candle: PurchaseLine = {
  ...cream,
  productId: crypto.randomUUID(),
  sku: 'NW-2',
  name: 'Candle',
  quantity: 1,
};

async function contact(name: string, email: string) {
  const { contact: saved } = await saveCapturedContact(
    db,
    { backOffice: 'northwind', name, email, url: 'http://127.0.0.1/rep' },
    'US',
  );
  return saved;
}

async function order(contactId: string, purchaseDate = '2026-11-01') {
  return recordPurchase(db, { contactId, kind: 'purchase', purchaseDate, currency: 'USD', lines: [cream] });
}

describe('editing and deleting recorded orders', () => {
  it('edits the date, lines and note of an order, keeping its id, contact and creation time', async () => {
    const ada = await contact('Ada Lovelace', 'ada@example.com');
    const original = await order(ada.id);
    const edited = await updatePurchase(db, original.id, {
      purchaseDate: '2026-10-15',
      currency: 'USD',
      lines: [{ ...cream, quantity: 5 }],
      note: 'Corrected',
    });
    expect(edited).toMatchObject({ id: original.id, contactId: ada.id, createdAt: original.createdAt });
    expect(edited.updatedAt > original.updatedAt).toBe(true);
    expect(await db.purchases.get(original.id)).toMatchObject({
      purchaseDate: '2026-10-15',
      note: 'Corrected',
    });
  });

  it('leaves the order exactly as it was when an edit is invalid', async () => {
    const ada = await contact('Ada Lovelace', 'ada@example.com');
    const original = await order(ada.id);
    await expect(
      updatePurchase(db, original.id, { purchaseDate: '2026-13-01', currency: 'USD', lines: [cream] }),
    ).rejects.toThrow();
    await expect(
      updatePurchase(db, original.id, { purchaseDate: '2026-11-01', currency: 'USD', lines: [] }),
    ).rejects.toThrow();
    await expect(
      updatePurchase(db, original.id, {
        purchaseDate: '2026-11-01',
        currency: 'EUR',
        lines: [cream],
      }),
    ).rejects.toThrow(/order currency/);
    expect(await db.purchases.get(original.id)).toEqual(original);
  });

  it('deletes softly and undoes the delete', async () => {
    const ada = await contact('Ada Lovelace', 'ada@example.com');
    const kept = await order(ada.id, '2026-10-01');
    const removed = await order(ada.id, '2026-11-01');
    await deletePurchase(db, removed.id);
    expect((await listContactPurchases(db, ada.id)).map((record) => record.id)).toEqual([kept.id]);
    expect(await db.purchases.count()).toBe(2);
    await expect(
      updatePurchase(db, removed.id, { purchaseDate: '2026-11-01', currency: 'USD', lines: [cream] }),
    ).rejects.toThrow(/no longer exists/);
    await restorePurchase(db, removed.id);
    expect((await listContactPurchases(db, ada.id)).map((record) => record.id)).toEqual([
      removed.id,
      kept.id,
    ]);
    expect(PurchaseRecord.parse(await db.purchases.get(removed.id)).deletedAt).toBeUndefined();
    await expect(deletePurchase(db, crypto.randomUUID())).rejects.toThrow(/no longer exists/);
  });
});

describe('group orders', () => {
  it('gives each contact a record of their share, linked to the group as entered', async () => {
    const ada = await contact('Ada Lovelace', 'ada@example.com');
    const grace = await contact('Grace Hopper', 'grace@example.com');
    const { group, records } = await recordGroupOrder(db, {
      kind: 'purchase',
      purchaseDate: '2026-11-01',
      currency: 'USD',
      lines: [cream, candle],
      note: 'Office order',
      shares: [
        { contactId: ada.id, quantities: new Map([[cream.productId, 2]]) },
        {
          contactId: grace.id,
          quantities: new Map([
            [cream.productId, 1],
            [candle.productId, 1],
          ]),
        },
      ],
    });
    expect(group.lines.map((line) => line.quantity)).toEqual([3, 1]);
    expect(records.map((record) => record.lines.map((line) => [line.sku, line.quantity]))).toEqual([
      [['NW-1', 2]],
      [
        ['NW-1', 1],
        ['NW-2', 1],
      ],
    ]);
    expect((await listContactPurchases(db, grace.id))[0]).toMatchObject({
      groupId: group.id,
      note: 'Office order',
    });
    const found = await getGroupOrder(db, group.id);
    expect(found?.records.map((record) => record.contactId).sort()).toEqual([ada.id, grace.id].sort());
    expect(found?.group.shares).toHaveLength(2);
  });

  it('stores nothing when the shares do not add up or a contact is gone', async () => {
    const ada = await contact('Ada Lovelace', 'ada@example.com');
    const grace = await contact('Grace Hopper', 'grace@example.com');
    const draft = {
      kind: 'purchase' as const,
      purchaseDate: '2026-11-01',
      currency: 'USD',
      lines: [cream],
      shares: [
        { contactId: ada.id, quantities: new Map([[cream.productId, 2]]) },
        { contactId: grace.id, quantities: new Map([[cream.productId, 2]]) },
      ],
    };
    await expect(recordGroupOrder(db, draft)).rejects.toThrow(/add up to 4, the order has 3/);
    await expect(
      recordGroupOrder(db, {
        ...draft,
        shares: [
          draft.shares[0]!,
          { contactId: crypto.randomUUID(), quantities: new Map([[cream.productId, 1]]) },
        ],
      }),
    ).rejects.toThrow(/no longer exists/);
    expect(await db.purchases.count()).toBe(0);
    expect(await db.purchaseGroups.count()).toBe(0);
  });
});

describe('finding contacts for a group order', () => {
  it('matches every word typed in the name or email, ignoring case and accents; never a deleted one', async () => {
    const zoe = await contact('Zoë Álvarez', 'zoe@example.com');
    const grace = await contact('Grace Hopper', 'grace@navy.example');
    await contact('Gone Away', 'gone@example.com').then((gone) =>
      db.contacts.update(gone.id, { deletedAt: '2026-11-01T00:00:00.000Z' }),
    );
    const names = async (query: string) => (await searchContacts(db, query)).map((found) => found.name);
    expect(await names('zoe alv')).toEqual([zoe.name]);
    expect(await names('NAVY')).toEqual([grace.name]);
    expect(await names('example')).toEqual([grace.name, zoe.name]);
    expect(await names('   ')).toEqual([]);
  });
});

describe('notes', () => {
  it('adds, deletes softly and restores a note; refuses an empty one', async () => {
    const ada = await contact('Ada Lovelace', 'ada@example.com');
    const note = await addNote(db, ada.id, '  Prefers unscented  ');
    expect(note.text).toBe('Prefers unscented');
    await expect(addNote(db, ada.id, '   ')).rejects.toThrow(/cannot be empty/);
    await deleteNote(db, note.id);
    expect((await listContactNotes(db, ada.id))[0]?.deletedAt).toBeDefined();
    await restoreNote(db, note.id);
    expect((await listContactNotes(db, ada.id))[0]?.deletedAt).toBeUndefined();
  });
});

describe('migration to version 3', () => {
  it('keeps every version-2 row, which still parses, and adds the new tables', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(v1.version).stores(v1.stores);
    old.version(v2.version).stores(v2.stores);
    const now = '2026-11-01T10:00:00.000Z';
    const adaRow = Contact.parse({
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      name: 'Ada Lovelace',
      role: 'customer',
      externalIds: [],
      externalKeys: [],
      nameKey: 'ada lovelace',
    });
    const purchase = PurchaseRecord.parse({
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      contactId: adaRow.id,
      kind: 'purchase',
      purchaseDate: '2026-10-01',
      currency: 'USD',
      lines: [cream],
    });
    await old.open();
    expect(old.verno).toBe(2);
    await old.table('contacts').add(adaRow);
    await old.table('purchases').add(purchase);
    old.close();

    const upgraded = new TallyDatabase(name);
    try {
      await upgraded.open();
      expect(upgraded.verno).toBeGreaterThanOrEqual(3);
      // Version 5 gives every contact its search words; nothing else changes.
      expect(Contact.parse(await upgraded.contacts.get(adaRow.id))).toEqual({
        ...adaRow,
        searchWords: contactSearchWords(adaRow),
      });
      expect(PurchaseRecord.parse(await upgraded.purchases.get(purchase.id))).toEqual(purchase);
      expect(await upgraded.purchases.where('groupId').equals('x').count()).toBe(0);
      expect(await upgraded.notes.count()).toBe(0);
      expect(await upgraded.settings.count()).toBe(0);
    } finally {
      await upgraded.delete();
    }
  });
});
