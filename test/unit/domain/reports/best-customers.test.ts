import { describe, expect, it } from 'vitest';
import { rankBestCustomers, type RankedContact } from '../../../../src/domain/reports/best-customers';
import { line, record } from './fixtures';

const person = (name: string, extra: Partial<RankedContact> = {}): RankedContact => ({
  id: crypto.randomUUID(),
  name,
  company: undefined,
  email: undefined,
  ...extra,
});
const ada = person('Ada Lovelace', { company: 'Analytical Engines' });
const bob = person('Bob Babbage');
const cy = person('Cy Young');
const dee = person('Dee Euro');
const contacts = new Map([ada, bob, cy, dee].map((contact) => [contact.id, contact]));
const period = { from: '2026-01-01', to: '2026-12-31' };

const ranking = (
  records: Parameters<typeof rankBestCustomers>[0],
  rankBy: 'spend' | 'orders' | 'lastPurchase' = 'spend',
) =>
  rankBestCustomers(records, contacts, { period, currency: 'USD', rankBy }).map((row) => [
    row.rank,
    row.name,
  ]);

describe('best customers', () => {
  it('ranks by spend in the shop currency, counting both ends of the period and nothing outside', () => {
    const records = [
      record(ada.id, '2026-01-01', { lines: [line(2, 5000)] }), // first day counts
      record(ada.id, '2025-12-31', { lines: [line(1, 99_900)] }), // the day before does not
      record(bob.id, '2026-12-31', { lines: [line(1, 12_000)] }), // last day counts
      record(bob.id, '2027-01-01', { lines: [line(1, 99_900)] }),
      record(cy.id, '2026-06-01', { lines: [line(1, 3000)] }),
    ];
    const rows = rankBestCustomers(records, contacts, { period, currency: 'USD', rankBy: 'spend' });
    expect(rows.map((row) => [row.rank, row.name, row.byCurrency[0]?.spend.minor])).toEqual([
      [1, 'Bob Babbage', 12_000],
      [2, 'Ada Lovelace', 10_000],
      [3, 'Cy Young', 3000],
    ]);
    expect(rows[1]).toMatchObject({
      company: 'Analytical Engines',
      stats: { purchaseCount: 1, firstPurchaseDate: '2026-01-01', lastPurchaseDate: '2026-01-01' },
    });
  });

  it('leaves out samples, deleted orders, and contacts deleted or merged away', () => {
    const gone = person('Gone Contact', { deletedAt: '2026-05-01T00:00:00.000Z' });
    const records = [
      record(ada.id, '2026-03-01', { kind: 'sample', lines: [line(1, 50_000)] }),
      record(ada.id, '2026-03-02', { lines: [line(1, 1000)] }),
      record(bob.id, '2026-03-03', { lines: [line(1, 90_000)], deletedAt: '2026-03-04T00:00:00.000Z' }),
      record(gone.id, '2026-03-05', { lines: [line(1, 70_000)] }),
    ];
    const rows = rankBestCustomers(records, new Map([...contacts, [gone.id, gone]]), {
      period,
      currency: 'USD',
      rankBy: 'spend',
    });
    expect(rows.map((row) => [row.name, row.stats.purchaseCount, row.byCurrency[0]?.spend.minor])).toEqual([
      ['Ada Lovelace', 1, 1000],
    ]);
  });

  it('gives tied contacts the same rank and the next one the rank after them all', () => {
    const records = [
      record(cy.id, '2026-02-01', { lines: [line(1, 5000)] }),
      record(ada.id, '2026-02-01', { lines: [line(1, 5000)] }),
      record(bob.id, '2026-02-01', { lines: [line(1, 9000)] }),
      record(dee.id, '2026-02-01', { lines: [line(1, 100)] }),
    ];
    expect(ranking(records)).toEqual([
      [1, 'Bob Babbage'],
      [2, 'Ada Lovelace'],
      [2, 'Cy Young'],
      [4, 'Dee Euro'],
    ]);
  });

  it('ranks contacts who spent only in other currencies after, and never adds currencies together', () => {
    const records = [
      record(dee.id, '2026-02-01', { lines: [line(1, 900_000, 'EUR')] }),
      record(ada.id, '2026-02-01', { lines: [line(1, 1000)] }),
      record(ada.id, '2026-03-01', { lines: [line(1, 2000, 'EUR')] }),
      record(ada.id, '2026-04-01', { lines: [line(1, 500, 'EUR')] }),
      record(bob.id, '2026-02-01', { lines: [line(1, 5000)] }),
    ];
    const rows = rankBestCustomers(records, contacts, { period, currency: 'USD', rankBy: 'spend' });
    expect(rows.map((row) => row.name)).toEqual(['Bob Babbage', 'Ada Lovelace', 'Dee Euro']);
    expect(rows[1]?.byCurrency).toEqual([
      {
        currency: 'USD',
        orders: 1,
        spend: { minor: 1000, currency: 'USD' },
        averageOrder: { minor: 1000, currency: 'USD' },
        firstPurchaseDate: '2026-02-01',
        lastPurchaseDate: '2026-02-01',
      },
      {
        currency: 'EUR',
        orders: 2,
        spend: { minor: 2500, currency: 'EUR' },
        averageOrder: { minor: 1250, currency: 'EUR' },
        firstPurchaseDate: '2026-03-01',
        lastPurchaseDate: '2026-04-01',
      },
    ]);
    expect(rows[1]?.stats.purchaseCount).toBe(3);
    expect(rows[2]?.rank).toBe(3);
  });

  it('ranks by number of orders or by last purchase, spend breaking ties', () => {
    const records = [
      record(ada.id, '2026-02-01', { lines: [line(1, 100)] }),
      record(ada.id, '2026-02-02', { lines: [line(1, 100)] }),
      record(ada.id, '2026-02-03', { lines: [line(1, 100)] }),
      record(bob.id, '2026-05-01', { lines: [line(1, 9000)] }),
      record(cy.id, '2026-09-01', { lines: [line(1, 500)] }),
      record(dee.id, '2026-09-01', { lines: [line(1, 700)] }),
    ];
    expect(ranking(records, 'orders')).toEqual([
      [1, 'Ada Lovelace'],
      [2, 'Bob Babbage'],
      [3, 'Dee Euro'],
      [4, 'Cy Young'],
    ]);
    expect(ranking(records, 'lastPurchase')).toEqual([
      [1, 'Dee Euro'],
      [2, 'Cy Young'],
      [3, 'Bob Babbage'],
      [4, 'Ada Lovelace'],
    ]);
  });

  it('is empty when nobody bought in the period', () => {
    expect(ranking([record(ada.id, '2025-06-01')])).toEqual([]);
  });
});
