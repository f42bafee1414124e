import { computed, signal } from '@preact/signals';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import type { Product } from '../../domain/product';
import type { ProductIndex } from '../../domain/product-search';

export interface ProductSearchDeps {
  /** The catalog, ready to search (one index shared by every screen of a page). */
  loadCatalog(): Promise<ProductIndex>;
  /** What choosing a product does: add it to the order being typed. */
  pick(product: Product): void;
  /** Which products may be offered; every one when left out. */
  offers?: (product: Product) => boolean;
}

/**
 * Searching the catalog for products to add to an order: the query as typed, the products found
 * with one of them highlighted, moved by the arrow keys and picked with Enter or a click.
 */
export function createProductSearch(deps: ProductSearchDeps) {
  const catalog = signal<ProductIndex | null>(null);
  const query = signal('');
  const highlighted = signal(0);

  const results = computed(() => {
    const found = catalog.value?.search(query.value) ?? [];
    return deps.offers ? found.filter(deps.offers) : found;
  });

  /** Loads the catalog unless it is loaded; resolves to null, or what to tell the user when it failed. */
  async function load(): Promise<string | null> {
    if (catalog.value) return null;
    try {
      catalog.value = await deps.loadCatalog();
      return null;
    } catch (failure) {
      return t('catalog_unloaded', errorMessage(failure));
    }
  }

  function setQuery(text: string) {
    query.value = text;
    highlighted.value = 0;
  }

  /** Moves the highlight by `delta` results, round from the last to the first and back. */
  function moveHighlight(delta: number) {
    const count = results.value.length;
    if (count > 0) highlighted.value = (highlighted.value + delta + count) % count;
  }

  function pickHighlighted() {
    const product = results.value[highlighted.value];
    if (product) deps.pick(product);
  }

  return {
    catalog,
    query,
    results,
    highlighted,
    load,
    setQuery,
    moveHighlight,
    pick: deps.pick,
    pickHighlighted,
  };
}

export type ProductSearchModel = ReturnType<typeof createProductSearch>;
