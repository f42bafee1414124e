import { t } from './i18n';

/**
 * IMEI check: a 15-digit IMEI ends in a Luhn check digit, so a mistyped digit is caught at the
 * counter. Spaces, dashes and slashes (as printed on boxes: "35-209900-176148-1") are ignored.
 */
export type SerialCheck =
  { kind: 'imei'; valid: true } | { kind: 'imei'; valid: false; warning: string } | { kind: 'other' };

/** Digits only, or null when the text has anything but digits and separators. */
function imeiDigits(serial: string): string | null {
  const compact = serial.replace(/[\s\-/.]/g, '');
  return /^\d+$/.test(compact) ? compact : null;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * A serial of 14 to 16 digits is read as an IMEI (14 without its check digit, 16 as an IMEISV,
 * which has no check digit and is accepted); anything else is some other serial number.
 */
export function checkSerial(serial: string): SerialCheck {
  const digits = imeiDigits(serial);
  if (digits === null || digits.length < 14 || digits.length > 16) return { kind: 'other' };
  if (digits.length === 14) {
    return {
      kind: 'imei',
      valid: false,
      warning: t('domain_imei_14_digits'),
    };
  }
  if (digits.length === 16 || luhnValid(digits)) return { kind: 'imei', valid: true };
  return {
    kind: 'imei',
    valid: false,
    warning: t('domain_imei_check_digit'),
  };
}

/**
 * The form serials are compared in (do-not-buy list, inventory search): upper case, separators
 * removed, so "35-209900-176148-1" and "352099001761481" are one device.
 */
export function serialKey(serial: string): string {
  return serial
    .normalize('NFKC')
    .replace(/[\s\-/.:]/g, '')
    .toUpperCase();
}
