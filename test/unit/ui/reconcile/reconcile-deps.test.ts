import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../../src/db/database';
import { importCatalog } from '../../../../src/db/products';
import { putRun } from '../../../../src/db/reconcile-runs';
import type { BackOfficeOnlyOrder, ReconcileStatus } from '../../../../src/domain/reconcile';
import { reconcileDeps } from '../../../../src/ui/reconcile/reconcile-deps';
import { makeRun } from './fakes';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const deps = () => reconcileDeps(db, { runJob: async () => undefined, defaultCountry: 'US' });

const status = (purchaseId: string, runId: string): ReconcileStatus => ({
  purchaseId,
  runId,
  backOffice: 'northwind',
  outcome: 'missing',
  backOfficeOrderIds: [],
  lines: [],
  differences: [],
  checkedAt: '2026-03-01T10:00:00.000Z',
});

const order = (orderId: string): BackOfficeOnlyOrder => ({
  order: {
    orderId,
    date: '2026-02-20',
    currency: 'USD',
    customer: { id: 'C-1' },
    lines: [{ line: 2, sku: 'NW-1', quantity: 1, unitPriceMinor: 1250 }],
  },
});

describe("the reconcile screens' database", () => {
  it("reads one run's statuses, not those other runs left", async () => {
    await db.reconcileStatuses.bulkPut([status('a', 'run-1'), status('b', 'run-0'), status('c', 'run-1')]);
    const read = await deps().readRunStatuses('run-1');
    expect(read.map((entry) => entry.purchaseId).sort()).toEqual(['a', 'c']);
    expect(await deps().readRunStatuses('run-9')).toEqual([]);
  });

  it("reads a run's orders again only when they changed, and its other fields every time", async () => {
    const { readRun } = deps();
    await putRun(db, makeRun({ backOfficeOnly: [order('SO-1'), order('SO-2')] }));
    const first = await readRun('run-1');
    await putRun(db, makeRun({ backOfficeOnly: [order('SO-1'), order('SO-2')], skipped: 4 }));
    const again = await readRun('run-1');
    expect(again?.backOfficeOnly).toBe(first?.backOfficeOnly);
    expect(again?.skipped).toBe(4);
    const imported = { ...order('SO-2'), importedAs: 'purchase-1' };
    await putRun(db, makeRun({ backOfficeOnly: [order('SO-1'), imported] }));
    const changed = await readRun('run-1');
    expect(changed?.backOfficeOnly[1]?.importedAs).toBe('purchase-1');
    expect(changed?.skipped).toBe(0);
    await putRun(db, makeRun({ id: 'run-2', backOfficeOnly: [order('SO-3')] }));
    expect((await readRun('run-2'))?.backOfficeOnly.map((entry) => entry.order.orderId)).toEqual(['SO-3']);
    expect(await readRun('no-such-run')).toBeUndefined();
  });

  it('names the SKUs the catalog knows', async () => {
    await importCatalog(db, [
      { sku: 'NW-1', name: 'Hand Cream', price: { minor: 1250, currency: 'USD' }, extra: {} },
      { sku: 'NW-2', name: 'Lip Balm', price: { minor: 400, currency: 'USD' }, extra: {} },
    ]);
    const names = await deps().loadProductNames(['NW-1', 'NW-404']);
    expect([...names]).toEqual([['NW-1', 'Hand Cream']]);
  });
});
