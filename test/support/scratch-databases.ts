import type { Dexie } from 'dexie';
import { afterEach } from 'vitest';
import { TallyDatabase } from '../../src/db/database';

/**
 * Fresh databases for a test file (fake-indexeddb: import 'fake-indexeddb/auto' first), each
 * deleted after the test that made it.
 */
export function scratchDatabases() {
  const opened: Dexie[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });
  return {
    /** A new, empty Tally database. */
    database(): TallyDatabase {
      return this.track(new TallyDatabase(`test-${crypto.randomUUID()}`));
    },
    /** Deletes `db` after the test too. */
    track<D extends Dexie>(db: D): D {
      opened.push(db);
      return db;
    },
  };
}
