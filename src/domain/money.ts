import { uiLanguage } from './i18n';
import { z } from 'zod';
import { message } from './zod-message';

/** ISO 4217 code: three capital letters. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, message('domain_currency_code'));
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/** Money is an integer in minor units (cents) plus its currency; never a float. */
export const Money = z.object({
  minor: z.number().int().safe(),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

const digitsCache = new Map<string, number>();

/** How many minor digits a currency has (USD 2, JPY 0, KWD 3), as the platform's Intl knows it. */
export function minorDigits(currency: CurrencyCode): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits ?? 2);
  }
  return digits ?? 2;
}

/**
 * Reads a plain decimal amount such as "12.50", "1,234.5" or "-3" into minor units, exactly
 * (no float arithmetic). Returns null when the text is not such an amount or has more decimals
 * than the currency allows.
 */
export function parseDecimalAmount(text: string, currency: CurrencyCode): Money | null {
  const cleaned = text.trim().replace(/(?<=\d),(?=\d{3}(\D|$))/g, '');
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const digits = minorDigits(currency);
  if (fraction.length > digits) return null;
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return { minor: sign === '-' ? -minor : minor, currency };
}

/** The amount as plain decimal text ("12.50"), the form CSV files and inputs use. */
export function formatDecimalAmount(money: Money): string {
  const digits = minorDigits(money.currency);
  const abs = Math.abs(money.minor)
    .toString()
    .padStart(digits + 1, '0');
  const whole = digits === 0 ? abs : abs.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${abs.slice(-digits)}`;
  return `${money.minor < 0 ? '-' : ''}${whole}${fraction}`;
}

/** The amount for people to read, in their language ("$12.50", "12,50 $"). */
export function formatMoney(money: Money, locale: string = uiLanguage()): string {
  const digits = minorDigits(money.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    money.minor / 10 ** digits,
  );
}

export function multiplyMoney(money: Money, quantity: number): Money {
  return { minor: money.minor * quantity, currency: money.currency };
}

/** Sums amounts of one currency; mixing currencies is a programming error, not a user one. */
export function sumMoney(amounts: readonly Money[], currency: CurrencyCode): Money {
  let minor = 0;
  for (const amount of amounts) {
    if (amount.currency !== currency) {
      throw new Error(`Cannot add ${amount.currency} to ${currency}`);
    }
    minor += amount.minor;
  }
  return { minor, currency };
}
