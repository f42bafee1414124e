import type { ExportProblem, OrderExportLayout } from '../domain/back-office-order';
import type { Instant } from '../domain/dates';
import type { BackOfficeOnlyOrder, JobState, ReconcileOptions, ReconcileRun } from '../domain/reconcile';

/**
 * The background reconciliation job, as stored after every chunk: the worker can be stopped at any
 * moment, and the next one resumes from `cursor` with the rows already read in reconcileChunks.
 */
export interface ReconcileJob {
  id: string;
  createdAt: Instant;
  updatedAt: Instant;
  state: JobState;
  fileName: string;
  fileHash: string;
  /** Bytes of the file; progress while parsing is cursor.offset against the decoded length. */
  fileSize: number;
  layout: OrderExportLayout;
  options: ReconcileOptions;
  /**
   * Country for phone numbers written without a country code, fixed when the job starts so a
   * resumed job matches exactly as the first runner would have. Absent: 'US'.
   */
  defaultCountry?: string;
  /** Where reading resumes: a character offset in the decoded text at a row boundary. */
  cursor: { offset: number; line: number; chunk: number };
  /** Decoded length of the file, known once it has been decoded. */
  textLength: number;
  /** Data rows read so far, the skipped ones included. */
  rowsRead: number;
  skipped: number;
  /** The first problems found (every one is counted in `skipped`). */
  problems: ExportProblem[];
  /** 0…1 over the whole job, for the progress bar. */
  progress: number;
  error?: string;
  runId?: string;
}

/** The file a job reads, kept until the job ends. */
export interface ReconcileFile {
  jobId: string;
  bytes: Blob;
}

/** Rows read by one chunk of a job. */
export interface ReconcileChunk {
  jobId: string;
  index: number;
  /**
   * The chunk's BackOfficeRow[] as JSON: one string is cloned and stored in a fraction of the time
   * 10,000 objects take, and only a resumed job reads it back.
   */
  rows: string;
}

/** A finished run with the back-office orders nothing matched (stored per run, not per row). */
export interface StoredReconcileRun extends ReconcileRun {
  backOfficeOnly: BackOfficeOnlyOrder[];
  /**
   * The back-office orders that probable matches use: when the user rejects one, its orders
   * become back office only, and nothing else of the file is kept to rebuild them from.
   */
  heldOrders?: BackOfficeOnlyOrder[];
}

/**
 * A run as the reconcileRuns table holds it (reconcile-runs.ts packs and unpacks it): its orders
 * as JSON text. A run of a 100,000-row export lists tens of thousands of back-office-only orders,
 * and one string is cloned into IndexedDB many times faster than that many objects.
 */
export interface ReconcileRunRow extends ReconcileRun {
  /** JSON of BackOfficeOnlyOrder[]. */
  backOfficeOnly: string;
  /** JSON of BackOfficeOnlyOrder[]. */
  heldOrders?: string;
}

/** The column mapping the user confirmed for a back office's files with this header. */
export interface BackOfficeMapping {
  id: string;
  backOffice: string;
  /** headerKey() of each header name, joined by "|": the same layout of file finds it again. */
  headerKey: string;
  layout: OrderExportLayout;
  confirmedAt: Instant;
}

/**
 * A CSV the user just downloaded from a back office Tally knows: the extension cannot read the
 * file itself, so it offers to reconcile it and the user picks (or drops) the file.
 */
export interface ReconcileOffer {
  id: string;
  createdAt: Instant;
  /** The file's name as saved (no folders). */
  fileName: string;
  /** The back office's origin the download came from. */
  origin: string;
  dismissed?: boolean;
}
