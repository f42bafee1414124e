import { Dexie, type EntityTable } from 'dexie';
import type { Contact } from '../domain/contact';
import type { Product } from '../domain/product';
import type { PurchaseRecord } from '../domain/purchase';
import * as v1 from './migrations/001-initial';

export const DATABASE_NAME = 'tally';

/**
 * The one store, in the extension's origin. Opened by extension pages and the background worker;
 * never by a content script, where IndexedDB would belong to the back office's origin.
 */
export class TallyDatabase extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  products!: EntityTable<Product, 'id'>;
  purchases!: EntityTable<PurchaseRecord, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(v1.version).stores(v1.stores);
  }
}

let shared: TallyDatabase | undefined;

/** The page's or worker's one connection, opened on first use. */
export function openDatabase(): TallyDatabase {
  shared ??= new TallyDatabase();
  return shared;
}
