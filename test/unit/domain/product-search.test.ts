import { describe, expect, it } from 'vitest';
import { productSearchText, type Product } from '../../../src/domain/product';
import { searchProducts } from '../../../src/domain/product-search';

function product(sku: string, name: string): Product {
  return {
    id: crypto.randomUUID(),
    sku,
    name,
    price: { minor: 100, currency: 'USD' },
    extra: {},
    searchText: productSearchText({ sku, name }),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const catalog = [
  product('NW-1001', 'Lavender Hand Cream'),
  product('NW-1002', 'Crème brûlée Candle'),
  product('NW-10021', 'Hand Soap Refill'),
  product('XX-1', 'Travel Kit with NW-1002 inside'),
];

describe('product search', () => {
  it('puts an exact SKU first, then SKUs that start with the query', () => {
    expect(searchProducts(catalog, 'nw-1002').map((found) => found.sku)).toEqual([
      'NW-1002',
      'NW-10021',
      'XX-1',
    ]);
  });

  it('matches every word, in any order, ignoring case and accents', () => {
    expect(searchProducts(catalog, 'cream hand').map((found) => found.sku)).toEqual(['NW-1001']);
    expect(searchProducts(catalog, 'creme brulee').map((found) => found.sku)).toEqual(['NW-1002']);
  });

  it('finds nothing for an empty query and honours the limit', () => {
    expect(searchProducts(catalog, '   ')).toEqual([]);
    expect(searchProducts(catalog, 'nw', 1)).toHaveLength(1);
  });
});
