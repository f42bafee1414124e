import type { BackOfficeLine } from '../domain/back-office-order';
import type { Difference, LineMatch, RecordedOutcome } from '../domain/reconcile';
import {
  lineText,
  notInBackOffice,
  notRecorded,
  priceText,
  productWithSku,
  quantityText,
} from './difference-text';
import type { PairFacts } from './line-score';
import type { PreparedOrder } from './prepare-sides';
import type { RecordedOrderInput } from './types';

/**
 * A recorded order's outcome from the pairs the assignment chose for its lines:
 * - `missing`: no line matched;
 * - `conflict`: a line is not in the back office, the back office has a line the record has not
 *   (on an order that matched), a quantity differs, a price differs beyond the tolerance, or the
 *   currency differs;
 * - `probable`: every line matched, but only by a shifted date, a price within the tolerance, a
 *   product matched by name rather than SKU, or a customer matched by name;
 * - `synced`: every line matched, nothing differs.
 * The back office splitting an order in two is not a difference: both orders are listed.
 */

/** The back-office line the assignment gave one recorded line. */
export interface LinePairing {
  order: PreparedOrder;
  line: BackOfficeLine;
  facts: PairFacts;
}

export interface Judgement {
  outcome: RecordedOutcome;
  backOfficeOrderIds: string[];
  lines: LineMatch[];
  differences: Difference[];
}

export function judgeRecordedOrder(
  record: RecordedOrderInput,
  contactName: string,
  pairings: readonly (LinePairing | undefined)[],
  /** The lines of a back-office order that no recorded line matched. */
  unmatchedLines: (order: PreparedOrder) => readonly BackOfficeLine[],
): Judgement {
  const lines: LineMatch[] = record.lines.map((_, lineIndex) => {
    const pairing = pairings[lineIndex];
    return pairing
      ? { lineIndex, backOfficeOrderId: pairing.order.order.orderId, backOfficeLine: pairing.line.line }
      : { lineIndex };
  });
  const orders = new Map<string, PreparedOrder>();
  for (const pairing of pairings) if (pairing) orders.set(pairing.order.order.orderId, pairing.order);
  const backOfficeOrderIds = [...orders.keys()].sort();
  if (orders.size === 0) return { outcome: 'missing', backOfficeOrderIds, lines, differences: [] };

  let hard = false;
  let soft = false;
  const differences: Difference[] = [];
  const differ = (difference: Difference, isHard: boolean) => {
    differences.push(difference);
    if (isHard) hard = true;
    else soft = true;
  };

  for (const orderId of backOfficeOrderIds) {
    const { order, customer } = orders.get(orderId) as PreparedOrder;
    const at = { backOfficeOrderId: orderId };
    if (customer?.by === 'name') {
      differ(
        { field: 'customer', ...at, recorded: contactName, backOffice: order.customer.name ?? '' },
        false,
      );
    }
    if (order.date !== record.date)
      differ({ field: 'date', ...at, recorded: record.date, backOffice: order.date }, false);
    if (order.currency !== record.currency) {
      differ({ field: 'currency', ...at, recorded: record.currency, backOffice: order.currency }, true);
    }
  }

  record.lines.forEach((recorded, lineIndex) => {
    const pairing = pairings[lineIndex];
    if (!pairing) {
      differ(
        {
          field: 'line',
          lineIndex,
          recorded: lineText(recorded.quantity, recorded.name, recorded.sku),
          backOffice: notInBackOffice(),
        },
        true,
      );
      return;
    }
    const { line, facts } = pairing;
    const at = { lineIndex, backOfficeOrderId: pairing.order.order.orderId };
    if (facts.product.by === 'name') {
      differ(
        {
          field: 'product',
          ...at,
          recorded: productWithSku(recorded.name, recorded.sku),
          backOffice: productWithSku(line.name, line.sku),
        },
        false,
      );
    }
    if (!facts.sameQuantity) {
      differ(
        {
          field: 'quantity',
          ...at,
          recorded: quantityText(recorded.quantity),
          backOffice: quantityText(line.quantity),
        },
        true,
      );
    }
    if (facts.price === 'within' || facts.price === 'beyond') {
      differ(
        {
          field: 'unitPrice',
          ...at,
          recorded: priceText(recorded.unitPriceMinor, record.currency),
          backOffice: priceText(line.unitPriceMinor, pairing.order.order.currency),
        },
        facts.price === 'beyond',
      );
    }
  });

  // Lines of the matched orders that nothing recorded matched: the back office has more.
  for (const orderId of backOfficeOrderIds) {
    for (const line of unmatchedLines(orders.get(orderId) as PreparedOrder)) {
      differ(
        {
          field: 'line',
          backOfficeOrderId: orderId,
          recorded: notRecorded(),
          backOffice: lineText(line.quantity, line.name, line.sku),
        },
        true,
      );
    }
  }

  const outcome: RecordedOutcome = hard ? 'conflict' : soft ? 'probable' : 'synced';
  return { outcome, backOfficeOrderIds, lines, differences };
}
