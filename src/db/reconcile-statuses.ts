import type { ReconcileStatus } from '../domain/reconcile';
import type { TallyDatabase } from './database';

/**
 * Reading recorded orders' reconciliation statuses (one per purchase, the latest run's): all at
 * once, a page at a time, those of some purchases, or those of one run.
 */

/** Every recorded order's latest status, by purchase id. */
export async function readReconcileStatuses(db: TallyDatabase): Promise<Map<string, ReconcileStatus>> {
  const statuses = await db.reconcileStatuses.toArray();
  return new Map(statuses.map((status) => [status.purchaseId, status]));
}

/**
 * Every purchase's latest reconciliation status, by purchase id, read a page at a time with a
 * pause between pages: 10,000 statuses read in one go hold the page for as long as it takes to
 * unpack them (readReconcileStatuses reads them at once).
 */
export async function readStatusesInPages(
  db: TallyDatabase,
  pause: () => Promise<void>,
  pageSize = 2000,
): Promise<Map<string, ReconcileStatus>> {
  const statuses = new Map<string, ReconcileStatus>();
  let last: string | undefined;
  for (;;) {
    const page = await (
      last === undefined ? db.reconcileStatuses.orderBy(':id') : db.reconcileStatuses.where(':id').above(last)
    )
      .limit(pageSize)
      .toArray();
    for (const status of page) statuses.set(status.purchaseId, status);
    last = page.at(-1)?.purchaseId;
    if (page.length < pageSize) return statuses;
    await pause();
  }
}

/** The statuses of these purchases (those a table shows), by purchase id; none for the unreconciled. */
export async function readStatusesOf(
  db: TallyDatabase,
  purchaseIds: readonly string[],
): Promise<Map<string, ReconcileStatus>> {
  const found = await db.reconcileStatuses.bulkGet([...purchaseIds]);
  const statuses = new Map<string, ReconcileStatus>();
  for (const status of found) if (status) statuses.set(status.purchaseId, status);
  return statuses;
}

/** The statuses a run wrote that no later run has replaced (the runId index). */
export function readRunStatuses(db: TallyDatabase, runId: string): Promise<ReconcileStatus[]> {
  return db.reconcileStatuses.where('runId').equals(runId).toArray();
}
