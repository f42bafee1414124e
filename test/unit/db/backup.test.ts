import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { Dexie } from 'dexie';
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { planRestore } from '../../../src/db/backup-merge';
import { BackupRefused, readBackup } from '../../../src/db/backup-read';
import { applyRestore } from '../../../src/db/backup-restore';
import { writeBackup } from '../../../src/db/backup-write';
import { TallyDatabase } from '../../../src/db/database';
import * as v1 from '../../../src/db/migrations/001-initial';
import * as v2 from '../../../src/db/migrations/002-capture-history-recipes-sites';
import * as v3 from '../../../src/db/migrations/003-notes-groups-settings';
import * as v4 from '../../../src/db/migrations/004-buy-backs';
import { readSetting } from '../../../src/db/settings';
import { contactSearchWords } from '../../../src/domain/contact-keys';
import { PNG, seedEveryTable } from '../../support/backup-seed';
import { makeContact } from '../../support/contacts';
import { scratchDatabases } from '../../support/scratch-databases';

const scratch = scratchDatabases();
const database = () => scratch.database();

let source: TallyDatabase;
let attachmentId: string;
beforeEach(async () => {
  source = database();
  ({ attachmentId } = await seedEveryTable(source));
});

const NOW = new Date('2026-03-05T09:30:00.000Z');

async function backupOf(db: Dexie, now = NOW): Promise<Uint8Array> {
  const backup = await writeBackup(db, { appVersion: '0.1.0', now });
  return new Uint8Array(await backup.zip.arrayBuffer());
}

/** Every row of every table, sorted, Blobs as their type and bytes: two equal dumps are equal data. */
async function dump(db: Dexie): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = (await table.toArray()) as Record<string, unknown>[];
    const plain = await Promise.all(
      rows.map(async (row) => {
        const copy: Record<string, unknown> = { ...row };
        for (const [field, value] of Object.entries(row)) {
          if (value instanceof Blob) {
            copy[field] = {
              blobType: value.type,
              bytes: Buffer.from(await value.arrayBuffer()).toString('hex'),
            };
          }
        }
        return copy;
      }),
    );
    tables[table.name] = plain.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return tables;
}

async function restoreInto(db: TallyDatabase, zip: Uint8Array, mode: 'empty' | 'merge'): Promise<number> {
  return applyRestore(db, await readBackup(db, zip), mode);
}

/** The zip with its files changed by `edit`; `rehash` recomputes the tables' checksums and counts after. */
function tampered(zip: Uint8Array, edit: (files: Unzipped) => void, rehash = false): Uint8Array {
  const files = unzipSync(zip);
  edit(files);
  if (rehash) {
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      tables: { name: string; sha256: string; rows: number; bytes: number }[];
    };
    for (const table of manifest.tables) {
      const json = files[`tables/${table.name}.json`]!;
      table.sha256 = createHash('sha256').update(json).digest('hex');
      table.bytes = json.byteLength;
      table.rows = (JSON.parse(strFromU8(json)) as unknown[]).length;
    }
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
  }
  return zipSync(files);
}

function editTable(files: Unzipped, table: string, edit: (rows: Record<string, unknown>[]) => void): void {
  const rows = JSON.parse(strFromU8(files[`tables/${table}.json`]!)) as Record<string, unknown>[];
  edit(rows);
  files[`tables/${table}.json`] = strToU8(JSON.stringify(rows));
}

function editManifest(files: Unzipped, edit: (manifest: Record<string, unknown>) => void): void {
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;
  edit(manifest);
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
}

describe('Back up', () => {
  it('writes a manifest, one JSON per table and each attachment as its own file, byte for byte', async () => {
    const files = unzipSync(await backupOf(source));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest).toMatchObject({
      format: 'tally-backup',
      formatVersion: 1,
      schemaVersion: source.verno,
      appVersion: '0.1.0',
      createdAt: NOW.toISOString(),
    });
    expect(manifest.tables.map((table: { name: string }) => table.name).sort()).toEqual(
      source.tables.map((table) => table.name).sort(),
    );
    for (const table of manifest.tables) {
      const json = files[`tables/${table.name}.json`]!;
      expect(createHash('sha256').update(json).digest('hex')).toBe(table.sha256);
      expect(JSON.parse(strFromU8(json))).toHaveLength(table.rows);
    }
    expect(files[`attachments/${attachmentId}`]).toEqual(PNG);
    const photoRow = JSON.parse(strFromU8(files['tables/attachments.json']!))[0];
    expect(photoRow.blob).toEqual({ $blob: `attachments/${attachmentId}` });
    // The reconcile job's file is a Blob too, and travels the same way.
    expect(manifest.files.map((file: { table: string }) => file.table).sort()).toEqual([
      'attachments',
      'reconcileFiles',
    ]);
  });

  it('records when it was made, in the file and in the database', async () => {
    const contents = await readBackup(database(), await backupOf(source));
    const settings = contents.tables.find((table) => table.name === 'settings')!.rows;
    expect(settings).toContainEqual({
      key: 'backupSchedule',
      value: { remind: 'weekly', lastBackupAt: NOW.toISOString() },
    });
    expect(await readSetting(source, 'backupSchedule')).toEqual({
      remind: 'weekly',
      lastBackupAt: NOW.toISOString(),
    });
  });
});

describe('Back up keeps every value as it is, or says it cannot', () => {
  it('a Blob nested inside a row travels as its own file and comes back byte for byte', async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, index) => (index * 7) % 256);
    const id = crypto.randomUUID();
    await source.reconcileOffers.add({
      id,
      createdAt: '2026-01-05T10:00:00.000Z',
      fileName: 'orders.csv',
      origin: 'https://crm.example.com',
      previews: [{ page: 1, image: new Blob([bytes], { type: 'image/png' }) }],
    } as never);
    const target = database();
    await restoreInto(target, await backupOf(source), 'empty');
    const restored = (await target.reconcileOffers.get(id)) as unknown as {
      previews: { page: number; image: Blob }[];
    };
    expect(restored.previews[0]!.page).toBe(1);
    expect(restored.previews[0]!.image).toBeInstanceOf(Blob);
    expect(restored.previews[0]!.image.type).toBe('image/png');
    expect(new Uint8Array(await restored.previews[0]!.image.arrayBuffer())).toEqual(bytes);
  });

  it('a value JSON would change (a Date) fails the backup by table and field instead of writing it wrong', async () => {
    const id = crypto.randomUUID();
    await source.reconcileOffers.add({
      id,
      createdAt: '2026-01-05T10:00:00.000Z',
      fileName: 'orders.csv',
      origin: 'https://crm.example.com',
      seen: { at: new Date('2026-01-05T10:00:00.000Z') },
    } as never);
    await expect(backupOf(source)).rejects.toThrow(
      `The table reconcileOffers holds a value a backup cannot keep (row "${id}", field seen.at)`,
    );
  });
});

describe('Restore', () => {
  it('into an empty profile gives identical data in every table, attachments byte for byte', async () => {
    const zip = await backupOf(source);
    // Every table holds something, so "every table" is really checked.
    for (const [name, rows] of Object.entries(await dump(source)))
      expect([name, rows.length]).not.toEqual([name, 0]);
    const target = database();
    const contents = await readBackup(target, zip);
    const plan = await planRestore(target, contents);
    expect(plan.profileEmpty).toBe(true);
    expect(plan.attachments).toEqual({ count: 2, bytes: PNG.byteLength + 25 });
    expect(plan.tables.every((table) => table.added === table.rows && table.identical === 0)).toBe(true);
    await applyRestore(target, contents, 'empty');
    expect(await dump(target)).toEqual(await dump(source));
    const photo = await target.attachments.get(attachmentId);
    expect(new Uint8Array(await photo!.blob.arrayBuffer())).toEqual(PNG);
    expect(photo!.blob.type).toBe('image/png');
  });

  it('merging the same file twice adds what is missing once, and the second time changes nothing', async () => {
    const zip = await backupOf(source);
    const target = database();
    const here = makeContact({ name: 'Only Here' });
    await target.contacts.add(here);
    expect(await restoreInto(target, zip, 'merge')).toBeGreaterThan(0);
    const once = await dump(target);
    expect(once.contacts).toHaveLength((await source.contacts.count()) + 1);

    const again = await readBackup(target, zip);
    const plan = await planRestore(target, again);
    expect(plan.profileEmpty).toBe(false);
    expect(plan.tables.every((table) => table.identical === table.rows)).toBe(true);
    expect(await applyRestore(target, again, 'merge')).toBe(0);
    expect(await dump(target)).toEqual(once);
  });

  it('keeps, for a row on both sides, the copy changed later', async () => {
    const target = database();
    await restoreInto(target, await backupOf(source), 'empty');
    const [ada, grace] = ['Ada Lovelace', 'Grace Hopper'].map((name) => name);
    const adaHere = (await target.contacts.where('nameKey').equals('ada lovelace').first())!;
    const graceThere = (await source.contacts.where('nameKey').equals('grace hopper').first())!;
    // Ada is edited here after the backup; Grace is edited in the source, then backed up again.
    await target.contacts.put({ ...adaHere, name: `${ada} (here)`, updatedAt: '2099-04-01T00:00:00.000Z' });
    await source.contacts.put({
      ...graceThere,
      name: `${grace} (file)`,
      updatedAt: '2099-04-02T00:00:00.000Z',
    });
    const second = await readBackup(target, await backupOf(source, new Date('2099-04-03T00:00:00.000Z')));
    const contacts = (await planRestore(target, second)).tables.find((table) => table.name === 'contacts')!;
    expect(contacts).toMatchObject({ added: 0, newerHere: 1, newerInFile: 1 });
    await applyRestore(target, second, 'merge');
    expect((await target.contacts.get(adaHere.id))?.name).toBe('Ada Lovelace (here)');
    expect((await target.contacts.get(graceThere.id))?.name).toBe('Grace Hopper (file)');
  });

  it('refuses "Restore into empty profile" when Tally holds records, writing nothing', async () => {
    const target = database();
    await target.contacts.add(makeContact({ name: 'Only Here' }));
    const before = await dump(target);
    await expect(restoreInto(target, await backupOf(source), 'empty')).rejects.toThrow(BackupRefused);
    expect(await dump(target)).toEqual(before);
  });

  it('writes nothing at all when one write fails half-way (one transaction)', async () => {
    const target = database();
    const contents = await readBackup(target, await backupOf(source));
    // The last table written refuses its rows (as a full disk would): every table before it was
    // already written inside the transaction, and must be gone.
    const last = contents.tables.at(-1)!.name;
    target.table(last).hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(applyRestore(target, contents, 'empty')).rejects.toThrow();
    for (const rows of Object.values(await dump(target))) expect(rows).toEqual([]);
  });
});

describe('a file that is refused, with nothing changed', () => {
  let target: TallyDatabase;
  let before: Record<string, unknown[]>;
  let zip: Uint8Array;
  beforeEach(async () => {
    zip = await backupOf(source);
    target = database();
    await target.contacts.add(makeContact({ name: 'Only Here' }));
    before = await dump(target);
  });

  async function refused(file: Uint8Array, message: string | RegExp): Promise<void> {
    const attempt = readBackup(target, file).then((contents) => applyRestore(target, contents, 'merge'));
    await expect(attempt).rejects.toThrow(BackupRefused);
    await expect(readBackup(target, file)).rejects.toThrow(message);
    expect(await dump(target)).toEqual(before);
  }

  it('a corrupted zip', async () => {
    await refused(zip.slice(0, Math.floor(zip.length / 2)), /not a readable zip/);
    const flipped = zip.slice();
    flipped.fill(0, 0, 64);
    await refused(flipped, /not a readable zip/);
  });

  it('a zip that is not a Tally backup', async () => {
    await refused(zipSync({ 'notes.txt': strToU8('hello') }), 'This file is not a Tally backup');
    await refused(zipSync({ 'manifest.json': strToU8('{"format":"other-app"}') }), 'not a Tally backup');
    await refused(strToU8('Name,Email\r\nAda,ada@example.com\r\n'), /not a readable zip/);
  });

  it('a backup from a newer schema version', async () => {
    const newer = tampered(zip, (files) =>
      editManifest(files, (manifest) => (manifest.schemaVersion = target.verno + 1)),
    );
    await refused(newer, `database version ${target.verno + 1}; this one has version ${target.verno}`);
  });

  it('a table whose checksum does not match', async () => {
    const changed = tampered(zip, (files) =>
      editTable(files, 'contacts', (rows) => (rows[0]!.name = 'Mallory')),
    );
    await refused(changed, 'the table contacts does not match its checksum');
  });

  it('an attachment missing, cut short or changed', async () => {
    await refused(
      tampered(zip, (files) => delete files[`attachments/${attachmentId}`]),
      `attachments/${attachmentId} is missing`,
    );
    await refused(
      tampered(zip, (files) => (files[`attachments/${attachmentId}`] = PNG.slice(0, 10))),
      `attachments/${attachmentId} holds 10 bytes instead of ${PNG.byteLength}`,
    );
    const changed = PNG.slice();
    changed[20] = changed[20]! ^ 0xff;
    await refused(
      tampered(zip, (files) => (files[`attachments/${attachmentId}`] = changed)),
      'does not match its checksum',
    );
  });

  it('a row failing its schema, naming the table, the row and the field', async () => {
    const bad = tampered(
      zip,
      (files) => editTable(files, 'contacts', (rows) => (rows[1]!.email = 'not an email')),
      true,
    );
    await refused(bad, /table contacts, row 2, field email: /);
    const script = tampered(
      zip,
      (files) =>
        editTable(files, 'settings', (rows) => rows.push({ key: 'sampleConversionDays', value: '<script>' })),
      true,
    );
    await refused(script, /table settings, row \d+, field value/);
  });

  it('a row whose key is missing or twice in its table', async () => {
    await refused(
      tampered(zip, (files) => editTable(files, 'notes', (rows) => rows.push(rows[0]!)), true),
      /table notes, row 2, field .*: the same key appears twice/,
    );
    await refused(
      tampered(zip, (files) => editTable(files, 'reconcileChunks', (rows) => delete rows[0]!.index), true),
      /table reconcileChunks, row 1, field index: expected a key/,
    );
  });
  it('a manifest naming another key for a table: refused before a merge could overwrite by it', async () => {
    // Merging by the manifest's key (the name) would find nothing here and overwrite every contact.
    const changed = tampered(zip, (files) =>
      editManifest(files, (manifest) => {
        const tables = manifest.tables as { name: string; primaryKey: unknown }[];
        tables.find((table) => table.name === 'contacts')!.primaryKey = 'nameKey';
      }),
    );
    await refused(changed, 'the key of the table contacts is not the one this Tally uses');
  });

  it('two rows holding one value that must be unique (a SKU), naming the table, the row and the index', async () => {
    const twice = tampered(
      zip,
      (files) => editTable(files, 'products', (rows) => rows.push({ ...rows[0], id: crypto.randomUUID() })),
      true,
    );
    await refused(twice, /table products, row \d+, field sku: a value that must be unique appears twice/);
  });

  it('a zip entry that would unpack to more than the manifest declares (a zip bomb), without unpacking it', async () => {
    const bomb = withDeclaredSize(zip, `attachments/${attachmentId}`, 0x7fff_0000);
    await refused(bomb, `attachments/${attachmentId} unpacks to more than its manifest declares`);
    const hugeManifest = withDeclaredSize(zip, 'manifest.json', 0x7fff_0000);
    await refused(hugeManifest, 'manifest.json unpacks to more than its manifest declares');
  });

  it('a setting named like an object property is not mistaken for a known setting', async () => {
    const odd = tampered(
      zip,
      (files) => editTable(files, 'settings', (rows) => rows.push({ key: 'toString', value: 1 })),
      true,
    );
    // Kept as a setting this Tally does not know, never a crash.
    const contents = await readBackup(target, odd);
    const settings = contents.tables.find((table) => table.name === 'settings')!.rows;
    expect(settings).toContainEqual({ key: 'toString', value: 1 });
  });
});

/**
 * The zip with the uncompressed size its central directory declares for `name` set to `size`
 * (the local header too): what a zip bomb does, promising little and unpacking to gigabytes, or
 * here promising gigabytes.
 */
function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const wanted = strToU8(name);
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const entryName = bytes.subarray(at + 46, at + 46 + nameLength);
    if (entryName.length !== wanted.length || entryName.some((byte, index) => byte !== wanted[index]))
      continue;
    view.setUint32(at + 24, size, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
    return bytes;
  }
  throw new Error(`${name} is not in the zip`);
}

describe('a backup from an older schema version', () => {
  it('is upgraded through the database migrations, then restored', async () => {
    const old = scratch.track(new Dexie(`test-old-${crypto.randomUUID()}`));
    old.version(v1.version).stores(v1.stores);
    old.version(v2.version).stores(v2.stores);
    old.version(v3.version).stores(v3.stores);
    old.version(v4.version).stores(v4.stores);
    const ada = makeContact({ name: 'Ada Lovelace', email: 'ada@example.com' });
    const { searchWords: _, ...withoutWords } = ada;
    await old.table('contacts').add(withoutWords);
    const zip = await backupOf(old);
    const target = database();
    const contents = await readBackup(target, zip);
    expect(contents.upgradedFrom).toBe(4);
    expect((await planRestore(target, contents)).upgradedFrom).toBe(4);
    await applyRestore(target, contents, 'empty');
    // Version 5's upgrade gave the contact its search words.
    expect((await target.contacts.get(ada.id))?.searchWords).toEqual(contactSearchWords(ada));
    expect(await Dexie.getDatabaseNames()).not.toContainEqual(expect.stringMatching(/^tally-restore-/));
  });

  it('with a row missing its key is refused by table, row and field before any scratch database is made, and leaves none', async () => {
    const old = scratch.track(new Dexie(`test-old-${crypto.randomUUID()}`));
    old.version(v1.version).stores(v1.stores);
    old.version(v2.version).stores(v2.stores);
    old.version(v3.version).stores(v3.stores);
    old.version(v4.version).stores(v4.stores);
    await old.table('contacts').add(makeContact({ name: 'Ada Lovelace' }));
    const zip = tampered(
      await backupOf(old),
      (files) => editTable(files, 'contacts', (rows) => delete rows[0]!.id),
      true,
    );
    const target = database();
    await expect(readBackup(target, zip)).rejects.toThrow(/table contacts, row 1, field id: expected a key/);
    expect(await Dexie.getDatabaseNames()).not.toContainEqual(expect.stringMatching(/^tally-restore-/));
    expect(await target.contacts.count()).toBe(0);
  });
});
