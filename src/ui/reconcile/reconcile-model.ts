import { batch, computed, signal } from '@preact/signals';
import type { OrderExportLayout } from '../../domain/back-office-order';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import { formatInstant } from '../../domain/locale-format';
import type { ReconcileOptions } from '../../domain/reconcile';
import type { ReconcileJob, ReconcileOffer, StoredReconcileRun } from '../../db/reconcile-tables';
import { failedWith, userAction } from '../user-action';
import { followJob, type JobFollowing } from './job-follower';
import { describeJob, isFinished, summarizeCounts } from './job-status';
import { createMappingForm, type MappingForm } from './mapping-form';
import { createReconcileOptionsModel } from './reconcile-options';

/** What reading a dropped file found (readReconcileFile in src/db). */
export type ReconcileFileRead =
  | { ok: true; layout: OrderExportLayout; hash: string; preview: string[][] }
  | {
      ok: false;
      needsMapping: { header: string[]; guess: OrderExportLayout; preview: string[][] };
      hash: string;
    }
  | { ok: false; error: string };

export interface ReconcileStart {
  fileName: string;
  bytes: Uint8Array;
  hash: string;
  layout: OrderExportLayout;
  options: ReconcileOptions;
}

/** The database and the worker, as plain functions (reconcile-deps.ts binds them). */
export interface ReconcileDeps {
  readFile: (bytes: Uint8Array, fileName: string) => Promise<ReconcileFileRead>;
  saveMapping: (layout: OrderExportLayout) => Promise<void>;
  startJob: (start: ReconcileStart) => Promise<{ jobId: string } | { alreadyReconciled: string }>;
  /** Sends 'reconcile.run': the worker runs the job the page stored. */
  runJob: (jobId: string) => Promise<void>;
  readJob: (jobId: string) => Promise<ReconcileJob | undefined>;
  latestJobs: (count: number) => Promise<ReconcileJob[]>;
  cancelJob: (jobId: string) => Promise<void>;
  readRun: (runId: string) => Promise<StoredReconcileRun | undefined>;
  loadOptions: () => Promise<ReconcileOptions>;
  saveOptions: (options: ReconcileOptions) => Promise<void>;
  /** The newest CSV downloaded from a known back office (the dashboard offers it). */
  latestOffer?: () => Promise<ReconcileOffer | undefined>;
  dismissOffer?: (id: string) => Promise<void>;
  /** A run finished, or the file had been reconciled before: show that run's results. */
  onRun?: (runId: string) => void | Promise<void>;
  now?: () => Date;
  pollMs?: number;
  stallMs?: number;
}

/**
 * After this long without progress the page says so: the worker is asked again every few
 * seconds, but one that keeps stopping on this job would otherwise leave a bar that never moves.
 */
const STALLED_NOTICE_MS = 30_000;

/** A download is offered for an hour: later, the user has moved on. */
const OFFER_FOR_MS = 60 * 60 * 1000;

/** The run the last file ended in; `already`: the same file had been reconciled before. */
export interface FinishedRun {
  run: StoredReconcileRun;
  already: boolean;
}

/**
 * Reconciling a back-office export, the same in the dashboard and the sidebar: a file dropped or
 * chosen is read; recognised, its job starts at once, otherwise the `Columns` form asks first.
 * The page writes the job, asks the worker to run it and follows its stored progress (see
 * followJob) until it is done, failed or cancelled.
 */
export function createReconcileModel(deps: ReconcileDeps) {
  const now = () => deps.now?.() ?? new Date();
  const options = createReconcileOptionsModel({ load: deps.loadOptions, save: deps.saveOptions });
  const mapping = signal<MappingForm | null>(null);
  const job = signal<ReconcileJob | null>(null);
  /** How long the followed job has not moved. */
  const stalledMs = signal(0);
  const finished = signal<FinishedRun | null>(null);
  const offer = signal<ReconcileOffer | null>(null);
  const status = signal<string | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  const running = computed(() => job.value !== null && !isFinished(job.value));
  const progressText = computed(() => (running.value && job.value ? describeJob(job.value) : null));
  const stallNotice = computed(() =>
    running.value && stalledMs.value >= STALLED_NOTICE_MS ? t('reconcile_stalled') : null,
  );
  /** "3 missing, 1 conflict" for the run the last file ended in. */
  const summary = computed(() => (finished.value ? summarizeCounts(finished.value.run.counts) : null));
  const act = userAction({ busy, error });
  let following: JobFollowing | null = null;

  /**
   * Follows the job until it ends, then shows how it ended; resolves then. However following
   * ends, the job is let go of, or the page would stay "running" and refuse every file.
   */
  function follow(jobId: string): Promise<void> {
    following?.stop();
    stalledMs.value = 0;
    const mine = followJob({ ...deps, now: () => now().getTime() }, jobId, (read, reading) => {
      batch(() => {
        job.value = read;
        stalledMs.value = reading.stalledMs;
      });
    });
    following = mine;
    return mine.finished
      .then(async (ended) => {
        if (following !== mine) return;
        following = null;
        if (ended) {
          await showEnd(ended);
          return;
        }
        // Not stopped by this page: the job is no longer stored (a backup restored meanwhile).
        const name = job.value?.fileName;
        job.value = null;
        error.value = name ? t('reconcile_lost_file', name) : t('reconcile_lost_unnamed');
      })
      .catch((failure: unknown) => {
        if (following === mine) following = null;
        // Let go of it: the next refresh follows it again if the worker still has it.
        job.value = null;
        error.value = t('reconcile_lost_error', errorMessage(failure));
      });
  }

  function stopFollowing() {
    const current = following;
    following = null;
    current?.stop();
  }

  async function showEnd(ended: ReconcileJob) {
    if (ended.state === 'cancelled') {
      status.value = t('reconcile_cancelled', ended.fileName);
      return;
    }
    if (ended.state === 'failed') {
      error.value = t('reconcile_failed', ended.fileName, ended.error ?? t('reconcile_failed_unknown'));
      return;
    }
    const run = ended.runId ? await deps.readRun(ended.runId) : undefined;
    if (!run) {
      error.value = t('reconcile_results_gone', ended.fileName);
      return;
    }
    finished.value = { run, already: false };
    status.value = t('reconcile_done', ended.fileName, summarizeCounts(run.counts));
    await deps.onRun?.(run.id);
  }

  async function start(file: Omit<ReconcileStart, 'options'>) {
    const started = await deps.startJob({ ...file, options: options.options.value });
    if ('alreadyReconciled' in started) {
      const run = await deps.readRun(started.alreadyReconciled);
      job.value = null;
      finished.value = run ? { run, already: true } : null;
      status.value = run
        ? t('reconcile_already_on', formatInstant(run.finishedAt))
        : t('reconcile_already_earlier');
      await deps.onRun?.(started.alreadyReconciled);
      return;
    }
    finished.value = null;
    job.value = null;
    void follow(started.jobId);
    // The stall check sends it again should this one find no worker.
    void deps.runJob(started.jobId).catch(() => undefined);
  }

  /**
   * Reads a dropped or chosen file and reconciles it, or asks for its columns first. The
   * download offer is taken up by a file chosen through it, or by the very file it names.
   */
  async function chooseFile(file: File, via: 'offer' | 'user' = 'user') {
    // The file buttons stay enabled (a disabled one drops the keyboard focus), so say why not.
    if (busy.value) {
      error.value = t('reconcile_still_reading', file.name);
      return;
    }
    if (running.value) {
      error.value = t('reconcile_busy_running');
      return;
    }
    mapping.value = null;
    status.value = null;
    // The last run's summary is not this file's: the sidebar shows it only until another is given.
    finished.value = null;
    const takesOffer = offer.value !== null && (via === 'offer' || offer.value.fileName === file.name);
    await act(failedWith('reconcile_file_not_reconciled', file.name), async () => {
      if (takesOffer) await dismissOffer();
      const bytes = new Uint8Array(await file.arrayBuffer());
      const read = await deps.readFile(bytes, file.name);
      if ('error' in read) {
        error.value = t('reconcile_file_error', file.name, read.error);
        return;
      }
      if (!read.ok) {
        mapping.value = createMappingForm({
          fileName: file.name,
          bytes,
          hash: read.hash,
          ...read.needsMapping,
        });
        return;
      }
      await start({ fileName: file.name, bytes, hash: read.hash, layout: read.layout });
    });
  }

  /** `Confirm columns`: remembers the mapping for this back office's files, then reconciles. */
  async function confirmColumns() {
    const form = mapping.value;
    const layout = form?.confirmed();
    if (!form || !layout || busy.value) return;
    const { fileName, bytes, hash } = form.file;
    await act(failedWith('reconcile_file_not_reconciled', fileName), async () => {
      await deps.saveMapping(layout);
      mapping.value = null;
      await start({ fileName, bytes, hash, layout });
    });
  }

  function cancelColumns() {
    const form = mapping.value;
    if (!form) return;
    mapping.value = null;
    status.value = t('reconcile_columns_cancelled', form.file.fileName);
  }

  /** `Cancel reconcile`: the worker stops at its next chunk and nothing is changed. */
  async function cancelReconcile() {
    const current = job.value;
    if (!current || isFinished(current)) return;
    await act(failedWith('reconcile_not_cancelled'), () => deps.cancelJob(current.id));
  }

  /** Follows a job left unfinished (the dashboard closed, the worker stopped) when the page opens. */
  async function resume() {
    if (following) return;
    const [latest] = await deps.latestJobs(1);
    if (!latest || isFinished(latest)) return;
    job.value = latest;
    void follow(latest.id);
  }

  async function refreshOffer() {
    const latest = await deps.latestOffer?.();
    const fresh =
      latest && !latest.dismissed && now().getTime() - new Date(latest.createdAt).getTime() < OFFER_FOR_MS;
    offer.value = fresh ? latest : null;
  }

  async function dismissOffer() {
    const shown = offer.value;
    if (!shown) return;
    offer.value = null;
    await deps.dismissOffer?.(shown.id);
  }

  /**
   * Options, the download offer and any unfinished job; for the page's first show and its
   * refreshes. Not a user action, so `busy` is left alone: a file given meanwhile is taken, not
   * turned away as if another were being read.
   */
  async function refresh() {
    try {
      await Promise.all([options.refresh(), refreshOffer(), resume()]);
    } catch (failure) {
      error.value = errorMessage(failure);
    }
  }

  return {
    options,
    mapping,
    job,
    running,
    progressText,
    stallNotice,
    finished,
    summary,
    offer,
    status,
    error,
    busy,
    refresh,
    resume,
    chooseFile,
    confirmColumns,
    cancelColumns,
    cancelReconcile,
    dismissOffer,
    /** Stops following (the page is closing); the job itself goes on in the worker. */
    stop: stopFollowing,
  };
}

export type ReconcileModel = ReturnType<typeof createReconcileModel>;
