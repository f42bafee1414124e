import { browser, type Browser } from 'wxt/browser';
import type { TallyDatabase } from '../db/database';
import { runReconcileJob, resumeReconcileJobs } from '../db/reconcile-job';
import { addReconcileOffer } from '../db/reconcile-offers';
import { unfinishedReconcileJobs } from '../db/reconcile-read';
import { listSiteSettings } from '../db/site-settings';
import { DEV_BACK_OFFICE_MATCHES } from '../domain/back-office-origins';
import { reconcileOfferFor } from './reconcile-downloads';
import { allowedBackOffices } from './site-access';

/**
 * Reconcile jobs in the background worker. Chrome stops an idle worker after 30 s; events and
 * extension API calls reset that timer (developer.chrome.com/docs/extensions/develop/concepts/
 * service-workers/lifecycle). A job calls an API after each step, and while any job is
 * unfinished an alarm wakes the worker every 30 s to resume it, should it have been stopped.
 */
const RESUME_ALARM = 'tally-reconcile-resume';

export function reconcileWorker(db: () => TallyDatabase) {
  async function keepAwake(): Promise<void> {
    // 0.5 min is the shortest period Chrome (120+) allows.
    if (!(await browser.alarms.get(RESUME_ALARM))) {
      await browser.alarms.create(RESUME_ALARM, { periodInMinutes: 0.5 });
    }
  }

  async function sleepWhenIdle(): Promise<void> {
    if ((await unfinishedReconcileJobs(db())).length === 0) await browser.alarms.clear(RESUME_ALARM);
  }

  // Any extension API call resets the idle timer; this one is cheap.
  const afterStep = () => void browser.alarms.get(RESUME_ALARM);

  async function guarded(work: () => Promise<unknown>): Promise<void> {
    try {
      await keepAwake();
      await work();
    } catch (error) {
      // The runner records a job's failure on the job; this is a failure to reach the database.
      console.error('Tally: a reconcile job could not run.', error);
    } finally {
      await sleepWhenIdle().catch(() => {});
    }
  }

  /** Resumes every unfinished job: at worker start, and on the alarm. */
  const resume = () => guarded(() => resumeReconcileJobs(db(), { afterStep }));

  return {
    runInBackground(jobId: string): void {
      void guarded(() => runReconcileJob(db(), jobId, { afterStep }));
    },
    resume,
    onAlarm(alarm: Browser.alarms.Alarm): void {
      if (alarm.name === RESUME_ALARM) void resume();
    },
    /** A finished CSV download from a back office Tally runs on becomes an offer to reconcile it. */
    async onDownloadChanged(delta: Browser.downloads.DownloadDelta): Promise<void> {
      if (delta.state?.current !== 'complete') return;
      const [item] = await browser.downloads.search({ id: delta.id });
      if (!item) return;
      const settings = await listSiteSettings(db());
      const offer = reconcileOfferFor(item, {
        patterns: [...DEV_BACK_OFFICE_MATCHES, ...(await allowedBackOffices())],
        off: new Set(settings.filter((site) => site.mode === 'off').map((site) => site.origin)),
      });
      if (offer) await addReconcileOffer(db(), offer);
    },
  };
}
