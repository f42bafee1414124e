import type { DateOrder } from '../domain/back-office-order';
import type { CalendarDate } from '../domain/dates';
import { t, type MessageKey } from '../domain/i18n';
import { formatCount } from '../domain/locale-format';
import { minorDigits, parseDecimalAmount, type CurrencyCode } from '../domain/money';
import { eitherOf } from './rows';

/**
 * The cells of a back office's order export as values: amounts, quantities and dates, each read
 * exactly or refused with why. Never guessed: "12,5x" is not 12.5, and 03/04/2024 is read in the
 * layout's day/month order or not at all.
 */

/** `why` is the end of a sentence about the cell, in the user's language ("is not an amount"). */
export type ValueResult<T> = { ok: true; value: T } | { ok: false; why: string };

function refuse(key: MessageKey, ...substitutions: string[]): { ok: false; why: string } {
  return { ok: false, why: t(key, ...substitutions) };
}

/**
 * Excel writes `;` between cells where the decimal separator is a comma (most of Europe), so in a
 * `;` file "1.234,50" is 1234.50. Elsewhere a comma only groups thousands ("1,234.50").
 */
export function usesDecimalComma(delimiter: string): boolean {
  return delimiter === ';';
}

/** Symbols back offices put in front of amounts (Square writes "$8.00", "-$1.00"). */
const CURRENCY_SYMBOLS: Readonly<Record<string, CurrencyCode>> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
};

/**
 * The currencies each symbol can stand for; none listed for "$", which a dozen currencies write
 * (a Canadian Square export writes "$4.50" for CAD).
 */
const SYMBOL_FITS: Readonly<Record<string, readonly CurrencyCode[]>> = {
  '€': ['EUR'],
  '£': ['GBP'],
  '¥': ['JPY', 'CNY'],
};

/** The currency an amount's symbol names ("€8.00" → EUR), if it has one. "$" is taken as USD. */
export function currencyOfSymbol(text: string): CurrencyCode | undefined {
  const trimmed = text.trim().replace(/^[+-]/, '');
  return CURRENCY_SYMBOLS[trimmed.charAt(0)] ?? CURRENCY_SYMBOLS[trimmed.charAt(trimmed.length - 1)];
}

/**
 * In a decimal-comma file, "1.500" is 1500 written with a "." grouping thousands as often as it is
 * 1.5 written by a program that puts a "." for decimals whatever the delimiter: either reading is
 * a guess. "1.5" and "1.234.567" can be read only one way.
 */
const DOT_THEN_THREE_DIGITS = /^\d{1,3}\.\d{3}$/;
const DOT_GROUPED = /^\d{1,3}(\.\d{3}){2,}$/;

/**
 * A space between groups of three digits groups thousands whatever the locale ("1 234,50" in
 * France, often a no-break or narrow no-break space): it can be read only one way.
 */
const SPACE_GROUPING = /(?<=\d)[ \u00a0\u202f](?=\d{3}(?:\D|$))/g;

/** A decimal number as plain text with "." for decimals and no grouping, or undefined. */
function plainDecimal(cell: string, decimalComma: boolean): string | undefined {
  const text = cell.replace(SPACE_GROUPING, '');
  if (!decimalComma) return text;
  // "1.234,50" → "1234.50"; without a comma the text is already plain ("12.50", "3"), or
  // grouped without decimals ("1.234.567").
  if (!text.includes(',')) return DOT_GROUPED.test(text) ? text.replace(/\./g, '') : text;
  if (!/^[\d.]*,\d*$/.test(text)) return undefined;
  return text.replace(/\./g, '').replace(',', '.');
}

/**
 * Reads an amount cell into minor units of `currency`: "12.50", "1,234.50", "$8.00", "-$1.00",
 * "€ 3,50" in a `;` file. Refuses text that is not such an amount, and more decimals than the
 * currency has (JPY has none).
 */
export function parseExportAmount(
  cell: string,
  currency: CurrencyCode,
  decimalComma: boolean,
): ValueResult<number> {
  const plain = plainAmount(cell, minorDigits(currency), decimalComma);
  if (plain !== undefined) return { ok: true, value: plain };
  let text = cell.trim();
  if (text === '') return refuse('csv_value_empty');
  let negative = false;
  if (text.startsWith('-') || text.startsWith('+')) {
    negative = text.startsWith('-');
    text = text.slice(1);
  }
  // "€3,50" or, as much of Europe writes it, "3,50 €".
  const leading = CURRENCY_SYMBOLS[text.charAt(0)] !== undefined;
  const symbol = leading ? text.charAt(0) : text.charAt(text.length - 1);
  if (CURRENCY_SYMBOLS[symbol] !== undefined) {
    // A "€" amount in a USD row would be read in the wrong currency: refused, not converted.
    const fits = SYMBOL_FITS[symbol];
    if (fits && !fits.includes(currency))
      return refuse('csv_value_symbol_currency', eitherOf(fits), currency);
    text = leading ? text.slice(1).trimStart() : text.slice(0, -1).trimEnd();
  }
  // "$-1.00" as well as "-$1.00".
  if (!negative && text.startsWith('-')) {
    negative = true;
    text = text.slice(1);
  }
  if (decimalComma && DOT_THEN_THREE_DIGITS.test(text)) return refuse('csv_value_ambiguous_dot');
  const decimal = plainDecimal(text, decimalComma);
  if (decimal === undefined || !/^\d/.test(decimal)) return refuse('csv_value_not_amount');
  const money = parseDecimalAmount(decimal, currency);
  if (money) return { ok: true, value: negative ? -money.minor : money.minor };
  const digits = minorDigits(currency);
  if (/^\d[\d,]*\.\d+$/.test(decimal)) {
    return digits === 0
      ? refuse('csv_value_no_decimals', currency)
      : refuse('csv_value_too_many_decimals', formatCount(digits), currency);
  }
  return refuse('csv_value_not_amount');
}

/**
 * Reads a quantity: a positive number, maybe with decimals (Square writes "1.0"; weighed items
 * "0.5"). Zero and negative quantities (refunds, voids) are not sales to match.
 */
export function parseQuantity(cell: string, decimalComma: boolean): ValueResult<number> {
  const quantity = plainQuantity(cell, decimalComma);
  if (quantity !== undefined) return { ok: true, value: quantity };
  const text = cell.trim();
  if (decimalComma && DOT_THEN_THREE_DIGITS.test(text)) return refuse('csv_value_ambiguous_dot');
  if (isPlainNumber(cell) && Number(cell) === 0) return refuse('csv_value_zero');
  if (text === '') return refuse('csv_value_empty');
  const plain = plainDecimal(
    decimalComma ? text : text.replace(/(?<=\d),(?=\d{3}(\D|$))/g, ''),
    decimalComma,
  );
  const match = plain === undefined ? null : /^([+-]?)(\d+(?:\.\d*)?|\.\d+)$/.exec(plain);
  if (!match) return refuse('csv_value_not_number');
  const value = Number(match[2]);
  if (match[1] === '-' && value !== 0) return refuse('csv_value_negative_quantity');
  if (value === 0) return refuse('csv_value_zero');
  return { ok: true, value };
}

/**
 * parseQuantity's value for a plain quantity ("3", "1.0"), without the result object: undefined
 * for anything else, zero included, which parseQuantity reads or explains. Read for every row.
 */
export function plainQuantity(cell: string, decimalComma: boolean): number | undefined {
  if (!isPlainNumber(cell)) return undefined;
  // "1.500" in a decimal-comma file: see DOT_THEN_THREE_DIGITS.
  if (decimalComma && cell.charCodeAt(cell.length - 4) === 46) return undefined;
  const value = Number(cell);
  return value === 0 ? undefined : value;
}

/**
 * parseExportAmount's value for a plain amount ("18.50", "7") in minor units of a currency with
 * `digits` decimals, without the result object; undefined for anything else.
 */
export function plainAmount(cell: string, digits: number, decimalComma: boolean): number | undefined {
  // "1.500" in a decimal-comma file (1.500 KWD has three decimals): see DOT_THEN_THREE_DIGITS.
  if (decimalComma && cell.charCodeAt(cell.length - 4) === 46) return undefined;
  return plainMinor(cell, digits);
}

/**
 * Most amounts are plain ("18.50", "7"): read with a loop over characters, which is several
 * times faster than the general path's regular expressions on files of 100,000 rows. Undefined
 * for anything else (signs, symbols, grouping, too many decimals), which the general path reads
 * or explains.
 */
function plainMinor(text: string, digits: number): number | undefined {
  const length = text.length;
  // 15 digits stay exact in a double.
  if (length === 0 || length > 15) return undefined;
  let whole = 0;
  let i = 0;
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  if (i === 0) return undefined;
  if (i === length) return whole * 10 ** digits;
  if (text.charCodeAt(i) !== 46) return undefined;
  let fraction = 0;
  let places = 0;
  for (i++; i < length; i++, places++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    fraction = fraction * 10 + digit;
  }
  if (places > digits) return undefined;
  return whole * 10 ** digits + fraction * 10 ** (digits - places);
}

/** Digits with at most one "." between them ("3", "1.0"): Number reads them exactly as written. */
function isPlainNumber(text: string): boolean {
  const length = text.length;
  if (length === 0 || length > 15) return false;
  let dot = -1;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 && dot === -1) dot = i;
    else if (code < 48 || code > 57) return false;
  }
  return dot !== 0 && dot !== length - 1;
}

const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const DAY_MONTH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|[T\s])/;

/** Why a real date is refused: the file writes its dates in another order. */
const NOT_IN_ORDER: Readonly<Record<DateOrder, MessageKey>> = {
  ymd: 'csv_value_date_not_ymd',
  dmy: 'csv_value_date_not_dmy',
  mdy: 'csv_value_date_not_mdy',
};

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC so no zone moves it.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a date cell in the layout's order, as written: a time or zone after it is ignored
 * (Shopify writes "2024-03-05 14:22:10 -0500", and the sale was on the 5th where it happened).
 */
export function parseExportDate(cell: string, order: DateOrder): ValueResult<CalendarDate> {
  const text = cell.trim();
  if (text === '') return refuse('csv_value_empty');
  const iso = ISO_DATE.exec(text);
  const dayMonth = iso ? null : DAY_MONTH_DATE.exec(text);
  if (!iso && !dayMonth) return refuse('csv_value_not_date');
  const [a, b, c] = (iso ?? dayMonth ?? []).slice(1, 4).map(Number) as [number, number, number];
  if (iso) {
    if (!isRealDate(a, b, c)) return refuse('csv_value_not_real_date');
    if (order !== 'ymd') return refuse(NOT_IN_ORDER[order]);
    return { ok: true, value: calendarDate(a, b, c) };
  }
  const [day, month] = order === 'dmy' ? [a, b] : [b, a];
  const fitsEither = isRealDate(c, b, a) || isRealDate(c, a, b);
  if (!fitsEither) return refuse('csv_value_not_real_date');
  if (order === 'ymd') return refuse(NOT_IN_ORDER.ymd);
  if (!isRealDate(c, month, day)) {
    // 13/05/2024 in a month/day/year file: a real date only the other way round.
    return refuse(NOT_IN_ORDER[order]);
  }
  return { ok: true, value: calendarDate(c, month, day) };
}

/**
 * How a file writes its dates, judged on some of its date cells: ISO dates say year-month-day;
 * in "a/b/yyyy" a first number above 12 says day/month, a second above 12 says month/day. When
 * nothing settles it (every day so far ≤ 12), `fallback`: the user confirms a guess anyway.
 */
export function guessDateOrder(cells: readonly string[], fallback: DateOrder): DateOrder {
  let iso = 0;
  let dmy = 0;
  let mdy = 0;
  for (const cell of cells) {
    const text = cell.trim();
    if (ISO_DATE.test(text)) {
      iso++;
      continue;
    }
    const match = DAY_MONTH_DATE.exec(text);
    if (!match) continue;
    if (Number(match[1]) > 12) dmy++;
    else if (Number(match[2]) > 12) mdy++;
  }
  if (iso > 0 && dmy + mdy === 0) return 'ymd';
  if (dmy > mdy) return 'dmy';
  if (mdy > dmy) return 'mdy';
  return fallback;
}
