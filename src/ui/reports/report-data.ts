import type { Contact } from '../../domain/contact';
import { spendSummary } from '../../domain/contact-stats';
import type { CurrencyCode } from '../../domain/money';
import type { PurchaseRecord } from '../../domain/purchase';
import { snapshotOf, type Snapshot, type SnapshotReader } from '../../db/dashboard-snapshot';
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

/**
 * The shop's currency as of each snapshot: the reports refresh from the same snapshot, and one
 * walk over the catalog (or, without one, over every order) serves them all.
 */
const shopCurrencies = new WeakMap<Snapshot, Promise<CurrencyCode>>();

/** `read` shares the dashboard's one read of contacts and purchases; a read of its own when absent. */
export async function loadReportData(db: TallyDatabase, read?: SnapshotReader): Promise<ReportData> {
  const snapshot = await snapshotOf({ db, read });
  let currency = shopCurrencies.get(snapshot);
  if (!currency) {
    currency = shopCurrency(db, snapshot.records);
    shopCurrencies.set(snapshot, currency);
  }
  return { records: snapshot.records, contacts: snapshot.contactsById, currency: await currency };
}

async function shopCurrency(db: TallyDatabase, records: readonly PurchaseRecord[]): Promise<CurrencyCode> {
  const catalog = await catalogCurrency(db);
  // The reports sum every order: the contacts list, read from the same snapshot, goes first.
  await yieldToScreen();
  return catalog ?? spendSummary(records).lifetimeSpend[0]?.currency ?? FALLBACK_CURRENCY;
}
