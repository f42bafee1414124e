import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeContacts } from '../../../src/db/contact-merge';
import { readSnapshot } from '../../../src/db/dashboard-snapshot';
import { TallyDatabase } from '../../../src/db/database';
import { addNote } from '../../../src/db/notes';
import type { Contact } from '../../../src/domain/contact';
import { applyContactFields, contactFields, type ContactFields } from '../../../src/domain/contact-edit';
import { createDuplicatesModel } from '../../../src/ui/contacts/merge/duplicates-model';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

async function person(
  fields: Partial<ContactFields> & { name: string },
  createdAt: string,
): Promise<Contact> {
  const contact = applyContactFields(
    undefined,
    { role: 'customer', externalIds: [], ...fields },
    { newId: crypto.randomUUID(), now: createdAt, defaultCountry: 'US' },
  );
  await db.contacts.add(contact);
  return contact;
}

async function loaded() {
  // As on the dashboard, a change reloads every section, this one included.
  const onChanged = vi.fn(() => model.refresh());
  const read = vi.fn(() => readSnapshot(db));
  const model = createDuplicatesModel({ db, defaultCountry: 'US', onChanged, read });
  await model.refresh();
  return { model, onChanged, read };
}

describe('duplicates model', () => {
  it('lists pairs, previews with the one with more history staying, swaps, merges and undoes', async () => {
    const ada = await person({ name: 'Ada Lovelace', email: 'ada@example.com' }, '2026-01-01T00:00:00.000Z');
    const king = await person(
      { name: 'Ada King', email: 'ADA@example.com', phone: '415 555 0134' },
      '2026-02-01T00:00:00.000Z',
    );
    await addNote(db, king.id, 'Prefers calls.');
    const { model, onChanged, read } = await loaded();
    expect(model.pairs.value.map((pair) => pair.text)).toEqual(['Ada Lovelace and Ada King — Same email']);

    await model.reviewCandidate(model.pairs.value[0]!.key);
    let preview = model.preview.value!;
    expect(preview.survivor.id).toBe(king.id);
    expect(preview.labels).toEqual(['Ada Lovelace', 'Ada King']);
    expect(preview.moving).toBe('nothing');
    expect(preview.rows.find((row) => row.field === 'name')).toMatchObject({
      values: ['Ada Lovelace', 'Ada King'],
      result: 'Ada King',
      source: 'survivor',
    });

    model.keep(ada.id);
    preview = model.preview.value!;
    expect(preview.moving).toBe('1 note');
    expect(preview.rows.find((row) => row.field === 'name')).toMatchObject({
      values: ['Ada Lovelace', 'Ada King'],
      result: 'Ada Lovelace',
    });
    expect(preview.rows.find((row) => row.field === 'phone')).toMatchObject({ source: 'merged' });

    await model.merge();
    expect(model.status.value).toBe('Merged Ada King into Ada Lovelace.');
    expect(model.review.value).toBeNull();
    expect(model.pairs.value).toEqual([]);
    expect(onChanged).toHaveBeenCalledTimes(1);
    // The dashboard's reload is the only one: contacts are read and compared once more, not twice.
    expect(read).toHaveBeenCalledTimes(2);

    // An edit after the merge is kept by the undo, and the status says so.
    const merged = (await db.contacts.get(ada.id))!;
    await db.contacts.put(
      applyContactFields(
        merged,
        { ...contactFields(merged), company: 'Engines' },
        { newId: ada.id, now: new Date().toISOString(), defaultCountry: 'US' },
      ),
    );
    await model.undo();
    expect(model.status.value).toBe(
      'Undid the merge: Ada King and Ada Lovelace are two contacts again. Ada Lovelace was changed after the merge; those changes (company) were kept.',
    );
    expect(model.lastMerge.value).toBeNull();
    expect(model.pairs.value).toHaveLength(1);
    expect(onChanged).toHaveBeenCalledTimes(2);
    expect((await db.contacts.get(ada.id))?.company).toBe('Engines');
    expect((await db.contacts.get(ada.id))?.phone).toBeUndefined();
  });

  it('reloads itself after a merge when nothing else reloads the dashboard', async () => {
    const ada = await person({ name: 'Ada Lovelace', email: 'ada@example.com' }, '2026-01-01T00:00:00.000Z');
    const king = await person({ name: 'Ada King', email: 'ada@example.com' }, '2026-02-01T00:00:00.000Z');
    const model = createDuplicatesModel({ db, defaultCountry: 'US' });
    await model.refresh();
    await model.reviewPair(ada.id, king.id);
    await model.merge();
    expect(model.pairs.value).toEqual([]);
    expect(model.merges.value.map((merge) => merge.mergedId)).toEqual([king.id]);
  });

  it('offers the latest merges for undoing after a reload', async () => {
    const ada = await person({ name: 'Ada Lovelace', email: 'ada@example.com' }, '2026-01-01T00:00:00.000Z');
    const king = await person({ name: 'Ada King', email: 'ada@example.com' }, '2026-02-01T00:00:00.000Z');
    const first = await loaded();
    await first.model.reviewPair(ada.id, king.id);
    await first.model.merge();
    expect(first.model.merges.value.map((merge) => merge.mergedId)).toEqual([king.id]);

    const { model } = await loaded();
    expect(model.lastMerge.value).toBeNull();
    await model.undo(model.merges.value[0]!.id);
    expect(model.status.value).toBe('Undid the merge: Ada King and Ada Lovelace are two contacts again.');
    expect(model.merges.value).toEqual([]);
    await model.undo(first.model.merges.value[0]!.id);
    expect(model.error.value).toBe('Not undone: The merge of Ada King into Ada Lovelace was already undone.');
  });

  it('shows a refusal instead of throwing, and keeps the preview open', async () => {
    const ada = await person({ name: 'Ada Lovelace', email: 'ada@example.com' }, '2026-01-01T00:00:00.000Z');
    const king = await person({ name: 'Ada King', email: 'ada@example.com' }, '2026-02-01T00:00:00.000Z');
    const grace = await person(
      { name: 'Grace Hopper', email: 'ada@example.com' },
      '2026-03-01T00:00:00.000Z',
    );
    const { model } = await loaded();
    await model.reviewPair(ada.id, king.id);
    // Meanwhile, in another tab, King was merged into Grace.
    await mergeContacts(db, { survivorId: grace.id, mergedId: king.id }, { defaultCountry: 'US' });
    await model.merge();
    expect(model.error.value).toBe('Not merged: Ada King was already merged into another contact.');
    expect(model.review.value).not.toBeNull();
    expect((await db.contacts.get(ada.id))?.deletedAt).toBeUndefined();
  });

  it('says when duplicates could not be found, and drops the message once they can be', async () => {
    let fail = true;
    const read = () => (fail ? Promise.reject(new Error('the database is closed')) : readSnapshot(db));
    const model = createDuplicatesModel({ db, defaultCountry: 'US', read });
    await model.refresh();
    expect(model.error.value).toBe('Duplicates could not be found: the database is closed');
    fail = false;
    await model.refresh();
    expect(model.error.value).toBeNull();
  });

  it('forgets a pair the user says are two people, for good', async () => {
    const ada = await person({ name: 'Ada Lovelace', phone: '415 555 0134' }, '2026-01-01T00:00:00.000Z');
    await person({ name: 'Charles Babbage', phone: '(415) 555-0134' }, '2026-02-01T00:00:00.000Z');
    const { model } = await loaded();
    await model.reviewCandidate(model.pairs.value[0]!.key);
    expect(model.preview.value?.survivor.id).toBe(ada.id);
    await model.dismiss();
    expect(model.status.value).toBe(
      'Ada Lovelace and Charles Babbage will not be offered as duplicates again.',
    );
    expect(model.pairs.value).toEqual([]);
    const again = await loaded();
    expect(again.model.pairs.value).toEqual([]);
  });
});
