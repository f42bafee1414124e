import type { BackOfficeLine, BackOfficeOrder } from '../domain/back-office-order';
import { nowInstant } from '../domain/dates';
import { t } from '../domain/i18n';
import { formatCount } from '../domain/locale-format';
import { PRODUCT_TEXT_LIMITS, type Product } from '../domain/product';
import { MAX_QUANTITY, type PurchaseLine } from '../domain/purchase';
import { DEFAULT_RECONCILE_OPTIONS, type ReconcileStatus } from '../domain/reconcile';
import type { TallyDatabase } from './database';
import { addProduct, findProductBySku } from './products';
import { recordPurchase } from './purchases';
import { getRun, putRun } from './reconcile-runs';
import type { StoredReconcileRun } from './reconcile-tables';

/**
 * `Import` on a back-office-only order: it becomes a recorded purchase in its customer's history
 * (products found by SKU, or added to the catalog from the line), synced with the order it came
 * from, and the run remembers it was imported. Refused when a recorded order already stands for
 * it (imported from another run, matched since, or recorded by hand since) and when its customer
 * is no contact now (see importingContact). One transaction: a refusal writes nothing.
 * Returns the new purchase's id.
 */
export async function importBackOfficeOrder(
  db: TallyDatabase,
  runId: string,
  orderId: string,
): Promise<string> {
  // Loaded here, before the transaction (which a module load would outlive): the checks bring
  // the matching engine, which the pages that list runs need only when an order is imported.
  const { importingContact, refuseWhenRecorded, refuseWhenRecordedSince } =
    await import('./reconcile-import-checks');
  return db.transaction(
    'rw',
    [
      db.reconcileRuns,
      db.reconcileStatuses,
      db.reconcileJobs,
      db.contacts,
      db.purchases,
      db.products,
      db.storeCredit,
      db.inventoryItems,
    ],
    async () => {
      const run = await getRun(db, runId);
      if (!run) throw new Error(t('db_reconciliation_gone'));
      const entry = run.backOfficeOnly.find((candidate) => candidate.order.orderId === orderId);
      if (!entry) throw new Error(t('db_order_not_back_office_only', orderId));
      if (entry.importedAs !== undefined) throw new Error(t('db_order_already_imported', orderId));
      const { order } = entry;
      await refuseWhenRecorded(db, run.backOffice, orderId);
      const job = await db.reconcileJobs.get(run.jobId);
      const defaultCountry = job?.defaultCountry ?? 'US';
      const contact = await importingContact(db, run, entry, defaultCountry);
      await refuseWhenRecordedSince(db, run, order, contact, {
        options: job?.options ?? DEFAULT_RECONCILE_OPTIONS,
        defaultCountry,
      });
      const refused = order.lines.map((line) => lineProblem(line, orderId)).find(Boolean);
      if (refused) throw new Error(refused);
      const lines: PurchaseLine[] = [];
      for (const line of order.lines)
        lines.push(purchaseLine(line, await productFor(db, line, order), order));
      const record = await recordPurchase(db, {
        contactId: contact.id,
        kind: 'purchase',
        purchaseDate: order.date,
        currency: order.currency,
        lines,
        note: t('db_imported_from_order', run.backOffice, orderId),
      });
      await db.reconcileStatuses.put(importedStatus(record.id, run, order));
      const updated: StoredReconcileRun = {
        ...run,
        backOfficeOnly: run.backOfficeOnly.map((candidate) =>
          candidate === entry ? { ...entry, contactId: contact.id, importedAs: record.id } : candidate,
        ),
      };
      await putRun(db, updated);
      return record.id;
    },
  );
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
  if (!name) throw new Error(t('db_line_names_no_product', String(line.line), order.orderId));
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
    return t(
      'db_line_quantity',
      String(line.line),
      orderId,
      formatCount(line.quantity),
      formatCount(MAX_QUANTITY),
    );
  }
  if (line.unitPriceMinor < 0) return t('db_line_negative_price', String(line.line), orderId);
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
