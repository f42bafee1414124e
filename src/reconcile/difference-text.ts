import { formatDecimalAmount } from '../domain/money';

/** How the values of a Difference read, the same on screen and in the export. */

export const NOT_IN_BACK_OFFICE = 'not in back office';
export const NOT_RECORDED = 'not recorded';

/** "2 × Green tea". */
export function lineText(quantity: number, name: string | undefined, sku?: string): string {
  return `${quantity} × ${productText(name, sku)}`;
}

/** The product's name, else its SKU: "Green tea" or "GT-500". */
export function productText(name: string | undefined, sku?: string): string {
  const named = name?.trim();
  if (named) return named;
  return sku?.trim() || '(no name)';
}

/** A product with its SKU, for a match made by name: "Green tea 500g (GT-500)". */
export function productWithSku(name: string | undefined, sku: string | undefined): string {
  const code = sku?.trim();
  const named = name?.trim();
  if (named && code) return `${named} (${code})`;
  return productText(name, sku);
}

/** "12.50": a unit price as plain decimal text in its currency. */
export function priceText(minor: number, currency: string): string {
  return formatDecimalAmount({ minor, currency });
}
