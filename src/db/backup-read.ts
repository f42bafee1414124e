import { Dexie, type IndexableType } from 'dexie';
import { unzipSync, type Unzipped } from 'fflate';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupManifest,
  BlobReference,
  type BackupBlobFile,
  blobTotals,
  canonicalJson,
  MANIFEST_PATH,
  rowKey,
  tablePath,
} from '../domain/backup-manifest';
import { formatCount } from '../domain/locale-format';
import { t } from '../domain/i18n';
import { sha256Hex } from './attachments';
import { restoreRowProblem } from './backup-rows';
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

/**
 * Reads a `Back up` file and checks ALL of it before anything is shown or written: a readable zip,
 * Tally's manifest, a schema no newer than this Tally's, each table's checksum and row count, every
 * attached file present with its declared size and checksum, and every row against its table's
 * schema. Older backups are upgraded through the database's own migrations (upgradeRows). Any
 * problem throws BackupRefused with a sentence for the user.
 */
export async function readBackup(db: Dexie, zip: Uint8Array): Promise<BackupContents> {
  // The manifest alone first: a large zip that is not a backup is refused without inflating it,
  // and only the files the manifest names are inflated after.
  const manifest = readManifest(unzipEntries(zip, (name) => name === MANIFEST_PATH));
  const wanted = new Set([
    ...manifest.tables.map((table) => tablePath(table.name)),
    ...manifest.files.map((file) => file.path),
  ]);
  const entries = unzipEntries(zip, (name) => wanted.has(name));
  if (manifest.schemaVersion > db.verno) {
    throw new BackupRefused(
      t('backup_refused_newer_schema', String(manifest.schemaVersion), String(db.verno)),
    );
  }
  const names = new Set<string>();
  for (const table of manifest.tables) {
    if (names.has(table.name))
      throw new BackupRefused(t('backup_refused_damaged', t('backup_problem_table_twice', table.name)));
    names.add(table.name);
  }
  const files = await readBlobFiles(entries, manifest.files);
  const blobHashes = new WeakMap<Blob, string>();
  let tables: BackupTableRows[] = [];
  for (const table of manifest.tables) {
    const bytes = entries[tablePath(table.name)];
    if (!bytes) throw new BackupRefused(t('backup_refused_missing_file', tablePath(table.name)));
    if ((await sha256Hex(copyOf(bytes))) !== table.sha256) {
      throw new BackupRefused(t('backup_refused_checksum', table.name));
    }
    const rows = parseJson(bytes);
    if (!Array.isArray(rows) || rows.length !== table.rows) {
      throw new BackupRefused(t('backup_refused_damaged', t('backup_problem_row_count', table.name)));
    }
    const withBlobs = rows.map((row: unknown) => blobsFromFiles(table.name, row, files, blobHashes));
    tables.push({ name: table.name, primaryKey: table.primaryKey, rows: withBlobs });
  }
  let upgradedFrom: number | undefined;
  if (manifest.schemaVersion < db.verno) {
    tables = await upgradeRows(manifest, tables);
    upgradedFrom = manifest.schemaVersion;
  }
  checkRows(db, tables);
  return { manifest, tables, blobHashes, ...(upgradedFrom === undefined ? {} : { upgradedFrom }) };
}

function unzipEntries(zip: Uint8Array, wanted: (name: string) => boolean): Unzipped {
  try {
    return unzipSync(zip, { filter: (file) => wanted(file.name) });
  } catch {
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

/** Every attached file the manifest lists, checked against its declared size and SHA-256. */
async function readBlobFiles(
  entries: Unzipped,
  declared: readonly BackupBlobFile[],
): Promise<Map<string, { file: BackupBlobFile; bytes: Uint8Array<ArrayBuffer> }>> {
  const files = new Map<string, { file: BackupBlobFile; bytes: Uint8Array<ArrayBuffer> }>();
  for (const file of declared) {
    const stored = entries[file.path];
    if (!stored) throw new BackupRefused(t('backup_refused_missing_file', file.path));
    const bytes = copyOf(stored);
    if (bytes.byteLength !== file.size) {
      throw new BackupRefused(
        t('backup_refused_file_size', file.path, formatCount(bytes.byteLength), formatCount(file.size)),
      );
    }
    if ((await sha256Hex(bytes)) !== file.sha256) {
      throw new BackupRefused(t('backup_refused_file_checksum', file.path));
    }
    if (files.has(file.path)) {
      throw new BackupRefused(t('backup_refused_damaged', t('backup_problem_file_twice', file.path)));
    }
    files.set(file.path, { file, bytes });
  }
  return files;
}

/** The row with each `{ "$blob": path }` replaced by a Blob of that file's bytes. */
function blobsFromFiles(
  table: string,
  row: unknown,
  files: Map<string, { file: BackupBlobFile; bytes: Uint8Array<ArrayBuffer> }>,
  blobHashes: WeakMap<Blob, string>,
): Row {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return row as Row;
  const copy: Row = { ...(row as Row) };
  for (const [field, value] of Object.entries(copy)) {
    const reference = BlobReference.safeParse(value);
    if (!reference.success) continue;
    const found = files.get(reference.data.$blob);
    if (!found || found.file.table !== table || found.file.field !== field) {
      throw new BackupRefused(t('backup_refused_missing_file', reference.data.$blob));
    }
    const blob = new Blob([found.bytes], { type: found.file.type });
    blobHashes.set(blob, found.file.sha256);
    copy[field] = blob;
  }
  return copy;
}

/**
 * Every row against its table's schema, and every key once; the first problem names the table,
 * the row (1-based, as in the table's file) and the field. Tables this Tally does not have are
 * refused: at the same schema version there are none, so the file was not made by Tally.
 */
function checkRows(db: Dexie, tables: readonly BackupTableRows[]): void {
  for (const table of tables) {
    const here = db.tables.find((candidate) => candidate.name === table.name);
    if (!here)
      throw new BackupRefused(t('backup_refused_damaged', t('backup_problem_unknown_table', table.name)));
    const keys = new Set<string>();
    table.rows.forEach((row, index) => {
      const problem = restoreRowProblem(table.name, primaryKeyOf(here), row);
      if (problem) {
        throw new BackupRefused(
          t(
            'backup_refused_row',
            table.name,
            formatCount(index + 1),
            problem.field || t('backup_problem_whole_row'),
            problem.message,
          ),
        );
      }
      const key = rowKey(row, primaryKeyOf(here));
      if (keys.has(key)) {
        throw new BackupRefused(
          t('backup_refused_row', table.name, formatCount(index + 1), key, t('backup_problem_key_twice')),
        );
      }
      keys.add(key);
    });
  }
}

/**
 * A backup from an older schema version, brought to this one by the same upgrade code an
 * installed Tally runs: its rows go into a scratch database made at the old version (from the
 * table schemas the manifest keeps), which TallyDatabase then opens and upgrades; the upgraded
 * rows are read back and the scratch database deleted.
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
    await Dexie.delete(name);
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    throw new BackupRefused(t('backup_refused_damaged', t('backup_problem_json')));
  }
}

/** The bytes in an ArrayBuffer of their own (crypto.subtle and Blob take no shared buffers). */
function copyOf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

// ---------------------------------------------------------------------------------------------

/** How a table's rows compare with what is here. */
export interface TablePlan {
  name: string;
  rows: number;
  /** Not here: Merge adds them. */
  added: number;
  /** Here with the same content. */
  identical: number;
  /** Here, changed later than the file's copy (or changed and undated): Merge keeps what is here. */
  newerHere: number;
  /** Here, but the file's copy changed later: Merge takes the file's. */
  newerInFile: number;
}

export interface RestorePlan {
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  upgradedFrom?: number;
  tables: TablePlan[];
  attachments: { count: number; bytes: number };
  /** Tally holds no records (settings aside): `Restore into empty profile` may run. */
  profileEmpty: boolean;
}

/** Whether the database holds no records: every table empty but the settings. */
export async function holdsNoRecords(db: Dexie): Promise<boolean> {
  for (const table of db.tables) {
    if (table.name !== 'settings' && (await table.count()) > 0) return false;
  }
  return true;
}

/**
 * Whether the file's copy of a row replaces the one here when merging: only when both carry
 * `updatedAt` and the file's is later. Equal or undated rows stay as they are, so merging the
 * same file twice writes nothing the second time.
 */
export function fileRowWins(here: Row, fromFile: Row): boolean {
  return (
    typeof here.updatedAt === 'string' &&
    typeof fromFile.updatedAt === 'string' &&
    fromFile.updatedAt > here.updatedAt
  );
}

/** What restoring `contents` would do here, table by table, for the preview. */
export async function planRestore(db: Dexie, contents: BackupContents): Promise<RestorePlan> {
  const tables: TablePlan[] = [];
  for (const table of contents.tables) {
    const keys = table.rows.map((row) => keyOf(row, table.primaryKey));
    const here = (await db.table(table.name).bulkGet(keys)) as (Row | undefined)[];
    const plan: TablePlan = {
      name: table.name,
      rows: table.rows.length,
      added: 0,
      identical: 0,
      newerHere: 0,
      newerInFile: 0,
    };
    for (const [index, row] of table.rows.entries()) {
      const local = here[index];
      if (!local) plan.added++;
      else if (await sameRow(local, row, contents.blobHashes)) plan.identical++;
      else if (fileRowWins(local, row)) plan.newerInFile++;
      else plan.newerHere++;
    }
    tables.push(plan);
  }
  return {
    createdAt: contents.manifest.createdAt,
    appVersion: contents.manifest.appVersion,
    schemaVersion: contents.manifest.schemaVersion,
    ...(contents.upgradedFrom === undefined ? {} : { upgradedFrom: contents.upgradedFrom }),
    tables,
    attachments: blobTotals(contents.manifest.files),
    profileEmpty: await holdsNoRecords(db),
  };
}

export function keyOf(row: Row, primaryKey: string | readonly string[]): IndexableType {
  // restoreRowProblem checked that every key part is text or a number.
  return (
    typeof primaryKey === 'string' ? row[primaryKey] : primaryKey.map((field) => row[field])
  ) as IndexableType;
}

/** Same fields and values, Blobs compared by their bytes' SHA-256. */
async function sameRow(here: Row, fromFile: Row, fileHashes: WeakMap<Blob, string>): Promise<boolean> {
  const shape = (row: Row) =>
    canonicalJson(
      Object.fromEntries(
        Object.entries(row).map(([field, value]) =>
          value instanceof Blob ? [field, { blob: value.size, type: value.type }] : [field, value],
        ),
      ),
    );
  if (shape(here) !== shape(fromFile)) return false;
  for (const [field, value] of Object.entries(fromFile)) {
    if (!(value instanceof Blob)) continue;
    const local = here[field] as Blob;
    const fileHash = fileHashes.get(value) ?? (await sha256Hex(new Uint8Array(await value.arrayBuffer())));
    if ((await sha256Hex(new Uint8Array(await local.arrayBuffer()))) !== fileHash) return false;
  }
  return true;
}
