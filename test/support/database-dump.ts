import type { Page } from 'puppeteer';

/**
 * Every row of every table of the page's Tally database, read with raw IndexedDB, sorted; a Blob
 * as its type, size and SHA-256. Two equal dumps are the same data, attachments byte for byte —
 * whichever build (extension or web app) the page belongs to.
 */
export async function dumpTallyDatabase(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string[]>>((resolve, reject) => {
        const open = indexedDB.open('tally');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const names = [...database.objectStoreNames];
          const transaction = database.transaction(names);
          const reads = names.map(
            (name) =>
              new Promise<[string, unknown[]]>((done, fail) => {
                const request = transaction.objectStore(name).getAll();
                request.onsuccess = () => done([name, request.result]);
                request.onerror = () => fail(request.error);
              }),
          );
          void Promise.all(reads)
            .then(async (tables) => {
              const result: Record<string, string[]> = {};
              for (const [name, rows] of tables) {
                const texts: string[] = [];
                for (const row of rows as Record<string, unknown>[]) {
                  const copy: Record<string, unknown> = { ...row };
                  for (const [field, value] of Object.entries(row)) {
                    if (value instanceof Blob) {
                      const digest = await crypto.subtle.digest('SHA-256', await value.arrayBuffer());
                      const hex = [...new Uint8Array(digest)]
                        .map((b) => b.toString(16).padStart(2, '0'))
                        .join('');
                      copy[field] = { blobType: value.type, size: value.size, sha256: hex };
                    }
                  }
                  texts.push(JSON.stringify(copy));
                }
                result[name] = texts.sort();
              }
              database.close();
              resolve(result);
            })
            .catch(reject);
        };
      }),
  );
}
