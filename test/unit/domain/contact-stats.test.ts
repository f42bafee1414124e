import { describe, expect, it } from 'vitest';
import { inPeriod, spendIn, spendSummary, statsByContact } from '../../../src/domain/contact-stats';
import type { PurchaseLine, PurchaseRecord } from '../../../src/domain/purchase';

const ada = crypto.randomUUID();
const bob = crypto.randomUUID();
const line = (quantity: number, minor: number, currency = 'USD'): PurchaseLine => ({
  productId: crypto.randomUUID(),
  sku: 'NW-1',
  name: 'Hand Cream',
  quantity,
  unitPrice: { minor, currency },
  catalogPrice: { minor, currency },
});
function record(purchaseDate: string, options: Partial<PurchaseRecord> = {}): PurchaseRecord {
  const lines = options.lines ?? [line(1, 1000)];
  const at = `${purchaseDate}T12:00:00.000Z`;
  return {
    id: crypto.randomUUID(),
    createdAt: at,
    updatedAt: at,
    contactId: ada,
    kind: 'purchase',
    purchaseDate,
    currency: lines[0]?.unitPrice.currency ?? 'USD',
    lines,
    ...options,
  };
}

describe('contact stats', () => {
  const records = [
    record('2026-10-01', { lines: [line(2, 1250)] }),
    record('2026-11-03', { lines: [line(1, 999)] }),
    record('2026-11-09', { kind: 'sample', lines: [line(1, 500)] }),
    record('2026-11-05', { lines: [line(1, 700, 'EUR')] }),
    record('2026-12-01', { deletedAt: '2026-11-06T00:00:00.000Z' }),
  ];

  it('sums spend per currency over purchases only, with first, last and average order', () => {
    expect(spendSummary(records)).toEqual({
      purchaseCount: 3,
      lifetimeSpend: [
        { minor: 3499, currency: 'USD' },
        { minor: 700, currency: 'EUR' },
      ],
      averageOrder: [
        { minor: 1750, currency: 'USD' },
        { minor: 700, currency: 'EUR' },
      ],
      firstPurchaseDate: '2026-10-01',
      lastPurchaseDate: '2026-11-05',
    });
    expect(spendSummary([])).toEqual({
      purchaseCount: 0,
      lifetimeSpend: [],
      averageOrder: [],
      firstPurchaseDate: null,
      lastPurchaseDate: null,
    });
  });

  it('counts only the chosen period, both ends included', () => {
    const november = spendSummary(records, { from: '2026-11-01', to: '2026-11-05' });
    expect(november.purchaseCount).toBe(2);
    expect(november.firstPurchaseDate).toBe('2026-11-03');
    expect(inPeriod('2026-11-05', { to: '2026-11-05' })).toBe(true);
    expect(inPeriod('2026-11-06', { to: '2026-11-05' })).toBe(false);
    expect(inPeriod('2026-01-01', undefined)).toBe(true);
  });

  it('keeps each contact apart in one pass, and leaves out contacts with no purchases', () => {
    const stats = statsByContact([
      ...records,
      record('2026-09-09', { contactId: bob, lines: [line(3, 100)] }),
      record('2026-09-10', { contactId: crypto.randomUUID(), kind: 'sample' }),
    ]);
    expect(stats.size).toBe(2);
    expect(stats.get(bob)?.lifetimeSpend).toEqual([{ minor: 300, currency: 'USD' }]);
    const adaStats = stats.get(ada);
    expect(adaStats && spendIn(adaStats, 'USD')).toBe(3499);
    expect(adaStats && spendIn(adaStats, 'GBP')).toBe(0);
  });
});
