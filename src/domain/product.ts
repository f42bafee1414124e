import { z } from 'zod';
import { Money } from './money';
import { RecordBase } from './record';

/** A catalog product; the SKU is its identity across imports (re-import updates, never duplicates). */
export const Product = RecordBase.extend({
  sku: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(300),
  price: Money,
  category: z.string().max(200).optional(),
  barcode: z.string().max(64).optional(),
  /** Columns of the imported file that Tally has no field for, kept as they were. */
  extra: z.record(z.string(), z.string()),
  /** Lower-cased name and SKU, for search. */
  searchText: z.string(),
});
export type Product = z.infer<typeof Product>;

export function productSearchText(product: Pick<Product, 'sku' | 'name'>): string {
  return `${product.sku} ${product.name}`.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
