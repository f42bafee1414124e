import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { saveCapturedContact } from '../../../src/db/contacts';
import { TallyDatabase } from '../../../src/db/database';
import * as v1 from '../../../src/db/migrations/001-initial';
import * as v2 from '../../../src/db/migrations/002-capture-history-recipes-sites';
import * as v3 from '../../../src/db/migrations/003-notes-groups-settings';
import * as v4 from '../../../src/db/migrations/004-buy-backs';
import * as v5 from '../../../src/db/migrations/005-contacts-book';
import * as v6 from '../../../src/db/migrations/006-reconcile';
import { createStorageProblemModel } from '../../../src/ui/storage/storage-problem';

const CHROMIUM = { firefox: false, incognito: false };
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
});

/** A newer Tally in another tab: today's versions and one more, with a table this one lacks. */
async function upgradeFromAnotherTab(name: string): Promise<Dexie> {
  const newer = new Dexie(name);
  for (const step of [v1, v2, v3, v4, v5, v6]) newer.version(step.version).stores(step.stores);
  newer.version(v6.version + 1).stores({ futureTable: 'id' });
  opened.push(newer);
  await newer.open();
  return newer;
}

async function seedContact(db: TallyDatabase) {
  await saveCapturedContact(
    db,
    { backOffice: 'northwind', externalId: 'C-1', name: 'Ada Lovelace', url: 'http://127.0.0.1/c/1' },
    'US',
  );
}

describe('when another tab upgrades the database', () => {
  it("closes the page's connection, says to reload, and the reloaded page opens the upgraded database", async () => {
    const name = `reopen-${crypto.randomUUID()}`;
    const page = new TallyDatabase(name);
    opened.push(page);
    const storage = createStorageProblemModel(page, CHROMIUM);
    expect(await storage.opened).toBe(true);
    await seedContact(page);
    expect(storage.text.value).toBeNull();

    const newer = await upgradeFromAnotherTab(name);

    expect(newer.verno).toBe(v6.version + 1);
    expect(page.isOpen()).toBe(false);
    expect(storage.problem.value).toEqual({ kind: 'upgraded-elsewhere' });
    expect(storage.text.value).toBe('Tally was updated — reload this page.');
    // Closed for good: the old page's code does not write into the newer schema.
    await expect(page.contacts.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' });

    const reloaded = new TallyDatabase(name);
    opened.push(reloaded);
    const afterReload = createStorageProblemModel(reloaded, CHROMIUM);
    expect(await afterReload.opened).toBe(true);
    expect(afterReload.problem.value).toBeNull();
    expect(await reloaded.contacts.count()).toBe(1);
    await seedContact(reloaded);
    expect(await newer.table('contacts').count()).toBe(1);
  });

  it('lets the worker reopen on its next use, keeping what it wrote', async () => {
    const name = `reopen-${crypto.randomUUID()}`;
    const worker = new TallyDatabase(name);
    opened.push(worker);
    await seedContact(worker);

    await upgradeFromAnotherTab(name);

    expect(worker.isOpen()).toBe(false);
    expect(await worker.contacts.count()).toBe(1);
    expect(worker.isOpen()).toBe(true);
    await worker.notes.add({
      id: crypto.randomUUID(),
      contactId: crypto.randomUUID(),
      text: 'Written after the upgrade',
      createdAt: '2026-10-01T10:00:00.000Z',
      updatedAt: '2026-10-01T10:00:00.000Z',
    });
    expect(await worker.notes.count()).toBe(1);
  });
});
