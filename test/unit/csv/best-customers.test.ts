import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  BEST_CUSTOMERS_COLUMNS,
  bestCustomersCsv,
  bestCustomersFileName,
} from '../../../src/csv/reports-export';
import { rankBestCustomers } from '../../../src/domain/reports/best-customers';
import { line, record } from '../domain/reports/fixtures';

const ada = {
  id: crypto.randomUUID(),
  name: 'Ada Lovelace',
  company: 'Engines; Ltd',
  email: 'ada@example.com',
};
const bob = { id: crypto.randomUUID(), name: '=cmd|calc', company: undefined, email: undefined };
const contacts = new Map([ada, bob].map((contact) => [contact.id, contact]));
const period = { from: '2026-01-01', to: '2026-12-31' };

describe('best customers CSV', () => {
  it('writes the whole ranking, a row per currency, amounts as decimals and dates as ISO', () => {
    const records = [
      record(ada.id, '2026-02-01', { lines: [line(2, 1250)] }),
      record(ada.id, '2026-05-01', { lines: [line(1, 1000)] }),
      record(ada.id, '2026-06-01', { lines: [line(1, 990, 'EUR')] }),
      record(bob.id, '2026-03-01', { lines: [line(1, 150_000)] }),
    ];
    const csv = bestCustomersCsv(
      rankBestCustomers(records, contacts, { period, currency: 'USD', rankBy: 'spend' }),
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...BEST_CUSTOMERS_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      ['1', "'=cmd|calc", '', '', '1', '1500.00', '1500.00', 'USD', '2026-03-01', '2026-03-01', bob.id],
      [
        '2',
        'Ada Lovelace',
        'Engines; Ltd',
        'ada@example.com',
        '2',
        '35.00',
        '17.50',
        'USD',
        '2026-02-01',
        '2026-05-01',
        ada.id,
      ],
      [
        '2',
        'Ada Lovelace',
        'Engines; Ltd',
        'ada@example.com',
        '1',
        '9.90',
        '9.90',
        'EUR',
        '2026-06-01',
        '2026-06-01',
        ada.id,
      ],
    ]);
    expect(csv.split('\r\n')).toHaveLength(5);
  });

  it('writes the header alone when nobody bought, and names the file by its period', () => {
    expect(bestCustomersCsv([])).toBe(`\uFEFF${BEST_CUSTOMERS_COLUMNS.join(',')}\r\n`);
    expect(bestCustomersFileName(period)).toBe('best-customers-2026-01-01-to-2026-12-31.csv');
  });
});
