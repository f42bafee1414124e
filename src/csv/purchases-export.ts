import type { Contact } from '../domain/contact';
import { externalLabel } from '../domain/contact-keys';
import { formatDecimalAmount } from '../domain/money';
import { lineTotal, type PurchaseRecord } from '../domain/purchase';
import { toCsv } from './write';

/**
 * The documented layout of `Export purchases`: one row per order line, in this order.
 *
 * - Date: the purchase date the user chose, YYYY-MM-DD.
 * - Contact: the contact's name.
 * - Email: the contact's email, or empty.
 * - Back-office ID: the contact's ids in back offices as `backOffice:id`, separated by "; ".
 * - Kind: `purchase` or `sample`.
 * - SKU, Product: as they were when the order was recorded.
 * - Quantity: a whole number.
 * - Unit price: the price per unit charged, decimal text ("12.50"), no currency symbol.
 * - Line total: Quantity × Unit price, decimal text.
 * - Currency: ISO 4217 code of both amounts.
 * - Tally order ID: the recorded order's id; every line of one order shares it.
 * - Payment method: how the order was paid (the rest, when store credit paid part), or empty when
 *   not recorded (samples, and orders recorded before payments were).
 * - Store credit: the store credit the order used, decimal text in Currency, or empty. An amount
 *   of the whole order, repeated on each of its lines like the order ID: count it once per order.
 *
 * New columns go at the end, so files read by column position keep working.
 */
export const PURCHASE_EXPORT_COLUMNS = [
  'Date',
  'Contact',
  'Email',
  'Back-office ID',
  'Kind',
  'SKU',
  'Product',
  'Quantity',
  'Unit price',
  'Line total',
  'Currency',
  'Tally order ID',
  'Payment method',
  'Store credit',
] as const;

/**
 * The export's rows, one per order line, records in the given order; soft-deleted records are
 * left out. A generator, so a large export can be written in chunks with csvLine.
 */
export function* purchaseExportRows(
  records: Iterable<PurchaseRecord>,
  contactsById: ReadonlyMap<string, Contact>,
): Generator<string[]> {
  for (const record of records) {
    if (record.deletedAt) continue;
    const contact = contactsById.get(record.contactId);
    const backOfficeIds = (contact?.externalIds ?? []).map(externalLabel).join('; ');
    for (const line of record.lines) {
      yield [
        record.purchaseDate,
        contact?.name ?? '',
        contact?.email ?? '',
        backOfficeIds,
        record.kind,
        line.sku,
        line.name,
        String(line.quantity),
        formatDecimalAmount(line.unitPrice),
        formatDecimalAmount(lineTotal(line)),
        record.currency,
        record.id,
        record.payment?.method ?? '',
        record.payment?.storeCredit ? formatDecimalAmount(record.payment.storeCredit) : '',
      ];
    }
  }
}

/** The whole `Export purchases` file (see PURCHASE_EXPORT_COLUMNS). */
export function purchasesToCsv(
  records: readonly PurchaseRecord[],
  contactsById: ReadonlyMap<string, Contact>,
): string {
  return toCsv(PURCHASE_EXPORT_COLUMNS, purchaseExportRows(records, contactsById));
}
