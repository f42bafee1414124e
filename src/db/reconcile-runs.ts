import type { BackOfficeOnlyOrder } from '../domain/reconcile';
import type { TallyDatabase } from './database';
import type { ReconcileRunRow, StoredReconcileRun } from './reconcile-tables';

/**
 * The reconcileRuns table as it really holds runs: their orders packed as JSON (see
 * ReconcileRunRow). Everything else reads and writes runs through here, as StoredReconcileRun.
 */
export function runRows(db: TallyDatabase) {
  return db.table<ReconcileRunRow, string>('reconcileRuns');
}

export function packRun(run: StoredReconcileRun): ReconcileRunRow {
  const { backOfficeOnly, heldOrders, ...rest } = run;
  return {
    ...rest,
    backOfficeOnly: JSON.stringify(backOfficeOnly),
    ...(heldOrders === undefined ? {} : { heldOrders: JSON.stringify(heldOrders) }),
  };
}

export function unpackRun(row: ReconcileRunRow): StoredReconcileRun {
  const { backOfficeOnly, heldOrders, ...rest } = row;
  return {
    ...rest,
    backOfficeOnly: unpackOrders(backOfficeOnly),
    ...(heldOrders === undefined ? {} : { heldOrders: unpackOrders(heldOrders) }),
  };
}

// Runs stored while the orders were still objects (before the packing) read as they are.
function unpackOrders(packed: string | BackOfficeOnlyOrder[]): BackOfficeOnlyOrder[] {
  return typeof packed === 'string' ? (JSON.parse(packed) as BackOfficeOnlyOrder[]) : packed;
}

export async function getRun(db: TallyDatabase, runId: string): Promise<StoredReconcileRun | undefined> {
  const row = await runRows(db).get(runId);
  return row && unpackRun(row);
}

export async function putRun(db: TallyDatabase, run: StoredReconcileRun): Promise<void> {
  await runRows(db).put(packRun(run));
}
