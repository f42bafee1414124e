import { createProductIndex, type ProductIndex } from '../../domain/product-search';
import type { TallyDatabase } from '../../db/database';
import { loadCatalog } from '../../db/products';

/**
 * The catalog's search index, built once per sidebar and rebuilt only when the catalog changed
 * (another product count or a later update): indexing 50,000 products is the slow part of a
 * first search, so the sidebar starts it before the rep clicks `Record purchase`.
 */
export function createCatalogCache(db: TallyDatabase) {
  let cached: { version: string; index: Promise<ProductIndex> } | null = null;

  async function catalogVersion(): Promise<string> {
    const [count, latest] = await Promise.all([db.products.count(), db.products.orderBy('updatedAt').last()]);
    return `${count}:${latest?.updatedAt ?? ''}`;
  }

  async function get(): Promise<ProductIndex> {
    const version = await catalogVersion();
    if (cached?.version !== version) {
      const index = loadCatalog(db).then(createProductIndex);
      cached = { version, index };
      // A failed load is not kept: the next search tries again.
      index.catch(() => {
        if (cached?.index === index) cached = null;
      });
    }
    return cached.index;
  }

  return { get };
}
