import type { Contact } from '../../../domain/contact';
import { t } from '../../../domain/i18n';
import { formatInstantDate } from '../../../domain/locale-format';

/**
 * How to name each of two contacts so the user can tell them apart: their names, and where the
 * names are the same, the first thing that differs (company, email, phone, the day each was added).
 */
export function pairLabels(first: Contact, second: Contact): [string, string] {
  if (first.name !== second.name) return [first.name, second.name];
  const added = (contact: Contact) => t('contacts_pair_added', formatInstantDate(contact.createdAt));
  for (const detail of [
    (contact: Contact) => contact.company,
    (contact: Contact) => contact.email,
    (contact: Contact) => contact.phone,
    added,
  ]) {
    const [a, b] = [detail(first), detail(second)];
    if (a !== b) return [a ? `${first.name} (${a})` : first.name, b ? `${second.name} (${b})` : second.name];
  }
  return [`${first.name} (1)`, `${second.name} (2)`];
}
