import type { TallyDatabase } from '../../src/db/database';
import type { BackOfficeOrder } from '../../src/domain/back-office-order';
import type { Contact } from '../../src/domain/contact';
import type { PurchaseRecord } from '../../src/domain/purchase';
import { ORDERS_CSV_HEADER } from '../demo/backoffices/rep/exports';
import { toCsv, type CsvCell } from '../demo/csv';
import { formatDecimal } from '../demo/money';
import { makeContact, makePurchase } from './contacts';

/**
 * A small reconcile scenario in a Node database (fake-indexeddb), for the job's and the
 * decisions' tests: four Northwind customers, their recorded orders, and Northwind order
 * exports (the demo back office's own format) that agree, differ, or lack them.
 */

/** One export row: order, date, customer id, email, SKU, quantity, unit price ("12.50"), currency. */
export type NorthwindRow = readonly [string, string, string, string, string, CsvCell, string, string];

export function northwindCsv(rows: readonly NorthwindRow[]): string {
  return toCsv(ORDERS_CSV_HEADER, rows);
}

/** Orders written as the Northwind demo back office exports them: one row per line, in order. */
export function northwindOrdersCsv(orders: readonly BackOfficeOrder[]): string {
  function* rows(): Generator<NorthwindRow> {
    for (const order of orders) {
      for (const line of order.lines) {
        yield [
          order.orderId,
          order.date,
          order.customer.id ?? '',
          order.customer.email ?? '',
          line.sku ?? '',
          line.quantity,
          formatDecimal(line.unitPriceMinor),
          order.currency,
        ];
      }
    }
  }
  return toCsv(ORDERS_CSV_HEADER, rows());
}

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

export interface ReconcileStore {
  ada: Contact;
  ben: Contact;
  cy: Contact;
  dee: Contact;
  /** Ada, 2026-03-02, NW-1001 ×2 at 12.50: in the export as it is. */
  synced: PurchaseRecord;
  /** Ben, 2026-03-05, NW-1001 ×1 at 9.00: the export has 9.20 (within 5 %). */
  probable: PurchaseRecord;
  /** Cy, 2026-03-06: not in the export. */
  missing: PurchaseRecord;
  /** Dee, 2026-03-08, NW-1001 ×1 at 12.50: the export has 3 of them. */
  conflict: PurchaseRecord;
  /** Ada, 2026-01-10: long before the export's dates, never judged by it. */
  earlier: PurchaseRecord;
}

const northwind = (id: string) => [{ backOffice: 'northwind', origin: 'http://127.0.0.1:5178', id }];

/** Four Northwind customers, C-1 to C-4, each with their email (not yet stored). */
export function makeNorthwindContacts(): Pick<ReconcileStore, 'ada' | 'ben' | 'cy' | 'dee'> {
  return {
    ada: makeContact({ name: 'Ada Lovelace', email: 'ada@example.com', externalIds: northwind('C-1') }),
    ben: makeContact({ name: 'Ben Okri', email: 'ben@example.com', externalIds: northwind('C-2') }),
    cy: makeContact({ name: 'Cy Twombly', email: 'cy@example.com', externalIds: northwind('C-3') }),
    dee: makeContact({ name: 'Dee Rees', email: 'dee@example.com', externalIds: northwind('C-4') }),
  };
}

export async function seedReconcileStore(db: TallyDatabase): Promise<ReconcileStore> {
  const { ada, ben, cy, dee } = makeNorthwindContacts();
  const store: ReconcileStore = {
    ada,
    ben,
    cy,
    dee,
    synced: makePurchase(ada.id, '2026-03-02', 1250, 2),
    probable: makePurchase(ben.id, '2026-03-05', 900, 1),
    missing: makePurchase(cy.id, '2026-03-06', 700, 1),
    conflict: makePurchase(dee.id, '2026-03-08', 1250, 1),
    earlier: makePurchase(ada.id, '2026-01-10', 1250, 1),
  };
  await db.contacts.bulkAdd([ada, ben, cy, dee]);
  await db.purchases.bulkAdd([store.synced, store.probable, store.missing, store.conflict, store.earlier]);
  return store;
}

/**
 * The March export: SO-1 matches `synced`, SO-2 `probable` (price), SO-4 `conflict` (quantity);
 * SO-5 is Ben's and SO-6 an unknown customer's, both back office only; one row has a quantity
 * that is not a number and is skipped.
 */
export const MARCH_ROWS: readonly NorthwindRow[] = [
  ['SO-1', '2026-03-02', 'C-1', 'ada@example.com', 'NW-1001', 2, '12.50', 'USD'],
  ['SO-2', '2026-03-05', 'C-2', 'ben@example.com', 'NW-1001', 1, '9.20', 'USD'],
  ['SO-3', '2026-03-07', 'C-2', 'ben@example.com', 'NW-1001', 'two', '9.00', 'USD'],
  ['SO-4', '2026-03-08', 'C-4', 'dee@example.com', 'NW-1001', 3, '12.50', 'USD'],
  ['SO-5', '2026-03-09', 'C-2', 'ben@example.com', 'NW-2002', 4, '3.75', 'USD'],
  ['SO-6', '2026-03-10', 'C-99', 'nobody@example.com', 'NW-1001', 1, '12.50', 'USD'],
];
