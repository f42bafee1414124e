import { z } from 'zod';
import { CalendarDate } from './dates';
import { CurrencyCode, Money, multiplyMoney, sumMoney } from './money';
import { RecordBase } from './record';

export const PurchaseKind = z.enum(['purchase', 'sample']);
export type PurchaseKind = z.infer<typeof PurchaseKind>;

/** The longest note an order can carry. */
export const MAX_NOTE_LENGTH = 2000;

/** The most of one product a single order line can hold. */
export const MAX_QUANTITY = 1_000_000;

/** One product on a recorded order; name, SKU and catalog price are copied as they were then. */
export const PurchaseLine = z.object({
  productId: z.uuid(),
  sku: z.string().min(1),
  name: z.string().min(1),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  unitPrice: Money.refine((money) => money.minor >= 0, 'price cannot be negative'),
  catalogPrice: Money,
});
export type PurchaseLine = z.infer<typeof PurchaseLine>;

/** A purchase or sample recorded by hand against a contact. */
export const PurchaseRecord = RecordBase.extend({
  contactId: z.uuid(),
  kind: PurchaseKind,
  purchaseDate: CalendarDate,
  currency: CurrencyCode,
  lines: z.array(PurchaseLine).min(1, 'an order needs at least one product'),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  /** The group order this record is a share of, when one order was split among contacts. */
  groupId: z.uuid().optional(),
}).refine((record) => record.lines.every((line) => line.unitPrice.currency === record.currency), {
  message: 'every line must be in the order currency',
  path: ['lines'],
});
export type PurchaseRecord = z.infer<typeof PurchaseRecord>;

export function lineTotal(line: Pick<PurchaseLine, 'quantity' | 'unitPrice'>): Money {
  return multiplyMoney(line.unitPrice, line.quantity);
}

export function recordTotal(record: Pick<PurchaseRecord, 'lines' | 'currency'>): Money {
  return sumMoney(record.lines.map(lineTotal), record.currency);
}
