import type { Money } from './money';
import type { PurchaseOrder } from './purchase-order';

/**
 * What the shop last agreed to pay this supplier for each product: the cost on the latest order
 * it sent (or received) that has the product, in the new order's currency. Drafts are not
 * agreed with anyone and deleted orders never happened, so neither counts. A new line's cost
 * starts from here; a product never ordered from this supplier starts empty.
 */
export function lastCosts(
  supplierOrders: readonly PurchaseOrder[],
  currency: PurchaseOrder['currency'],
): Map<string, Money> {
  const agreed = supplierOrders
    .filter(
      (order) => order.status !== 'draft' && order.deletedAt === undefined && order.currency === currency,
    )
    .sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? '') || a.number - b.number);
  const costs = new Map<string, Money>();
  // Oldest first, so a later order's cost replaces an earlier one.
  for (const order of agreed) {
    for (const line of order.lines) if (line.unitCost) costs.set(line.productId, line.unitCost);
  }
  return costs;
}
