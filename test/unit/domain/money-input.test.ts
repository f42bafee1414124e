import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exampleAmount, formatMoneyInput, parseMoneyInput } from '../../../src/domain/money-input';

const amount = (text: string, currency = 'EUR', locale = 'de-DE') => {
  const result = parseMoneyInput(text, currency, locale);
  return result.ok ? result.money.minor : result.reason;
};

describe('money typed by people', () => {
  it('reads the locale’s own writing', () => {
    expect(amount('1.234,56')).toBe(123456);
    expect(amount('1234,56')).toBe(123456);
    expect(amount('0,5')).toBe(50);
    expect(amount('1,234.56', 'USD', 'en-US')).toBe(123456);
    expect(amount('1 234,56', 'EUR', 'fr-FR')).toBe(123456);
    expect(amount('1\u202f234,56', 'EUR', 'fr-FR')).toBe(123456);
    expect(amount('1’234.50', 'CHF', 'de-CH')).toBe(123450);
    expect(amount("1'234.50", 'CHF', 'de-CH')).toBe(123450);
    expect(amount('1,23,456.00', 'INR', 'hi-IN')).toBe(12345600);
  });

  it('takes the other convention’s point as decimal only where it cannot be a group separator', () => {
    expect(amount('12.50')).toBe(1250);
    expect(amount('1.234')).toBe(123400);
    expect(amount('1,5', 'USD', 'en-US')).toBe(150);
    expect(amount('1,234', 'USD', 'en-US')).toBe(123400);
  });

  it('explains what is wrong', () => {
    expect(amount('')).toBe('is empty');
    expect(amount('-3')).toBe('cannot be negative');
    expect(amount('12,345')).toBe('has more than 2 decimals');
    expect(amount('7,5', 'JPY', 'de-DE')).toBe('has decimals, and JPY has none');
    expect(amount('abc')).toBe('is not an amount such as 12,50');
    expect(amount('1.2.3,4')).toBe('is not an amount such as 12,50');
    expect(amount('12.34.56')).toBe('is not an amount such as 12,50');
    expect(amount('99999999999999999')).toBe('is too large');
    expect(amount('1e3', 'USD', 'en-US')).toBe('is not an amount such as 12.50');
  });

  it('writes amounts the way they are typed back', () => {
    expect(formatMoneyInput({ minor: 123456, currency: 'EUR' }, 'de-DE')).toBe('1234,56');
    expect(formatMoneyInput({ minor: 5, currency: 'USD' }, 'en-US')).toBe('0.05');
    expect(formatMoneyInput({ minor: 7, currency: 'JPY' }, 'de-DE')).toBe('7');
    expect(exampleAmount('KWD', 'en-US')).toBe('12.500');
  });

  it('reads back every amount it writes, in every locale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'de-CH', 'ja-JP', 'hi-IN'),
        fc.constantFrom('USD', 'EUR', 'JPY', 'KWD'),
        (minor, locale, currency) => {
          const text = formatMoneyInput({ minor, currency }, locale);
          expect(parseMoneyInput(text, currency, locale)).toEqual({ ok: true, money: { minor, currency } });
        },
      ),
    );
  });
});
