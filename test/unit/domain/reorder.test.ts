import { purchaseRecord } from '../../support/purchase-records';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../src/domain/calendar';
import type { PurchaseKind, PurchaseRecord } from '../../../src/domain/purchase';
import {
  describeDue,
  describeInterval,
  dueForContact,
  dueForReorder,
  estimateReorders,
  type ReorderEstimate,
} from '../../../src/domain/reorder';

const NAMES: Record<string, string> = { cream: 'Hand Cream', soap: 'Lavender Soap', candle: 'Candle' };
function order(
  kind: PurchaseKind,
  contactId: string,
  purchaseDate: string,
  lines: [productId: string, quantity?: number][],
  extra: Partial<PurchaseRecord> = {},
): PurchaseRecord {
  return purchaseRecord(kind, contactId, purchaseDate, lines, { names: NAMES, extra });
}
const buy = (contactId: string, date: string, ...products: string[]) =>
  order(
    'purchase',
    contactId,
    date,
    products.map((id) => [id]),
  );

const today = '2026-03-01';
const options = { today, lookaheadDays: 7 };
const only = (estimates: ReorderEstimate[]) => {
  expect(estimates).toHaveLength(1);
  return estimates[0] as ReorderEstimate;
};

describe('calendar arithmetic', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('counts days across month ends, leap days and years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2026-01-05', -5)).toBe('2025-12-31');
  });

  it('never shifts a date across a daylight-saving change, whatever the zone', () => {
    for (const tz of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Apia', 'UTC']) {
      process.env.TZ = tz;
      expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2); // US clocks go forward on 03-08
      expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2); // EU clocks go back on 10-25
      expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
      expect(addDays('2026-04-05', 1)).toBe('2026-04-06'); // Lord Howe goes back half an hour
    }
  });

  it('reads years before 100 as they are written', () => {
    expect(addDays('0050-02-28', 1)).toBe('0050-03-01');
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
  });

  it('rejects what is not a date or not a whole number of days', () => {
    expect(() => daysBetween('2026-03-01', 'soon')).toThrow(RangeError);
    expect(() => addDays('2026-03-01', 1.5)).toThrow(RangeError);
  });

  const dates = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2200-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10));

  it('adding the days between two dates leads from one to the other', () => {
    fc.assert(
      fc.property(dates, dates, (from, to) => {
        expect(addDays(from, daysBetween(from, to))).toBe(to);
        expect(daysBetween(to, from) + daysBetween(from, to)).toBe(0);
      }),
    );
  });

  it('agrees with counting midnights in UTC', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -3000, max: 3000 }), (from, days) => {
        const expected = new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000)
          .toISOString()
          .slice(0, 10);
        expect(addDays(from, days)).toBe(expected);
      }),
    );
  });
});

describe('estimateReorders', () => {
  it('needs a product bought on two dates: once gives no estimate', () => {
    expect(estimateReorders([buy('ada', '2026-01-01', 'cream')], options)).toEqual([]);
    const estimate = only(
      estimateReorders([buy('ada', '2026-01-01', 'cream'), buy('ada', '2026-01-31', 'cream')], options),
    );
    expect(estimate).toEqual({
      contactId: 'ada',
      productId: 'cream',
      productName: 'Hand Cream',
      sku: 'CREAM',
      lastPurchaseDate: '2026-01-31',
      lastQuantity: 1,
      intervalDays: 30,
      purchaseCount: 2,
      dueDate: '2026-03-02',
      daysUntilDue: 1,
      due: true,
      lapsed: false,
    });
  });

  it('counts purchases only: samples and deleted records never', () => {
    const records = [
      order('sample', 'ada', '2026-01-01', [['cream']]),
      buy('ada', '2026-01-15', 'cream'),
      buy('ada', '2026-02-01', 'cream'),
      { ...buy('ada', '2026-02-10', 'cream'), deletedAt: '2026-02-11T09:00:00.000Z' },
    ];
    const estimate = only(estimateReorders(records, options));
    expect(estimate.lastPurchaseDate).toBe('2026-02-01');
    expect(estimate.intervalDays).toBe(17);
    expect(estimate.purchaseCount).toBe(2);
  });

  it('takes purchases on the same date as one, with their quantities summed', () => {
    const records = [
      order('purchase', 'ada', '2026-01-10', [['cream', 2]]),
      order('purchase', 'ada', '2026-02-10', [['cream', 1]]),
      order('purchase', 'ada', '2026-02-10', [['cream', 3]]),
    ];
    expect(estimateReorders(records.slice(1), options)).toEqual([]);
    const estimate = only(estimateReorders(records, options));
    expect(estimate).toMatchObject({ intervalDays: 31, purchaseCount: 2, lastQuantity: 4 });
  });

  it('takes the median gap, so one long gap does not move it', () => {
    const dates = ['2025-09-01', '2025-10-01', '2025-10-31', '2026-01-29', '2026-02-28'];
    const estimate = only(
      estimateReorders(
        dates.map((date) => buy('ada', date, 'cream')),
        options,
      ),
    );
    expect(estimate.intervalDays).toBe(30); // gaps 30, 30, 90, 30
    expect(estimate.dueDate).toBe('2026-03-30');
  });

  it('rounds the mean of the two middle gaps half up', () => {
    const twoGaps = ['2026-01-01', '2026-01-21', '2026-02-21'].map((date) => buy('ada', date, 'cream'));
    expect(only(estimateReorders(twoGaps, options)).intervalDays).toBe(26); // gaps 20 and 31 → 25.5
  });

  it('follows a changed habit once it has lasted the recent gaps', () => {
    const monthly = Array.from({ length: 6 }, (_, index) => addDays('2025-01-01', index * 60));
    const weekly = Array.from({ length: 6 }, (_, index) => addDays('2025-10-28', (index + 1) * 14));
    const records = [...monthly, ...weekly].map((date) => buy('ada', date, 'cream'));
    expect(only(estimateReorders(records, options)).intervalDays).toBe(14);
  });

  it('keeps each contact and each product apart, and names the product as last bought', () => {
    const records = [
      buy('ada', '2026-01-01', 'cream', 'soap'),
      buy('ada', '2026-02-01', 'cream'),
      buy('bob', '2026-01-20', 'cream'),
      buy('bob', '2026-01-30', 'cream', 'soap'),
      order('purchase', 'ada', '2026-02-10', [['soap']], {}),
    ];
    const last = records[4] as PurchaseRecord;
    last.lines = last.lines.map((line) => ({ ...line, name: 'Soap (new label)' }));
    const estimates = estimateReorders(records, options).sort((a, b) =>
      `${a.contactId}${a.productId}`.localeCompare(`${b.contactId}${b.productId}`),
    );
    expect(estimates.map((one) => [one.contactId, one.productName, one.intervalDays])).toEqual([
      ['ada', 'Hand Cream', 31],
      ['ada', 'Soap (new label)', 40],
      ['bob', 'Hand Cream', 10],
    ]);
  });
});

describe('dueForReorder', () => {
  /** A cream bought every `interval` days, last on `last`. */
  const history = (contactId: string, last: string, interval: number, product = 'cream') => [
    buy(contactId, addDays(last, -interval), product),
    buy(contactId, last, product),
  ];

  it('lists what is due within the lookahead or overdue, most overdue first', () => {
    const records = [
      ...history('ada', '2026-02-01', 30), // due 03-03: in 2 days
      ...history('bob', '2026-01-01', 30), // due 01-31: overdue by 29
      ...history('cy', '2026-02-08', 28), // due 03-08: in 7 days, the edge of the lookahead
      ...history('dee', '2026-02-09', 28), // due 03-09: in 8 days, not yet
      ...history('eve', '2026-02-01', 28), // due 03-01: today
    ];
    const due = dueForReorder(estimateReorders(records, options), today, 7);
    expect(due.map((one) => [one.contactId, one.daysUntilDue])).toEqual([
      ['bob', -29],
      ['eve', 0],
      ['ada', 2],
      ['cy', 7],
    ]);
    expect(dueForReorder(estimateReorders(records, options), today, 0).map((one) => one.contactId)).toEqual([
      'bob',
      'eve',
    ]);
  });

  it('judges again on the day it is given', () => {
    const estimates = estimateReorders(history('ada', '2026-02-01', 30), options);
    expect(dueForReorder(estimates, '2026-02-01', 7)).toEqual([]);
    expect(dueForReorder(estimates, '2026-03-10', 7)).toMatchObject([{ daysUntilDue: -7, due: true }]);
  });

  it('marks an estimate overdue by more than 3 intervals as lapsed and lists it after the others', () => {
    const records = [
      ...history('ada', '2026-01-30', 10), // due 02-09: overdue by 20, 2 intervals
      ...history('bob', '2026-01-20', 10), // due 01-30: overdue by 30, exactly 3 intervals
      ...history('cy', '2026-01-19', 10), // due 01-29: overdue by 31, lapsed
      ...history('dee', '2025-06-01', 90), // due 08-30: overdue by 183, 2 intervals
    ];
    const due = dueForReorder(estimateReorders(records, options), today, 7);
    expect(due.map((one) => [one.contactId, one.daysUntilDue, one.lapsed])).toEqual([
      ['dee', -183, false],
      ['bob', -30, false],
      ['ada', -20, false],
      ['cy', -31, true],
    ]);
  });
});

describe('dueForContact', () => {
  it('gives one contact’s due reorders, from everyone’s records', () => {
    const records = [
      buy('ada', '2026-01-01', 'cream', 'soap'),
      buy('ada', '2026-01-31', 'cream'),
      buy('ada', '2026-02-20', 'soap'),
      buy('bob', '2026-01-01', 'cream'),
      buy('bob', '2026-01-10', 'cream'),
    ];
    expect(dueForContact(records, 'ada', today, 7).map((one) => [one.productName, one.daysUntilDue])).toEqual(
      [['Hand Cream', 1]],
    );
    expect(dueForContact(records, 'bob', today, 7).map((one) => one.daysUntilDue)).toEqual([-41]);
    expect(dueForContact(records, 'nobody', today, 7)).toEqual([]);
  });
});

describe('describing a due date', () => {
  it('says when in words', () => {
    expect(describeDue(3)).toBe('due in 3 days');
    expect(describeDue(1)).toBe('due in 1 day');
    expect(describeDue(0)).toBe('due today');
    expect(describeDue(-1)).toBe('overdue by 1 day');
    expect(describeDue(-5)).toBe('overdue by 5 days');
    expect(describeInterval(30)).toBe('usually every 30 days');
    expect(describeInterval(1)).toBe('usually every 1 day');
  });
});

describe('reorder properties', () => {
  const anyRecord = fc
    .record({
      kind: fc.constantFrom<PurchaseKind>('purchase', 'purchase', 'sample'),
      contactId: fc.constantFrom('ada', 'bob'),
      day: fc.integer({ min: 0, max: 400 }),
      products: fc.uniqueArray(fc.constantFrom('cream', 'soap', 'candle'), { minLength: 1, maxLength: 3 }),
      quantity: fc.integer({ min: 1, max: 5 }),
      deleted: fc.boolean(),
    })
    .map(({ kind, contactId, day, products, quantity, deleted }) =>
      order(
        kind,
        contactId,
        addDays('2025-03-01', day),
        products.map((id) => [id, quantity]),
        deleted ? { deletedAt: '2026-01-01T00:00:00.000Z' } : {},
      ),
    );
  const histories = fc.array(anyRecord, { maxLength: 40 });
  const key = (one: ReorderEstimate) => `${one.contactId} ${one.productId}`;
  const byKey = (estimates: ReorderEstimate[]) => [...estimates].sort((a, b) => key(a).localeCompare(key(b)));

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(
        histories.chain((records) =>
          fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length })),
        ),
        ([records, shuffled]) => {
          expect(byKey(estimateReorders(shuffled, options))).toEqual(
            byKey(estimateReorders(records, options)),
          );
        },
      ),
    );
  });

  it('estimates within the gaps it saw, due one interval after the last purchase', () => {
    fc.assert(
      fc.property(histories, (records) => {
        for (const estimate of estimateReorders(records, options)) {
          const dates = [
            ...new Set(
              records
                .filter(
                  (record) =>
                    record.kind === 'purchase' &&
                    record.deletedAt === undefined &&
                    record.contactId === estimate.contactId &&
                    record.lines.some((line) => line.productId === estimate.productId),
                )
                .map((record) => record.purchaseDate),
            ),
          ].sort();
          const gaps = dates.slice(1).map((date, index) => daysBetween(dates[index] as string, date));
          expect(estimate.purchaseCount).toBe(dates.length);
          expect(estimate.lastPurchaseDate).toBe(dates.at(-1));
          expect(estimate.intervalDays).toBeGreaterThanOrEqual(Math.min(...gaps));
          expect(estimate.intervalDays).toBeLessThanOrEqual(Math.max(...gaps));
          expect(estimate.dueDate).toBe(addDays(estimate.lastPurchaseDate, estimate.intervalDays));
          expect(estimate.daysUntilDue).toBe(daysBetween(today, estimate.dueDate));
        }
      }),
    );
  });

  it('lists exactly the estimates due within the lookahead, sorted, lapsed last', () => {
    fc.assert(
      fc.property(histories, fc.integer({ min: 0, max: 90 }), (records, lookahead) => {
        const estimates = estimateReorders(records, options);
        const due = dueForReorder(estimates, today, lookahead);
        expect(due.length).toBe(estimates.filter((one) => one.daysUntilDue <= lookahead).length);
        for (const [index, one] of due.entries()) {
          expect(one.daysUntilDue).toBeLessThanOrEqual(lookahead);
          const next = due[index + 1];
          if (next && next.lapsed === one.lapsed)
            expect(one.daysUntilDue).toBeLessThanOrEqual(next.daysUntilDue);
          if (next) expect(Number(one.lapsed)).toBeLessThanOrEqual(Number(next.lapsed));
        }
      }),
    );
  });

  it('finds the interval of a regular buyer exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 0, max: 3000 }),
        (interval, count, start) => {
          const first = addDays('2020-01-01', start);
          const records = Array.from({ length: count }, (_, index) =>
            buy('ada', addDays(first, index * interval), 'cream'),
          );
          const estimate = only(estimateReorders(records, options));
          expect(estimate.intervalDays).toBe(interval);
          expect(estimate.dueDate).toBe(addDays(first, count * interval));
        },
      ),
    );
  });
});
