import { Dexie } from 'dexie';
import { type UnzipFileInfo, unzipSync, type Unzipped } from 'fflate';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupManifest,
  BlobReference,
  type BackupBlobFile,
  canonicalJson,
  MANIFEST_PATH,
  MAX_MANIFEST_BYTES,
  rowKey,
  tablePath,
} from '../domain/backup-manifest';
import { formatCount } from '../domain/locale-format';
import { t } from '../domain/i18n';
import { sha256Hex } from './attachments';
import { restoreKeyProblem, restoreRowProblem } from './backup-rows';
import { primaryKeyOf } from './backup-write';
import { TallyDatabase } from './database';

/** A backup file Tally will not restore, with the sentence that says why. Nothing was written. */
export class BackupRefused extends Error {
  override name = 'BackupRefused';
}

export type Row = Record<string, unknown>;

export interface BackupTableRows {
  name: string;
  primaryKey: string | string[];
  rows: Row[];
}

/** A backup read and validated whole: every row as this Tally stores it, Blobs in place. */
export interface BackupContents {
  manifest: BackupManifest;
  tables: BackupTableRows[];
  /** The schema version the file was made at, when older than this Tally's and upgraded. */
  upgradedFrom?: number;
  /** The SHA-256 of each Blob the rows hold, from the manifest (checked against the bytes). */
  blobHashes: WeakMap<Blob, string>;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

interface BlobFile {
  file: BackupBlobFile;
  blob: Blob;
}

/**
 * Reads a `Back up` file and checks ALL of it before anything is shown or written: a readable zip,
 * Tally's manifest, a schema no newer than this Tally's, each table's size, checksum and row count,
 * every attached file present with its declared size and checksum, every row an object with its
 * key (once), against its table's schema and its unique indexes. Older backups are upgraded
 * through the database's own migrations (upgradeRows). Any problem throws BackupRefused with a
 * sentence for the user.
 */
export async function readBackup(db: Dexie, zip: Uint8Array): Promise<BackupContents> {
  // The manifest alone first: a large zip that is not a backup is refused without inflating it,
  // and only the files the manifest names are inflated after, each no larger than it declares
  // (fflate sizes its output from the zip's header, so a header promising gigabytes is refused
  // before the memory is taken).
  const manifest = readManifest(
    unzipEntries(zip, (file) => file.name === MANIFEST_PATH && fitsDeclared(file, MAX_MANIFEST_BYTES)),
  );
  if (manifest.schemaVersion > db.verno) {
    throw new BackupRefused(
      t('backup_refused_newer_schema', String(manifest.schemaVersion), String(db.verno)),
    );
  }
  const declared = declaredSizes(manifest);
  const entries = unzipEntries(zip, (file) => {
    const size = declared.get(file.name);
    return size !== undefined && fitsDeclared(file, size);
  });
  const files = await readBlobFiles(entries, manifest.files);
  const blobHashes = new WeakMap<Blob, string>();
  for (const { file, blob } of files.values()) blobHashes.set(blob, file.sha256);
  let tables: BackupTableRows[] = [];
  for (const table of manifest.tables) {
    const path = tablePath(table.name);
    const bytes = entries[path];
    if (!bytes) throw new BackupRefused(t('backup_refused_missing_file', path));
    delete entries[path];
    if (bytes.byteLength !== table.bytes || (await sha256Hex(ownBytes(bytes))) !== table.sha256) {
      throw new BackupRefused(t('backup_refused_checksum', table.name));
    }
    const rows = parseJson(bytes);
    if (!Array.isArray(rows) || rows.length !== table.rows) {
      throw new BackupRefused(t('backup_refused_damaged', t('backup_problem_row_count', table.name)));
    }
    const withBlobs = rows.map((row: unknown) => blobsFromFiles(table.name, row, files));
    tables.push({ name: table.name, primaryKey: table.primaryKey, rows: withBlobs });
  }
  // Objects with their keys, each key once, before any row goes anywhere (the scratch database
  // of an upgrade included): the keys as the file's own version declares them.
  checkKeys(tables);
  let upgradedFrom: number | undefined;
  if (manifest.schemaVersion < db.verno) {
    tables = await upgradeRows(manifest, tables);
    upgradedFrom = manifest.schemaVersion;
  }
  tables = checkRows(db, tables);
  return { manifest, tables, blobHashes, ...(upgradedFrom === undefined ? {} : { upgradedFrom }) };
}

/** Each file the manifest names, with the size it declares; a name listed twice is refused. */
function declaredSizes(manifest: BackupManifest): Map<string, number> {
  const sizes = new Map<string, number>();
  const declare = (path: string, size: number, twice: string) => {
    if (sizes.has(path)) throw new BackupRefused(t('backup_refused_damaged', twice));
    sizes.set(path, size);
  };
  for (const table of manifest.tables) {
    declare(tablePath(table.name), table.bytes, t('backup_problem_table_twice', table.name));
  }
  for (const file of manifest.files) declare(file.path, file.size, t('backup_problem_file_twice', file.path));
  return sizes;
}

/** Whether a zip entry unpacks to no more than `size` bytes, as its header says; refused if not. */
function fitsDeclared(file: UnzipFileInfo, size: number): boolean {
  if (file.originalSize > size) {
    throw new BackupRefused(t('backup_refused_damaged', t('backup_problem_larger_than_declared', file.name)));
  }
  return true;
}

function unzipEntries(zip: Uint8Array, wanted: (file: UnzipFileInfo) => boolean): Unzipped {
  try {
    return unzipSync(zip, { filter: wanted });
  } catch (failure) {
    if (failure instanceof BackupRefused) throw failure;
    throw new BackupRefused(t('backup_refused_not_zip'));
  }
}

function readManifest(entries: Unzipped): BackupManifest {
  const bytes = entries[MANIFEST_PATH];
  let raw: unknown;
  try {
    raw = bytes ? parseJson(bytes) : undefined;
  } catch {
    raw = undefined;
  }
  if (raw === null || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupRefused(t('backup_refused_foreign'));
  }
  const formatVersion = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupRefused(t('backup_refused_newer_format'));
  }
  const parsed = BackupManifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    throw new BackupRefused(
      t('backup_refused_damaged', t('backup_problem_manifest', field, issue?.message ?? '')),
    );
  }
  return parsed.data;
}

/**
 * Every attached file the manifest lists, checked against its declared size and SHA-256, as one
 * Blob each: the unpacked bytes are let go as soon as the Blob holds them.
 */
async function readBlobFiles(
  entries: Unzipped,
  declared: readonly BackupBlobFile[],
): Promise<Map<string, BlobFile>> {
  const files = new Map<string, BlobFile>();
  for (const file of declared) {
    const stored = entries[file.path];
    if (!stored) throw new BackupRefused(t('backup_refused_missing_file', file.path));
    delete entries[file.path];
    const bytes = ownBytes(stored);
    if (bytes.byteLength !== file.size) {
      throw new BackupRefused(
        t('backup_refused_file_size', file.path, formatCount(bytes.byteLength), formatCount(file.size)),
      );
    }
    if ((await sha256Hex(bytes)) !== file.sha256) {
      throw new BackupRefused(t('backup_refused_file_checksum', file.path));
    }
    files.set(file.path, { file, blob: new Blob([bytes], { type: file.type }) });
  }
  return files;
}

/**
 * The row with each `{ "$blob": path }`, at any depth, replaced by that file's Blob. A reference
 * must name a file the manifest lists for this very table and place in the row.
 */
function blobsFromFiles(table: string, row: unknown, files: Map<string, BlobFile>): Row {
  const walk = (value: unknown, path: readonly string[]): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((inner, index) => walk(inner, [...path, String(index)]));
    const reference = BlobReference.safeParse(value);
    if (reference.success) {
      const found = files.get(reference.data.$blob);
      if (!found || found.file.table !== table || found.file.field !== path.join('.')) {
        throw new BackupRefused(t('backup_refused_missing_file', reference.data.$blob));
      }
      return found.blob;
    }
    return Object.fromEntries(
      Object.entries(value as Row).map(([field, inner]) => [field, walk(inner, [...path, field])]),
    );
  };
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return row as Row;
  return walk(row, []) as Row;
}

/** A refusal naming the table, the row (1-based, as in the table's file) and the field. */
function rowRefused(table: string, index: number, field: string, message: string): BackupRefused {
  return new BackupRefused(
    t('backup_refused_row', table, formatCount(index + 1), field || t('backup_problem_whole_row'), message),
  );
}

/** Every row an object holding its table's key, and no key twice in a table. */
function checkKeys(tables: readonly BackupTableRows[]): void {
  for (const table of tables) {
    const keys = new Set<string>();
    table.rows.forEach((row, index) => {
      const problem = restoreKeyProblem(table.primaryKey, row);
      if (problem) throw rowRefused(table.name, index, problem.field, problem.message);
      const key = rowKey(row, table.primaryKey);
      if (keys.has(key)) throw rowRefused(table.name, index, key, t('backup_problem_key_twice'));
      keys.add(key);
    });
  }
}

/**
 * Every row against its table's schema and its unique indexes (two products with one SKU could
 * never be written), keyed by this Tally's primary key from here on, whatever the manifest
 * claims. Tables this Tally does not have are refused: at the same schema version there are
 * none, so the file was not made by Tally.
 */
function checkRows(db: Dexie, tables: readonly BackupTableRows[]): BackupTableRows[] {
  return tables.map((table) => {
    const here = db.tables.find((candidate) => candidate.name === table.name);
    if (!here)
      throw new BackupRefused(t('backup_refused_damaged', t('backup_problem_unknown_table', table.name)));
    const primaryKey = primaryKeyOf(here);
    if (canonicalJson(primaryKey) !== canonicalJson(table.primaryKey)) {
      throw new BackupRefused(t('backup_refused_damaged', t('backup_problem_primary_key', table.name)));
    }
    const unique = here.schema.indexes.filter((index) => index.unique && index.keyPath !== undefined);
    const seen = unique.map(() => new Set<string>());
    table.rows.forEach((row, index) => {
      const problem = restoreRowProblem(table.name, primaryKey, row);
      if (problem) throw rowRefused(table.name, index, problem.field, problem.message);
      unique.forEach((spec, at) => {
        const value: unknown = Dexie.getByKeyPath(row, spec.keyPath!);
        if (value === undefined) return;
        const text = JSON.stringify(value);
        if (seen[at]!.has(text))
          throw rowRefused(table.name, index, spec.name, t('backup_problem_unique_twice'));
        seen[at]!.add(text);
      });
    });
    return { ...table, primaryKey };
  });
}

/**
 * A backup from an older schema version, brought to this one by the same upgrade code an
 * installed Tally runs: its rows go into a scratch database made at the old version (from the
 * table schemas the manifest keeps), which TallyDatabase then opens and upgrades; the upgraded
 * rows are read back and the scratch database deleted, whatever happened. Its name is unique to
 * this restore, so two restores at once never share one.
 */
async function upgradeRows(manifest: BackupManifest, tables: BackupTableRows[]): Promise<BackupTableRows[]> {
  const name = `tally-restore-${crypto.randomUUID()}`;
  try {
    const old = new Dexie(name);
    old
      .version(manifest.schemaVersion)
      .stores(Object.fromEntries(manifest.tables.map((table) => [table.name, table.schema])));
    try {
      await old.transaction('rw', old.tables, async () => {
        for (const table of tables) await old.table(table.name).bulkAdd(table.rows);
      });
    } finally {
      old.close();
    }
    const upgraded = new TallyDatabase(name);
    try {
      const read = await upgraded.transaction('r', upgraded.tables, () =>
        Promise.all(
          upgraded.tables.map(async (table) => ({
            name: table.name,
            primaryKey: primaryKeyOf(table),
            rows: (await table.toArray()) as Row[],
          })),
        ),
      );
      return read;
    } finally {
      upgraded.close();
    }
  } catch (failure) {
    if (failure instanceof BackupRefused) throw failure;
    throw new BackupRefused(
      t(
        'backup_refused_upgrade',
        String(manifest.schemaVersion),
        failure instanceof Error ? failure.message : '',
      ),
    );
  } finally {
    // A failed delete must not hide why the upgrade failed; the next restore's name is new anyway.
    await Dexie.delete(name).catch(() => undefined);
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    throw new BackupRefused(t('backup_refused_damaged', t('backup_problem_json')));
  }
}

/**
 * The bytes in an ArrayBuffer of their own (crypto.subtle and Blob take no shared buffers):
 * fflate's output usually is one already, and is then used as it is rather than copied again.
 */
function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}

/** Whether the database holds no records: every table empty but the settings. */
export async function holdsNoRecords(db: Dexie): Promise<boolean> {
  for (const table of db.tables) {
    if (table.name !== 'settings' && (await table.count()) > 0) return false;
  }
  return true;
}
