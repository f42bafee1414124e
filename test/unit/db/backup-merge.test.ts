import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { planRestore, type TablePlan } from '../../../src/db/backup-merge';
import { readBackup } from '../../../src/db/backup-read';
import { applyRestore } from '../../../src/db/backup-restore';
import { writeBackup } from '../../../src/db/backup-write';
import { saveCapturedContact } from '../../../src/db/contacts';
import { TallyDatabase } from '../../../src/db/database';
import { addProduct } from '../../../src/db/products';
import type { ReconcileJob } from '../../../src/db/reconcile-tables';
import { seedEveryTable } from '../../support/backup-seed';
import { scratchDatabases } from '../../support/scratch-databases';

/**
 * Merge adds what is missing by primary key; these are the rows whose identity is not only their
 * key: a product's SKU (a unique index), a contact's back-office id and email (Tally's own
 * matching rules), and a reconcile job's working rows (they belong to the job as it is stored).
 */
const scratch = scratchDatabases();
const database = () => scratch.database();

let source: TallyDatabase;
let target: TallyDatabase;
beforeEach(async () => {
  source = database();
  target = database();
  await seedEveryTable(source);
});

async function backupOf(db: TallyDatabase): Promise<Uint8Array> {
  const backup = await writeBackup(db, { appVersion: '0.1.0', now: new Date('2026-03-05T09:30:00.000Z') });
  return new Uint8Array(await backup.zip.arrayBuffer());
}

async function planFor(zip: Uint8Array, table: string): Promise<TablePlan> {
  const plan = await planRestore(target, await readBackup(target, zip));
  return plan.tables.find((each) => each.name === table)!;
}

async function merge(zip: Uint8Array): Promise<number> {
  return applyRestore(target, await readBackup(target, zip), 'merge');
}

describe('Merge, for rows whose identity is more than their key', () => {
  it('a product whose SKU is here under another id keeps the one here, says so, and the rest is merged', async () => {
    // The same catalog imported on two computers: one SKU, two ids.
    const { product: mine } = await addProduct(target, {
      sku: 'NW-1001',
      name: 'Hand Cream (mine)',
      price: { minor: 1300, currency: 'USD' },
      extra: {},
    });
    const zip = await backupOf(source);
    expect(await planFor(zip, 'products')).toMatchObject({ heldElsewhere: 1, added: 1 });

    expect(await merge(zip)).toBeGreaterThan(0);
    const held = await target.products.where('sku').equals('NW-1001').toArray();
    expect(held).toEqual([mine]);
    expect(await target.contacts.count()).toBe(await source.contacts.count());
    // And again: nothing more to write, nothing duplicated.
    expect(await merge(zip)).toBe(0);
    expect(await target.products.where('sku').equals('NW-1001').count()).toBe(1);
  });

  it('a contact captured here too, under another id, is counted as looking alike and added as it is', async () => {
    // Tally matches a captured contact on its back-office id, then email: the same customer
    // captured on both computers has two ids. Merging cannot know which id the records here and
    // in the file point to, so it adds the file's contact and the preview says how many look alike.
    await saveCapturedContact(
      target,
      {
        backOffice: 'repair',
        externalId: '1042',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        url: 'http://127.0.0.1/c/1042',
      },
      'US',
    );
    const zip = await backupOf(source);
    const contacts = await planFor(zip, 'contacts');
    expect(contacts.lookAlike).toBe(1);
    expect(contacts.added).toBe(contacts.rows);
    await merge(zip);
    expect(await target.contacts.where('nameKey').equals('ada lovelace').count()).toBe(2);
    // Once merged, the file's Ada is here by id: no longer new, no longer counted.
    expect(await planFor(zip, 'contacts')).toMatchObject({ added: 0, lookAlike: 0 });
  });

  it('a reconcile job in flight in the file does not bring its file and rows back to a job here that moved on', async () => {
    const job = (await source.reconcileJobs.toArray())[0]!;
    await source.reconcileJobs.put({ ...job, state: 'parsing', updatedAt: '2026-02-01T00:00:00.000Z' });
    // Here the same job (this computer's own older backup) went on and finished: its working rows are gone.
    const finished: ReconcileJob = { ...job, state: 'done', updatedAt: '2026-02-02T00:00:00.000Z' };
    await target.reconcileJobs.add(finished);
    const zip = await backupOf(source);
    expect(await planFor(zip, 'reconcileFiles')).toMatchObject({ rows: 1, notRestored: 1, added: 0 });
    expect(await planFor(zip, 'reconcileChunks')).toMatchObject({ rows: 1, notRestored: 1, added: 0 });

    await merge(zip);
    expect(await target.reconcileJobs.get(job.id)).toEqual(finished);
    expect(await target.reconcileFiles.count()).toBe(0);
    expect(await target.reconcileChunks.count()).toBe(0);
  });

  it('a job in flight in the file that is not here comes with its file and rows, for the worker to resume', async () => {
    const job = (await source.reconcileJobs.toArray())[0]!;
    await source.reconcileJobs.put({ ...job, state: 'parsing' });
    await merge(await backupOf(source));
    expect((await target.reconcileJobs.get(job.id))?.state).toBe('parsing');
    expect(await target.reconcileFiles.get(job.id)).toBeDefined();
    expect(await target.reconcileChunks.where('jobId').equals(job.id).count()).toBe(1);
  });

  it('a job in flight here is never replaced by a later copy from the file', async () => {
    const job = (await source.reconcileJobs.toArray())[0]!;
    const running: ReconcileJob = { ...job, state: 'matching', updatedAt: '2026-02-01T00:00:00.000Z' };
    await target.reconcileJobs.add(running);
    await source.reconcileJobs.put({ ...job, state: 'done', updatedAt: '2026-02-03T00:00:00.000Z' });
    const zip = await backupOf(source);
    expect(await planFor(zip, 'reconcileJobs')).toMatchObject({ newerHere: 1, newerInFile: 0 });
    await merge(zip);
    expect(await target.reconcileJobs.get(job.id)).toEqual(running);
  });
});
