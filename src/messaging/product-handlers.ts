import { z } from 'zod';
import { PAGE_TEXT_LIMIT, pageText } from '../adapters/product-reader';
import { t } from '../domain/i18n';
import { CurrencyCode, parseDecimalAmount, type Money } from '../domain/money';
import { PRODUCT_TEXT_LIMITS } from '../domain/product';
import { ProductSnapshotSchema, type ResponseOf } from './protocol';
import type { Handlers } from './router';
import { targetTab } from './sender';

export interface ProductDeps {
  /**
   * Runs the product reader in the tab and gives back what it returned (injected on demand: it is
   * not in the content script). Whatever comes back is page data, and is checked here.
   */
  readPage(tabId: number): Promise<unknown>;
}

type ReadPageReply = ResponseOf<'product.readPage'>;

export function productHandlers(deps: ProductDeps): Pick<Handlers, 'product.readPage'> {
  return {
    'product.readPage': async (request, sender) => {
      // The framed sidebar's own tab, or the tab the side panel names (sender.ts decides).
      return checkPageProduct(await deps.readPage(targetTab(request, sender)));
    },
  };
}

// What the injected reader may send back: strings only, each capped. Anything else is refused.
const pageString = z.string().max(PAGE_TEXT_LIMIT).optional();
const PageProductSchema = z.object({
  reader: z.string().max(100),
  sku: pageString,
  name: pageString,
  price: pageString,
  priceMinor: pageString,
  currency: pageString,
  barcode: pageString,
  category: pageString,
});

/** "The product name on this page is longer than 200 characters." */
function tooLong(field: keyof typeof PRODUCT_TEXT_LIMITS): string {
  const limit = String(PRODUCT_TEXT_LIMITS[field]);
  switch (field) {
    case 'sku':
      return t('messaging_product_sku_too_long', limit);
    case 'name':
      return t('messaging_product_name_too_long', limit);
    case 'category':
      return t('messaging_product_category_too_long', limit);
    case 'barcode':
      return t('messaging_product_barcode_too_long', limit);
  }
}

const refuse = (reason: string): ReadPageReply => ({ product: null, reason });

/**
 * Turns what the reader returned into a product the sidebar may show, or a reason it cannot:
 * text cleaned of control characters and runs of spaces, every field within the catalog's
 * limits, a price only with a currency, never negative, within the safe integer range.
 */
export function checkPageProduct(raw: unknown): ReadPageReply {
  if (raw === null || raw === undefined) return refuse(t('messaging_no_product'));
  const parsed = PageProductSchema.safeParse(raw);
  if (!parsed.success) return refuse(t('messaging_product_unreadable'));
  const page = parsed.data;
  const text = {
    sku: pageText(page.sku),
    name: pageText(page.name),
    category: pageText(page.category),
    barcode: pageText(page.barcode),
  };
  if (!text.name) return refuse(t('messaging_product_no_name'));
  for (const field of ['sku', 'name', 'category', 'barcode'] as const) {
    const value = text[field];
    if (value !== undefined && value.length > PRODUCT_TEXT_LIMITS[field]) {
      return refuse(tooLong(field));
    }
  }
  const price = readPrice(page.price, page.priceMinor, page.currency);
  if (typeof price === 'string') return refuse(price);

  const snapshot = ProductSnapshotSchema.safeParse({ reader: page.reader, ...text, price });
  if (!snapshot.success) return refuse(t('messaging_product_unreadable'));
  return { product: snapshot.data };
}

/** The price, undefined when the page gives none (or no currency), or why it cannot be taken. */
function readPrice(
  decimal: string | undefined,
  minorText: string | undefined,
  currencyText: string | undefined,
): Money | undefined | string {
  const amount = pageText(decimal);
  const minor = pageText(minorText);
  if (amount === undefined && minor === undefined) return undefined;
  const currency = pageText(currencyText)?.toUpperCase();
  // Without its currency an amount means nothing certain; the user types the price instead.
  if (currency === undefined) return undefined;
  if (!CurrencyCode.safeParse(currency).success) {
    return t('messaging_currency_not_code', shorten(currency));
  }
  const shown = minor ?? amount ?? '';
  if (shown.startsWith('-')) return t('messaging_price_negative');
  const money = minor === undefined ? parseDecimalAmount(shown, currency) : minorAmount(minor, currency);
  if (!money) return t('messaging_price_not_amount', shorten(shown));
  if (money.minor < 0) return t('messaging_price_negative');
  return money;
}

function minorAmount(text: string, currency: CurrencyCode): Money | null {
  const minor = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(minor) ? { minor, currency } : null;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
