import type { Contact } from '../contact';
import { inPeriod, spendIn, spendSummary } from '../contact-stats';
import type { CalendarDate } from '../dates';
import { sumMoney, type CurrencyCode, type Money } from '../money';
import { lineTotal, recordTotal, type PurchaseRecord } from '../purchase';
import type { ReceiptTemplate } from '../receipt-template';
import type { ClosedPeriod } from './report-period';

/**
 * A customer statement: what one contact bought over a period, as the rep hands it to them.
 * Plain data; the PDF (pdf/statement-layout.ts → statement-pdf.ts) and the CSV (csv/statement.ts)
 * are both drawn from it, so they cannot disagree.
 *
 * Purchases are listed oldest first with their lines and how they were paid. Samples are listed
 * apart, without amounts: the customer was given them at no charge, and a statement that priced
 * them would read as a bill. Deleted orders are left out, and so are the rep's order notes, which
 * are written for the rep, not the customer.
 */

export type StatementContact = Pick<Contact, 'id' | 'name' | 'company' | 'email' | 'phone' | 'address'>;

export interface StatementInput {
  contact: StatementContact;
  /** The contact's records; others' are ignored. */
  records: readonly PurchaseRecord[];
  period: ClosedPeriod;
  shop: Pick<ReceiptTemplate, 'shopName' | 'address' | 'logo'>;
  /** The day the statement is made. */
  issuedOn: CalendarDate;
}

export interface StatementLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  total: Money;
}

export interface StatementPurchase {
  id: string;
  reference: string;
  date: CalendarDate;
  lines: StatementLine[];
  total: Money;
  /** Absent on purchases recorded before payments were. */
  payment: { method: string; storeCredit: Money | null } | null;
}

export interface StatementSample {
  id: string;
  reference: string;
  date: CalendarDate;
  lines: Pick<StatementLine, 'sku' | 'name' | 'quantity'>[];
}

/** The period's purchases in one currency: how many, their total, and store credit used on them. */
export interface StatementTotal {
  currency: CurrencyCode;
  orders: number;
  total: Money;
  storeCredit: Money;
}

export interface Statement {
  shop: { name: string; address: string; logo: string | null };
  customer: StatementContact;
  period: ClosedPeriod;
  issuedOn: CalendarDate;
  purchases: StatementPurchase[];
  samples: StatementSample[];
  /** One per currency, the most spent first; empty when nothing was bought. */
  totals: StatementTotal[];
}

export function customerStatement(input: StatementInput): Statement {
  const records = input.records
    .filter(
      (record) =>
        record.contactId === input.contact.id &&
        record.deletedAt === undefined &&
        inPeriod(record.purchaseDate, input.period),
    )
    .sort(oldestFirst);
  const purchases = records.filter((record) => record.kind === 'purchase');
  return {
    shop: { name: input.shop.shopName, address: input.shop.address, logo: input.shop.logo ?? null },
    customer: input.contact,
    period: input.period,
    issuedOn: input.issuedOn,
    purchases: purchases.map(statementPurchase),
    samples: records
      .filter((record) => record.kind === 'sample')
      .map((record) => ({
        id: record.id,
        reference: orderReference(record.id),
        date: record.purchaseDate,
        lines: record.lines.map(({ sku, name, quantity }) => ({ sku, name, quantity })),
      })),
    totals: totalsPerCurrency(purchases, input.period),
  };
}

/** How the statement names an order: the first 8 characters of its id, upper-cased. */
export function orderReference(id: string): string {
  return id.replaceAll('-', '').slice(0, 8).toUpperCase();
}

function statementPurchase(record: PurchaseRecord): StatementPurchase {
  return {
    id: record.id,
    reference: orderReference(record.id),
    date: record.purchaseDate,
    lines: record.lines.map((line) => ({
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      total: lineTotal(line),
    })),
    total: recordTotal(record),
    payment: record.payment
      ? { method: record.payment.method, storeCredit: record.payment.storeCredit ?? null }
      : null,
  };
}

/** The same sums as the contact's stats (spendSummary), one currency at a time. */
function totalsPerCurrency(purchases: readonly PurchaseRecord[], period: ClosedPeriod): StatementTotal[] {
  const currencies = spendSummary(purchases, period).lifetimeSpend.map((amount) => amount.currency);
  return currencies.map((currency) => {
    const inCurrency = purchases.filter((record) => record.currency === currency);
    const summary = spendSummary(inCurrency, period);
    return {
      currency,
      orders: summary.purchaseCount,
      total: { minor: spendIn(summary, currency), currency },
      storeCredit: sumMoney(
        inCurrency.flatMap((record) => record.payment?.storeCredit ?? []),
        currency,
      ),
    };
  });
}

function oldestFirst(a: PurchaseRecord, b: PurchaseRecord): number {
  return a.purchaseDate.localeCompare(b.purchaseDate) || a.createdAt.localeCompare(b.createdAt);
}
