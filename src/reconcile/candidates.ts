import type { BackOfficeLine } from '../domain/back-office-order';
import type { ReconcileOptions } from '../domain/reconcile';
import type { Candidate } from './assignment';
import type { DecisionRules } from './decisions';
import { exactAgreements, pairFacts, pairScore, type PairFacts } from './line-score';
import type { ProductKeys, ProductMatcher } from './match-product';
import type { ExportSide, PreparedOrder, RecordedSide } from './prepare-sides';
import type { RecordedLineInput } from './types';

/**
 * The candidate pairs of an export and the recorded orders it is judged against: a recorded line
 * and a back-office line pair up when the order's customer resolved to the record's contact, its
 * date is within the window of the record's, the product matches, the line is not recorded free
 * (a sample) but charged in the back office, and the user has not rejected that purchase with that
 * order. A charged line of a product just given as a sample is a sale after it, not the sample:
 * the sample is missing and the sale back office only, rather than the two one conflict. Orders are put in buckets by contact and day, so a recorded line
 * is only ever compared with the lines of its own contact's orders in its window.
 */

/** A candidate pair, with where its back-office line is (its order, position in the order). */
export interface ScoredCandidate extends Candidate {
  facts: PairFacts;
  order: PreparedOrder;
  at: number;
}

// Candidates of a purchase and an order the user confirmed together win over equal ones.
const CONFIRMED_BONUS = 100;
// Each further line of a record that a back-office order also has makes each of its pairs with
// that order likelier: a record of tea and honey is the order of tea and honey a day later, not
// that order's honey plus a lone tea bought on the very day (which a per-line score would pick).
const TOGETHER_BONUS = 150;
// Assignments of equal total are common (the bonuses above are multiples of the quantity's score),
// and which of them the assignment then picked depended on its arithmetic: confirming one match
// could move its line to an equal-scoring twin of another quantity, a conflict. So each score is
// refined twice, below a point of score: first by how many of the pair's facts agree exactly
// (0–3; fewer differences win), then by a fixed number drawn from the pair's identity (which
// purchase line, which order and file line), so that no two assignments tie and the same one wins
// whatever else changes by the same amount for both. 160 pairs (about the most an exactly solved
// component holds, see MAX_EXACT_WORK) × 3 stays below AGREEMENT_SCALE, × 4,095 below
// IDENTITY_SCALE; totals stay integers far below 2^53.
const AGREEMENT_SCALE = 512;
const IDENTITY_SCALE = 2 ** 20;

/** Every candidate pair; `options.dateWindowDays` is a whole number of days, at least 0. */
export function findCandidates(
  recorded: RecordedSide,
  exported: ExportSide,
  products: ProductMatcher,
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

  const window = options.dateWindowDays;
  const candidates: ScoredCandidate[] = [];
  // Which of a record's lines an order has (reused: records have few lines, orders are many).
  let linesFound = new Uint8Array(16);
  recorded.records.forEach((record, recordIndex) => {
    const days = byContactDay.get(record.contactId);
    if (!days) return;
    const day = recorded.days[recordIndex] as number;
    const firstLine = recorded.first[recordIndex] as number;
    const recordHash = textHash(record.purchaseId);
    const recordedKeys = record.lines.map((line) => keysOf(line.sku, line.name));
    if (linesFound.length < record.lines.length) linesFound = new Uint8Array(record.lines.length);
    for (let shift = -window; shift <= window; shift++) {
      for (const prepared of days.get(day + shift) ?? []) {
        const { order } = prepared;
        if (rules.isRejected(record.purchaseId, order.orderId)) continue;
        const confirmed = rules.isConfirmedOrder(record.purchaseId, order.orderId) ? CONFIRMED_BONUS : 0;
        const orderHash = textHash(order.orderId);
        const sameCurrency = order.currency === record.currency;
        const start = candidates.length;
        linesFound.fill(0, 0, record.lines.length);
        let found = 0;
        for (let at = 0; at < order.lines.length; at++) {
          const exportLine = order.lines[at] as BackOfficeLine;
          const exportKeys = keysOf(exportLine.sku, exportLine.name);
          for (let lineIndex = 0; lineIndex < record.lines.length; lineIndex++) {
            const recordedLine = record.lines[lineIndex] as RecordedLineInput;
            if (recordedLine.unitPriceMinor === 0 && exportLine.unitPriceMinor !== 0) continue;
            const product = matchProduct(recordedKeys[lineIndex] as ProductKeys, exportKeys);
            if (!product) continue;
            const facts = pairFacts(product, shift, recordedLine, exportLine, sameCurrency, options);
            if (linesFound[lineIndex] === 0) found++;
            linesFound[lineIndex] = 1;
            candidates.push({
              left: firstLine + lineIndex,
              right: prepared.firstLine + at,
              score: pairScore(facts) + confirmed,
              facts,
              order: prepared,
              at,
            });
          }
        }
        const together = TOGETHER_BONUS * (found - 1);
        for (let index = start; index < candidates.length; index++) {
          const candidate = candidates[index] as ScoredCandidate;
          candidate.score =
            ((candidate.score + together) * AGREEMENT_SCALE + exactAgreements(candidate.facts)) *
              IDENTITY_SCALE +
            pairIdentity(
              recordHash,
              candidate.left - firstLine,
              orderHash,
              order.lines[candidate.at]?.line ?? 0,
            );
        }
      }
    }
  });
  return candidates;
}

/** FNV-1a: the same text gives the same number on every run and machine. */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return hash >>> 0;
}

/** 0–4,095, from which recorded line and which back-office line (its order and file line) pair. */
function pairIdentity(recordHash: number, lineIndex: number, orderHash: number, fileLine: number): number {
  let hash = Math.imul(recordHash ^ lineIndex, 0x01000193) ^ orderHash;
  hash = Math.imul(hash ^ fileLine, 0x01000193);
  hash ^= hash >>> 15;
  return (hash >>> 0) & 0xfff;
}
