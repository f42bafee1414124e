import { batch, signal } from '@preact/signals';
import type { Contact } from '../../domain/contact';
import type { PurchaseRecord } from '../../domain/purchase';
import type { ReconcileStatus } from '../../domain/reconcile';
import type { TallyDatabase } from '../../db/database';
import { snapshotOf, type SnapshotReader } from '../../db/dashboard-snapshot';
import { readStatusesOf } from '../../db/reconcile-statuses';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import { createPurchaseExportModel } from '../export/export-model';

/** The most the table shows: a long history is for the export, and 50,000 rows would stall the page. */
export const PURCHASES_SHOWN = 100;

export interface DashboardDeps {
  db: TallyDatabase;
  /** The dashboard's shared read of contacts and purchases; a read of its own when absent. */
  read?: SnapshotReader;
  /** Offers a file to the user (downloadBlob in a page). */
  download(filename: string, file: Blob): void;
  /** Gives the page back between chunks of the export; the next painted frame unless given. */
  pause?: () => Promise<void>;
}

/**
 * The dashboard's state: recorded purchases with their reconciliation statuses, and their
 * export (the catalog is catalog-model.ts).
 */
export function createDashboardModel(deps: DashboardDeps) {
  const purchases = signal<PurchaseRecord[]>([]);
  const contacts = signal<Map<string, Contact>>(new Map());
  /** The latest reconciliation of the purchases the table shows (the export reads its own). */
  const statuses = signal<ReadonlyMap<string, ReconcileStatus>>(new Map());
  const error = signal<string | null>(null);
  const exporter = createPurchaseExportModel({
    db: deps.db,
    data: () => ({ records: purchases.value, contactsById: contacts.value }),
    reload: () => refresh(),
    download: deps.download,
    ...(deps.pause ? { pause: deps.pause } : {}),
  });

  /** Counts refreshes: the dashboard's and the export panel's can overlap, and the last asked wins. */
  let refreshes = 0;
  let newest: Promise<void> = Promise.resolve();

  /** Reads purchases, contacts and the shown statuses again; resolves once the newest read is shown. */
  function refresh(): Promise<void> {
    newest = load(++refreshes);
    return newest;
  }

  async function load(request: number): Promise<void> {
    try {
      const snapshot = await snapshotOf(deps);
      const shown = snapshot.records.slice(0, PURCHASES_SHOWN).map((record) => record.id);
      const latest = await readStatusesOf(deps.db, shown);
      // An older read answering late would put back purchases from before the newer one: wait
      // for that one instead, so whoever awaits this sees data at least as new as they asked.
      if (request !== refreshes) return await newest;
      batch(() => {
        contacts.value = snapshot.contactsById;
        purchases.value = snapshot.records;
        statuses.value = latest;
      });
      error.value = null;
    } catch (failure) {
      if (request !== refreshes) return await newest;
      error.value = t('dashboard_purchases_not_loaded', errorMessage(failure));
    }
  }

  return {
    purchases,
    contacts,
    statuses,
    error,
    refresh,
    exporter,
  };
}

export type DashboardModel = ReturnType<typeof createDashboardModel>;
