import { t, uiLanguage } from '../domain/i18n';
import { minorDigits } from '../domain/money';

/**
 * How the values of a Difference read, in the user's language when the run was made: a run's
 * differences are stored as text, so they read as they did when it was made.
 */

/** The value of a side that has no such line. */
export function notInBackOffice(): string {
  return t('reconcile_difference_not_in_back_office');
}

export function notRecorded(): string {
  return t('reconcile_difference_not_recorded');
}

/**
 * Number formats by language and decimals: a run with thousands of differences would otherwise
 * build one for each (building one costs far more than using it).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(fractionDigits: number | undefined): Intl.NumberFormat {
  const language = uiLanguage();
  const key = `${language}|${fractionDigits ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      language,
      fractionDigits === undefined
        ? {}
        : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
    );
    numberFormats.set(key, format);
  }
  return format;
}

/** A quantity as the user's language writes it: "2", "1,5" in French. */
export function quantityText(quantity: number): string {
  return numberFormat(undefined).format(quantity);
}

/** "2 × Green tea". */
export function lineText(quantity: number, name: string | undefined, sku?: string): string {
  return t('reconcile_difference_line', quantityText(quantity), productText(name, sku));
}

/** The product's name, else its SKU: "Green tea" or "GT-500". */
export function productText(name: string | undefined, sku?: string): string {
  const named = name?.trim();
  if (named) return named;
  return sku?.trim() || t('reconcile_difference_no_name');
}

/** A product with its SKU, for a match made by name: "Green tea 500g (GT-500)". */
export function productWithSku(name: string | undefined, sku: string | undefined): string {
  const code = sku?.trim();
  const named = name?.trim();
  if (named && code) return t('reconcile_difference_product_with_sku', named, code);
  return productText(name, sku);
}

/**
 * "12.50" ("12,50" in French): a unit price as a number in its currency's digits, without the
 * symbol (a currency difference has its own row).
 */
export function priceText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return numberFormat(digits).format(minor / 10 ** digits);
}
