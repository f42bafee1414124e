import type { CalendarDate } from '../domain/dates';
import type { PurchaseRecord } from '../domain/purchase';
import { OUTCOME_LABELS, RECORDED_OUTCOMES, type ReconcileStatus } from '../domain/reconcile';

export const EXPORT_KIND_FILTERS = ['all', 'purchase', 'sample'] as const;
export type ExportKindFilter = (typeof EXPORT_KIND_FILTERS)[number];

export const KIND_FILTER_LABELS: Readonly<Record<ExportKindFilter, string>> = {
  all: 'All',
  purchase: 'Purchases',
  sample: 'Samples',
};

/** A reconciliation outcome, or `notReconciled`: no run has judged the purchase yet. */
export const EXPORT_STATUS_FILTERS = ['all', ...RECORDED_OUTCOMES, 'notReconciled'] as const;
export type ExportStatusFilter = (typeof EXPORT_STATUS_FILTERS)[number];

export const STATUS_FILTER_LABELS: Readonly<Record<ExportStatusFilter, string>> = {
  all: 'All',
  synced: OUTCOME_LABELS.synced,
  probable: OUTCOME_LABELS.probable,
  conflict: OUTCOME_LABELS.conflict,
  missing: OUTCOME_LABELS.missing,
  notReconciled: 'Not reconciled',
};

/** Which purchases `Export purchases` writes. Dates are the purchase date, both ends included. */
export interface PurchaseExportFilter {
  from: CalendarDate | null;
  to: CalendarDate | null;
  contactId: string | null;
  kind: ExportKindFilter;
  status: ExportStatusFilter;
}

export const EXPORT_EVERYTHING: PurchaseExportFilter = {
  from: null,
  to: null,
  contactId: null,
  kind: 'all',
  status: 'all',
};

/** The live records the filter keeps, in the order given; `statuses` are keyed by purchase id. */
export function filterForExport(
  records: readonly PurchaseRecord[],
  statuses: ReadonlyMap<string, ReconcileStatus>,
  filter: PurchaseExportFilter,
): PurchaseRecord[] {
  const { from, to, contactId, kind, status } = filter;
  return records.filter((record) => {
    if (record.deletedAt) return false;
    // YYYY-MM-DD strings order as the dates do.
    if (from !== null && record.purchaseDate < from) return false;
    if (to !== null && record.purchaseDate > to) return false;
    if (contactId !== null && record.contactId !== contactId) return false;
    if (kind !== 'all' && record.kind !== kind) return false;
    if (status === 'all') return true;
    const outcome = statuses.get(record.id)?.outcome;
    return status === 'notReconciled' ? outcome === undefined : outcome === status;
  });
}

/** How many lines (file rows) the records make. */
export function exportLineCount(records: readonly PurchaseRecord[]): number {
  let lines = 0;
  for (const record of records) lines += record.lines.length;
  return lines;
}
