import type { Dexie } from 'dexie';
import { t } from '../domain/i18n';
import {
  type BackupContents,
  BackupRefused,
  fileRowWins,
  holdsNoRecords,
  keyOf,
  type Row,
} from './backup-read';

/**
 * `Restore into empty profile`: the database becomes the backup (its settings included).
 * `Merge`: adds every row missing here, by primary key, and takes the file's copy of a row only
 * when it was changed later (`updatedAt`); nothing is duplicated.
 */
export type RestoreMode = 'empty' | 'merge';

/**
 * Writes a backup read by readBackup, in ONE transaction over every table: any failure (a full
 * disk, a constraint, the profile no longer empty) writes nothing. Decisions are taken again
 * inside the transaction, so a record saved after the preview is never overwritten by an older copy.
 * Resolves to the number of rows written.
 */
export async function applyRestore(db: Dexie, contents: BackupContents, mode: RestoreMode): Promise<number> {
  return db.transaction('rw', db.tables, async () => {
    let written = 0;
    if (mode === 'empty') {
      if (!(await holdsNoRecords(db))) throw new BackupRefused(t('backup_refused_not_empty'));
      await db.table('settings').clear();
      for (const table of contents.tables) {
        await db.table(table.name).bulkAdd(table.rows);
        written += table.rows.length;
      }
      return written;
    }
    for (const table of contents.tables) {
      const target = db.table(table.name);
      const here = (await target.bulkGet(table.rows.map((row) => keyOf(row, table.primaryKey)))) as (
        Row | undefined
      )[];
      const toWrite = table.rows.filter((row, index) => {
        const local = here[index];
        return !local || fileRowWins(local, row);
      });
      if (toWrite.length > 0) await target.bulkPut(toWrite);
      written += toWrite.length;
    }
    return written;
  });
}
