import type { BackOfficeOrder, ExportProblem } from './back-office-order';
import type { CalendarDate, Instant } from './dates';
import { t, type MessageKey } from './i18n';

/**
 * Reconciliation as stored and shown: what each recorded order's latest run found, the user's
 * verdicts on probable matches, and the background job that produces them. The matching itself is
 * src/reconcile/ (pure); the job and its storage are src/db/reconcile-*.ts.
 */

/**
 * Per recorded order: `synced` (every line matched), `probable` (matched, with differences the
 * user should confirm), `conflict` (matched, with differences shown field by field), `missing`
 * (not in the back office: still to be entered there).
 */
export const RECORDED_OUTCOMES = ['synced', 'probable', 'conflict', 'missing'] as const;
export type RecordedOutcome = (typeof RECORDED_OUTCOMES)[number];

const OUTCOME_LABEL_KEYS: Readonly<Record<RecordedOutcome | 'backOfficeOnly', MessageKey>> = {
  synced: 'reconcile_outcome_synced',
  probable: 'reconcile_outcome_probable',
  conflict: 'reconcile_outcome_conflict',
  missing: 'reconcile_outcome_missing',
  backOfficeOnly: 'reconcile_outcome_back_office_only',
};

/**
 * What an outcome is called on screen, in the user's language ("Missing from back office"). The
 * purchases export writes its own fixed English words (PURCHASE_EXPORT_STATUSES): a file format.
 */
export function outcomeLabel(outcome: RecordedOutcome | 'backOfficeOnly'): string {
  return t(OUTCOME_LABEL_KEYS[outcome]);
}

export type DifferenceField =
  'customer' | 'date' | 'product' | 'quantity' | 'unitPrice' | 'currency' | 'line';

/** One field that differs between a recorded order and the back office, as text for the user. */
export interface Difference {
  field: DifferenceField;
  /** The recorded line it concerns (index into the record's lines); absent for order fields. */
  lineIndex?: number;
  /** The back-office order it concerns. */
  backOfficeOrderId?: string;
  recorded: string;
  backOffice: string;
}

/** Which back-office line a recorded line matched, if any. */
export interface LineMatch {
  lineIndex: number;
  backOfficeOrderId?: string;
  /** The file line of the matched back-office row. */
  backOfficeLine?: number;
}

/** A recorded order's latest reconciliation: one row per purchase, replaced by newer runs. */
export interface ReconcileStatus {
  purchaseId: string;
  runId: string;
  backOffice: string;
  outcome: RecordedOutcome;
  /** The back-office orders its lines matched (more than one when the back office split it). */
  backOfficeOrderIds: string[];
  lines: LineMatch[];
  differences: Difference[];
  /** Set when the outcome comes from the user's verdict on a probable match. */
  confirmed?: boolean;
  checkedAt: Instant;
}

/** The user's verdict on a probable match; later runs honour it. */
export interface ReconcileDecision {
  /** `${purchaseId}|${backOfficeOrderIds sorted, joined by ","}` */
  id: string;
  purchaseId: string;
  backOfficeOrderIds: string[];
  verdict: 'confirmed' | 'rejected';
  decidedAt: Instant;
}

/** A back-office order no recorded order matched; it can be imported into the contact's history. */
export interface BackOfficeOnlyOrder {
  order: BackOfficeOrder;
  /** The contact its customer resolved to, when one did. */
  contactId?: string;
  /** Set once the user imported it: the purchase record made from it. */
  importedAs?: string;
}

/** How many of each outcome a run found. */
export type OutcomeCounts = Readonly<Record<RecordedOutcome | 'backOfficeOnly', number>>;

/** One finished reconciliation of one file. */
export interface ReconcileRun {
  id: string;
  jobId: string;
  backOffice: string;
  fileName: string;
  /** SHA-256 of the file's bytes, hex: the same file again is recognised and changes nothing. */
  fileHash: string;
  finishedAt: Instant;
  /** The dates the export covers: recorded orders outside them (± the window) are not judged. */
  covered: { from: CalendarDate; to: CalendarDate } | null;
  counts: OutcomeCounts;
  rowsRead: number;
  /** Rows skipped, with the first problems (all are counted in `skipped`). */
  skipped: number;
  problems: ExportProblem[];
}

export const JOB_STATES = ['queued', 'parsing', 'matching', 'saving', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Settings a reconciliation runs with. */
export interface ReconcileOptions {
  /** A back-office date this many days either side of the recorded date still matches. */
  dateWindowDays: number;
  /** A unit price within this fraction of the recorded one (0.01 = 1 %) is "probable", not a conflict. */
  priceTolerance: number;
}

export const DEFAULT_RECONCILE_OPTIONS: ReconcileOptions = { dateWindowDays: 3, priceTolerance: 0.05 };
