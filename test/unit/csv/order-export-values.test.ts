import { describe, expect, it } from 'vitest';
import {
  currencyOfSymbol,
  guessDateOrder,
  parseExportAmount,
  parseExportDate,
  parseQuantity,
} from '../../../src/csv/order-export-values';

const AMBIGUOUS =
  'could be read two ways: a "." in a file separated by ";" may group thousands or mark decimals';

describe('parseExportAmount', () => {
  it.each([
    ['12.50', 'USD', false, 1250],
    ['1,234.50', 'USD', false, 123450],
    ['$8.00', 'USD', false, 800],
    ['-$1.00', 'USD', false, -100],
    ['$-1.00', 'USD', false, -100],
    ['$1,234.50', 'USD', false, 123450],
    ['€ 3,50', 'EUR', true, 350],
    ['1.234,50', 'EUR', true, 123450],
    ['12.50', 'EUR', true, 1250],
    ['800', 'JPY', false, 800],
    ['¥800', 'JPY', false, 800],
    [' 7 ', 'USD', false, 700],
    ['1.5', 'EUR', true, 150],
    ['1.234.567', 'EUR', true, 123456700],
    ['1.500', 'KWD', false, 1500],
    ['$4.50', 'CAD', false, 450],
    ['¥800', 'CNY', false, 80000],
    ['1 234,50', 'EUR', true, 123450],
    ['3,50 €', 'EUR', true, 350],
    ['-1.234,50\u00a0€', 'EUR', true, -123450],
    ['€ 1\u00a0234\u00a0567,00', 'EUR', true, 123456700],
    ['1\u202f234.50', 'USD', false, 123450],
  ])('reads %s in %s (decimal comma %s) as %i minor units', (cell, currency, comma, minor) => {
    expect(parseExportAmount(cell, currency, comma)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ['12,5x', 'USD', false, 'is not an amount'],
    ['12,50', 'USD', false, 'is not an amount'],
    ['abc', 'USD', false, 'is not an amount'],
    ['$', 'USD', false, 'is not an amount'],
    ['1.2.3', 'USD', false, 'is not an amount'],
    ['', 'USD', false, 'is empty'],
    ['1.234', 'USD', false, 'has more than 2 decimals, the most USD has'],
    ['800.5', 'JPY', false, 'has decimals, and amounts in JPY have none'],
    ['1,234', 'EUR', true, 'has more than 2 decimals, the most EUR has'],
    ['1,2,3', 'EUR', true, 'is not an amount'],
    ['1.500', 'EUR', true, AMBIGUOUS],
    ['1.500', 'JPY', true, AMBIGUOUS],
    ['1.500', 'KWD', true, AMBIGUOUS],
    ['€8.00', 'USD', false, 'is in EUR, but its row is in USD'],
    ['-£1.00', 'EUR', false, 'is in GBP, but its row is in EUR'],
    ['3,50 €', 'GBP', true, 'is in EUR, but its row is in GBP'],
    ['3,50 €€', 'EUR', true, 'is not an amount'],
  ])('refuses %s in %s (decimal comma %s): %s', (cell, currency, comma, why) => {
    expect(parseExportAmount(cell, currency, comma)).toEqual({ ok: false, why });
  });

  it('names the currency of a symbol, "$" as USD', () => {
    expect(currencyOfSymbol('$8.00')).toBe('USD');
    expect(currencyOfSymbol('-€1,00')).toBe('EUR');
    expect(currencyOfSymbol('£3')).toBe('GBP');
    expect(currencyOfSymbol('3,50 €')).toBe('EUR');
    expect(currencyOfSymbol('8.00')).toBeUndefined();
  });
});

describe('parseQuantity', () => {
  it.each([
    ['1', false, 1],
    ['1.0', false, 1],
    ['0.5', false, 0.5],
    ['1,000', false, 1000],
    ['1,5', true, 1.5],
    [' 3 ', false, 3],
    ['1.500', false, 1.5],
    ['1.5', true, 1.5],
    ['1.000,5', true, 1000.5],
    ['1 000', false, 1000],
  ])('reads %s (decimal comma %s) as %d', (cell, comma, value) => {
    expect(parseQuantity(cell, comma)).toEqual({ ok: true, value });
  });

  it.each([
    ['two', 'is not a number'],
    ['1,5', 'is not a number'],
    ['-1', 'is negative: refunds and voids are not matched'],
    ['0', 'is zero'],
    ['0.0', 'is zero'],
    ['', 'is empty'],
    ['2 pcs', 'is not a number'],
    ['1 00', 'is not a number'],
  ])('refuses %s: %s', (cell, why) => {
    expect(parseQuantity(cell, false)).toEqual({ ok: false, why });
  });

  it.each(['1.500', '1.000', ' 2.000 '])('refuses %s in a decimal-comma file: 1500 or 1.5', (cell) => {
    expect(parseQuantity(cell, true)).toEqual({ ok: false, why: AMBIGUOUS });
  });
});

describe('parseExportDate', () => {
  it.each([
    ['2024-03-05', 'ymd', '2024-03-05'],
    ['2024-03-05 14:22:10 -0500', 'ymd', '2024-03-05'],
    ['2024-03-05T23:59:00Z', 'ymd', '2024-03-05'],
    ['2024/3/5', 'ymd', '2024-03-05'],
    ['05/03/2024', 'dmy', '2024-03-05'],
    ['5.3.2024', 'dmy', '2024-03-05'],
    ['03/05/2024', 'mdy', '2024-03-05'],
    ['03/05/2024 2:22 PM', 'mdy', '2024-03-05'],
    ['29/02/2024', 'dmy', '2024-02-29'],
  ] as const)('reads %s (%s) as %s', (cell, order, date) => {
    expect(parseExportDate(cell, order)).toEqual({ ok: true, value: date });
  });

  it.each([
    ['2024-02-30', 'ymd', 'is not a real date'],
    ['2023-02-29', 'ymd', 'is not a real date'],
    ['31/31/2024', 'dmy', 'is not a real date'],
    ['31/31/2024', 'mdy', 'is not a real date'],
    ['31/12/2024', 'mdy', "is not written month/day/year like the file's other dates"],
    ['12/31/2024', 'dmy', "is not written day/month/year like the file's other dates"],
    ['2024-03-05', 'dmy', "is not written day/month/year like the file's other dates"],
    ['05/03/2024', 'ymd', "is not written year-month-day like the file's other dates"],
    ['soon', 'ymd', 'is not a date'],
    ['5/3/24', 'dmy', 'is not a date'],
    ['', 'ymd', 'is empty'],
  ] as const)('refuses %s (%s): %s', (cell, order, why) => {
    expect(parseExportDate(cell, order)).toEqual({ ok: false, why });
  });
});

describe('guessDateOrder', () => {
  it('takes ISO dates as year-month-day', () => {
    expect(guessDateOrder(['2024-03-05', '2024-03-06'], 'mdy')).toBe('ymd');
  });

  it('settles day/month by a day above 12, whichever side it is on', () => {
    expect(guessDateOrder(['05/03/2024', '14/03/2024'], 'mdy')).toBe('dmy');
    expect(guessDateOrder(['03/05/2024', '03/14/2024'], 'dmy')).toBe('mdy');
  });

  it('falls back when every day so far is 12 or less', () => {
    expect(guessDateOrder(['05/03/2024', '01/02/2024', ''], 'dmy')).toBe('dmy');
    expect(guessDateOrder([], 'mdy')).toBe('mdy');
  });
});
