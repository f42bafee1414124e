import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBuyBack } from '../../../src/db/buybacks';
import { saveCapturedContact } from '../../../src/db/contacts';
import { TallyDatabase } from '../../../src/db/database';
import { addProduct } from '../../../src/db/products';
import { recordGroupOrder, recordPurchase, type PurchaseDraft } from '../../../src/db/purchases';
import { grantStoreCredit, contactCreditBalances } from '../../../src/db/store-credit';
import type { Contact } from '../../../src/domain/contact';
import type { Product } from '../../../src/domain/product';
import { createProductIndex } from '../../../src/domain/product-search';
import { createRecordModel } from '../../../src/ui/record/record-model';

/** Two tabs: two connections to the same database, each with its own transactions. */
let name: string;
let tabA: TallyDatabase;
let tabB: TallyDatabase;
let ada: Contact;
let grace: Contact;
let cream: Product;

const USD = (minor: number) => ({ minor, currency: 'USD' as const });
const snapshot = (externalId: string, name: string) => ({
  backOffice: 'northwind',
  externalId,
  name,
  email: `${name.split(' ')[0]?.toLowerCase()}@example.com`,
  url: `http://127.0.0.1:5178/customers/${externalId}`,
});

beforeEach(async () => {
  name = `tabs-${crypto.randomUUID()}`;
  tabA = new TallyDatabase(name);
  tabB = new TallyDatabase(name);
  ada = (await saveCapturedContact(tabA, snapshot('C-1', 'Ada Lovelace'), 'US')).contact;
  grace = (await saveCapturedContact(tabA, snapshot('C-2', 'Grace Hopper'), 'US')).contact;
  cream = (await addProduct(tabA, { sku: 'NW-1', name: 'Hand Cream', price: USD(1250), extra: {} })).product;
});
afterEach(async () => {
  tabB.close();
  await tabA.delete();
});

function draft(contactId: string, quantity: number, extra: Partial<PurchaseDraft> = {}): PurchaseDraft {
  return {
    contactId,
    kind: 'purchase',
    purchaseDate: '2026-10-05',
    currency: 'USD',
    lines: [
      {
        productId: cream.id,
        sku: cream.sku,
        name: cream.name,
        quantity,
        unitPrice: cream.price,
        catalogPrice: cream.price,
      },
    ],
    payment: { method: 'Cash' },
    ...extra,
  };
}

describe('two tabs recording at once', () => {
  it('keeps every record each tab confirms', async () => {
    const records = await Promise.all([
      recordPurchase(tabA, draft(ada.id, 1)),
      recordPurchase(tabB, draft(grace.id, 2)),
      recordPurchase(tabA, draft(ada.id, 3)),
      recordPurchase(tabB, draft(ada.id, 4)),
    ]);
    expect(new Set(records.map((record) => record.id)).size).toBe(4);
    const stored = await tabA.purchases.toArray();
    expect(stored.map((record) => record.lines[0]?.quantity).sort()).toEqual([1, 2, 3, 4]);
  });

  it('stores one order however often the same one is confirmed, from one tab or two', async () => {
    const id = crypto.randomUUID();
    const [first, ...again] = await Promise.all([
      recordPurchase(tabA, draft(ada.id, 1, { id })),
      recordPurchase(tabA, draft(ada.id, 1, { id })),
      recordPurchase(tabB, draft(ada.id, 1, { id })),
    ]);
    expect(first?.id).toBe(id);
    for (const each of again) expect(each).toEqual(first);
    expect(await tabA.purchases.count()).toBe(1);
    // A retry after the reply was lost, later on.
    expect(await recordPurchase(tabB, draft(ada.id, 1, { id }))).toEqual(first);
    expect(await tabA.purchases.count()).toBe(1);
  });

  it('takes store credit once for an order confirmed twice', async () => {
    await grantStoreCredit(tabA, {
      contactId: ada.id,
      amount: USD(2000),
      buyBackId: crypto.randomUUID(),
      text: 'Buy-back BB-0001',
    });
    const id = crypto.randomUUID();
    const paidWithCredit = draft(ada.id, 1, {
      id,
      payment: { method: 'Cash', storeCredit: USD(1250) },
    });
    await Promise.all([recordPurchase(tabA, paidWithCredit), recordPurchase(tabB, paidWithCredit)]);
    expect(await contactCreditBalances(tabA, ada.id)).toEqual([USD(750)]);
    expect(await tabA.storeCredit.count()).toBe(2);
  });

  it('stores one group order, with one share each, however often it is confirmed', async () => {
    const order = {
      id: crypto.randomUUID(),
      kind: 'purchase' as const,
      purchaseDate: '2026-10-05',
      currency: 'USD',
      lines: draft(ada.id, 4).lines,
      shares: [
        { contactId: ada.id, quantities: new Map([[cream.id, 1]]) },
        { contactId: grace.id, quantities: new Map([[cream.id, 3]]) },
      ],
    };
    const [first, second] = await Promise.all([recordGroupOrder(tabA, order), recordGroupOrder(tabB, order)]);
    expect(second?.group).toEqual(first?.group);
    expect(second?.records.map((record) => record.id).sort()).toEqual(
      first?.records.map((record) => record.id).sort(),
    );
    expect(await tabA.purchaseGroups.count()).toBe(1);
    expect(await tabA.purchases.count()).toBe(2);
  });

  it('confirming twice on the review screen (a double click, a retry) records one order', async () => {
    let failNext = true;
    const recording = createRecordModel(ada, 'purchase', {
      loadCatalog: async () => createProductIndex([cream]),
      save: async (order) => {
        if (failNext) {
          failNext = false;
          throw new Error('The connection was lost.');
        }
        await recordPurchase(tabA, order);
      },
      saveGroup: async () => undefined,
      searchContacts: async () => [],
      loadPaymentOptions: async () => ({ methods: ['Cash'], credit: [] }),
      today: () => '2026-10-05',
    });
    await recording.ready;
    recording.add(cream);
    recording.complete();
    expect(await recording.confirm()).toBe(false);
    expect(recording.error.value).toContain('The connection was lost.');
    const clicks = await Promise.all([recording.confirm(), recording.confirm()]);
    expect(clicks.filter(Boolean)).toHaveLength(1);
    expect(await recording.confirm()).toBe(true);
    expect(await tabA.purchases.count()).toBe(1);
  });
});

describe('two tabs capturing or starting a buy-back at once', () => {
  it('captures the same customer once: one contact, one capture in its history', async () => {
    const outcomes = await Promise.all([
      saveCapturedContact(tabA, snapshot('C-9', 'Alan Turing'), 'US'),
      saveCapturedContact(tabB, snapshot('C-9', 'Alan Turing'), 'US'),
      saveCapturedContact(tabB, snapshot('C-9', 'Alan Turing'), 'US'),
    ]);
    expect(outcomes.map((saved) => saved.outcome).sort()).toEqual(['captured', 'unchanged', 'unchanged']);
    expect(new Set(outcomes.map((saved) => saved.contact.id)).size).toBe(1);
    const alan = await tabA.contacts.where('externalKeys').anyOf(outcomes[0]!.contact.externalKeys).toArray();
    expect(alan).toHaveLength(1);
    expect(await tabA.contactEvents.where('contactId').equals(alan[0]!.id).count()).toBe(1);
  });

  it('numbers buy-backs started in two tabs apart, and starts one only once when sent twice', async () => {
    const [first, second] = await Promise.all([createBuyBack(tabA, ada.id), createBuyBack(tabB, grace.id)]);
    expect([first?.number, second?.number].sort()).toEqual([1, 2]);
    const id = crypto.randomUUID();
    const [third, again] = await Promise.all([
      createBuyBack(tabA, ada.id, id),
      createBuyBack(tabB, ada.id, id),
    ]);
    expect(again).toEqual(third);
    expect(third?.number).toBe(3);
    expect(await tabA.buyBacks.count()).toBe(3);
  });
});
