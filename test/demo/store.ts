/**
 * The demo data plus the lookups the pages need, built once per server so a request never scans
 * 2,000 orders to find one customer's.
 */
import type { DemoCustomer, DemoData, DemoOrder, DemoProduct } from './seed';

export interface DemoStore extends DemoData {
  readonly customerById: ReadonlyMap<string, DemoCustomer>;
  readonly productBySku: ReadonlyMap<string, DemoProduct>;
  /** Newest first, as every "recent orders" table shows them. */
  readonly ordersByCustomer: ReadonlyMap<string, readonly DemoOrder[]>;
}

export function createDemoStore(data: DemoData): DemoStore {
  const ordersByCustomer = new Map<string, DemoOrder[]>();
  for (const order of data.orders) {
    const list = ordersByCustomer.get(order.customerId) ?? [];
    list.push(order);
    ordersByCustomer.set(order.customerId, list);
  }
  for (const list of ordersByCustomer.values()) list.reverse();
  return {
    ...data,
    customerById: new Map(data.customers.map((customer) => [customer.id, customer])),
    productBySku: new Map(data.products.map((product) => [product.sku, product])),
    ordersByCustomer,
  };
}

export function orderTotalMinor(order: DemoOrder): number {
  return order.lines.reduce((sum, line) => sum + line.qty * line.unitPriceMinor, 0);
}
