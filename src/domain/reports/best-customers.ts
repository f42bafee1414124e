import type { Contact } from '../contact';
import { spendIn, statsByContact, type ContactStats, type Period } from '../contact-stats';
import type { CalendarDate } from '../dates';
import type { CurrencyCode, Money } from '../money';
import { messageTable } from '../message-table';
import type { PurchaseRecord } from '../purchase';

/**
 * Who bought the most over a period. Figures come from statsByContact (contact-stats.ts), the
 * same sums the contact screen and the contacts list show, so a report never disagrees with them.
 */

export const RANK_BY = ['spend', 'orders', 'lastPurchase'] as const;
export type RankBy = (typeof RANK_BY)[number];

export const RANK_BY_LABELS = messageTable<RankBy>({
  spend: 'domain_rank_spend',
  orders: 'domain_rank_orders',
  lastPurchase: 'domain_rank_last_purchase',
});

/** What a contact bought in one currency over the period. */
export interface CurrencyFigures {
  currency: CurrencyCode;
  orders: number;
  spend: Money;
  averageOrder: Money;
  firstPurchaseDate: CalendarDate;
  lastPurchaseDate: CalendarDate;
}

export interface BestCustomer {
  /** 1 for the best; contacts tied on what the ranking is by share a rank (1, 2, 2, 4). */
  rank: number;
  contactId: string;
  name: string;
  company: string | undefined;
  email: string | undefined;
  /** All currencies together: orders, first and last purchase. */
  stats: ContactStats;
  /** One entry per currency, the ranking currency first, then the others by spend. */
  byCurrency: CurrencyFigures[];
}

export type RankedContact = Pick<Contact, 'id' | 'name' | 'company' | 'email' | 'deletedAt'>;

export interface BestCustomersOptions {
  period: Period;
  /** The shop's currency: spend is ranked in it; contacts who spent only in others come after. */
  currency: CurrencyCode;
  rankBy: RankBy;
}

/**
 * Every contact with a purchase in the period, best first. Samples and deleted orders do not
 * count (as in statsByContact); contacts deleted or merged away are left out, since their orders
 * moved to the survivor or went with them.
 */
export function rankBestCustomers(
  records: readonly PurchaseRecord[],
  contacts: ReadonlyMap<string, RankedContact>,
  options: BestCustomersOptions,
): BestCustomer[] {
  const overall = statsByContact(records, options.period);
  const perCurrency = statsPerCurrency(records, options.period);
  const unranked: Omit<BestCustomer, 'rank'>[] = [];
  for (const [contactId, stats] of overall) {
    const contact = contacts.get(contactId);
    if (!contact || contact.deletedAt !== undefined) continue;
    unranked.push({
      contactId,
      name: contact.name,
      company: contact.company,
      email: contact.email,
      stats,
      byCurrency: currencyFigures(contactId, perCurrency, options.currency),
    });
  }
  const key = RANKING_KEYS[options.rankBy];
  const byName = (a: Omit<BestCustomer, 'rank'>, b: Omit<BestCustomer, 'rank'>) =>
    a.name.localeCompare(b.name) || a.contactId.localeCompare(b.contactId);
  const sorted = unranked.sort((a, b) => key(a, b, options.currency) || byName(a, b));
  const ranked: BestCustomer[] = [];
  for (const [index, row] of sorted.entries()) {
    const previous = ranked[index - 1];
    const tied = previous !== undefined && key(previous, row, options.currency) === 0;
    ranked.push({ ...row, rank: tied ? previous.rank : index + 1 });
  }
  return ranked;
}

type Row = Omit<BestCustomer, 'rank'>;

/** Each ranking compares two rows, negative when `a` ranks higher; 0 is a tie. */
const RANKING_KEYS: Record<RankBy, (a: Row, b: Row, currency: CurrencyCode) => number> = {
  spend: bySpend,
  orders: (a, b, currency) => b.stats.purchaseCount - a.stats.purchaseCount || bySpend(a, b, currency),
  lastPurchase: (a, b, currency) =>
    (b.stats.lastPurchaseDate ?? '').localeCompare(a.stats.lastPurchaseDate ?? '') || bySpend(a, b, currency),
};

/**
 * Spend in the shop's currency, highest first. Amounts in different currencies cannot be
 * compared, so contacts who spent none in it come after, grouped by their main currency.
 */
function bySpend(a: Row, b: Row, currency: CurrencyCode): number {
  const aMain = a.byCurrency[0];
  const bMain = b.byCurrency[0];
  if (!aMain || !bMain) return 0;
  const aHome = aMain.currency === currency;
  const bHome = bMain.currency === currency;
  if (aHome !== bHome) return aHome ? -1 : 1;
  if (aMain.currency !== bMain.currency) return aMain.currency.localeCompare(bMain.currency);
  return bMain.spend.minor - aMain.spend.minor;
}

/**
 * statsByContact for each currency on its own: the orders, first and last purchase in that
 * currency, which the all-currency figures cannot tell apart.
 */
function statsPerCurrency(
  records: readonly PurchaseRecord[],
  period: Period,
): Map<CurrencyCode, Map<string, ContactStats>> {
  const byCurrency = new Map<CurrencyCode, PurchaseRecord[]>();
  for (const record of records) {
    const list = byCurrency.get(record.currency);
    if (list) list.push(record);
    else byCurrency.set(record.currency, [record]);
  }
  return new Map([...byCurrency].map(([currency, list]) => [currency, statsByContact(list, period)]));
}

function currencyFigures(
  contactId: string,
  perCurrency: Map<CurrencyCode, Map<string, ContactStats>>,
  rankingCurrency: CurrencyCode,
): CurrencyFigures[] {
  const figures: CurrencyFigures[] = [];
  for (const [currency, stats] of perCurrency) {
    const mine = stats.get(contactId);
    if (!mine || mine.firstPurchaseDate === null || mine.lastPurchaseDate === null) continue;
    figures.push({
      currency,
      orders: mine.purchaseCount,
      spend: { minor: spendIn(mine, currency), currency },
      averageOrder: mine.averageOrder[0] ?? { minor: 0, currency },
      firstPurchaseDate: mine.firstPurchaseDate,
      lastPurchaseDate: mine.lastPurchaseDate,
    });
  }
  return figures.sort(
    (a, b) =>
      Number(b.currency === rankingCurrency) - Number(a.currency === rankingCurrency) ||
      b.spend.minor - a.spend.minor ||
      a.currency.localeCompare(b.currency),
  );
}
