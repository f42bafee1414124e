import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dealerReportRows } from '../../../src/csv/dealer-report';
import { loadDealerReport } from '../../../src/db/dealer-report';
import { TallyDatabase } from '../../../src/db/database';
import { estimate, item, paidBuyBack, seller } from '../dealer-report-fixtures';

const DAY = '2026-11-22';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('loading the dealer report', () => {
  it('reads the live buy-backs paid out on the day and their sellers, deleted contacts included', async () => {
    const ada = seller('Ada Lovelace', { email: 'ada@example.com' });
    const gone = seller('Gone Contact', { deletedAt: '2026-11-22T20:00:00.000Z' });
    const other = seller('Not Today');
    await db.contacts.bulkAdd([ada, gone, other]);
    const today = paidBuyBack({
      number: 1,
      contact: ada,
      paidAt: '2026-11-22T10:00:00.000Z',
      paidOn: DAY,
      items: [item('Phone', 10000), item('Case', 500)],
    });
    const fromGone = paidBuyBack({
      number: 2,
      contact: gone,
      paidAt: '2026-11-22T11:00:00.000Z',
      paidOn: DAY,
      items: [item('Tablet', 8000)],
    });
    await db.buyBacks.bulkAdd([
      today,
      fromGone,
      paidBuyBack({
        number: 3,
        contact: other,
        paidAt: '2026-11-21T10:00:00.000Z',
        paidOn: '2026-11-21',
        items: [item('Yesterday', 100)],
      }),
      paidBuyBack({
        number: 4,
        contact: other,
        paidAt: '2026-11-22T12:00:00.000Z',
        paidOn: DAY,
        items: [item('Deleted', 100)],
        deletedAt: '2026-11-22T13:00:00.000Z',
      }),
      estimate({ number: 5, contact: other, items: [item('Estimate', 100)] }),
    ]);

    const report = await loadDealerReport(db, DAY);
    expect(report.day).toBe(DAY);
    expect(report.buyBacks.map((buyBack) => buyBack.number).sort()).toEqual([1, 2]);
    expect([...report.contacts.keys()].sort()).toEqual([ada.id, gone.id].sort());
    const rows = dealerReportRows(report.buyBacks, report.contacts, DAY);
    expect(rows.map((row) => [row[0], row[2], row[9]])).toEqual([
      ['BB-0001', 'Ada Lovelace', 'Phone'],
      ['BB-0001', 'Ada Lovelace', 'Case'],
      ['BB-0002', 'Gone Contact', 'Tablet'],
    ]);

    expect((await loadDealerReport(db, '2026-11-23')).buyBacks).toEqual([]);
  });

  it('refuses a day that is not a date', async () => {
    await expect(loadDealerReport(db, '22/11/2026')).rejects.toThrow(
      '"22/11/2026" is not a date (YYYY-MM-DD).',
    );
    await expect(loadDealerReport(db, '')).rejects.toThrow(/is not a date/);
  });
});
