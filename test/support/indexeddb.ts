import type { Frame, Page } from 'puppeteer';

/** The IndexedDB databases the page's origin holds. */
export async function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name ?? ''));
}

/** How many rows a table of Tally's database holds, read in an extension page with raw IndexedDB. */
export async function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(async (name) => {
    // Opening a database that does not exist would create an empty one; look first.
    if (!(await indexedDB.databases()).some((database) => database.name === 'tally')) return 0;
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('tally');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction(name).objectStore(name).count();
        request.onsuccess = () => {
          resolve(request.result);
          open.result.close();
        };
        request.onerror = () => reject(request.error);
      };
    });
  }, table);
}

/** Every row of a table of Tally's database, read with raw IndexedDB in an extension page or frame. */
export async function storedRows<T = Record<string, unknown>>(
  page: Page | Frame,
  table: string,
): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('tally');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result as T[]);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}
