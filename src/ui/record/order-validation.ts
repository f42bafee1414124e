import { STORE_CREDIT } from '../../domain/buyback';
import { t } from '../../domain/i18n';
import { formatCount } from '../../domain/locale-format';
import { CalendarDate } from '../../domain/dates';
import { formatMoney, type CurrencyCode, type Money } from '../../domain/money';
import { moneyInputMessage, parseMoneyInput } from '../../domain/money-input';
import {
  MAX_NOTE_LENGTH,
  MAX_QUANTITY,
  type PurchaseLine,
  type PurchasePayment,
} from '../../domain/purchase';

/** The product a line is for, as it was when it was added (the catalog may change later). */
export interface LineProduct {
  productId: string;
  sku: string;
  name: string;
  catalogPrice: Money;
}

/** A line on the review screen: the quantity and price as the user typed them. */
export interface DraftLine extends LineProduct {
  quantityText: string;
  priceText: string;
}

export interface LineProblems {
  quantity?: string;
  price?: string;
}

export interface OrderCheck {
  /** Parsed lines, present only when every line is valid. */
  lines: PurchaseLine[] | null;
  lineProblems: ReadonlyMap<string, LineProblems>;
  dateProblem: string | null;
  /** The purchase date is after today: allowed, once the user says so. */
  future: boolean;
}

/** Reads a quantity as typed: a whole number from 1 to MAX_QUANTITY; a message otherwise. */
export function parseQuantity(text: string): { ok: true; quantity: number } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, reason: t('record_quantity_whole') };
  const quantity = Number(trimmed);
  if (quantity < 1) return { ok: false, reason: t('record_quantity_min') };
  if (quantity > MAX_QUANTITY) {
    return { ok: false, reason: t('record_quantity_max', formatCount(MAX_QUANTITY)) };
  }
  return { ok: true, quantity };
}

/**
 * Checks the review screen: each line's quantity and price (typed in the user's locale), their
 * product (quantity × price must stay an exact amount) and the purchase date.
 */
export function checkOrder(
  lines: readonly DraftLine[],
  purchaseDate: string,
  currency: CurrencyCode,
  context: { today: CalendarDate; locale?: string },
): OrderCheck {
  const lineProblems = new Map<string, LineProblems>();
  const parsed: PurchaseLine[] = [];
  for (const line of lines) {
    const problems: LineProblems = {};
    const quantity = parseQuantity(line.quantityText);
    if (!quantity.ok) problems.quantity = quantity.reason;
    const price = parseMoneyInput(line.priceText, currency, context.locale);
    if (!price.ok) problems.price = moneyInputMessage('price', price.problem);
    if (quantity.ok && price.ok) {
      if (!Number.isSafeInteger(quantity.quantity * price.money.minor)) {
        problems.price = t('record_price_too_large');
      } else {
        parsed.push({
          productId: line.productId,
          sku: line.sku,
          name: line.name,
          quantity: quantity.quantity,
          unitPrice: price.money,
          catalogPrice: line.catalogPrice,
        });
      }
    }
    if (problems.quantity || problems.price) lineProblems.set(line.productId, problems);
  }
  // A real day (not 2026-02-30), read without any time zone.
  const validDate = CalendarDate.safeParse(purchaseDate).success;
  return {
    lines: lineProblems.size === 0 && lines.length > 0 ? parsed : null,
    lineProblems,
    dateProblem: validDate ? null : t('record_date_invalid'),
    future: validDate && purchaseDate > context.today,
  };
}

/** What is wrong with an order's note, or null: only its length can be. */
export function checkNote(text: string): string | null {
  const length = text.trim().length;
  return length > MAX_NOTE_LENGTH
    ? t('record_note_too_long', formatCount(MAX_NOTE_LENGTH), formatCount(length))
    : null;
}

export interface PaymentCheck {
  /** What the order stores: present when a method is chosen and nothing is wrong. */
  payment: PurchasePayment | undefined;
  methodProblem: string | null;
  creditProblem: string | null;
}

/**
 * Checks a purchase's payment: `Use store credit` as typed (empty: none), at most what the
 * contact has and what the order comes to; STORE_CREDIT as the method only when the credit pays
 * the whole total; no store credit for a group order. `total` null: the lines are not valid yet.
 */
export function checkPayment(input: {
  method: string;
  creditText: string;
  /** The store credit this order can use; null when it can use none. */
  available: Money | null;
  total: Money | null;
  groupOrder: boolean;
  locale?: string | undefined;
}): PaymentCheck {
  const { method, available, total, locale } = input;
  let credit: Money | null = null;
  let creditProblem: string | null = null;
  if (input.creditText.trim() !== '' && available) {
    const parsed = parseMoneyInput(input.creditText, available.currency, locale);
    if (!parsed.ok) creditProblem = moneyInputMessage('storeCredit', parsed.problem);
    else if (parsed.money.minor > available.minor) {
      creditProblem = t('record_credit_only', formatMoney(available, locale));
    } else if (total && parsed.money.minor > total.minor) {
      creditProblem = t('record_credit_over_total', formatMoney(total, locale));
    } else if (parsed.money.minor > 0) credit = parsed.money;
  }
  let methodProblem: string | null = null;
  if (method === '') {
    if (credit) methodProblem = t('record_choose_method');
  } else if (method === STORE_CREDIT) {
    if (input.groupOrder) methodProblem = t('record_group_no_credit');
    else if (total && !creditProblem && (credit?.minor ?? 0) < total.minor) {
      methodProblem =
        (available?.minor ?? 0) < total.minor
          ? t(
              'record_credit_covers_part',
              formatMoney(available ?? { ...total, minor: 0 }, locale),
              formatMoney(total, locale),
            )
          : t('record_credit_needs_whole', formatMoney(total, locale));
    }
  }
  const payment =
    method !== '' && !methodProblem && !creditProblem
      ? { method, ...(credit ? { storeCredit: credit } : {}) }
      : undefined;
  return { payment, methodProblem, creditProblem };
}
