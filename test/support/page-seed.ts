import type { Page } from 'puppeteer';
import { TallyDatabase } from '../../src/db/database';

/** A Blob carried across page.evaluate, which would otherwise turn it into an empty object. */
interface CarriedBlob {
  seededBlob: string;
  type: string;
}

/**
 * Runs `seed` on a scratch database in Node (fake-indexeddb: import 'fake-indexeddb/auto' first)
 * so rows are the ones Tally's own repositories write, then copies every table into the page's
 * Tally database with raw IndexedDB, Blobs included. Tally must have opened its database in the
 * page first; reload the page afterwards to show the data.
 */
export async function seedPageDatabase(
  page: Page,
  seed: (db: TallyDatabase) => Promise<unknown>,
): Promise<void> {
  const db = new TallyDatabase(`seed-${crypto.randomUUID()}`);
  const tables: Record<string, unknown[]> = {};
  try {
    await seed(db);
    for (const table of db.tables) {
      tables[table.name] = await Promise.all(
        (await table.toArray()).map(async (row: Record<string, unknown>) => {
          const copy: Record<string, unknown> = { ...row };
          for (const [field, value] of Object.entries(row)) {
            if (value instanceof Blob) {
              const carried: CarriedBlob = {
                seededBlob: Buffer.from(await value.arrayBuffer()).toString('base64'),
                type: value.type,
              };
              copy[field] = carried;
            }
          }
          return copy;
        }),
      );
    }
  } finally {
    await db.delete();
  }
  await page.evaluate(
    (all) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tally');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction(Object.keys(all), 'readwrite');
          for (const [name, rows] of Object.entries(all)) {
            for (const row of rows as Record<string, unknown>[]) {
              const copy: Record<string, unknown> = { ...row };
              for (const [field, value] of Object.entries(row)) {
                const blob = value as Partial<CarriedBlob> | null;
                if (blob && typeof blob === 'object' && typeof blob.seededBlob === 'string') {
                  const bytes = Uint8Array.from(atob(blob.seededBlob), (char) => char.charCodeAt(0));
                  copy[field] = new Blob([bytes], { type: blob.type ?? '' });
                }
              }
              transaction.objectStore(name).put(copy);
            }
          }
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    tables,
  );
}
