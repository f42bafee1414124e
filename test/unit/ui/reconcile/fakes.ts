import type { OrderExportLayout } from '../../../../src/domain/back-office-order';
import type { ReconcileJob, StoredReconcileRun } from '../../../../src/db/reconcile-tables';
import { DEFAULT_RECONCILE_OPTIONS } from '../../../../src/domain/reconcile';

export const LAYOUT: OrderExportLayout = {
  format: 'northwind',
  backOffice: 'northwind',
  delimiter: ',',
  header: ['order_id', 'order_date', 'customer_id', 'sku', 'quantity', 'unit_price'],
  columns: { orderId: 0, date: 1, customerId: 2, sku: 3, quantity: 4, unitPrice: 5 },
  dateOrder: 'ymd',
  defaultCurrency: 'USD',
};

export function makeJob(change: Partial<ReconcileJob> = {}): ReconcileJob {
  return {
    id: 'job-1',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    state: 'queued',
    fileName: 'orders.csv',
    fileHash: 'hash-1',
    fileSize: 1000,
    layout: LAYOUT,
    options: DEFAULT_RECONCILE_OPTIONS,
    cursor: { offset: 0, line: 2, chunk: 0 },
    textLength: 1000,
    rowsRead: 0,
    skipped: 0,
    problems: [],
    progress: 0,
    ...change,
  };
}

export function makeRun(change: Partial<StoredReconcileRun> = {}): StoredReconcileRun {
  return {
    id: 'run-1',
    jobId: 'job-1',
    backOffice: 'northwind',
    fileName: 'orders.csv',
    fileHash: 'hash-1',
    finishedAt: '2026-03-01T10:01:00.000Z',
    covered: { from: '2026-02-01', to: '2026-02-28' },
    counts: { synced: 2, probable: 1, conflict: 1, missing: 3, backOfficeOnly: 0 },
    rowsRead: 10,
    skipped: 0,
    problems: [],
    backOfficeOnly: [],
    ...change,
  };
}

/** A job store the tests move by hand, as the worker would. */
export function fakeJobs(initial: ReconcileJob) {
  let job: ReconcileJob | undefined = initial;
  const runs: string[] = [];
  return {
    runs,
    get: () => job,
    set(change: Partial<ReconcileJob>) {
      if (job) job = { ...job, ...change };
    },
    replace(next: ReconcileJob) {
      job = next;
    },
    remove() {
      job = undefined;
    },
    readJob: async (jobId: string) => (job?.id === jobId ? job : undefined),
    runJob: async (jobId: string) => {
      runs.push(jobId);
    },
  };
}
