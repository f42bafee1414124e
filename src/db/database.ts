import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Recipe } from '../adapters/taught';
import type { Attachment } from '../domain/attachment';
import type { BuyBack } from '../domain/buyback';
import type { Contact } from '../domain/contact';
import type { ContactImportBatch } from '../domain/contact-import-batch';
import type { ContactMerge } from '../domain/contact-merge';
import type { PurchaseOrder } from '../domain/purchase-order';
import type { DoNotBuyEntry } from '../domain/do-not-buy';
import type { InventoryItem } from '../domain/inventory';
import type { StoreCreditEntry } from '../domain/store-credit';
import type { ContactEvent } from '../domain/contact-event';
import type { ContactNote } from '../domain/note';
import type { Product } from '../domain/product';
import type { PurchaseGroup } from '../domain/purchase-group';
import type { StoredSetting } from '../domain/settings';
import type { PurchaseRecord } from '../domain/purchase';
import type { SiteSetting } from '../domain/site-setting';
import type { ReconcileDecision, ReconcileStatus } from '../domain/reconcile';
import type {
  BackOfficeMapping,
  ReconcileChunk,
  ReconcileFile,
  ReconcileJob,
  ReconcileOffer,
  ReconcileRunRow,
} from './reconcile-tables';
import * as v1 from './migrations/001-initial';
import * as v2 from './migrations/002-capture-history-recipes-sites';
import * as v3 from './migrations/003-notes-groups-settings';
import * as v4 from './migrations/004-buy-backs';
import * as v5 from './migrations/005-contacts-book';
import * as v6 from './migrations/006-reconcile';

export const DATABASE_NAME = 'tally';

/**
 * The one store, in the extension's origin. Opened by extension pages and the background worker;
 * never by a content script, where IndexedDB would belong to the back office's origin.
 */
export class TallyDatabase extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  products!: EntityTable<Product, 'id'>;
  purchases!: EntityTable<PurchaseRecord, 'id'>;
  contactEvents!: EntityTable<ContactEvent, 'id'>;
  recipes!: EntityTable<Recipe, 'id'>;
  siteSettings!: EntityTable<SiteSetting, 'origin'>;
  purchaseGroups!: EntityTable<PurchaseGroup, 'id'>;
  notes!: EntityTable<ContactNote, 'id'>;
  settings!: EntityTable<StoredSetting, 'key'>;
  buyBacks!: EntityTable<BuyBack, 'id'>;
  attachments!: EntityTable<Attachment, 'id'>;
  inventoryItems!: EntityTable<InventoryItem, 'id'>;
  storeCredit!: EntityTable<StoreCreditEntry, 'id'>;
  doNotBuy!: EntityTable<DoNotBuyEntry, 'id'>;
  contactImports!: EntityTable<ContactImportBatch, 'id'>;
  contactMerges!: EntityTable<ContactMerge, 'id'>;
  purchaseOrders!: EntityTable<PurchaseOrder, 'id'>;
  reconcileJobs!: EntityTable<ReconcileJob, 'id'>;
  reconcileFiles!: EntityTable<ReconcileFile, 'jobId'>;
  reconcileChunks!: Table<ReconcileChunk, [string, number]>;
  // Orders packed as JSON: read and write runs through reconcile-runs.ts.
  reconcileRuns!: EntityTable<ReconcileRunRow, 'id'>;
  reconcileStatuses!: EntityTable<ReconcileStatus, 'purchaseId'>;
  reconcileDecisions!: EntityTable<ReconcileDecision, 'id'>;
  backOfficeMappings!: EntityTable<BackOfficeMapping, 'id'>;
  reconcileOffers!: EntityTable<ReconcileOffer, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(v1.version).stores(v1.stores);
    this.version(v2.version).stores(v2.stores);
    this.version(v3.version).stores(v3.stores);
    this.version(v4.version).stores(v4.stores);
    this.version(v5.version).stores(v5.stores).upgrade(v5.upgrade);
    this.version(v6.version).stores(v6.stores);
  }
}

let shared: TallyDatabase | undefined;

/**
 * The page's or worker's one connection, opened on first use. When another tab upgrades (or
 * deletes) the database, Dexie closes this connection so that the upgrade is not blocked, and
 * opens it again on next use: what the worker wants, as it holds nothing in memory. A page calls
 * `closeWhenChangedElsewhere` instead.
 */
export function openDatabase(): TallyDatabase {
  shared ??= new TallyDatabase();
  return shared;
}

/**
 * For extension pages: when another tab upgrades or deletes the database, close this page's
 * connection for good and call `onClosed`. The page's code was written for the older schema, so
 * it must not quietly reopen and write; it says "reload this page" instead of failing silently.
 */
export function closeWhenChangedElsewhere(db: TallyDatabase, onClosed: () => void): void {
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true });
    onClosed();
    // Stops Dexie's own handler, which would close with auto-reopen.
    return false;
  });
}
