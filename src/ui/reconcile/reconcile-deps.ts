import { getContactsById } from '../../db/contacts';
import type { TallyDatabase } from '../../db/database';
import { decideProbableMatch } from '../../db/reconcile-decisions';
import { importBackOfficeOrder } from '../../db/reconcile-import';
import { dismissReconcileOffer, latestReconcileOffer } from '../../db/reconcile-offers';
import { latestReconcileJobs, latestReconcileRun, readReconcileJob } from '../../db/reconcile-read';
import { runRows, unpackRun } from '../../db/reconcile-runs';
import type { ReconcileRunRow, StoredReconcileRun } from '../../db/reconcile-tables';
import { productNamesBySku } from '../../db/products';
import { readRunStatuses } from '../../db/reconcile-statuses';
import { readSetting, writeSetting } from '../../db/settings';
import type { PurchaseRecord } from '../../domain/purchase';
import type { ReconcileDeps } from './reconcile-model';
import type { ReconcileResultsDeps } from './results-model';

/**
 * Reading a file pulls in the CSV readers and papaparse: loaded when a file is given, so the
 * sidebar, which only shows a drop zone until then, opens without them.
 */
const starting = () => import('../../db/reconcile-start');

/**
 * The reconcile screens' dependencies bound to the database and the worker, for the dashboard
 * and the sidebar alike. `runJob` sends 'reconcile.run' (the page's messaging client).
 */
export function reconcileDeps(
  db: TallyDatabase,
  options: { runJob: (jobId: string) => Promise<void>; defaultCountry: string },
): ReconcileDeps & ReconcileResultsDeps {
  return {
    readFile: async (bytes, fileName) => (await starting()).readReconcileFile(db, bytes, fileName),
    saveMapping: async (layout) => {
      await (await starting()).saveBackOfficeMapping(db, layout);
    },
    startJob: async (start) =>
      (await starting()).startReconcileJob(db, { ...start, defaultCountry: options.defaultCountry }),
    runJob: options.runJob,
    readJob: (jobId) => readReconcileJob(db, jobId),
    latestJobs: (count) => latestReconcileJobs(db, count),
    cancelJob: async (jobId) => (await starting()).cancelReconcileJob(db, jobId),
    readRun: runReader(db),
    latestRun: () => latestReconcileRun(db),
    readRunStatuses: (runId) => readRunStatuses(db, runId),
    loadPurchases: async (ids) => {
      const found = await db.purchases.bulkGet([...ids]);
      return new Map(
        found.flatMap((record): [string, PurchaseRecord][] => (record ? [[record.id, record]] : [])),
      );
    },
    loadContacts: (ids) => getContactsById(db, ids),
    loadProductNames: (skus) => productNamesBySku(db, skus),
    decide: (purchaseId, verdict) => decideProbableMatch(db, purchaseId, verdict),
    importOrder: (runId, orderId) => importBackOfficeOrder(db, runId, orderId),
    loadOptions: () => readSetting(db, 'reconcileOptions'),
    saveOptions: (next) => writeSetting(db, 'reconcileOptions', next),
    latestOffer: () => latestReconcileOffer(db),
    dismissOffer: (id) => dismissReconcileOffer(db, id),
  };
}

/**
 * Reads a run, unpacking its orders only when they changed since the last read: the results are
 * read again after every action and every return to the dashboard, and the orders of a
 * 100,000-row export take a quarter of a second to unpack each time.
 */
function runReader(db: TallyDatabase): (runId: string) => Promise<StoredReconcileRun | undefined> {
  let last: { row: ReconcileRunRow; run: StoredReconcileRun } | undefined;
  return async (runId) => {
    const row = await runRows(db).get(runId);
    if (!row) return undefined;
    const { backOfficeOnly, heldOrders, ...rest } = row;
    // Comparing the packed text costs a fraction of parsing it.
    if (last && last.row.backOfficeOnly === backOfficeOnly && last.row.heldOrders === heldOrders) {
      return { ...last.run, ...rest };
    }
    const run = unpackRun(row);
    last = { row, run };
    return run;
  };
}
