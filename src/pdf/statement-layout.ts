import { STORE_CREDIT } from '../domain/buyback';
import { formatCalendarDate } from '../domain/calendar';
import { formatAddress } from '../domain/contact-edit';
import { t, tPlural } from '../domain/i18n';
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
import { paymentMethodLabel } from '../domain/payment-method';

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

/** The heading of the samples' table (the PDF draws it above the table). */
export function samplesHeading(): string {
  return t('pdf_samples_heading');
}

export function statementLayout(statement: Statement, locale: string): StatementLayout {
  const money = (amount: Money) => formatMoney(amount, locale);
  const date = (day: string) => formatCalendarDate(day, locale);
  const period = `${formatCalendarDate(statement.period.from, locale, 'long')} – ${formatCalendarDate(statement.period.to, locale, 'long')}`;
  const customer = statement.customer;
  const paid = statement.purchases.some((order) => order.payment !== null);
  const multiCurrency = statement.totals.length > 1;

  const purchases: DocumentTable = {
    columns: [
      { label: t('pdf_date'), align: 'left' },
      { label: t('pdf_reference'), align: 'left' },
      { label: t('pdf_products'), align: 'left', wraps: true },
      // "Store credit $10.00" on one line.
      ...(paid ? [{ label: t('pdf_payment'), align: 'left' as const, wraps: true, minWidth: 34 }] : []),
      { label: t('pdf_total'), align: 'right' },
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
      { label: t('pdf_date'), align: 'left' },
      { label: t('pdf_reference'), align: 'left' },
      { label: t('pdf_products'), align: 'left', wraps: true },
    ],
    rows: statement.samples.map((sample) => [
      date(sample.date),
      sample.reference,
      sample.lines.map((line) => `${line.quantity.toLocaleString(locale)} × ${line.name}`).join('\n'),
    ]),
  };

  return {
    paper: paperFor(locale),
    title: t('pdf_statement'),
    period,
    issued: t('pdf_issued', formatCalendarDate(statement.issuedOn, locale, 'long')),
    shop: letterhead(statement.shop.name, statement.shop.address, statement.shop.logo),
    customer: {
      name: customer.name,
      details: filledIn([customer.company, formatAddress(customer.address), customer.email, customer.phone]),
    },
    purchases: purchases.rows.length > 0 ? purchases : null,
    noPurchases: t('pdf_no_purchases'),
    totals: statement.totals.flatMap((total) => totalFields(total, multiCurrency, money)),
    samples: samples.rows.length > 0 ? samples : null,
    footer: t('pdf_statement_for', customer.name, period),
  };
}

function paymentText(
  payment: Statement['purchases'][number]['payment'],
  money: (amount: Money) => string,
): string {
  if (!payment) return '';
  if (!payment.storeCredit) return paymentMethodLabel(payment.method);
  const credit = t('pdf_store_credit_amount', money(payment.storeCredit));
  return payment.method === STORE_CREDIT ? credit : `${credit}\n${paymentMethodLabel(payment.method)}`;
}

function totalFields(
  total: StatementTotal,
  multiCurrency: boolean,
  money: (amount: Money) => string,
): DocumentField[] {
  const fields = [
    {
      label: multiCurrency
        ? tPlural('pdf_total_in_currency_orders', total.orders, total.currency)
        : tPlural('pdf_total_orders', total.orders),
      value: money(total.total),
    },
  ];
  if (total.storeCredit.minor > 0) {
    fields.push({
      label: multiCurrency ? t('pdf_paid_store_credit_in', total.currency) : t('pdf_paid_store_credit'),
      value: money(total.storeCredit),
    });
  }
  return fields;
}
