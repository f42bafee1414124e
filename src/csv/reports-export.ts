import type { ClosedPeriod } from '../domain/reports/report-period';
import type { BestCustomer } from '../domain/reports/best-customers';
import type { Statement } from '../domain/reports/statement';
import { formatDecimalAmount } from '../domain/money';
import { fileNameSlug } from '../domain/search-text';
import { toCsv } from './write';

/**
 * The reports as CSV files: amounts as decimal text ("12.50") with the currency in its own
 * column, dates YYYY-MM-DD, written by toCsv (BOM, CRLF, formula-looking cells neutralised).
 */

/**
 * `Export best customers`: the whole ranking for the period, one row per contact and currency
 * (most contacts buy in one currency, so one row). A contact who also bought in another currency
 * gets a row for it below, with the same rank: amounts in two currencies are never added.
 *
 * - Rank: 1 for the best; tied contacts share a rank.
 * - Name, Company, Email: as the contact has them now.
 * - Orders: purchases in this currency in the period (samples do not count).
 * - Spend, Average order: decimal text in Currency.
 * - Currency: ISO 4217 code.
 * - First purchase, Last purchase: in this currency, in the period.
 * - Tally contact ID: the contact's id, as in `Export contacts`.
 */
export const BEST_CUSTOMERS_COLUMNS = [
  'Rank',
  'Name',
  'Company',
  'Email',
  'Orders',
  'Spend',
  'Average order',
  'Currency',
  'First purchase',
  'Last purchase',
  'Tally contact ID',
] as const;

export function bestCustomersCsv(rows: readonly BestCustomer[]): string {
  return toCsv(
    BEST_CUSTOMERS_COLUMNS,
    rows.flatMap((row) =>
      row.byCurrency.map((figures) => [
        String(row.rank),
        row.name,
        row.company ?? '',
        row.email ?? '',
        String(figures.orders),
        formatDecimalAmount(figures.spend),
        formatDecimalAmount(figures.averageOrder),
        figures.currency,
        figures.firstPurchaseDate,
        figures.lastPurchaseDate,
        row.contactId,
      ]),
    ),
  );
}

export function bestCustomersFileName(period: ClosedPeriod): string {
  return `best-customers-${period.from}-to-${period.to}.csv`;
}

/**
 * The customer statement as CSV: one row per order line, purchases first (oldest first), then
 * samples.
 *
 * - Date: the purchase date, YYYY-MM-DD. Reference: the order's reference on the PDF.
 * - Kind: `Purchase`, or `Sample` (given at no charge: its amount columns are empty).
 * - SKU, Product, Quantity: as recorded.
 * - Unit price, Line total, Order total: decimal text in Currency; Order total is repeated on each
 *   line of the order, like Reference: count it once per order.
 * - Currency: ISO 4217 code.
 * - Payment method, Store credit: how the order was paid (store credit as decimal text, the
 *   whole order's, repeated like Order total), empty when not recorded.
 */
export const STATEMENT_COLUMNS = [
  'Date',
  'Reference',
  'Kind',
  'SKU',
  'Product',
  'Quantity',
  'Unit price',
  'Line total',
  'Order total',
  'Currency',
  'Payment method',
  'Store credit',
] as const;

export function statementCsv(statement: Statement): string {
  const purchases = statement.purchases.flatMap((order) =>
    order.lines.map((line) => [
      order.date,
      order.reference,
      'Purchase',
      line.sku,
      line.name,
      String(line.quantity),
      formatDecimalAmount(line.unitPrice),
      formatDecimalAmount(line.total),
      formatDecimalAmount(order.total),
      order.total.currency,
      order.payment?.method ?? '',
      order.payment?.storeCredit ? formatDecimalAmount(order.payment.storeCredit) : '',
    ]),
  );
  const samples = statement.samples.flatMap((sample) =>
    sample.lines.map((line) => [
      sample.date,
      sample.reference,
      'Sample',
      line.sku,
      line.name,
      String(line.quantity),
      '',
      '',
      '',
      '',
      '',
      '',
    ]),
  );
  return toCsv(STATEMENT_COLUMNS, [...purchases, ...samples]);
}

/** "statement-ada-lovelace-2026-01-01-to-2026-12-31": the customer and period, file-name safe. */
export function statementFileName(statement: Statement, extension: 'pdf' | 'csv'): string {
  const slug = fileNameSlug(statement.customer.name) || 'customer';
  return `statement-${slug}-${statement.period.from}-to-${statement.period.to}.${extension}`;
}
