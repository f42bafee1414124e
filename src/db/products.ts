import {
  catalogDiffKey,
  diffCatalog,
  type CatalogDiff,
  type CatalogEntry,
  type DiffOptions,
} from '../domain/catalog-changes';
import { nowInstant } from '../domain/dates';
import { t } from '../domain/i18n';
import type { CurrencyCode } from '../domain/money';
import { Product, productSearchText } from '../domain/product';
import type { TallyDatabase } from './database';

/** A product as a catalog file gives it, before Tally gives it an id. */
export type ProductInput = CatalogEntry;

export interface CatalogImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

export interface CatalogImportOptions extends DiffOptions {
  /**
   * catalogDiffKey of the preview the user accepted. When the catalog has changed since, so that
   * the import would now do something else, nothing is written and CatalogChangedError says what
   * it would do now.
   */
  expected?: string;
}

/** The catalog changed between the preview and the write; `diff` is what the import would do now. */
export class CatalogChangedError extends Error {
  constructor(readonly diff: CatalogDiff) {
    super(t('db_catalog_changed'));
    this.name = 'CatalogChangedError';
  }
}

// Money may be negative elsewhere (a refund); a catalog price never is.
// The message is looked up when a product is refused, in the user's language then.
const StoredProduct = Product.refine((product) => product.price.minor >= 0, {
  error: () => t('db_price_negative'),
  path: ['price', 'minor'],
});

/** What importing `inputs` would do, against the catalog as it is now. Writes nothing. */
export async function previewCatalogImport(
  db: TallyDatabase,
  inputs: readonly ProductInput[],
  options: DiffOptions = {},
): Promise<CatalogDiff> {
  return diffCatalog(await storedWithSkus(db, inputs), inputs, options);
}

/**
 * Writes a catalog import in one transaction: a product whose SKU is known is updated in place
 * (same id, so recorded orders keep pointing at it), a new SKU is created. All or nothing: one
 * invalid product, or a catalog that changed since the preview (`expected`), writes nothing.
 */
export async function importCatalog(
  db: TallyDatabase,
  inputs: readonly ProductInput[],
  options: CatalogImportOptions = {},
): Promise<CatalogImportSummary> {
  return db.transaction('rw', db.products, async () => {
    const diff = diffCatalog(await storedWithSkus(db, inputs), inputs, options);
    if (options.expected !== undefined && catalogDiffKey(diff) !== options.expected) {
      throw new CatalogChangedError(diff);
    }
    const now = nowInstant();
    const writes = [
      ...diff.created.map((entry) => toProduct(entry, { id: crypto.randomUUID(), createdAt: now }, now)),
      ...diff.updated.map(({ before, after }) => toProduct(after, before, now)),
    ];
    await db.products.bulkPut(writes);
    return { created: diff.created.length, updated: diff.updated.length, unchanged: diff.unchanged.length };
  });
}

export type AddProductResult =
  { outcome: 'added'; product: Product } | { outcome: 'exists'; product: Product };

/** Adds one product by hand; a SKU already in the catalog is left exactly as it was. */
export async function addProduct(db: TallyDatabase, input: ProductInput): Promise<AddProductResult> {
  return db.transaction('rw', db.products, async () => {
    const existing = await findProductBySku(db, input.sku);
    if (existing) return { outcome: 'exists', product: existing };
    const now = nowInstant();
    const product = toProduct(input, { id: crypto.randomUUID(), createdAt: now }, now);
    await db.products.add(product);
    return { outcome: 'added', product };
  });
}

export type SaveProductOutcome = 'added' | 'updated' | 'unchanged';

/**
 * Saves one product the user checked (captured from a page): a new SKU is added, a known one
 * updated in place, keeping the columns it was imported with. One transaction.
 */
export async function saveProduct(db: TallyDatabase, input: ProductInput): Promise<SaveProductOutcome> {
  const summary = await importCatalog(db, [input]);
  return summary.created > 0 ? 'added' : summary.updated > 0 ? 'updated' : 'unchanged';
}

export async function findProductBySku(db: TallyDatabase, sku: string): Promise<Product | undefined> {
  return db.products.where('sku').equals(sku.trim()).first();
}

/** The catalog's names of these SKUs, by SKU; a SKU the catalog does not have is left out. */
export async function productNamesBySku(
  db: TallyDatabase,
  skus: Iterable<string>,
): Promise<Map<string, string>> {
  const found = await db.products
    .where('sku')
    .anyOf([...skus])
    .toArray();
  return new Map(found.map((product) => [product.sku, product.name]));
}

/** The currency most of the catalog is priced in; undefined for an empty catalog. */
export async function catalogCurrency(db: TallyDatabase): Promise<CurrencyCode | undefined> {
  const counts = new Map<CurrencyCode, number>();
  await db.products.each((product) => {
    counts.set(product.price.currency, (counts.get(product.price.currency) ?? 0) + 1);
  });
  let best: CurrencyCode | undefined;
  for (const [currency, count] of counts)
    if (best === undefined || count > (counts.get(best) ?? 0)) best = currency;
  return best;
}

export async function loadCatalog(db: TallyDatabase): Promise<Product[]> {
  return db.products.toArray();
}

async function storedWithSkus(db: TallyDatabase, inputs: readonly ProductInput[]): Promise<Product[]> {
  return db.products
    .where('sku')
    .anyOf(inputs.map((input) => input.sku))
    .toArray();
}

function toProduct(entry: CatalogEntry, identity: Pick<Product, 'id' | 'createdAt'>, now: string): Product {
  // Parsed whole, so that nothing invalid reaches the store; deletedAt is dropped: it is back.
  return StoredProduct.parse({
    ...stripUndefined(entry),
    id: identity.id,
    createdAt: identity.createdAt,
    updatedAt: now,
    searchText: productSearchText(entry),
  });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
