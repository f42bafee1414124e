import { signal } from '@preact/signals';
import type { Contact } from '../../domain/contact';
import { todayLocal } from '../../domain/dates';
import type { PurchaseRecord } from '../../domain/purchase';
import type { TallyDatabase } from '../../db/database';
import { snapshotOf, type SnapshotReader } from '../../db/dashboard-snapshot';
import { purchasesToCsv } from '../../csv/purchases-export';
import { errorMessage } from '../../domain/errors';

export interface DashboardDeps {
  db: TallyDatabase;
  /** The dashboard's shared read of contacts and purchases; a read of its own when absent. */
  read?: SnapshotReader;
  download(filename: string, text: string): void;
}

/** The dashboard's state: recorded purchases and their export (the catalog is catalog-model.ts). */
export function createDashboardModel(deps: DashboardDeps) {
  const purchases = signal<PurchaseRecord[]>([]);
  const contacts = signal<Map<string, Contact>>(new Map());
  const error = signal<string | null>(null);

  async function refresh() {
    try {
      const snapshot = await snapshotOf(deps);
      contacts.value = snapshot.contactsById;
      purchases.value = snapshot.records;
      error.value = null;
    } catch (failure) {
      error.value = `Recorded purchases could not be loaded: ${errorMessage(failure)}`;
    }
  }

  function exportPurchases() {
    deps.download(`tally-purchases-${todayLocal()}.csv`, purchasesToCsv(purchases.value, contacts.value));
  }

  return {
    purchases,
    contacts,
    error,
    refresh,
    exportPurchases,
  };
}

export type DashboardModel = ReturnType<typeof createDashboardModel>;
