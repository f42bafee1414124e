import 'fake-indexeddb/auto';
import { Dexie, type DBCore, type DBCoreMutateRequest } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachFile } from '../../../src/db/attachments';
import { createBuyBack } from '../../../src/db/buybacks';
import { saveCapturedContact } from '../../../src/db/contacts';
import { TallyDatabase } from '../../../src/db/database';
import { recordGroupOrder, recordPurchase } from '../../../src/db/purchases';
import { grantStoreCredit } from '../../../src/db/store-credit';
import { errorMessage, isQuotaError } from '../../../src/domain/errors';
import { photoFile } from '../../support/seeded-profile';

const FULL =
  "Your browser's storage for Tally is full. Free space (delete old reconcile runs / attachments) or " +
  'Back up and restore in a profile with more room; nothing of this record was saved.';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

let db: TallyDatabase;
/** Writes the browser still takes before its quota is reached; Infinity: room enough. */
let room = Infinity;

/**
 * The browser's storage filling up mid-transaction: once `room` writes went through, the next
 * one fails with QuotaExceededError, as IndexedDB fails a put past the origin's quota.
 */
function fillsUp(down: DBCore): DBCore {
  return {
    ...down,
    table(name) {
      const table = down.table(name);
      return {
        ...table,
        mutate(request: DBCoreMutateRequest) {
          if (room <= 0) return Promise.reject(quotaError());
          room -= 1;
          return table.mutate(request);
        },
      };
    },
  };
}

beforeEach(() => {
  room = Infinity;
  db = new TallyDatabase(`full-${crypto.randomUUID()}`);
  db.use({ stack: 'dbcore', name: 'fills-up', create: fillsUp });
});
afterEach(async () => {
  await db.delete();
});

const USD = (minor: number) => ({ minor, currency: 'USD' as const });
const line = {
  productId: crypto.randomUUID(),
  sku: 'NW-1',
  name: 'Hand Cream',
  unitPrice: USD(1250),
  catalogPrice: USD(1250),
};

async function customers() {
  const capture = (externalId: string, name: string) =>
    saveCapturedContact(db, { backOffice: 'northwind', externalId, name, url: 'http://127.0.0.1/c' }, 'US');
  return [(await capture('C-1', 'Ada Lovelace')).contact, (await capture('C-2', 'Grace Hopper')).contact];
}

/** Every row of every table, to compare before and after a failed write. */
async function everything() {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

describe('a quota error', () => {
  it('is recognised however it is wrapped, and says what to do', () => {
    const wrapped = [
      quotaError(),
      new Dexie.QuotaExceededError('Quota exceeded'),
      new Dexie.AbortError('Transaction aborted', quotaError()),
      new Dexie.BulkError('2 of 3 operations failed', { 1: quotaError(), 2: quotaError() }),
      new Error('Not saved', { cause: new Dexie.AbortError('Transaction aborted', quotaError()) }),
    ];
    for (const failure of wrapped) {
      expect(isQuotaError(failure), String(failure)).toBe(true);
      expect(errorMessage(failure)).toBe(FULL);
    }
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', new Error('other')))).toBe(false);
    expect(errorMessage(new Error('This order no longer exists.'))).toBe('This order no longer exists.');
  });
});

describe('storage filling up mid-way through a record', () => {
  it('leaves no part of a group order (the group and each share)', async () => {
    const [ada, grace] = await customers();
    const before = await everything();
    const order = {
      id: crypto.randomUUID(),
      kind: 'purchase' as const,
      purchaseDate: '2026-10-05',
      currency: 'USD',
      lines: [{ ...line, quantity: 4 }],
      shares: [
        { contactId: ada!.id, quantities: new Map([[line.productId, 1]]) },
        { contactId: grace!.id, quantities: new Map([[line.productId, 3]]) },
      ],
    };
    // The group is written, then the shares are refused.
    room = 1;
    const failure = await recordGroupOrder(db, order).catch((error: unknown) => error);
    expect(errorMessage(failure)).toBe(FULL);
    expect(await everything()).toEqual(before);

    // Space freed: the same order goes through, once.
    room = Infinity;
    await recordGroupOrder(db, order);
    expect(await db.purchaseGroups.count()).toBe(1);
    expect(await db.purchases.count()).toBe(2);
  });

  it('leaves no purchase when its store credit cannot be written, and no credit taken', async () => {
    const [ada] = await customers();
    await grantStoreCredit(db, {
      contactId: ada!.id,
      amount: USD(5000),
      buyBackId: crypto.randomUUID(),
      text: 'BB-0001',
    });
    const before = await everything();
    room = 1;
    const failure = await recordPurchase(db, {
      contactId: ada!.id,
      kind: 'purchase',
      purchaseDate: '2026-10-05',
      currency: 'USD',
      lines: Array.from({ length: 40 }, (_, index) => ({
        ...line,
        productId: crypto.randomUUID(),
        sku: `NW-${index}`,
        quantity: 1,
      })),
      payment: { method: 'Cash', storeCredit: USD(5000) },
    }).catch((error: unknown) => error);
    expect(errorMessage(failure)).toBe(FULL);
    expect(await everything()).toEqual(before);
  });

  it('leaves no attachment without its buy-back log entry, nor the other way round', async () => {
    const [ada] = await customers();
    const buyBack = await createBuyBack(db, ada!.id);
    const before = await everything();
    room = 1;
    const failure = await attachFile(db, buyBack.id, photoFile('id-front.jpg', 200_000)).catch(
      (error: unknown) => error,
    );
    expect(errorMessage(failure)).toBe(FULL);
    expect(await db.attachments.count()).toBe(0);
    expect(await everything()).toEqual(before);
  });
});
