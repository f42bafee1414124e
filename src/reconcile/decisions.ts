import type { ReconcileDecision } from '../domain/reconcile';

/**
 * The user's verdicts on earlier probable matches, as a run applies them. A rejection forbids
 * pairing that purchase with each of those back-office orders: the record then matches
 * elsewhere or is missing, and the order may be left back office only. A confirmation makes the
 * very same match synced when a later run finds it again (and prefers it in the assignment); it
 * never hides a conflict, which is something the back office changed since.
 */
export interface DecisionRules {
  isRejected(purchaseId: string, backOfficeOrderId: string): boolean;
  /** Back-office orders some confirmed match of this purchase included. */
  isConfirmedOrder(purchaseId: string, backOfficeOrderId: string): boolean;
  /**
   * Whether the user confirmed this match: the purchase matched within the back-office orders of a
   * match they confirmed (all of them, or fewer when its lines now all sit in some of them).
   */
  isConfirmedMatch(purchaseId: string, backOfficeOrderIds: readonly string[]): boolean;
}

function pair(purchaseId: string, backOfficeOrderId: string): string {
  return `${purchaseId}\n${backOfficeOrderId}`;
}

function matchKey(purchaseId: string, backOfficeOrderIds: readonly string[]): string {
  return `${purchaseId}\n${[...new Set(backOfficeOrderIds)].sort().join('\n')}`;
}

export function decisionRules(decisions: readonly ReconcileDecision[]): DecisionRules {
  // The latest verdict on a match stands; of two at the same instant the rejection, the safer,
  // so that the order they come in never decides.
  const latest = new Map<string, ReconcileDecision>();
  for (const decision of decisions) {
    const key = matchKey(decision.purchaseId, decision.backOfficeOrderIds);
    const known = latest.get(key);
    if (
      !known ||
      decision.decidedAt > known.decidedAt ||
      (decision.decidedAt === known.decidedAt && decision.verdict === 'rejected')
    )
      latest.set(key, decision);
  }
  const rejected = new Set<string>();
  const confirmedOrders = new Set<string>();
  // Per purchase, the order sets of the matches the user confirmed.
  const confirmedMatches = new Map<string, Set<string>[]>();
  for (const decision of latest.values()) {
    for (const orderId of decision.backOfficeOrderIds) {
      (decision.verdict === 'rejected' ? rejected : confirmedOrders).add(pair(decision.purchaseId, orderId));
    }
    if (decision.verdict !== 'confirmed') continue;
    const sets = confirmedMatches.get(decision.purchaseId) ?? [];
    sets.push(new Set(decision.backOfficeOrderIds));
    confirmedMatches.set(decision.purchaseId, sets);
  }
  // Asked for every record and order that could pair: without verdicts, no key is made.
  return {
    isRejected: (purchaseId, orderId) => rejected.size > 0 && rejected.has(pair(purchaseId, orderId)),
    isConfirmedOrder: (purchaseId, orderId) =>
      confirmedOrders.size > 0 && confirmedOrders.has(pair(purchaseId, orderId)),
    isConfirmedMatch: (purchaseId, orderIds) =>
      orderIds.length > 0 &&
      (confirmedMatches.get(purchaseId) ?? []).some((orders) => orderIds.every((id) => orders.has(id))),
  };
}
