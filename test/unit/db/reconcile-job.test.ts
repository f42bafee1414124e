import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import {
  forgetJobMemory,
  reconcileStep,
  resumeReconcileJobs,
  runReconcileJob,
} from '../../../src/db/reconcile-job';
import {
  latestReconcileJobs,
  latestReconcileRun,
  readReconcileJob,
  readReconcileRun,
} from '../../../src/db/reconcile-read';
import { readReconcileStatuses } from '../../../src/db/reconcile-statuses';
import { decideProbableMatch } from '../../../src/db/reconcile-decisions';
import { cancelReconcileJob, readReconcileFile, startReconcileJob } from '../../../src/db/reconcile-start';
import { runRows } from '../../../src/db/reconcile-runs';
import type { ReconcileJob, StoredReconcileRun } from '../../../src/db/reconcile-tables';
import { DEFAULT_RECONCILE_OPTIONS, type ReconcileStatus } from '../../../src/domain/reconcile';
import {
  bytesOf,
  MARCH_ROWS,
  northwindCsv,
  seedReconcileStore,
  type NorthwindRow,
  type ReconcileStore,
} from '../../support/reconcile-store';

let db: TallyDatabase;
let store: ReconcileStore;
beforeEach(async () => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  store = await seedReconcileStore(db);
  forgetJobMemory();
});
afterEach(async () => {
  await db.delete();
});

/** Reads and starts a file as the dashboard does: recognise it, then write the job. */
async function start(text: string, fileName = 'northwind-orders.csv', now?: string) {
  const bytes = bytesOf(text);
  const read = await readReconcileFile(db, bytes, fileName);
  if (!read.ok) throw new Error(`not recognised: ${JSON.stringify(read)}`);
  return startReconcileJob(db, {
    fileName,
    bytes,
    hash: read.hash,
    layout: read.layout,
    options: DEFAULT_RECONCILE_OPTIONS,
    defaultCountry: 'US',
    ...(now === undefined ? {} : { now }),
  });
}

async function startJob(text: string, fileName?: string, now?: string): Promise<string> {
  const started = await start(text, fileName, now);
  if (!('jobId' in started)) throw new Error('the file was already reconciled');
  return started.jobId;
}

/** Statuses and run without what differs between two runs of the same file (ids and times). */
async function outcome() {
  const statuses = [...(await readReconcileStatuses(db)).values()]
    .map(({ runId: _run, checkedAt: _at, ...status }) => status)
    .sort((a, b) => a.purchaseId.localeCompare(b.purchaseId));
  const run = await latestReconcileRun(db);
  const { id: _id, jobId: _job, finishedAt: _at, ...rest } = run as StoredReconcileRun;
  return { statuses, run: rest };
}

async function leftovers() {
  return { chunks: await db.reconcileChunks.count(), files: await db.reconcileFiles.count() };
}

const outcomeOf = (statuses: Map<string, ReconcileStatus>, id: string) => statuses.get(id)?.outcome;

describe('a reconcile job, start to finish', () => {
  it('stores a status per covered recorded order and the run, and drops its file and rows', async () => {
    const jobId = await startJob(northwindCsv(MARCH_ROWS));
    const queued = await readReconcileJob(db, jobId);
    expect(queued).toMatchObject({
      state: 'queued',
      rowsRead: 0,
      progress: 0,
      fileName: 'northwind-orders.csv',
    });
    expect(await db.reconcileFiles.count()).toBe(1);

    const done = await runReconcileJob(db, jobId);
    expect(done).toMatchObject({ state: 'done', progress: 1, rowsRead: 6, skipped: 1 });

    const statuses = await readReconcileStatuses(db);
    expect(outcomeOf(statuses, store.synced.id)).toBe('synced');
    expect(outcomeOf(statuses, store.probable.id)).toBe('probable');
    expect(outcomeOf(statuses, store.missing.id)).toBe('missing');
    expect(outcomeOf(statuses, store.conflict.id)).toBe('conflict');
    // Two months before the export's first order: the export says nothing about it.
    expect(statuses.has(store.earlier.id)).toBe(false);
    expect(statuses.get(store.synced.id)).toMatchObject({
      runId: done?.runId,
      backOffice: 'northwind',
      backOfficeOrderIds: ['SO-1'],
    });

    const run = await readReconcileRun(db, done?.runId ?? '');
    expect(run).toMatchObject({
      jobId,
      fileName: 'northwind-orders.csv',
      covered: { from: '2026-03-02', to: '2026-03-10' },
      counts: { synced: 1, probable: 1, conflict: 1, missing: 1, backOfficeOnly: 2 },
      rowsRead: 6,
      skipped: 1,
    });
    expect(run?.problems).toEqual([{ line: 4, reason: expect.any(String) }]);
    expect(run?.backOfficeOnly.map((entry) => [entry.order.orderId, entry.contactId])).toEqual([
      ['SO-5', store.ben.id],
      ['SO-6', undefined],
    ]);
    // The probable match's order is kept, to become back office only if the user rejects it.
    expect(run?.heldOrders?.map((entry) => entry.order.orderId)).toEqual(['SO-2']);
    // Stored packed: the orders are one JSON string in the row.
    const row = await runRows(db).get(done?.runId ?? '');
    expect(typeof row?.backOfficeOnly).toBe('string');
    expect(JSON.parse(row?.backOfficeOnly ?? '')).toEqual(run?.backOfficeOnly);
    expect(await leftovers()).toEqual({ chunks: 0, files: 0 });
  });

  it('reads the file in chunks, storing the cursor and rows after each', async () => {
    const jobId = await startJob(northwindCsv(MARCH_ROWS));
    const seen: ReconcileJob[] = [];
    await runReconcileJob(db, jobId, {
      chunkRows: 2,
      afterStep: (job) => void seen.push(job),
    });
    const parsing = seen.filter((job) => job.state === 'parsing');
    expect(parsing.map((job) => job.cursor.chunk)).toEqual([0, 1, 2]);
    expect(parsing.map((job) => job.rowsRead)).toEqual([0, 2, 4]);
    // The progress bar only moves forward, with every step, to the end.
    const progress = seen.map((job) => job.progress);
    expect(new Set(progress).size).toBe(progress.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    expect(seen.map((job) => job.state)).toEqual(['parsing', 'parsing', 'parsing', 'matching', 'done']);
  });

  it('recognises the same file again and writes nothing', async () => {
    const text = northwindCsv(MARCH_ROWS);
    const done = await runReconcileJob(db, await startJob(text));
    const before = await outcome();
    const again = await start(text, 'renamed.csv');
    expect(again).toEqual({ alreadyReconciled: done?.runId });
    expect(await latestReconcileJobs(db, 10)).toHaveLength(1);
    expect(await outcome()).toEqual(before);
  });

  it('gives the job already under way when the same file is started twice before it ends', async () => {
    const text = northwindCsv(MARCH_ROWS);
    const first = await startJob(text);
    expect(await start(text)).toEqual({ jobId: first });
    expect(await db.reconcileJobs.count()).toBe(1);
  });

  it('a newer export replaces the statuses of the orders it covers and leaves the others', async () => {
    const march = await runReconcileJob(db, await startJob(northwindCsv(MARCH_ROWS)));
    // A later export from 2026-03-08 on: it covers the conflict order (now entered correctly)
    // but not the synced, probable or missing ones, which keep the March run's statuses.
    const later: NorthwindRow[] = [
      ['SO-4', '2026-03-08', 'C-4', 'dee@example.com', 'NW-1001', 1, '12.50', 'USD'],
      ['SO-9', '2026-03-20', 'C-1', 'ada@example.com', 'NW-1001', 1, '12.50', 'USD'],
    ];
    const newer = await runReconcileJob(db, await startJob(northwindCsv(later), 'later.csv'));
    const statuses = await readReconcileStatuses(db);
    expect(statuses.get(store.conflict.id)).toMatchObject({ outcome: 'synced', runId: newer?.runId });
    for (const kept of [store.synced, store.probable, store.missing]) {
      expect(statuses.get(kept.id)?.runId).toBe(march?.runId);
    }
    expect(outcomeOf(statuses, store.missing.id)).toBe('missing');
    expect((await latestReconcileRun(db))?.id).toBe(newer?.runId);
  });
});

describe('two jobs', () => {
  it('run one at a time, oldest first, so the file given last has the last word', async () => {
    const march = await startJob(northwindCsv(MARCH_ROWS), 'march.csv', '2026-03-12T09:00:00.000Z');
    // Given a minute later: Dee's order, now entered in the back office as recorded.
    const later = await startJob(
      northwindCsv([['SO-4', '2026-03-08', 'C-4', 'dee@example.com', 'NW-1001', 1, '12.50', 'USD']]),
      'later.csv',
      '2026-03-12T09:01:00.000Z',
    );
    // The worker is asked for the later one first (a second page), then for March's.
    const [newer] = await Promise.all([
      runReconcileJob(db, later, { chunkRows: 1 }),
      runReconcileJob(db, march, { chunkRows: 1 }),
    ]);
    expect((await readReconcileStatuses(db)).get(store.conflict.id)).toMatchObject({
      outcome: 'synced',
      runId: newer?.runId,
    });
    expect((await latestReconcileRun(db))?.fileName).toBe('later.csv');
  });
});

describe('a job stopped and resumed', () => {
  /** Many rows, so the file takes several chunks: March's export and 40 more back-office orders. */
  const manyRows: NorthwindRow[] = [
    ...MARCH_ROWS,
    ...Array.from({ length: 40 }, (_, index): NorthwindRow => [
      `SO-${100 + index}`,
      `2026-03-${String(2 + (index % 8)).padStart(2, '0')}`,
      `C-${200 + (index % 7)}`,
      `someone${index % 7}@example.com`,
      `NW-${3000 + (index % 5)}`,
      1 + (index % 3),
      '4.00',
      'USD',
    ]),
  ];

  async function uninterrupted() {
    const other = new TallyDatabase(`test-${crypto.randomUUID()}`);
    const saved = db;
    try {
      db = other;
      await db.contacts.bulkAdd(await saved.contacts.toArray());
      await db.purchases.bulkAdd(await saved.purchases.toArray());
      await runReconcileJob(db, await startJob(northwindCsv(manyRows)), { chunkRows: 5 });
      return await outcome();
    } finally {
      db = saved;
      await other.delete();
    }
  }

  it('finishes with exactly the result of a run that was never stopped', async () => {
    const expected = await uninterrupted();
    const jobId = await startJob(northwindCsv(manyRows));
    // The worker stops after three chunks: the job is stored mid-file.
    let steps = 0;
    const stopped = await runReconcileJob(db, jobId, { chunkRows: 5, afterStep: () => ++steps < 4 });
    expect(stopped).toMatchObject({ state: 'parsing', cursor: { chunk: 3 } });
    expect(await db.reconcileChunks.count()).toBe(3);
    expect(await db.reconcileStatuses.count()).toBe(0);

    // A new worker: nothing in memory, the stored job resumed.
    forgetJobMemory();
    await resumeReconcileJobs(db, { chunkRows: 5 });
    expect(await readReconcileJob(db, jobId)).toMatchObject({ state: 'done', rowsRead: manyRows.length });
    expect(await outcome()).toEqual(expected);
    expect(await leftovers()).toEqual({ chunks: 0, files: 0 });
  });

  it('a worker stopped while saving saves on its next start, with the same result', async () => {
    const expected = await uninterrupted();
    const jobId = await startJob(northwindCsv(manyRows));
    await runReconcileJob(db, jobId, { chunkRows: 5, afterStep: (job) => job.state !== 'matching' });
    // As if the worker stopped after storing 'saving', before the results were committed.
    await db.reconcileJobs.update(jobId, { state: 'saving' });
    forgetJobMemory();
    expect(await db.reconcileStatuses.count()).toBe(0);
    expect(await runReconcileJob(db, jobId)).toMatchObject({ state: 'done' });
    expect(await outcome()).toEqual(expected);
  });

  it('a chunk read by a runner whose job moved on meanwhile is not written', async () => {
    const jobId = await startJob(northwindCsv(manyRows));
    const queued = (await readReconcileJob(db, jobId)) as ReconcileJob;
    const parsing = (await reconcileStep(db, queued)) as ReconcileJob;
    // Two runners read the job at the same cursor; only the first one's chunk counts.
    const first = await reconcileStep(db, parsing, { chunkRows: 5 });
    const second = await reconcileStep(db, parsing, { chunkRows: 5 });
    expect(first).toMatchObject({ cursor: { chunk: 1 } });
    expect(second).toBeUndefined();
    expect(await readReconcileJob(db, jobId)).toMatchObject({ cursor: { chunk: 1 }, rowsRead: 5 });
    expect(await db.reconcileChunks.count()).toBe(1);
  });

  it('runs a job once when it is asked to run twice at the same time', async () => {
    const jobId = await startJob(northwindCsv(manyRows));
    const [one, two] = await Promise.all([
      runReconcileJob(db, jobId, { chunkRows: 5 }),
      runReconcileJob(db, jobId, { chunkRows: 5 }),
    ]);
    await runReconcileJob(db, jobId);
    expect(one?.state === 'done' || two?.state === 'done').toBe(true);
    expect(await db.reconcileRuns.count()).toBe(1);
  });
});

describe('a job that does not finish', () => {
  it('cancelled mid-file, it leaves nothing behind and changes nothing', async () => {
    const jobId = await startJob(northwindCsv(MARCH_ROWS));
    let steps = 0;
    await runReconcileJob(db, jobId, { chunkRows: 2, afterStep: () => ++steps < 2 });
    expect(await db.reconcileChunks.count()).toBe(1);
    await cancelReconcileJob(db, jobId);
    expect(await readReconcileJob(db, jobId)).toMatchObject({ state: 'cancelled' });
    expect(await leftovers()).toEqual({ chunks: 0, files: 0 });
    // A runner that was still going stops without writing.
    expect(await runReconcileJob(db, jobId)).toMatchObject({ state: 'cancelled' });
    expect(await db.reconcileStatuses.count()).toBe(0);
    expect(await db.reconcileRuns.count()).toBe(0);
  });

  it('a runner that read the job before the cancel writes nothing after it', async () => {
    const jobId = await startJob(northwindCsv(MARCH_ROWS));
    const queued = (await readReconcileJob(db, jobId)) as ReconcileJob;
    const parsing = (await reconcileStep(db, queued)) as ReconcileJob;
    await cancelReconcileJob(db, jobId);
    expect(await reconcileStep(db, parsing)).toBeUndefined();
    expect(await leftovers()).toEqual({ chunks: 0, files: 0 });
  });

  it('a failure while matching marks the job failed and leaves the earlier statuses as they were', async () => {
    await runReconcileJob(db, await startJob(northwindCsv(MARCH_ROWS)));
    const before = await outcome();
    const later: NorthwindRow[] = [
      ['SO-4', '2026-03-08', 'C-4', 'dee@example.com', 'NW-1001', 1, '12.50', 'USD'],
      ['SO-7', '2026-03-09', 'C-1', 'ada@example.com', 'NW-1001', 1, '12.50', 'USD'],
    ];
    const jobId = await startJob(northwindCsv(later), 'later.csv');
    await runReconcileJob(db, jobId, { chunkRows: 1, afterStep: (job) => job.state !== 'matching' });
    // The worker restarts, and a chunk is not what the reader stored (a bad write, a newer Tally's rows).
    forgetJobMemory();
    await db.reconcileChunks.update([jobId, 0], { rows: '[{"line": 2, "orderId": "SO-4"' });

    const failed = await runReconcileJob(db, jobId);
    expect(failed).toMatchObject({ state: 'failed', error: expect.stringMatching(/^Tally could not match/) });
    expect(await outcome()).toEqual(before);
    expect(await db.reconcileRuns.count()).toBe(1);
    expect(await leftovers()).toEqual({ chunks: 0, files: 0 });
  });

  it('a failure while saving undoes the statuses already written in that transaction', async () => {
    await runReconcileJob(db, await startJob(northwindCsv(MARCH_ROWS)));
    const before = await outcome();
    const later: NorthwindRow[] = [
      ['SO-4', '2026-03-08', 'C-4', 'dee@example.com', 'NW-1001', 1, '12.50', 'USD'],
    ];
    const jobId = await startJob(northwindCsv(later), 'later.csv');
    // The job's last write, after the statuses and the run, fails (a full disk, say).
    const jobs = db.reconcileJobs;
    const put = jobs.put.bind(jobs);
    jobs.put = ((job: ReconcileJob, key?: string) =>
      job.state === 'done'
        ? Promise.reject(new Error('The disk is full.'))
        : put(job, key)) as typeof jobs.put;
    const failed = await runReconcileJob(db, jobId);
    jobs.put = put as typeof jobs.put;
    expect(failed).toMatchObject({ state: 'failed', error: expect.stringMatching(/The disk is full\.$/) });
    expect(await outcome()).toEqual(before);
    expect(await db.reconcileRuns.count()).toBe(1);
  });

  it('a job whose file is gone fails with a reason', async () => {
    const jobId = await startJob(northwindCsv(MARCH_ROWS));
    await db.reconcileFiles.delete(jobId);
    const failed = await runReconcileJob(db, jobId);
    expect(failed?.state).toBe('failed');
    expect(failed?.error).toMatch(/northwind-orders\.csv is no longer stored/);
  });
});

describe('changes made while a job matches', () => {
  /**
   * Makes `change` start, as another page would, right after the job has read the user's
   * verdicts (the last thing the matching reads); returns the change's outcome once settled.
   */
  function changeWhileMatching(change: () => Promise<unknown>): () => Promise<unknown> {
    const table = db.reconcileDecisions;
    const read = table.toArray.bind(table);
    let started: Promise<unknown> | undefined;
    table.toArray = (async () => {
      const decisions = await read();
      // Outside the job's transaction, as a write from another page is.
      started ??= Dexie.ignoreTransaction(() => change().catch((error: unknown) => error));
      return decisions;
    }) as typeof table.toArray;
    return async () => {
      table.toArray = read as typeof table.toArray;
      return started;
    };
  }

  it('a probable match confirmed meanwhile stays confirmed: the save does not undo it', async () => {
    await runReconcileJob(db, await startJob(northwindCsv(MARCH_ROWS)));
    expect((await readReconcileStatuses(db)).get(store.probable.id)?.outcome).toBe('probable');
    // A longer export of the same month; while it matches, the user confirms the probable match.
    const longer: NorthwindRow[] = [
      ...MARCH_ROWS,
      ['SO-8', '2026-03-11', 'C-1', 'ada@example.com', 'NW-1001', 1, '12.50', 'USD'],
    ];
    const jobId = await startJob(northwindCsv(longer), 'longer.csv');
    const settled = changeWhileMatching(() => decideProbableMatch(db, store.probable.id, 'confirmed'));
    const done = await runReconcileJob(db, jobId);
    expect(await settled()).toMatchObject({ outcome: 'synced', confirmed: true });
    expect(done?.state).toBe('done');
    expect((await readReconcileStatuses(db)).get(store.probable.id)).toMatchObject({
      outcome: 'synced',
      confirmed: true,
    });
  });
});
