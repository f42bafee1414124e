import type { Product } from './product';
import { productSearchText } from './product';

/**
 * Finds products whose SKU or name contains every word of the query, best first: an exact SKU,
 * then SKUs and names that start with the query, then the rest by name.
 */
export function searchProducts(products: readonly Product[], query: string, limit = 20): Product[] {
  const needle = productSearchText({ sku: '', name: query }).trim();
  if (!needle) return [];
  const words = needle.split(/\s+/);
  const scored: { product: Product; score: number }[] = [];
  for (const product of products) {
    if (product.deletedAt !== undefined) continue;
    const text = product.searchText;
    if (!words.every((word) => text.includes(word))) continue;
    const sku = product.sku.toLowerCase();
    const score = sku === needle ? 0 : sku.startsWith(needle) ? 1 : text.includes(` ${needle}`) ? 2 : 3;
    scored.push({ product, score });
  }
  scored.sort((a, b) => a.score - b.score || a.product.name.localeCompare(b.product.name));
  return scored.slice(0, limit).map((entry) => entry.product);
}
