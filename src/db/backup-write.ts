import type { Dexie, Table } from 'dexie';
import { zipSync, type Zippable } from 'fflate';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupFileName,
  type BackupBlobFile,
  BackupManifest,
  type BackupTable,
  MANIFEST_PATH,
  tablePath,
} from '../domain/backup-manifest';
import { BackupSchedule, DEFAULT_BACKUP_SCHEDULE } from '../domain/backup-schedule';
import { todayLocal } from '../domain/dates';
import { sha256Hex } from './attachments';

export interface BackupOptions {
  /** The extension's version, written in the manifest. */
  appVersion: string;
  now?: Date;
}

export interface Backup {
  fileName: string;
  zip: Blob;
  manifest: BackupManifest;
}

const SCHEDULE_KEY = 'backupSchedule';
const encoder = new TextEncoder();

/**
 * `Back up`: every row of every table of the database, read generically (db.tables) in one
 * transaction so the file is one consistent moment, and every Blob a row holds (a buy-back's
 * photos) as a file of its own, byte for byte. The stored schedule records the backup only once
 * the file is made, and the file already says so: restored, it is not due at once.
 */
export async function writeBackup(db: Dexie, options: BackupOptions): Promise<Backup> {
  const now = options.now ?? new Date();
  const createdAt = now.toISOString();
  const tables = db.tables;
  const read = await db.transaction('r', tables, () =>
    Promise.all(tables.map(async (table) => ({ table, rows: await table.toArray() }))),
  );

  const schedule = withLastBackup(
    read.find((entry) => entry.table.name === 'settings'),
    createdAt,
  );
  const entries: Zippable = {};
  const manifestTables: BackupTable[] = [];
  const files: BackupBlobFile[] = [];
  for (const { table, rows } of read) {
    const written = await Promise.all(
      rows.map((row) => blobsToFiles(table, row as Record<string, unknown>, files, entries)),
    );
    const json = encoder.encode(JSON.stringify(written));
    entries[tablePath(table.name)] = json;
    manifestTables.push({
      name: table.name,
      rows: rows.length,
      sha256: await sha256Hex(json),
      primaryKey: primaryKeyOf(table),
      schema: schemaOf(table),
    });
  }
  const manifest = BackupManifest.parse({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: db.verno,
    appVersion: options.appVersion,
    createdAt,
    tables: manifestTables,
    files,
  });
  entries[MANIFEST_PATH] = encoder.encode(JSON.stringify(manifest, null, 2));
  // Photos and PDFs are compressed already; the tables' JSON shrinks several times.
  const zipped = zipSync(entries, { level: 6 });
  if (schedule && db.tables.some((table) => table.name === 'settings')) {
    await db.table('settings').put(schedule);
  }
  return {
    fileName: backupFileName(todayLocal(now)),
    zip: new Blob([zipped], { type: 'application/zip' }),
    manifest,
  };
}

/**
 * The backupSchedule setting as it will be once this backup is made: in the file and, after it
 * is made, in the database. Read from the rows this backup holds, so the two agree.
 */
function withLastBackup(
  settings: { rows: unknown[] } | undefined,
  createdAt: string,
): { key: string; value: BackupSchedule } | null {
  if (!settings) return null;
  const index = settings.rows.findIndex((row) => (row as { key?: unknown }).key === SCHEDULE_KEY);
  const stored = BackupSchedule.safeParse((settings.rows[index] as { value?: unknown } | undefined)?.value);
  const row = {
    key: SCHEDULE_KEY,
    value: { ...(stored.success ? stored.data : DEFAULT_BACKUP_SCHEDULE), lastBackupAt: createdAt },
  };
  if (index === -1) settings.rows.push(row);
  else settings.rows[index] = row;
  return row;
}

/** The row with each Blob field replaced by a reference to its own file in the zip. */
async function blobsToFiles(
  table: Table,
  row: Record<string, unknown>,
  files: BackupBlobFile[],
  entries: Zippable,
): Promise<Record<string, unknown>> {
  let copy: Record<string, unknown> | null = null;
  for (const [field, value] of Object.entries(row)) {
    if (!(value instanceof Blob)) continue;
    copy ??= { ...row };
    const bytes = new Uint8Array(await value.arrayBuffer());
    const path =
      table.name === 'attachments' && field === 'blob' && typeof row.id === 'string'
        ? `attachments/${row.id}`
        : `files/${table.name}/${files.length + 1}`;
    files.push({
      path,
      table: table.name,
      field,
      type: value.type,
      size: bytes.byteLength,
      sha256: await sha256Hex(bytes),
    });
    entries[path] = [bytes, { level: 0 }];
    copy[field] = { $blob: path };
  }
  return copy ?? row;
}

export function primaryKeyOf(table: Table): string | string[] {
  const keyPath = table.schema.primKey.keyPath;
  if (keyPath === undefined || keyPath === null) {
    // Every Tally table keeps its key in the row; a table that does not cannot be merged by key.
    throw new Error(`Table ${table.name} has no key inside its rows.`);
  }
  return typeof keyPath === 'string' ? keyPath : [...keyPath];
}

function schemaOf(table: Table): string {
  return [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', ');
}
