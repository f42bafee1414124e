import type { ReconcileJob } from '../../db/reconcile-tables';
import { isFinished } from './job-status';

export interface JobFollowerDeps {
  readJob: (jobId: string) => Promise<ReconcileJob | undefined>;
  /** Asks the background worker to run (or go on with) the job; wakes a stopped worker. */
  runJob: (jobId: string) => Promise<void>;
  now?: () => number;
  /** How often the stored job is read again. */
  pollMs?: number;
  /** After this long without progress the worker is asked again. */
  stallMs?: number;
}

export interface JobFollowing {
  /** Ends following; `finished` then resolves to undefined. */
  stop(): void;
  /** The job once it is done, failed or cancelled; undefined when stopped or the job is gone. */
  finished: Promise<ReconcileJob | undefined>;
}

const POLL_MS = 250;
const STALL_MS = 3000;

/** How the job looked at one read: `stalledMs` since it last moved (0 when it just did). */
export interface JobReading {
  stalledMs: number;
}

/**
 * Follows a background job through the database, where its progress is stored after every chunk:
 * the page reads it every `pollMs`. A worker the browser stopped mid-job makes no progress, and
 * only a message wakes it, so after `stallMs` without any the page sends 'reconcile.run' again
 * (the worker resumes from the stored cursor).
 */
export function followJob(
  deps: JobFollowerDeps,
  jobId: string,
  onJob: (job: ReconcileJob, reading: JobReading) => void,
): JobFollowing {
  const now = deps.now ?? Date.now;
  const pollMs = deps.pollMs ?? POLL_MS;
  const stallMs = deps.stallMs ?? STALL_MS;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;

  const pause = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, pollMs);
    });

  async function follow(): Promise<ReconcileJob | undefined> {
    let seen = '';
    let movedAt = now();
    let askedAt = movedAt;
    while (!stopped) {
      const job = await deps.readJob(jobId);
      if (stopped) return undefined;
      if (!job) return undefined;
      const progress = progressKey(job);
      if (progress !== seen) {
        seen = progress;
        movedAt = now();
        askedAt = movedAt;
      } else if (now() - askedAt >= stallMs) {
        askedAt = now();
        // A failed send is the same as a worker that did not answer: the next stall tries again.
        void deps.runJob(jobId).catch(() => undefined);
      }
      onJob(job, { stalledMs: now() - movedAt });
      if (isFinished(job)) return job;
      await pause();
    }
    return undefined;
  }

  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
    },
    finished: follow(),
  };
}

/** What changes whenever the worker gets anywhere with the job. */
function progressKey(job: ReconcileJob): string {
  return `${job.state}|${job.progress}|${job.rowsRead}|${job.cursor.offset}|${job.updatedAt}`;
}
