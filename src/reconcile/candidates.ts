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
  days: number[];
  /** Every line of every order, order by order; `first[k]` is where order k's lines start. */
  lines: { order: number; line: BackOfficeLine; keys: ProductKeys }[];
  first: number[];
}

export interface RecordedSide {
  records: RecordedOrderInput[];
  days: number[];
  lines: { record: number; lineIndex: number; keys: ProductKeys }[];
  first: number[];
}

export interface ScoredCandidate extends Candidate {
  facts: PairFacts;
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

export function prepareExportSide(
  exportOrders: readonly BackOfficeOrder[],
  resolve: (customer: BackOfficeOrder['customer']) => CustomerMatch | undefined,
  keysOf: (sku: string | undefined, name: string | undefined) => ProductKeys,
  dayOf: (date: string) => number,
): ExportSide {
  const orders: PreparedOrder[] = exportOrders
    .map((order) => ({ ...order, lines: [...order.lines].sort(compareLines) }))
    .sort(
      (a, b) =>
        compareText(a.orderId, b.orderId) ||
        compareText(a.date, b.date) ||
        (a.lines[0]?.line ?? 0) - (b.lines[0]?.line ?? 0),
    )
    .map((order) => {
      const customer = resolve(order.customer);
      return customer ? { order, customer } : { order };
    });
  const side: ExportSide = { orders, days: [], lines: [], first: [] };
  orders.forEach(({ order }, index) => {
    side.days.push(dayOf(order.date));
    side.first.push(side.lines.length);
    for (const line of order.lines)
      side.lines.push({ order: index, line, keys: keysOf(line.sku, line.name) });
  });
  return side;
}

export function prepareRecordedSide(
  records: RecordedOrderInput[],
  keysOf: (sku: string | undefined, name: string | undefined) => ProductKeys,
  dayOf: (date: string) => number,
): RecordedSide {
  const side: RecordedSide = { records, days: [], lines: [], first: [] };
  records.forEach((record, index) => {
    side.days.push(dayOf(record.date));
    side.first.push(side.lines.length);
    record.lines.forEach((line, lineIndex) =>
      side.lines.push({ record: index, lineIndex, keys: keysOf(line.sku, line.name) }),
    );
  });
  return side;
}

// Candidates of a purchase and an order the user confirmed together win over equal ones.
const CONFIRMED_BONUS = 100;

export function findCandidates(
  recorded: RecordedSide,
  exported: ExportSide,
  matchProduct: (recorded: ProductKeys, backOffice: ProductKeys) => ProductMatch | null,
  rules: DecisionRules,
  options: ReconcileOptions,
): ScoredCandidate[] {
  const byContactDay = new Map<string, number[]>();
  exported.orders.forEach((prepared, index) => {
    if (!prepared.customer) return;
    const key = `${prepared.customer.contactId}\n${exported.days[index]}`;
    const bucket = byContactDay.get(key);
    if (bucket) bucket.push(index);
    else byContactDay.set(key, [index]);
  });

  const window = Math.max(0, Math.floor(options.dateWindowDays));
  const candidates: ScoredCandidate[] = [];
  recorded.records.forEach((record, recordIndex) => {
    const day = recorded.days[recordIndex] as number;
    const firstLine = recorded.first[recordIndex] as number;
    for (let shift = -window; shift <= window; shift++) {
      for (const orderIndex of byContactDay.get(`${record.contactId}\n${day + shift}`) ?? []) {
        const { order } = exported.orders[orderIndex] as PreparedOrder;
        if (rules.isRejected(record.purchaseId, order.orderId)) continue;
        const bonus = rules.isConfirmedOrder(record.purchaseId, order.orderId) ? CONFIRMED_BONUS : 0;
        const orderFirst = exported.first[orderIndex] as number;
        record.lines.forEach((recordedLine, lineIndex) => {
          const left = firstLine + lineIndex;
          const recordedKeys = (recorded.lines[left] as RecordedSide['lines'][number]).keys;
          for (let at = 0; at < order.lines.length; at++) {
            const right = orderFirst + at;
            const exportLine = exported.lines[right] as ExportSide['lines'][number];
            const product = matchProduct(recordedKeys, exportLine.keys);
            if (!product) continue;
            const facts = pairFacts(
              product,
              shift,
              { ...recordedLine, currency: record.currency },
              { ...exportLine.line, currency: order.currency },
              options,
            );
            candidates.push({ left, right, score: pairScore(facts) + bonus, facts });
          }
        });
      }
    }
  });
  return candidates;
}
