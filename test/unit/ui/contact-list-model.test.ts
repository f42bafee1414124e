import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { createContactListModel, PAGE_SIZE } from '../../../src/ui/contacts/contact-list-model';
import { makeContact } from '../../support/contacts';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('contacts list model', () => {
  it('pages, keeps the page within what a search leaves, and goes back to the first page on a new search', async () => {
    await db.contacts.bulkAdd(
      Array.from({ length: 120 }, (_, index) => makeContact({ name: `Customer ${index}` })),
    );
    const list = createContactListModel({ db, defaultCountry: 'US' });
    await list.refresh();
    expect(list.pageCount.value).toBe(3);
    list.goTo(9);
    expect(list.currentPage.value).toBe(2);
    expect(list.pageRows.value).toHaveLength(120 - 2 * PAGE_SIZE);
    list.search('customer 1');
    expect(list.currentPage.value).toBe(0);
    expect(list.shown.value.map((row) => row.contact.name)).toContain('Customer 119');
    list.goTo(-1);
    expect(list.currentPage.value).toBe(0);
  });

  it('adds a contact by hand, and a second one with the same email only when told to', async () => {
    const list = createContactListModel({ db, defaultCountry: 'US' });
    await list.refresh();
    list.startAdd();
    const form = list.adding.value;
    if (!form) throw new Error('No form');
    form.update({ name: 'Grace Hopper', email: 'grace@navy.example' });
    await form.save();
    expect(list.added.value?.name).toBe('Grace Hopper');

    list.startAdd();
    const second = list.adding.value;
    if (!second) throw new Error('No form');
    second.update({ name: 'G. Hopper', email: 'GRACE@navy.example' });
    await second.save();
    expect(second.sameAs.value?.contact.name).toBe('Grace Hopper');
    expect(await db.contacts.count()).toBe(1);
    await second.save(true);
    expect(await db.contacts.count()).toBe(2);
    await list.refresh();
    expect(list.shown.value.map((row) => row.contact.name)).toEqual(['G. Hopper', 'Grace Hopper']);
  });
});
