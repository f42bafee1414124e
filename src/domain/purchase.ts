import { z } from 'zod';
import { STORE_CREDIT } from './buyback';
import { CalendarDate } from './dates';
import { CurrencyCode, Money, multiplyMoney, sumMoney } from './money';
import { t } from './i18n';
import { RecordBase } from './record';
import { message } from './zod-message';

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
  unitPrice: Money.refine((money) => money.minor >= 0, message('domain_price_negative')),
  catalogPrice: Money,
});
export type PurchaseLine = z.infer<typeof PurchaseLine>;

/** The longest payment method name (as the `paymentMethods` setting allows). */
export const MAX_PAYMENT_METHOD_LENGTH = 60;

/**
 * How a purchase was paid: part or all of it with the contact's store credit, the rest by
 * `method`. Choosing STORE_CREDIT as the method means the credit covers the whole order.
 */
export const PurchasePayment = z.object({
  method: z
    .string()
    .trim()
    .min(1, message('domain_choose_payment_method'))
    .max(MAX_PAYMENT_METHOD_LENGTH, message('domain_at_most_characters', MAX_PAYMENT_METHOD_LENGTH)),
  storeCredit: Money.refine((money) => money.minor > 0, message('domain_credit_more_than_zero')).optional(),
});
export type PurchasePayment = z.infer<typeof PurchasePayment>;

/** A purchase or sample recorded by hand against a contact. */
export const PurchaseRecord = RecordBase.extend({
  contactId: z.uuid(),
  kind: PurchaseKind,
  purchaseDate: CalendarDate,
  currency: CurrencyCode,
  lines: z.array(PurchaseLine).min(1, message('domain_order_needs_product')),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  /** The group order this record is a share of, when one order was split among contacts. */
  groupId: z.uuid().optional(),
  /** Absent on samples, and on purchases recorded before payments were. */
  payment: PurchasePayment.optional(),
})
  .refine((record) => record.lines.every((line) => line.unitPrice.currency === record.currency), {
    ...message('domain_line_currency'),
    path: ['lines'],
  })
  .superRefine((record, context) => {
    // Lines in another currency are reported above; the total is only meaningful without them.
    if (!record.lines.every((line) => line.unitPrice.currency === record.currency)) return;
    const problem = paymentProblem(record);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: ['payment'] });
  });
export type PurchaseRecord = z.infer<typeof PurchaseRecord>;

/**
 * What is wrong with an order's payment, or null: a sample is not paid for, store credit is in
 * the order currency and at most its total, and STORE_CREDIT as the method means all of it.
 */
export function paymentProblem(
  record: Pick<PurchaseRecord, 'kind' | 'lines' | 'currency' | 'payment'>,
): string | null {
  const { payment } = record;
  if (!payment) return null;
  if (record.kind === 'sample') return t('domain_sample_not_paid');
  const credit = payment.storeCredit?.minor ?? 0;
  if (payment.storeCredit && payment.storeCredit.currency !== record.currency) {
    return t('domain_credit_currency');
  }
  const total = recordTotal(record).minor;
  if (credit > total) return t('domain_credit_over_total');
  if (payment.method === STORE_CREDIT && credit < total) {
    return t('domain_credit_must_cover');
  }
  return null;
}

export function lineTotal(line: Pick<PurchaseLine, 'quantity' | 'unitPrice'>): Money {
  return multiplyMoney(line.unitPrice, line.quantity);
}

export function recordTotal(record: Pick<PurchaseRecord, 'lines' | 'currency'>): Money {
  return sumMoney(record.lines.map(lineTotal), record.currency);
}
