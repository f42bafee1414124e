import fc from 'fast-check';
import { purchaseRecord } from '../../support/purchase-records';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../src/domain/calendar';
import type { PurchaseKind, PurchaseRecord } from '../../../src/domain/purchase';
import { sampleConversion } from '../../../src/domain/sample-conversion';

const NAMES: Record<string, string> = { cream: 'Hand Cream', soap: 'Lavender Soap', candle: 'Candle' };
function order(
  kind: PurchaseKind,
  contactId: string,
  purchaseDate: string,
  products: string[],
  extra: Partial<PurchaseRecord> = {},
): PurchaseRecord {
  return purchaseRecord(
    kind,
    contactId,
    purchaseDate,
    products.map((productId) => [productId] as const),
    { names: NAMES, extra },
  );
}
const sample = (contactId: string, date: string, ...products: string[]) =>
  order('sample', contactId, date, products);
const buy = (contactId: string, date: string, ...products: string[]) =>
  order('purchase', contactId, date, products);

/** [samples, converted] per product name, in the report's order. */
const counts = (records: PurchaseRecord[], windowDays = 30) =>
  sampleConversion(records, windowDays).products.map((one) => [one.productName, one.samples, one.converted]);

describe('sampleConversion', () => {
  it('converts a sample bought within the window, both ends included', () => {
    expect(counts([sample('ada', '2026-01-01', 'cream'), buy('ada', '2026-01-01', 'cream')])).toEqual([
      ['Hand Cream', 1, 1],
    ]);
    expect(counts([sample('ada', '2026-01-01', 'cream'), buy('ada', '2026-01-31', 'cream')])).toEqual([
      ['Hand Cream', 1, 1],
    ]);
    expect(counts([sample('ada', '2026-01-01', 'cream'), buy('ada', '2026-02-01', 'cream')])).toEqual([
      ['Hand Cream', 1, 0],
    ]);
    expect(counts([sample('ada', '2026-01-01', 'cream'), buy('ada', '2026-02-01', 'cream')], 31)).toEqual([
      ['Hand Cream', 1, 1],
    ]);
  });

  it('needs the same contact to buy the same product, after the sample', () => {
    expect(
      counts([
        sample('ada', '2026-01-10', 'cream'),
        buy('ada', '2026-01-09', 'cream'), // before the sample
        buy('bob', '2026-01-12', 'cream'), // someone else
        buy('ada', '2026-01-12', 'soap'), // something else
      ]),
    ).toEqual([['Hand Cream', 1, 0]]);
  });

  it('lets one purchase convert one sample only', () => {
    const twoSamples = [sample('ada', '2026-01-01', 'cream'), sample('ada', '2026-01-10', 'cream')];
    expect(counts([...twoSamples, buy('ada', '2026-01-15', 'cream')])).toEqual([['Hand Cream', 2, 1]]);
    expect(
      counts([...twoSamples, buy('ada', '2026-01-15', 'cream'), buy('ada', '2026-02-05', 'cream')]),
    ).toEqual([['Hand Cream', 2, 2]]);
  });

  it('pairs samples and purchases so that as many samples as possible convert', () => {
    // Both purchases fall in the first sample's window; were it to take the later one, the
    // second sample (window from 01-31) would find nothing left.
    const records = [
      sample('ada', '2026-01-01', 'cream'),
      sample('ada', '2026-01-31', 'cream'),
      buy('ada', '2026-01-25', 'cream'),
      buy('ada', '2026-01-31', 'cream'),
    ];
    expect(counts(records)).toEqual([['Hand Cream', 2, 2]]);
  });

  it('takes records of a product on the same date as one sample or one purchase', () => {
    const records = [
      sample('ada', '2026-01-01', 'cream'),
      sample('ada', '2026-01-01', 'cream'),
      sample('ada', '2026-01-01', 'cream', 'soap'),
      buy('ada', '2026-01-05', 'cream'),
      buy('ada', '2026-01-05', 'cream'),
      sample('ada', '2026-01-06', 'cream'),
    ];
    expect(counts(records)).toEqual([
      ['Hand Cream', 2, 1],
      ['Lavender Soap', 1, 0],
    ]);
  });

  it('ignores deleted samples and deleted purchases', () => {
    const deletedAt = '2026-01-20T10:00:00.000Z';
    const records = [
      sample('ada', '2026-01-01', 'cream'),
      { ...buy('ada', '2026-01-05', 'cream'), deletedAt },
      { ...sample('bob', '2026-01-01', 'cream'), deletedAt },
    ];
    expect(counts(records)).toEqual([['Hand Cream', 1, 0]]);
  });

  it('reports each sampled product, most sampled first, and the overall rate', () => {
    const records = [
      sample('ada', '2026-01-01', 'soap', 'cream'),
      sample('bob', '2026-01-01', 'cream'),
      sample('cy', '2026-01-02', 'cream', 'candle'),
      buy('ada', '2026-01-03', 'cream'),
      buy('bob', '2026-01-20', 'cream', 'soap'),
      buy('cy', '2026-01-02', 'candle'),
      buy('dee', '2026-01-02', 'cream'), // never sampled: bought, but nothing converted
    ];
    const report = sampleConversion(records, 30);
    expect(
      report.products.map(({ productName, samples, converted, rate }) => [
        productName,
        samples,
        converted,
        rate,
      ]),
    ).toEqual([
      ['Hand Cream', 3, 2, 2 / 3],
      ['Candle', 1, 1, 1],
      ['Lavender Soap', 1, 0, 0],
    ]);
    expect(report.products[0]).toMatchObject({ productId: 'cream', sku: 'CREAM' });
    expect(report.overall).toEqual({ samples: 5, converted: 3, pending: 0, rate: 3 / 5 });
  });

  it('has no rate without samples', () => {
    expect(sampleConversion([buy('ada', '2026-01-01', 'cream')], 30)).toEqual({
      products: [],
      overall: { samples: 0, converted: 0, pending: 0, rate: null },
    });
  });

  it('counts unconverted samples whose window is still open on today as pending', () => {
    const records = [
      sample('ada', '2026-01-01', 'cream'), // window closed on 01-31
      sample('bob', '2026-02-01', 'cream'), // window open until 03-03
      sample('cy', '2026-02-15', 'cream'), // converted
      buy('cy', '2026-02-20', 'cream'),
    ];
    expect(sampleConversion(records, 30, '2026-03-03').overall).toMatchObject({
      samples: 3,
      converted: 1,
      pending: 1,
    });
    expect(sampleConversion(records, 30, '2026-03-04').overall.pending).toBe(0);
    expect(sampleConversion(records, 30).overall.pending).toBe(0);
  });
});

describe('sample conversion properties', () => {
  const anyRecord = fc
    .record({
      kind: fc.constantFrom<PurchaseKind>('purchase', 'sample'),
      contactId: fc.constantFrom('ada', 'bob'),
      day: fc.integer({ min: 0, max: 120 }),
      products: fc.uniqueArray(fc.constantFrom('cream', 'soap', 'candle'), { minLength: 1, maxLength: 3 }),
      deleted: fc.integer({ min: 0, max: 4 }).map((roll) => roll === 0),
    })
    .map(({ kind, contactId, day, products, deleted }) =>
      order(
        kind,
        contactId,
        addDays('2026-01-01', day),
        products,
        deleted ? { deletedAt: '2026-06-01T00:00:00.000Z' } : {},
      ),
    );
  const histories = fc.array(anyRecord, { maxLength: 30 });
  const windows = fc.integer({ min: 1, max: 365 });

  it('keeps counts and rates consistent', () => {
    fc.assert(
      fc.property(histories, windows, (records, windowDays) => {
        const report = sampleConversion(records, windowDays, '2026-03-01');
        for (const product of report.products) {
          expect(product.converted).toBeLessThanOrEqual(product.samples);
          expect(product.pending).toBeLessThanOrEqual(product.samples - product.converted);
          expect(product.rate).toBe(product.converted / product.samples);
        }
        const sum = (pick: (one: (typeof report.products)[number]) => number) =>
          report.products.reduce((total, one) => total + pick(one), 0);
        expect(report.overall.samples).toBe(sum((one) => one.samples));
        expect(report.overall.converted).toBe(sum((one) => one.converted));
        const samples = report.products.map((one) => one.samples);
        expect(samples).toEqual([...samples].sort((a, b) => b - a));
      }),
    );
  });

  it('converts as many samples as the best pairing of samples with purchases', () => {
    fc.assert(
      fc.property(histories, windows, (records, windowDays) => {
        const live = records.filter((record) => record.deletedAt === undefined);
        expect(sampleConversion(records, windowDays).overall.converted).toBe(bestPairing(live, windowDays));
      }),
    );
  });

  it('never converts fewer with a longer window or one more purchase', () => {
    fc.assert(
      fc.property(histories, windows, anyRecord, (records, windowDays, extra) => {
        const converted = sampleConversion(records, windowDays).overall.converted;
        expect(sampleConversion(records, windowDays + 1).overall.converted).toBeGreaterThanOrEqual(converted);
        const purchase = { ...extra, kind: 'purchase' as const };
        expect(sampleConversion([...records, purchase], windowDays).overall.converted).toBeGreaterThanOrEqual(
          converted,
        );
      }),
    );
  });
});

/**
 * The most samples that can each be paired with a different purchase in their window, found the
 * slow, obvious way: augmenting paths over every (sample, purchase) pair of each contact and product.
 */
function bestPairing(records: PurchaseRecord[], windowDays: number): number {
  const occasions = (kind: PurchaseKind) => [
    ...new Set(
      records
        .filter((record) => record.kind === kind)
        .flatMap((record) =>
          record.lines.map((line) => `${record.contactId}|${line.productId}|${record.purchaseDate}`),
        ),
    ),
  ];
  const samples = occasions('sample').map((key) => key.split('|'));
  const purchases = occasions('purchase').map((key) => key.split('|'));
  const fits = (s: string[], p: string[]) => {
    if (s[0] !== p[0] || s[1] !== p[1]) return false;
    const days = daysBetween(s[2] as string, p[2] as string);
    return days >= 0 && days <= windowDays;
  };
  const owner = new Map<number, number>(); // purchase index → sample index
  const augment = (sampleIndex: number, seen: Set<number>): boolean => {
    for (const [purchaseIndex, purchase] of purchases.entries()) {
      if (seen.has(purchaseIndex) || !fits(samples[sampleIndex] as string[], purchase)) continue;
      seen.add(purchaseIndex);
      const current = owner.get(purchaseIndex);
      if (current === undefined || augment(current, seen)) {
        owner.set(purchaseIndex, sampleIndex);
        return true;
      }
    }
    return false;
  };
  return samples.filter((_, index) => augment(index, new Set())).length;
}
