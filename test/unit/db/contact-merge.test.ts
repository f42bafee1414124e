import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBuyBack } from '../../../src/db/buybacks';
import {
  countOwnedRows,
  dismissDuplicate,
  mergeContacts,
  readDismissedDuplicates,
  undoMerge,
} from '../../../src/db/contact-merge';
import { saveCapturedContact } from '../../../src/db/contacts';
import { TallyDatabase } from '../../../src/db/database';
import { addNote } from '../../../src/db/notes';
import { recordGroupOrder, recordPurchase } from '../../../src/db/purchases';
import { contactCreditBalance, grantStoreCredit } from '../../../src/db/store-credit';
import { STORE_CREDIT } from '../../../src/domain/buyback';
import { applyContactFields, contactFields } from '../../../src/domain/contact-edit';
import { pairKey } from '../../../src/domain/duplicates';
import type { PurchaseLine } from '../../../src/domain/purchase';
import { PurchaseOrder } from '../../../src/domain/purchase-order';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const US = { defaultCountry: 'US' as const };
const usd = (minor: number) => ({ minor, currency: 'USD' });
const cream: PurchaseLine = {
  productId: '33333333-3333-4333-8333-333333333333',
  sku: 'NW-1',
  name: 'Hand Cream',
  quantity: 2,
  unitPrice: usd(1250),
  catalogPrice: usd(1250),
};

async function capture(name: string, email: string, externalId?: string) {
  const { contact } = await saveCapturedContact(
    db,
    {
      backOffice: 'northwind',
      name,
      email,
      url: 'http://127.0.0.1:5178/rep',
      ...(externalId ? { externalId } : {}),
    },
    'US',
  );
  return contact;
}

/** A row in every table a contact owns, for `contactId`. */
async function history(contactId: string, other: string) {
  const purchase = await recordPurchase(db, {
    contactId,
    kind: 'purchase',
    purchaseDate: '2026-11-01',
    currency: 'USD',
    lines: [cream],
    payment: { method: 'Cash' },
  });
  const sample = await recordPurchase(db, {
    contactId,
    kind: 'sample',
    purchaseDate: '2026-11-02',
    currency: 'USD',
    lines: [{ ...cream, quantity: 1 }],
  });
  const { group } = await recordGroupOrder(db, {
    kind: 'purchase',
    purchaseDate: '2026-11-03',
    currency: 'USD',
    lines: [cream],
    payment: { method: 'Cash' },
    shares: [
      { contactId, quantities: new Map([[cream.productId, 1]]) },
      { contactId: other, quantities: new Map([[cream.productId, 1]]) },
    ],
  });
  const note = await addNote(db, contactId, 'Call back on Friday.');
  const buyBack = await createBuyBack(db, contactId);
  await grantStoreCredit(db, { contactId, amount: usd(5000), buyBackId: buyBack.id, text: 'Buy-back' });
  const now = new Date().toISOString();
  await db.purchaseOrders.add(
    PurchaseOrder.parse({
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      number: (await db.purchaseOrders.count()) + 1,
      supplierId: contactId,
      status: 'draft',
      currency: 'USD',
      lines: [],
    }),
  );
  return { purchase, sample, group, note, buyBack };
}

/** Every row of every table, to compare the whole store before and after. */
async function snapshot() {
  const tables = [
    'contacts',
    'purchases',
    'purchaseGroups',
    'notes',
    'buyBacks',
    'storeCredit',
    'purchaseOrders',
  ];
  return Object.fromEntries(
    await Promise.all(tables.map(async (table) => [table, await db.table(table).orderBy(':id').toArray()])),
  );
}

describe('merging contacts', () => {
  it('moves every row of the merged contact to the survivor, in every owned table, and can be undone', async () => {
    const ada = await capture('Ada Lovelace', 'ada@example.com', 'C-1');
    const again = await capture('Ada King', 'ada.king@example.com');
    const grace = await capture('Grace Hopper', 'grace@example.com');
    // The survivor's group order is shared with the merged contact; the merged one's with Grace.
    await history(ada.id, again.id);
    const moving = await history(again.id, grace.id);
    const before = await snapshot();
    const eventsBefore = await db.contactEvents.orderBy(':id').toArray();
    expect(await countOwnedRows(db, again.id)).toEqual({
      purchases: 3,
      samples: 1,
      buyBacks: 1,
      storeCredit: 1,
      notes: 1,
      contactEvents: 1,
      purchaseOrders: 1,
    });

    const merge = await mergeContacts(db, { survivorId: ada.id, mergedId: again.id }, US);

    expect(await countOwnedRows(db, again.id)).toEqual({
      purchases: 0,
      samples: 0,
      buyBacks: 0,
      storeCredit: 0,
      notes: 0,
      contactEvents: 0,
      purchaseOrders: 0,
    });
    expect(await countOwnedRows(db, ada.id)).toEqual({
      purchases: 5,
      samples: 2,
      buyBacks: 2,
      storeCredit: 2,
      notes: 2,
      contactEvents: 3,
      purchaseOrders: 2,
    });
    // Store credit moves with its ledger: the survivor's balance is the sum.
    expect(await contactCreditBalance(db, ada.id, 'USD')).toEqual(usd(10_000));
    // The group the merged contact shared with Grace now names the survivor.
    const group = await db.purchaseGroups.get(moving.group.id);
    expect(group?.shares.map((share) => share.contactId)).toEqual([ada.id, grace.id]);
    // Both shares of the survivor's group with the merged contact now name the survivor.
    const survivorGroups = await db.purchaseGroups.toArray();
    expect(survivorGroups.flatMap((each) => each.shares.map((share) => share.contactId)).sort()).toEqual(
      [ada.id, ada.id, ada.id, grace.id].sort(),
    );

    const merged = await db.contacts.get(again.id);
    expect(merged).toMatchObject({ mergedInto: ada.id, deletedAt: merge.createdAt });
    const survivor = await db.contacts.get(ada.id);
    expect(survivor).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
    const events = await db.contactEvents.where('contactId').equals(ada.id).toArray();
    expect(events.find((event) => event.kind === 'merged')).toBeDefined();
    expect(merge.moved.purchases).toHaveLength(4);
    expect(merge.moved.purchaseGroups).toHaveLength(2);
    expect(await db.contactMerges.get(merge.id)).toEqual(merge);

    const undone = await undoMerge(db, merge.id, US);
    expect(undone.kept).toEqual([]);
    expect(await snapshot()).toEqual(before);
    const eventsAfter = await db.contactEvents.orderBy(':id').toArray();
    // Only the merge and its undo are added to the survivor's history; every other event is back.
    expect(eventsAfter.filter((event) => !eventsBefore.some((was) => was.id === event.id))).toEqual([
      expect.objectContaining({ contactId: ada.id, kind: expect.stringMatching(/merged|edited/) }),
      expect.objectContaining({ contactId: ada.id, kind: expect.stringMatching(/merged|edited/) }),
    ]);
    expect(await contactCreditBalance(db, again.id, 'USD')).toEqual(usd(5000));
    expect((await db.contactMerges.get(merge.id))?.undoneAt).toBeDefined();
    await expect(undoMerge(db, merge.id, US)).rejects.toThrow(
      'The merge of Ada King into Ada Lovelace was already undone.',
    );
  });

  it('takes the merged contact’s values into gaps, and keeps rows made on the survivor after the merge', async () => {
    const ada = await capture('Ada Lovelace', 'ada@example.com');
    const { contact: king } = await saveCapturedContact(
      db,
      {
        backOffice: 'pos',
        name: 'Ada King',
        phone: '(415) 555-0134',
        company: 'Engines',
        url: 'http://pos.test/',
      },
      'US',
    );
    const merge = await mergeContacts(db, { survivorId: ada.id, mergedId: king.id }, US);
    const survivor = await db.contacts.get(ada.id);
    expect(survivor).toMatchObject({ phone: '(415) 555-0134', phoneKey: '+14155550134', company: 'Engines' });
    const later = await addNote(db, ada.id, 'Written after the merge.');
    await undoMerge(db, merge.id, US);
    expect((await db.notes.get(later.id))?.contactId).toBe(ada.id);
    expect(await db.contacts.get(ada.id)).toEqual(ada);
    expect(await db.contacts.get(king.id)).toEqual(king);
  });

  it('keeps edits made to the survivor after the merge when undoing it, and says which', async () => {
    const ada = await capture('Ada Lovelace', 'ada@example.com');
    const king = await capture('Ada King', 'king@example.com');
    await db.contacts.update(king.id, { company: 'Engines' });
    const merge = await mergeContacts(db, { survivorId: ada.id, mergedId: king.id }, US);
    const merged = (await db.contacts.get(ada.id))!;
    const edited = applyContactFields(
      merged,
      { ...contactFields(merged), name: 'Ada Lovelace-King' },
      { newId: ada.id, now: new Date().toISOString(), defaultCountry: 'US' },
    );
    await db.contacts.put(edited);
    const undone = await undoMerge(db, merge.id, US);
    expect(undone.kept).toEqual(['name']);
    expect(await db.contacts.get(ada.id)).toMatchObject({
      name: 'Ada Lovelace-King',
      nameKey: 'ada lovelace-king',
    });
    expect((await db.contacts.get(ada.id))?.company).toBeUndefined();
  });

  it('refuses, writing nothing: itself, a deleted contact, two ids in one back office, a survivor merged again', async () => {
    const ada = await capture('Ada Lovelace', 'ada@example.com', 'C-1');
    const rival = await capture('Ada Lovelace', 'ada2@example.com', 'C-2');
    const king = await capture('Ada King', 'king@example.com');
    const grace = await capture('Grace Hopper', 'grace@example.com');
    const before = await snapshot();
    await expect(mergeContacts(db, { survivorId: ada.id, mergedId: ada.id }, US)).rejects.toThrow(
      'A contact cannot be merged with itself.',
    );
    await expect(mergeContacts(db, { survivorId: ada.id, mergedId: rival.id }, US)).rejects.toThrow(
      'each have their own id in the same back office',
    );
    await expect(
      mergeContacts(db, { survivorId: ada.id, mergedId: crypto.randomUUID() }, US),
    ).rejects.toThrow('One of these contacts no longer exists.');
    expect(await snapshot()).toEqual(before);

    const first = await mergeContacts(db, { survivorId: king.id, mergedId: grace.id }, US);
    await expect(mergeContacts(db, { survivorId: ada.id, mergedId: grace.id }, US)).rejects.toThrow(
      'Grace Hopper was already merged into another contact.',
    );
    await mergeContacts(db, { survivorId: ada.id, mergedId: king.id }, US);
    await expect(undoMerge(db, first.id, US)).rejects.toThrow(
      'Ada King was merged into Ada Lovelace since; undo that merge first.',
    );
  });

  it('refuses to undo when the survivor spent store credit that came with the merge', async () => {
    const ada = await capture('Ada Lovelace', 'ada@example.com');
    const king = await capture('Ada King', 'king@example.com');
    await grantStoreCredit(db, {
      contactId: king.id,
      amount: usd(5000),
      buyBackId: crypto.randomUUID(),
      text: 'x',
    });
    const merge = await mergeContacts(db, { survivorId: ada.id, mergedId: king.id }, US);
    await recordPurchase(db, {
      contactId: ada.id,
      kind: 'purchase',
      purchaseDate: '2026-11-05',
      currency: 'USD',
      lines: [cream],
      payment: { method: STORE_CREDIT, storeCredit: usd(2500) },
    });
    await expect(undoMerge(db, merge.id, US)).rejects.toThrow(
      'Not undone: Ada Lovelace has spent store credit that came with the merge; undoing it would leave a store credit balance of -$25.00.',
    );
    expect((await db.contacts.get(king.id))?.mergedInto).toBe(ada.id);
    expect(await contactCreditBalance(db, ada.id, 'USD')).toEqual(usd(2500));
  });

  it('remembers pairs dismissed as not duplicates', async () => {
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    await dismissDuplicate(db, b, a);
    await dismissDuplicate(db, a, b);
    expect([...(await readDismissedDuplicates(db))]).toEqual([pairKey(a, b)]);
  });
});
