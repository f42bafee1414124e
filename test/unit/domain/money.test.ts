import { describe, expect, it } from 'vitest';
import {
  formatDecimalAmount,
  formatMoney,
  minorDigits,
  parseDecimalAmount,
  sumMoney,
} from '../../../src/domain/money';

describe('money', () => {
  it('reads decimal text into exact minor units', () => {
    expect(parseDecimalAmount('12.50', 'USD')).toEqual({ minor: 1250, currency: 'USD' });
    expect(parseDecimalAmount('0.1', 'USD')).toEqual({ minor: 10, currency: 'USD' });
    expect(parseDecimalAmount('1,234.5', 'USD')).toEqual({ minor: 123450, currency: 'USD' });
    expect(parseDecimalAmount(' 7 ', 'JPY')).toEqual({ minor: 7, currency: 'JPY' });
    expect(parseDecimalAmount('-3', 'EUR')).toEqual({ minor: -300, currency: 'EUR' });
  });

  it('refuses what is not an amount in that currency', () => {
    for (const text of ['', 'abc', '12.345', '1.2.3', '12,5x', '1e3']) {
      expect(parseDecimalAmount(text, 'USD'), text).toBeNull();
    }
    expect(parseDecimalAmount('7.5', 'JPY')).toBeNull();
  });

  it('knows each currency’s minor digits', () => {
    expect([minorDigits('USD'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('writes amounts back as decimal text and for people', () => {
    expect(formatDecimalAmount({ minor: 5, currency: 'USD' })).toBe('0.05');
    expect(formatDecimalAmount({ minor: -1250, currency: 'USD' })).toBe('-12.50');
    expect(formatDecimalAmount({ minor: 7, currency: 'JPY' })).toBe('7');
    expect(formatMoney({ minor: 123456, currency: 'USD' }, 'en-US')).toBe('$1,234.56');
  });

  it('adds amounts of one currency and refuses to mix', () => {
    expect(
      sumMoney(
        [
          { minor: 1, currency: 'USD' },
          { minor: 2, currency: 'USD' },
        ],
        'USD',
      ).minor,
    ).toBe(3);
    expect(() => sumMoney([{ minor: 1, currency: 'EUR' }], 'USD')).toThrow(/EUR/);
  });
});
