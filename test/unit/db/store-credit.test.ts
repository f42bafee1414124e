import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { TallyDatabase } from '../../../src/db/database';
import * as v1 from '../../../src/db/migrations/001-initial';
import * as v2 from '../../../src/db/migrations/002-capture-history-recipes-sites';
import * as v3 from '../../../src/db/migrations/003-notes-groups-settings';
import { saveCapturedContact } from '../../../src/db/contacts';
import {
  deletePurchase,
  recordGroupOrder,
  recordPurchase,
  restorePurchase,
  updatePurchase,
  type PurchaseDraft,
} from '../../../src/db/purchases';
import {
  contactCreditBalance,
  contactCreditBalances,
  grantStoreCredit,
  listContactCredit,
} from '../../../src/db/store-credit';
import { STORE_CREDIT } from '../../../src/domain/buyback';
import { PurchaseRecord, type PurchaseLine } from '../../../src/domain/purchase';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const usd = (minor: number) => ({ minor, currency: 'USD' });

/** $12.50 each. */
function cream(quantity: number): PurchaseLine {
  return {
    productId: '33333333-3333-4333-8333-333333333333',
    sku: 'NW-1',
    name: 'Hand Cream',
    quantity,
    unitPrice: usd(1250),
    catalogPrice: usd(1250),
  };
}

async function contact(name = 'Ada Lovelace', email = 'ada@example.com') {
  const { contact: saved } = await saveCapturedContact(
    db,
    { backOffice: 'northwind', name, email, url: 'http://127.0.0.1/rep' },
    'US',
  );
  return saved;
}

async function grant(contactId: string, minor: number, currency = 'USD') {
  return grantStoreCredit(db, {
    contactId,
    amount: { minor, currency },
    buyBackId: crypto.randomUUID(),
    text: 'Buy-back paid in store credit',
  });
}

function paidOrder(contactId: string, quantity: number, credit?: number, method = 'Cash'): PurchaseDraft {
  return {
    contactId,
    kind: 'purchase',
    purchaseDate: '2026-11-01',
    currency: 'USD',
    lines: [cream(quantity)],
    payment: { method, ...(credit === undefined ? {} : { storeCredit: usd(credit) }) },
  };
}

const balance = (contactId: string) => contactCreditBalance(db, contactId, 'USD');

describe('the store-credit ledger', () => {
  it('lists a contact’s entries newest first, with a balance per currency', async () => {
    const ada = await contact();
    const grace = await contact('Grace Hopper', 'grace@example.com');
    const first = await grant(ada.id, 5000);
    const second = await grant(ada.id, 1500);
    const euros = await grant(ada.id, 700, 'EUR');
    await grant(grace.id, 100);
    expect((await listContactCredit(db, ada.id)).map((entry) => entry.id)).toEqual([
      euros.id,
      second.id,
      first.id,
    ]);
    expect(await contactCreditBalances(db, ada.id)).toEqual([{ minor: 700, currency: 'EUR' }, usd(6500)]);
    expect(await balance(ada.id)).toEqual(usd(6500));
    expect(await contactCreditBalance(db, ada.id, 'JPY')).toEqual({ minor: 0, currency: 'JPY' });
    expect(await contactCreditBalances(db, crypto.randomUUID())).toEqual([]);
  });
});

describe('paying a purchase with store credit', () => {
  it('stores the order and the negative entry together; the balance drops', async () => {
    const ada = await contact();
    await grant(ada.id, 5000);
    const order = await recordPurchase(db, paidOrder(ada.id, 3, 2000)); // $37.50, $20 in credit
    expect(order.payment).toEqual({ method: 'Cash', storeCredit: usd(2000) });
    expect(await balance(ada.id)).toEqual(usd(3000));
    const [spent] = await listContactCredit(db, ada.id);
    expect(spent).toMatchObject({
      contactId: ada.id,
      amount: usd(-2000),
      source: { kind: 'purchase', purchaseId: order.id },
    });
  });

  it('pays a whole order by store credit', async () => {
    const ada = await contact();
    await grant(ada.id, 5000);
    await recordPurchase(db, paidOrder(ada.id, 4, 5000, STORE_CREDIT));
    expect(await contactCreditBalances(db, ada.id)).toEqual([]);
  });

  it('refuses an order the balance does not cover, and writes nothing', async () => {
    const ada = await contact();
    await grant(ada.id, 1000);
    await expect(recordPurchase(db, paidOrder(ada.id, 2, 1500))).rejects.toThrow(
      'Store credit is $10.00; this order uses $15.00.',
    );
    await expect(recordPurchase(db, paidOrder(crypto.randomUUID(), 2, 1500))).rejects.toThrow(
      /no longer exists/,
    );
    expect(await db.purchases.count()).toBe(0);
    expect(await db.storeCredit.count()).toBe(1);
    expect(await balance(ada.id)).toEqual(usd(1000));
  });

  it('refuses a payment that does not fit the order, in a sentence', async () => {
    const ada = await contact();
    await grant(ada.id, 10_000);
    await expect(recordPurchase(db, paidOrder(ada.id, 1, 1300))).rejects.toThrow(
      'The payment does not fit this order: store credit used cannot be more than the order total.',
    );
    await expect(recordPurchase(db, paidOrder(ada.id, 2, 1000, STORE_CREDIT))).rejects.toThrow(
      /the credit must cover the whole total/,
    );
    await expect(
      recordPurchase(db, { ...paidOrder(ada.id, 1), kind: 'sample', lines: [cream(1)] }),
    ).rejects.toThrow(/a sample is given, not paid for/);
    await expect(
      recordPurchase(db, { ...paidOrder(ada.id, 1), payment: { method: 'Cash', storeCredit: usd(0) } }),
    ).rejects.toThrow(/more than zero/);
    expect(await db.purchases.count()).toBe(0);
    expect(await balance(ada.id)).toEqual(usd(10_000));
  });

  it('records a payment method without store credit, and leaves the ledger alone', async () => {
    const ada = await contact();
    const order = await recordPurchase(db, paidOrder(ada.id, 1));
    expect(order.payment).toEqual({ method: 'Cash' });
    expect(await db.storeCredit.count()).toBe(0);
  });

  it('keeps group orders without store credit', async () => {
    const ada = await contact();
    const grace = await contact('Grace Hopper', 'grace@example.com');
    await grant(ada.id, 5000);
    const group = (payment: PurchaseDraft['payment']) => ({
      kind: 'purchase' as const,
      purchaseDate: '2026-11-01',
      currency: 'USD',
      lines: [cream(2)],
      payment,
      shares: [
        { contactId: ada.id, quantities: new Map([[cream(1).productId, 1]]) },
        { contactId: grace.id, quantities: new Map([[cream(1).productId, 1]]) },
      ],
    });
    await expect(recordGroupOrder(db, group({ method: 'Cash', storeCredit: usd(500) }))).rejects.toThrow(
      /A group order cannot be paid with store credit/,
    );
    await expect(recordGroupOrder(db, group({ method: STORE_CREDIT }))).rejects.toThrow(
      /A group order cannot be paid with store credit/,
    );
    expect(await db.purchases.count()).toBe(0);
    const { records } = await recordGroupOrder(db, group({ method: 'Card' }));
    expect(records.map((record) => record.payment)).toEqual([{ method: 'Card' }, { method: 'Card' }]);
    await expect(
      updatePurchase(db, records[0]!.id, {
        purchaseDate: '2026-11-01',
        currency: 'USD',
        lines: [cream(1)],
        payment: { method: 'Card', storeCredit: usd(500) },
      }),
    ).rejects.toThrow(/A group order cannot be paid with store credit/);
    expect(await balance(ada.id)).toEqual(usd(5000));
  });
});

describe('editing, deleting and restoring an order paid with store credit', () => {
  async function setUp() {
    const ada = await contact();
    await grant(ada.id, 5000);
    const order = await recordPurchase(db, paidOrder(ada.id, 3, 2000)); // $37.50, $20 in credit
    return { ada, order };
  }

  const edit = (id: string, quantity: number, payment?: PurchaseDraft['payment']) =>
    updatePurchase(db, id, {
      purchaseDate: '2026-11-01',
      currency: 'USD',
      lines: [cream(quantity)],
      ...(payment ? { payment } : {}),
    });

  it('keeps the payment through an edit that leaves it alone, while the total covers the credit', async () => {
    const { ada, order } = await setUp();
    const edited = await edit(order.id, 2); // $25.00 ≥ $20.00
    expect(edited.payment).toEqual(order.payment);
    expect(await balance(ada.id)).toEqual(usd(3000));
    expect(await db.storeCredit.count()).toBe(2);
  });

  it('refuses an edit that brings the total below the credit used, changing nothing', async () => {
    const { ada, order } = await setUp();
    await expect(edit(order.id, 1)).rejects.toThrow(
      'This order uses $20.00 of store credit, more than its new total of $12.50: use less store credit first.',
    );
    expect(await db.purchases.get(order.id)).toEqual(order);
    expect(await balance(ada.id)).toEqual(usd(3000));
  });

  it('moves the ledger by the difference when the edit changes the credit used', async () => {
    const { ada, order } = await setUp();
    await edit(order.id, 1, { method: 'Cash', storeCredit: usd(500) });
    expect(await balance(ada.id)).toEqual(usd(4500));
    expect((await listContactCredit(db, ada.id))[0]).toMatchObject({
      amount: usd(1500),
      source: { kind: 'purchase', purchaseId: order.id },
    });
    await edit(order.id, 4, { method: STORE_CREDIT, storeCredit: usd(5000) });
    expect(await contactCreditBalances(db, ada.id)).toEqual([]);
    await edit(order.id, 4, { method: 'Card' });
    expect(await balance(ada.id)).toEqual(usd(5000));
    expect((await listContactCredit(db, ada.id))[0]?.source.kind).toBe('reversal');
  });

  it('refuses an edit that needs more credit than the contact has, counting what the order holds', async () => {
    const { ada, order } = await setUp();
    await recordPurchase(db, paidOrder(ada.id, 2, 2500)); // $5.00 left; the first order holds $20
    await expect(edit(order.id, 3, { method: 'Cash', storeCredit: usd(3000) })).rejects.toThrow(
      'Store credit is $25.00; this order uses $30.00.',
    );
    expect(await db.purchases.get(order.id)).toEqual(order);
    expect(await balance(ada.id)).toEqual(usd(500));
    await edit(order.id, 3, { method: 'Cash', storeCredit: usd(2500) });
    expect(await contactCreditBalances(db, ada.id)).toEqual([]);
  });

  it('gives the credit back on delete with a reversal, and takes it again on restore', async () => {
    const { ada, order } = await setUp();
    const [spent] = await listContactCredit(db, ada.id);
    await deletePurchase(db, order.id);
    expect(await balance(ada.id)).toEqual(usd(5000));
    expect((await listContactCredit(db, ada.id))[0]).toMatchObject({
      amount: usd(2000),
      source: { kind: 'reversal', entryId: spent?.id },
    });
    // Deleting twice gives nothing back twice.
    await deletePurchase(db, order.id);
    expect(await balance(ada.id)).toEqual(usd(5000));
    await restorePurchase(db, order.id);
    expect(await balance(ada.id)).toEqual(usd(3000));
    expect((await listContactCredit(db, ada.id))[0]).toMatchObject({
      amount: usd(-2000),
      source: { kind: 'purchase', purchaseId: order.id },
    });
    expect((await db.purchases.get(order.id))?.deletedAt).toBeUndefined();
  });

  it('refuses to restore an order whose credit was spent meanwhile; it stays deleted', async () => {
    const { ada, order } = await setUp();
    await deletePurchase(db, order.id);
    await recordPurchase(db, paidOrder(ada.id, 4, 4000)); // $10.00 left
    await expect(restorePurchase(db, order.id)).rejects.toThrow(
      'Store credit is $10.00; this order uses $20.00.',
    );
    expect((await db.purchases.get(order.id))?.deletedAt).toBeDefined();
    expect(await balance(ada.id)).toEqual(usd(1000));
  });
});

describe('purchases recorded before payments were', () => {
  it('a version-3 purchase without a payment still parses after the upgrade, and can be given one', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(v1.version).stores(v1.stores);
    old.version(v2.version).stores(v2.stores);
    old.version(v3.version).stores(v3.stores);
    const now = '2026-11-01T10:00:00.000Z';
    const contactRow = {
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      name: 'Ada Lovelace',
      role: 'customer',
      externalIds: [],
      externalKeys: [],
      nameKey: 'ada lovelace',
    };
    // Written as version 3 wrote it: no `payment` key at all.
    const purchaseRow = {
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      contactId: contactRow.id,
      kind: 'purchase',
      purchaseDate: '2026-10-01',
      currency: 'USD',
      lines: [cream(2)],
    };
    await old.open();
    await old.table('contacts').add(contactRow);
    await old.table('purchases').add(purchaseRow);
    old.close();

    const upgraded = new TallyDatabase(name);
    try {
      await upgraded.open();
      const stored = PurchaseRecord.parse(await upgraded.purchases.get(purchaseRow.id));
      expect(stored).toEqual(purchaseRow);
      expect(stored.payment).toBeUndefined();
      await grantStoreCredit(upgraded, {
        contactId: contactRow.id,
        amount: usd(1000),
        buyBackId: crypto.randomUUID(),
        text: 'Buy-back',
      });
      const edited = await updatePurchase(upgraded, purchaseRow.id, {
        purchaseDate: '2026-10-01',
        currency: 'USD',
        lines: [cream(2)],
        payment: { method: 'Card', storeCredit: usd(1000) },
      });
      expect(edited.payment).toEqual({ method: 'Card', storeCredit: usd(1000) });
      expect(await contactCreditBalances(upgraded, contactRow.id)).toEqual([]);
    } finally {
      await upgraded.delete();
    }
  });
});
