import type { Frame, Page } from 'puppeteer';
import type { Contact } from '../../src/domain/contact';
import { applyContactFields, type ContactFields } from '../../src/domain/contact-edit';
import type { PurchaseRecord } from '../../src/domain/purchase';

/** A valid stored contact made in Node with Tally's own rules, to seed a browser's database. */
export function makeContact(
  fields: Partial<ContactFields> & { name: string },
  createdAt = '2026-01-01T10:00:00.000Z',
): Contact {
  return applyContactFields(
    undefined,
    { role: 'customer', externalIds: [], ...fields },
    { newId: crypto.randomUUID(), now: createdAt, defaultCountry: 'US' },
  );
}

/** A one-line purchase of `minor` cents (USD) on `purchaseDate`, for seeding. */
export function makePurchase(
  contactId: string,
  purchaseDate: string,
  minor: number,
  quantity = 1,
): PurchaseRecord {
  const at = `${purchaseDate}T12:00:00.000Z`;
  return {
    id: crypto.randomUUID(),
    createdAt: at,
    updatedAt: at,
    contactId,
    kind: 'purchase',
    purchaseDate,
    currency: 'USD',
    lines: [
      {
        productId: crypto.randomUUID(),
        sku: 'NW-1001',
        name: 'Hand Cream',
        quantity,
        unitPrice: { minor, currency: 'USD' },
        catalogPrice: { minor, currency: 'USD' },
      },
    ],
  };
}

/**
 * Writes rows straight into a table of Tally's database with raw IndexedDB, from an extension
 * page (the dashboard), as data already there would be. Tally must have opened the database first.
 */
export async function putRows(page: Page | Frame, table: string, rows: readonly unknown[]): Promise<void> {
  await page.evaluate(
    (name, values) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tally');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction(name, 'readwrite');
          const store = transaction.objectStore(name);
          for (const value of values) store.put(value);
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    table,
    rows as unknown[],
  );
}
