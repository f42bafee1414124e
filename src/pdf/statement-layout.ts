import { STORE_CREDIT } from '../domain/buyback';
import { formatCalendarDate } from '../domain/calendar';
import { formatAddress } from '../domain/contact-edit';
import { formatMoney, type Money } from '../domain/money';
import type { Statement, StatementTotal } from '../domain/reports/statement';
import {
  filledIn,
  letterhead,
  paperFor,
  type DocumentField,
  type DocumentTable,
  type Letterhead,
  type PaperSize,
} from './document-layout';

/**
 * What a customer statement PDF says, as plain text in place (statement-pdf.ts draws it). The
 * tables use the receipt's shapes, so both documents read alike. Every value is text to draw as
 * text; none of it is markup.
 */

export interface StatementLayout {
  paper: PaperSize;
  title: string;
  /** "March 1, 2026 – November 22, 2026". */
  period: string;
  issued: string;
  shop: Letterhead;
  customer: { name: string; details: string[] };
  /** One row per order, its products one per line in a cell; null when nothing was bought. */
  purchases: DocumentTable | null;
  /** Said instead of the table when there were no purchases in the period. */
  noPurchases: string;
  /** Per currency: the total of its orders, then store credit used on them when any. */
  totals: DocumentField[];
  samples: DocumentTable | null;
  /** On every page, so that a loose page is still known: "Statement for Ada Lovelace · …". */
  footer: string;
}

export const SAMPLES_HEADING = 'Samples (no charge)';

export function statementLayout(statement: Statement, locale: string): StatementLayout {
  const money = (amount: Money) => formatMoney(amount, locale);
  const date = (day: string) => formatCalendarDate(day, locale);
  const period = `${formatCalendarDate(statement.period.from, locale, 'long')} – ${formatCalendarDate(statement.period.to, locale, 'long')}`;
  const customer = statement.customer;
  const paid = statement.purchases.some((order) => order.payment !== null);
  const multiCurrency = statement.totals.length > 1;

  const purchases: DocumentTable = {
    columns: [
      { label: 'Date', align: 'left' },
      { label: 'Reference', align: 'left' },
      { label: 'Products', align: 'left' },
      ...(paid ? [{ label: 'Payment', align: 'left' as const }] : []),
      { label: 'Total', align: 'right' },
    ],
    rows: statement.purchases.map((order) => [
      date(order.date),
      order.reference,
      order.lines
        .map((line) => `${line.quantity.toLocaleString(locale)} × ${line.name} — ${money(line.total)}`)
        .join('\n'),
      ...(paid ? [paymentText(order.payment, money)] : []),
      money(order.total),
    ]),
  };

  const samples: DocumentTable = {
    columns: [
      { label: 'Date', align: 'left' },
      { label: 'Reference', align: 'left' },
      { label: 'Products', align: 'left' },
    ],
    rows: statement.samples.map((sample) => [
      date(sample.date),
      sample.reference,
      sample.lines.map((line) => `${line.quantity.toLocaleString(locale)} × ${line.name}`).join('\n'),
    ]),
  };

  return {
    paper: paperFor(locale),
    title: 'Statement',
    period,
    issued: `Issued ${formatCalendarDate(statement.issuedOn, locale, 'long')}`,
    shop: letterhead(statement.shop.name, statement.shop.address, statement.shop.logo),
    customer: {
      name: customer.name,
      details: filledIn([customer.company, formatAddress(customer.address), customer.email, customer.phone]),
    },
    purchases: purchases.rows.length > 0 ? purchases : null,
    noPurchases: 'No purchases in this period.',
    totals: statement.totals.flatMap((total) => totalFields(total, multiCurrency, money)),
    samples: samples.rows.length > 0 ? samples : null,
    footer: `Statement for ${customer.name} · ${period}`,
  };
}

function paymentText(
  payment: Statement['purchases'][number]['payment'],
  money: (amount: Money) => string,
): string {
  if (!payment) return '';
  if (!payment.storeCredit) return payment.method;
  const credit = `Store credit ${money(payment.storeCredit)}`;
  return payment.method === STORE_CREDIT ? credit : `${credit}\n${payment.method}`;
}

function totalFields(
  total: StatementTotal,
  multiCurrency: boolean,
  money: (amount: Money) => string,
): DocumentField[] {
  const orders = total.orders === 1 ? '1 order' : `${total.orders} orders`;
  const fields = [
    {
      label: multiCurrency ? `Total in ${total.currency} (${orders})` : `Total (${orders})`,
      value: money(total.total),
    },
  ];
  if (total.storeCredit.minor > 0) {
    fields.push({
      label: multiCurrency ? `Paid with store credit in ${total.currency}` : 'Paid with store credit',
      value: money(total.storeCredit),
    });
  }
  return fields;
}
