import { cleanText } from '../domain/contact-snapshot';

/**
 * A product as a back-office page shows it: raw page text, read with textContent or from
 * attributes, never HTML. The worker cleans and validates it (product-handlers.ts) before anyone
 * uses it, so a reader only finds things.
 */
export interface PageProduct {
  /** Which reader found it. */
  reader: string;
  sku?: string;
  name?: string;
  /** The amount in major units, as the page writes it for machines: "12.50", "12.5". */
  price?: string;
  /** The amount in minor units, when the page gives that instead ("1250"). */
  priceMinor?: string;
  currency?: string;
  barcode?: string;
  category?: string;
}

/**
 * How Tally reads products from one kind of page, like a BackOfficeAdapter reads customers: a
 * cheap URL filter, then a DOM check, then the reading.
 */
export interface ProductReader {
  id: string;
  name: string;
  /** Cheap URL filter, run before any DOM access. */
  matches(url: URL): boolean;
  /** Whether this document shows one product this reader knows how to read. */
  detect(doc: Document): boolean;
  /** The product, or null when the page turns out to hold none (or several). */
  read(doc: Document): PageProduct | null;
  /** Pages this reader must read (see test/unit/adapters/product-readers.test.ts). */
  examples: readonly string[];
}

/**
 * Longest text a reader hands on. The worker refuses what is longer than a product field may be;
 * this only keeps a hostile page from sending megabytes through the browser.
 */
export const PAGE_TEXT_LIMIT = 4096;

/**
 * Page text as Tally keeps it (cleanText: controls and direction overrides gone, whitespace
 * collapsed), capped; undefined when there is none. The reader and the worker both use it.
 */
export function pageText(value: string | null | undefined): string | undefined {
  return cleanText(value, PAGE_TEXT_LIMIT);
}
