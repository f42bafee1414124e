import { z } from 'zod';
import { CalendarDate, Instant } from './dates';
import { messageTable } from './message-table';
import { CurrencyCode, Money } from './money';
import { RecordBase } from './record';
import { message } from './zod-message';

/**
 * Where a buy-back stands. The order is the usual path; buyback-status.ts says which steps are
 * allowed from where.
 */
export const BuyBackStatus = z.enum([
  'estimate',
  'paid',
  'product-created',
  'waiting-on-refurb',
  'added-to-inventory',
  'completed',
]);
export type BuyBackStatus = z.infer<typeof BuyBackStatus>;

/** The names users see (DESIGN.md: "Estimate", "Paid", "Product created"…). */
export const BUY_BACK_STATUS_LABELS = messageTable<BuyBackStatus>({
  estimate: 'domain_buyback_status_estimate',
  paid: 'domain_buyback_status_paid',
  'product-created': 'domain_buyback_status_product_created',
  'waiting-on-refurb': 'domain_buyback_status_waiting_on_refurb',
  'added-to-inventory': 'domain_buyback_status_added_to_inventory',
  completed: 'domain_buyback_status_completed',
});

/** How worn a bought device is, as resale shops grade it. */
export const ConditionGrade = z.enum(['A', 'B', 'C', 'D']);
export type ConditionGrade = z.infer<typeof ConditionGrade>;

export const CONDITION_LABELS = messageTable<ConditionGrade>({
  A: 'domain_condition_a',
  B: 'domain_condition_b',
  C: 'domain_condition_c',
  D: 'domain_condition_d',
});

export const BUY_BACK_TEXT_LIMITS = {
  description: 200,
  serial: 64,
  itemNotes: 2000,
  notes: 5000,
  logText: 2000,
  idField: 60,
  reference: 100,
  message: 500,
  method: 60,
  refurbIssue: 500,
} as const;

const limited = (max: number) => z.string().trim().max(max, message('domain_at_most_characters', max));

/** The seller's identification; which fields a shop must fill is a setting (ID requirements). */
export const SellerId = z.object({
  idType: limited(BUY_BACK_TEXT_LIMITS.idField).optional(),
  idNumber: limited(BUY_BACK_TEXT_LIMITS.idField).optional(),
  idExpiry: CalendarDate.optional(),
  dateOfBirth: CalendarDate.optional(),
});
export type SellerId = z.infer<typeof SellerId>;
export type SellerIdField = keyof SellerId;

export const SELLER_ID_FIELDS: readonly SellerIdField[] = ['idType', 'idNumber', 'idExpiry', 'dateOfBirth'];

export const SELLER_ID_LABELS = messageTable<SellerIdField>({
  idType: 'domain_seller_id_type',
  idNumber: 'domain_seller_id_number',
  idExpiry: 'domain_seller_id_expiry',
  dateOfBirth: 'domain_seller_date_of_birth',
});

/** One line of a buy-back's log: a comment someone wrote, or something that happened. */
export const LogEntry = z.object({
  at: Instant,
  kind: z.enum(['comment', 'status', 'event']),
  text: z.string().trim().min(1, message('domain_comment_empty')).max(BUY_BACK_TEXT_LIMITS.logText),
});
export type LogEntry = z.infer<typeof LogEntry>;

/** Where one bought item is on its way to resale. */
export const ItemStage = z.enum(['bought', 'product-created', 'in-refurb', 'in-inventory']);
export type ItemStage = z.infer<typeof ItemStage>;

/** Fixing a bought item before it is sold; it has its own log and ends in inventory. */
export const Refurb = z.object({
  issue: z.string().trim().min(1, message('domain_refurb_issue_empty')).max(BUY_BACK_TEXT_LIMITS.refurbIssue),
  startedAt: Instant,
  finishedAt: Instant.optional(),
  log: z.array(LogEntry),
});
export type Refurb = z.infer<typeof Refurb>;

const NonNegative = Money.refine((money) => money.minor >= 0, message('domain_amount_negative'));

export const BuyBackItem = z.object({
  id: z.uuid(),
  /** Set when the item came from the shop's serialized inventory (sold once, now bought back). */
  inventoryItemId: z.uuid().optional(),
  description: z
    .string()
    .trim()
    .min(1, message('domain_describe_item'))
    .max(BUY_BACK_TEXT_LIMITS.description),
  /** Serial number or IMEI, as printed on the device. */
  serial: limited(BUY_BACK_TEXT_LIMITS.serial).optional(),
  condition: ConditionGrade,
  notes: limited(BUY_BACK_TEXT_LIMITS.itemNotes).optional(),
  /** What the shop pays the seller for it. */
  price: NonNegative,
  stage: ItemStage,
  /** What the shop will sell it for; set when its product is created. */
  retailPrice: NonNegative.optional(),
  productId: z.uuid().optional(),
  refurb: Refurb.optional(),
  /** The first day it may be sold: the day it was paid plus the shop's hold period. */
  sellableFrom: CalendarDate.optional(),
});
export type BuyBackItem = z.infer<typeof BuyBackItem>;

/** The payment method whose payouts become a balance on the contact. */
export const STORE_CREDIT = 'Store credit';
/** The payment "method" of a buy-back netted against a purchase on one receipt. */
export const TRADE_IN = 'Trade-in';

export const Payout = z.object({
  /** Chosen once by the screen that pays: the same payout sent twice is recognised and not repeated. */
  id: z.uuid(),
  method: z.string().trim().min(1, message('domain_choose_payment_method')).max(BUY_BACK_TEXT_LIMITS.method),
  reference: limited(BUY_BACK_TEXT_LIMITS.reference).optional(),
  message: limited(BUY_BACK_TEXT_LIMITS.message).optional(),
  amount: NonNegative,
  paidAt: Instant,
  /** The shop's calendar day of the payout (the dealer report's day). */
  paidOn: CalendarDate,
  /** A trade-in: the purchase this buy-back is netted against. */
  tradeInPurchaseId: z.uuid().optional(),
  /** Why the shop paid although an item is on the do-not-buy list. */
  override: limited(BUY_BACK_TEXT_LIMITS.logText).optional(),
});
export type Payout = z.infer<typeof Payout>;

export const MAX_BUY_BACK_ITEMS = 100;

export const BuyBack = RecordBase.extend({
  /** The shop's running number, printed as BB-0001. */
  number: z.number().int().min(1),
  contactId: z.uuid(),
  status: BuyBackStatus,
  currency: CurrencyCode,
  seller: SellerId,
  notes: limited(BUY_BACK_TEXT_LIMITS.notes),
  items: z
    .array(BuyBackItem)
    .max(MAX_BUY_BACK_ITEMS, message('domain_buyback_too_many_items', MAX_BUY_BACK_ITEMS)),
  log: z.array(LogEntry),
  payout: Payout.optional(),
}).refine((buyBack) => buyBack.items.every((item) => item.price.currency === buyBack.currency), {
  ...message('domain_buyback_item_currency'),
  path: ['items'],
});
export type BuyBack = z.infer<typeof BuyBack>;

export function buyBackNumber(buyBack: Pick<BuyBack, 'number'>): string {
  return `BB-${String(buyBack.number).padStart(4, '0')}`;
}

export function buyBackTotal(buyBack: Pick<BuyBack, 'items' | 'currency'>): Money {
  let minor = 0;
  for (const item of buyBack.items) minor += item.price.minor;
  return { minor, currency: buyBack.currency };
}
