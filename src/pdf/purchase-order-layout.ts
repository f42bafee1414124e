import { formatCalendarDate } from '../domain/calendar';
import type { Contact } from '../domain/contact';
import { formatAddress } from '../domain/contact-edit';
import { t } from '../domain/i18n';
import { formatMoney, type Money } from '../domain/money';
import {
  orderLineTotal,
  purchaseOrderNumber,
  purchaseOrderTotal,
  type PurchaseOrder,
} from '../domain/purchase-order';
import type { ReceiptTemplate } from '../domain/receipt-template';
import {
  filledIn,
  letterhead,
  nonEmptyLines,
  paperFor,
  type DocumentField,
  type DocumentTable,
  type Letterhead,
  type PaperSize,
} from './document-layout';

/**
 * What a purchase order PDF says, as plain data (purchase-order-pdf.ts draws it): the shop as the
 * buyer, with the details and logo of its receipt template; the supplier; the products with
 * quantities and costs; the total and the note. Every value is text to draw as text.
 */

export interface PurchaseOrderLayoutInput {
  order: PurchaseOrder;
  supplier: Pick<Contact, 'name' | 'company' | 'address' | 'email' | 'phone'>;
  template: Pick<ReceiptTemplate, 'shopName' | 'address' | 'logo'>;
  /** Formats amounts, quantities and dates, and picks the paper. */
  locale: string;
}

export interface PurchaseOrderLayout {
  paper: PaperSize;
  title: string;
  shop: Letterhead;
  /** Order number, order date (or that it is a draft), the day it was received. */
  details: DocumentField[];
  supplier: { name: string; details: string[] };
  lines: DocumentTable;
  total: DocumentField;
  /** The note, one string per paragraph. */
  note: string[];
}

/** What a draft's order date says. */
export function notSent(): string {
  return t('pdf_not_sent');
}
/** What a draft line without a cost shows. */
const NO_COST = '—';

export function purchaseOrderLayout(input: PurchaseOrderLayoutInput): PurchaseOrderLayout {
  const { order, supplier, template, locale } = input;
  const money = (amount: Money | null | undefined) => (amount ? formatMoney(amount, locale) : NO_COST);
  const day = (date: string) => formatCalendarDate(date, locale, 'long');
  const number = purchaseOrderNumber(order);

  const details: DocumentField[] = [
    { label: t('pdf_order_number'), value: number },
    { label: t('pdf_order_date'), value: order.sentOn ? day(order.sentOn) : notSent() },
  ];
  if (order.receivedOn) details.push({ label: t('pdf_received_on'), value: day(order.receivedOn) });

  return {
    paper: paperFor(locale),
    title: t('pdf_purchase_order_title', number),
    shop: letterhead(template.shopName, template.address, template.logo),
    details,
    supplier: {
      name: supplier.name,
      details: filledIn([supplier.company, formatAddress(supplier.address), supplier.email, supplier.phone]),
    },
    lines: {
      columns: [
        { label: t('pdf_sku'), align: 'left' },
        { label: t('pdf_product'), align: 'left' },
        { label: t('pdf_quantity'), align: 'right' },
        { label: t('pdf_unit_cost'), align: 'right' },
        { label: t('pdf_line_total'), align: 'right' },
      ],
      rows: order.lines.map((line) => [
        line.sku,
        line.name,
        line.quantity.toLocaleString(locale),
        money(line.unitCost),
        money(orderLineTotal(line)),
      ]),
    },
    total: { label: t('pdf_total'), value: money(purchaseOrderTotal(order)) },
    note: nonEmptyLines(order.note ?? ''),
  };
}
