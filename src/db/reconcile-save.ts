import type { BackOfficeOrder, ExportProblem } from '../domain/back-office-order';
import { nowInstant, type Instant } from '../domain/dates';
import {
  RECORDED_OUTCOMES,
  type BackOfficeOnlyOrder,
  type OutcomeCounts,
  type RecordedOutcome,
  type ReconcileStatus,
} from '../domain/reconcile';
import type { ReconcileResult, RecordedResult } from '../reconcile/types';
import type { TallyDatabase } from './database';
import { stillAt } from './reconcile-read';
import { packRun, runRows } from './reconcile-runs';
import { dropJobData } from './reconcile-start';
import type { ReconcileJob, StoredReconcileRun } from './reconcile-tables';

/**
 * Saves a job's result in one transaction: a status for every recorded order the export covers
 * (replacing that order's older one; orders it does not cover keep theirs), the run, and the job
 * done, its file and rows dropped. Nothing is written when the job was cancelled or moved on
 * meanwhile. `grouped.problems` are the orders grouping refused, counted with the skipped rows.
 */
export async function saveReconcileResult(
  db: TallyDatabase,
  job: ReconcileJob,
  result: ReconcileResult,
  grouped: { orders: readonly BackOfficeOrder[]; problems: readonly ExportProblem[] },
): Promise<ReconcileJob | undefined> {
  const at = nowInstant();
  const runId = crypto.randomUUID();
  const statuses = result.recorded.map((recorded) => statusOf(recorded, runId, job.layout.backOffice, at));
  const run: StoredReconcileRun = {
    id: runId,
    jobId: job.id,
    backOffice: job.layout.backOffice,
    fileName: job.fileName,
    fileHash: job.fileHash,
    finishedAt: at,
    covered: result.covered,
    counts: countOutcomes(result),
    rowsRead: job.rowsRead,
    skipped: job.skipped + grouped.problems.length,
    problems: keepFirstProblems(job.problems, grouped.problems),
    backOfficeOnly: result.backOfficeOnly,
    heldOrders: heldOrders(result.recorded, grouped.orders),
  };
  const done: ReconcileJob = {
    ...job,
    state: 'done',
    runId,
    progress: 1,
    skipped: run.skipped,
    problems: run.problems,
    updatedAt: at,
  };
  return db.transaction(
    'rw',
    [db.reconcileJobs, db.reconcileFiles, db.reconcileChunks, db.reconcileRuns, db.reconcileStatuses],
    async () => {
      if (!(await stillAt(db, job))) return undefined;
      await db.reconcileStatuses.bulkPut(statuses);
      await runRows(db).add(packRun(run));
      await db.reconcileJobs.put(done);
      await dropJobData(db, job.id);
      return done;
    },
  );
}

/** The first problems kept on the job and the run; every one is counted in `skipped`. */
export const KEPT_PROBLEMS = 200;

export function keepFirstProblems(
  kept: readonly ExportProblem[],
  found: readonly ExportProblem[],
): ExportProblem[] {
  return kept.length >= KEPT_PROBLEMS ? [...kept] : [...kept, ...found.slice(0, KEPT_PROBLEMS - kept.length)];
}

export function statusOf(
  recorded: RecordedResult,
  runId: string,
  backOffice: string,
  checkedAt: Instant,
): ReconcileStatus {
  return {
    purchaseId: recorded.purchaseId,
    runId,
    backOffice,
    outcome: recorded.outcome,
    backOfficeOrderIds: recorded.backOfficeOrderIds,
    lines: recorded.lines,
    differences: recorded.differences,
    ...(recorded.confirmed ? { confirmed: true } : {}),
    checkedAt,
  };
}

export function countOutcomes(result: ReconcileResult): OutcomeCounts {
  const counts = Object.fromEntries(RECORDED_OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    RecordedOutcome,
    number
  >;
  for (const recorded of result.recorded) counts[recorded.outcome] += 1;
  return { ...counts, backOfficeOnly: result.backOfficeOnly.length };
}

/**
 * The export orders that probable matches use, kept on the run: rejecting the match makes them
 * back office only. Their customer is taken to be the recorded order's contact unless the match
 * found the customer different.
 */
function heldOrders(
  recorded: readonly RecordedResult[],
  exportOrders: readonly BackOfficeOrder[],
): BackOfficeOnlyOrder[] {
  const probable = recorded.filter((result) => result.outcome === 'probable');
  if (probable.length === 0) return [];
  const byId = new Map(exportOrders.map((order) => [order.orderId, order]));
  const held = new Map<string, BackOfficeOnlyOrder>();
  for (const result of probable) {
    for (const orderId of result.backOfficeOrderIds) {
      const order = byId.get(orderId);
      if (!order || held.has(orderId)) continue;
      const otherCustomer = result.differences.some(
        (difference) =>
          difference.field === 'customer' &&
          (difference.backOfficeOrderId === undefined || difference.backOfficeOrderId === orderId),
      );
      held.set(orderId, otherCustomer ? { order } : { order, contactId: result.contactId });
    }
  }
  return [...held.values()];
}
