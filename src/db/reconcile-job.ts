import { decodeCsvBytes } from '../csv/decode';
import { groupOrders, readOrderRows } from '../csv/order-export';
import type { BackOfficeRow } from '../domain/back-office-order';
import { nowInstant } from '../domain/dates';
import { errorMessage } from '../domain/errors';
import { t } from '../domain/i18n';
import { reconcileExport } from '../reconcile/reconcile-export';
import type { TallyDatabase } from './database';
import { loadReconcileInput } from './reconcile-input';
import { isUnfinished, stillAt, unfinishedReconcileJobs } from './reconcile-read';
import { keepFirstProblems, saveReconcileResult } from './reconcile-save';
import { dropJobData } from './reconcile-start';
import type { ReconcileJob } from './reconcile-tables';

/**
 * The worker's side of a reconciliation. Every step reads the job as stored, does its work and
 * writes the job's next state in one transaction, so the worker can be stopped at any instant:
 * the next runner starts from what is stored and ends with the same result.
 *
 *   queued → parsing (a chunk of rows per step) → matching (matched and saved in one step) → done
 *   any unfinished state → failed (a throw) | cancelled (the user; see cancelReconcileJob)
 *
 * Nothing outside the job's own rows changes before the one transaction that saves the result.
 */

/** Rows read per step: each step is one transaction, and a stop loses at most one step's work. */
export const CHUNK_ROWS = 10_000;

// How much of the progress bar each stage fills: reading the file is most of the work.
const PARSED = 0.8;
const MATCHING = 0.85;

export interface RunJobOptions {
  chunkRows?: number;
  /**
   * Called after each step with the job as stored; returning false stops the runner there, as a
   * stopped worker would (tests use it to interrupt a job).
   */
  afterStep?: (job: ReconcileJob) => boolean | void;
}

/** Jobs this worker has been asked to run and is running or about to: asked again, the same run. */
const runs = new Map<string, Promise<ReconcileJob | undefined>>();

/**
 * The worker runs one job at a time, oldest first. Two at once (a file dropped in the sidebar
 * while the dashboard's runs) would save in whichever order they happened to end, and the older
 * export's statuses could replace the newer one's; in turn, the file given last saves last.
 */
let queue: Promise<unknown> = Promise.resolve();

/**
 * What this worker has already done for each job, kept for its life only, as a cache: the file
 * decoded (decoding a large file for every chunk would cost as much as reading it), and the rows
 * of each chunk it stored (matching then need not read them back). After a restart both come
 * again from what is stored.
 */
interface JobMemory {
  text: string;
  chunks: BackOfficeRow[][];
}
const memory = new Map<string, JobMemory>();

/** Forgets every job's decoded file and rows, as a restarted worker would have (for tests). */
export function forgetJobMemory(): void {
  memory.clear();
}

/**
 * Runs a job from where it is stored to its end (or until `afterStep` stops it). Returns the job
 * as last stored. Any failure marks the job failed with the reason; nothing else changes.
 */
export function runReconcileJob(
  db: TallyDatabase,
  jobId: string,
  options: RunJobOptions = {},
): Promise<ReconcileJob | undefined> {
  const asked = runs.get(jobId);
  if (asked) return asked;
  const run = queue.then(() => runInTurn(db, jobId, options)).finally(() => runs.delete(jobId));
  runs.set(jobId, run);
  queue = run.catch(() => undefined);
  return run;
}

/** Runs the unfinished jobs older than this one, then this one. */
async function runInTurn(
  db: TallyDatabase,
  jobId: string,
  options: RunJobOptions,
): Promise<ReconcileJob | undefined> {
  const job = await db.reconcileJobs.get(jobId);
  if (!job) return undefined;
  for (const older of await unfinishedReconcileJobs(db)) {
    if (older.id !== jobId && older.createdAt < job.createdAt) await runOne(db, older.id, options);
  }
  return runOne(db, jobId, options);
}

async function runOne(
  db: TallyDatabase,
  jobId: string,
  options: RunJobOptions,
): Promise<ReconcileJob | undefined> {
  const last = await runSteps(db, jobId, options);
  if (!last || !isUnfinished(last)) memory.delete(jobId);
  return last;
}

async function runSteps(
  db: TallyDatabase,
  jobId: string,
  options: RunJobOptions,
): Promise<ReconcileJob | undefined> {
  for (;;) {
    const job = await db.reconcileJobs.get(jobId);
    if (!job || !isUnfinished(job)) return job;
    const next = await stepSafely(db, job, options);
    // Nothing written: the job was cancelled or moved on under this step.
    if (!next) return db.reconcileJobs.get(jobId);
    if (options.afterStep?.(next) === false || !isUnfinished(next)) return next;
  }
}

/** Runs every job left unfinished, oldest first (a worker that starts calls this). */
export async function resumeReconcileJobs(db: TallyDatabase, options: RunJobOptions = {}): Promise<void> {
  for (const job of await unfinishedReconcileJobs(db)) await runReconcileJob(db, job.id, options);
}

async function stepSafely(
  db: TallyDatabase,
  job: ReconcileJob,
  options: RunJobOptions,
): Promise<ReconcileJob | undefined> {
  try {
    return await reconcileStep(db, job, options);
  } catch (error) {
    return failJob(db, job, t('db_job_failed', stageWords(job.state), errorMessage(error)));
  }
}

function stageWords(state: ReconcileJob['state']): string {
  switch (state) {
    case 'queued':
      return t('db_job_stage_queued');
    case 'parsing':
      return t('db_job_stage_parsing');
    // Matching and saving are one step (see matchAndSave): either may have failed.
    case 'matching':
    case 'saving':
      return t('db_job_stage_matching');
    case 'done':
      return t('db_job_stage_done');
    case 'failed':
      return t('db_job_stage_failed');
    case 'cancelled':
      return t('db_job_stage_cancelled');
  }
}

/**
 * One step of a job: the next chunk of rows, or matching and saving. Returns the job as stored
 * after it, or undefined when the job changed under it (cancelled, or another runner moved it
 * on), in which case this step wrote nothing.
 */
export async function reconcileStep(
  db: TallyDatabase,
  job: ReconcileJob,
  options: RunJobOptions = {},
): Promise<ReconcileJob | undefined> {
  switch (job.state) {
    case 'queued':
      return moveOn(db, job, { state: 'parsing' });
    case 'parsing': {
      const text = await decodedText(db, job);
      return text === undefined ? undefined : readChunk(db, job, text, options.chunkRows ?? CHUNK_ROWS);
    }
    case 'matching':
    case 'saving':
      return matchAndSave(db, job);
    default:
      return job;
  }
}

/** The job's file as text; undefined when the job was cancelled meanwhile (its file is gone). */
async function decodedText(db: TallyDatabase, job: ReconcileJob): Promise<string | undefined> {
  const remembered = memory.get(job.id);
  if (remembered) return remembered.text;
  const file = await db.reconcileFiles.get(job.id);
  if (!file) {
    if (!(await stillAt(db, job))) return undefined;
    throw new Error(t('db_job_file_gone', job.fileName));
  }
  const { text } = decodeCsvBytes(new Uint8Array(await file.bytes.arrayBuffer()));
  memory.set(job.id, { text, chunks: [] });
  return text;
}

/**
 * Reads the next chunk of rows from the job's cursor and stores them with the job's new cursor,
 * counts and progress in one transaction; the last chunk moves the job on to matching.
 */
async function readChunk(
  db: TallyDatabase,
  job: ReconcileJob,
  text: string,
  chunkRows: number,
): Promise<ReconcileJob | undefined> {
  const read = readOrderRows(text, job.layout, job.cursor, chunkRows);
  const next: ReconcileJob = {
    ...job,
    state: read.done ? 'matching' : 'parsing',
    cursor: { offset: read.next.offset, line: read.next.line, chunk: job.cursor.chunk + 1 },
    textLength: text.length,
    rowsRead: job.rowsRead + read.rows.length + read.problems.length,
    skipped: job.skipped + read.problems.length,
    problems: keepFirstProblems(job.problems, read.problems),
    progress: read.done ? MATCHING : PARSED * (text.length === 0 ? 1 : read.next.offset / text.length),
    updatedAt: nowInstant(),
  };
  return db
    .transaction('rw', db.reconcileJobs, db.reconcileChunks, async () => {
      if (!(await stillAt(db, job))) return undefined;
      await db.reconcileChunks.put({
        jobId: job.id,
        index: job.cursor.chunk,
        rows: JSON.stringify(read.rows),
      });
      await db.reconcileJobs.put(next);
      return next;
    })
    .then((written) => {
      // Remembered once committed: the rows stored are the rows remembered.
      const remembered = memory.get(job.id);
      if (written && remembered) remembered.chunks[job.cursor.chunk] = read.rows;
      return written;
    });
}

/**
 * Groups every row read into orders, matches them against the recorded orders and saves the
 * outcome. The matching reads the contacts and recorded orders inside the one transaction that
 * saves (see saveReconcileResult), so a change made meanwhile is never overwritten; a stop before
 * it commits leaves the job as it was, and the next runner does it again. ('saving' is handled
 * alike: jobs stored by earlier versions stopped there.)
 */
async function matchAndSave(db: TallyDatabase, job: ReconcileJob): Promise<ReconcileJob | undefined> {
  const grouped = groupOrders(await rowsRead(db, job));
  const settings = {
    backOffice: job.layout.backOffice,
    options: job.options,
    defaultCountry: job.defaultCountry ?? 'US',
  };
  return saveReconcileResult(db, job, grouped, async () =>
    reconcileExport(await loadReconcileInput(db, grouped.orders, settings)),
  );
}

/** Every row the job read, in file order: remembered by this worker, else read back from its chunks. */
async function rowsRead(db: TallyDatabase, job: ReconcileJob): Promise<BackOfficeRow[]> {
  let chunks = memory.get(job.id)?.chunks ?? [];
  if (!hasEvery(chunks, job.cursor.chunk)) {
    const stored = await db.reconcileChunks
      .where('[jobId+index]')
      .between([job.id, 0], [job.id, Number.MAX_SAFE_INTEGER], true, true)
      .toArray();
    if (stored.length !== job.cursor.chunk) {
      throw new Error(t('db_job_chunks_missing', String(job.cursor.chunk - stored.length)));
    }
    chunks = stored.map((chunk) => JSON.parse(chunk.rows) as BackOfficeRow[]);
  }
  const rows: BackOfficeRow[] = [];
  for (const chunk of chunks) for (const row of chunk) rows.push(row);
  return rows;
}

function hasEvery(chunks: readonly (BackOfficeRow[] | undefined)[], count: number): boolean {
  if (chunks.length !== count) return false;
  for (let index = 0; index < count; index++) if (chunks[index] === undefined) return false;
  return true;
}

/** Writes the job's next state if it is still as this runner read it; undefined otherwise. */
async function moveOn(
  db: TallyDatabase,
  job: ReconcileJob,
  changes: Partial<ReconcileJob>,
): Promise<ReconcileJob | undefined> {
  const next = { ...job, ...changes, updatedAt: nowInstant() };
  return db.transaction('rw', db.reconcileJobs, async () => {
    if (!(await stillAt(db, job))) return undefined;
    await db.reconcileJobs.put(next);
    return next;
  });
}

/**
 * Marks the job failed with the reason and drops its file and rows; statuses and runs stay as
 * they were. A job that was cancelled or moved on meanwhile is left as it is.
 */
async function failJob(
  db: TallyDatabase,
  job: ReconcileJob,
  error: string,
): Promise<ReconcileJob | undefined> {
  memory.delete(job.id);
  return db.transaction('rw', db.reconcileJobs, db.reconcileFiles, db.reconcileChunks, async () => {
    const stored = await db.reconcileJobs.get(job.id);
    if (!stored || !(await stillAt(db, job))) return stored;
    const failed: ReconcileJob = { ...stored, state: 'failed', error, updatedAt: nowInstant() };
    await db.reconcileJobs.put(failed);
    await dropJobData(db, job.id);
    return failed;
  });
}
