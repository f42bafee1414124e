import type { OrderExportField, OrderExportLayout } from '../domain/back-office-order';
import { t, type MessageKey } from '../domain/i18n';
import { formatCount } from '../domain/locale-format';
import { eitherOf, missingColumnsMessage, type ColumnSynonyms } from './rows';

/**
 * What an order export must have to be matched, and the header names each field goes by in files
 * Tally has no built-in format for (the guess the user then confirms).
 */

/** Header names for each field, best first; headerKey compares them ("Invoice No" = invoice_no). */
export const ORDER_EXPORT_SYNONYMS: ColumnSynonyms<OrderExportField> = {
  orderId: [
    'Order ID',
    'Order number',
    'Order no',
    'Order',
    'Invoice',
    'Invoice number',
    'Invoice no',
    'Invoice ID',
    'Receipt number',
    'Transaction ID',
  ],
  date: ['Date', 'Order date', 'Invoice date', 'Sale date', 'Transaction date', 'Created at', 'Created'],
  customerId: [
    'Customer ID',
    'Customer number',
    'Customer no',
    'Client ID',
    'Client number',
    'Account number',
  ],
  customerEmail: ['Email', 'Customer email', 'Email address', 'Client email'],
  customerPhone: ['Phone', 'Customer phone', 'Phone number', 'Telephone', 'Mobile'],
  customerName: ['Customer', 'Customer name', 'Client', 'Client name', 'Name', 'Billing name', 'Buyer'],
  sku: ['SKU', 'Item code', 'Product code', 'Article number', 'Item number', 'Part number', 'Code'],
  product: ['Product', 'Product name', 'Item', 'Item name', 'Description', 'Article'],
  quantity: ['Quantity', 'Qty', 'Units', 'Count'],
  unitPrice: ['Unit price', 'Price', 'Price each', 'Unit cost', 'Rate'],
  lineTotal: ['Line total', 'Amount', 'Total', 'Line amount', 'Subtotal', 'Gross sales'],
  currency: ['Currency', 'Currency code'],
};

const FIELD_LABEL_KEYS: Readonly<Record<OrderExportField, MessageKey>> = {
  orderId: 'csv_order_field_order_id',
  date: 'csv_order_field_date',
  customerId: 'csv_order_field_customer_id',
  customerEmail: 'csv_order_field_customer_email',
  customerPhone: 'csv_order_field_customer_phone',
  customerName: 'csv_order_field_customer_name',
  sku: 'csv_order_field_sku',
  product: 'csv_order_field_product',
  quantity: 'csv_order_field_quantity',
  unitPrice: 'csv_order_field_unit_price',
  lineTotal: 'csv_order_field_line_total',
  currency: 'csv_order_field_currency',
};

/** What a field is called in messages and in the mapping form ("Order date"). */
export function orderExportFieldLabel(field: OrderExportField): string {
  return t(FIELD_LABEL_KEYS[field]);
}

/**
 * A file can be matched only with each of these: an order to group rows by, a date, a quantity,
 * a price (per unit, or for the line: Square gives only the line's gross sales), a product and
 * some way to find the customer.
 */
const REQUIRED = {
  orderId: ['orderId'],
  date: ['date'],
  quantity: ['quantity'],
  price: ['unitPrice', 'lineTotal'],
  product: ['sku', 'product'],
  customer: ['customerId', 'customerEmail', 'customerPhone', 'customerName'],
} as const satisfies Record<string, readonly OrderExportField[]>;
type Requirement = keyof typeof REQUIRED;

/** "Unit price or Line total": the fields any one of which will do. */
function labelOf(requirement: Requirement): string {
  return eitherOf(REQUIRED[requirement].map(orderExportFieldLabel));
}

/**
 * Why a layout cannot be used to read its file, in words for the user: required fields it maps
 * to no column (with the column names that would do, as other imports word it), or a column
 * that is not in the header. Undefined when it can. `synonyms` names the columns of the format
 * in hand (Shopify's "Lineitem quantity"), the generic names otherwise.
 */
export function orderExportLayoutProblem(
  layout: OrderExportLayout,
  synonyms: ColumnSynonyms<OrderExportField> = ORDER_EXPORT_SYNONYMS,
): string | undefined {
  const missing = (Object.keys(REQUIRED) as Requirement[]).filter((requirement) =>
    REQUIRED[requirement].every((field) => layout.columns[field] === undefined),
  );
  if (missing.length > 0) {
    const names = Object.fromEntries(
      missing.map((requirement) => [requirement, REQUIRED[requirement].flatMap((field) => synonyms[field])]),
    ) as Record<Requirement, string[]>;
    return missingColumnsMessage(missing, names, labelOf, layout.header);
  }
  for (const [field, index] of Object.entries(layout.columns)) {
    if (index === undefined) continue;
    if (!Number.isInteger(index) || index < 0 || index >= layout.header.length) {
      const label = orderExportFieldLabel(field as OrderExportField);
      return t(
        'csv_order_column_out_of_range',
        label,
        formatCount(index + 1),
        formatCount(layout.header.length),
      );
    }
  }
  return undefined;
}
