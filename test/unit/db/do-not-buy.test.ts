import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import {
  addDoNotBuy,
  findDoNotBuyHits,
  importDoNotBuy,
  listDoNotBuy,
  removeDoNotBuy,
} from '../../../src/db/do-not-buy';
import { DoNotBuyEntry } from '../../../src/domain/do-not-buy';

const IMEI = '352099001761481';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const listed = async () => (await listDoNotBuy(db)).map((entry) => [entry.serial, entry.reason]);

describe('do-not-buy list', () => {
  it('adds valid entries keyed by serialKey and lists live ones newest first', async () => {
    const first = await addDoNotBuy(db, { serial: ` ${IMEI} `, reason: ' Reported stolen ' });
    await addDoNotBuy(db, { serial: 'c02x-1234', reason: 'Police notice 12/2026' });
    expect(DoNotBuyEntry.parse(first)).toEqual(first);
    expect(first).toMatchObject({ serial: IMEI, serialKey: IMEI, reason: 'Reported stolen' });
    expect(await listed()).toEqual([
      ['c02x-1234', 'Police notice 12/2026'],
      [IMEI, 'Reported stolen'],
    ]);
    expect((await db.doNotBuy.toArray()).find((entry) => entry.serial === 'c02x-1234')?.serialKey).toBe(
      'C02X1234',
    );
  });

  it('refuses the same device twice, however it is written, and says what the list has', async () => {
    await addDoNotBuy(db, { serial: IMEI, reason: 'Reported stolen' });
    await expect(addDoNotBuy(db, { serial: IMEI, reason: 'Again' })).rejects.toThrow(
      `${IMEI} is already on the do-not-buy list (Reported stolen).`,
    );
    await expect(addDoNotBuy(db, { serial: '35-209900-176148-1', reason: 'Again' })).rejects.toThrow(
      `35-209900-176148-1 is already on the do-not-buy list as ${IMEI} (Reported stolen).`,
    );
    expect(await listed()).toEqual([[IMEI, 'Reported stolen']]);
  });

  it('refuses empty, overlong and separator-only fields with a sentence, writing nothing', async () => {
    const refused = async (serial: string, reason: string, message: string) =>
      expect(addDoNotBuy(db, { serial, reason })).rejects.toThrow(message);
    await refused('  ', 'Stolen', 'Enter a serial or IMEI.');
    await refused(IMEI, ' ', 'Say why it must not be bought.');
    await refused('x'.repeat(65), 'Stolen', 'The serial or IMEI is longer than 64 characters.');
    await refused(IMEI, 'y'.repeat(501), 'The reason is longer than 500 characters.');
    await refused('-- / --', 'Stolen', 'A serial or IMEI needs at least one letter or digit.');
    expect(await db.doNotBuy.count()).toBe(0);
  });

  it('removes softly, and a removed serial added again comes back with the new reason', async () => {
    const entry = await addDoNotBuy(db, { serial: IMEI, reason: 'Reported stolen' });
    await addDoNotBuy(db, { serial: 'SN-2', reason: 'Blacklisted' });
    expect((await removeDoNotBuy(db, entry.id)).serial).toBe(IMEI);
    expect(await listed()).toEqual([['SN-2', 'Blacklisted']]);
    expect((await db.doNotBuy.get(entry.id))?.deletedAt).toBeDefined();
    await expect(removeDoNotBuy(db, entry.id)).rejects.toThrow(
      'This serial is no longer on the do-not-buy list.',
    );
    await expect(removeDoNotBuy(db, crypto.randomUUID())).rejects.toThrow(/no longer on the do-not-buy list/);

    const back = await addDoNotBuy(db, { serial: '35 209900 176148 1', reason: 'Stolen again' });
    expect(back).toMatchObject({ id: entry.id, createdAt: entry.createdAt, serial: '35 209900 176148 1' });
    expect(back.deletedAt).toBeUndefined();
    expect(await listed()).toEqual([
      ['35 209900 176148 1', 'Stolen again'],
      ['SN-2', 'Blacklisted'],
    ]);
    expect(await db.doNotBuy.count()).toBe(2);
  });

  it('finds the items on the list, with its reason; removed entries no longer block', async () => {
    const stolen = await addDoNotBuy(db, { serial: IMEI, reason: 'Reported stolen' });
    await addDoNotBuy(db, { serial: 'sn-77', reason: 'Unpaid finance' });
    const items = [
      { id: 'a', description: 'iPhone', serial: '35-209900-176148-1' },
      { id: 'b', description: 'Charger' },
      { id: 'c', description: 'Laptop', serial: 'SN77' },
      { id: 'd', description: 'Tablet', serial: 'SN-78' },
      { id: 'e', description: 'Blank', serial: '' },
    ];
    expect(await findDoNotBuyHits(db, items)).toEqual([
      { itemId: 'a', description: 'iPhone', serial: '35-209900-176148-1', reason: 'Reported stolen' },
      { itemId: 'c', description: 'Laptop', serial: 'SN77', reason: 'Unpaid finance' },
    ]);
    await removeDoNotBuy(db, stolen.id);
    expect((await findDoNotBuyHits(db, items)).map((hit) => hit.itemId)).toEqual(['c']);
    expect(await findDoNotBuyHits(db, [{ id: 'b', description: 'Charger' }])).toEqual([]);
  });
});

describe('do-not-buy import', () => {
  it('adds new serials, brings back removed ones and keeps those already listed as they are', async () => {
    await addDoNotBuy(db, { serial: 'SN-1', reason: 'Listed by hand' });
    const removed = await addDoNotBuy(db, { serial: 'SN-2', reason: 'Old reason' });
    await removeDoNotBuy(db, removed.id);

    const summary = await importDoNotBuy(db, [
      { serial: 'sn1', reason: 'From the file' },
      { serial: 'SN-2', reason: 'Police list' },
      { serial: IMEI, reason: 'Police list' },
    ]);
    expect(summary).toEqual({ added: 1, restored: 1, unchanged: 1 });
    expect(Object.fromEntries(await listed())).toEqual({
      'SN-1': 'Listed by hand',
      'SN-2': 'Police list',
      [IMEI]: 'Police list',
    });
    expect((await db.doNotBuy.get(removed.id))?.deletedAt).toBeUndefined();
  });

  it('writes nothing when one entry is invalid or a serial is given twice', async () => {
    await expect(
      importDoNotBuy(db, [
        { serial: 'SN-1', reason: 'Fine' },
        { serial: 'SN-2', reason: '' },
      ]),
    ).rejects.toThrow('Say why it must not be bought.');
    await expect(
      importDoNotBuy(db, [
        { serial: 'SN-1', reason: 'Fine' },
        { serial: 'sn 1', reason: 'Twice' },
      ]),
    ).rejects.toThrow('sn 1 is on the list twice (as SN-1).');
    expect(await db.doNotBuy.count()).toBe(0);
  });
});
