import { addDays } from '../calendar';
import type { Period } from '../contact-stats';
import { CalendarDate } from '../dates';
import { t } from '../i18n';
import { formatCount } from '../locale-format';

/**
 * The period a report covers, as the user picks it with two date fields. Reports share one
 * default and one way of saying what is wrong with the fields.
 */

/** A period with both ends set, as every report needs. */
export interface ClosedPeriod extends Period {
  from: CalendarDate;
  to: CalendarDate;
}

/** The longest period a report takes: ten years of months is already 120 bars. */
export const MAX_REPORT_YEARS = 10;

/**
 * The last 12 months up to `today`: from the first day of the month eleven months back, so that
 * a monthly chart shows twelve whole bars (the current month as far as it has gone).
 */
export function lastTwelveMonths(today: CalendarDate): ClosedPeriod {
  const [year = 1970, month = 1] = today.split('-').map(Number);
  const back = year * 12 + (month - 1) - 11;
  const from = `${String(Math.floor(back / 12)).padStart(4, '0')}-${String((back % 12) + 1).padStart(2, '0')}-01`;
  return { from, to: today };
}

/** What the user typed in the two fields; each problem is a sentence for under its field. */
export interface PeriodCheck {
  period: ClosedPeriod | null;
  fromProblem: string | null;
  toProblem: string | null;
}

/**
 * Reads the `From` and `To` fields: both must be dates, `From` not after `To`, and the span at
 * most MAX_REPORT_YEARS long. `names` are the fields' labels, as the sentences use them.
 */
export function checkPeriod(
  fromText: string,
  toText: string,
  names: { from: string; to: string } = { from: t('domain_period_from'), to: t('domain_period_to') },
): PeriodCheck {
  const fromProblem = dateProblem(fromText, names.from);
  const toProblem = dateProblem(toText, names.to);
  if (fromProblem || toProblem) return { period: null, fromProblem, toProblem };
  if (fromText > toText) {
    return { period: null, fromProblem: null, toProblem: t('domain_period_order', names.to, names.from) };
  }
  if (addDays(fromText, MAX_REPORT_YEARS * 366) < toText) {
    return {
      period: null,
      fromProblem: null,
      toProblem: t('domain_period_too_long', formatCount(MAX_REPORT_YEARS), names.from, names.to),
    };
  }
  return { period: { from: fromText, to: toText }, fromProblem: null, toProblem: null };
}

function dateProblem(text: string, name: string): string | null {
  if (text.trim() === '') return t('domain_period_choose_date', name);
  return CalendarDate.safeParse(text).success ? null : t('domain_period_not_date', name, text);
}
