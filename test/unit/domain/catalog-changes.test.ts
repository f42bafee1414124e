import { describe, expect, it } from 'vitest';
import {
  catalogDiffKey,
  describeChange,
  describeUpdate,
  diffCatalog,
  type CatalogEntry,
} from '../../../src/domain/catalog-changes';
import type { Product } from '../../../src/domain/product';

const usd = (minor: number) => ({ minor, currency: 'USD' });

function stored(entry: CatalogEntry, extra: Partial<Product> = {}): Product {
  return {
    ...entry,
    id: `00000000-0000-4000-8000-${entry.sku.replace(/\D/g, '').padStart(12, '0')}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    searchText: entry.sku.toLowerCase(),
    ...extra,
  };
}

const cream: CatalogEntry = {
  sku: 'NW-1001',
  name: 'Hand Cream',
  price: usd(1250),
  category: 'Skin',
  barcode: '2000000010015',
  extra: { Colour: 'white' },
};

describe('diffCatalog', () => {
  it('sorts entries into new, updated with each change, and unchanged, by SKU', () => {
    const candle: CatalogEntry = { sku: 'NW-1002', name: 'Candle', price: usd(900), extra: {} };
    const soap: CatalogEntry = { sku: 'NW-1003', name: 'Soap', price: usd(300), extra: {} };
    const diff = diffCatalog(
      [stored(cream), stored(candle)],
      [{ ...cream, price: usd(1300), name: 'Hand Cream 50 ml' }, candle, soap],
    );
    expect(diff.created).toEqual([soap]);
    expect(diff.unchanged.map((entry) => entry.sku)).toEqual(['NW-1002']);
    expect(diff.updated).toHaveLength(1);
    expect(diff.updated[0]?.changes).toEqual([
      { field: 'name', before: 'Hand Cream', after: 'Hand Cream 50 ml' },
      { field: 'price', before: usd(1250), after: usd(1300) },
    ]);
    expect(describeUpdate(diff.updated[0]!, 'en-US')).toBe(
      'NW-1001 Hand Cream: name “Hand Cream” → “Hand Cream 50 ml”; price $12.50 → $13.00',
    );
  });

  it('counts a currency change as a price change', () => {
    const diff = diffCatalog([stored(cream)], [{ ...cream, price: { minor: 1250, currency: 'EUR' } }]);
    expect(diff.updated[0]?.changes).toEqual([
      { field: 'price', before: usd(1250), after: { minor: 1250, currency: 'EUR' } },
    ]);
  });

  it('clears an optional field the entry leaves empty, unless the source says nothing about it', () => {
    const bare: CatalogEntry = { sku: 'NW-1001', name: 'Hand Cream', price: usd(1250), extra: {} };
    const cleared = diffCatalog([stored(cream)], [bare]);
    expect(cleared.updated[0]?.changes).toEqual([
      { field: 'category', before: 'Skin' },
      { field: 'barcode', before: '2000000010015' },
    ]);
    expect(describeChange(cleared.updated[0]!.changes[0]!)).toBe('category “Skin” → (none)');
    const kept = diffCatalog([stored(cream)], [bare], { keep: ['category', 'barcode'] });
    expect(kept.updated).toEqual([]);
    expect(kept.unchanged).toEqual([cream]);
  });

  it('merges extra columns by name: a file without a column never erases it', () => {
    const diff = diffCatalog([stored(cream)], [{ ...cream, extra: { Size: '50 ml' } }]);
    expect(diff.updated[0]?.after.extra).toEqual({ Colour: 'white', Size: '50 ml' });
    expect(diff.updated[0]?.changes).toEqual([{ field: 'extra', column: 'Size', after: '50 ml' }]);
    expect(describeChange(diff.updated[0]!.changes[0]!)).toBe('“Size” (none) → “50 ml”');
    const changed = diffCatalog([stored(cream)], [{ ...cream, extra: { Colour: 'pink' } }]);
    expect(describeChange(changed.updated[0]!.changes[0]!)).toBe('“Colour” “white” → “pink”');
  });

  it('keeps a column named __proto__ as a plain column', () => {
    const extra = JSON.parse('{"__proto__":"x"}') as Record<string, string>;
    const diff = diffCatalog([stored(cream)], [{ ...cream, extra }]);
    expect(Object.hasOwn(diff.updated[0]!.after.extra, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(diff.updated[0]!.after.extra)).toBe(Object.prototype);
  });

  it('brings back a removed product', () => {
    const diff = diffCatalog([stored(cream, { deletedAt: '2026-02-01T00:00:00.000Z' })], [cream]);
    expect(diff.updated[0]?.changes).toEqual([{ field: 'restored' }]);
    expect(describeChange({ field: 'restored' })).toBe('back in the catalog');
  });

  it('refuses the same SKU twice as a programming error', () => {
    expect(() => diffCatalog([], [cream, cream])).toThrow(RangeError);
  });
});

describe('catalogDiffKey', () => {
  it('is the same for the same outcome and differs when the catalog moved', () => {
    const entries = [{ ...cream, price: usd(1300) }];
    const before = catalogDiffKey(diffCatalog([stored(cream)], entries));
    expect(catalogDiffKey(diffCatalog([stored(cream)], entries))).toBe(before);
    // Someone changed the stored price meanwhile: the same file now changes something else.
    expect(catalogDiffKey(diffCatalog([stored({ ...cream, price: usd(1260) })], entries))).not.toBe(before);
    // Someone added the product meanwhile: no longer new.
    expect(catalogDiffKey(diffCatalog([], entries))).not.toBe(before);
  });
});
