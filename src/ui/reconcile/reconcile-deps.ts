import { getContactsById } from '../../db/contacts';
import type { TallyDatabase } from '../../db/database';
import { decideProbableMatch } from '../../db/reconcile-decisions';
import { importBackOfficeOrder } from '../../db/reconcile-import';
import { dismissReconcileOffer, latestReconcileOffer } from '../../db/reconcile-offers';
import {
  latestReconcileJobs,
  latestReconcileRun,
  readReconcileJob,
  readReconcileRun,
  readReconcileStatuses,
} from '../../db/reconcile-read';
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
  options: { runJob: (jobId: string) => Promise<void>; defaultCountry: string; locale?: string },
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
    readRun: (runId) => readReconcileRun(db, runId),
    latestRun: () => latestReconcileRun(db),
    readStatuses: () => readReconcileStatuses(db),
    loadPurchases: async (ids) => {
      const found = await db.purchases.bulkGet([...ids]);
      return new Map(
        found.flatMap((record): [string, PurchaseRecord][] => (record ? [[record.id, record]] : [])),
      );
    },
    loadContacts: (ids) => getContactsById(db, ids),
    decide: (purchaseId, verdict) => decideProbableMatch(db, purchaseId, verdict),
    importOrder: (runId, orderId) => importBackOfficeOrder(db, runId, orderId),
    loadOptions: () => readSetting(db, 'reconcileOptions'),
    saveOptions: (next) => writeSetting(db, 'reconcileOptions', next),
    latestOffer: () => latestReconcileOffer(db),
    dismissOffer: (id) => dismissReconcileOffer(db, id),
    ...(options.locale ? { locale: options.locale } : {}),
  };
}
