import { attachFile } from '../../src/db/attachments';
import { addItemToInventory, createItemProduct } from '../../src/db/buyback-items';
import { payOutBuyBack } from '../../src/db/buyback-payout';
import { addBuyBackComment, createBuyBack, saveEstimate } from '../../src/db/buybacks';
import { saveCapturedContact } from '../../src/db/contacts';
import type { TallyDatabase } from '../../src/db/database';
import { addDoNotBuy } from '../../src/db/do-not-buy';
import { mergeContacts } from '../../src/db/contact-merge';
import { addNote } from '../../src/db/notes';
import { addProduct } from '../../src/db/products';
import { createPurchaseOrder, savePurchaseOrderDraft } from '../../src/db/purchase-orders';
import { recordGroupOrder, recordPurchase } from '../../src/db/purchases';
import { saveTaughtRecipe } from '../../src/db/recipes';
import { writeSetting } from '../../src/db/settings';
import { setSiteMode } from '../../src/db/site-settings';
import { ContactImportBatch } from '../../src/domain/contact-import-batch';
import type { Product } from '../../src/domain/product';

const USD = (minor: number) => ({ minor, currency: 'USD' as const });

/** A small JPEG: its first bytes are what attachFile sniffs, the rest stands for the photo. */
export function photoBytes(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let index = 0; index < size; index += 1) bytes[index] = (index * 31 + seed) % 251;
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

export function photoFile(name: string, size: number, seed = 1) {
  const bytes = photoBytes(size, seed);
  return { name, type: 'image/jpeg', size, arrayBuffer: async () => bytes.buffer };
}

function lineOf(product: Product, quantity: number, unitMinor = product.price.minor) {
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    quantity,
    unitPrice: USD(unitMinor),
    catalogPrice: product.price,
  };
}

/**
 * A working shop's profile, written through Tally's own repositories so every row is one Tally
 * really writes: captured contacts with back-office ids and their history, a taught recipe, a
 * site setting, products, purchases, a sample and a group order, notes, settings, a paid buy-back
 * (store credit, two photo attachments, its item on the way to inventory), a do-not-buy entry, a
 * contacts import batch, a merge and a purchase order to a supplier.
 */
export async function seedShopProfile(db: TallyDatabase): Promise<void> {
  const capture = (
    externalId: string,
    name: string,
    email: string,
    phone?: string,
    backOffice = 'northwind',
  ) =>
    saveCapturedContact(
      db,
      {
        backOffice,
        externalId,
        name,
        email,
        ...(phone ? { phone } : {}),
        url: `http://127.0.0.1:5178/customers/${externalId}`,
      },
      'US',
    ).then((saved) => saved.contact);
  const ada = await capture('C-00042', 'Ada Lovelace', 'ada@example.com', '+1 415 555 0100');
  const grace = await capture('C-00043', 'Grace Hopper', 'grace@example.com');
  // The same person in a second back office, merged into Ada below.
  const duplicate = await capture('1042', 'Ada King', 'ada.king@example.com', undefined, 'repair');
  // Captured again with a new phone: an "updated" history entry.
  await capture('C-00043', 'Grace Hopper', 'grace@example.com', '+1 212 555 0111');

  await saveTaughtRecipe(db, {
    name: 'Acme CRM customer',
    origin: 'https://crm.acme.example',
    pathPattern: '/clients/*',
    fields: { name: { kind: 'css', selector: '#client-name' }, externalId: { kind: 'path', index: 1 } },
  });
  await setSiteMode(db, 'https://intranet.example', 'never-capture');

  const added = async (sku: string, name: string, minor: number) =>
    (await addProduct(db, { sku, name, price: USD(minor), category: 'Skin care', extra: {} })).product;
  const cream = await added('NW-1001', 'Hand Cream', 1250);
  const serum = await added('NW-1002', 'Night Serum', 3400);

  await recordPurchase(db, {
    contactId: ada.id,
    kind: 'purchase',
    purchaseDate: '2026-10-05',
    currency: 'USD',
    lines: [lineOf(cream, 2), lineOf(serum, 1, 3000)],
    note: 'Paid at the door',
    payment: { method: 'Cash' },
  });
  await recordPurchase(db, {
    contactId: grace.id,
    kind: 'sample',
    purchaseDate: '2026-10-06',
    currency: 'USD',
    lines: [lineOf(serum, 1, 0)],
  });
  await recordGroupOrder(db, {
    kind: 'purchase',
    purchaseDate: '2026-10-07',
    currency: 'USD',
    lines: [lineOf(cream, 4)],
    shares: [
      { contactId: ada.id, quantities: new Map([[cream.id, 1]]) },
      { contactId: grace.id, quantities: new Map([[cream.id, 3]]) },
    ],
  });
  await addNote(db, ada.id, 'Prefers calls after 5 pm.');
  await writeSetting(db, 'holdDays', 7);
  await writeSetting(db, 'paymentMethods', ['Cash', 'Card', 'Store credit']);

  const buyBack = await createBuyBack(db, grace.id);
  await saveEstimate(db, buyBack.id, {
    seller: { idType: 'Passport', idNumber: 'X1234567' },
    items: [{ description: 'iPhone 13', serial: '35-209900-176148-1', condition: 'B', price: USD(21_000) }],
  });
  await attachFile(db, buyBack.id, photoFile('id-front.jpg', 4096, 1));
  await attachFile(db, buyBack.id, photoFile('device.jpg', 9000, 2));
  await addBuyBackComment(db, buyBack.id, 'Screen has a hairline scratch.');
  const paid = await payOutBuyBack(db, buyBack.id, {
    payoutId: crypto.randomUUID(),
    method: 'Store credit',
    reference: 'SC-1',
  });
  const item = paid.items[0];
  if (!item) throw new Error('The seeded buy-back has no item');
  await createItemProduct(db, buyBack.id, item.id, USD(32_900), { kind: 'one-time' });
  await addItemToInventory(db, buyBack.id, item.id);
  await addDoNotBuy(db, { serial: '35-111111-222222-3', reason: 'Reported stolen' });

  const at = '2026-10-08T09:00:00.000Z';
  await db.contactImports.add(
    ContactImportBatch.parse({
      id: crypto.randomUUID(),
      createdAt: at,
      fileName: 'contacts.csv',
      fileHash: 'a'.repeat(64),
      createdIds: [],
      updatedBefore: [ada],
      counts: { created: 0, updated: 1, unchanged: 2, rejected: 0 },
    }),
  );
  await mergeContacts(db, { survivorId: ada.id, mergedId: duplicate.id }, { defaultCountry: 'US' });
  const order = await createPurchaseOrder(db, grace.id);
  await savePurchaseOrderDraft(db, order.id, {
    lines: [{ productId: cream.id, sku: cream.sku, name: cream.name, quantity: 12, unitCost: USD(600) }],
    note: 'Deliver Monday',
  });
}
