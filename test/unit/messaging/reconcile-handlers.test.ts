import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import type { ReconcileJob } from '../../../src/db/reconcile-tables';
import { DEFAULT_RECONCILE_OPTIONS, type JobState } from '../../../src/domain/reconcile';
import { reconcileHandlers } from '../../../src/messaging/reconcile-handlers';
import { createRouter, type Handlers } from '../../../src/messaging/router';

const self = { id: 'tally-id', origin: 'chrome-extension://tally-id/' };
const dashboard = { id: 'tally-id', url: 'chrome-extension://tally-id/dashboard.html' };
const sidebarIn = (tab: number) => ({
  id: 'tally-id',
  url: 'chrome-extension://tally-id/sidebar.html',
  tab: { id: tab },
});
const contentScript = { id: 'tally-id', url: 'http://127.0.0.1:5178/rep/orders', tab: { id: 3 } };
const otherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

let db: TallyDatabase;
let runInBackground: ReturnType<typeof vi.fn<(jobId: string) => void>>;
let route: ReturnType<typeof createRouter>;

beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  runInBackground = vi.fn();
  route = createRouter(reconcileHandlers({ db: () => db, runInBackground }) as Handlers, self);
});
afterEach(async () => {
  await db.delete();
});

async function storedJob(state: JobState): Promise<string> {
  const job: ReconcileJob = {
    id: crypto.randomUUID(),
    createdAt: '2026-03-12T09:00:00.000Z',
    updatedAt: '2026-03-12T09:00:00.000Z',
    state,
    fileName: 'orders.csv',
    fileHash: 'a'.repeat(64),
    fileSize: 10,
    layout: {
      format: 'northwind',
      backOffice: 'northwind',
      delimiter: ',',
      header: ['order_id'],
      columns: { orderId: 0 },
      dateOrder: 'ymd',
      defaultCurrency: 'USD',
    },
    options: DEFAULT_RECONCILE_OPTIONS,
    cursor: { offset: 9, line: 2, chunk: 0 },
    textLength: 10,
    rowsRead: 0,
    skipped: 0,
    problems: [],
    progress: 0,
  };
  await db.reconcileJobs.add(job);
  return job.id;
}

const run = (jobId: string) => ({ type: 'reconcile.run', request: { jobId } });

describe('reconcile.run', () => {
  it('starts an unfinished job in the background and answers at once', async () => {
    const jobId = await storedJob('parsing');
    expect(await route(run(jobId), dashboard)).toEqual({ ok: true, response: {} });
    expect(await route(run(jobId), sidebarIn(4))).toEqual({ ok: true, response: {} });
    expect(runInBackground.mock.calls).toEqual([[jobId], [jobId]]);
  });

  it('does nothing for a job that has ended', async () => {
    for (const state of ['done', 'failed', 'cancelled'] as const) {
      expect(await route(run(await storedJob(state)), dashboard)).toEqual({ ok: true, response: {} });
    }
    expect(runInBackground).not.toHaveBeenCalled();
  });

  it('refuses a job that is not stored, a request that is not a job id, and senders other than Tally pages', async () => {
    const jobId = await storedJob('queued');
    expect(await route(run(crypto.randomUUID()), dashboard)).toEqual({
      ok: false,
      error: 'This reconciliation is no longer stored.',
    });
    expect(await route(run('not-a-uuid'), dashboard)).toEqual({
      ok: false,
      error: 'reconcile.run: invalid request.',
    });
    for (const sender of [contentScript, otherExtension]) {
      expect(await route(run(jobId), sender)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/not accepted/),
      });
    }
    expect(runInBackground).not.toHaveBeenCalled();
  });
});
