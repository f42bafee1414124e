import type { BackOfficeLine, BackOfficeOrder } from '../domain/back-office-order';
import type { CustomerMatch } from './match-customer';
import type { RecordedOrderInput } from './types';

/**
 * Both sides of a reconciliation in a canonical order — records by purchaseId, export orders by
 * orderId, each order's lines by file line — and numbered line by line in that order, so that
 * the candidates, the assignment and with them the whole result do not depend on the order
 * anything came in. Each export order's customer is resolved here, once.
 */

/** An export order as matching sees it: its lines in file order, and who its customer is. */
export interface PreparedOrder {
  order: BackOfficeOrder;
  customer?: CustomerMatch;
  /** Its date as a day number. */
  day: number;
  /** The number of its first line: the export's lines are numbered order by order. */
  firstLine: number;
}

export interface ExportSide {
  /**
   * The orders that can match: their customer is a contact with recorded orders judged. Most of
   * an export's orders are other customers' and get no further work.
   */
  orders: PreparedOrder[];
  /** How many lines those orders have together. */
  lineCount: number;
  /** Every export order, its lines in file order. */
  all: BackOfficeOrder[];
  /** Per order of `all`: the contact its customer is, if any. */
  contactIds: (string | undefined)[];
  /** Per order of `all`: its place in `orders`, or -1 when it cannot match. */
  preparedAt: Int32Array;
}

export interface RecordedSide {
  /** By purchaseId. */
  records: RecordedOrderInput[];
  /** Per record: its date as a day number. */
  days: number[];
  /** Per record: the number of its first line; lines are numbered record by record. */
  first: number[];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLines(a: BackOfficeLine, b: BackOfficeLine): number {
  return (
    a.line - b.line ||
    compareText(a.sku ?? '', b.sku ?? '') ||
    compareText(a.name ?? '', b.name ?? '') ||
    a.quantity - b.quantity ||
    a.unitPriceMinor - b.unitPriceMinor
  );
}

function inLineOrder(lines: readonly BackOfficeLine[]): boolean {
  for (let index = 1; index < lines.length; index++)
    if (compareLines(lines[index - 1] as BackOfficeLine, lines[index] as BackOfficeLine) > 0) return false;
  return true;
}

function compareOrders(a: BackOfficeOrder, b: BackOfficeOrder): number {
  return (
    compareText(a.orderId, b.orderId) ||
    compareText(a.date, b.date) ||
    (a.lines[0]?.line ?? 0) - (b.lines[0]?.line ?? 0)
  );
}

/** Exports are most often written in order id order already: then there is nothing to sort. */
function inCanonicalOrder(orders: readonly BackOfficeOrder[]): boolean {
  for (let index = 1; index < orders.length; index++) {
    if (compareOrders(orders[index - 1] as BackOfficeOrder, orders[index] as BackOfficeOrder) > 0)
      return false;
  }
  return true;
}

/**
 * The export side: every order's customer resolved, and the orders of `matchable` contacts
 * numbered line by line for the candidates.
 */
export function prepareExportSide(
  exportOrders: readonly BackOfficeOrder[],
  resolve: (customer: BackOfficeOrder['customer']) => CustomerMatch | undefined,
  dayOf: (date: string) => number,
  matchable: (contactId: string) => boolean,
): ExportSide {
  const sorted = inCanonicalOrder(exportOrders) ? exportOrders : [...exportOrders].sort(compareOrders);
  // Filled by push: V8 keeps an array made by new Array(n) for large n as a slow dictionary.
  const all: BackOfficeOrder[] = [];
  const contactIds: (string | undefined)[] = [];
  const preparedAt = new Int32Array(sorted.length).fill(-1);
  const orders: PreparedOrder[] = [];
  let lineCount = 0;
  for (let index = 0; index < sorted.length; index++) {
    const given = sorted[index] as BackOfficeOrder;
    const order = inLineOrder(given.lines) ? given : { ...given, lines: [...given.lines].sort(compareLines) };
    const customer = resolve(order.customer);
    all.push(order);
    contactIds.push(customer?.contactId);
    if (!customer || !matchable(customer.contactId)) continue;
    preparedAt[index] = orders.length;
    orders.push({ order, customer, day: dayOf(order.date), firstLine: lineCount });
    lineCount += order.lines.length;
  }
  return { orders, lineCount, all, contactIds, preparedAt };
}

export function prepareRecordedSide(
  given: readonly RecordedOrderInput[],
  dayOf: (date: string) => number,
): RecordedSide {
  const records = [...given].sort((a, b) => compareText(a.purchaseId, b.purchaseId));
  const side: RecordedSide = { records, days: [], first: [] };
  let lines = 0;
  for (const record of records) {
    side.days.push(dayOf(record.date));
    side.first.push(lines);
    lines += record.lines.length;
  }
  return side;
}
