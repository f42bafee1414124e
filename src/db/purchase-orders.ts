import { nowInstant, todayLocal } from '../domain/dates';
import { t } from '../domain/i18n';
import type { CurrencyCode, Money } from '../domain/money';
import {
  applyPurchaseOrderStep,
  PurchaseOrder,
  type PurchaseOrderLine,
  type PurchaseOrderStep,
} from '../domain/purchase-order';
import { lastCosts } from '../domain/purchase-order-edit';
import type { TallyDatabase } from './database';
import { catalogCurrency } from './products';

/** Refused by the order's rules: the message is for the user, and nothing was written. */
export class PurchaseOrderRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PurchaseOrderRefused';
  }
}

/** An empty catalog has no currency yet; buy-backs fall back the same way. */
const FALLBACK_CURRENCY: CurrencyCode = 'USD';

/**
 * Starts a draft purchase order to a contact, with the next running number, in the catalog's
 * currency. Numbering happens inside the transaction, so two tabs never share a number. A contact
 * kept as a customer only becomes "both": the shop orders from them, so they supply it too.
 */
export async function createPurchaseOrder(db: TallyDatabase, supplierId: string): Promise<PurchaseOrder> {
  const currency = (await catalogCurrency(db)) ?? FALLBACK_CURRENCY;
  return db.transaction('rw', db.contacts, db.purchaseOrders, async () => {
    const supplier = await db.contacts.get(supplierId);
    if (!supplier || supplier.deletedAt !== undefined) {
      throw new PurchaseOrderRefused(t('db_contact_gone'));
    }
    const now = nowInstant();
    if (supplier.role === 'customer') await db.contacts.put({ ...supplier, role: 'both', updatedAt: now });
    const last = await db.purchaseOrders.orderBy('number').last();
    const order = PurchaseOrder.parse({
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      number: (last?.number ?? 0) + 1,
      supplierId,
      status: 'draft',
      currency,
      lines: [],
    });
    await db.purchaseOrders.add(order);
    return order;
  });
}

/** Saves a draft's lines and note; refused once the order was sent. */
export async function savePurchaseOrderDraft(
  db: TallyDatabase,
  id: string,
  draft: { lines: readonly PurchaseOrderLine[]; note: string },
): Promise<PurchaseOrder> {
  return applyPurchaseOrderStepStored(db, id, { type: 'edit', ...draft });
}

/** Sent: the lines are fixed from now on. `on` is the day it goes out, where the user is. */
export async function markPurchaseOrderSent(
  db: TallyDatabase,
  id: string,
  on = todayLocal(),
): Promise<PurchaseOrder> {
  return applyPurchaseOrderStepStored(db, id, { type: 'send', on });
}

/** Received on `on` (not in the future, not before it was sent): final. */
export async function markPurchaseOrderReceived(
  db: TallyDatabase,
  id: string,
  on: string,
  today = todayLocal(),
): Promise<PurchaseOrder> {
  return applyPurchaseOrderStepStored(db, id, { type: 'receive', on, today });
}

/** Deletes a draft (soft: the row and its number stay). A sent order is not deleted. */
export async function deletePurchaseOrderDraft(db: TallyDatabase, id: string): Promise<PurchaseOrder> {
  return applyPurchaseOrderStepStored(db, id, { type: 'delete' });
}

/**
 * Reads, steps and writes one order in a transaction; a refused step throws PurchaseOrderRefused
 * with the machine's reason, and the result is validated before anything is written.
 */
async function applyPurchaseOrderStepStored(
  db: TallyDatabase,
  id: string,
  step: PurchaseOrderStep,
): Promise<PurchaseOrder> {
  return db.transaction('rw', db.purchaseOrders, async () => {
    const order = await getPurchaseOrder(db, id);
    if (!order) throw new PurchaseOrderRefused(t('db_purchase_order_gone'));
    const result = applyPurchaseOrderStep(order, step, nowInstant());
    if (!result.ok) throw new PurchaseOrderRefused(result.reason);
    const parsed = PurchaseOrder.safeParse(result.order);
    if (!parsed.success) {
      throw new PurchaseOrderRefused(
        t('db_purchase_order_not_saved', parsed.error.issues[0]?.message ?? t('db_not_valid')),
      );
    }
    const next = parsed.data;
    await db.purchaseOrders.put(next);
    return next;
  });
}

export async function getPurchaseOrder(db: TallyDatabase, id: string): Promise<PurchaseOrder | undefined> {
  const order = await db.purchaseOrders.get(id);
  return order?.deletedAt === undefined ? order : undefined;
}

/** A supplier's orders, newest first; deleted drafts left out. */
export async function listSupplierPurchaseOrders(
  db: TallyDatabase,
  supplierId: string,
): Promise<PurchaseOrder[]> {
  const all = await db.purchaseOrders.where('supplierId').equals(supplierId).toArray();
  return all.filter((order) => order.deletedAt === undefined).sort((a, b) => b.number - a.number);
}

/** The cost each product last had on an order sent to this supplier, to start new lines from. */
export async function supplierLastCosts(
  db: TallyDatabase,
  supplierId: string,
  currency: CurrencyCode,
): Promise<Map<string, Money>> {
  return lastCosts(await listSupplierPurchaseOrders(db, supplierId), currency);
}
