import type { CalendarDate } from '../domain/dates';
import type { PurchaseRecord } from '../domain/purchase';
import { t, type MessageKey } from '../domain/i18n';
import { outcomeLabel, RECORDED_OUTCOMES, type ReconcileStatus } from '../domain/reconcile';

export const EXPORT_KIND_FILTERS = ['all', 'purchase', 'sample'] as const;
export type ExportKindFilter = (typeof EXPORT_KIND_FILTERS)[number];

const KIND_FILTER_KEYS: Readonly<Record<ExportKindFilter, MessageKey>> = {
  all: 'export_filter_kind_all',
  purchase: 'export_filter_kind_purchase',
  sample: 'export_filter_kind_sample',
};

/** How a kind filter is offered: "All", "Purchases", "Samples". */
export function kindFilterLabel(kind: ExportKindFilter): string {
  return t(KIND_FILTER_KEYS[kind]);
}

/** A reconciliation outcome, or `notReconciled`: no run has judged the purchase yet. */
export const EXPORT_STATUS_FILTERS = ['all', ...RECORDED_OUTCOMES, 'notReconciled'] as const;
export type ExportStatusFilter = (typeof EXPORT_STATUS_FILTERS)[number];

/** How a status filter is offered: "All", an outcome's name, "Not reconciled". */
export function statusFilterLabel(status: ExportStatusFilter): string {
  if (status === 'all') return t('export_filter_status_all');
  if (status === 'notReconciled') return t('export_filter_status_not_reconciled');
  return outcomeLabel(status);
}

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
