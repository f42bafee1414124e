import type { BackOfficeLine, BackOfficeOrder } from '../domain/back-office-order';
import type { ReconcileOptions } from '../domain/reconcile';
import type { Candidate } from './assignment';
import type { DecisionRules } from './decisions';
import { pairFacts, pairScore, type PairFacts } from './line-score';
import type { CustomerMatch } from './match-customer';
import type { ProductKeys, ProductMatch } from './match-product';
import type { PreparedOrder } from './outcome';
import type { RecordedOrderInput } from './types';

/**
 * The candidate pairs of an export and the recorded orders it is judged against: a recorded line
 * and a back-office line pair up when the order's customer resolved to the record's contact, its
 * date is within the window of the record's, the product matches, and the user has not rejected
 * that purchase with that order. Orders are put in buckets by contact and day, so a recorded line
 * is only ever compared with the lines of its own contact's orders in its window.
 *
 * Both sides are numbered in a canonical order (records by purchaseId, orders by orderId, lines by
 * line number) so that the assignment, and with it the whole result, does not depend on the
 * order anything came in.
 */

export interface ExportSide {
  orders: PreparedOrder[];
  /** How many lines all orders have together. */
  lineCount: number;
}

export interface RecordedSide {
  records: RecordedOrderInput[];
  days: number[];
  first: number[];
}

/** A candidate pair, with where its back-office line is (its order, position in the order). */
export interface ScoredCandidate extends Candidate {
  facts: PairFacts;
  order: PreparedOrder;
  at: number;
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

export function prepareExportSide(
  exportOrders: readonly BackOfficeOrder[],
  resolve: (customer: BackOfficeOrder['customer']) => CustomerMatch | undefined,
  dayOf: (date: string) => number,
): ExportSide {
  const sorted = [...exportOrders].sort(compareOrders);
  const orders: PreparedOrder[] = [];
  let lineCount = 0;
  for (const given of sorted) {
    const order = inLineOrder(given.lines) ? given : { ...given, lines: [...given.lines].sort(compareLines) };
    const customer = resolve(order.customer);
    const day = dayOf(order.date);
    orders.push(
      customer ? { order, customer, day, firstLine: lineCount } : { order, day, firstLine: lineCount },
    );
    lineCount += order.lines.length;
  }
  return { orders, lineCount };
}

export function prepareRecordedSide(
  records: RecordedOrderInput[],
  dayOf: (date: string) => number,
): RecordedSide {
  const side: RecordedSide = { records, days: [], first: [] };
  let lines = 0;
  for (const record of records) {
    side.days.push(dayOf(record.date));
    side.first.push(lines);
    lines += record.lines.length;
  }
  return side;
}

// Candidates of a purchase and an order the user confirmed together win over equal ones.
const CONFIRMED_BONUS = 100;

export function findCandidates(
  recorded: RecordedSide,
  exported: ExportSide,
  products: {
    keysOf: (sku: string | undefined, name: string | undefined) => ProductKeys;
    matchProduct: (recorded: ProductKeys, backOffice: ProductKeys) => ProductMatch | null;
  },
  rules: DecisionRules,
  options: ReconcileOptions,
): ScoredCandidate[] {
  const { keysOf, matchProduct } = products;
  const byContactDay = new Map<string, Map<number, PreparedOrder[]>>();
  for (const prepared of exported.orders) {
    if (!prepared.customer) continue;
    let days = byContactDay.get(prepared.customer.contactId);
    if (!days) byContactDay.set(prepared.customer.contactId, (days = new Map()));
    const bucket = days.get(prepared.day);
    if (bucket) bucket.push(prepared);
    else days.set(prepared.day, [prepared]);
  }

  const window = Math.max(0, Math.floor(options.dateWindowDays));
  const candidates: ScoredCandidate[] = [];
  recorded.records.forEach((record, recordIndex) => {
    const days = byContactDay.get(record.contactId);
    if (!days) return;
    const day = recorded.days[recordIndex] as number;
    const firstLine = recorded.first[recordIndex] as number;
    const recordedKeys = record.lines.map((line) => keysOf(line.sku, line.name));
    for (let shift = -window; shift <= window; shift++) {
      for (const prepared of days.get(day + shift) ?? []) {
        const { order } = prepared;
        if (rules.isRejected(record.purchaseId, order.orderId)) continue;
        const bonus = rules.isConfirmedOrder(record.purchaseId, order.orderId) ? CONFIRMED_BONUS : 0;
        const sameCurrency = order.currency === record.currency;
        order.lines.forEach((exportLine, at) => {
          const exportKeys = keysOf(exportLine.sku, exportLine.name);
          record.lines.forEach((recordedLine, lineIndex) => {
            const product = matchProduct(recordedKeys[lineIndex] as ProductKeys, exportKeys);
            if (!product) return;
            const facts = pairFacts(product, shift, recordedLine, exportLine, sameCurrency, options);
            candidates.push({
              left: firstLine + lineIndex,
              right: prepared.firstLine + at,
              score: pairScore(facts) + bonus,
              facts,
              order: prepared,
              at,
            });
          });
        });
      }
    }
  });
  return candidates;
}
