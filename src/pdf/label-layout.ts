import { CONDITION_LABELS, type BuyBack, type BuyBackItem } from '../domain/buyback';
import { formatMoney } from '../domain/money';
import type { Product } from '../domain/product';

/**
 * What a shelf label for one bought item says, as plain data; label-pdf.ts draws it. The barcode
 * carries the item's serial, so that scanning the label finds that one device; an item without a
 * serial gets its product's SKU instead.
 */

export interface ItemLabel {
  shopName: string;
  description: string;
  condition: string;
  serial: string | null;
  /** The retail price, formatted; null until the item has one. */
  price: string | null;
  /** The text the Code 128 barcode encodes, or null when there is nothing it can encode. */
  barcode: string | null;
}

export interface ItemLabelInput {
  shopName: string;
  item: Pick<BuyBackItem, 'description' | 'serial' | 'condition' | 'retailPrice'>;
  /** The item's product, for its SKU (the barcode of an item without a serial) and its price. */
  product?: Pick<Product, 'sku' | 'price'>;
  locale: string;
}

export interface ItemLabelsInput {
  buyBack: Pick<BuyBack, 'items'>;
  /** The items to label, printed in the buy-back's order. */
  itemIds: readonly string[];
  /** The products of those items, as many as were found. */
  products: readonly Pick<Product, 'id' | 'sku' | 'price'>[];
  shopName: string;
  locale: string;
}

/**
 * The longest text a label's barcode carries. 24 letters take about 320 modules with the quiet
 * zones: 0.18 mm each on a 62 mm label, which a 203 dpi label printer still draws; longer serials
 * are printed as text and the barcode falls back to the SKU.
 */
export const MAX_BARCODE_LENGTH = 24;

/**
 * Whether Code 128 encodes `text` so that every scanner reads the same text back: printable ASCII
 * only (an accented letter needs an extension that scanners read differently, or not at all).
 */
export function isBarcodeText(text: string): boolean {
  return text.length > 0 && text.length <= MAX_BARCODE_LENGTH && /^[\x20-\x7e]+$/.test(text);
}

export function itemLabel(input: ItemLabelInput): ItemLabel {
  const { item, product } = input;
  const serial = item.serial?.trim() || null;
  const price = item.retailPrice ?? product?.price;
  const candidates = [serial, product?.sku.trim()];
  return {
    shopName: input.shopName,
    description: item.description,
    condition: CONDITION_LABELS[item.condition],
    serial,
    price: price ? formatMoney(price, input.locale) : null,
    barcode: candidates.find((text): text is string => !!text && isBarcodeText(text)) ?? null,
  };
}

export function itemLabels(input: ItemLabelsInput): ItemLabel[] {
  const wanted = new Set(input.itemIds);
  const products = new Map(input.products.map((product) => [product.id, product]));
  return input.buyBack.items
    .filter((item) => wanted.has(item.id))
    .map((item) =>
      itemLabel({
        shopName: input.shopName,
        item,
        product: item.productId ? products.get(item.productId) : undefined,
        locale: input.locale,
      }),
    );
}
