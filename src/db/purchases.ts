import { nowInstant } from '../domain/dates';
import type { ShareRequest } from '../domain/group-order';
import { splitGroupOrder } from '../domain/group-order';
import { z } from 'zod';
import { PurchaseLine, PurchaseRecord } from '../domain/purchase';
import { PurchaseGroup } from '../domain/purchase-group';
import type { TallyDatabase } from './database';

/** What the review screen hands over; the store adds the id and times. */
export type PurchaseDraft = Omit<z.input<typeof PurchaseRecord>, 'id' | 'createdAt' | 'updatedAt'>;

/** Validates and stores one recorded order; throws the zod error when the draft is invalid. */
export async function recordPurchase(db: TallyDatabase, draft: PurchaseDraft): Promise<PurchaseRecord> {
  const now = nowInstant();
  const record = PurchaseRecord.parse({ ...draft, id: crypto.randomUUID(), createdAt: now, updatedAt: now });
  await db.transaction('rw', db.contacts, db.purchases, async () => {
    await requireContacts(db, [record.contactId]);
    await db.purchases.add(record);
  });
  return record;
}

/**
 * Replaces a recorded order's date, lines and note. The new version is validated before anything
 * is written, so a failed edit leaves the order exactly as it was; contact, kind and group stay.
 */
export async function updatePurchase(
  db: TallyDatabase,
  id: string,
  changes: Pick<PurchaseDraft, 'purchaseDate' | 'currency' | 'lines' | 'note'>,
): Promise<PurchaseRecord> {
  return db.transaction('rw', db.purchases, async () => {
    const existing = await db.purchases.get(id);
    if (!existing || existing.deletedAt !== undefined) throw new Error('This order no longer exists.');
    const { note: _note, ...kept } = existing;
    const record = PurchaseRecord.parse({
      ...kept,
      purchaseDate: changes.purchaseDate,
      currency: changes.currency,
      lines: changes.lines,
      ...(changes.note ? { note: changes.note } : {}),
      updatedAt: nowInstant(),
    });
    await db.purchases.put(record);
    return record;
  });
}

/** Soft delete: the order leaves the timeline, totals and exports, and `restorePurchase` undoes it. */
export async function deletePurchase(db: TallyDatabase, id: string): Promise<void> {
  const now = nowInstant();
  const changed = await db.purchases.update(id, { deletedAt: now, updatedAt: now });
  if (changed === 0) throw new Error('This order no longer exists.');
}

export async function restorePurchase(db: TallyDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.purchases, async () => {
    const existing = await db.purchases.get(id);
    if (!existing) throw new Error('This order no longer exists.');
    const { deletedAt: _deleted, ...restored } = existing;
    await db.purchases.put({ ...restored, updatedAt: nowInstant() });
  });
}

const OrderLines = z.array(PurchaseLine).min(1, 'an order needs at least one product');

/** A group order as the review screen hands it over, with each contact's share. */
export type GroupOrderDraft = Omit<PurchaseDraft, 'contactId' | 'groupId'> & {
  shares: readonly ShareRequest[];
};

/**
 * Records one order divided among several contacts: the group as entered, and for each contact
 * an ordinary record of their share pointing back to it. All in one transaction, or nothing.
 */
export async function recordGroupOrder(
  db: TallyDatabase,
  draft: GroupOrderDraft,
): Promise<{ group: PurchaseGroup; records: PurchaseRecord[] }> {
  const { shares: requests, ...order } = draft;
  const now = nowInstant();
  const groupId = crypto.randomUUID();
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
  await db.transaction('rw', db.contacts, db.purchases, db.purchaseGroups, async () => {
    await requireContacts(
      db,
      records.map((record) => record.contactId),
    );
    await db.purchaseGroups.add(group);
    await db.purchases.bulkAdd(records);
  });
  return { group, records };
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

async function requireContacts(db: TallyDatabase, ids: readonly string[]): Promise<void> {
  const contacts = await db.contacts.bulkGet([...ids]);
  if (contacts.some((contact) => !contact || contact.deletedAt !== undefined)) {
    throw new Error('A contact for this order no longer exists.');
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
