import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderExportLayout } from '../../../../src/domain/back-office-order';
import { DEFAULT_RECONCILE_OPTIONS, type ReconcileOptions } from '../../../../src/domain/reconcile';
import type { ReconcileOffer, StoredReconcileRun } from '../../../../src/db/reconcile-tables';
import {
  createReconcileModel,
  type ReconcileDeps,
  type ReconcileFileRead,
  type ReconcileStart,
} from '../../../../src/ui/reconcile/reconcile-model';
import { fakeJobs, LAYOUT, makeJob, makeRun } from './fakes';

const NOW = new Date('2026-03-01T12:00:00.000Z');

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

const csv = (text = 'order_id,order_date\nSO-1,2026-02-01\n', name = 'orders.csv') => new File([text], name);

/** A database and worker in memory: what the model asked for is recorded. */
function setup(read: ReconcileFileRead, change: Partial<ReconcileDeps> = {}) {
  // An earlier job, finished: the page has nothing to resume.
  const jobs = fakeJobs(makeJob({ id: 'job-0', state: 'done', runId: 'run-0' }));
  const started: ReconcileStart[] = [];
  const saved: OrderExportLayout[] = [];
  const cancelled: string[] = [];
  const shownRuns: string[] = [];
  const runs = new Map<string, StoredReconcileRun>([['run-1', makeRun()]]);
  let options: ReconcileOptions = DEFAULT_RECONCILE_OPTIONS;
  const deps: ReconcileDeps = {
    readFile: async () => read,
    saveMapping: async (layout) => {
      saved.push(layout);
    },
    startJob: async (start) => {
      started.push(start);
      jobs.replace(makeJob());
      return { jobId: 'job-1' };
    },
    runJob: jobs.runJob,
    readJob: jobs.readJob,
    latestJobs: async () => {
      const job = jobs.get();
      return job ? [job] : [];
    },
    cancelJob: async (jobId) => {
      cancelled.push(jobId);
      jobs.set({ state: 'cancelled' });
    },
    readRun: async (runId) => runs.get(runId),
    loadOptions: async () => options,
    saveOptions: async (next) => {
      if (next.dateWindowDays > 30) throw new Error('at most 30 days');
      options = next;
    },
    onRun: (runId) => {
      shownRuns.push(runId);
    },
    now: () => new Date(),
    ...change,
  };
  return {
    model: createReconcileModel(deps),
    jobs,
    started,
    saved,
    cancelled,
    shownRuns,
    runs,
    options: () => options,
  };
}

const recognised: ReconcileFileRead = { ok: true, layout: LAYOUT, hash: 'hash-1', preview: [] };

describe('reconcile model', () => {
  it('starts a recognised file at once, asks the worker, follows the progress and shows the run', async () => {
    const { model, jobs, started, shownRuns } = setup(recognised);
    await model.chooseFile(csv());
    expect(started).toEqual([
      {
        fileName: 'orders.csv',
        bytes: new TextEncoder().encode('order_id,order_date\nSO-1,2026-02-01\n'),
        hash: 'hash-1',
        layout: LAYOUT,
        options: DEFAULT_RECONCILE_OPTIONS,
      },
    ]);
    expect(jobs.runs).toEqual(['job-1']);
    await vi.advanceTimersByTimeAsync(0);
    expect(model.running.value).toBe(true);
    expect(model.progressText.value).toBe('Waiting for the background worker…');

    jobs.set({
      state: 'parsing',
      rowsRead: 400,
      progress: 0.4,
      cursor: { offset: 400, line: 401, chunk: 1 },
    });
    await vi.advanceTimersByTimeAsync(250);
    expect(model.job.value?.progress).toBe(0.4);
    expect(model.progressText.value).toBe('Reading rows… 400 of about 1,000');

    jobs.set({ state: 'done', progress: 1, runId: 'run-1' });
    await vi.advanceTimersByTimeAsync(250);
    expect(model.running.value).toBe(false);
    expect(model.status.value).toBe('Reconciled orders.csv: 3 missing, 1 conflict, 1 probable.');
    expect(model.summary.value).toBe('3 missing, 1 conflict, 1 probable');
    expect(model.finished.value?.already).toBe(false);
    expect(shownRuns).toEqual(['run-1']);
    // Nothing was re-sent: the job moved on every read.
    expect(jobs.runs).toEqual(['job-1']);
  });

  it('says when the same file was reconciled before, and shows that run', async () => {
    const { model, jobs, shownRuns } = setup(recognised, {
      startJob: async () => ({ alreadyReconciled: 'run-1' }),
    });
    await model.chooseFile(csv());
    expect(model.status.value).toMatch(/^Already reconciled on .+ — nothing changed\.$/);
    expect(model.finished.value?.already).toBe(true);
    expect(model.running.value).toBe(false);
    expect(jobs.runs).toEqual([]);
    expect(shownRuns).toEqual(['run-1']);
  });

  it('shows why a file cannot be read, and starts nothing', async () => {
    const { model, started } = setup({ ok: false, error: 'The file has no rows.' });
    await model.chooseFile(csv('', 'empty.csv'));
    expect(model.error.value).toBe('empty.csv: The file has no rows.');
    expect(started).toEqual([]);
  });

  it('asks for the columns of an unknown file, saves the mapping on Confirm columns, then starts', async () => {
    const guess: OrderExportLayout = {
      ...LAYOUT,
      format: 'guess',
      backOffice: '',
      header: ['Ref', 'When', 'Client', 'Item', 'Qty', 'Each'],
      columns: { orderId: 0, date: 1, sku: 3 },
    };
    const { model, saved, started } = setup({
      ok: false,
      needsMapping: {
        header: guess.header,
        guess,
        preview: [['A-1', '01/02/2026', 'Ada', 'X', '2', '4.00']],
      },
      hash: 'hash-2',
    });
    await model.chooseFile(csv('Ref,When\n', 'mine.csv'));
    const form = model.mapping.value;
    expect(form?.layout.value.columns).toEqual({ orderId: 0, date: 1, sku: 3 });
    expect(started).toEqual([]);

    // Not enough columns yet: nothing saved, the reason shown.
    await model.confirmColumns();
    expect(form?.problem.value).toMatch(
      /^The file has no columns for Quantity .*; Unit price or Line total .*; Customer ID or Customer email/,
    );
    expect(saved).toEqual([]);

    form?.setColumn('customerName', 2);
    form?.setColumn('quantity', 4);
    form?.setColumn('unitPrice', 5);
    expect(form?.problem.value).toBe('Name the back office these files come from.');
    form?.setBackOffice(' My shop ');
    form?.setDateOrder('dmy');
    form?.setCurrency('eur');
    form?.setColumn('sku', null);
    form?.setColumn('product', 3);
    await model.confirmColumns();
    const layout: OrderExportLayout = {
      ...guess,
      format: 'mapped',
      backOffice: 'My shop',
      dateOrder: 'dmy',
      defaultCurrency: 'EUR',
      columns: { orderId: 0, date: 1, customerName: 2, product: 3, quantity: 4, unitPrice: 5 },
    };
    expect(saved).toEqual([layout]);
    expect(started.map((start) => [start.fileName, start.hash, start.layout])).toEqual([
      ['mine.csv', 'hash-2', layout],
    ]);
    expect(model.mapping.value).toBeNull();
    model.stop();
  });

  it('Cancel on the Columns form reconciles nothing', async () => {
    const { model, started } = setup({
      ok: false,
      needsMapping: { header: ['a'], guess: { ...LAYOUT, header: ['a'], columns: {} }, preview: [] },
      hash: 'h',
    });
    await model.chooseFile(csv('a\n', 'mine.csv'));
    model.cancelColumns();
    expect(model.mapping.value).toBeNull();
    expect(model.status.value).toBe('Nothing reconciled from mine.csv.');
    expect(started).toEqual([]);
  });

  it('Cancel reconcile cancels the job and says nothing changed', async () => {
    const { model, cancelled } = setup(recognised);
    await model.chooseFile(csv());
    await vi.advanceTimersByTimeAsync(0);
    await model.cancelReconcile();
    expect(cancelled).toEqual(['job-1']);
    await vi.advanceTimersByTimeAsync(250);
    expect(model.running.value).toBe(false);
    expect(model.status.value).toBe('Reconcile of orders.csv cancelled: nothing changed.');
  });

  it('reports a failed job with its reason', async () => {
    const { model, jobs } = setup(recognised);
    await model.chooseFile(csv());
    jobs.set({ state: 'failed', error: 'the file changed' });
    await vi.advanceTimersByTimeAsync(250);
    expect(model.error.value).toBe('orders.csv was not reconciled: the file changed. Nothing changed.');
  });

  it('refuses a second file while one is running', async () => {
    const { model, started } = setup(recognised);
    await model.chooseFile(csv());
    await vi.advanceTimersByTimeAsync(0);
    await model.chooseFile(csv('x', 'other.csv'));
    expect(model.error.value).toMatch(/^A reconcile is running/);
    expect(started).toHaveLength(1);
    model.stop();
  });

  it('lets go of a job that is no longer stored, so the next file is taken', async () => {
    const { model, jobs, started } = setup(recognised);
    await model.chooseFile(csv());
    await vi.advanceTimersByTimeAsync(0);
    expect(model.running.value).toBe(true);
    jobs.remove();
    await vi.advanceTimersByTimeAsync(250);
    expect(model.running.value).toBe(false);
    expect(model.error.value).toBe(
      'Tally lost track of the reconcile of orders.csv: it is no longer stored. Give the file again.',
    );
    await model.chooseFile(csv(undefined, 'again.csv'));
    expect(started.map((start) => start.fileName)).toEqual(['orders.csv', 'again.csv']);
    model.stop();
  });

  it('lets go of a job it can no longer read, and says why', async () => {
    let failing = false;
    const { model, jobs } = setup(recognised, {
      readJob: async (jobId) => {
        if (failing) throw new Error('The database was closed.');
        return jobs.readJob(jobId);
      },
    });
    await model.chooseFile(csv());
    await vi.advanceTimersByTimeAsync(0);
    expect(model.running.value).toBe(true);
    failing = true;
    await vi.advanceTimersByTimeAsync(250);
    expect(model.running.value).toBe(false);
    expect(model.error.value).toBe('Tally lost track of the reconcile: The database was closed.');
  });

  it("a refresh leaves busy alone: the page's buttons stay enabled under the keyboard focus", async () => {
    const { model } = setup(recognised);
    const busy: boolean[] = [];
    const unsubscribe = model.busy.subscribe((value) => busy.push(value));
    await model.refresh();
    unsubscribe();
    expect(busy).toEqual([false]);
  });

  it("a new file clears the last run's summary; a file given while one is read is refused in words", async () => {
    const { model } = setup(recognised, { startJob: async () => ({ alreadyReconciled: 'run-1' }) });
    await model.chooseFile(csv());
    expect(model.summary.value).toBe('3 missing, 1 conflict, 1 probable');
    const reading = model.chooseFile(csv(undefined, 'second.csv'));
    expect(model.summary.value).toBeNull();
    await model.chooseFile(csv(undefined, 'third.csv'));
    expect(model.error.value).toBe('Tally is still reading the last file: give third.csv again in a moment.');
    await reading;
  });

  it('follows a job left unfinished when the page opens, waking the worker when it does not move', async () => {
    const { model, jobs } = setup(recognised);
    jobs.replace(makeJob({ state: 'parsing', rowsRead: 100, progress: 0.1 }));
    await model.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(model.running.value).toBe(true);
    expect(jobs.runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(3250);
    expect(jobs.runs).toEqual(['job-1']);
    jobs.set({ state: 'done', runId: 'run-1', progress: 1 });
    await vi.advanceTimersByTimeAsync(250);
    expect(model.finished.value?.run.id).toBe('run-1');
  });

  it('says so when the job has not moved for 30 s, and stops saying it once it moves', async () => {
    const { model, jobs } = setup(recognised);
    await model.chooseFile(csv());
    jobs.set({ state: 'parsing', rowsRead: 100, progress: 0.1 });
    await vi.advanceTimersByTimeAsync(29_500);
    expect(model.stallNotice.value).toBeNull();
    await vi.advanceTimersByTimeAsync(750);
    expect(model.stallNotice.value).toMatch(/^No progress for over 30 seconds/);
    // Asked again every 3 s meanwhile.
    expect(jobs.runs.length).toBeGreaterThanOrEqual(10);
    jobs.set({ rowsRead: 200 });
    await vi.advanceTimersByTimeAsync(250);
    expect(model.stallNotice.value).toBeNull();
    model.stop();
  });

  it('offers a download of the last hour until dismissed, and not an older one', async () => {
    const offer: ReconcileOffer = {
      id: 'offer-1',
      createdAt: '2026-03-01T11:30:00.000Z',
      fileName: 'orders.csv',
      origin: 'https://northwind.example',
    };
    const dismissed: string[] = [];
    const { model } = setup(recognised, {
      latestOffer: async () => offer,
      dismissOffer: async (id) => {
        dismissed.push(id);
      },
    });
    await model.refresh();
    expect(model.offer.value?.fileName).toBe('orders.csv');
    // Choosing that very file takes the offer up.
    await model.chooseFile(csv());
    expect(model.offer.value).toBeNull();
    expect(dismissed).toEqual(['offer-1']);
    model.stop();

    vi.setSystemTime(new Date('2026-03-01T12:31:00.000Z'));
    const late = setup(recognised, { latestOffer: async () => offer });
    await late.model.refresh();
    expect(late.model.offer.value).toBeNull();

    // A file chosen through the offer takes it up, whatever the browser named it.
    vi.setSystemTime(NOW);
    const renamed = setup(recognised, {
      latestOffer: async () => offer,
      dismissOffer: async (id) => void dismissed.push(id),
    });
    await renamed.model.refresh();
    await renamed.model.chooseFile(csv(undefined, 'orders (1).csv'), 'offer');
    expect(renamed.model.offer.value).toBeNull();
    expect(dismissed).toEqual(['offer-1', 'offer-1']);
    renamed.model.stop();

    const gone = setup(recognised, { latestOffer: async () => ({ ...offer, dismissed: true }) });
    await gone.model.refresh();
    expect(gone.model.offer.value).toBeNull();
  });

  it('saves the options as they change and starts with them; a refused value keeps the last good one', async () => {
    const { model, started, options } = setup(recognised);
    await model.refresh();
    expect(model.options.dateWindowText.value).toBe('3');
    expect(model.options.priceToleranceText.value).toBe('5');
    await model.options.setDateWindow('7');
    await model.options.setPriceTolerance('2.5');
    expect(options()).toEqual({ dateWindowDays: 7, priceTolerance: 0.025 });
    await model.options.setDateWindow('45');
    expect(model.options.dateWindowProblem.value).toBe('at most 30 days');
    await model.options.setPriceTolerance('lots');
    expect(model.options.priceToleranceProblem.value).toBe('Give a percentage, e.g. 5.');
    await model.chooseFile(csv());
    expect(started[0]?.options).toEqual({ dateWindowDays: 7, priceTolerance: 0.025 });
    model.stop();
  });
});
