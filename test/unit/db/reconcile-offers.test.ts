import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import {
  addReconcileOffer,
  dismissReconcileOffer,
  latestReconcileOffer,
} from '../../../src/db/reconcile-offers';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('download offers', () => {
  it('gives the newest offer until it is dismissed, and no older one after', async () => {
    expect(await latestReconcileOffer(db)).toBeUndefined();
    const origin = 'http://127.0.0.1:5178';
    await addReconcileOffer(db, { fileName: 'march.csv', origin }, '2026-03-12T09:00:00.000Z');
    const newest = await addReconcileOffer(db, { fileName: 'april.csv', origin }, '2026-04-12T09:00:00.000Z');
    expect(await latestReconcileOffer(db)).toEqual(newest);
    await dismissReconcileOffer(db, newest.id);
    expect(await latestReconcileOffer(db)).toBeUndefined();
  });

  it('keeps only the newest offers', async () => {
    for (let day = 1; day <= 25; day++) {
      const at = `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`;
      await addReconcileOffer(db, { fileName: `day-${day}.csv`, origin: 'https://crm.example.com' }, at);
    }
    const kept = await db.reconcileOffers.orderBy('createdAt').toArray();
    expect(kept).toHaveLength(20);
    expect(kept[0]?.fileName).toBe('day-6.csv');
  });
});
