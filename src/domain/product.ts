import { z } from 'zod';
import { CalendarDate } from './dates';
import { Money } from './money';
import { RecordBase } from './record';

/** The longest text each product field holds; imports, forms and page captures check against it. */
export const PRODUCT_TEXT_LIMITS = { sku: 64, name: 300, category: 200, barcode: 64 } as const;

/** A catalog product; the SKU is its identity across imports (re-import updates, never duplicates). */
export const Product = RecordBase.extend({
  sku: z.string().trim().min(1).max(PRODUCT_TEXT_LIMITS.sku),
  name: z.string().trim().min(1).max(PRODUCT_TEXT_LIMITS.name),
  price: Money,
  category: z.string().max(PRODUCT_TEXT_LIMITS.category).optional(),
  barcode: z.string().max(PRODUCT_TEXT_LIMITS.barcode).optional(),
  /** Columns of the imported file that Tally has no field for, kept as they were. */
  extra: z.record(z.string(), z.string()),
  /** One single device (a bought-back item): sold once, then gone from search. */
  oneTime: z.boolean().optional(),
  /** A one-time product that has been sold. */
  soldOut: z.boolean().optional(),
  /** It may not be sold before this day (a bought item's hold period). */
  sellableFrom: CalendarDate.optional(),
  /** Lower-cased name and SKU, for search. */
  searchText: z.string(),
});
export type Product = z.infer<typeof Product>;

export function productSearchText(product: Pick<Product, 'sku' | 'name'>): string {
  return `${product.sku} ${product.name}`.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
