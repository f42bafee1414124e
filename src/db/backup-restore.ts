import type { Dexie } from 'dexie';
import { t } from '../domain/i18n';
import { mergeFates } from './backup-merge';
import { type BackupContents, BackupRefused, holdsNoRecords } from './backup-read';

/**
 * `Restore into empty profile`: the database becomes the backup (its settings included, and a
 * reconcile job in flight with its file and the rows it read, which the worker then resumes).
 * `Merge`: adds every row missing here, by primary key, and takes the file's copy of a row only
 * when it was changed later (`updatedAt`); nothing is duplicated by key. A row whose unique value
 * (a SKU) another row here holds stays out, a job in flight here is left to its worker, and a
 * job's working rows come only with a job added from the file (see RowFate). A contact that looks
 * like one here under another id is added, and the preview says how many (TablePlan.lookAlike).
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
    for (const { table, fates } of await mergeFates(db, contents)) {
      const toWrite = table.rows.filter(
        (_row, index) => fates[index] === 'add' || fates[index] === 'newerInFile',
      );
      if (toWrite.length > 0) await db.table(table.name).bulkPut(toWrite);
      written += toWrite.length;
    }
    return written;
  });
}
