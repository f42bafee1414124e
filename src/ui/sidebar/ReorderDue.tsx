import { daysBetween } from '../../domain/calendar';
import type { CalendarDate } from '../../domain/dates';
import { t } from '../../domain/i18n';
import { describeDue, describeInterval, isLapsed, type ReorderEstimate } from '../../domain/reorder';

/**
 * What the contact on the page is due to reorder: `estimates` from `dueForContact`. With `today`,
 * each line is counted from it, so a list computed earlier (before midnight) still reads right;
 * without it, from the day the list was computed. Renders nothing when nothing is due, so the
 * sidebar stays short.
 */
export function ReorderDue(props: { estimates: readonly ReorderEstimate[]; today?: CalendarDate }) {
  if (props.estimates.length === 0) return null;
  return (
    <section aria-labelledby="reorder-due-heading" class="card">
      <h2 id="reorder-due-heading">{t('sidebar_due_for_reorder')}</h2>
      <ul class="reorder-due" aria-labelledby="reorder-due-heading">
        {props.estimates.map((estimate) => (
          <li key={estimate.productId}>{reorderLine(estimate, props.today)}</li>
        ))}
      </ul>
    </section>
  );
}

/** "Hand Cream — overdue by 5 days, usually every 30 days"; "(lapsed)" when long overdue. */
export function reorderLine(estimate: ReorderEstimate, today?: CalendarDate): string {
  const daysUntilDue = today === undefined ? estimate.daysUntilDue : daysBetween(today, estimate.dueDate);
  const key = isLapsed(daysUntilDue, estimate.intervalDays)
    ? 'sidebar_reorder_line_lapsed'
    : 'sidebar_reorder_line';
  return t(key, estimate.productName, describeDue(daysUntilDue), describeInterval(estimate.intervalDays));
}
