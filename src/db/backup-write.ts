import type { Dexie, Table } from 'dexie';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupFileName,
  type BackupBlobFile,
  BackupManifest,
  type BackupTable,
  MANIFEST_PATH,
  rowKey,
  tablePath,
} from '../domain/backup-manifest';
import { BackupSchedule, DEFAULT_BACKUP_SCHEDULE } from '../domain/backup-schedule';
import { todayLocal } from '../domain/dates';
import { t } from '../domain/i18n';
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
 * photos, a reconcile job's file), at any depth, as a file of its own, byte for byte. The zip is
 * streamed: each Blob is read only when its turn comes, and the zip's bytes gather in Blobs, so a
 * profile with many photos is not held in memory two or three times over. The stored schedule
 * records the backup only once the file is made, and the file already says so: restored, it is
 * not due at once.
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
  const zip = new ZipWriter();
  const manifestTables: BackupTable[] = [];
  const files: BackupBlobFile[] = [];
  for (const { table, rows } of read) {
    const blobs: PendingBlob[] = [];
    const written = rows.map((row) =>
      toBackupJson(table, row as Record<string, unknown>, files.length, blobs),
    );
    const json = encoder.encode(JSON.stringify(written));
    // Photos and PDFs are compressed already; the tables' JSON shrinks several times.
    zip.add(tablePath(table.name), json, true);
    manifestTables.push({
      name: table.name,
      rows: rows.length,
      sha256: await sha256Hex(json),
      bytes: json.byteLength,
      primaryKey: primaryKeyOf(table),
      schema: schemaOf(table),
    });
    for (const { blob, path, field } of blobs) {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      files.push({
        path,
        table: table.name,
        field,
        type: blob.type,
        size: bytes.byteLength,
        sha256: await sha256Hex(bytes),
      });
      zip.add(path, bytes, false);
    }
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
  zip.add(MANIFEST_PATH, encoder.encode(JSON.stringify(manifest, null, 2)), true);
  const zipped = zip.finish();
  if (schedule && db.tables.some((table) => table.name === 'settings')) {
    await db.table('settings').put(schedule);
  }
  return { fileName: backupFileName(todayLocal(now)), zip: zipped, manifest };
}

/** fflate's streaming zip, its output gathered into Blobs every few megabytes. */
class ZipWriter {
  private readonly parts: BlobPart[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private failure: Error | null = null;
  private readonly zip = new Zip((error, chunk) => {
    if (error) this.failure = error;
    else this.collect(chunk);
  });

  add(path: string, bytes: Uint8Array, compress: boolean): void {
    const entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    this.zip.add(entry);
    entry.push(bytes, true);
    if (this.failure) throw this.failure;
  }

  finish(): Blob {
    this.zip.end();
    if (this.failure) throw this.failure;
    this.flush();
    return new Blob(this.parts, { type: 'application/zip' });
  }

  private collect(chunk: Uint8Array): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.byteLength;
    if (this.pendingBytes >= 8 * 1024 * 1024) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(new Blob(this.pending as BlobPart[]));
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** A Blob found in a row, to be written as its own file once the table's JSON is done. */
interface PendingBlob {
  blob: Blob;
  path: string;
  field: string;
}

/**
 * The row as JSON keeps it: each Blob, at any depth, replaced by `{ "$blob": path }` and listed
 * in `blobs`. A value JSON would change or drop (a Date, NaN, a Map, bytes…) is refused by name
 * rather than written wrong: a backup that cannot be restored as it was is worse than none.
 */
function toBackupJson(
  table: Table,
  row: Record<string, unknown>,
  filesBefore: number,
  blobs: PendingBlob[],
): unknown {
  const walk = (value: unknown, path: readonly string[]): unknown => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (value instanceof Blob) {
      const field = path.join('.');
      const file =
        table.name === 'attachments' && field === 'blob' && typeof row.id === 'string'
          ? `attachments/${row.id}`
          : `files/${table.name}/${filesBefore + blobs.length + 1}`;
      blobs.push({ blob: value, path: file, field });
      return { $blob: file };
    }
    if (Array.isArray(value)) return value.map((inner, index) => walk(inner, [...path, String(index)]));
    if (isPlainObject(value)) {
      const copy: Record<string, unknown> = {};
      for (const [field, inner] of Object.entries(value)) {
        // JSON leaves out an absent optional field, and so does IndexedDB's copy of it.
        if (inner !== undefined) copy[field] = walk(inner, [...path, field]);
      }
      return copy;
    }
    throw new Error(
      t('backup_unkeepable_value', table.name, rowKey(row, primaryKeyOf(table)), path.join('.') || '—'),
    );
  };
  return walk(row, []);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
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
