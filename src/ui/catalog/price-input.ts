import { minorDigits, parseDecimalAmount, type CurrencyCode, type Money } from '../../domain/money';

export type PriceInputResult = { ok: true; money: Money } | { ok: false; reason: string };

/**
 * Reads a price as the user typed it, for the currency chosen beside it: "12.50", "1,234.50".
 * Every product form reads amounts here and only here, so a reader that knows the user's locale
 * ("12,50" in German) takes over in one place; `locale` is passed for it already.
 */
export function readPriceInput(text: string, currency: CurrencyCode, _locale?: string): PriceInputResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'is empty' };
  if (trimmed.startsWith('-')) return { ok: false, reason: 'cannot be negative' };
  const money = parseDecimalAmount(trimmed, currency);
  if (money) return { ok: true, money };
  const digits = minorDigits(currency);
  const fraction = /\.(\d+)$/.exec(trimmed)?.[1];
  if (fraction && fraction.length > digits) {
    return {
      ok: false,
      reason: digits === 0 ? `has decimals, and ${currency} has none` : `has more than ${digits} decimals`,
    };
  }
  return { ok: false, reason: 'is not an amount such as 12.50' };
}
