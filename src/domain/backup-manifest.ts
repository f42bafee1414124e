import { z } from 'zod';
import { Instant } from './dates';

/**
 * The `Back up` file: a zip holding manifest.json, one JSON file per database table
 * (`tables/<name>.json`, an array of rows) and every Blob a row holds as a file of its own
 * (`attachments/<id>` for a buy-back's files), byte for byte. In a table's JSON a Blob is replaced
 * by `{ "$blob": "<path in the zip>" }`; the manifest lists each such file with its size and SHA-256.
 */
export const BACKUP_FORMAT = 'tally-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
const TableName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'a table name');

export const BackupTable = z.object({
  name: TableName,
  rows: z.number().int().min(0),
  /** SHA-256 of the table's JSON file, byte for byte. */
  sha256: Sha256,
  /**
   * Length of the table's JSON file: an entry whose zip header promises more is refused before
   * it is inflated (a zip bomb would otherwise fill the memory first).
   */
  bytes: z.number().int().min(0),
  /** The table's primary key path: a field, or the fields of a compound key. */
  primaryKey: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  /** Dexie's schema of the table at `schemaVersion` ("id, contactId, *tags"): an older backup is rebuilt from it. */
  schema: z.string().min(1),
});
export type BackupTable = z.infer<typeof BackupTable>;

export const BackupBlobFile = z.object({
  path: z.string().regex(/^(attachments|files)\/[A-Za-z0-9._-]{1,128}(\/[A-Za-z0-9._-]{1,128})?$/),
  table: TableName,
  /** Where the Blob sits in its row: a field, or a dotted path for one nested in an object or array. */
  field: z.string().min(1),
  type: z.string().max(255),
  size: z.number().int().min(0),
  sha256: Sha256,
});
export type BackupBlobFile = z.infer<typeof BackupBlobFile>;

export const BackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  /** The Dexie schema version (db.verno) the rows were read at. */
  schemaVersion: z.number().int().min(1),
  appVersion: z.string().max(40),
  createdAt: Instant,
  tables: z.array(BackupTable),
  files: z.array(BackupBlobFile),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** How a row's Blob field is written in a table's JSON. */
export const BlobReference = z.strictObject({ $blob: z.string().min(1) });

/** The most a manifest may unpack to: hundreds of thousands of attached files stay below it. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export function tablePath(name: string): string {
  return `tables/${name}.json`;
}

/** `tally-backup-2026-03-05.zip`, for the user's calendar day. */
export function backupFileName(day: string): string {
  return `tally-backup-${day}.zip`;
}

/** The attachments a backup holds: how many files and how many bytes. */
export function blobTotals(files: readonly BackupBlobFile[]): { count: number; bytes: number } {
  return { count: files.length, bytes: files.reduce((sum, file) => sum + file.size, 0) };
}

/** A row's key in its table, as text: "id" or "jobId+index" values joined, for messages and maps. */
export function rowKey(row: Record<string, unknown>, primaryKey: string | readonly string[]): string {
  return typeof primaryKey === 'string'
    ? JSON.stringify(row[primaryKey])
    : JSON.stringify(primaryKey.map((field) => row[field]));
}

/**
 * A row as comparable text: keys sorted at every depth, so two rows that hold the same values
 * compare equal whatever order their fields were written in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    );
  });
}
