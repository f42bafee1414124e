import { z } from 'zod';
import { CalendarDate, Instant } from './dates';
import { CurrencyCode, Money } from './money';
import { MAX_NOTE_LENGTH, MAX_QUANTITY } from './purchase';
import { t } from './i18n';
import { formatCount } from './locale-format';
import { messageTable } from './message-table';
import { RecordBase } from './record';
import { message } from './zod-message';

/** Where a purchase order to a supplier stands: drafted, sent (as a PDF), received. */
export const PurchaseOrderStatus = z.enum(['draft', 'sent', 'received']);
export type PurchaseOrderStatus = z.infer<typeof PurchaseOrderStatus>;

export const PURCHASE_ORDER_STATUS_LABELS = messageTable<PurchaseOrderStatus>({
  draft: 'domain_po_status_draft',
  sent: 'domain_po_status_sent',
  received: 'domain_po_status_received',
});

/** The most lines one order takes: a supplier's whole price list, not a runaway paste. */
export const MAX_PURCHASE_ORDER_LINES = 500;

/** One catalog product ordered from the supplier, with what it costs the shop. */
export const PurchaseOrderLine = z.object({
  productId: z.uuid(),
  sku: z.string().min(1),
  name: z.string().min(1),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  /**
   * What one costs the shop, in the order's currency. A draft may leave it out until the user
   * knows it (products carry only a retail price); an order is sent only with every cost typed.
   */
  unitCost: Money.refine((money) => money.minor >= 0, message('domain_cost_negative')).optional(),
});
export type PurchaseOrderLine = z.infer<typeof PurchaseOrderLine>;

/** An order the shop places with a supplier contact. Numbered PO-0001, PO-0002… */
export const PurchaseOrder = RecordBase.extend({
  number: z.number().int().min(1),
  supplierId: z.uuid(),
  status: PurchaseOrderStatus,
  currency: CurrencyCode,
  lines: z
    .array(PurchaseOrderLine)
    .max(MAX_PURCHASE_ORDER_LINES, message('domain_po_too_many_lines', MAX_PURCHASE_ORDER_LINES)),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  sentAt: Instant.optional(),
  /** The day it was sent, where the user is: the date the PDF carries. */
  sentOn: CalendarDate.optional(),
  receivedAt: Instant.optional(),
  /** The day the goods arrived, where the user is: where it sits on the supplier's history. */
  receivedOn: CalendarDate.optional(),
})
  .refine(
    (order) => order.lines.every((line) => !line.unitCost || line.unitCost.currency === order.currency),
    {
      ...message('domain_po_cost_currency'),
      path: ['lines'],
    },
  )
  .refine((order) => new Set(order.lines.map((line) => line.productId)).size === order.lines.length, {
    ...message('domain_po_product_once'),
    path: ['lines'],
  })
  .refine((order) => order.status === 'draft' || order.lines.every((line) => line.unitCost), {
    ...message('domain_po_sent_needs_costs'),
    path: ['lines'],
  });
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;

export function purchaseOrderNumber(order: Pick<PurchaseOrder, 'number'>): string {
  return `PO-${String(order.number).padStart(4, '0')}`;
}

/** quantity × unit cost; null while the cost is not typed. */
export function orderLineTotal(line: Pick<PurchaseOrderLine, 'quantity' | 'unitCost'>): Money | null {
  return line.unitCost
    ? { minor: line.unitCost.minor * line.quantity, currency: line.unitCost.currency }
    : null;
}

/** What the order comes to, over the lines with a cost (a sent order has one on every line). */
export function purchaseOrderTotal(order: Pick<PurchaseOrder, 'lines' | 'currency'>): Money {
  let minor = 0;
  for (const line of order.lines) minor += orderLineTotal(line)?.minor ?? 0;
  return { minor, currency: order.currency };
}

/**
 * What can happen to a purchase order. Lines and note change only in a draft; sending fixes
 * them (the supplier has the PDF); receiving records the day the goods came in, and is final.
 */
export type PurchaseOrderStep =
  | { type: 'edit'; lines: readonly PurchaseOrderLine[]; note: string }
  | { type: 'send'; on: CalendarDate }
  | { type: 'receive'; on: CalendarDate; today: CalendarDate }
  | { type: 'delete' };

export type PurchaseOrderStepType = PurchaseOrderStep['type'];

/** Which status each step may start from, and where it leads. Anything not listed is refused. */
export const PURCHASE_ORDER_STEPS: Record<
  PurchaseOrderStepType,
  { from: PurchaseOrderStatus; to: PurchaseOrderStatus }
> = {
  edit: { from: 'draft', to: 'draft' },
  send: { from: 'draft', to: 'sent' },
  receive: { from: 'sent', to: 'received' },
  delete: { from: 'draft', to: 'draft' },
};

export type PurchaseOrderStepResult = { ok: true; order: PurchaseOrder } | { ok: false; reason: string };

/**
 * Applies one step, or refuses it with a sentence for the user and changes nothing. Pure: the
 * caller stores the result. `at` is the instant the step happens.
 */
export function applyPurchaseOrderStep(
  order: PurchaseOrder,
  step: PurchaseOrderStep,
  at: string,
): PurchaseOrderStepResult {
  const number = purchaseOrderNumber(order);
  const move = PURCHASE_ORDER_STEPS[step.type];
  if (order.status !== move.from) return { ok: false, reason: refusal(number, step.type, order.status) };
  switch (step.type) {
    case 'edit': {
      const note = step.note.trim();
      const { note: _old, ...rest } = order;
      return {
        ok: true,
        order: { ...rest, lines: [...step.lines], ...(note ? { note } : {}), updatedAt: at },
      };
    }
    case 'send': {
      if (order.lines.length === 0) return { ok: false, reason: t('domain_po_add_product', number) };
      const uncosted = order.lines.filter((line) => !line.unitCost).map((line) => line.name);
      if (uncosted.length > 0) {
        return { ok: false, reason: t('domain_po_type_cost', listOf(uncosted), number) };
      }
      return { ok: true, order: { ...order, status: move.to, sentAt: at, sentOn: step.on, updatedAt: at } };
    }
    case 'receive': {
      if (!CalendarDate.safeParse(step.on).success)
        return { ok: false, reason: t('domain_po_received_not_date') };
      if (step.on > step.today) return { ok: false, reason: t('domain_po_received_future') };
      if (order.sentOn && step.on < order.sentOn) {
        return { ok: false, reason: t('domain_po_received_before_sent', number, order.sentOn) };
      }
      return {
        ok: true,
        order: { ...order, status: move.to, receivedAt: at, receivedOn: step.on, updatedAt: at },
      };
    }
    case 'delete':
      return { ok: true, order: { ...order, deletedAt: at, updatedAt: at } };
  }
}

function refusal(number: string, step: PurchaseOrderStepType, from: PurchaseOrderStatus): string {
  if (from === 'received') return t('domain_po_final', number);
  switch (step) {
    case 'edit':
      return t('domain_po_fixed', number);
    case 'send':
      return t('domain_po_already_sent', number);
    case 'receive':
      return t('domain_po_send_first', number);
    case 'delete':
      return t('domain_po_only_draft_deleted', number);
  }
}

/** "A", "A and B", "A, B and 3 more". */
function listOf(names: readonly string[]): string {
  const [first = '', second = ''] = names;
  if (names.length === 1) return first;
  if (names.length === 2) return t('domain_list_two', first, second);
  return t('domain_list_more', first, second, formatCount(names.length - 2));
}
