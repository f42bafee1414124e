import type { Contact } from '../../domain/contact';
import { spendSummary } from '../../domain/contact-stats';
import type { CurrencyCode } from '../../domain/money';
import type { PurchaseRecord } from '../../domain/purchase';
import { readSnapshot, type SnapshotReader } from '../../db/dashboard-snapshot';
import { yieldToScreen } from '../yield-to-screen';
import type { TallyDatabase } from '../../db/database';
import { catalogCurrency } from '../../db/products';

/** What the dashboard's reports read: every live order, the contacts they belong to, the shop's currency. */
export interface ReportData {
  records: PurchaseRecord[];
  contacts: Map<string, Contact>;
  currency: CurrencyCode;
}

/** When there is no catalog yet to tell the shop's currency, the one most spent in, else this. */
const FALLBACK_CURRENCY = 'USD';

/** `read` shares the dashboard's one read of contacts and purchases; a read of its own when absent. */
export async function loadReportData(db: TallyDatabase, read?: SnapshotReader): Promise<ReportData> {
  const [snapshot, catalog] = await Promise.all([(read ?? (() => readSnapshot(db)))(), catalogCurrency(db)]);
  const { records, contactsById: contacts } = snapshot;
  // The reports sum every order: the contacts list, read from the same snapshot, goes first.
  await yieldToScreen();
  const currency = catalog ?? spendSummary(records).lifetimeSpend[0]?.currency ?? FALLBACK_CURRENCY;
  return { records, contacts, currency };
}
