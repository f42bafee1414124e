import { z } from 'zod';
import { CalendarDate, Instant } from './dates';
import { CurrencyCode, Money } from './money';
import { MAX_NOTE_LENGTH, MAX_QUANTITY } from './purchase';
import { RecordBase } from './record';

/** Where a purchase order to a supplier stands: drafted, sent (as a PDF), received. */
export const PurchaseOrderStatus = z.enum(['draft', 'sent', 'received']);
export type PurchaseOrderStatus = z.infer<typeof PurchaseOrderStatus>;

export const PURCHASE_ORDER_STATUS_LABELS: Record<PurchaseOrderStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  received: 'Received',
};

/** One catalog product ordered from the supplier, with what it costs the shop. */
export const PurchaseOrderLine = z.object({
  productId: z.uuid(),
  sku: z.string().min(1),
  name: z.string().min(1),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  unitCost: Money.refine((money) => money.minor >= 0, 'cost cannot be negative'),
});
export type PurchaseOrderLine = z.infer<typeof PurchaseOrderLine>;

/** An order the shop places with a supplier contact. Numbered PO-0001, PO-0002… */
export const PurchaseOrder = RecordBase.extend({
  number: z.number().int().min(1),
  supplierId: z.uuid(),
  status: PurchaseOrderStatus,
  currency: CurrencyCode,
  lines: z.array(PurchaseOrderLine),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  sentAt: Instant.optional(),
  receivedAt: Instant.optional(),
  /** The day the goods arrived, where the user is: where it sits on the supplier's history. */
  receivedOn: CalendarDate.optional(),
});
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;
