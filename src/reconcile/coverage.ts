import type { BackOfficeOrder } from '../domain/back-office-order';
import type { CalendarDate } from '../domain/dates';

/**
 * The dates an export covers: from its first order's date to its last. A recorded order is
 * judged against it when its date falls inside; one up to the date window outside is judged
 * only when some of its lines matched: the back office may have it a day or two apart, but an
 * unmatched one there is most likely in the export before or after this one, not missing.
 * Orders further out are not judged at all.
 */
export type Covered = { from: CalendarDate; to: CalendarDate } | null;

export function exportCoverage(orders: readonly BackOfficeOrder[]): Covered {
  let from: CalendarDate | undefined;
  let to: CalendarDate | undefined;
  for (const order of orders) {
    if (from === undefined || order.date < from) from = order.date;
    if (to === undefined || order.date > to) to = order.date;
  }
  return from === undefined || to === undefined ? null : { from, to };
}

/** Where a recorded order's day falls against the covered days (as day numbers). */
export type CoverageZone = 'inside' | 'margin' | 'outside';

export function coverageZone(
  day: number,
  covered: { from: number; to: number } | null,
  windowDays: number,
): CoverageZone {
  if (covered === null) return 'outside';
  if (day >= covered.from && day <= covered.to) return 'inside';
  return day >= covered.from - windowDays && day <= covered.to + windowDays ? 'margin' : 'outside';
}
