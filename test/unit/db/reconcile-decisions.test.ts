import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { deleteContact } from '../../../src/db/contact-book';
import { mergeContacts } from '../../../src/db/contact-merge';
import { addProduct } from '../../../src/db/products';
import { deletePurchase, recordPurchase } from '../../../src/db/purchases';
import { decideProbableMatch, decisionId } from '../../../src/db/reconcile-decisions';
import { importBackOfficeOrder } from '../../../src/db/reconcile-import';
import { forgetJobMemory, runReconcileJob } from '../../../src/db/reconcile-job';
import { readReconcileRun } from '../../../src/db/reconcile-read';
import { readReconcileStatuses } from '../../../src/db/reconcile-statuses';
import { readReconcileFile, startReconcileJob } from '../../../src/db/reconcile-start';
import type { StoredReconcileRun } from '../../../src/db/reconcile-tables';
import { DEFAULT_RECONCILE_OPTIONS } from '../../../src/domain/reconcile';
import { makeContact } from '../../support/contacts';
import {
  bytesOf,
  MARCH_ROWS,
  northwindCsv,
  seedReconcileStore,
  type ReconcileStore,
} from '../../support/reconcile-store';

let db: TallyDatabase;
let store: ReconcileStore;
let run: StoredReconcileRun;
beforeEach(async () => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  store = await seedReconcileStore(db);
  forgetJobMemory();
  run = await reconcile(northwindCsv(MARCH_ROWS));
});
afterEach(async () => {
  await db.delete();
});

async function reconcile(text: string): Promise<StoredReconcileRun> {
  const bytes = bytesOf(text);
  const read = await readReconcileFile(db, bytes, 'orders.csv');
  if (!read.ok) throw new Error('not recognised');
  const started = await startReconcileJob(db, {
    fileName: 'orders.csv',
    bytes,
    hash: read.hash,
    layout: read.layout,
    options: DEFAULT_RECONCILE_OPTIONS,
  });
  if (!('jobId' in started)) throw new Error('already reconciled');
  const done = await runReconcileJob(db, started.jobId);
  return (await readReconcileRun(db, done?.runId ?? '')) as StoredReconcileRun;
}

describe('confirming or rejecting a probable match', () => {
  it('confirmed: the order is synced at once, and the verdict is remembered by the next run', async () => {
    const status = await decideProbableMatch(db, store.probable.id, 'confirmed', '2026-03-12T09:00:00.000Z');
    expect(status).toMatchObject({ outcome: 'synced', confirmed: true, backOfficeOrderIds: ['SO-2'] });
    expect((await readReconcileStatuses(db)).get(store.probable.id)).toEqual(status);
    expect(await db.reconcileDecisions.toArray()).toEqual([
      {
        id: decisionId(store.probable.id, ['SO-2']),
        purchaseId: store.probable.id,
        backOfficeOrderIds: ['SO-2'],
        verdict: 'confirmed',
        decidedAt: '2026-03-12T09:00:00.000Z',
      },
    ]);
    expect((await readReconcileRun(db, run.id))?.counts).toMatchObject({ probable: 0, synced: 2 });

    // The same orders in a later, longer file: the verdict holds without asking again.
    const again = await reconcile(
      northwindCsv([
        ...MARCH_ROWS,
        ['SO-8', '2026-03-11', 'C-1', 'ada@example.com', 'NW-1001', 1, '12.50', 'USD'],
      ]),
    );
    expect((await readReconcileStatuses(db)).get(store.probable.id)).toMatchObject({
      runId: again.id,
      outcome: 'synced',
      confirmed: true,
    });
  });

  it('rejected: the order is missing, and the order it matched becomes back office only', async () => {
    const status = await decideProbableMatch(db, store.probable.id, 'rejected');
    expect(status).toMatchObject({ outcome: 'missing', backOfficeOrderIds: [], differences: [] });
    const updated = await readReconcileRun(db, run.id);
    expect(updated?.backOfficeOnly.map((entry) => [entry.order.orderId, entry.contactId])).toEqual([
      ['SO-2', store.ben.id],
      ['SO-5', store.ben.id],
      ['SO-6', undefined],
    ]);
    expect(updated?.counts).toMatchObject({ probable: 0, missing: 2, backOfficeOnly: 3 });
    expect((await db.reconcileDecisions.toArray()).map((decision) => decision.verdict)).toEqual(['rejected']);
  });

  it('rejected: an order another recorded order also matched stays matched, not back office only', async () => {
    // As when the back office put two recorded orders on one of its orders.
    await db.reconcileStatuses.update(store.synced.id, { backOfficeOrderIds: ['SO-1', 'SO-2'] });
    await decideProbableMatch(db, store.probable.id, 'rejected');
    const updated = await readReconcileRun(db, run.id);
    expect(updated?.backOfficeOnly.map((entry) => entry.order.orderId)).toEqual(['SO-5', 'SO-6']);
    expect(updated?.counts).toMatchObject({ probable: 0, missing: 2, backOfficeOnly: 2 });
  });

  it('refuses an order whose status is not probable, writing nothing', async () => {
    await expect(decideProbableMatch(db, store.synced.id, 'confirmed')).rejects.toThrow(
      /Only a probable match/,
    );
    await expect(decideProbableMatch(db, store.earlier.id, 'rejected')).rejects.toThrow(
      /not been reconciled/,
    );
    await decideProbableMatch(db, store.probable.id, 'confirmed');
    await expect(decideProbableMatch(db, store.probable.id, 'rejected')).rejects.toThrow(
      /Only a probable match/,
    );
    expect(await db.reconcileDecisions.count()).toBe(1);
  });
});

describe('importing a back-office-only order', () => {
  it("records it in the customer's history, synced, with products found by SKU or added", async () => {
    const known = await addProduct(db, {
      sku: 'NW-1001',
      name: 'Hand Cream',
      price: { minor: 1250, currency: 'USD' },
      extra: {},
    });
    expect(known.outcome).toBe('added');
    // SO-5 is Ben's: NW-2002 ×4 at 3.75, a product the catalog does not have.
    const purchaseId = await importBackOfficeOrder(db, run.id, 'SO-5');
    const record = await db.purchases.get(purchaseId);
    expect(record).toMatchObject({
      contactId: store.ben.id,
      kind: 'purchase',
      purchaseDate: '2026-03-09',
      currency: 'USD',
      lines: [{ sku: 'NW-2002', quantity: 4, unitPrice: { minor: 375, currency: 'USD' } }],
    });
    const added = await db.products.where('sku').equals('NW-2002').first();
    expect(added).toMatchObject({ name: 'NW-2002', price: { minor: 375, currency: 'USD' } });
    expect(record?.lines[0]?.productId).toBe(added?.id);

    expect((await readReconcileStatuses(db)).get(purchaseId)).toMatchObject({
      outcome: 'synced',
      runId: run.id,
      backOfficeOrderIds: ['SO-5'],
    });
    const updated = await readReconcileRun(db, run.id);
    expect(updated?.backOfficeOnly.find((entry) => entry.order.orderId === 'SO-5')?.importedAs).toBe(
      purchaseId,
    );
  });

  it('uses the catalog product when the SKU is known', async () => {
    const known = await addProduct(db, {
      sku: 'NW-2002',
      name: 'Lavender Soap',
      price: { minor: 400, currency: 'USD' },
      extra: {},
    });
    const purchaseId = await importBackOfficeOrder(db, run.id, 'SO-5');
    const record = await db.purchases.get(purchaseId);
    expect(record?.lines[0]).toMatchObject({
      productId: known.product.id,
      name: 'Lavender Soap',
      unitPrice: { minor: 375, currency: 'USD' },
      catalogPrice: { minor: 400, currency: 'USD' },
    });
    expect(await db.products.count()).toBe(1);
  });

  it('refuses an order whose customer is no contact, and one already imported, writing nothing', async () => {
    const purchases = await db.purchases.count();
    await expect(importBackOfficeOrder(db, run.id, 'SO-6')).rejects.toThrow(/matches no contact in Tally/);
    await importBackOfficeOrder(db, run.id, 'SO-5');
    await expect(importBackOfficeOrder(db, run.id, 'SO-5')).rejects.toThrow(/already been imported/);
    await expect(importBackOfficeOrder(db, run.id, 'SO-1')).rejects.toThrow(/not among/);
    expect(await db.purchases.count()).toBe(purchases + 1);
  });

  it('refuses an order another run also listed once it is imported, until that record is deleted', async () => {
    // A second export of the same days, read before any import, lists SO-5 as back office only too.
    const second = await reconcile(
      northwindCsv([
        ...MARCH_ROWS,
        ['SO-7', '2026-03-10', 'C-1', 'ada@example.com', 'NW-1001', 9, '1.00', 'USD'],
      ]),
    );
    expect(second.backOfficeOnly.map((entry) => entry.order.orderId)).toContain('SO-5');
    const purchases = await db.purchases.count();
    const imported = await importBackOfficeOrder(db, run.id, 'SO-5');
    await expect(importBackOfficeOrder(db, second.id, 'SO-5')).rejects.toThrow(
      /SO-5 is already in Tally: the order recorded on 2026-03-09 stands for it/,
    );
    expect(await db.purchases.count()).toBe(purchases + 1);
    // The user deleted that record: the order can be imported again.
    await deletePurchase(db, imported);
    expect(await importBackOfficeOrder(db, second.id, 'SO-5')).toEqual(expect.any(String));
  });

  it('imports into the contact the customer has been merged into', async () => {
    const benjamin = makeContact({ name: 'Benjamin Okri', email: 'benjamin@example.com' });
    await db.contacts.add(benjamin);
    await mergeContacts(db, { survivorId: benjamin.id, mergedId: store.ben.id }, { defaultCountry: 'US' });
    const purchaseId = await importBackOfficeOrder(db, run.id, 'SO-5');
    expect((await db.purchases.get(purchaseId))?.contactId).toBe(benjamin.id);
  });

  it('refuses an order the customer has had recorded by hand since the run, and not for another record', async () => {
    const byHand = (purchaseDate: string, sku: string, quantity: number, minor: number) =>
      recordPurchase(db, {
        contactId: store.ben.id,
        kind: 'purchase',
        purchaseDate,
        currency: 'USD',
        lines: [
          {
            productId: crypto.randomUUID(),
            sku,
            name: sku,
            quantity,
            unitPrice: { minor, currency: 'USD' },
            catalogPrice: { minor, currency: 'USD' },
          },
        ],
      });
    // Another sale to Ben, months later: not SO-5.
    await byHand('2026-06-01', 'NW-1001', 1, 1250);
    const purchases = await db.purchases.count();
    // SO-5 (NW-2002 ×4 at 3.75 on 2026-03-09), entered by hand a day off after the run listed it.
    const entered = await byHand('2026-03-10', 'NW-2002', 4, 375);
    await expect(importBackOfficeOrder(db, run.id, 'SO-5')).rejects.toThrow(
      /SO-5 looks recorded already: Ben Okri's order of 2026-03-10, recorded since this reconcile, matches it/,
    );
    expect(await db.purchases.count()).toBe(purchases + 1);
    await deletePurchase(db, entered.id);
    expect(await importBackOfficeOrder(db, run.id, 'SO-5')).toEqual(expect.any(String));
  });

  it('imports the order of a customer captured since the run, who was no contact then', async () => {
    await expect(importBackOfficeOrder(db, run.id, 'SO-6')).rejects.toThrow(
      /SO-6 matches no contact in Tally: add or capture the customer, then import the order/,
    );
    const eve = makeContact({ name: 'Eve Nobody', email: 'nobody@example.com' });
    await db.contacts.add(eve);
    const purchaseId = await importBackOfficeOrder(db, run.id, 'SO-6');
    expect((await db.purchases.get(purchaseId))?.contactId).toBe(eve.id);
    const updated = await readReconcileRun(db, run.id);
    expect(updated?.backOfficeOnly.find((entry) => entry.order.orderId === 'SO-6')).toMatchObject({
      contactId: eve.id,
      importedAs: purchaseId,
    });
  });

  it('refuses, writing nothing, an order whose contact has been deleted since the run', async () => {
    const eve = makeContact({ name: 'Eve Nobody', email: 'nobody@example.com' });
    await db.contacts.add(eve);
    const april = await reconcile(
      northwindCsv([['SO-6', '2026-03-10', 'C-99', 'nobody@example.com', 'NW-1001', 1, '12.50', 'USD']]),
    );
    expect(april.backOfficeOnly).toEqual([expect.objectContaining({ contactId: eve.id })]);
    await deleteContact(db, eve.id);
    const purchases = await db.purchases.count();
    await expect(importBackOfficeOrder(db, april.id, 'SO-6')).rejects.toThrow(
      /customer of order SO-6 was Eve Nobody, whose contact has been deleted/,
    );
    expect(await db.purchases.count()).toBe(purchases);
    expect(await db.products.count()).toBe(0);
  });
});
