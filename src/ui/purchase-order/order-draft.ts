import { t } from '../../domain/i18n';
import type { CurrencyCode, Money } from '../../domain/money';
import { formatMoneyInput, moneyInputMessage, parseMoneyInput } from '../../domain/money-input';
import type { Product } from '../../domain/product';
import { orderLineTotal, type PurchaseOrder, type PurchaseOrderLine } from '../../domain/purchase-order';
import { withOneMore } from '../record/draft-lines';
import { checkNote, parseQuantity } from '../record/order-validation';

/** A line of a draft purchase order as the user types it: quantity and cost are text. */
export interface OrderDraftLine {
  productId: string;
  sku: string;
  name: string;
  quantityText: string;
  /** '' while the cost is not known yet (a draft may be saved so). */
  costText: string;
}

export interface OrderLineProblems {
  quantity?: string;
  cost?: string;
}

export interface OrderDraftCheck {
  /** The lines to store, present only when every line is valid. */
  lines: PurchaseOrderLine[] | null;
  lineProblems: ReadonlyMap<string, OrderLineProblems>;
  noteProblem: string | null;
}

/** The stored lines as text fields, in the user's locale. */
export function draftLinesOf(order: Pick<PurchaseOrder, 'lines'>, locale?: string): OrderDraftLine[] {
  return order.lines.map((line) => ({
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    quantityText: String(line.quantity),
    costText: line.unitCost ? formatMoneyInput(line.unitCost, locale) : '',
  }));
}

/**
 * The lines with `product` added: one more of it when it is on the order already, else a new
 * line of 1 at `lastCost` (what this supplier last charged for it), or no cost yet.
 */
export function addProduct(
  lines: readonly OrderDraftLine[],
  product: Pick<Product, 'id' | 'sku' | 'name'>,
  lastCost: Money | undefined,
  locale?: string,
): OrderDraftLine[] {
  return withOneMore(lines, product.id, () => ({
    productId: product.id,
    sku: product.sku,
    name: product.name,
    quantityText: '1',
    costText: lastCost ? formatMoneyInput(lastCost, locale) : '',
  }));
}

/**
 * Checks what the user typed: whole quantities, costs in the user's locale (empty allowed in a
 * draft, not when `costsRequired`, i.e. for sending), quantity × cost an exact amount, the note's
 * length.
 */
export function checkOrderDraft(
  lines: readonly OrderDraftLine[],
  note: string,
  currency: CurrencyCode,
  options: { locale?: string | undefined; costsRequired?: boolean } = {},
): OrderDraftCheck {
  const lineProblems = new Map<string, OrderLineProblems>();
  const parsed: PurchaseOrderLine[] = [];
  for (const line of lines) {
    const problems: OrderLineProblems = {};
    const quantity = parseQuantity(line.quantityText);
    if (!quantity.ok) problems.quantity = quantity.reason;
    let unitCost: Money | undefined;
    if (line.costText.trim() === '') {
      if (options.costsRequired) problems.cost = t('purchase_order_cost_needed');
    } else {
      const cost = parseMoneyInput(line.costText, currency, options.locale);
      if (!cost.ok) problems.cost = moneyInputMessage('cost', cost.problem);
      else unitCost = cost.money;
    }
    if (quantity.ok && unitCost && !Number.isSafeInteger(quantity.quantity * unitCost.minor)) {
      problems.cost = t('purchase_order_cost_too_large');
    }
    if (problems.quantity || problems.cost) lineProblems.set(line.productId, problems);
    else if (quantity.ok) {
      parsed.push({
        productId: line.productId,
        sku: line.sku,
        name: line.name,
        quantity: quantity.quantity,
        ...(unitCost ? { unitCost } : {}),
      });
    }
  }
  return { lines: lineProblems.size === 0 ? parsed : null, lineProblems, noteProblem: checkNote(note) };
}

/** A line's total as typed; null while its quantity or cost is missing or not valid. */
export function draftLineTotal(line: OrderDraftLine, currency: CurrencyCode, locale?: string): Money | null {
  const parsed = checkOrderDraft([line], '', currency, { locale }).lines?.[0];
  return parsed ? orderLineTotal(parsed) : null;
}
