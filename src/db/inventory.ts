import { nowInstant } from '../domain/dates';
import { t } from '../domain/i18n';
import type { InventoryItem } from '../domain/inventory';
import type { Product } from '../domain/product';
import type { PurchaseRecord } from '../domain/purchase';
import { serialKey } from '../domain/imei';
import { foldForSearch } from '../domain/search-text';
import type { TallyDatabase } from './database';

/**
 * Sold devices a buy-back can take back in: found by serial (any part of it) or by words of the
 * description. The shop's serialized inventory is small (thousands), so a scan is fine.
 */
export async function searchSoldInventory(
  db: TallyDatabase,
  query: string,
  limit = 10,
): Promise<InventoryItem[]> {
  const key = serialKey(query);
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (!key) return [];
  const sold = await db.inventoryItems.where('status').equals('sold').toArray();
  return sold
    .filter((item) => item.deletedAt === undefined)
    .filter(
      (item) =>
        (key.length >= 3 && item.serialKey?.includes(key)) ||
        (words.length > 0 && words.every((word) => foldForSearch(item.description).includes(word))),
    )
    .slice(0, limit);
}

/** Stock on hand, newest first. */
export async function listInStock(db: TallyDatabase): Promise<InventoryItem[]> {
  const stock = await db.inventoryItems.where('status').equals('in-stock').toArray();
  return stock
    .filter((item) => item.deletedAt === undefined)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/**
 * Keeps one-time products (bought-back devices) in step with the orders that sell them: a device
 * an order newly holds is sold (refused when it is already sold, or still in its hold period on
 * the purchase date), one the order no longer holds (edited out, or the order deleted) is back in
 * stock. Runs inside the order's transaction, whose scope includes products and inventoryItems.
 */
export async function settleOneTimeProducts(
  db: TallyDatabase,
  before: PurchaseRecord | undefined,
  after: PurchaseRecord | undefined,
): Promise<void> {
  const held = (record: PurchaseRecord | undefined) =>
    new Set(
      record && record.deletedAt === undefined && record.kind === 'purchase'
        ? record.lines.map((line) => line.productId)
        : [],
    );
  const was = held(before);
  const now = held(after);
  const sold = [...now].filter((id) => !was.has(id));
  const returned = [...was].filter((id) => !now.has(id));
  for (const product of await oneTimeProducts(db, sold)) {
    const line = after?.lines.find((each) => each.productId === product.id);
    if (product.soldOut) throw new Error(t('db_single_device_sold', product.name));
    if (line && line.quantity > 1) throw new Error(t('db_single_device_quantity', product.name));
    if (after && product.sellableFrom && after.purchaseDate < product.sellableFrom) {
      throw new Error(t('db_on_hold_until', product.name, product.sellableFrom));
    }
    await markSold(db, product, after?.id);
  }
  for (const product of await oneTimeProducts(db, returned)) await markSold(db, product, undefined);
}

async function oneTimeProducts(db: TallyDatabase, ids: readonly string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  const products = await db.products.bulkGet([...ids]);
  return products.filter((product): product is Product => product?.oneTime === true);
}

/** Sold in `purchaseId`, or back in stock when it is undefined. */
async function markSold(db: TallyDatabase, product: Product, purchaseId: string | undefined): Promise<void> {
  const at = nowInstant();
  const { soldOut: _soldOut, ...rest } = product;
  await db.products.put(purchaseId ? { ...rest, soldOut: true, updatedAt: at } : { ...rest, updatedAt: at });
  const items = await db.inventoryItems.where('productId').equals(product.id).toArray();
  for (const item of items) {
    const { soldInPurchaseId: _sold, ...kept } = item;
    await db.inventoryItems.put(
      purchaseId
        ? { ...kept, status: 'sold', soldInPurchaseId: purchaseId, updatedAt: at }
        : { ...kept, status: 'in-stock', updatedAt: at },
    );
  }
}
