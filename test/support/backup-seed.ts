import { attachFile } from '../../src/db/attachments';
import { addItemToInventory, createItemProduct } from '../../src/db/buyback-items';
import { payOutBuyBack } from '../../src/db/buyback-payout';
import { createBuyBack, saveEstimate } from '../../src/db/buybacks';
import { mergeContacts } from '../../src/db/contact-merge';
import { saveCapturedContact } from '../../src/db/contacts';
import type { TallyDatabase } from '../../src/db/database';
import { addDoNotBuy } from '../../src/db/do-not-buy';
import { addNote } from '../../src/db/notes';
import { addProduct } from '../../src/db/products';
import { createPurchaseOrder } from '../../src/db/purchase-orders';
import { recordGroupOrder, recordPurchase } from '../../src/db/purchases';
import { saveTaughtRecipe } from '../../src/db/recipes';
import { writeSetting } from '../../src/db/settings';
import { setSiteMode } from '../../src/db/site-settings';
import { makeContact } from './contacts';

/** A 1×1 PNG, the photo a buy-back keeps. */
export const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (char) => char.charCodeAt(0),
);

const USD = (minor: number) => ({ minor, currency: 'USD' as const });
const AT = '2026-01-01T10:00:00.000Z';

/**
 * A row in every table of Tally's database, made through Tally's own repositories where one
 * writes the table (a buy-back paid in store credit with a photo attached, a merge, a group
 * order…) and as plain rows for the reconcile job's working tables, including a Blob in
 * reconcileFiles. Returns the photo's attachment id.
 */
export async function seedEveryTable(db: TallyDatabase): Promise<{ attachmentId: string }> {
  const ada = await captured(db, '1042', 'Ada Lovelace', 'ada@example.com');
  const grace = await captured(db, '1043', 'Grace Hopper', 'grace@example.com');
  // Entered by hand (no back-office id), so the two may be merged.
  const gracie = makeContact({ name: 'Gracie Hopper', email: 'gracie@example.com' });
  await db.contacts.add(gracie);
  await mergeContacts(db, { survivorId: grace.id, mergedId: gracie.id }, { defaultCountry: 'US' });
  await addNote(db, ada.id, 'Prefers <b>email</b> "quotes" & ünïcode ✓');
  await writeSetting(db, 'holdDays', 3);
  const { product } = await addProduct(db, {
    sku: 'NW-1001',
    name: 'Hand Cream',
    price: USD(1250),
    extra: {},
  });
  const line = {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    unitPrice: USD(1250),
    catalogPrice: USD(1250),
  };
  await recordPurchase(db, {
    contactId: ada.id,
    kind: 'purchase',
    purchaseDate: '2026-01-02',
    currency: 'USD',
    lines: [{ ...line, quantity: 2 }],
  });
  await recordGroupOrder(db, {
    kind: 'purchase',
    purchaseDate: '2026-01-03',
    currency: 'USD',
    lines: [{ ...line, quantity: 2 }],
    shares: [
      { contactId: ada.id, quantities: new Map([[product.id, 1]]) },
      { contactId: grace.id, quantities: new Map([[product.id, 1]]) },
    ],
  });
  const buyBack = await createBuyBack(db, ada.id);
  await saveEstimate(db, buyBack.id, {
    seller: { idType: 'Passport', idNumber: 'X123' },
    items: [{ description: 'iPhone 13', serial: '35-209900-176148-1', condition: 'B', price: USD(21_000) }],
  });
  const photo = await attachFile(db, buyBack.id, {
    name: 'id-photo.png',
    type: 'image/png',
    size: PNG.byteLength,
    arrayBuffer: async () => PNG.slice().buffer,
  });
  const paid = await payOutBuyBack(db, buyBack.id, {
    payoutId: crypto.randomUUID(),
    method: 'Store credit',
    reference: 'R-1',
  });
  await createItemProduct(db, buyBack.id, paid.items[0]!.id, USD(34_900), { kind: 'one-time' });
  await addItemToInventory(db, buyBack.id, paid.items[0]!.id);
  await addDoNotBuy(db, { serial: 'SN-STOLEN', reason: 'Stolen' });
  await createPurchaseOrder(db, grace.id);
  await setSiteMode(db, 'https://crm.example.com', 'never-capture');
  await saveTaughtRecipe(db, {
    name: 'CRM contact',
    origin: 'https://crm.example.com',
    pathPattern: '/clients/*',
    fields: { name: { kind: 'css', selector: '#name' } },
  });
  await seedReconcileTables(db, ada.id);
  await db.contactImports.add({
    id: crypto.randomUUID(),
    createdAt: AT,
    fileName: 'contacts.csv',
    fileHash: 'a'.repeat(64),
    createdIds: [ada.id],
    updatedBefore: [],
    counts: { created: 1, updated: 0, unchanged: 0, rejected: 0 },
  });
  return { attachmentId: photo.id };
}

async function captured(db: TallyDatabase, externalId: string, name: string, email: string) {
  const { contact } = await saveCapturedContact(
    db,
    { backOffice: 'repair', externalId, name, email, url: `http://127.0.0.1/c/${externalId}` },
    'US',
  );
  return contact;
}

async function seedReconcileTables(db: TallyDatabase, contactId: string): Promise<void> {
  const jobId = crypto.randomUUID();
  const purchase = await db.purchases.where('contactId').equals(contactId).first();
  await db.reconcileJobs.add({
    id: jobId,
    createdAt: AT,
    updatedAt: AT,
    state: 'done',
    fileName: 'orders.csv',
    fileHash: 'b'.repeat(64),
    fileSize: 12,
    layout: { backOffice: 'northwind' } as never,
    options: { dateWindowDays: 3, priceTolerance: 0.02 },
    cursor: { offset: 12, line: 2, chunk: 1 },
    textLength: 12,
    rowsRead: 1,
    skipped: 0,
    problems: [],
    progress: 1,
  });
  await db.reconcileFiles.add({
    jobId,
    bytes: new Blob(['Order,Total\r\nSO-1,12.50\r\n'], { type: 'text/csv' }),
  });
  await db.reconcileChunks.add({ jobId, index: 0, rows: '[]' });
  await db.reconcileRuns.add({
    id: crypto.randomUUID(),
    fileHash: 'b'.repeat(64),
    finishedAt: AT,
    backOfficeOnly: '[]',
  } as never);
  await db.reconcileStatuses.add({
    purchaseId: purchase!.id,
    runId: 'run-1',
    backOffice: 'northwind',
    outcome: 'synced',
    backOfficeOrderIds: ['SO-1'],
    lines: [],
    differences: [],
    checkedAt: AT,
  });
  await db.reconcileDecisions.add({
    id: `${purchase!.id}|SO-1`,
    purchaseId: purchase!.id,
    backOfficeOrderIds: ['SO-1'],
    verdict: 'confirmed',
    decidedAt: AT,
  });
  await db.backOfficeMappings.add({
    id: crypto.randomUUID(),
    backOffice: 'northwind',
    headerKey: 'order|total',
    layout: {} as never,
    confirmedAt: AT,
  });
  await db.reconcileOffers.add({
    id: crypto.randomUUID(),
    createdAt: AT,
    fileName: 'orders.csv',
    origin: 'https://crm.example.com',
  });
}
