import type { InventoryItem } from '../domain/inventory';
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
