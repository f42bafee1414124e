import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { findContactForSnapshot, listContactEvents, saveCapturedContact } from '../../../src/db/contacts';
import { importCatalog, type ProductInput } from '../../../src/db/products';
import { listContactPurchases, recordPurchase } from '../../../src/db/purchases';
import type { ContactSnapshot } from '../../../src/domain/contact-snapshot';

const ada: ContactSnapshot = {
  backOffice: 'northwind',
  externalId: 'C-00042',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '(415) 555-0134',
  url: 'http://127.0.0.1:5178/rep/customers/C-00042',
};

const products: ProductInput[] = [
  { sku: 'NW-1', name: 'Hand Cream', price: { minor: 1250, currency: 'USD' }, extra: {} },
  {
    sku: 'NW-2',
    name: 'Candle',
    price: { minor: 900, currency: 'USD' },
    category: 'Home',
    extra: { color: 'red' },
  },
];

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('contacts', () => {
  it('captures once and updates on every later capture', async () => {
    const first = await saveCapturedContact(db, ada, 'US');
    const second = await saveCapturedContact(db, { ...ada, name: 'Ada King' }, 'US');
    expect(first.outcome).toBe('captured');
    expect(second.outcome).toBe('updated');
    expect(second.contact.id).toBe(first.contact.id);
    expect(await db.contacts.count()).toBe(1);
  });

  it('matches by back-office id, then email, then phone, then name', async () => {
    const { contact } = await saveCapturedContact(db, ada, 'US');
    const { externalId: _id, ...noId } = ada;
    const find = (snapshot: ContactSnapshot) => findContactForSnapshot(db, snapshot, 'US');
    expect((await find({ ...ada, name: 'Someone Else', email: 'x@y.z' }))?.id).toBe(contact.id);
    expect((await find({ ...noId, email: 'ADA@example.com', name: 'A. L.' }))?.id).toBe(contact.id);
    expect(
      (await find({ ...noId, email: 'new@example.com', phone: '+1 415 555 0134', name: 'A. L.' }))?.id,
    ).toBe(contact.id);
    expect((await find({ ...noId, email: 'new@example.com', phone: '1', name: 'ada  lovelace' }))?.id).toBe(
      contact.id,
    );
    expect(
      await find({ ...noId, email: 'new@example.com', phone: '1', name: 'Grace Hopper' }),
    ).toBeUndefined();
  });

  it('says "Already up to date" and writes nothing when the page shows what Tally has', async () => {
    const first = await saveCapturedContact(db, ada, 'US');
    const again = await saveCapturedContact(
      db,
      { ...ada, phone: '+1 415 555 0134', email: 'ADA@example.com' },
      'US',
    );
    expect(again.outcome).toBe('unchanged');
    expect(again.contact).toMatchObject({ id: first.contact.id, phone: ada.phone, email: ada.email });
    const moved = await saveCapturedContact(db, { ...ada, phone: '+1 415 555 0199' }, 'US');
    expect(moved.outcome).toBe('updated');
    expect((await listContactEvents(db, first.contact.id)).map((event) => event.kind)).toEqual([
      'updated',
      'captured',
    ]);
  });

  it('keeps what each capture changed in the contact’s history', async () => {
    const { contact } = await saveCapturedContact(db, ada, 'US');
    await saveCapturedContact(db, { ...ada, email: 'ada@engines.example' }, 'US');
    const [latest] = await listContactEvents(db, contact.id);
    expect(latest).toMatchObject({
      kind: 'updated',
      url: ada.url,
      changes: [{ field: 'email', before: 'ada@example.com', after: 'ada@engines.example' }],
    });
  });

  it('scopes back-office ids to the back office’s origin', async () => {
    await saveCapturedContact(db, ada, 'US');
    const elsewhere = { ...ada, email: 'x@example.com', phone: '1', name: 'Someone Else' };
    const other = await saveCapturedContact(
      db,
      { ...elsewhere, url: 'https://other.example/customers/C-00042' },
      'US',
    );
    expect(other.outcome).toBe('captured');
    expect(await db.contacts.count()).toBe(2);
  });

  it('makes one contact when two tabs capture the same customer at once', async () => {
    const results = await Promise.all([
      saveCapturedContact(db, ada, 'US'),
      saveCapturedContact(db, ada, 'US'),
    ]);
    expect(results.map((result) => result.outcome).sort()).toEqual(['captured', 'unchanged']);
    expect(await db.contacts.count()).toBe(1);
  });

  it('never merges two customers the back office tells apart', async () => {
    await saveCapturedContact(db, ada, 'US');
    const namesake = await saveCapturedContact(
      db,
      { ...ada, externalId: 'C-00043', email: 'other@example.com' },
      'US',
    );
    expect(namesake.outcome).toBe('captured');
    expect(await db.contacts.count()).toBe(2);
  });
});

describe('catalog import', () => {
  it('creates, then updates by SKU without duplicating, keeping ids', async () => {
    expect(await importCatalog(db, products)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const before = await db.products.where('sku').equals('NW-1').first();
    const changed = [{ ...products[0]!, price: { minor: 1300, currency: 'USD' } }, products[1]!];
    expect(await importCatalog(db, changed)).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const after = await db.products.where('sku').equals('NW-1').first();
    expect(after?.id).toBe(before?.id);
    expect(after?.price.minor).toBe(1300);
    expect(await db.products.count()).toBe(2);
  });

  it('writes nothing when one product is invalid', async () => {
    const broken = [...products, { ...products[0]!, sku: 'NW-3', name: '' }];
    await expect(importCatalog(db, broken)).rejects.toThrow();
    expect(await db.products.count()).toBe(0);
  });
});

describe('recorded purchases', () => {
  it('stores a valid order and lists the contact’s orders newest first', async () => {
    const { contact } = await saveCapturedContact(db, ada, 'US');
    await importCatalog(db, products);
    const [cream] = await db.products.where('sku').equals('NW-1').toArray();
    const line = {
      productId: cream!.id,
      sku: cream!.sku,
      name: cream!.name,
      quantity: 2,
      unitPrice: cream!.price,
      catalogPrice: cream!.price,
    };
    const base = { contactId: contact.id, kind: 'purchase' as const, currency: 'USD', lines: [line] };
    const older = await recordPurchase(db, { ...base, purchaseDate: '2026-10-01' });
    const newer = await recordPurchase(db, { ...base, purchaseDate: '2026-11-01' });
    const sameDayLater = await recordPurchase(db, { ...base, purchaseDate: '2026-11-01', kind: 'sample' });
    expect((await listContactPurchases(db, contact.id)).map((record) => record.id)).toEqual([
      sameDayLater.id,
      newer.id,
      older.id,
    ]);
  });

  it('refuses an invalid order or one for an unknown contact, storing nothing', async () => {
    const { contact } = await saveCapturedContact(db, ada, 'US');
    const line = {
      productId: crypto.randomUUID(),
      sku: 'NW-1',
      name: 'Hand Cream',
      quantity: 0,
      unitPrice: { minor: 100, currency: 'USD' },
      catalogPrice: { minor: 100, currency: 'USD' },
    };
    const draft = {
      contactId: contact.id,
      kind: 'purchase' as const,
      currency: 'USD',
      purchaseDate: '2026-11-01',
      lines: [line],
    };
    await expect(recordPurchase(db, draft)).rejects.toThrow();
    await expect(recordPurchase(db, { ...draft, lines: [] })).rejects.toThrow();
    await expect(
      recordPurchase(db, { ...draft, contactId: crypto.randomUUID(), lines: [{ ...line, quantity: 1 }] }),
    ).rejects.toThrow(/no longer exists/);
    expect(await db.purchases.count()).toBe(0);
  });
});
