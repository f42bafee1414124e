import { describe, expect, it } from 'vitest';
import { pairScore, priceAgreement, type PairFacts } from '../../../src/reconcile/line-score';
import { PRODUCT_NAME_THRESHOLD } from '../../../src/reconcile/product-name';

const facts = (overrides: Partial<PairFacts>): PairFacts => ({
  product: { by: 'sku', similarity: 1 },
  dayShift: 0,
  sameQuantity: true,
  price: 'equal',
  ...overrides,
});
const score = (overrides: Partial<PairFacts>) => pairScore(facts(overrides));

describe('priceAgreement', () => {
  it('tells equal, within the tolerance, beyond it, and another currency', () => {
    expect(priceAgreement(1250, 1250, true, 0.05)).toBe('equal');
    expect(priceAgreement(1250, 1300, true, 0.05)).toBe('within');
    expect(priceAgreement(1250, 1312, true, 0.05)).toBe('within');
    expect(priceAgreement(1250, 1313, true, 0.05)).toBe('beyond');
    expect(priceAgreement(1250, 1188, true, 0.05)).toBe('within');
    expect(priceAgreement(0, 1, true, 0.5)).toBe('beyond');
    expect(priceAgreement(1250, 1250, false, 0.05)).toBe('otherCurrency');
  });

  it('keeps a difference of exactly the tolerance within it, however the fraction rounds in binary', () => {
    // 0.29 × 100 is 28.999999999999996 in floating point.
    expect(priceAgreement(10000, 12900, true, 0.29)).toBe('within');
    expect(priceAgreement(10000, 7100, true, 0.29)).toBe('within');
    expect(priceAgreement(10000, 12901, true, 0.29)).toBe('beyond');
    expect(priceAgreement(100, 129, true, 0.29)).toBe('within');
  });
});

describe('pairScore', () => {
  it('ranks a SKU above the same name, and a closer name above a looser one', () => {
    expect(score({})).toBeGreaterThan(score({ product: { by: 'name', similarity: 1 } }));
    expect(score({ product: { by: 'name', similarity: 0.98 } })).toBeGreaterThan(
      score({ product: { by: 'name', similarity: PRODUCT_NAME_THRESHOLD } }),
    );
  });

  it('prefers a near-identical name on the very day to the SKU two days off', () => {
    expect(score({ product: { by: 'name', similarity: 0.97 } })).toBeGreaterThan(score({ dayShift: 2 }));
  });

  it('weighs a day of shift below another quantity, three days above it', () => {
    expect(score({ dayShift: 1 })).toBeGreaterThan(score({ sameQuantity: false }));
    expect(score({ sameQuantity: false })).toBeGreaterThan(score({ dayShift: 3 }));
  });

  it('ranks equal prices above rounded ones, rounded above different ones', () => {
    expect(score({})).toBeGreaterThan(score({ price: 'within' }));
    expect(score({ price: 'within' })).toBeGreaterThan(score({ price: 'beyond' }));
  });

  it('puts any pair in another currency below any in the same currency, and above zero', () => {
    const bestOther = score({ price: 'otherCurrency' });
    const worstSame = score({
      product: { by: 'name', similarity: PRODUCT_NAME_THRESHOLD },
      dayShift: 30,
      sameQuantity: false,
      price: 'beyond',
    });
    const worstOther = score({
      product: { by: 'name', similarity: PRODUCT_NAME_THRESHOLD },
      dayShift: 30,
      sameQuantity: false,
      price: 'otherCurrency',
    });
    expect(bestOther).toBeLessThan(worstSame);
    expect(worstOther).toBeGreaterThan(0);
  });
});
