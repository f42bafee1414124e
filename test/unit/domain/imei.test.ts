import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSerial, luhnValid, serialKey } from '../../../src/domain/imei';

describe('IMEI check digits', () => {
  it('accepts real IMEIs, however they are printed', () => {
    expect(checkSerial('490154203237518')).toEqual({ kind: 'imei', valid: true });
    expect(checkSerial('35-209900-176148-1')).toEqual({ kind: 'imei', valid: true });
    expect(checkSerial('35 209900 176148 1')).toEqual({ kind: 'imei', valid: true });
  });

  it('warns when the check digit is wrong or a digit is missing', () => {
    const wrong = checkSerial('490154203237519');
    expect(wrong).toMatchObject({ kind: 'imei', valid: false });
    expect(wrong.kind === 'imei' && !wrong.valid && wrong.warning).toMatch(/check digit is wrong/);
    expect(checkSerial('49015420323751')).toMatchObject({ kind: 'imei', valid: false });
  });

  it('leaves other serial numbers alone', () => {
    expect(checkSerial('C02XK1ZJJGH5')).toEqual({ kind: 'other' });
    expect(checkSerial('12345')).toEqual({ kind: 'other' });
    expect(checkSerial('')).toEqual({ kind: 'other' });
  });

  it('catches every single mistyped digit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 }),
        fc.nat(14),
        fc.integer({ min: 1, max: 9 }),
        (body, at, delta) => {
          const check = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((digit) => luhnValid(body.join('') + digit))!;
          const digits = [...body, check];
          expect(luhnValid(digits.join(''))).toBe(true);
          digits[at] = (digits[at]! + delta) % 10;
          expect(luhnValid(digits.join(''))).toBe(false);
        },
      ),
    );
  });

  it('compares serials without case or separators', () => {
    expect(serialKey('35-209900-176148-1')).toBe(serialKey('352099001761481'));
    expect(serialKey('c02xk1zj jgh5')).toBe('C02XK1ZJJGH5');
  });
});
