import { STORE_CREDIT } from '../domain/buyback';
import { nowInstant } from '../domain/dates';
import { t } from '../domain/i18n';
import type { ShareRequest } from '../domain/group-order';
import { splitGroupOrder } from '../domain/group-order';
import { z } from 'zod';
import { formatMoney } from '../domain/money';
import { PurchaseLine, PurchaseRecord, recordTotal } from '../domain/purchase';
import { PurchaseGroup } from '../domain/purchase-group';
import type { TallyDatabase } from './database';
import { settleOneTimeProducts } from './inventory';
import { settlePurchaseCredit } from './store-credit';

/**
 * What the review screen hands over; the store adds the times, and the id unless the screen
 * chose it when the review started: the idempotency key of that one order.
 */
export type PurchaseDraft = Omit<z.input<typeof PurchaseRecord>, 'id' | 'createdAt' | 'updatedAt'> & {
  id?: string;
};

/**
 * Validates and stores one recorded order; throws the zod error when the draft is invalid. An
 * order paid (partly) with store credit takes it from the contact's ledger in the same
 * transaction, and is refused, with nothing written, when the balance does not cover it.
 * Idempotent on the draft's id: confirming the same order again (a double click, a retry after a
 * lost reply, another tab sending it) returns the order already stored and writes nothing.
 */
export async function recordPurchase(db: TallyDatabase, draft: PurchaseDraft): Promise<PurchaseRecord> {
  const now = nowInstant();
  const { id = crypto.randomUUID(), ...order } = draft;
  const record = parsePurchase({ ...order, id, createdAt: now, updatedAt: now });
  return db.transaction(
    'rw',
    [db.contacts, db.purchases, db.storeCredit, ...inventoryTables(db)],
    async () => {
      const existing = await db.purchases.get(record.id);
      if (existing) return existing;
      await requireContacts(db, [record.contactId]);
      await db.purchases.add(record);
      await settlePurchaseCredit(db, record, 'recorded');
      await settleOneTimeProducts(db, undefined, record);
      return record;
    },
  );
}

/**
 * Replaces a recorded order's date, lines, note and (when given) payment. The new version is
 * validated before anything is written, so a failed edit leaves the order exactly as it was;
 * contact, kind and group stay. Without a new payment the old one stays, so the total cannot drop
 * below the store credit used; a new payment moves the ledger by the difference, in the same
 * transaction, refused when the contact's balance does not cover more credit.
 */
export async function updatePurchase(
  db: TallyDatabase,
  id: string,
  changes: Pick<PurchaseDraft, 'purchaseDate' | 'currency' | 'lines' | 'note' | 'payment'>,
): Promise<PurchaseRecord> {
  return db.transaction('rw', [db.purchases, db.storeCredit, ...inventoryTables(db)], async () => {
    const existing = await db.purchases.get(id);
    if (!existing || existing.deletedAt !== undefined) throw new Error(t('db_order_gone'));
    const { note: _note, payment: oldPayment, ...kept } = existing;
    const payment = changes.payment ?? oldPayment;
    if (existing.groupId !== undefined && payment?.storeCredit) throw new Error(t('db_group_credit_refused'));
    const lines = OrderLines.safeParse(changes.lines);
    const credit = payment?.storeCredit;
    if (credit && lines.success && lines.data.every((line) => line.unitPrice.currency === credit.currency)) {
      const total = recordTotal({ lines: lines.data, currency: credit.currency });
      if (total.minor < credit.minor) {
        throw new Error(t('db_credit_above_total', formatMoney(credit), formatMoney(total)));
      }
    }
    const record = parsePurchase({
      ...kept,
      purchaseDate: changes.purchaseDate,
      currency: changes.currency,
      lines: changes.lines,
      ...(changes.note ? { note: changes.note } : {}),
      ...(payment ? { payment } : {}),
      updatedAt: nowInstant(),
    });
    await db.purchases.put(record);
    await settlePurchaseCredit(db, record, 'edited');
    await settleOneTimeProducts(db, existing, record);
    return record;
  });
}

/**
 * Soft delete: the order leaves the timeline, totals and exports, any store credit it used goes
 * back to the contact, and `restorePurchase` undoes it.
 */
export async function deletePurchase(db: TallyDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.purchases, db.storeCredit, ...inventoryTables(db)], async () => {
    const existing = await db.purchases.get(id);
    if (!existing) throw new Error(t('db_order_gone'));
    const now = nowInstant();
    const deleted = { ...existing, deletedAt: existing.deletedAt ?? now, updatedAt: now };
    await db.purchases.put(deleted);
    await settlePurchaseCredit(db, deleted, 'deleted');
    await settleOneTimeProducts(db, existing, deleted);
  });
}

/** Brings a deleted order back; store credit it used is taken again, refused if no longer there. */
export async function restorePurchase(db: TallyDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.purchases, db.storeCredit, ...inventoryTables(db)], async () => {
    const existing = await db.purchases.get(id);
    if (!existing) throw new Error(t('db_order_gone'));
    const { deletedAt: _deleted, ...kept } = existing;
    const restored = { ...kept, updatedAt: nowInstant() };
    await db.purchases.put(restored);
    await settlePurchaseCredit(db, restored, 'restored');
    await settleOneTimeProducts(db, existing, restored);
  });
}

/**
 * PurchaseRecord.parse, with a payment that does not fit the order said in a sentence (a zod
 * error's message is its issues as JSON); other problems stay the zod error.
 */
function parsePurchase(input: unknown): PurchaseRecord {
  const parsed = PurchaseRecord.safeParse(input);
  if (parsed.success) return parsed.data;
  const payment = parsed.error.issues.find((issue) => issue.path[0] === 'payment');
  if (payment) throw new Error(t('db_payment_does_not_fit', payment.message), { cause: parsed.error });
  throw parsed.error;
}

const OrderLines = z.array(PurchaseLine).min(1, { error: () => t('db_order_needs_product') });

/**
 * A group order as the review screen hands it over, with each contact's share; `id`, when the
 * screen chose it, is the group's id and the idempotency key of the whole order.
 */
export type GroupOrderDraft = Omit<PurchaseDraft, 'contactId' | 'groupId'> & {
  shares: readonly ShareRequest[];
};

/**
 * Records one order divided among several contacts: the group as entered, and for each contact
 * an ordinary record of their share pointing back to it. All in one transaction, or nothing.
 * Idempotent on the draft's id, like recordPurchase: the group already stored is returned.
 */
export async function recordGroupOrder(
  db: TallyDatabase,
  draft: GroupOrderDraft,
): Promise<{ group: PurchaseGroup; records: PurchaseRecord[] }> {
  const { shares: requests, id: groupId = crypto.randomUUID(), ...order } = draft;
  if (order.payment?.storeCredit || order.payment?.method === STORE_CREDIT) {
    throw new Error(t('db_group_credit_refused'));
  }
  const now = nowInstant();
  const split = splitGroupOrder(OrderLines.parse(order.lines), requests);
  if (!split.ok) throw new Error(split.problems.join(' '));
  const records = split.shares.map((share) =>
    PurchaseRecord.parse({
      ...order,
      contactId: share.contactId,
      lines: share.lines,
      groupId,
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
    }),
  );
  const group = PurchaseGroup.parse({
    id: groupId,
    createdAt: now,
    updatedAt: now,
    kind: order.kind,
    purchaseDate: order.purchaseDate,
    currency: order.currency,
    lines: order.lines,
    ...(order.note ? { note: order.note } : {}),
    shares: records.map((record) => ({ contactId: record.contactId, recordId: record.id })),
  });
  return db.transaction(
    'rw',
    [db.contacts, db.purchases, db.purchaseGroups, ...inventoryTables(db)],
    async () => {
      const existing = await db.purchaseGroups.get(groupId);
      if (existing) {
        const stored = await db.purchases.where('groupId').equals(groupId).toArray();
        return { group: existing, records: stored };
      }
      await requireContacts(
        db,
        records.map((record) => record.contactId),
      );
      await db.purchaseGroups.add(group);
      await db.purchases.bulkAdd(records);
      for (const record of records) await settleOneTimeProducts(db, undefined, record);
      return { group, records };
    },
  );
}

/** The group an order is a share of, with every share still recorded (deleted ones left out). */
export async function getGroupOrder(
  db: TallyDatabase,
  groupId: string,
): Promise<{ group: PurchaseGroup; records: PurchaseRecord[] } | undefined> {
  const group = await db.purchaseGroups.get(groupId);
  if (!group) return undefined;
  const records = await db.purchases.where('groupId').equals(groupId).toArray();
  return { group, records: records.filter((record) => record.deletedAt === undefined) };
}

/** What selling a bought-back device touches: its one-time product and its inventory record. */
function inventoryTables(db: TallyDatabase) {
  return [db.products, db.inventoryItems];
}

async function requireContacts(db: TallyDatabase, ids: readonly string[]): Promise<void> {
  const contacts = await db.contacts.bulkGet([...ids]);
  if (contacts.some((contact) => !contact || contact.deletedAt !== undefined)) {
    throw new Error(t('db_order_contact_gone'));
  }
}

/** Newest first: by purchase date, then by when it was recorded. */
export function newestFirst(a: PurchaseRecord, b: PurchaseRecord): number {
  return b.purchaseDate.localeCompare(a.purchaseDate) || b.createdAt.localeCompare(a.createdAt);
}

export async function listContactPurchases(db: TallyDatabase, contactId: string): Promise<PurchaseRecord[]> {
  const records = await db.purchases.where('contactId').equals(contactId).toArray();
  return records.filter((record) => record.deletedAt === undefined).sort(newestFirst);
}

export async function listAllPurchases(db: TallyDatabase): Promise<PurchaseRecord[]> {
  const records = await db.purchases.toArray();
  return records.filter((record) => record.deletedAt === undefined).sort(newestFirst);
}
