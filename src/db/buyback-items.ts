import { buyBackNumber, type BuyBack, type BuyBackItem } from '../domain/buyback';
import { applyStep, type BuyBackStep } from '../domain/buyback-status';
import { addDays } from '../domain/calendar';
import { nowInstant } from '../domain/dates';
import { t } from '../domain/i18n';
import { InventoryItem } from '../domain/inventory';
import { serialKey } from '../domain/imei';
import type { Money } from '../domain/money';
import { Product, productSearchText } from '../domain/product';
import { BuyBackRefused, liveBuyBack } from './buybacks';
import type { TallyDatabase } from './database';
import { findProductBySku } from './products';
import { readSetting } from './settings';

/**
 * How a bought item is sold: as a one-time product (this device, sold once), or as a unit of a
 * catalog product (found by SKU, or created with that SKU and name).
 */
export type ProductChoice =
  { kind: 'one-time' } | { kind: 'catalog'; sku: string; name?: string | undefined };

/**
 * Gives a paid item its retail price and its product; when every item has one, the buy-back is
 * Product created. The hold period starts from the payout day.
 */
export async function createItemProduct(
  db: TallyDatabase,
  id: string,
  itemId: string,
  retailPrice: Money,
  choice: ProductChoice,
): Promise<BuyBack> {
  return db.transaction('rw', [db.buyBacks, db.products, db.settings, db.inventoryItems], async () => {
    const buyBack = await liveBuyBack(db, id);
    const item = findItem(buyBack, itemId);
    if (retailPrice.currency !== buyBack.currency) {
      throw new BuyBackRefused(t('db_retail_price_currency', buyBack.currency));
    }
    const holdDays = await readSetting(db, 'holdDays');
    const paidOn = buyBack.payout?.paidOn;
    const sellableFrom = holdDays > 0 && paidOn ? addDays(paidOn, holdDays) : undefined;
    // A refused step throws inside this transaction, which takes the product write back with it.
    const product = await productForItem(db, buyBack, item, retailPrice, choice, sellableFrom);
    return storeStep(db, buyBack, {
      type: 'createProduct',
      itemId,
      productId: product.id,
      retailPrice,
      ...(sellableFrom ? { sellableFrom } : {}),
    });
  });
}

/** `Add to inventory`: the item is in stock, on hold until its sellable day. */
export async function addItemToInventory(db: TallyDatabase, id: string, itemId: string): Promise<BuyBack> {
  return moveToInventory(db, id, { type: 'addToInventory', itemId });
}

/** `Start refurb`: the item waits on the fix described by `issue`. */
export async function startItemRefurb(
  db: TallyDatabase,
  id: string,
  itemId: string,
  issue: string,
): Promise<BuyBack> {
  return db.transaction('rw', db.buyBacks, async () =>
    storeStep(db, await liveBuyBack(db, id), { type: 'startRefurb', itemId, issue }),
  );
}

/** `Finish refurb`: the item goes to inventory; the last one completes the buy-back. */
export async function finishItemRefurb(db: TallyDatabase, id: string, itemId: string): Promise<BuyBack> {
  return moveToInventory(db, id, { type: 'finishRefurb', itemId });
}

async function moveToInventory(
  db: TallyDatabase,
  id: string,
  step: Extract<BuyBackStep, { type: 'addToInventory' | 'finishRefurb' }>,
): Promise<BuyBack> {
  return db.transaction('rw', [db.buyBacks, db.inventoryItems], async () => {
    const buyBack = await liveBuyBack(db, id);
    const item = findItem(buyBack, step.itemId);
    const moved = await storeStep(db, buyBack, step);
    const stocked = await stockItem(db, moved, findItem(moved, item.id));
    if (stocked.id === item.inventoryItemId) return moved;
    // Remember the inventory record, so the receipt, the labels and a later buy-back find it.
    const linked = {
      ...moved,
      items: moved.items.map((each) =>
        each.id === item.id ? { ...each, inventoryItemId: stocked.id } : each,
      ),
    };
    await db.buyBacks.put(linked);
    return linked;
  });
}

async function storeStep(db: TallyDatabase, buyBack: BuyBack, step: BuyBackStep): Promise<BuyBack> {
  const result = applyStep(buyBack, step, nowInstant());
  if (!result.ok) throw new BuyBackRefused(result.reason);
  await db.buyBacks.put(result.buyBack);
  return result.buyBack;
}

/** Puts the item in stock: the inventory record it came from again, or a new one. */
async function stockItem(db: TallyDatabase, buyBack: BuyBack, item: BuyBackItem): Promise<InventoryItem> {
  if (!item.productId || !item.retailPrice)
    throw new BuyBackRefused(t('db_item_has_no_product', item.description));
  const now = nowInstant();
  const existing = item.inventoryItemId ? await db.inventoryItems.get(item.inventoryItemId) : undefined;
  const {
    soldInPurchaseId: _sold,
    sellableFrom: _hold,
    ...kept
  } = existing ?? {
    id: crypto.randomUUID(),
    createdAt: now,
  };
  const stocked = InventoryItem.parse({
    ...kept,
    updatedAt: now,
    description: item.description,
    ...(item.serial ? { serial: item.serial, serialKey: serialKey(item.serial) } : {}),
    condition: item.condition,
    status: 'in-stock',
    productId: item.productId,
    retailPrice: item.retailPrice,
    buyBackId: buyBack.id,
    ...(item.sellableFrom ? { sellableFrom: item.sellableFrom } : {}),
  });
  await db.inventoryItems.put(stocked);
  return stocked;
}

async function productForItem(
  db: TallyDatabase,
  buyBack: BuyBack,
  item: BuyBackItem,
  retailPrice: Money,
  choice: ProductChoice,
  sellableFrom: string | undefined,
): Promise<Product> {
  const now = nowInstant();
  if (choice.kind === 'catalog') {
    const sku = choice.sku.trim();
    if (!sku) throw new BuyBackRefused(t('db_enter_catalog_sku'));
    const existing = await findProductBySku(db, sku);
    if (existing && existing.deletedAt === undefined) {
      if (existing.oneTime) throw new BuyBackRefused(t('db_one_time_product', sku));
      return existing;
    }
    return addProduct(db, {
      id: crypto.randomUUID(),
      createdAt: now,
      sku,
      name: choice.name?.trim() || item.description,
      price: retailPrice,
    });
  }
  // A device sold before and bought back keeps its one-time product, now for sale again.
  const previous = item.inventoryItemId ? await db.inventoryItems.get(item.inventoryItemId) : undefined;
  const reused = previous ? await db.products.get(previous.productId) : undefined;
  const position = buyBack.items.findIndex((each) => each.id === item.id) + 1;
  return addProduct(db, {
    id: reused?.oneTime ? reused.id : crypto.randomUUID(),
    createdAt: reused?.oneTime ? reused.createdAt : now,
    sku: reused?.oneTime ? reused.sku : `${buyBackNumber(buyBack)}-${position}`,
    name: item.serial ? `${item.description} (${item.serial})` : item.description,
    price: retailPrice,
    oneTime: true,
    ...(item.condition ? { category: `Pre-owned, grade ${item.condition}` } : {}),
    ...(sellableFrom ? { sellableFrom } : {}),
  });
}

async function addProduct(
  db: TallyDatabase,
  fields: Pick<Product, 'id' | 'createdAt' | 'sku' | 'name' | 'price'> & Partial<Product>,
): Promise<Product> {
  const product = Product.parse({
    extra: {},
    ...fields,
    name: fields.name.slice(0, 300),
    updatedAt: nowInstant(),
    searchText: productSearchText(fields),
  });
  await db.products.put(product);
  return product;
}

function findItem(buyBack: BuyBack, itemId: string): BuyBackItem {
  const item = buyBack.items.find((each) => each.id === itemId);
  if (!item) throw new BuyBackRefused(t('db_item_not_on_buy_back'));
  return item;
}
