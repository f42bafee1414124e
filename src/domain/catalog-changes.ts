import { t } from './i18n';
import { formatMoney, type Money } from './money';
import type { Product } from './product';

/** A product as a catalog file, a form or a page gives it, before Tally gives it an id. */
export type CatalogEntry = Pick<Product, 'sku' | 'name' | 'price' | 'category' | 'barcode' | 'extra'>;

/**
 * Optional fields a source may say nothing about: a catalog file with no Barcode column keeps
 * the barcodes already stored, where an empty Barcode cell clears one.
 */
export type KeepableField = 'category' | 'barcode';

export type ProductChange =
  | { field: 'name' | 'category' | 'barcode'; before?: string; after?: string }
  | { field: 'price'; before: Money; after: Money }
  /** A column Tally has no field for, kept by its name in the file. */
  | { field: 'extra'; column: string; before?: string; after?: string }
  /** The product had been removed from the catalog and comes back. */
  | { field: 'restored' };

export interface ProductUpdate {
  before: Product;
  /** What will be stored: the entry merged with what it leaves as it was. */
  after: CatalogEntry;
  changes: ProductChange[];
}

/** What writing some entries would do to the catalog, product by product. */
export interface CatalogDiff {
  created: CatalogEntry[];
  updated: ProductUpdate[];
  unchanged: CatalogEntry[];
}

export interface DiffOptions {
  /** Fields the entries say nothing about: the stored value stays. */
  keep?: readonly KeepableField[];
}

/**
 * Compares entries with the stored products of the same SKU. The SKU is the identity; extra
 * columns merge by name (a file without a column never erases it), and fields in `keep` stay as
 * stored. Pure: the preview and the write both use it, so they cannot disagree.
 */
export function diffCatalog(
  stored: Iterable<Product>,
  entries: readonly CatalogEntry[],
  options: DiffOptions = {},
): CatalogDiff {
  const bySku = new Map<string, Product>();
  for (const product of stored) bySku.set(product.sku, product);
  const keep = new Set(options.keep ?? []);
  const seen = new Set<string>();
  const diff: CatalogDiff = { created: [], updated: [], unchanged: [] };
  for (const entry of entries) {
    // The readers refuse duplicates with a line number; two here would be a programming error.
    if (seen.has(entry.sku)) throw new RangeError(t('domain_sku_twice', entry.sku));
    seen.add(entry.sku);
    const before = bySku.get(entry.sku);
    if (!before) {
      diff.created.push(entry);
      continue;
    }
    const after = mergeEntry(before, entry, keep);
    const changes = productChanges(before, after);
    if (changes.length === 0) diff.unchanged.push(after);
    else diff.updated.push({ before, after, changes });
  }
  return diff;
}

function mergeEntry(before: Product, entry: CatalogEntry, keep: ReadonlySet<KeepableField>): CatalogEntry {
  const after: CatalogEntry = {
    sku: entry.sku,
    name: entry.name,
    price: entry.price,
    // fromEntries keeps a column named "__proto__" a plain key.
    extra: Object.fromEntries([...Object.entries(before.extra), ...Object.entries(entry.extra)]),
  };
  for (const field of ['category', 'barcode'] as const) {
    const value = keep.has(field) ? before[field] : entry[field];
    if (value !== undefined) after[field] = value;
  }
  return after;
}

function productChanges(before: Product, after: CatalogEntry): ProductChange[] {
  const changes: ProductChange[] = [];
  if (before.deletedAt !== undefined) changes.push({ field: 'restored' });
  if (before.name !== after.name) changes.push({ field: 'name', before: before.name, after: after.name });
  if (before.price.minor !== after.price.minor || before.price.currency !== after.price.currency) {
    changes.push({ field: 'price', before: before.price, after: after.price });
  }
  for (const field of ['category', 'barcode'] as const) {
    if (before[field] !== after[field]) changes.push({ field, ...presentOnly(before[field], after[field]) });
  }
  for (const [column, value] of Object.entries(after.extra)) {
    const old = Object.hasOwn(before.extra, column) ? before.extra[column] : undefined;
    if (old !== value) changes.push({ field: 'extra', column, ...presentOnly(old, value) });
  }
  return changes;
}

function presentOnly(before: string | undefined, after: string | undefined) {
  return {
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}

/**
 * Fingerprint of what a diff would do. A preview's fingerprint differing from the one computed
 * at write time means the catalog changed in between, and the user has not seen what now happens.
 */
export function catalogDiffKey(diff: CatalogDiff): string {
  return JSON.stringify([
    diff.created.map((entry) => entry.sku),
    diff.updated.map((update) => [update.before.id, update.changes]),
  ]);
}

const quoted = (text: string | undefined) =>
  text === undefined || text === '' ? t('domain_change_none') : t('domain_change_quoted', text);

const FIELD_CHANGES = {
  name: 'domain_change_name',
  category: 'domain_change_category',
  barcode: 'domain_change_barcode',
} as const;

/** One change in words: `price $12.50 → $13.00`, `category (none) → “Home”`. */
export function describeChange(change: ProductChange, locale?: string): string {
  switch (change.field) {
    case 'restored':
      return t('domain_change_restored');
    case 'price':
      return t('domain_change_price', formatMoney(change.before, locale), formatMoney(change.after, locale));
    case 'extra':
      return t('domain_change_extra', quoted(change.column), quoted(change.before), quoted(change.after));
    default:
      return t(FIELD_CHANGES[change.field], quoted(change.before), quoted(change.after));
  }
}

/** An update in words: `NW-1001 Hand Cream: price $12.50 → $13.00; name “Hand Cream” → “Hand Balm”`. */
export function describeUpdate(update: ProductUpdate, locale?: string): string {
  const changes = update.changes.map((change) => describeChange(change, locale)).join('; ');
  return `${update.before.sku} ${update.before.name}: ${changes}`;
}
