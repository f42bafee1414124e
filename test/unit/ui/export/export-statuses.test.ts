import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TallyDatabase } from '../../../../src/db/database';
import { readStatusesInPages, readStatusesOf } from '../../../../src/db/reconcile-statuses';
import type { ReconcileStatus } from '../../../../src/domain/reconcile';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

function status(purchaseId: string): ReconcileStatus {
  return {
    purchaseId,
    runId: 'run-1',
    backOffice: 'northwind',
    outcome: 'synced',
    backOfficeOrderIds: [`SO-${purchaseId}`],
    lines: [],
    differences: [],
    checkedAt: '2026-04-11T10:00:00.000Z',
  };
}

const ids = (count: number) =>
  Array.from({ length: count }, (_, index) => `p-${String(index).padStart(3, '0')}`);

it('reads every status the export writes, a page at a time with a pause between pages', async () => {
  await db.reconcileStatuses.bulkPut(ids(7).map(status));
  let pauses = 0;
  const read = await readStatusesInPages(db, async () => void pauses++, 3);
  expect([...read.keys()].sort()).toEqual(ids(7));
  expect(read.get('p-006')?.backOfficeOrderIds).toEqual(['SO-p-006']);
  // Pages of 3, 3 and 1: a pause after each full page.
  expect(pauses).toBe(2);

  // A last page exactly full asks once more and finds nothing.
  pauses = 0;
  expect((await readStatusesInPages(db, async () => void pauses++, 7)).size).toBe(7);
  expect(pauses).toBe(1);
  await db.reconcileStatuses.clear();
  expect((await readStatusesInPages(db, async () => undefined)).size).toBe(0);
});

it('reads the statuses of the purchases a table shows, none for those not reconciled', async () => {
  await db.reconcileStatuses.bulkPut(ids(3).map(status));
  const read = await readStatusesOf(db, ['p-002', 'never', 'p-000']);
  expect([...read.keys()].sort()).toEqual(['p-000', 'p-002']);
});
