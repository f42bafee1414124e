import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { Contact, ExternalId } from './contact';
import { searchWords } from './search-text';

/**
 * Keys that say two contacts are the same person. Capture and import look a contact up by
 * external id, then email, then normalised phone, then name — in that order — and update it.
 */
export function externalKey(id: ExternalId): string {
  return id.origin === undefined ? `${id.backOffice}:${id.id}` : `${id.backOffice}@${id.origin}:${id.id}`;
}

/** How an external id reads to a person (CSV exports): "northwind:C-00042", without the origin. */
export function externalLabel(id: ExternalId): string {
  return `${id.backOffice}:${id.id}`;
}

export function emailKey(email: string | undefined): string | undefined {
  const key = email?.trim().toLowerCase();
  return key ? key : undefined;
}

/**
 * E.164 when the number parses ("(415) 555-0134" in the US → "+14155550134"); otherwise its
 * digits, so that the same badly written number still matches itself.
 */
export function phoneKey(phone: string | undefined, defaultCountry: CountryCode): string | undefined {
  if (!phone) return undefined;
  const parsed = parsePhoneNumberFromString(phone, defaultCountry);
  if (parsed?.isPossible()) return parsed.number;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 5 ? digits : undefined;
}

export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/** The derived keys a contact is stored and found by. */
export function contactKeys(
  fields: { name: string; email?: string; phone?: string; externalIds: ExternalId[] },
  defaultCountry: CountryCode,
): Pick<Contact, 'externalKeys' | 'emailKey' | 'phoneKey' | 'nameKey' | 'searchWords'> {
  const email = emailKey(fields.email);
  const phone = phoneKey(fields.phone, defaultCountry);
  return {
    externalKeys: fields.externalIds.map(externalKey),
    ...(email === undefined ? {} : { emailKey: email }),
    ...(phone === undefined ? {} : { phoneKey: phone }),
    nameKey: nameKey(fields.name),
    searchWords: contactSearchWords(fields),
  };
}

/**
 * The words a contact is found by when someone types: those of its name and email, folded
 * ("Zoë Álvarez", "zoe@example.com" → zoe, alvarez, example, com), each once.
 */
export function contactSearchWords(fields: { name: string; email?: string }): string[] {
  return [...new Set(searchWords(`${fields.name} ${fields.email ?? ''}`))];
}
