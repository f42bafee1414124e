/** The CSV exports Tally reconciles against: the vendor's column names and formats, not Tally's. */
import { toCsv, type CsvCell } from '../../csv';
import { formatDecimal } from '../../money';
import type { DemoStore } from '../../store';

export const PRODUCTS_CSV_HEADER = ['sku', 'name', 'category', 'price', 'currency', 'barcode'] as const;

export const ORDERS_CSV_HEADER = [
  'order_id',
  'order_date',
  'customer_id',
  'customer_email',
  'sku',
  'quantity',
  'unit_price',
  'currency',
] as const;

export function productsCsv(data: DemoStore): string {
  return toCsv(
    PRODUCTS_CSV_HEADER,
    data.products.map((product) => [
      product.sku,
      product.name,
      product.category,
      formatDecimal(product.priceMinor),
      product.currency,
      product.barcode,
    ]),
  );
}

/** One row per order line, the shape most back offices export orders in. */
export function ordersCsv(data: DemoStore): string {
  function* rows(): Generator<readonly CsvCell[]> {
    for (const order of data.orders) {
      const email = data.customerById.get(order.customerId)?.email ?? '';
      for (const line of order.lines) {
        yield [
          order.id,
          order.date,
          order.customerId,
          email,
          line.sku,
          line.qty,
          formatDecimal(line.unitPriceMinor),
          order.currency,
        ];
      }
    }
  }
  return toCsv(ORDERS_CSV_HEADER, rows());
}
