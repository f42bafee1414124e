import { spendIn, spendSummary } from '../contact-stats';
import type { CalendarDate } from '../dates';
import { uiLanguage } from '../i18n';
import type { CurrencyCode, Money } from '../money';
import type { PurchaseRecord } from '../purchase';
import type { ClosedPeriod } from './report-period';

/**
 * Spend month by month over a period, in one currency: what the spend chart and its table show.
 * Each month's figures come from spendSummary (contact-stats.ts), so samples and deleted orders
 * are left out exactly as everywhere else.
 */

/** A calendar month, "2026-03". */
export type Month = string;

export interface MonthSpend {
  month: Month;
  orders: number;
  spend: Money;
}

/** The months the period touches, first to last, each once. */
export function monthsOf(period: ClosedPeriod): Month[] {
  const months: Month[] = [];
  let [year = 1970, month = 1] = period.from.split('-').map(Number);
  const last = period.to.slice(0, 7);
  for (;;) {
    const current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    months.push(current);
    if (current >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/**
 * Spend and orders per month in `currency`, a month with no purchases at 0. Pass one contact's
 * records for that contact's pattern, everyone's for the shop's.
 */
export function monthlySpend(
  records: Iterable<PurchaseRecord>,
  period: ClosedPeriod,
  currency: CurrencyCode,
): MonthSpend[] {
  const byMonth = new Map<Month, PurchaseRecord[]>(monthsOf(period).map((month) => [month, []]));
  for (const record of records) {
    if (record.currency !== currency) continue;
    byMonth.get(monthOf(record.purchaseDate))?.push(record);
  }
  return [...byMonth].map(([month, list]) => {
    const summary = spendSummary(list, period);
    return { month, orders: summary.purchaseCount, spend: { minor: spendIn(summary, currency), currency } };
  });
}

/** The currencies purchases in the period were made in, the most spent first. */
export function currenciesSpent(records: Iterable<PurchaseRecord>, period: ClosedPeriod): CurrencyCode[] {
  return spendSummary(records, period).lifetimeSpend.map((amount) => amount.currency);
}

export function monthOf(date: CalendarDate): Month {
  return date.slice(0, 7);
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A month for people: "Mar 2026" (short), "March 2026" (long) or "Mar" alone (a chart's bar), in
 * UTC so it never shifts.
 */
export function formatMonth(
  month: Month,
  locale: string = uiLanguage(),
  style: 'short' | 'long' | 'name' = 'short',
): string {
  const [year = 1970, number = 1] = month.split('-').map(Number);
  const key = `${locale ?? ''}|${style}`;
  let format = monthFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      month: style === 'long' ? 'long' : 'short',
      ...(style === 'name' ? {} : { year: 'numeric' as const }),
      timeZone: 'UTC',
    });
    monthFormats.set(key, format);
  }
  return format.format(new Date(Date.UTC(year, number - 1, 1)));
}
