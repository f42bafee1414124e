import type { CountryCode } from 'libphonenumber-js/min';
import type { BackOfficeCustomer } from '../domain/back-office-order';
import { emailKey, phoneKey } from '../domain/contact-keys';
import { searchWords } from '../domain/search-text';
import { FoldedKeys } from './folded-key';
import { compatibleNames, personName, personNameReadings, type PersonName } from './person-name';
import type { ContactInput } from './types';

/**
 * Which contact a back-office customer is: by the back-office id, then email, then phone, then
 * name — the order capture and import use. A key shared by several contacts decides nothing and
 * the next one is tried. A name is used only when exactly one contact has a compatible name and
 * the export's id, email and phone do not contradict that contact's own ("J. Smith" with
 * jo@example.com is not the Jane Smith whose email is jane@example.com).
 */
export interface CustomerMatch {
  contactId: string;
  by: 'id' | 'email' | 'phone' | 'name';
}

// Phone numbers are compared on their last digits before libphonenumber reads them: most
// customers of an export are not contacts, and parsing every one of their numbers would cost
// more than all the rest of the matching.
const PHONE_TAIL = 7;
const MIN_PHONE_DIGITS = 5;

interface NamedContact {
  contact: ContactInput;
  name: PersonName;
  ids: ReadonlySet<string>;
}

export function backOfficeIdKey(id: string): string {
  return id.trim().toLowerCase();
}

function phoneTail(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= MIN_PHONE_DIGITS ? digits.slice(-PHONE_TAIL) : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A resolver over `contacts`: they are indexed once, so resolving a customer is a few map
 * look-ups.
 */
export function createCustomerResolver(
  contacts: readonly ContactInput[],
  defaultCountry: string,
): (customer: BackOfficeCustomer) => CustomerMatch | undefined {
  const byId = new Map<string, ContactInput[]>();
  const byEmail = new Map<string, ContactInput[]>();
  const byPhone = new Map<string, ContactInput[]>();
  const phoneTails = new Set<string>();
  const idKeys = new FoldedKeys();
  const emailKeys = new FoldedKeys();
  const bySurname = new Map<string, NamedContact[]>();
  // Sorted so that which contact a look-up returns never depends on the order they came in.
  const sorted = [...contacts].sort((a, b) =>
    a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0,
  );
  for (const contact of sorted) {
    const ids = new Set(contact.backOfficeIds.map(backOfficeIdKey));
    for (const id of ids) {
      push(byId, id, contact);
      idKeys.add(id);
    }
    if (contact.emailKey) {
      push(byEmail, contact.emailKey, contact);
      emailKeys.add(contact.emailKey);
    }
    if (contact.phoneKey) {
      push(byPhone, contact.phoneKey, contact);
      const tail = phoneTail(contact.phoneKey);
      if (tail) phoneTails.add(tail);
    }
    const name = personName(contact.name);
    if (name) push(bySurname, name.surname, { contact, name, ids });
  }

  const phoneKeys = new Map<string, string | undefined>();
  const phoneKeyOf = (phone: string | undefined): string | undefined => {
    if (!phone) return undefined;
    const tail = phoneTail(phone);
    if (tail === undefined || !phoneTails.has(tail)) return undefined;
    if (!phoneKeys.has(phone)) phoneKeys.set(phone, phoneKey(phone, defaultCountry as CountryCode));
    return phoneKeys.get(phone);
  };

  const only = (list: ContactInput[] | undefined): ContactInput | undefined =>
    list?.length === 1 ? list[0] : undefined;

  const matchOf = (contact: ContactInput, by: CustomerMatch['by']): CustomerMatch => ({
    contactId: contact.contactId,
    by,
  });

  function resolve(customer: BackOfficeCustomer): CustomerMatch | undefined {
    const writtenId = customer.id;
    const id = writtenId === undefined || !idKeys.mayHave(writtenId) ? undefined : backOfficeIdKey(writtenId);
    const byIdMatch = id ? only(byId.get(id)) : undefined;
    if (byIdMatch) return matchOf(byIdMatch, 'id');
    const writtenEmail = customer.email;
    const email =
      writtenEmail === undefined || !emailKeys.mayHave(writtenEmail) ? undefined : emailKey(writtenEmail);
    const byEmailMatch = email === undefined ? undefined : only(byEmail.get(email));
    if (byEmailMatch) return matchOf(byEmailMatch, 'email');
    const phone = phoneKeyOf(customer.phone);
    const byPhoneMatch = phone === undefined ? undefined : only(byPhone.get(phone));
    if (byPhoneMatch) return matchOf(byPhoneMatch, 'phone');

    // Most customers of an export are not contacts: a name without a word any contact's surname
    // is, is nobody's, and is not worth reading closely.
    if (customer.name === undefined || !searchWords(customer.name).some((word) => bySurname.has(word))) {
      return undefined;
    }
    const readings = personNameReadings(customer.name);
    if (readings.length === 0) return undefined;
    // The written id and email, folded even when no contact has them: they rule contacts out.
    const idKey = writtenId === undefined ? '' : backOfficeIdKey(writtenId);
    const emailFolded = emailKey(writtenEmail);
    const tail = customer.phone === undefined ? undefined : phoneTail(customer.phone);
    const named = readings.flatMap((name) =>
      (bySurname.get(name.surname) ?? []).filter((contact) => compatibleNames(contact.name, name)),
    );
    const candidates = [...new Set(named)].filter(
      (candidate) =>
        // The export's own keys must not point away from this contact.
        (idKey === '' || candidate.ids.size === 0 || candidate.ids.has(idKey)) &&
        (emailFolded === undefined ||
          candidate.contact.emailKey === undefined ||
          candidate.contact.emailKey === emailFolded) &&
        (tail === undefined ||
          candidate.contact.phoneKey === undefined ||
          phoneTail(candidate.contact.phoneKey) === tail),
    );
    const unique = candidates.length === 1 ? candidates[0] : undefined;
    return unique ? matchOf(unique.contact, 'name') : undefined;
  }

  return resolve;
}
