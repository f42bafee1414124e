import { describe, expect, it } from 'vitest';
import type { ContactStats } from '../../../src/domain/contact-stats';
import { contactRows, filterRows, mainCurrency, sortRows } from '../../../src/ui/contacts/contact-list';
import { makeContact } from '../../support/contacts';

const stats = (minor: number, last: string, currency = 'USD'): ContactStats => ({
  purchaseCount: 1,
  lifetimeSpend: [{ minor, currency }],
  averageOrder: [{ minor, currency }],
  firstPurchaseDate: last,
  lastPurchaseDate: last,
});

const ada = makeContact({ name: 'Ada Lovelace', company: 'Analytical Engines', tags: ['VIP'] });
const bob = makeContact({ name: 'bob Builder', role: 'supplier', email: 'bob@build.example' });
const cy = makeContact({ name: 'Cy Both', role: 'both' });
const dee = makeContact({ name: 'Dee Euro' });
const rows = contactRows(
  [dee, cy, bob, ada],
  new Map([
    [ada.id, stats(500, '2026-01-01')],
    [bob.id, stats(9000, '2025-06-01')],
    [dee.id, stats(100_000, '2026-03-01', 'EUR')],
  ]),
);
const names = (list: { contact: { name: string } }[]) => list.map((row) => row.contact.name);

describe('contacts list', () => {
  it('sorts by name without regard to case, by last purchase newest first, by spend in one currency', () => {
    expect(names(sortRows(rows, 'name', 'USD'))).toEqual([
      'Ada Lovelace',
      'bob Builder',
      'Cy Both',
      'Dee Euro',
    ]);
    expect(names(sortRows(rows, 'last-purchase', 'USD'))).toEqual([
      'Dee Euro',
      'Ada Lovelace',
      'bob Builder',
      'Cy Both',
    ]);
    expect(names(sortRows(rows, 'spend', 'USD'))).toEqual([
      'bob Builder',
      'Ada Lovelace',
      'Cy Both',
      'Dee Euro',
    ]);
  });

  it('ranks spend in the currency most contacts spent in', () => {
    expect(mainCurrency(rows)).toBe('USD');
    expect(mainCurrency(contactRows([ada], new Map()))).toBeUndefined();
  });

  it('filters by role (both counts as customer and as supplier) and by every typed word', () => {
    const sorted = sortRows(rows, 'name', 'USD');
    expect(names(filterRows(sorted, 'customers', []))).toEqual(['Ada Lovelace', 'Cy Both', 'Dee Euro']);
    expect(names(filterRows(sorted, 'suppliers', []))).toEqual(['bob Builder', 'Cy Both']);
    expect(names(filterRows(sorted, 'both', []))).toEqual(['Cy Both']);
    expect(names(filterRows(sorted, 'all', ['analytical', 'vip']))).toEqual(['Ada Lovelace']);
    expect(names(filterRows(sorted, 'all', ['build.example']))).toEqual(['bob Builder']);
    expect(filterRows(sorted, 'all', [])).toBe(sorted);
  });
});
