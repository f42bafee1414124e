import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSnapshot, snapshotSource } from '../../../src/db/dashboard-snapshot';
import { TallyDatabase } from '../../../src/db/database';
import { makeContact, makePurchase } from '../../support/contacts';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('dashboard snapshot', () => {
  it('reads current contacts, every contact by id, and live purchases newest first', async () => {
    const ada = makeContact({ name: 'Ada' });
    const gone = { ...makeContact({ name: 'Gone' }), deletedAt: '2026-02-01T00:00:00.000Z' };
    const older = makePurchase(ada.id, '2026-01-01', 100);
    const newer = makePurchase(ada.id, '2026-03-01', 200);
    const deleted = { ...makePurchase(ada.id, '2026-04-01', 300), deletedAt: '2026-04-02T00:00:00.000Z' };
    await db.contacts.bulkAdd([ada, gone]);
    await db.purchases.bulkAdd([older, newer, deleted]);
    const snapshot = await readSnapshot(db);
    expect(snapshot.contacts.map((contact) => contact.name)).toEqual(['Ada']);
    expect(snapshot.contactsById.get(gone.id)?.name).toBe('Gone');
    expect(snapshot.records.map((record) => record.id)).toEqual([newer.id, older.id]);
  });

  it('shares one read inside `sharing`, and reads again outside it after a write', async () => {
    const source = snapshotSource(db);
    await source.sharing(async () => {
      const first = await source.read();
      await db.contacts.add(makeContact({ name: 'Added meanwhile' }));
      expect(await source.read()).toBe(first);
    });
    const [one, two] = await Promise.all([source.read(), source.read()]);
    expect(one).toBe(two);
    expect(one.contacts.map((contact) => contact.name)).toEqual(['Added meanwhile']);
    await db.contacts.add(makeContact({ name: 'Later' }));
    expect((await source.read()).contacts).toHaveLength(2);
  });
});
