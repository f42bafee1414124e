import type { BackOfficeLine, BackOfficeOrder } from '../domain/back-office-order';
import { nowInstant } from '../domain/dates';
import { PRODUCT_TEXT_LIMITS, type Product } from '../domain/product';
import { MAX_QUANTITY, type PurchaseLine } from '../domain/purchase';
import type { ReconcileStatus } from '../domain/reconcile';
import type { TallyDatabase } from './database';
import { addProduct, findProductBySku } from './products';
import { recordPurchase } from './purchases';
import { getRun, putRun } from './reconcile-runs';
import type { StoredReconcileRun } from './reconcile-tables';

/**
 * `Import` on a back-office-only order: it becomes a recorded purchase in its customer's history
 * (products found by SKU, or added to the catalog from the line), synced with the order it came
 * from, and the run remembers it was imported. Refused when a recorded order already stands for
 * it (imported from another run, or matched since) and when its contact has been deleted; a
 * contact merged since imports into the survivor. One transaction: a refusal writes nothing.
 * Returns the new purchase's id.
 */
export async function importBackOfficeOrder(
  db: TallyDatabase,
  runId: string,
  orderId: string,
): Promise<string> {
  return db.transaction(
    'rw',
    [
      db.reconcileRuns,
      db.reconcileStatuses,
      db.contacts,
      db.purchases,
      db.products,
      db.storeCredit,
      db.inventoryItems,
    ],
    async () => {
      const run = await getRun(db, runId);
      if (!run) throw new Error('This reconciliation is no longer stored.');
      const entry = run.backOfficeOnly.find((candidate) => candidate.order.orderId === orderId);
      if (!entry) throw new Error(`Order ${orderId} is not among this run's back-office-only orders.`);
      if (entry.importedAs !== undefined) throw new Error(`Order ${orderId} has already been imported.`);
      await refuseWhenRecorded(db, run.backOffice, orderId);
      if (entry.contactId === undefined) {
        // The same file again is recognised and changes nothing: only a newer export resolves anew.
        throw new Error(
          `The customer of order ${orderId} matches no contact in Tally: add or capture the customer, then reconcile a newer export of the back office's orders.`,
        );
      }
      const contactId = await currentContactId(db, entry.contactId, orderId);
      const { order } = entry;
      const refused = order.lines.map((line) => lineProblem(line, orderId)).find(Boolean);
      if (refused) throw new Error(refused);
      const lines: PurchaseLine[] = [];
      for (const line of order.lines)
        lines.push(purchaseLine(line, await productFor(db, line, order), order));
      const record = await recordPurchase(db, {
        contactId,
        kind: 'purchase',
        purchaseDate: order.date,
        currency: order.currency,
        lines,
        note: `Imported from ${run.backOffice} order ${orderId}.`,
      });
      await db.reconcileStatuses.put(importedStatus(record.id, run, order));
      const updated: StoredReconcileRun = {
        ...run,
        backOfficeOnly: run.backOfficeOnly.map((candidate) =>
          candidate === entry ? { ...entry, importedAs: record.id } : candidate,
        ),
      };
      await putRun(db, updated);
      return record.id;
    },
  );
}

/**
 * Refuses an order that a recorded order already stands for: one imported from another run that
 * listed it too, or one a later run matched (synced, probable or in conflict). Importing it again
 * would record the same sale twice.
 */
async function refuseWhenRecorded(db: TallyDatabase, backOffice: string, orderId: string): Promise<void> {
  const matched = await db.reconcileStatuses
    .filter((status) => status.backOffice === backOffice && status.backOfficeOrderIds.includes(orderId))
    .toArray();
  const records = await db.purchases.bulkGet(matched.map((status) => status.purchaseId));
  const recorded = records.find((record) => record !== undefined && record.deletedAt === undefined);
  if (recorded) {
    throw new Error(
      `Order ${orderId} is already in Tally: the order recorded on ${recorded.purchaseDate} stands for it.`,
    );
  }
}

/**
 * The contact to import into: the one the run resolved the customer to or, when that contact has
 * since been merged, the contact it was merged into. A deleted contact is refused.
 */
async function currentContactId(db: TallyDatabase, contactId: string, orderId: string): Promise<string> {
  let id = contactId;
  // A merge chain is short; the bound only guards against a loop in damaged data.
  for (let hops = 0; hops < 20; hops++) {
    const contact = await db.contacts.get(id);
    if (!contact) break;
    if (contact.deletedAt === undefined) return contact.id;
    if (contact.mergedInto === undefined) {
      throw new Error(
        `The customer of order ${orderId} was ${contact.name}, whose contact has been deleted from Tally: restore the contact to import the order.`,
      );
    }
    id = contact.mergedInto;
  }
  throw new Error(`The contact the customer of order ${orderId} matched is no longer in Tally.`);
}

/**
 * The catalog product a back-office line is for: by SKU, else (a line without SKU) by exact name,
 * else a new product made from the line, priced as sold.
 */
async function productFor(db: TallyDatabase, line: BackOfficeLine, order: BackOfficeOrder): Promise<Product> {
  const sku = line.sku?.trim();
  if (sku) {
    const found = await findProductBySku(db, sku);
    if (found) return found;
  } else if (line.name) {
    const name = line.name.trim();
    const found = await db.products.filter((product) => product.name === name).first();
    if (found) return found;
  }
  const name = (line.name ?? sku ?? '').trim();
  if (!name) throw new Error(`Line ${line.line} of order ${order.orderId} names no product.`);
  const added = await addProduct(db, {
    sku: (sku ?? name).slice(0, PRODUCT_TEXT_LIMITS.sku),
    name: name.slice(0, PRODUCT_TEXT_LIMITS.name),
    price: { minor: line.unitPriceMinor, currency: order.currency },
    extra: {},
  });
  return added.product;
}

/** Why a back-office line cannot become a recorded line (a return, a free-form amount), or undefined. */
function lineProblem(line: BackOfficeLine, orderId: string): string | undefined {
  if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
    return `Line ${line.line} of order ${orderId} has a quantity of ${line.quantity}; a recorded line holds 1 to ${MAX_QUANTITY.toLocaleString('en')}.`;
  }
  if (line.unitPriceMinor < 0) return `Line ${line.line} of order ${orderId} has a negative price.`;
  return undefined;
}

function purchaseLine(line: BackOfficeLine, product: Product, order: BackOfficeOrder): PurchaseLine {
  return {
    productId: product.id,
    sku: product.sku,
    name: line.name?.trim() || product.name,
    quantity: line.quantity,
    unitPrice: { minor: line.unitPriceMinor, currency: order.currency },
    catalogPrice: product.price,
  };
}

function importedStatus(
  purchaseId: string,
  run: StoredReconcileRun,
  order: BackOfficeOrder,
): ReconcileStatus {
  return {
    purchaseId,
    runId: run.id,
    backOffice: run.backOffice,
    outcome: 'synced',
    backOfficeOrderIds: [order.orderId],
    lines: order.lines.map((line, lineIndex) => ({
      lineIndex,
      backOfficeOrderId: order.orderId,
      backOfficeLine: line.line,
    })),
    differences: [],
    checkedAt: nowInstant(),
  };
}
