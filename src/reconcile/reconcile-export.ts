import type { BackOfficeLine, BackOfficeOrder } from '../domain/back-office-order';
import type { BackOfficeOnlyOrder } from '../domain/reconcile';
import { bestAssignment } from './assignment';
import { findCandidates, type ScoredCandidate } from './candidates';
import { prepareExportSide, prepareRecordedSide, type PreparedOrder } from './prepare-sides';
import { coverageZone, exportCoverage } from './coverage';
import { createDayNumbers } from './days';
import { decisionRules } from './decisions';
import { createCustomerResolver } from './match-customer';
import { createProductMatcher } from './match-product';
import { judgeRecordedOrder, type LinePairing } from './outcome';
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
 *
 * Where the rules had to choose, they chose what a rep reconciling by hand would do:
 * - a back-office line in another currency loses to any in the record's own currency, and pairs
 *   only as a conflict (`currency`), its price not compared: a file read with the wrong default
 *   currency shows as exactly that, not as everything missing;
 * - a record dated just outside the export's dates (within the window) is judged only when
 *   something matched: unmatched, it is most likely in the previous or next export;
 * - two different SKUs are two products, unless the names are the same words;
 * - a line recorded free (a sample) pairs only with a free line: one charged is a sale after it;
 * - a confirmed verdict makes the same match synced again when it is still only probable, never
 *   when the back office has since changed it into a conflict;
 * - the lines of a record prefer to stay together in one back-office order (candidates.ts).
 */
export function reconcileExport(input: ReconcileInput): ReconcileResult {
  // A window is whole days, never negative, read the same way for coverage and for candidates.
  const options = { ...input.options, dateWindowDays: Math.max(0, Math.floor(input.options.dateWindowDays)) };
  const dayOf = createDayNumbers();
  const resolve = createCustomerResolver(input.contacts, input.defaultCountry);
  const products = createProductMatcher();
  const rules = decisionRules(input.decisions);

  const covered = exportCoverage(input.exportOrders);
  const coveredDays = covered && { from: dayOf(covered.from), to: dayOf(covered.to) };
  const zoneOf = (record: RecordedOrderInput) =>
    coverageZone(dayOf(record.date), coveredDays, options.dateWindowDays);
  const recorded = prepareRecordedSide(
    input.recorded.filter((record) => zoneOf(record) !== 'outside'),
    dayOf,
  );
  // Only the orders of contacts with recorded orders judged can match anything.
  const recordedContacts = new Set<string>();
  for (const record of recorded.records) recordedContacts.add(record.contactId);
  const exported = prepareExportSide(input.exportOrders, resolve, dayOf, (contactId) =>
    recordedContacts.has(contactId),
  );

  const candidates = findCandidates(recorded, exported, products, rules, options);
  const pairingOf = new Map<number, LinePairing>();
  const matchedLines = new Uint8Array(exported.lineCount);
  for (const index of bestAssignment(candidates)) {
    const { left, right, facts, order, at } = candidates[index] as ScoredCandidate;
    pairingOf.set(left, { order, line: order.order.lines[at] as BackOfficeLine, facts });
    matchedLines[right] = 1;
  }
  const unmatchedLines = (prepared: PreparedOrder) =>
    prepared.order.lines.filter((_, at) => matchedLines[prepared.firstLine + at] === 0);
  const contactNames = new Map(input.contacts.map((contact) => [contact.contactId, contact.name]));

  const results: RecordedResult[] = [];
  recorded.records.forEach((record, recordIndex) => {
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
  for (let index = 0; index < exported.all.length; index++) {
    const at = exported.preparedAt[index] as number;
    if (at >= 0) {
      const { order, firstLine } = exported.orders[at] as PreparedOrder;
      let anyMatched = false;
      for (let line = 0; line < order.lines.length && !anyMatched; line++)
        anyMatched = matchedLines[firstLine + line] === 1;
      if (anyMatched) continue;
    }
    const order = exported.all[index] as BackOfficeOrder;
    const contactId = exported.contactIds[index];
    backOfficeOnly.push(contactId === undefined ? { order } : { order, contactId });
  }

  return { recorded: results, backOfficeOnly, covered };
}
