import { nowInstant, type Instant } from '../domain/dates';
import { t } from '../domain/i18n';
import type { BackOfficeOnlyOrder, ReconcileDecision, ReconcileStatus } from '../domain/reconcile';
import type { TallyDatabase } from './database';
import { getRun, putRun } from './reconcile-runs';
import { readRunStatuses } from './reconcile-statuses';
import type { StoredReconcileRun } from './reconcile-tables';

export type Verdict = ReconcileDecision['verdict'];

/** The id a verdict is stored under: the purchase and the exact back-office orders it was about. */
export function decisionId(purchaseId: string, backOfficeOrderIds: readonly string[]): string {
  return `${purchaseId}|${[...backOfficeOrderIds].sort().join(',')}`;
}

/**
 * The user's verdict on a probable match, remembered for later runs (the engine honours it) and
 * shown at once: confirmed → synced, marked confirmed; rejected → missing from the back office,
 * and the orders it had matched become back office only on that run (unless another recorded
 * order matched them too). One transaction; refused unless the status is probable.
 */
export async function decideProbableMatch(
  db: TallyDatabase,
  purchaseId: string,
  verdict: Verdict,
  now: Instant = nowInstant(),
): Promise<ReconcileStatus> {
  return db.transaction('rw', db.reconcileStatuses, db.reconcileDecisions, db.reconcileRuns, async () => {
    const status = await db.reconcileStatuses.get(purchaseId);
    if (!status) throw new Error(t('db_order_not_reconciled'));
    if (status.outcome !== 'probable') throw new Error(t('db_only_probable_decided'));
    await db.reconcileDecisions.put({
      id: decisionId(purchaseId, status.backOfficeOrderIds),
      purchaseId,
      backOfficeOrderIds: [...status.backOfficeOrderIds].sort(),
      verdict,
      decidedAt: now,
    });
    const decided: ReconcileStatus =
      verdict === 'confirmed'
        ? { ...status, outcome: 'synced', confirmed: true, checkedAt: now }
        : {
            ...status,
            outcome: 'missing',
            backOfficeOrderIds: [],
            lines: status.lines.map((line) => ({ lineIndex: line.lineIndex })),
            differences: [],
            checkedAt: now,
          };
    await db.reconcileStatuses.put(decided);
    await recountRun(db, status, decided);
    return decided;
  });
}

/**
 * Keeps the run's counts in step with the decided status, and on a rejection moves the orders the
 * match used to its back-office-only list when no other recorded order matched them.
 */
async function recountRun(db: TallyDatabase, before: ReconcileStatus, after: ReconcileStatus): Promise<void> {
  const run = await getRun(db, before.runId);
  if (!run) return;
  const counts = { ...run.counts, [before.outcome]: run.counts[before.outcome] - 1 };
  counts[after.outcome] += 1;
  const backOfficeOnly =
    after.outcome === 'missing'
      ? [...run.backOfficeOnly, ...(await freedOrders(db, run, before))]
      : run.backOfficeOnly;
  backOfficeOnly.sort((a, b) => a.order.orderId.localeCompare(b.order.orderId));
  const updated: StoredReconcileRun = {
    ...run,
    backOfficeOnly,
    counts: { ...counts, backOfficeOnly: backOfficeOnly.length },
  };
  await putRun(db, updated);
}

/** The orders a rejected match used that no other status of its run uses and the run does not list yet. */
async function freedOrders(
  db: TallyDatabase,
  run: StoredReconcileRun,
  rejected: ReconcileStatus,
): Promise<BackOfficeOnlyOrder[]> {
  const others = await readRunStatuses(db, run.id);
  const stillUsed = new Set(
    others
      .filter((status) => status.purchaseId !== rejected.purchaseId)
      .flatMap((status) => status.backOfficeOrderIds),
  );
  const listed = new Set(run.backOfficeOnly.map((entry) => entry.order.orderId));
  return (run.heldOrders ?? []).filter(
    (entry) =>
      rejected.backOfficeOrderIds.includes(entry.order.orderId) &&
      !stillUsed.has(entry.order.orderId) &&
      !listed.has(entry.order.orderId),
  );
}
