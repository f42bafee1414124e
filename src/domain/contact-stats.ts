import type { CalendarDate } from './dates';
import type { CurrencyCode, Money } from './money';
import { recordTotal, type PurchaseRecord } from './purchase';

/** A span of calendar days, both ends included; an absent end is open. */
export interface Period {
  from?: CalendarDate;
  to?: CalendarDate;
}

export function inPeriod(date: CalendarDate, period: Period | undefined): boolean {
  if (!period) return true;
  return (period.from === undefined || date >= period.from) && (period.to === undefined || date <= period.to);
}

/**
 * What a contact bought: purchases only (samples are given, not sold), deleted ones left out.
 * Amounts are one per currency, largest first; orders in different currencies are never added up.
 */
export interface ContactStats {
  purchaseCount: number;
  lifetimeSpend: Money[];
  /** The spend of each currency divided by that currency's orders, rounded to the minor unit. */
  averageOrder: Money[];
  firstPurchaseDate: CalendarDate | null;
  lastPurchaseDate: CalendarDate | null;
}

/** The figures of one contact's records (the caller passes that contact's records only). */
export function spendSummary(records: Iterable<PurchaseRecord>, period?: Period): ContactStats {
  const accumulator = new StatsAccumulator();
  for (const record of records) if (counts(record, period)) accumulator.add(record);
  return accumulator.result();
}

/** Every contact's figures from one pass over all records; contacts without purchases are absent. */
export function statsByContact(
  records: Iterable<PurchaseRecord>,
  period?: Period,
): Map<string, ContactStats> {
  const accumulators = new Map<string, StatsAccumulator>();
  for (const record of records) {
    if (!counts(record, period)) continue;
    let accumulator = accumulators.get(record.contactId);
    if (!accumulator) accumulators.set(record.contactId, (accumulator = new StatsAccumulator()));
    accumulator.add(record);
  }
  return new Map([...accumulators].map(([contactId, accumulator]) => [contactId, accumulator.result()]));
}

/** The amount spent in `currency`, in minor units (0 when none): what lists sort by. */
export function spendIn(stats: ContactStats, currency: CurrencyCode): number {
  return stats.lifetimeSpend.find((amount) => amount.currency === currency)?.minor ?? 0;
}

function counts(record: PurchaseRecord, period: Period | undefined): boolean {
  return (
    record.deletedAt === undefined && record.kind === 'purchase' && inPeriod(record.purchaseDate, period)
  );
}

class StatsAccumulator {
  private readonly totals = new Map<CurrencyCode, { minor: number; orders: number }>();
  private count = 0;
  private first: CalendarDate | null = null;
  private last: CalendarDate | null = null;

  add(record: PurchaseRecord) {
    this.count += 1;
    const total = recordTotal(record);
    const sum = this.totals.get(total.currency) ?? { minor: 0, orders: 0 };
    sum.minor += total.minor;
    sum.orders += 1;
    this.totals.set(total.currency, sum);
    if (this.first === null || record.purchaseDate < this.first) this.first = record.purchaseDate;
    if (this.last === null || record.purchaseDate > this.last) this.last = record.purchaseDate;
  }

  result(): ContactStats {
    const sums = [...this.totals]
      .map(([currency, sum]) => ({ currency, ...sum }))
      .sort((a, b) => b.minor - a.minor || a.currency.localeCompare(b.currency));
    return {
      purchaseCount: this.count,
      lifetimeSpend: sums.map(({ currency, minor }) => ({ minor, currency })),
      averageOrder: sums.map(({ currency, minor, orders }) => ({
        minor: Math.round(minor / orders),
        currency,
      })),
      firstPurchaseDate: this.first,
      lastPurchaseDate: this.last,
    };
  }
}
