import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { importCatalog } from '../../../src/db/products';
import {
  createPurchaseOrder,
  markPurchaseOrderSent,
  savePurchaseOrderDraft,
} from '../../../src/db/purchase-orders';
import type { Contact, ContactRole } from '../../../src/domain/contact';
import { applyContactFields } from '../../../src/domain/contact-edit';
import { productSearchText } from '../../../src/domain/product';
import {
  createPurchaseOrderModel,
  type PurchaseOrderRequest,
} from '../../../src/ui/purchase-order/purchase-order-model';
import { createSupplierOrdersModel } from '../../../src/ui/purchase-order/supplier-orders-model';
import { createCatalogCache } from '../../../src/ui/record/catalog-cache';

/**
 * The purchase order screen's model as a user drives it: what is typed, the steps, and what each
 * bad input says, over a real (fake-indexeddb) database. The PDF itself is purchase-order-pdf's.
 */

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const NOW = '2026-11-20T09:00:00.000Z';
const TODAY = '2026-11-20';
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

async function screen(id: string) {
  const requests: PurchaseOrderRequest[] = [];
  const downloads: { filename: string; request: PurchaseOrderRequest }[] = [];
  let failPdf = false;
  const model = createPurchaseOrderModel(
    {
      db,
      locale: 'en-US',
      download: (filename) => downloads.push({ filename, request: requests.at(-1)! }),
      document: async (request) => {
        if (failPdf) throw new Error('jspdf is missing');
        requests.push(request);
        return new Blob(['%PDF']);
      },
      loadCatalog: createCatalogCache(db).get,
      today: () => TODAY,
    },
    id,
  );
  await model.load();
  return { model, downloads, failPdfs: () => (failPdf = true) };
}

/** Picks the first product the search finds for `query`, as Enter does. */
function add(model: Awaited<ReturnType<typeof screen>>['model'], query: string) {
  model.search.setQuery(query);
  model.search.pickHighlighted();
}

async function draftTo(name = 'Penguin Parts') {
  await importCatalog(db, [
    { sku: 'NW-1001', name: 'Hand Cream', price: USD(1250), extra: {} },
    { sku: 'NW-1002', name: 'Foot Cream', price: USD(900), extra: {} },
  ]);
  // A bought-back device, in the catalog as a product of its own.
  await db.products.add({
    id: crypto.randomUUID(),
    sku: 'BB-0001-1',
    name: 'Used Phone',
    price: USD(9000),
    extra: {},
    searchText: productSearchText({ sku: 'BB-0001-1', name: 'Used Phone' }),
    oneTime: true,
    createdAt: NOW,
    updatedAt: NOW,
  });
  const supplier = await contact(name, 'supplier');
  return { supplier, order: await createPurchaseOrder(db, supplier.id) };
}

describe('purchase order screen model', () => {
  it('adds products from the catalog, one line each, but never a bought-back one-time item', async () => {
    const { order } = await draftTo();
    const { model } = await screen(order.id);
    expect(model.title.value).toBe('PO-0001 to Penguin Parts');
    add(model, 'NW-1001');
    add(model, 'NW-1001');
    add(model, 'Foot');
    model.search.setQuery('Used Phone');
    expect(model.search.results.value).toEqual([]);
    expect(model.lines.value.map((line) => [line.sku, line.quantityText, line.costText])).toEqual([
      ['NW-1001', '2', ''],
      ['NW-1002', '1', ''],
    ]);
    model.removeLine(model.lines.value[0]!.productId);
    expect(model.lines.value.map((line) => line.sku)).toEqual(['NW-1002']);
  });

  it('marks a bad quantity or cost and saves nothing until it is fixed', async () => {
    const { order } = await draftTo();
    const { model } = await screen(order.id);
    add(model, 'NW-1001');
    const { productId } = model.lines.value[0]!;
    model.updateLine(productId, { quantityText: '0', costText: '4.255' });
    expect(await model.saveDraft()).toBe(false);
    expect(model.formProblem.value).toBe('Some fields need fixing before PO-0001 can be saved.');
    expect(model.check.value.lineProblems.get(productId)).toEqual({
      quantity: 'Quantity must be 1 or more.',
      cost: expect.stringMatching(/^Cost /),
    });
    expect((await db.purchaseOrders.get(order.id))?.lines).toEqual([]);

    model.updateLine(productId, { quantityText: '12', costText: '4.25' });
    expect(model.formProblem.value).toBeNull();
    expect(model.total.value).toEqual(USD(5100));
    expect(await model.saveDraft()).toBe(true);
    expect(model.status.value).toBe('Draft saved.');
    expect((await db.purchaseOrders.get(order.id))?.lines).toMatchObject([
      { sku: 'NW-1001', quantity: 12, unitCost: USD(425) },
    ]);
  });

  it('sends only with every cost typed; then saves, marks it sent and downloads its PDF', async () => {
    const { order, supplier } = await draftTo();
    const { model, downloads } = await screen(order.id);
    add(model, 'NW-1001');
    add(model, 'NW-1002');
    const [first, second] = model.lines.value.map((line) => line.productId);
    model.updateLine(first!, { costText: '4.25' });

    await model.markSent();
    expect(model.formProblem.value).toBe('Some fields need fixing before PO-0001 can be sent.');
    expect(model.check.value.lineProblems.get(second!)).toEqual({
      cost: 'Type the cost before sending the order.',
    });
    expect((await db.purchaseOrders.get(order.id))?.status).toBe('draft');
    expect(downloads).toEqual([]);
    // A draft may still be saved without the cost: Save draft no longer asks for it.
    expect(await model.saveDraft()).toBe(true);
    expect(model.check.value.lineProblems.size).toBe(0);

    model.updateLine(second!, { costText: '1,250.50' });
    await model.markSent();
    expect(model.error.value).toBeNull();
    expect(model.status.value).toBe('PO-0001 marked as sent; its PDF is downloaded.');
    expect(model.order.value).toMatchObject({ status: 'sent', sentOn: TODAY });
    expect(await db.purchaseOrders.get(order.id)).toMatchObject({ status: 'sent', sentOn: TODAY });
    expect(downloads.map((each) => each.filename)).toEqual(['purchase-order-PO-0001.pdf']);
    expect(downloads[0]?.request.supplier.id).toBe(supplier.id);
    expect(downloads[0]?.request.order.lines.map((line) => line.unitCost)).toEqual([USD(425), USD(125050)]);
  });

  it('says when sending an order without products is refused, and writes nothing', async () => {
    const { order } = await draftTo();
    const { model, downloads } = await screen(order.id);
    await model.markSent();
    expect(model.error.value).toBe('Add at least one product before sending PO-0001.');
    expect(model.order.value?.status).toBe('draft');
    expect((await db.purchaseOrders.get(order.id))?.status).toBe('draft');
    expect(downloads).toEqual([]);
  });

  it('keeps the order sent when its PDF cannot be made, and says so', async () => {
    const { order } = await draftTo();
    const { model, downloads, failPdfs } = await screen(order.id);
    add(model, 'NW-1001');
    model.updateLine(model.lines.value[0]!.productId, { costText: '4' });
    failPdfs();
    await model.markSent();
    expect(model.order.value?.status).toBe('sent');
    expect(model.error.value).toBe('jspdf is missing');
    expect(downloads).toEqual([]);
  });

  it('receives a sent order on a real day, not in the future nor before it was sent', async () => {
    const { order } = await draftTo();
    await savePurchaseOrderDraft(db, order.id, {
      lines: [
        { productId: crypto.randomUUID(), sku: 'NW-1', name: 'Cream', quantity: 1, unitCost: USD(100) },
      ],
      note: '',
    });
    await markPurchaseOrderSent(db, order.id, '2026-11-10');
    const { model } = await screen(order.id);
    expect(model.receivedOn.value).toBe(TODAY);

    for (const [day, refusal] of [
      ['', 'Received on must be a date.'],
      ['2026-11-21', 'Received on cannot be in the future.'],
      ['2026-11-09', 'Received on cannot be before PO-0001 was sent (2026-11-10).'],
    ] as const) {
      model.receivedOn.value = day;
      expect(await model.markReceived()).toBe(false);
      expect(model.error.value).toBe(refusal);
      expect((await db.purchaseOrders.get(order.id))?.status).toBe('sent');
    }

    model.receivedOn.value = '2026-11-12';
    expect(await model.markReceived()).toBe(true);
    expect(model.error.value).toBeNull();
    expect(model.status.value).toBe('PO-0001 marked as received.');
    expect(await db.purchaseOrders.get(order.id)).toMatchObject({
      status: 'received',
      receivedOn: '2026-11-12',
    });
  });

  it('deletes a draft and shows it gone; an order that does not exist is said so', async () => {
    const { order } = await draftTo();
    const { model } = await screen(order.id);
    expect(await model.deleteDraft()).toBe(true);
    expect(model.missing.value).toBe(true);
    expect(model.status.value).toBe('PO-0001 deleted.');

    const again = await screen(order.id);
    expect(again.model.missing.value).toBe(true);
    expect(again.model.order.value).toBeNull();
  });

  it('refuses the PDF of an order whose supplier was deleted, with a sentence', async () => {
    const { order, supplier } = await draftTo();
    await db.contacts.put({ ...supplier, deletedAt: NOW });
    const { model, downloads } = await screen(order.id);
    expect(model.title.value).toBe('PO-0001 to a deleted contact');
    expect(await model.downloadPdf()).toBe(false);
    expect(model.error.value).toBe('The supplier of this order no longer exists, so its PDF cannot be made.');
    expect(downloads).toEqual([]);
  });
});

describe('supplier orders model', () => {
  it('offers purchase orders to a supplier, not to a customer, and opens the one it starts', async () => {
    const supplier = await contact('Penguin Parts', 'supplier');
    const customer = await contact('Ada Lovelace', 'customer');
    const opened: string[] = [];
    const orders = createSupplierOrdersModel({ db, open: (id) => opened.push(id) }, supplier.id);
    const none = createSupplierOrdersModel({ db, open: (id) => opened.push(id) }, customer.id);
    await Promise.all([orders.refresh(), none.refresh()]);
    expect([orders.shown.value, none.shown.value]).toEqual([true, false]);

    await orders.create();
    expect(orders.error.value).toBeNull();
    expect(opened).toEqual([(await db.purchaseOrders.toArray())[0]?.id]);
  });

  it('says when the contact was deleted before the order was started, and starts none', async () => {
    const supplier = await contact('Penguin Parts', 'supplier');
    const orders = createSupplierOrdersModel({ db, open: () => undefined }, supplier.id);
    await orders.refresh();
    await db.contacts.put({ ...supplier, deletedAt: NOW });
    await orders.create();
    expect(orders.error.value).toBe('The purchase order was not started: This contact no longer exists.');
    expect(orders.busy.value).toBe(false);
    expect(await db.purchaseOrders.count()).toBe(0);
  });
});
