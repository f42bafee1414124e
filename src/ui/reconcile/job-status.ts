import type { OutcomeCounts } from '../../domain/reconcile';
import { isUnfinished } from '../../db/reconcile-read';
import type { ReconcileJob } from '../../db/reconcile-tables';

/** A job that never moves again (done, failed, cancelled): following it can stop. */
export function isFinished(job: Pick<ReconcileJob, 'state'>): boolean {
  return !isUnfinished(job);
}

/**
 * What the job is doing, for the line under the progress bar: "Reading rows… 40,000 of about
 * 100,000", "Matching…", "Saving…". The row total is estimated from how far into the file the
 * reader is, since counting rows would mean reading the whole file first.
 */
export function describeJob(job: ReconcileJob): string {
  switch (job.state) {
    case 'queued':
      return 'Waiting for the background worker…';
    case 'parsing': {
      if (job.rowsRead === 0) return 'Reading rows…';
      const read = job.rowsRead.toLocaleString('en');
      const total = estimatedRows(job);
      return total === null
        ? `Reading rows… ${read}`
        : `Reading rows… ${read} of about ${total.toLocaleString('en')}`;
    }
    case 'matching':
      return 'Matching…';
    case 'saving':
      return 'Saving…';
    case 'done':
      return 'Done.';
    case 'failed':
      return 'Failed.';
    case 'cancelled':
      return 'Cancelled.';
  }
}

/** Rows the whole file holds, at the rate read so far, to two significant figures. */
function estimatedRows(job: ReconcileJob): number | null {
  const { offset } = job.cursor;
  if (offset <= 0 || job.textLength <= 0) return null;
  const estimate = Math.max(job.rowsRead, (job.rowsRead * job.textLength) / offset);
  return Math.max(job.rowsRead, roundToTwoFigures(estimate));
}

function roundToTwoFigures(value: number): number {
  if (value < 100) return Math.round(value);
  const step = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / step) * step;
}

/**
 * A run's outcome in a few words: "3 missing, 1 conflict", "all 12 synced". Only what needs the
 * user's attention is named; synced orders are counted only when nothing else is there.
 */
export function summarizeCounts(counts: OutcomeCounts): string {
  const parts: string[] = [];
  if (counts.missing > 0) parts.push(`${counts.missing} missing`);
  if (counts.conflict > 0)
    parts.push(`${counts.conflict} ${counts.conflict === 1 ? 'conflict' : 'conflicts'}`);
  if (counts.probable > 0) parts.push(`${counts.probable} probable`);
  if (counts.backOfficeOnly > 0) parts.push(`${counts.backOfficeOnly} back office only`);
  if (parts.length > 0) return parts.join(', ');
  if (counts.synced === 0) return 'no recorded orders in the dates this file covers';
  return counts.synced === 1 ? '1 synced' : `all ${counts.synced} synced`;
}
