// The web app's background worker for reconcile jobs: the same runner as the extension's service
// worker (src/db/reconcile-job.ts), on the same store. Every open Tally tab may start one; a Web
// Lock lets one run at a time, and the next takes over what a closed tab left unfinished.
import { z } from 'zod';
import { openDatabase } from '../src/db/database';
import { resumeReconcileJobs, runReconcileJob } from '../src/db/reconcile-job';
import { installWebLanguage } from './language';

const RunRequest = z.strictObject({ jobId: z.string().min(1).max(100) });
const LOCK = 'tally-reconcile';

const ready = installWebLanguage();
const inTurn = (work: () => Promise<unknown>) =>
  ready
    .then(() => navigator.locks.request(LOCK, work))
    .catch((error: unknown) => console.error('Tally: a reconcile job could not run.', error));

self.addEventListener('message', (event: MessageEvent) => {
  const request = RunRequest.safeParse(event.data);
  if (request.success) void inTurn(() => runReconcileJob(openDatabase(), request.data.jobId));
});
void inTurn(() => resumeReconcileJobs(openDatabase()));
