import type { Contact } from '../../domain/contact';
import { spendSummary } from '../../domain/contact-stats';
import type { CurrencyCode } from '../../domain/money';
import type { PurchaseRecord } from '../../domain/purchase';
import { getContactsById } from '../../db/contacts';
import type { TallyDatabase } from '../../db/database';
import { catalogCurrency } from '../../db/products';
import { listAllPurchases } from '../../db/purchases';

/** What the dashboard's reports read: every live order, the contacts they belong to, the shop's currency. */
export interface ReportData {
  records: PurchaseRecord[];
  contacts: Map<string, Contact>;
  currency: CurrencyCode;
}

/** When there is no catalog yet to tell the shop's currency, the one most spent in, else this. */
const FALLBACK_CURRENCY = 'USD';

export async function loadReportData(db: TallyDatabase): Promise<ReportData> {
  const [records, catalog] = await Promise.all([listAllPurchases(db), catalogCurrency(db)]);
  const contacts = await getContactsById(
    db,
    records.map((record) => record.contactId),
  );
  const currency = catalog ?? spendSummary(records).lifetimeSpend[0]?.currency ?? FALLBACK_CURRENCY;
  return { records, contacts, currency };
}
