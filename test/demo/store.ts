/**
 * The demo data plus the lookups the pages need, built once per server so a request never scans
 * 2,000 orders to find one customer's.
 */
import type { DemoCustomer, DemoData, DemoOrder, DemoProduct } from './seed';
import type { CrmClient } from './seed-crm';
import type { PosContact } from './seed-pos';
import type { RepairBuyBack, RepairCustomer, RepairTicket } from './seed-repair';

export interface DemoStore extends DemoData {
  readonly customerById: ReadonlyMap<string, DemoCustomer>;
  readonly productBySku: ReadonlyMap<string, DemoProduct>;
  /** Newest first, as every "recent orders" table shows them. */
  readonly ordersByCustomer: ReadonlyMap<string, readonly DemoOrder[]>;
  readonly repairCustomerById: ReadonlyMap<string, RepairCustomer>;
  /** Newest first. */
  readonly ticketsByCustomer: ReadonlyMap<string, readonly RepairTicket[]>;
  /** Newest first. */
  readonly buyBacksByCustomer: ReadonlyMap<string, readonly RepairBuyBack[]>;
  readonly posContactById: ReadonlyMap<string, PosContact>;
  readonly crmClientById: ReadonlyMap<string, CrmClient>;
}

export function createDemoStore(data: DemoData): DemoStore {
  return {
    ...data,
    customerById: new Map(data.customers.map((customer) => [customer.id, customer])),
    productBySku: new Map(data.products.map((product) => [product.sku, product])),
    ordersByCustomer: newestFirstBy(data.orders, (order) => order.customerId),
    repairCustomerById: new Map(data.repair.customers.map((customer) => [customer.id, customer])),
    ticketsByCustomer: newestFirstBy(data.repair.tickets, (ticket) => ticket.customerId),
    buyBacksByCustomer: newestFirstBy(data.repair.buyBacks, (buyBack) => buyBack.customerId),
    posContactById: new Map(data.pos.contacts.map((contact) => [contact.id, contact])),
    crmClientById: new Map(data.crm.clients.map((client) => [client.id, client])),
  };
}

/** Groups records kept oldest first into lists newest first. */
function newestFirstBy<T>(records: readonly T[], key: (record: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const list = groups.get(key(record)) ?? [];
    list.push(record);
    groups.set(key(record), list);
  }
  for (const list of groups.values()) list.reverse();
  return groups;
}

export function orderTotalMinor(order: DemoOrder): number {
  return order.lines.reduce((sum, line) => sum + line.qty * line.unitPriceMinor, 0);
}
