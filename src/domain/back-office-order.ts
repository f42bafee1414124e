import type { CalendarDate } from './dates';
import type { CurrencyCode } from './money';

/**
 * Orders as a back office's own CSV export describes them, read by src/csv/order-export*.ts and
 * matched against recorded purchases by src/reconcile/. Plain data: no ids of Tally's.
 */

/** The customer an export names; any field may be missing (Shopify gives no customer id). */
export interface BackOfficeCustomer {
  /** The customer's id in that back office ("C-00042"). */
  id?: string;
  email?: string;
  phone?: string;
  name?: string;
}

/** One line of an export order. */
export interface BackOfficeLine {
  /** The physical line of the file the row starts on (1-based), for messages and links. */
  line: number;
  sku?: string;
  /** The product's name as the back office spells it. */
  name?: string;
  quantity: number;
  /** Per unit, in minor units of the order's currency (a Square "$8.00" for 2 items → 400). */
  unitPriceMinor: number;
}

/** One order of the export: its rows grouped by order id (Shopify: by order name). */
export interface BackOfficeOrder {
  /** The order's id or name in the back office ("#1001", "SO-1234"). */
  orderId: string;
  date: CalendarDate;
  currency: CurrencyCode;
  customer: BackOfficeCustomer;
  lines: BackOfficeLine[];
}

/** A row or order that was skipped, never guessed: where it is and why, in words for the user. */
export interface ExportProblem {
  line: number;
  reason: string;
}

/**
 * One row of an export as read, before rows are grouped into orders. Order-level fields may be
 * absent on all but an order's first row (Shopify), so grouping fills them from the order's rows.
 */
export interface BackOfficeRow {
  line: number;
  orderId: string;
  date?: CalendarDate;
  currency?: CurrencyCode;
  customer: BackOfficeCustomer;
  sku?: string;
  name?: string;
  quantity: number;
  unitPriceMinor: number;
}

/** The fields an order export's columns can map to. */
export const ORDER_EXPORT_FIELDS = [
  'orderId',
  'date',
  'customerId',
  'customerEmail',
  'customerPhone',
  'customerName',
  'sku',
  'product',
  'quantity',
  'unitPrice',
  'lineTotal',
  'currency',
] as const;
export type OrderExportField = (typeof ORDER_EXPORT_FIELDS)[number];

/** How dates are written in a file: ISO, or day and month in the order the back office uses. */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

/**
 * How to read one kind of order export: recognised from its header (a built-in format) or
 * confirmed by the user once per back office (`mapped`), then stored with the job so a resumed
 * job reads the rest of the file the same way.
 */
export interface OrderExportLayout {
  /** 'northwind' (the demo back office), 'shopify-orders', 'square-item-sales' or 'mapped'. */
  format: string;
  /** The back office whose customer ids the file carries (an ExternalId's backOffice). */
  backOffice: string;
  delimiter: string;
  header: string[];
  /** Column index of each field the file has. */
  columns: Partial<Record<OrderExportField, number>>;
  dateOrder: DateOrder;
  /** Used when the file has no currency column. */
  defaultCurrency: CurrencyCode;
}
