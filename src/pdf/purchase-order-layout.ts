import { formatCalendarDate } from '../domain/calendar';
import type { Contact } from '../domain/contact';
import { formatAddress } from '../domain/contact-edit';
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

export const NOT_SENT = 'Draft — not sent';
/** What a draft line without a cost shows. */
const NO_COST = '—';

export function purchaseOrderLayout(input: PurchaseOrderLayoutInput): PurchaseOrderLayout {
  const { order, supplier, template, locale } = input;
  const money = (amount: Money | null | undefined) => (amount ? formatMoney(amount, locale) : NO_COST);
  const day = (date: string) => formatCalendarDate(date, locale, 'long');
  const number = purchaseOrderNumber(order);

  const details: DocumentField[] = [
    { label: 'Order number', value: number },
    { label: 'Order date', value: order.sentOn ? day(order.sentOn) : NOT_SENT },
  ];
  if (order.receivedOn) details.push({ label: 'Received on', value: day(order.receivedOn) });

  return {
    paper: paperFor(locale),
    title: `Purchase order ${number}`,
    shop: letterhead(template.shopName, template.address, template.logo),
    details,
    supplier: {
      name: supplier.name,
      details: filledIn([supplier.company, formatAddress(supplier.address), supplier.email, supplier.phone]),
    },
    lines: {
      columns: [
        { label: 'SKU', align: 'left' },
        { label: 'Product', align: 'left' },
        { label: 'Quantity', align: 'right' },
        { label: 'Unit cost', align: 'right' },
        { label: 'Line total', align: 'right' },
      ],
      rows: order.lines.map((line) => [
        line.sku,
        line.name,
        line.quantity.toLocaleString(locale),
        money(line.unitCost),
        money(orderLineTotal(line)),
      ]),
    },
    total: { label: 'Total', value: money(purchaseOrderTotal(order)) },
    note: nonEmptyLines(order.note ?? ''),
  };
}
