import { nowInstant } from '../domain/dates';
import { Product, productSearchText } from '../domain/product';
import type { TallyDatabase } from './database';

/** A product as a catalog file gives it, before Tally gives it an id. */
export type ProductInput = Pick<Product, 'sku' | 'name' | 'price' | 'category' | 'barcode' | 'extra'>;

export interface CatalogImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes a catalog import in one transaction: a product whose SKU is known is updated in place
 * (same id, so recorded orders keep pointing at it), a new SKU is created. All or nothing.
 */
export async function importCatalog(
  db: TallyDatabase,
  inputs: readonly ProductInput[],
): Promise<CatalogImportSummary> {
  const now = nowInstant();
  return db.transaction('rw', db.products, async () => {
    const existing = await db.products
      .where('sku')
      .anyOf(inputs.map((input) => input.sku))
      .toArray();
    const bySku = new Map(existing.map((product) => [product.sku, product]));
    const summary: CatalogImportSummary = { created: 0, updated: 0, unchanged: 0 };
    const writes: Product[] = [];
    for (const input of inputs) {
      const known = bySku.get(input.sku);
      const next = Product.parse({
        ...stripUndefined(input),
        id: known?.id ?? crypto.randomUUID(),
        createdAt: known?.createdAt ?? now,
        updatedAt: now,
        searchText: productSearchText(input),
      });
      if (known && sameProduct(known, next)) {
        summary.unchanged += 1;
        continue;
      }
      summary[known ? 'updated' : 'created'] += 1;
      writes.push(next);
    }
    await db.products.bulkPut(writes);
    return summary;
  });
}

export async function loadCatalog(db: TallyDatabase): Promise<Product[]> {
  return db.products.toArray();
}

function sameProduct(a: Product, b: Product): boolean {
  const fields = (product: Product) =>
    JSON.stringify([
      product.sku,
      product.name,
      product.price,
      product.category,
      product.barcode,
      product.extra,
      product.deletedAt,
    ]);
  return fields(a) === fields(b);
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
