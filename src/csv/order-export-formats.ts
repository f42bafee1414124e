import type { DateOrder, OrderExportField } from '../domain/back-office-order';
import type { MessageKey } from '../domain/i18n';
import { customerIdBackOffice } from './contacts-columns';
import { headerKey, type ColumnSynonyms } from './rows';

/**
 * The order exports Tally knows without asking: data, not code, so adding one is one entry here
 * and one fixture. Each says how to tell its header from others, which column holds each field,
 * and whose customer ids the file carries.
 */
export interface BuiltInOrderExport {
  /** OrderExportLayout.format. */
  format: string;
  /** How the user knows the file ("a Shopify orders export"), for messages: a message key. */
  title: MessageKey;
  /** ExternalId.backOffice of the customer ids in the file. */
  backOffice: string;
  /** Whether a header is this format's; true also when required columns are missing from it. */
  recognises(header: readonly string[]): boolean;
  /** The column names of each field, best first (a field the format lacks has none). */
  columns: ColumnSynonyms<OrderExportField>;
  /** Dates when the first rows do not settle their order. */
  dateOrder: DateOrder;
  /** What to tell a user whose file looks like this format but lacks columns it needs, if anything. */
  hint?: MessageKey;
}

const NO_COLUMNS: ColumnSynonyms<OrderExportField> = {
  orderId: [],
  date: [],
  customerId: [],
  customerEmail: [],
  customerPhone: [],
  customerName: [],
  sku: [],
  product: [],
  quantity: [],
  unitPrice: [],
  lineTotal: [],
  currency: [],
};

/** True when at least `least` of `signs` (compared by headerKey) are in the header. */
function hasSigns(header: readonly string[], signs: readonly string[], least: number): boolean {
  const keys = new Set(header.map(headerKey));
  return signs.filter((sign) => keys.has(headerKey(sign))).length >= least;
}

/**
 * The demo back office's export (test/demo/backoffices/rep/exports.ts). Its names are generic
 * enough ("order_date", "sku") that another back office could use them too, so only its exact
 * spelling, every column present, says Northwind; any other file with such names is a guess the
 * user confirms, and its customer ids are not taken for Northwind's.
 */
const NORTHWIND_HEADER = [
  'order_id',
  'order_date',
  'customer_id',
  'customer_email',
  'sku',
  'quantity',
  'unit_price',
  'currency',
];

const NORTHWIND_EXPORT: BuiltInOrderExport = {
  format: 'northwind',
  title: 'csv_format_northwind_title',
  // The Northwind adapter's id (src/adapters/northwind.ts): captured contacts carry it.
  backOffice: 'northwind',
  recognises: (header) => NORTHWIND_HEADER.every((name) => header.includes(name)),
  columns: {
    ...NO_COLUMNS,
    orderId: ['order_id'],
    date: ['order_date'],
    customerId: ['customer_id'],
    customerEmail: ['customer_email'],
    sku: ['sku'],
    quantity: ['quantity'],
    unitPrice: ['unit_price'],
    currency: ['currency'],
  },
  dateOrder: 'ymd',
};

/**
 * Shopify's orders export (Orders → Export): one row per line item, grouped by the order's
 * Name ("#1001"); order-level fields (Email, Created at, Currency, Billing Name…) only on an
 * order's first row. It has no customer id. "Phone" is the customer's, "Billing Phone" the
 * address's, taken when the file has no "Phone".
 */
const SHOPIFY_ORDERS_EXPORT: BuiltInOrderExport = {
  format: 'shopify-orders',
  title: 'csv_format_shopify_title',
  backOffice: customerIdBackOffice('shopify'),
  recognises: (header) =>
    hasSigns(
      header,
      [
        'Financial Status',
        'Fulfillment Status',
        'Paid at',
        'Accepts Marketing',
        'Lineitem quantity',
        'Lineitem name',
        'Lineitem price',
        'Lineitem sku',
      ],
      3,
    ),
  columns: {
    ...NO_COLUMNS,
    orderId: ['Name'],
    date: ['Created at'],
    customerEmail: ['Email'],
    customerPhone: ['Phone', 'Billing Phone'],
    customerName: ['Billing Name', 'Shipping Name'],
    sku: ['Lineitem sku'],
    product: ['Lineitem name'],
    quantity: ['Lineitem quantity'],
    unitPrice: ['Lineitem price'],
    currency: ['Currency'],
  },
  dateOrder: 'ymd',
  hint: 'csv_format_shopify_hint',
};

/**
 * Square's item sales export (Items detail): one row per item sold, grouped by Transaction ID;
 * amounts written "$8.00"; Gross Sales is the line's total, so the unit price is Gross Sales / Qty.
 * Its transactions export shares many column names but has no items: the hint says which to use.
 */
const SQUARE_ITEM_SALES_EXPORT: BuiltInOrderExport = {
  format: 'square-item-sales',
  title: 'csv_format_square_title',
  backOffice: 'square',
  recognises: (header) =>
    hasSigns(
      header,
      [
        'Price Point Name',
        'Modifiers Applied',
        'Gross Sales',
        'Transaction ID',
        'Payment ID',
        'Time Zone',
        'Device Name',
        'Dining Option',
        'Itemization Type',
        'Customer Reference ID',
      ],
      4,
    ),
  columns: {
    ...NO_COLUMNS,
    orderId: ['Transaction ID'],
    date: ['Date'],
    customerId: ['Customer ID'],
    customerName: ['Customer Name'],
    sku: ['SKU'],
    product: ['Item'],
    quantity: ['Qty'],
    lineTotal: ['Gross Sales'],
  },
  // Its older exports write 03/14/2024; a file whose first days are all 12 or less (an export of
  // a month's first days) would otherwise be read year-month-day, and every row refused.
  // ISO dates are still read as such: the sample settles that.
  dateOrder: 'mdy',
  hint: 'csv_format_square_hint',
};

/** In the order they are tried: the most specific first. */
export const BUILT_IN_ORDER_EXPORTS: readonly BuiltInOrderExport[] = [
  NORTHWIND_EXPORT,
  SHOPIFY_ORDERS_EXPORT,
  SQUARE_ITEM_SALES_EXPORT,
];
