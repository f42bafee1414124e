import type { Contact, ContactRole } from '../../domain/contact';
import { spendIn, type ContactStats } from '../../domain/contact-stats';
import { t } from '../../domain/i18n';
import type { CurrencyCode } from '../../domain/money';
import { foldForSearch, nameSortKey } from '../../domain/search-text';

/** Which contacts the list shows: everyone, customers (incl. both), suppliers (incl. both), or both. */
export const ROLE_FILTERS = ['all', 'customers', 'suppliers', 'both'] as const;
export type RoleFilter = (typeof ROLE_FILTERS)[number];
export function roleFilterLabel(filter: RoleFilter): string {
  switch (filter) {
    case 'all':
      return t('contacts_filter_all');
    case 'customers':
      return t('contacts_filter_customers');
    case 'suppliers':
      return t('contacts_filter_suppliers');
    case 'both':
      return t('contacts_filter_both');
  }
}

export const CONTACT_SORTS = ['name', 'last-purchase', 'spend'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
export function sortLabel(sort: ContactSort): string {
  switch (sort) {
    case 'name':
      return t('contacts_name');
    case 'last-purchase':
      return t('contacts_last_purchase');
    case 'spend':
      return t('contacts_lifetime_spend');
  }
}

/** One contact as the list shows and searches it; built once per load. */
export interface ContactRow {
  contact: Contact;
  stats: ContactStats | undefined;
  /** Name, company, email, phone and tags, folded for search. */
  searchText: string;
  /** The name as it sorts (nameSortKey), then the id, so equal names keep one order. */
  sortKey: string;
}

export function contactRows(
  contacts: readonly Contact[],
  stats: ReadonlyMap<string, ContactStats>,
): ContactRow[] {
  return contacts.map((contact) => ({
    contact,
    stats: stats.get(contact.id),
    sortKey: `${nameSortKey(contact.name)}\u0000${contact.id}`,
    searchText: foldForSearch(
      [contact.name, contact.company, contact.email, contact.phone, ...(contact.tags ?? [])].join(' '),
    ),
  }));
}

/**
 * The currency lists rank spend in: the one most contacts spent in. Amounts in other currencies
 * are shown but never converted.
 */
export function mainCurrency(rows: readonly ContactRow[]): CurrencyCode | undefined {
  const counts = new Map<CurrencyCode, number>();
  for (const row of rows)
    for (const amount of row.stats?.lifetimeSpend ?? [])
      counts.set(amount.currency, (counts.get(amount.currency) ?? 0) + 1);
  let best: CurrencyCode | undefined;
  for (const [currency, count] of counts)
    if (best === undefined || count > (counts.get(best) ?? 0)) best = currency;
  return best;
}

/**
 * The rows in `sort` order, ties by name: last purchase newest first and spend highest first,
 * contacts without purchases last. A new array; sorting 50,000 rows once per load and choice.
 */
export function sortRows(
  rows: readonly ContactRow[],
  sort: ContactSort,
  currency: CurrencyCode | undefined,
): ContactRow[] {
  const names = (a: ContactRow, b: ContactRow) =>
    a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
  if (sort === 'name') return [...rows].sort(names);
  if (sort === 'last-purchase') {
    return [...rows].sort((a, b) => {
      const left = a.stats?.lastPurchaseDate ?? '';
      const right = b.stats?.lastPurchaseDate ?? '';
      return left === right ? names(a, b) : left < right ? 1 : -1;
    });
  }
  const spend = (row: ContactRow) => (row.stats && currency ? spendIn(row.stats, currency) : 0);
  const keyed = rows.map((row) => ({ row, key: spend(row) }));
  keyed.sort((a, b) => b.key - a.key || names(a.row, b.row));
  return keyed.map(({ row }) => row);
}

function roleMatches(role: ContactRole, filter: RoleFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'both') return role === 'both';
  return role === 'both' || role === (filter === 'customers' ? 'customer' : 'supplier');
}

/** The sorted rows the role filter and every typed word (name, company, email, phone, tag) keep. */
export function filterRows(
  sorted: readonly ContactRow[],
  filter: RoleFilter,
  words: readonly string[],
): ContactRow[] {
  if (filter === 'all' && words.length === 0) return sorted as ContactRow[];
  return sorted.filter(
    (row) => roleMatches(row.contact.role, filter) && words.every((word) => row.searchText.includes(word)),
  );
}
