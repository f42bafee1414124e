import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import * as v1 from '../../../src/db/migrations/001-initial';
import * as v2 from '../../../src/db/migrations/002-capture-history-recipes-sites';
import * as v3 from '../../../src/db/migrations/003-notes-groups-settings';
import * as v4 from '../../../src/db/migrations/004-buy-backs';
import * as v5 from '../../../src/db/migrations/005-contacts-book';
import * as v6 from '../../../src/db/migrations/006-reconcile';
import { Contact } from '../../../src/domain/contact';
import { PurchaseRecord } from '../../../src/domain/purchase';
import { makeContact, makePurchase } from '../../support/contacts';

describe('migration to version 6', () => {
  it('keeps every version-5 contact, purchase and setting as it was and adds empty reconcile tables', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const step of [v1, v2, v3, v4, v5]) old.version(step.version).stores(step.stores);
    const contact = makeContact({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      externalIds: [{ backOffice: 'northwind', origin: 'http://127.0.0.1:5178', id: 'C-00042' }],
    });
    const purchase = makePurchase(contact.id, '2026-10-05', 1250, 2);
    const setting = { key: 'holdDays', value: 7 };
    await old.open();
    await old.table('contacts').add(contact);
    await old.table('purchases').add(purchase);
    await old.table('settings').add(setting);
    old.close();

    const upgraded = new TallyDatabase(name);
    try {
      await upgraded.open();
      expect(upgraded.verno).toBe(v6.version);
      expect(Contact.parse(await upgraded.contacts.get(contact.id))).toEqual(contact);
      expect(PurchaseRecord.parse(await upgraded.purchases.get(purchase.id))).toEqual(purchase);
      expect(await upgraded.settings.get('holdDays')).toEqual(setting);
      expect(
        await upgraded.contacts
          .where('externalKeys')
          .equals(contact.externalKeys[0] ?? '')
          .count(),
      ).toBe(1);
      for (const table of Object.keys(v6.stores)) {
        expect(await upgraded.table(table).count(), table).toBe(0);
      }
    } finally {
      await upgraded.delete();
    }
  });
});
