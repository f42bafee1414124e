import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachFile, listAttachments, removeAttachment } from '../../../src/db/attachments';
import {
  addItemToInventory,
  createItemProduct,
  finishItemRefurb,
  startItemRefurb,
} from '../../../src/db/buyback-items';
import { DoNotBuyBlocked, payOutBuyBack, type PayoutRequest } from '../../../src/db/buyback-payout';
import {
  addBuyBackComment,
  addRefurbNote,
  BuyBackRefused,
  completeBuyBack,
  createBuyBack,
  deleteBuyBack,
  getBuyBack,
  saveEstimate,
  type ItemDraft,
} from '../../../src/db/buybacks';
import { saveCapturedContact } from '../../../src/db/contacts';
import { TallyDatabase } from '../../../src/db/database';
import { searchSoldInventory } from '../../../src/db/inventory';
import * as v1 from '../../../src/db/migrations/001-initial';
import * as v2 from '../../../src/db/migrations/002-capture-history-recipes-sites';
import * as v3 from '../../../src/db/migrations/003-notes-groups-settings';
import { deletePurchase, recordPurchase } from '../../../src/db/purchases';
import { writeSetting } from '../../../src/db/settings';
import { Contact } from '../../../src/domain/contact';
import { contactSearchWords } from '../../../src/domain/contact-keys';
import { creditBalance } from '../../../src/domain/store-credit';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const USD = (minor: number) => ({ minor, currency: 'USD' });
const phone: ItemDraft = {
  description: 'iPhone 13',
  serial: '35-209900-176148-1',
  condition: 'B',
  price: USD(21_000),
};
const watch: ItemDraft = { description: 'Apple Watch Series 7', condition: 'A', price: USD(9_000) };

async function seller() {
  const { contact } = await saveCapturedContact(
    db,
    {
      backOffice: 'repair',
      externalId: '1042',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      url: 'http://127.0.0.1/c/1042',
    },
    'US',
  );
  return contact;
}

async function estimate(items: ItemDraft[] = [phone]) {
  const contact = await seller();
  const buyBack = await createBuyBack(db, contact.id);
  await saveEstimate(db, buyBack.id, { seller: { idType: 'Passport', idNumber: 'X123' }, items });
  return { contact, buyBack: (await getBuyBack(db, buyBack.id))! };
}

const cash = (): PayoutRequest => ({ payoutId: crypto.randomUUID(), method: 'Cash', reference: 'R-1' });

describe('buy-back estimates', () => {
  it('numbers buy-backs in order and starts each as an Estimate', async () => {
    const contact = await seller();
    const first = await createBuyBack(db, contact.id);
    const second = await createBuyBack(db, contact.id);
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first.status).toBe('estimate');
    expect(first.log[0]?.text).toBe('Estimate started for Ada Lovelace.');
  });

  it('saves items and identification, and refuses an invalid one without writing', async () => {
    const { buyBack } = await estimate([phone, watch]);
    expect(buyBack.items.map((item) => [item.description, item.stage])).toEqual([
      ['iPhone 13', 'bought'],
      ['Apple Watch Series 7', 'bought'],
    ]);
    await expect(
      saveEstimate(db, buyBack.id, { seller: {}, items: [{ ...phone, description: '' }] }),
    ).rejects.toThrow();
    expect(await getBuyBack(db, buyBack.id)).toEqual(buyBack);
  });

  it('keeps comments in the log with their time', async () => {
    const { buyBack } = await estimate();
    const commented = await addBuyBackComment(db, buyBack.id, 'Screen has a hairline scratch');
    expect(commented.log.at(-1)).toMatchObject({ kind: 'comment', text: 'Screen has a hairline scratch' });
    await expect(addBuyBackComment(db, buyBack.id, '   ')).rejects.toThrow();
  });
});

describe('paying out', () => {
  it('pays once: the same payout again is a no-op, a second payout is refused', async () => {
    const { buyBack } = await estimate();
    const request = cash();
    const paid = await payOutBuyBack(db, buyBack.id, request);
    expect(paid.status).toBe('paid');
    expect(paid.payout).toMatchObject({ method: 'Cash', reference: 'R-1', amount: USD(21_000) });
    expect(await payOutBuyBack(db, buyBack.id, request)).toEqual(paid);
    await expect(payOutBuyBack(db, buyBack.id, cash())).rejects.toThrow(
      'BB-0001 is already paid (Paid); it cannot be paid twice.',
    );
    expect(await getBuyBack(db, buyBack.id)).toEqual(paid);
  });

  it('two payouts at once pay once', async () => {
    const { buyBack } = await estimate();
    const results = await Promise.allSettled([
      payOutBuyBack(db, buyBack.id, { ...cash(), method: 'Store credit' }),
      payOutBuyBack(db, buyBack.id, { ...cash(), method: 'Store credit' }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.storeCredit.count()).toBe(1);
  });

  it('store credit becomes a balance on the contact, who is now a supplier too', async () => {
    const { contact, buyBack } = await estimate([phone, watch]);
    await payOutBuyBack(db, buyBack.id, { ...cash(), method: 'Store credit' });
    const ledger = await db.storeCredit.where('contactId').equals(contact.id).toArray();
    expect(creditBalance(ledger, 'USD')).toEqual(USD(30_000));
    expect(ledger[0]?.source).toEqual({ kind: 'buy-back', buyBackId: buyBack.id });
    expect(Contact.parse(await db.contacts.get(contact.id)).role).toBe('both');
  });

  it('refuses a method the shop does not use, and missing required identification', async () => {
    const { buyBack } = await estimate();
    await expect(payOutBuyBack(db, buyBack.id, { ...cash(), method: 'Bitcoin' })).rejects.toThrow(
      /not one of the shop's payment methods/,
    );
    await writeSetting(db, 'requiredSellerId', ['idNumber', 'dateOfBirth']);
    await expect(payOutBuyBack(db, buyBack.id, cash())).rejects.toThrow(
      "The seller's identification is incomplete: Date of birth required.",
    );
    expect((await getBuyBack(db, buyBack.id))?.status).toBe('estimate');
  });

  it('blocks items on the do-not-buy list unless overridden with a typed reason, which is logged', async () => {
    const { buyBack } = await estimate([phone, watch]);
    const now = new Date().toISOString();
    await db.doNotBuy.add({
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      serial: '352099001761481',
      serialKey: '352099001761481',
      reason: 'Reported stolen',
    });
    const blocked = payOutBuyBack(db, buyBack.id, cash());
    await expect(blocked).rejects.toBeInstanceOf(DoNotBuyBlocked);
    await expect(blocked).rejects.toThrow(
      'iPhone 13 (35-209900-176148-1) is on the do-not-buy list — Reported stolen',
    );
    expect((await getBuyBack(db, buyBack.id))?.status).toBe('estimate');

    const paid = await payOutBuyBack(db, buyBack.id, { ...cash(), override: 'Police cleared it, case 4471' });
    expect(paid.payout?.override).toBe('Police cleared it, case 4471');
    expect(paid.log.map((entry) => entry.text)).toContain(
      'Do-not-buy list overridden for 35-209900-176148-1: Police cleared it, case 4471',
    );
  });

  it('nets a trade-in against one of the contact’s purchases, once', async () => {
    const { contact, buyBack } = await estimate();
    const product = crypto.randomUUID();
    const purchase = await recordPurchase(db, {
      contactId: contact.id,
      kind: 'purchase',
      purchaseDate: '2026-11-22',
      currency: 'USD',
      lines: [
        {
          productId: product,
          sku: 'P-15',
          name: 'iPhone 15',
          quantity: 1,
          unitPrice: USD(79_900),
          catalogPrice: USD(79_900),
        },
      ],
    });
    await expect(
      payOutBuyBack(db, buyBack.id, { ...cash(), tradeInPurchaseId: purchase.id }),
    ).rejects.toThrow(/paid as "Trade-in"/);
    const paid = await payOutBuyBack(db, buyBack.id, {
      ...cash(),
      method: 'Trade-in',
      tradeInPurchaseId: purchase.id,
    });
    expect(paid.payout?.tradeInPurchaseId).toBe(purchase.id);
    const other = await createBuyBack(db, contact.id);
    await saveEstimate(db, other.id, { seller: {}, items: [watch] });
    await expect(
      payOutBuyBack(db, other.id, { ...cash(), method: 'Trade-in', tradeInPurchaseId: purchase.id }),
    ).rejects.toThrow('That purchase is already netted against BB-0001.');
  });
});

describe('from paid to inventory', () => {
  it('goes to inventory directly, then is completed by hand', async () => {
    await writeSetting(db, 'holdDays', 10);
    const { buyBack } = await estimate();
    const paid = await payOutBuyBack(db, buyBack.id, cash());
    const itemId = paid.items[0]!.id;
    await expect(addItemToInventory(db, buyBack.id, itemId)).rejects.toThrow(
      'Cannot add an item to inventory while the buy-back is Paid.',
    );
    const productsBefore = await db.products.count();
    await expect(createItemProduct(db, buyBack.id, itemId, USD(-1), { kind: 'one-time' })).rejects.toThrow(
      'A retail price cannot be negative.',
    );
    expect(await db.products.count()).toBe(productsBefore);
    const created = await createItemProduct(db, buyBack.id, itemId, USD(34_900), { kind: 'one-time' });
    expect(created.status).toBe('product-created');
    const product = await db.products.get(created.items[0]!.productId!);
    expect(product).toMatchObject({
      sku: 'BB-0001-1',
      oneTime: true,
      price: USD(34_900),
      name: 'iPhone 13 (35-209900-176148-1)',
    });
    expect(created.items[0]?.sellableFrom).toBe(addDaysToToday(10));

    const stocked = await addItemToInventory(db, buyBack.id, itemId);
    expect(stocked.status).toBe('added-to-inventory');
    const inventory = await db.inventoryItems.get(stocked.items[0]!.inventoryItemId!);
    expect(inventory).toMatchObject({
      status: 'in-stock',
      serialKey: '352099001761481',
      retailPrice: USD(34_900),
    });
    expect((await completeBuyBack(db, buyBack.id)).status).toBe('completed');
    await expect(completeBuyBack(db, buyBack.id)).rejects.toThrow(
      'This buy-back is completed; nothing more can change.',
    );
  });

  it('goes through a refurb with its own log; finishing it completes the buy-back', async () => {
    const { buyBack } = await estimate();
    const paid = await payOutBuyBack(db, buyBack.id, cash());
    const itemId = paid.items[0]!.id;
    await createItemProduct(db, buyBack.id, itemId, USD(30_000), {
      kind: 'catalog',
      sku: 'USED-IP13',
      name: 'iPhone 13, pre-owned',
    });
    expect((await db.products.where('sku').equals('USED-IP13').first())?.oneTime).toBeUndefined();
    const waiting = await startItemRefurb(db, buyBack.id, itemId, 'Battery at 71%');
    expect(waiting.status).toBe('waiting-on-refurb');
    const noted = await addRefurbNote(db, buyBack.id, itemId, 'Battery ordered');
    expect(noted.items[0]?.refurb?.log.map((entry) => entry.text)).toEqual(['Battery ordered']);
    const done = await finishItemRefurb(db, buyBack.id, itemId);
    expect(done.status).toBe('completed');
    expect(done.items[0]?.stage).toBe('in-inventory');
    expect(await db.inventoryItems.count()).toBe(1);
    await expect(addRefurbNote(db, buyBack.id, itemId, 'late')).rejects.toThrow(
      'That item has no refurb in progress.',
    );
  });

  it('takes back a device it sold before, keeping its inventory record and one-time product', async () => {
    const { buyBack, contact } = await estimate();
    const paid = await payOutBuyBack(db, buyBack.id, cash());
    const itemId = paid.items[0]!.id;
    await createItemProduct(db, buyBack.id, itemId, USD(30_000), { kind: 'one-time' });
    const stocked = await addItemToInventory(db, buyBack.id, itemId);
    const inventoryId = stocked.items[0]!.inventoryItemId!;
    await db.inventoryItems.update(inventoryId, { status: 'sold' });
    expect((await searchSoldInventory(db, '176148')).map((item) => item.id)).toEqual([inventoryId]);
    expect((await searchSoldInventory(db, 'iphone')).map((item) => item.id)).toEqual([inventoryId]);

    const again = await createBuyBack(db, contact.id);
    await saveEstimate(db, again.id, {
      seller: {},
      items: [{ ...phone, inventoryItemId: inventoryId, condition: 'C' }],
    });
    const paidAgain = await payOutBuyBack(db, again.id, cash());
    const second = await createItemProduct(db, again.id, paidAgain.items[0]!.id, USD(25_000), {
      kind: 'one-time',
    });
    expect(second.items[0]?.productId).toBe(stocked.items[0]?.productId);
    const back = await addItemToInventory(db, again.id, paidAgain.items[0]!.id);
    expect(back.items[0]?.inventoryItemId).toBe(inventoryId);
    expect(await db.inventoryItems.get(inventoryId)).toMatchObject({
      status: 'in-stock',
      condition: 'C',
      buyBackId: again.id,
    });
    expect(await db.inventoryItems.count()).toBe(1);
  });

  it('refuses changing items once paid', async () => {
    const { buyBack } = await estimate();
    await payOutBuyBack(db, buyBack.id, cash());
    await expect(saveEstimate(db, buyBack.id, { seller: {}, items: [watch] })).rejects.toThrow(
      BuyBackRefused,
    );
  });
});

describe('selling a bought-back device', () => {
  async function stocked(holdDays = 0) {
    await writeSetting(db, 'holdDays', holdDays);
    const { buyBack, contact } = await estimate();
    const paid = await payOutBuyBack(db, buyBack.id, cash());
    const itemId = paid.items[0]!.id;
    await createItemProduct(db, buyBack.id, itemId, USD(30_000), { kind: 'one-time' });
    const done = await addItemToInventory(db, buyBack.id, itemId);
    const product = (await db.products.get(done.items[0]!.productId!))!;
    const sell = (purchaseDate = paid.payout!.paidOn, quantity = 1) =>
      recordPurchase(db, {
        contactId: contact.id,
        kind: 'purchase',
        purchaseDate,
        currency: 'USD',
        lines: [
          {
            productId: product.id,
            sku: product.sku,
            name: product.name,
            quantity,
            unitPrice: USD(30_000),
            catalogPrice: USD(30_000),
          },
        ],
      });
    return { product, inventoryId: done.items[0]!.inventoryItemId!, sell, paidOn: paid.payout!.paidOn };
  }

  it('sells it once: the product leaves search and the inventory record is sold; deleting the order restocks it', async () => {
    const { product, inventoryId, sell } = await stocked();
    await expect(sell(undefined, 2)).rejects.toThrow('is a single device: its quantity can only be 1.');
    const order = await sell();
    expect((await db.products.get(product.id))?.soldOut).toBe(true);
    expect(await db.inventoryItems.get(inventoryId)).toMatchObject({
      status: 'sold',
      soldInPurchaseId: order.id,
    });
    await expect(sell()).rejects.toThrow('has already been sold.');
    await deletePurchase(db, order.id);
    expect((await db.products.get(product.id))?.soldOut).toBeUndefined();
    expect((await db.inventoryItems.get(inventoryId))?.status).toBe('in-stock');
  });

  it('refuses a sale dated inside the hold period, and nothing is written', async () => {
    const { sell, paidOn, inventoryId } = await stocked(10);
    await expect(sell(paidOn)).rejects.toThrow(/is on hold until \d{4}-\d{2}-\d{2}/);
    expect(await db.purchases.count()).toBe(0);
    expect((await db.inventoryItems.get(inventoryId))?.status).toBe('in-stock');
  });
});

describe('deleting', () => {
  it('deletes an estimate at once, and a paid one only when confirmed, keeping an audit entry', async () => {
    const { buyBack } = await estimate();
    await payOutBuyBack(db, buyBack.id, cash());
    await expect(deleteBuyBack(db, buyBack.id, { confirmed: false })).rejects.toThrow(/confirm to delete/);
    await deleteBuyBack(db, buyBack.id, { confirmed: true, reason: 'Entered twice' });
    expect(await getBuyBack(db, buyBack.id)).toBeUndefined();
    const kept = await db.buyBacks.get(buyBack.id);
    expect(kept?.log.at(-1)?.text).toBe('Deleted while Paid: Entered twice');
  });
});

describe('attachments', () => {
  const png: Uint8Array<ArrayBuffer> = new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4,
  ]);
  const file = (bytes: Uint8Array<ArrayBuffer>, name: string, type: string) =>
    Object.assign(new Blob([bytes], { type }), { name });

  it('keeps an image with its SHA-256 and refuses files that are not images or PDFs', async () => {
    const { buyBack } = await estimate();
    const meta = await attachFile(db, buyBack.id, file(png, 'id.png', 'image/png'));
    expect(meta).toMatchObject({ name: 'id.png', size: 12, type: 'image/png' });
    expect(meta.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    const [stored] = await listAttachments(db, buyBack.id);
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(png);
    await expect(attachFile(db, buyBack.id, file(png, 'virus.pdf', 'application/pdf'))).rejects.toThrow(
      'virus.pdf is not an image (JPEG, PNG, WebP, GIF) or a PDF.',
    );
    await payOutBuyBack(db, buyBack.id, cash());
    await expect(removeAttachment(db, meta.id)).rejects.toThrow(/kept as its record/);
  });
});

describe('migration to version 4', () => {
  it('keeps every version-3 row and adds the buy-back tables', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(v1.version).stores(v1.stores);
    old.version(v2.version).stores(v2.stores);
    old.version(v3.version).stores(v3.stores);
    const contact = Contact.parse({
      id: crypto.randomUUID(),
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:00:00.000Z',
      name: 'Ada Lovelace',
      role: 'customer',
      externalIds: [],
      externalKeys: [],
      nameKey: 'ada lovelace',
    });
    await old.open();
    await old.table('contacts').add(contact);
    await old.table('settings').add({ key: 'holdDays', value: 3 });
    old.close();

    const upgraded = new TallyDatabase(name);
    try {
      await upgraded.open();
      expect(upgraded.verno).toBeGreaterThanOrEqual(4);
      // Version 5 gives every contact its search words; nothing else changes.
      expect(Contact.parse(await upgraded.contacts.get(contact.id))).toEqual({
        ...contact,
        searchWords: contactSearchWords(contact),
      });
      expect(await upgraded.settings.get('holdDays')).toEqual({ key: 'holdDays', value: 3 });
      for (const table of ['buyBacks', 'attachments', 'inventoryItems', 'storeCredit', 'doNotBuy'] as const) {
        expect(await upgraded[table].count()).toBe(0);
      }
    } finally {
      await upgraded.delete();
    }
  });
});

function addDaysToToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
