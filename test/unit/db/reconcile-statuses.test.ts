import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { readStatusesInPages, readStatusesOf } from '../../../src/db/reconcile-statuses';
import type { ReconcileStatus } from '../../../src/domain/reconcile';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const status = (purchaseId: string): ReconcileStatus => ({
  purchaseId,
  runId: 'run',
  backOffice: 'demo',
  outcome: 'synced',
  backOfficeOrderIds: [`SO-${purchaseId}`],
  lines: [],
  differences: [],
  checkedAt: '2026-01-01T10:00:00.000Z',
});

it('reads every status a page at a time, pausing between pages', async () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  await db.reconcileStatuses.bulkPut(ids.map(status));
  let pauses = 0;
  const read = await readStatusesInPages(db, async () => void pauses++, 2);
  expect([...read.keys()].sort()).toEqual(ids);
  expect(read.get('c')?.backOfficeOrderIds).toEqual(['SO-c']);
  expect(pauses).toBe(2);
  expect((await readStatusesInPages(db, async () => undefined, 5)).size).toBe(5);
  await db.reconcileStatuses.clear();
  expect((await readStatusesInPages(db, async () => undefined)).size).toBe(0);
});

it('reads the statuses of the purchases asked for; the unreconciled have none', async () => {
  await db.reconcileStatuses.bulkPut([status('a'), status('b')]);
  const read = await readStatusesOf(db, ['b', 'x']);
  expect([...read.keys()]).toEqual(['b']);
});
