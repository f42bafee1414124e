import { describe, expect, it } from 'vitest';
import { createProductMatcher } from '../../../src/reconcile/match-product';
import {
  PRODUCT_NAME_THRESHOLD,
  productNameSimilarity,
  productWords,
} from '../../../src/reconcile/product-name';

const similarity = (a: string, b: string) => productNameSimilarity(productWords(a), productWords(b));

describe('product name similarity', () => {
  it.each([
    ['Org. Green Tea 500g', 'Organic green tea 500 g'],
    ['ORGANIC GREEN TEA 500G', 'Organic green tea 500 g'],
    ['Org. Grn Tea 500g', 'Organic Green Tea 500 g'],
    ['Hand Crm 50ml', 'Hand Cream 50 ml'],
    ['Lav. Soap', 'Lavender Soap'],
    ['Crème brûlée candle', 'Creme Brulee Candle'],
    ['Moisturiser', 'Moisturizer'],
    ['Tea, green (organic) 500g', 'Organic green tea 500g'],
    ['ORG GRN TEA 500G', 'Organic Green Tea 500 g'],
    ['Rosem. Soap', 'Rosemary Soap'],
    ['Beeswax Candles', 'Beeswax Candle'],
  ])('%s is %s', (a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(PRODUCT_NAME_THRESHOLD);
  });

  it.each([
    ['Hand Cream 50ml', 'Hand Cream 100ml'],
    ['Green Tea 500g', 'Green Tea'],
    ['Green Tea 500g', 'Organic Green Tea 500g'],
    ['Tea 500g', 'Treacle 500g'],
    ['Lavender Soap', 'Lavender Candle'],
    ['Soap', 'Lavender Soap'],
    ['Pack of 2', 'Pack of 3'],
    // A whole word that begins a longer one is another product, not its abbreviation.
    ['Rose Soap', 'Rosemary Soap'],
    ['Lemon Tea', 'Lemongrass Tea'],
    ['Pepper Tea', 'Peppermint Tea'],
    ['Green Tea', 'Green Teapot'],
    ['Lip Balm', 'Lipstick Balm'],
    ['Pen', 'Pencil'],
  ])('%s is not %s', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(PRODUCT_NAME_THRESHOLD);
  });
});

describe('matchProduct', () => {
  const { keysOf, matchProduct } = createProductMatcher();

  it('matches the same SKU whatever its case, spaces or punctuation', () => {
    expect(matchProduct(keysOf('GT-500', 'Green tea'), keysOf(' gt500 ', 'Something else'))).toEqual({
      by: 'sku',
      similarity: 1,
    });
  });

  it('falls back to the name when a side has no SKU', () => {
    expect(
      matchProduct(keysOf('GT-500', 'Organic green tea 500 g'), keysOf(undefined, 'Org. Green Tea 500g')),
    ).toEqual({ by: 'name', similarity: expect.closeTo(0.98, 2) });
    expect(matchProduct(keysOf('GT-500', 'Organic green tea 500 g'), keysOf('  ', 'Honey 250g'))).toBeNull();
  });

  it('takes two different SKUs for different products unless the names are the same words', () => {
    expect(matchProduct(keysOf('GT-500', 'Green tea 500g'), keysOf('SHOP-77', 'GREEN TEA 500 G'))).toEqual({
      by: 'name',
      similarity: 1,
    });
    expect(
      matchProduct(keysOf('GT-500', 'Organic green tea 500g'), keysOf('GT-501', 'Org. green tea 500g')),
    ).toBeNull();
    // An abbreviation mark does not make other words.
    expect(matchProduct(keysOf('GT-500', 'Org. green tea'), keysOf('SHOP-77', 'ORG GREEN TEA'))).toEqual({
      by: 'name',
      similarity: 1,
    });
  });

  it('never matches two lines without a name or SKU', () => {
    expect(matchProduct(keysOf(undefined, ''), keysOf(undefined, undefined))).toBeNull();
  });
});
