import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { importCatalog } from '../../../src/db/products';
import {
  createPurchaseOrder,
  deletePurchaseOrderDraft,
  getPurchaseOrder,
  listSupplierPurchaseOrders,
  markPurchaseOrderReceived,
  markPurchaseOrderSent,
  PurchaseOrderRefused,
  savePurchaseOrderDraft,
  supplierLastCosts,
} from '../../../src/db/purchase-orders';
import type { Contact, ContactRole } from '../../../src/domain/contact';
import { applyContactFields } from '../../../src/domain/contact-edit';
import { PurchaseOrder, type PurchaseOrderLine } from '../../../src/domain/purchase-order';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const NOW = '2026-11-20T09:00:00.000Z';
const EUR = (minor: number) => ({ minor, currency: 'EUR' });
const USD = (minor: number) => ({ minor, currency: 'USD' });

async function contact(name: string, role: ContactRole): Promise<Contact> {
  const stored = applyContactFields(
    undefined,
    { name, role, externalIds: [] },
    { newId: crypto.randomUUID(), now: NOW, defaultCountry: 'US' },
  );
  await db.contacts.add(stored);
  return stored;
}

function line(n: number, quantity: number, cost?: number): PurchaseOrderLine {
  return {
    productId: `10000000-0000-4000-8000-00000000000${n}`,
    sku: `NW-100${n}`,
    name: `Product ${n}`,
    quantity,
    ...(cost === undefined ? {} : { unitCost: USD(cost) }),
  };
}

/** Writes nothing: the stored order is the same after a refused step. */
async function expectRefused(step: Promise<unknown>, id: string, reason: string | RegExp) {
  const before = await db.purchaseOrders.get(id);
  await expect(step).rejects.toThrow(PurchaseOrderRefused);
  await expect(step).rejects.toThrow(reason);
  expect(await db.purchaseOrders.get(id)).toEqual(before);
}

describe('creating a purchase order', () => {
  it('starts an empty draft in the catalog currency, numbered after the last', async () => {
    await importCatalog(db, [{ sku: 'NW-1', name: 'Cream', price: EUR(500), extra: {} }]);
    const supplier = await contact('Penguin Parts', 'supplier');
    const first = await createPurchaseOrder(db, supplier.id);
    const second = await createPurchaseOrder(db, supplier.id);
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first).toMatchObject({ status: 'draft', currency: 'EUR', lines: [], supplierId: supplier.id });
    expect(PurchaseOrder.parse(await db.purchaseOrders.get(first.id))).toEqual(first);
  });

  it('gives every order its own number when many are started at once (two tabs)', async () => {
    const a = await contact('Penguin Parts', 'supplier');
    const b = await contact('Acme Supply', 'both');
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, index) => createPurchaseOrder(db, index % 2 ? a.id : b.id)),
    );
    const numbers = created.map((order) => order.number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
  });

  it('never reuses the number of a deleted draft', async () => {
    const supplier = await contact('Penguin Parts', 'supplier');
    const first = await createPurchaseOrder(db, supplier.id);
    await deletePurchaseOrderDraft(db, first.id);
    expect((await createPurchaseOrder(db, supplier.id)).number).toBe(2);
  });

  it('makes a customer-only contact both customer and supplier, and refuses a deleted contact', async () => {
    const customer = await contact('Ada Lovelace', 'customer');
    await createPurchaseOrder(db, customer.id);
    expect((await db.contacts.get(customer.id))?.role).toBe('both');

    const gone = await contact('Gone Supplier', 'supplier');
    await db.contacts.update(gone.id, { deletedAt: NOW });
    await expect(createPurchaseOrder(db, gone.id)).rejects.toThrow('This contact no longer exists.');
    expect(await db.purchaseOrders.count()).toBe(1);
  });
});

describe('a purchase order from draft to received', () => {
  it('saves the draft, sends it, receives it, and then refuses every change', async () => {
    const supplier = await contact('Penguin Parts', 'supplier');
    const { id } = await createPurchaseOrder(db, supplier.id);

    await expectRefused(markPurchaseOrderSent(db, id, '2026-11-20'), id, 'Add at least one product');
    await savePurchaseOrderDraft(db, id, { lines: [line(1, 2, 1250), line(2, 1)], note: 'Back door' });
    await expectRefused(markPurchaseOrderSent(db, id, '2026-11-20'), id, 'Type the cost of Product 2');
    await expectRefused(markPurchaseOrderReceived(db, id, '2026-11-20', '2026-11-22'), id, 'Send PO-0001');

    await savePurchaseOrderDraft(db, id, { lines: [line(1, 2, 1250), line(2, 1, 4500)], note: 'Back door' });
    const sent = await markPurchaseOrderSent(db, id, '2026-11-20');
    expect(sent).toMatchObject({ status: 'sent', sentOn: '2026-11-20', note: 'Back door' });

    await expectRefused(savePurchaseOrderDraft(db, id, { lines: [], note: '' }), id, 'PO-0001 was sent');
    await expectRefused(deletePurchaseOrderDraft(db, id), id, 'Only a draft can be deleted');
    await expectRefused(
      markPurchaseOrderReceived(db, id, '2026-11-23', '2026-11-22'),
      id,
      'Received on cannot be in the future.',
    );

    const received = await markPurchaseOrderReceived(db, id, '2026-11-21', '2026-11-22');
    expect(received).toMatchObject({ status: 'received', receivedOn: '2026-11-21' });
    expect(await getPurchaseOrder(db, id)).toEqual(received);
    await expectRefused(markPurchaseOrderReceived(db, id, '2026-11-22', '2026-11-22'), id, 'final');
  });

  it('refuses lines that do not make a valid order, and writes nothing', async () => {
    const supplier = await contact('Penguin Parts', 'supplier');
    const { id } = await createPurchaseOrder(db, supplier.id);
    await expectRefused(
      savePurchaseOrderDraft(db, id, { lines: [line(1, 1, 100), line(1, 2, 100)], note: '' }),
      id,
      /not saved: a product is on one line only/,
    );
    await expectRefused(
      savePurchaseOrderDraft(db, id, { lines: [{ ...line(1, 1), unitCost: EUR(1) }], note: '' }),
      id,
      /order currency/,
    );
    const many = Array.from({ length: 501 }, (_, n) => ({
      ...line(1, 1),
      productId: crypto.randomUUID(),
      sku: `P-${n}`,
    }));
    await expectRefused(
      savePurchaseOrderDraft(db, id, { lines: many, note: '' }),
      id,
      'The purchase order was not saved: at most 500 products on one order.',
    );
  });

  it('deletes a draft softly: gone from the supplier’s list, its row kept', async () => {
    const supplier = await contact('Penguin Parts', 'supplier');
    const { id } = await createPurchaseOrder(db, supplier.id);
    await deletePurchaseOrderDraft(db, id);
    expect(await getPurchaseOrder(db, id)).toBeUndefined();
    expect(await listSupplierPurchaseOrders(db, supplier.id)).toEqual([]);
    expect((await db.purchaseOrders.get(id))?.deletedAt).toBeDefined();
    await expect(deletePurchaseOrderDraft(db, id)).rejects.toThrow('This purchase order no longer exists.');
  });
});

describe('each supplier’s orders and costs', () => {
  it('lists one supplier’s orders newest first, not another’s', async () => {
    const penguin = await contact('Penguin Parts', 'supplier');
    const acme = await contact('Acme Supply', 'supplier');
    const one = await createPurchaseOrder(db, penguin.id);
    await createPurchaseOrder(db, acme.id);
    const three = await createPurchaseOrder(db, penguin.id);
    expect((await listSupplierPurchaseOrders(db, penguin.id)).map((order) => order.id)).toEqual([
      three.id,
      one.id,
    ]);
  });

  it('starts a product’s cost from what this supplier last charged for it, not another supplier', async () => {
    const penguin = await contact('Penguin Parts', 'supplier');
    const acme = await contact('Acme Supply', 'supplier');
    for (const [supplier, cost] of [
      [penguin, 1000],
      [penguin, 1100],
      [acme, 700],
    ] as const) {
      const { id } = await createPurchaseOrder(db, supplier.id);
      await savePurchaseOrderDraft(db, id, { lines: [line(1, 1, cost)], note: '' });
      await markPurchaseOrderSent(db, id, '2026-11-20');
    }
    // A draft's cost is not agreed with the supplier yet.
    const draft = await createPurchaseOrder(db, penguin.id);
    await savePurchaseOrderDraft(db, draft.id, { lines: [line(1, 1, 5), line(2, 1, 5)], note: '' });

    expect(await supplierLastCosts(db, penguin.id, 'USD')).toEqual(
      new Map([[line(1, 1).productId, USD(1100)]]),
    );
    expect(await supplierLastCosts(db, acme.id, 'USD')).toEqual(new Map([[line(1, 1).productId, USD(700)]]));
    expect((await supplierLastCosts(db, penguin.id, 'EUR')).size).toBe(0);
  });
});
