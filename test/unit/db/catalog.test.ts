import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import {
  addProduct,
  catalogCurrency,
  CatalogChangedError,
  findProductBySku,
  importCatalog,
  previewCatalogImport,
  productNamesBySku,
  saveProduct,
  type ProductInput,
} from '../../../src/db/products';
import { catalogDiffKey } from '../../../src/domain/catalog-changes';

const usd = (minor: number) => ({ minor, currency: 'USD' });
const cream: ProductInput = {
  sku: 'NW-1',
  name: 'Hand Cream',
  price: usd(1250),
  category: 'Skin',
  barcode: '2000000000015',
  extra: { Colour: 'white' },
};
const candle: ProductInput = { sku: 'NW-2', name: 'Candle', price: usd(900), extra: {} };

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('catalog import with a preview', () => {
  it('previews without writing, then imports what the preview showed', async () => {
    await importCatalog(db, [cream]);
    const file = [{ ...cream, price: usd(1300) }, candle];
    const preview = await previewCatalogImport(db, file);
    expect(preview.created.map((entry) => entry.sku)).toEqual(['NW-2']);
    expect(preview.updated.map((update) => update.changes)).toEqual([
      [{ field: 'price', before: usd(1250), after: usd(1300) }],
    ]);
    expect(await db.products.count()).toBe(1);
    expect(await importCatalog(db, file, { expected: catalogDiffKey(preview) })).toEqual({
      created: 1,
      updated: 1,
      unchanged: 0,
    });
    expect((await findProductBySku(db, 'NW-1'))?.price).toEqual(usd(1300));
  });

  it('writes nothing when the catalog changed since the preview, and says what it would do now', async () => {
    const preview = await previewCatalogImport(db, [cream, candle]);
    // Meanwhile the sidebar captured one of the file's products.
    await saveProduct(db, { ...candle, price: usd(950) });
    const write = importCatalog(db, [cream, candle], { expected: catalogDiffKey(preview) });
    await expect(write).rejects.toBeInstanceOf(CatalogChangedError);
    const now = ((await write.catch((error: unknown) => error)) as CatalogChangedError).diff;
    expect(now.created.map((entry) => entry.sku)).toEqual(['NW-1']);
    expect(now.updated.map((update) => update.before.sku)).toEqual(['NW-2']);
    expect(await db.products.count()).toBe(1);
    expect((await findProductBySku(db, 'NW-2'))?.price).toEqual(usd(950));
  });

  it('keeps the fields and columns a file has none for, and the product’s id', async () => {
    await importCatalog(db, [cream]);
    const before = await findProductBySku(db, 'NW-1');
    const priceOnly = { sku: 'NW-1', name: 'Hand Cream', price: usd(1300), extra: { Size: '50 ml' } };
    await importCatalog(db, [priceOnly], { keep: ['category', 'barcode'] });
    const after = await findProductBySku(db, 'NW-1');
    expect(after).toMatchObject({
      id: before?.id,
      createdAt: before?.createdAt,
      category: 'Skin',
      barcode: '2000000000015',
      price: usd(1300),
      extra: { Colour: 'white', Size: '50 ml' },
    });
  });

  it('refuses a negative price, writing nothing', async () => {
    await expect(importCatalog(db, [candle, { ...cream, price: usd(-1) }])).rejects.toThrow(/negative/);
    expect(await db.products.count()).toBe(0);
  });
});

describe('product names by SKU', () => {
  it("gives the catalog's names of the SKUs it has, and leaves out the others", async () => {
    await importCatalog(db, [cream, candle]);
    expect(await productNamesBySku(db, ['NW-2', 'NW-9', 'NW-1'])).toEqual(
      new Map([
        ['NW-1', 'Hand Cream'],
        ['NW-2', 'Candle'],
      ]),
    );
    expect(await productNamesBySku(db, [])).toEqual(new Map());
  });
});

describe('one product at a time', () => {
  it('adds by hand, and leaves an existing SKU exactly as it was', async () => {
    expect(await addProduct(db, cream)).toMatchObject({ outcome: 'added', product: { sku: 'NW-1' } });
    const stored = await findProductBySku(db, 'NW-1');
    expect(await addProduct(db, { ...cream, name: 'Other' })).toEqual({ outcome: 'exists', product: stored });
    expect(await findProductBySku(db, 'NW-1')).toEqual(stored);
    expect(await db.products.count()).toBe(1);
  });

  it('saves a captured product: added, updated by SKU keeping its columns, or unchanged', async () => {
    expect(await saveProduct(db, cream)).toBe('added');
    expect(await saveProduct(db, { ...cream, extra: {} })).toBe('unchanged');
    expect(await saveProduct(db, { ...cream, price: usd(1400), extra: {} })).toBe('updated');
    expect(await findProductBySku(db, ' NW-1 ')).toMatchObject({
      price: usd(1400),
      extra: { Colour: 'white' },
    });
  });

  it('knows the catalog’s usual currency', async () => {
    expect(await catalogCurrency(db)).toBeUndefined();
    await importCatalog(db, [
      cream,
      { ...candle, price: { minor: 900, currency: 'EUR' } },
      { ...candle, sku: 'NW-3', price: { minor: 100, currency: 'EUR' } },
    ]);
    expect(await catalogCurrency(db)).toBe('EUR');
  });
});
