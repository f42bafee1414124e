import { nowInstant, type Instant } from '../domain/dates';
import type { TallyDatabase } from './database';
import type { ReconcileOffer } from './reconcile-tables';

/**
 * Offers to reconcile a CSV the user downloaded from a back office Tally knows (the worker
 * notices the download; see reconcile-downloads.ts). The extension cannot read the file, so the
 * dashboard shows the newest offer and the user picks the file or dismisses it.
 */

/** Offers kept: older ones can no longer be what the user means to reconcile. */
const KEPT_OFFERS = 20;

export async function addReconcileOffer(
  db: TallyDatabase,
  download: { fileName: string; origin: string },
  now: Instant = nowInstant(),
): Promise<ReconcileOffer> {
  const offer: ReconcileOffer = {
    id: crypto.randomUUID(),
    createdAt: now,
    fileName: download.fileName,
    origin: download.origin,
  };
  await db.transaction('rw', db.reconcileOffers, async () => {
    await db.reconcileOffers.add(offer);
    const older = await db.reconcileOffers.orderBy('createdAt').reverse().offset(KEPT_OFFERS).primaryKeys();
    await db.reconcileOffers.bulkDelete(older);
  });
  return offer;
}

/** The newest offer not dismissed, if any. */
export async function latestReconcileOffer(db: TallyDatabase): Promise<ReconcileOffer | undefined> {
  const newest = await db.reconcileOffers.orderBy('createdAt').last();
  return newest && !newest.dismissed ? newest : undefined;
}

export async function dismissReconcileOffer(db: TallyDatabase, id: string): Promise<void> {
  await db.reconcileOffers.update(id, { dismissed: true });
}
