import { t, type MessageKey } from './i18n';
import { formatCount } from './locale-format';
import { minorDigits, parseDecimalAmount, type CurrencyCode, type Money } from './money';

/** The characters a locale writes numbers with: "1.234,56" in de-DE, "1,234.56" in en-US. */
export interface NumberSymbols {
  decimal: string;
  group: string;
}

const symbolsCache = new Map<string, NumberSymbols>();

export function numberSymbols(locale?: string): NumberSymbols {
  const key = locale ?? '';
  let symbols = symbolsCache.get(key);
  if (!symbols) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    symbols = {
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      group: (parts.find((part) => part.type === 'group')?.value ?? ',').replace('’', "'"),
    };
    symbolsCache.set(key, symbols);
  }
  return symbols;
}

/** Why typed text is not an amount; `reason` says it in the user's language ("is empty"). */
export type MoneyInputProblem =
  | { kind: 'empty' }
  | { kind: 'negative' }
  | { kind: 'no-decimals'; currency: CurrencyCode }
  | { kind: 'too-many-decimals'; digits: number }
  | { kind: 'too-large' }
  | { kind: 'not-amount'; example: string };

export type MoneyInputResult =
  { ok: true; money: Money } | { ok: false; reason: string; problem: MoneyInputProblem };

/** What the amount is, to start a sentence about it: "Price", "Store credit". */
export type AmountSubject = 'price' | 'cost' | 'storeCredit' | 'retailPrice' | 'amount';

const SUBJECTS: Record<AmountSubject, MessageKey> = {
  price: 'domain_money_subject_price',
  cost: 'domain_money_subject_cost',
  storeCredit: 'domain_money_subject_store_credit',
  retailPrice: 'domain_money_subject_retail_price',
  amount: 'domain_money_subject_amount',
};

/** The whole sentence for a field: "Price is not an amount such as 12.50." */
export function moneyInputMessage(subject: AmountSubject, problem: MoneyInputProblem): string {
  const what = t(SUBJECTS[subject]);
  switch (problem.kind) {
    case 'empty':
      return t('domain_money_problem_empty', what);
    case 'negative':
      return t('domain_money_problem_negative', what);
    case 'no-decimals':
      return t('domain_money_problem_no_decimals', what, problem.currency);
    case 'too-many-decimals':
      return t('domain_money_problem_too_many_decimals', what, formatCount(problem.digits));
    case 'too-large':
      return t('domain_money_problem_too_large', what);
    case 'not-amount':
      return t('domain_money_problem_not_amount', what, problem.example);
  }
}

function refused(problem: MoneyInputProblem): MoneyInputResult {
  return { ok: false, reason: reasonText(problem), problem };
}

function reasonText(problem: MoneyInputProblem): string {
  switch (problem.kind) {
    case 'empty':
      return t('domain_money_reason_empty');
    case 'negative':
      return t('domain_money_reason_negative');
    case 'no-decimals':
      return t('domain_money_reason_no_decimals', problem.currency);
    case 'too-many-decimals':
      return t('domain_money_reason_too_many_decimals', formatCount(problem.digits));
    case 'too-large':
      return t('domain_money_reason_too_large');
    case 'not-amount':
      return t('domain_money_reason_not_amount', problem.example);
  }
}

// Spaces of every kind: fr-FR groups with a narrow no-break space, people type a plain one.
const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads an amount as a person types it in their locale: "1.234,56" in German is 1234.56, and
 * "1,234.56" in English. Typing the other convention's decimal point still works when it cannot
 * be a group separator ("12.50" in German is 12.50; "1.234" is 1234). Exact: no float on the way.
 */
export function parseMoneyInput(text: string, currency: CurrencyCode, locale?: string): MoneyInputResult {
  const { decimal, group } = numberSymbols(locale);
  // Swiss grouping is an apostrophe, typed straight or curly whichever the platform writes.
  const compact = text.replace(SPACES, '').replace(/’/g, "'");
  if (compact === '') return refused({ kind: 'empty' });
  if (compact.startsWith('-')) return refused({ kind: 'negative' });
  const plain = toPlainDecimal(compact.replace(/^\+/, ''), decimal, group);
  const money = plain === null ? null : parseDecimalAmount(plain, currency);
  if (money) return { ok: true, money };
  const fraction = plain?.split('.')[1];
  if (fraction !== undefined && fraction.length > minorDigits(currency)) {
    const digits = minorDigits(currency);
    return refused(digits === 0 ? { kind: 'no-decimals', currency } : { kind: 'too-many-decimals', digits });
  }
  if (plain !== null && /^\d+(\.\d*)?$/.test(plain)) return refused({ kind: 'too-large' });
  return refused({ kind: 'not-amount', example: exampleAmount(currency, locale) });
}

/** 12.50 in the currency and the locale's writing ("12,50" in de, "12" for yen). */
export function exampleAmount(currency: CurrencyCode, locale?: string): string {
  const digits = minorDigits(currency);
  const minor = 12 * 10 ** digits + (digits > 0 ? 5 * 10 ** (digits - 1) : 0);
  return formatMoneyInput({ minor, currency }, locale);
}

/** "1.234,56" (de) → "1234.56"; null when the text is not a number in either convention. */
function toPlainDecimal(text: string, decimal: string, group: string): string | null {
  if (![...text].every((char) => /[\d.,]/.test(char) || char === group)) return null;
  const other = decimal === '.' ? ',' : '.';
  let body = text;
  if (body.includes(decimal)) {
    // The locale's own decimal mark is there: every other mark must be a group separator.
    const [whole = '', fraction = '', ...rest] = body.split(decimal);
    if (rest.length > 0) return null;
    const wholeDigits = stripGroups(whole, [group, other]);
    return wholeDigits === null || !/^\d*$/.test(fraction) ? null : `${wholeDigits || '0'}.${fraction}`;
  }
  const otherMarks = body.split(other).length - 1;
  if (otherMarks === 1 && !/[.,]\d{3}$/.test(body)) {
    // "12.50" typed in a comma-decimal locale: cannot be a group separator, so a decimal point.
    body = body.replace(other, '.');
    return /^\d*\.\d*$/.test(body) ? body : null;
  }
  return stripGroups(body, [group, other]);
}

/**
 * Removes group separators that sit where groups go: three digits last, and three (or two, as
 * India groups lakhs: "1,23,456") before; null otherwise.
 */
function stripGroups(whole: string, separators: readonly string[]): string | null {
  const pattern = separators.map((mark) => mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const parts = whole.split(new RegExp(pattern));
  if (parts.length === 1) return /^\d*$/.test(whole) ? whole : null;
  const [first = '', ...groups] = parts;
  const last = groups.pop() ?? '';
  if (!/^\d{1,3}$/.test(first) || !/^\d{3}$/.test(last) || !groups.every((part) => /^\d{2,3}$/.test(part))) {
    return null;
  }
  return parts.join('');
}

/** The amount as a person would type it in their locale, without grouping ("1234,56" in de). */
export function formatMoneyInput(money: Money, locale?: string): string {
  const digits = minorDigits(money.currency);
  const { decimal } = numberSymbols(locale);
  const abs = Math.abs(money.minor)
    .toString()
    .padStart(digits + 1, '0');
  const text = digits === 0 ? abs : `${abs.slice(0, -digits)}${decimal}${abs.slice(-digits)}`;
  return money.minor < 0 ? `-${text}` : text;
}
