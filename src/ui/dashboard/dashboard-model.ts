import { signal } from '@preact/signals';
import type { Contact } from '../../domain/contact';
import { todayLocal } from '../../domain/dates';
import type { PurchaseRecord } from '../../domain/purchase';
import type { TallyDatabase } from '../../db/database';
import { getContactsById } from '../../db/contacts';
import { importCatalog } from '../../db/products';
import { listAllPurchases } from '../../db/purchases';
import { decodeCsvBytes } from '../../csv/decode';
import { readProductsCsv } from '../../csv/products-import';
import { purchasesToCsv } from '../../csv/purchases-export';
import { errorMessage } from '../../domain/errors';

export interface DashboardDeps {
  db: TallyDatabase;
  download(filename: string, text: string): void;
}

export interface CatalogImportReport {
  fileName: string;
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; reason: string }[];
}

/** The dashboard's state: recorded purchases, their export, and the catalog import. */
export function createDashboardModel(deps: DashboardDeps) {
  const purchases = signal<PurchaseRecord[]>([]);
  const contacts = signal<Map<string, Contact>>(new Map());
  const productCount = signal(0);
  const catalogReport = signal<CatalogImportReport | null>(null);
  const busy = signal(false);
  const error = signal<string | null>(null);

  async function refresh() {
    const records = await listAllPurchases(deps.db);
    contacts.value = await getContactsById(
      deps.db,
      records.map((record) => record.contactId),
    );
    purchases.value = records;
    productCount.value = await deps.db.products.count();
  }

  function exportPurchases() {
    deps.download(`tally-purchases-${todayLocal()}.csv`, purchasesToCsv(purchases.value, contacts.value));
  }

  /**
   * Reads a catalog CSV and stores the valid rows in one transaction. Rejected rows are listed
   * with their line number; a file that cannot be read at all changes nothing.
   */
  async function importCatalogFile(file: File) {
    busy.value = true;
    error.value = null;
    catalogReport.value = null;
    try {
      const { text } = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
      const result = readProductsCsv(text);
      if (!result.ok) {
        error.value = `${file.name}: ${result.error}`;
        return;
      }
      const summary = await importCatalog(deps.db, result.products);
      catalogReport.value = { fileName: file.name, ...summary, rejected: result.rejected };
      await refresh();
    } catch (failure) {
      error.value = `${file.name} was not imported: ${errorMessage(failure)}`;
    } finally {
      busy.value = false;
    }
  }

  return {
    purchases,
    contacts,
    productCount,
    catalogReport,
    busy,
    error,
    refresh,
    exportPurchases,
    importCatalogFile,
  };
}

export type DashboardModel = ReturnType<typeof createDashboardModel>;
