import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readContactRows, readContactsFile } from '../../../src/csv/contacts-import';
import {
  applyContactImport,
  ContactsChangedError,
  earlierImportOf,
  ImportUndoRefusedError,
  lastUndoableImport,
  loadContactsForImport,
  loadContactsInPages,
  undoContactImport,
} from '../../../src/db/contact-import';
import { saveCapturedContact } from '../../../src/db/contacts';
import { TallyDatabase } from '../../../src/db/database';
import { addNote } from '../../../src/db/notes';
import type { Contact } from '../../../src/domain/contact';
import { applyContactFields } from '../../../src/domain/contact-edit';
import { planContactImport, planCounts } from '../../../src/domain/contact-import-plan';

const HASH = 'a'.repeat(64);
const THEN = '2026-01-05T10:00:00.000Z';

let db: TallyDatabase;
let ada: Contact;
let grace: Contact;
beforeEach(async () => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  const make = (name: string, email: string, phone?: string) =>
    applyContactFields(
      undefined,
      { name, email, phone, role: 'customer', externalIds: [] },
      { newId: crypto.randomUUID(), now: THEN, defaultCountry: 'US' },
    );
  ada = make('Ada Lovelace', 'ada@example.com', '+1 415 555 0100');
  grace = make('Grace Hopper', 'grace@example.com');
  await db.contacts.bulkAdd([ada, grace]);
});
afterEach(async () => {
  await db.delete();
});

/** The dry run the dashboard makes for a file's text. */
async function dryRun(text: string) {
  const file = readContactsFile(new TextEncoder().encode(text));
  if (!file.ok) throw new Error(file.error);
  const { rows, rejected } = readContactRows(file);
  const { contacts, fingerprint } = await loadContactsForImport(db);
  const plan = planContactImport(
    contacts,
    rows,
    { now: new Date().toISOString(), defaultCountry: 'US' },
    rejected,
  );
  return { plan, fingerprint, fileName: 'contacts.csv', fileHash: HASH };
}

const FILE = [
  'Name,Email,Phone',
  'Ada Lovelace,ada@example.com,+1 415 555 0199',
  'Grace Hopper,grace@example.com,',
  'Alan Turing,alan@example.com,+44 1908 640404',
  'Bob,bob@,',
].join('\n');

async function everything() {
  return {
    contacts: await db.contacts.orderBy('id').toArray(),
    events: await db.contactEvents.count(),
    imports: await db.contactImports.count(),
  };
}

describe('applying a contacts import', () => {
  it('writes the created and updated contacts, their history and one batch; the same file again changes nothing', async () => {
    const run = await dryRun(FILE);
    expect(planCounts(run.plan)).toEqual({ created: 1, updated: 1, unchanged: 1, rejected: 1 });
    const progress: [number, number][] = [];
    const batch = await applyContactImport(db, run, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([[2, 2]]);
    expect(batch).toMatchObject({
      fileName: 'contacts.csv',
      fileHash: HASH,
      counts: { created: 1, updated: 1, unchanged: 1, rejected: 1 },
      updatedBefore: [ada],
    });
    expect((await db.contacts.get(ada.id))?.phone).toBe('+1 415 555 0199');
    const alan = await db.contacts.get(batch?.createdIds[0] ?? '');
    expect(alan).toMatchObject({
      name: 'Alan Turing',
      createdAt: batch?.createdAt,
      updatedAt: batch?.createdAt,
    });
    const history = await db.contactEvents.toArray();
    expect(history.map((event) => [event.kind, event.contactId])).toEqual(
      expect.arrayContaining([
        ['imported', ada.id],
        ['created', alan?.id],
      ]),
    );
    expect(history.find((event) => event.kind === 'imported')?.changes).toEqual([
      { field: 'phone', before: '+1 415 555 0100', after: '+1 415 555 0199' },
    ]);
    expect(await lastUndoableImport(db)).toEqual(batch);
    expect(await earlierImportOf(db, HASH)).toEqual(batch);

    const again = await dryRun(FILE);
    expect(planCounts(again.plan)).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 1 });
    const before = await everything();
    expect(await applyContactImport(db, again)).toBeUndefined();
    expect(await everything()).toEqual(before);
  });

  it('writes nothing when a contact changed after the dry run', async () => {
    const run = await dryRun(FILE);
    await saveCapturedContact(
      db,
      {
        backOffice: 'northwind',
        url: 'https://crm.example/c/1',
        name: 'Grace Hopper',
        email: 'grace@example.com',
        phone: '+1 617 555 0134',
      },
      'US',
    );
    const before = await everything();
    await expect(applyContactImport(db, run)).rejects.toBeInstanceOf(ContactsChangedError);
    expect(await everything()).toEqual(before);
  });

  it('takes every chunk back when the write fails part of the way', async () => {
    const many = [
      'Name,Email',
      ...Array.from({ length: 30 }, (_, i) => `Person ${i},p${i}@example.com`),
    ].join('\n');
    const before = await everything();

    const run = await dryRun(many);
    let calls = 0;
    const failing = applyContactImport(db, run, {
      chunkSize: 10,
      onProgress: () => {
        if (++calls === 2) throw new Error('The page was closed.');
      },
    });
    await expect(failing).rejects.toThrow('The page was closed.');
    expect(calls).toBe(2);
    expect(await everything()).toEqual(before);

    // A row IndexedDB itself refuses, in the last chunk.
    const broken = await dryRun(many);
    const last = broken.plan.created[29];
    if (last) last.contact = { ...last.contact, id: undefined as unknown as string };
    await expect(applyContactImport(db, broken, { chunkSize: 10 })).rejects.toThrow();
    expect(await everything()).toEqual(before);
  });
});

describe('reading the contacts for a dry run', () => {
  it('reads them a page at a time, pausing between pages, and again when one changes meanwhile', async () => {
    const more = Array.from({ length: 5 }, (_, i) =>
      applyContactFields(
        undefined,
        { name: `Person ${i}`, role: 'customer', externalIds: [] },
        { newId: crypto.randomUUID(), now: THEN, defaultCountry: 'US' },
      ),
    );
    await db.contacts.bulkAdd(more);
    let pauses = 0;
    const paged = await loadContactsInPages(db, async () => void pauses++, 2);
    expect(paged.map((contact) => contact.id)).toEqual(
      (await db.contacts.orderBy('id').toArray()).map((c) => c.id),
    );
    expect(pauses).toBe(3);

    let changedOnce = false;
    const loaded = await loadContactsForImport(
      db,
      async () => {
        if (changedOnce) return;
        changedOnce = true;
        await db.contacts.update(ada.id, { name: 'Ada King', updatedAt: new Date().toISOString() });
      },
      2,
    );
    expect(loaded.contacts.find((contact) => contact.id === ada.id)?.name).toBe('Ada King');
    expect(loaded.fingerprint).toBe((await loadContactsForImport(db)).fingerprint);
  });
});

describe('Undo import', () => {
  it('restores what the import updated, deletes what it created and takes its history back', async () => {
    const batch = await applyContactImport(db, await dryRun(FILE));
    if (!batch) throw new Error('nothing imported');
    const undone = await undoContactImport(db, batch.id);
    expect(undone).toMatchObject({ restored: 1, removed: 1, batch: { id: batch.id } });
    expect(await db.contacts.get(ada.id)).toEqual(ada);
    expect((await db.contacts.get(batch.createdIds[0] ?? ''))?.deletedAt).toBeDefined();
    expect(await db.contactEvents.count()).toBe(0);
    expect((await db.contactImports.get(batch.id))?.undoneAt).toBeDefined();
    expect(await lastUndoableImport(db)).toBeUndefined();
    await expect(undoContactImport(db, batch.id)).rejects.toThrow('This import was already undone.');
  });

  it('refuses, changing nothing, when a created contact has a note or an updated one changed since', async () => {
    const batch = await applyContactImport(db, await dryRun(FILE));
    if (!batch) throw new Error('nothing imported');
    const alanId = batch.createdIds[0] ?? '';
    await addNote(db, alanId, 'Called about the engine');
    await db.contacts.update(ada.id, { company: 'Analytical Engines', updatedAt: new Date().toISOString() });
    const before = await everything();

    const refused = undoContactImport(db, batch.id);
    await expect(refused).rejects.toBeInstanceOf(ImportUndoRefusedError);
    await expect(refused).rejects.toThrow(
      'The import was not undone: Ada Lovelace changed after this import (edited, captured, merged or imported again), and undoing it would lose that; Alan Turing was added by this import and now has purchases, buy-backs, notes or store credit of its own. Nothing was changed.',
    );
    expect(await everything()).toEqual(before);
    expect((await db.contactImports.get(batch.id))?.undoneAt).toBeUndefined();
  });
});
