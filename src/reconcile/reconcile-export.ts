import type { BackOfficeOnlyOrder } from '../domain/reconcile';
import { bestAssignment } from './assignment';
import { findCandidates, prepareExportSide, prepareRecordedSide } from './candidates';
import { coverageZone, exportCoverage } from './coverage';
import { createDayNumbers } from './days';
import { decisionRules } from './decisions';
import { createCustomerResolver } from './match-customer';
import { createProductMatcher } from './match-product';
import { judgeRecordedOrder, type LinePairing, type PreparedOrder } from './outcome';
import type { ReconcileInput, ReconcileResult, RecordedOrderInput, RecordedResult } from './types';

/**
 * Reconciles a back office's order export against the recorded purchases and samples: which
 * recorded orders the back office has (synced, probable, conflict), which it lacks (missing),
 * and which of its orders Tally has no record of (back office only). Pure and deterministic: the
 * same input in any order gives the same result.
 *
 * 1. Each export order's customer is resolved to a contact (match-customer.ts).
 * 2. Recorded orders the export's dates do not cover are left out (coverage.ts).
 * 3. Lines pair up by contact, date window and product, each pair scored (candidates.ts,
 *    line-score.ts), and the best overall assignment is chosen (assignment.ts).
 * 4. Each recorded order gets its outcome and differences (outcome.ts), the user's earlier
 *    verdicts applied (decisions.ts); export orders none of whose lines matched are back office
 *    only.
 */
export function reconcileExport(input: ReconcileInput): ReconcileResult {
  const { options } = input;
  const dayOf = createDayNumbers();
  const resolve = createCustomerResolver(input.contacts, input.defaultCountry);
  const { keysOf, matchProduct } = createProductMatcher();
  const rules = decisionRules(input.decisions);

  const exported = prepareExportSide(input.exportOrders, resolve, keysOf, dayOf);
  const covered = exportCoverage(input.exportOrders);
  const coveredDays = covered && { from: dayOf(covered.from), to: dayOf(covered.to) };
  const zoneOf = (record: RecordedOrderInput) =>
    coverageZone(dayOf(record.date), coveredDays, options.dateWindowDays);
  const judged = input.recorded
    .filter((record) => zoneOf(record) !== 'outside')
    .sort((a, b) => (a.purchaseId < b.purchaseId ? -1 : a.purchaseId > b.purchaseId ? 1 : 0));
  const recorded = prepareRecordedSide(judged, keysOf, dayOf);

  const candidates = findCandidates(recorded, exported, matchProduct, rules, options);
  const pairingOf = new Map<number, LinePairing>();
  const matchedRight = new Set<number>();
  for (const index of bestAssignment(candidates)) {
    const { left, right, facts } = candidates[index] as (typeof candidates)[number];
    const exportLine = exported.lines[right] as (typeof exported.lines)[number];
    pairingOf.set(left, {
      order: exported.orders[exportLine.order] as PreparedOrder,
      line: exportLine.line,
      facts,
    });
    matchedRight.add(right);
  }

  const orderIndex = new Map(exported.orders.map((prepared, index) => [prepared, index]));
  const unmatchedLines = (prepared: PreparedOrder) => {
    const first = exported.first[orderIndex.get(prepared) as number] as number;
    return prepared.order.lines.filter((_, at) => !matchedRight.has(first + at));
  };
  const contactNames = new Map(input.contacts.map((contact) => [contact.contactId, contact.name]));

  const results: RecordedResult[] = [];
  judged.forEach((record, recordIndex) => {
    const first = recorded.first[recordIndex] as number;
    const pairings = record.lines.map((_, lineIndex) => pairingOf.get(first + lineIndex));
    const judgement = judgeRecordedOrder(
      record,
      contactNames.get(record.contactId) ?? '',
      pairings,
      unmatchedLines,
    );
    // Just outside the covered dates, only what matched is judged (coverage.ts).
    if (judgement.outcome === 'missing' && zoneOf(record) === 'margin') return;
    const confirmed =
      judgement.outcome === 'probable' &&
      rules.isConfirmedMatch(record.purchaseId, judgement.backOfficeOrderIds);
    results.push({
      purchaseId: record.purchaseId,
      contactId: record.contactId,
      ...judgement,
      ...(confirmed ? { outcome: 'synced', confirmed: true } : {}),
    });
  });

  const backOfficeOnly: BackOfficeOnlyOrder[] = [];
  exported.orders.forEach((prepared, index) => {
    const first = exported.first[index] as number;
    const anyMatched = prepared.order.lines.some((_, at) => matchedRight.has(first + at));
    if (anyMatched) return;
    backOfficeOnly.push(
      prepared.customer
        ? { order: prepared.order, contactId: prepared.customer.contactId }
        : { order: prepared.order },
    );
  });

  return { recorded: results, backOfficeOnly, covered };
}
