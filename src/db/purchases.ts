import type { z } from 'zod';
import { nowInstant } from '../domain/dates';
import { PurchaseRecord } from '../domain/purchase';
import type { TallyDatabase } from './database';

/** What the review screen hands over; the store adds the id and times. */
export type PurchaseDraft = Omit<z.input<typeof PurchaseRecord>, 'id' | 'createdAt' | 'updatedAt'>;

/** Validates and stores one recorded order; throws the zod error when the draft is invalid. */
export async function recordPurchase(db: TallyDatabase, draft: PurchaseDraft): Promise<PurchaseRecord> {
  const now = nowInstant();
  const record = PurchaseRecord.parse({ ...draft, id: crypto.randomUUID(), createdAt: now, updatedAt: now });
  await db.transaction('rw', db.contacts, db.purchases, async () => {
    const contact = await db.contacts.get(record.contactId);
    if (!contact || contact.deletedAt !== undefined) {
      throw new Error('The contact for this order no longer exists.');
    }
    await db.purchases.add(record);
  });
  return record;
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
