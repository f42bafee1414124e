import type { TallyDatabase } from '../db/database';
import { isUnfinished, readReconcileJob } from '../db/reconcile-read';
import { t } from '../domain/i18n';
import type { Handlers } from './router';

export interface ReconcileDeps {
  db: () => TallyDatabase;
  /**
   * Runs the job to its end without the message waiting for it (reconcile-worker.ts keeps the
   * worker awake meanwhile). Called again for a job already running, it does nothing.
   */
  runInBackground(jobId: string): void;
}

export function reconcileHandlers(deps: ReconcileDeps): Pick<Handlers, 'reconcile.run'> {
  return {
    'reconcile.run': async ({ jobId }) => {
      const job = await readReconcileJob(deps.db(), jobId);
      if (!job) throw new Error(t('messaging_reconciliation_gone'));
      // A job that ended needs nothing: the page reads its outcome from the database.
      if (isUnfinished(job)) deps.runInBackground(jobId);
      return {};
    },
  };
}
