import type { Contact } from '../domain/contact';
import type { CalendarDate } from '../domain/dates';
import { nameSortKey } from '../domain/search-text';
import { formatExternalIds, formatTags, TALLY_CONTACT_HEADER } from './contacts-columns';
import { CSV_BOM, csvLine } from './write';

/** One contact as a row of Tally's contacts file (see contacts-columns.ts for the layout). */
function contactCells(contact: Contact): string[] {
  const address = contact.address ?? {};
  return [
    contact.id,
    contact.name,
    contact.company ?? '',
    contact.email ?? '',
    contact.phone ?? '',
    contact.role,
    address.line1 ?? '',
    address.line2 ?? '',
    address.city ?? '',
    address.region ?? '',
    address.postalCode ?? '',
    address.country ?? '',
    formatExternalIds(contact.externalIds),
    formatTags(contact.tags),
    contact.notes ?? '',
  ];
}

export function contactsFileName(today: CalendarDate): string {
  return `tally-contacts-${today}.csv`;
}

export interface ContactsCsvOptions {
  /** Rows written between two pauses. */
  chunkSize?: number;
  /** Gives the page back between chunks; a macrotask unless given. */
  pause?: () => Promise<void>;
}

/**
 * Every current contact (not deleted, not merged away), sorted by name, as an Excel-safe CSV
 * (write.ts: BOM, CRLF, formula-looking cells guarded). Written a chunk at a time, pausing
 * between chunks, so that 50,000 contacts do not freeze the page.
 */
export async function contactsCsv(
  contacts: readonly Contact[],
  options: ContactsCsvOptions = {},
): Promise<{ text: string; count: number }> {
  const chunkSize = options.chunkSize ?? 2000;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const current = contacts
    .filter((contact) => contact.deletedAt === undefined)
    .map((contact) => ({ contact, order: `${nameSortKey(contact.name)}\u0000${contact.id}` }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map((entry) => entry.contact);
  const parts = [CSV_BOM + csvLine(TALLY_CONTACT_HEADER)];
  for (let start = 0; start < current.length; start += chunkSize) {
    if (start > 0) await pause();
    let chunk = '';
    for (const contact of current.slice(start, start + chunkSize)) chunk += csvLine(contactCells(contact));
    parts.push(chunk);
  }
  return { text: parts.join(''), count: current.length };
}
