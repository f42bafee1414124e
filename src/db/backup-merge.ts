import { Dexie, type IndexableType, type Table } from 'dexie';
import { blobTotals, canonicalJson, rowKey } from '../domain/backup-manifest';
import { JOB_STATES } from '../domain/reconcile';
import { sha256Hex } from './attachments';
import { type BackupContents, type BackupTableRows, holdsNoRecords, type Row } from './backup-read';

/**
 * What `Merge` does with one row of the file. The preview counts these and the restore writes
 * `add` and `newerInFile`, from the same function, so what is shown is what is done.
 */
export type RowFate =
  /** Not here: added. */
  | 'add'
  /** Here with the same content (told apart only for the preview). */
  | 'identical'
  /** Here, changed later (or undated): kept as it is here. */
  | 'newerHere'
  /** Here, but the file's copy changed later: the file's copy replaces it. */
  | 'newerInFile'
  /**
   * A value that must be unique (a product's SKU, a do-not-buy serial) already belongs to another
   * row here: the row here is kept and the file's is not written (it could not be: the index
   * refuses it, and two products with one SKU is what the index exists to prevent).
   */
  | 'heldElsewhere'
  /**
   * A reconcile job's working rows (its file, the rows read so far) for a job not taken from the
   * file: they belong to the job as it is stored here, or to no job at all.
   */
  | 'notRestored';

/** How a table's rows compare with what is here. */
export interface TablePlan {
  name: string;
  rows: number;
  added: number;
  identical: number;
  newerHere: number;
  newerInFile: number;
  heldElsewhere: number;
  notRestored: number;
  /**
   * Added contacts that look like a contact already here under another id (same back-office id,
   * email or phone): Merge adds them as they are (their purchases, notes and buy-backs point at
   * their id), and the Duplicates list offers to merge each pair afterwards.
   */
  lookAlike: number;
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

/** A reconcile job's working tables: rows that belong to one job, by its id. */
const JOB_WORKING_TABLES: ReadonlySet<string> = new Set(['reconcileFiles', 'reconcileChunks']);
const UNFINISHED_JOB: ReadonlySet<string> = new Set(
  JOB_STATES.filter((state) => !['done', 'failed', 'cancelled'].includes(state)),
);

/** The indexes capture and import match contacts on (DESIGN.md), the name aside: too weak alone. */
const CONTACT_IDENTITY = ['externalKeys', 'emailKey', 'phoneKey'] as const;

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

export function keyOf(row: Row, primaryKey: string | readonly string[]): IndexableType {
  // readBackup checked that every key part is text or a number.
  return (
    typeof primaryKey === 'string' ? row[primaryKey] : primaryKey.map((field) => row[field])
  ) as IndexableType;
}

export interface TableFates {
  table: BackupTableRows;
  fates: RowFate[];
}

/**
 * The fate of every row of the file when merged into `db`. Runs inside the restore's transaction
 * too, where only Dexie may be awaited: `same` (which reads Blobs) is given by the preview only.
 */
export async function mergeFates(
  db: Dexie,
  contents: BackupContents,
  same?: (here: Row, fromFile: Row) => Promise<boolean>,
): Promise<TableFates[]> {
  // Jobs first: their working rows follow them.
  const ordered = [...contents.tables].sort(
    (a, b) => Number(JOB_WORKING_TABLES.has(a.name)) - Number(JOB_WORKING_TABLES.has(b.name)),
  );
  const jobsTaken = new Set<string>();
  const result: TableFates[] = [];
  for (const table of ordered) {
    const target = db.table(table.name);
    const here = (await target.bulkGet(table.rows.map((row) => keyOf(row, table.primaryKey)))) as (
      Row | undefined
    )[];
    const fates: RowFate[] = [];
    for (const [index, row] of table.rows.entries()) {
      const local = here[index];
      let fate: RowFate;
      if (!local) fate = 'add';
      else if (same && (await same(local, row))) fate = 'identical';
      else if (table.name === 'reconcileJobs' && (isUnfinishedJob(local) || isUnfinishedJob(row)))
        // A job in flight is only ever moved on by the worker that holds it.
        fate = 'newerHere';
      else fate = fileRowWins(local, row) ? 'newerInFile' : 'newerHere';
      const writes = fate === 'add' || fate === 'newerInFile';
      if (writes && JOB_WORKING_TABLES.has(table.name) && !jobsTaken.has(String(row.jobId)))
        fate = 'notRestored';
      fates.push(fate);
    }
    await markHeldElsewhere(target, table, fates);
    if (table.name === 'reconcileJobs') {
      table.rows.forEach((row, index) => {
        if (fates[index] === 'add') jobsTaken.add(String(row.id));
      });
    }
    result.push({ table, fates });
  }
  const order = new Map(contents.tables.map((table, index) => [table.name, index]));
  return result.sort((a, b) => order.get(a.table.name)! - order.get(b.table.name)!);
}

function isUnfinishedJob(row: Row): boolean {
  return typeof row.state === 'string' && UNFINISHED_JOB.has(row.state);
}

/** Rows to be written whose unique value (a SKU) another row here already holds: kept out. */
async function markHeldElsewhere(target: Table, table: BackupTableRows, fates: RowFate[]): Promise<void> {
  for (const index of target.schema.indexes) {
    if (!index.unique || index.keyPath === undefined) continue;
    const keyPath = index.keyPath;
    const writing = table.rows.flatMap((row, at) =>
      fates[at] === 'add' || fates[at] === 'newerInFile' ? [{ row, at }] : [],
    );
    const values = writing
      .map(({ row }) => Dexie.getByKeyPath(row, keyPath) as unknown)
      .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number');
    if (values.length === 0) continue;
    const holders = new Map<string, string>();
    for (const holder of (await target.where(index.name).anyOf(values).toArray()) as Row[]) {
      holders.set(JSON.stringify(Dexie.getByKeyPath(holder, keyPath)), rowKey(holder, table.primaryKey));
    }
    for (const { row, at } of writing) {
      const holder = holders.get(JSON.stringify(Dexie.getByKeyPath(row, keyPath)));
      if (holder !== undefined && holder !== rowKey(row, table.primaryKey)) fates[at] = 'heldElsewhere';
    }
  }
}

/** What restoring `contents` would do here, table by table, for the preview. */
export async function planRestore(db: Dexie, contents: BackupContents): Promise<RestorePlan> {
  const decided = await mergeFates(db, contents, (here, fromFile) =>
    sameRow(here, fromFile, contents.blobHashes),
  );
  const tables: TablePlan[] = [];
  for (const { table, fates } of decided) {
    const count = (fate: RowFate) => fates.filter((each) => each === fate).length;
    tables.push({
      name: table.name,
      rows: table.rows.length,
      added: count('add'),
      identical: count('identical'),
      newerHere: count('newerHere'),
      newerInFile: count('newerInFile'),
      heldElsewhere: count('heldElsewhere'),
      notRestored: count('notRestored'),
      lookAlike:
        table.name === 'contacts'
          ? await countLookAlikes(
              db,
              table.rows.filter((_row, index) => fates[index] === 'add'),
            )
          : 0,
    });
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

/** Live contacts in `added` that share a back-office id, an email or a phone with one here. */
async function countLookAlikes(db: Dexie, added: readonly Row[]): Promise<number> {
  const live = added.filter((row) => row.deletedAt === undefined);
  const held = new Set<string>();
  for (const field of CONTACT_IDENTITY) {
    const values = [...new Set(live.flatMap((row) => identityValues(row, field)))];
    if (values.length === 0) continue;
    const here = (await db.table('contacts').where(field).anyOf(values).toArray()) as Row[];
    for (const contact of here) {
      if (contact.deletedAt !== undefined) continue;
      for (const value of identityValues(contact, field)) held.add(`${field}:${value}`);
    }
  }
  return live.filter((row) =>
    CONTACT_IDENTITY.some((field) =>
      identityValues(row, field).some((value) => held.has(`${field}:${value}`)),
    ),
  ).length;
}

function identityValues(row: Row, field: string): string[] {
  const value = row[field];
  return (Array.isArray(value) ? value : [value]).filter(
    (each): each is string => typeof each === 'string' && each !== '',
  );
}

/** Same fields and values at every depth, Blobs compared by their bytes' SHA-256. */
async function sameRow(here: Row, fromFile: Row, fileHashes: WeakMap<Blob, string>): Promise<boolean> {
  const pairs: [fromFile: Blob, here: unknown][] = [];
  // Blobs as their size and type for the shape; the file's paired with what sits at their place here.
  const shape = (value: unknown, other: unknown, collect: boolean): unknown => {
    if (value instanceof Blob) {
      if (collect) pairs.push([value, other]);
      return { blob: value.size, type: value.type };
    }
    if (value === null || typeof value !== 'object') return value;
    const inner = (key: string | number) =>
      other !== null && typeof other === 'object'
        ? (other as Record<string | number, unknown>)[key]
        : undefined;
    if (Array.isArray(value)) return value.map((each, index) => shape(each, inner(index), collect));
    return Object.fromEntries(
      Object.entries(value as Row).map(([field, each]) => [field, shape(each, inner(field), collect)]),
    );
  };
  if (canonicalJson(shape(here, null, false)) !== canonicalJson(shape(fromFile, here, true))) return false;
  for (const [fileBlob, local] of pairs) {
    if (!(local instanceof Blob)) return false;
    const fileHash = fileHashes.get(fileBlob) ?? (await hashOf(fileBlob));
    if ((await hashOf(local)) !== fileHash) return false;
  }
  return true;
}

async function hashOf(blob: Blob): Promise<string> {
  return sha256Hex(new Uint8Array(await blob.arrayBuffer()));
}
