import { t, tPlural } from '../../domain/i18n';
import { formatCount } from '../../domain/locale-format';
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
      return t('reconcile_job_queued');
    case 'parsing': {
      if (job.rowsRead === 0) return t('reconcile_job_reading');
      const read = formatCount(job.rowsRead);
      const total = estimatedRows(job);
      return total === null
        ? t('reconcile_job_reading_count', read)
        : t('reconcile_job_reading_of_about', read, formatCount(total));
    }
    case 'matching':
      return t('reconcile_job_matching');
    case 'saving':
      return t('reconcile_job_saving');
    case 'done':
      return t('reconcile_job_done');
    case 'failed':
      return t('reconcile_job_failed');
    case 'cancelled':
      return t('reconcile_job_cancelled');
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
  if (counts.missing > 0) parts.push(tPlural('reconcile_summary_missing', counts.missing));
  if (counts.conflict > 0) parts.push(tPlural('reconcile_summary_conflict', counts.conflict));
  if (counts.probable > 0) parts.push(tPlural('reconcile_summary_probable', counts.probable));
  if (counts.backOfficeOnly > 0)
    parts.push(tPlural('reconcile_summary_back_office_only', counts.backOfficeOnly));
  // French and English list these the same way.
  if (parts.length > 0) return parts.join(', ');
  if (counts.synced === 0) return t('reconcile_summary_nothing');
  return tPlural('reconcile_summary_all_synced', counts.synced);
}
