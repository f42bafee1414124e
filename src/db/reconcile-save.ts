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
 * Matches the job's orders and saves the result in one transaction that also holds the contacts,
 * recorded purchases and verdicts the matching reads: a purchase recorded, edited or imported, a
 * contact merged or a probable match decided while the job runs happens wholly before the
 * matching (and is judged by it) or wholly after the save (and applies to the saved statuses),
 * never in between, where the save would overwrite it with what it found before. Writes a status
 * for every recorded order the export covers (replacing that order's older one; orders it does
 * not cover keep theirs), the run, and the job done, its file and rows dropped. Nothing is
 * written when the job was cancelled or moved on meanwhile. `grouped.problems` are the orders
 * grouping refused, counted with the skipped rows. `match` must not leave the transaction (no
 * timers, no fetches): it reads through `db` and matches synchronously.
 */
export async function saveReconcileResult(
  db: TallyDatabase,
  job: ReconcileJob,
  grouped: { orders: readonly BackOfficeOrder[]; problems: readonly ExportProblem[] },
  match: () => Promise<ReconcileResult>,
): Promise<ReconcileJob | undefined> {
  return db.transaction(
    'rw',
    [
      db.contacts,
      db.purchases,
      db.reconcileDecisions,
      db.reconcileJobs,
      db.reconcileFiles,
      db.reconcileChunks,
      db.reconcileRuns,
      db.reconcileStatuses,
    ],
    async () => {
      if (!(await stillAt(db, job))) return undefined;
      const result = await match();
      const { statuses, run, done } = savedRecords(job, result, grouped);
      await db.reconcileStatuses.bulkPut(statuses);
      await runRows(db).add(packRun(run));
      await db.reconcileJobs.put(done);
      await dropJobData(db, job.id);
      return done;
    },
  );
}

function savedRecords(
  job: ReconcileJob,
  result: ReconcileResult,
  grouped: { orders: readonly BackOfficeOrder[]; problems: readonly ExportProblem[] },
): { statuses: ReconcileStatus[]; run: StoredReconcileRun; done: ReconcileJob } {
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
  return { statuses, run, done };
}

/** The first problems kept on the job and the run; every one is counted in `skipped`. */
const KEPT_PROBLEMS = 200;

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

function countOutcomes(result: ReconcileResult): OutcomeCounts {
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
