import type { JobState } from '../domain/reconcile';
import type { TallyDatabase } from './database';
import { getRun, runRows, unpackRun } from './reconcile-runs';
import type { ReconcileJob, StoredReconcileRun } from './reconcile-tables';

/** Reading what reconciliation stored: jobs for the progress bar, runs and statuses for the results. */

/** States a job can still move on from; a worker that starts resumes these. */
const UNFINISHED_JOB_STATES: readonly JobState[] = ['queued', 'parsing', 'matching', 'saving'];

export function isUnfinished(job: Pick<ReconcileJob, 'state'>): boolean {
  return UNFINISHED_JOB_STATES.includes(job.state);
}

export async function readReconcileJob(db: TallyDatabase, jobId: string): Promise<ReconcileJob | undefined> {
  return db.reconcileJobs.get(jobId);
}

/** The newest jobs first. */
export async function latestReconcileJobs(db: TallyDatabase, count: number): Promise<ReconcileJob[]> {
  return db.reconcileJobs.orderBy('createdAt').reverse().limit(count).toArray();
}

export async function unfinishedReconcileJobs(db: TallyDatabase): Promise<ReconcileJob[]> {
  return db.reconcileJobs.where('state').anyOf(UNFINISHED_JOB_STATES).sortBy('createdAt');
}

export async function readReconcileRun(
  db: TallyDatabase,
  runId: string,
): Promise<StoredReconcileRun | undefined> {
  return getRun(db, runId);
}

export async function latestReconcileRun(db: TallyDatabase): Promise<StoredReconcileRun | undefined> {
  const row = await runRows(db).orderBy('finishedAt').last();
  return row && unpackRun(row);
}

/** Whether the stored job is still in the state and at the cursor this runner read it in. */
export async function stillAt(db: TallyDatabase, job: ReconcileJob): Promise<boolean> {
  const stored = await db.reconcileJobs.get(job.id);
  return (
    stored !== undefined &&
    stored.state === job.state &&
    stored.cursor.offset === job.cursor.offset &&
    stored.cursor.chunk === job.cursor.chunk
  );
}
