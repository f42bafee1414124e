import { addDays, daysBetween } from './calendar';
import type { CalendarDate } from './dates';
import { tPlural, t } from './i18n';
import type { PurchaseRecord } from './purchase';

/**
 * When each contact is due to buy each product again, from what they bought before.
 *
 * Rules:
 * - Only purchases count: samples and deleted records never do.
 * - A purchase date is one occasion: several records (or lines) of the same product on the same
 *   date are one purchase of their summed quantity, so a 0-day gap never happens.
 * - A product needs purchases on at least 2 distinct dates for an estimate; bought once, it has none.
 * - The typical interval is the median of the gaps between consecutive purchase dates, using the
 *   most recent {@link RECENT_INTERVALS} gaps only: one unusual gap (a holiday, an early top-up)
 *   does not move a median, and a habit that changed is followed once it has lasted a few orders.
 *   An even count takes the mean of the two middle gaps, rounded to the nearest day (half up).
 * - Due date = last purchase date + typical interval; days until due is negative when overdue.
 * - Overdue by more than {@link LAPSED_AFTER_INTERVALS} intervals, the estimate is `lapsed`: the
 *   contact has probably stopped buying it. Lapsed estimates are still listed as due (worth a
 *   call), but after the ones that are not.
 */

/** How many of the latest gaps between purchases make the typical interval. */
export const RECENT_INTERVALS = 6;
/** Overdue by more than this many typical intervals, an estimate is marked lapsed. */
export const LAPSED_AFTER_INTERVALS = 3;

export interface ReorderEstimate {
  contactId: string;
  productId: string;
  /** The product's name and SKU on the latest purchase. */
  productName: string;
  sku: string;
  lastPurchaseDate: CalendarDate;
  /** Quantity bought on the last purchase date (summed when several records share it). */
  lastQuantity: number;
  /** Typical days between purchases (at least 1). */
  intervalDays: number;
  /** How many distinct purchase dates the estimate is based on (at least 2). */
  purchaseCount: number;
  dueDate: CalendarDate;
  /** Days from today to the due date; negative when overdue. */
  daysUntilDue: number;
  /** Due within the lookahead, or overdue. */
  due: boolean;
  /** Overdue by more than {@link LAPSED_AFTER_INTERVALS} intervals. */
  lapsed: boolean;
}

export interface ReorderOptions {
  today: CalendarDate;
  /** Estimates due within this many days from today count as due (overdue ones always do). */
  lookaheadDays: number;
}

interface Occasion {
  quantity: number;
  productName: string;
  sku: string;
  /** When the record was made, to pick the latest name when a date has several records. */
  recordedAt: string;
}

/** One estimate per (contact, product) bought on at least 2 distinct dates, in no promised order. */
export function estimateReorders(
  records: readonly PurchaseRecord[],
  options: ReorderOptions,
): ReorderEstimate[] {
  // contact + product → purchase date → that day's occasion
  const histories = new Map<string, { contactId: string; productId: string; dates: Map<string, Occasion> }>();
  for (const record of records) {
    if (record.kind !== 'purchase' || record.deletedAt !== undefined) continue;
    for (const line of record.lines) {
      const key = `${record.contactId} ${line.productId}`;
      let history = histories.get(key);
      if (!history) {
        history = { contactId: record.contactId, productId: line.productId, dates: new Map() };
        histories.set(key, history);
      }
      const occasion = history.dates.get(record.purchaseDate);
      if (!occasion) {
        history.dates.set(record.purchaseDate, {
          quantity: line.quantity,
          productName: line.name,
          sku: line.sku,
          recordedAt: record.createdAt,
        });
        continue;
      }
      occasion.quantity += line.quantity;
      if (record.createdAt > occasion.recordedAt) {
        Object.assign(occasion, { productName: line.name, sku: line.sku, recordedAt: record.createdAt });
      }
    }
  }

  const estimates: ReorderEstimate[] = [];
  for (const { contactId, productId, dates } of histories.values()) {
    if (dates.size < 2) continue;
    const sorted = [...dates.keys()].sort();
    const lastPurchaseDate = sorted[sorted.length - 1] as CalendarDate;
    const last = dates.get(lastPurchaseDate) as Occasion;
    const gaps = sorted.slice(1).map((date, index) => daysBetween(sorted[index] as CalendarDate, date));
    const intervalDays = median(gaps.slice(-RECENT_INTERVALS));
    const dueDate = addDays(lastPurchaseDate, intervalDays);
    estimates.push({
      contactId,
      productId,
      productName: last.productName,
      sku: last.sku,
      lastPurchaseDate,
      lastQuantity: last.quantity,
      intervalDays,
      purchaseCount: sorted.length,
      dueDate,
      ...dueness(dueDate, intervalDays, options),
    });
  }
  return estimates;
}

/**
 * The estimates due within `lookaheadDays` of `today` or overdue, judged again on this `today`:
 * the ones not lapsed first, most overdue first; then the lapsed ones, most overdue first.
 */
export function dueForReorder(
  estimates: readonly ReorderEstimate[],
  today: CalendarDate,
  lookaheadDays: number,
): ReorderEstimate[] {
  return estimates
    .map((estimate) => ({
      ...estimate,
      ...dueness(estimate.dueDate, estimate.intervalDays, { today, lookaheadDays }),
    }))
    .filter((estimate) => estimate.due)
    .sort(
      (a, b) =>
        Number(a.lapsed) - Number(b.lapsed) ||
        a.daysUntilDue - b.daysUntilDue ||
        a.productName.localeCompare(b.productName) ||
        a.contactId.localeCompare(b.contactId) ||
        a.productId.localeCompare(b.productId),
    );
}

/** What one contact is due to reorder: for the sidebar, from that contact's records (or all). */
export function dueForContact(
  records: readonly PurchaseRecord[],
  contactId: string,
  today: CalendarDate,
  lookaheadDays: number,
): ReorderEstimate[] {
  const own = records.filter((record) => record.contactId === contactId);
  return dueForReorder(estimateReorders(own, { today, lookaheadDays }), today, lookaheadDays);
}

/** "due today", "due in 3 days", "overdue by 1 day". */
export function describeDue(daysUntilDue: number): string {
  if (daysUntilDue === 0) return t('domain_reorder_due_today');
  return daysUntilDue > 0
    ? tPlural('domain_reorder_due_in', daysUntilDue)
    : tPlural('domain_reorder_overdue_by', -daysUntilDue);
}

/** "usually every 30 days". */
export function describeInterval(intervalDays: number): string {
  return tPlural('domain_reorder_every', intervalDays);
}

function dueness(
  dueDate: CalendarDate,
  intervalDays: number,
  { today, lookaheadDays }: ReorderOptions,
): Pick<ReorderEstimate, 'daysUntilDue' | 'due' | 'lapsed'> {
  const daysUntilDue = daysBetween(today, dueDate);
  return {
    daysUntilDue,
    due: daysUntilDue <= lookaheadDays,
    lapsed: isLapsed(daysUntilDue, intervalDays),
  };
}

/** Overdue by more than {@link LAPSED_AFTER_INTERVALS} typical intervals. */
export function isLapsed(daysUntilDue: number, intervalDays: number): boolean {
  return -daysUntilDue > LAPSED_AFTER_INTERVALS * intervalDays;
}

/** The middle value; for an even count, the mean of the two middle ones rounded half up. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : Math.round(((sorted[middle - 1] as number) + upper) / 2);
}
