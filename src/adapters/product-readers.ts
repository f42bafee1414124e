import { northwindProduct } from './northwind-product';
import type { PageProduct, ProductReader } from './product-reader';
import { schemaOrgProduct } from './schema-org-product';

/** Every product reader, the specific ones before the generic schema.org one. */
export const productReaders: readonly ProductReader[] = [northwindProduct, schemaOrgProduct];

/**
 * The product the page shows, from the first reader whose URL filter and DOM check pass and
 * that finds one; null when none does. Never throws: an odd page has no product, not a crash.
 */
export function readPageProduct(doc: Document, url: URL): PageProduct | null {
  for (const reader of productReaders) {
    try {
      if (!reader.matches(url) || !reader.detect(doc)) continue;
      const product = reader.read(doc);
      if (product) return product;
    } catch {
      // A reader that trips over this page leaves it to the next.
    }
  }
  return null;
}
