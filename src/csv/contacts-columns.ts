import type { ExternalId } from '../domain/contact';
import { t, type MessageKey } from '../domain/i18n';
import { headerKey, type ColumnSynonyms } from './rows';

/**
 * The contacts file: `Export contacts` writes it and `Import contacts` reads it back, so the
 * export is the import template. Columns, in this order:
 *
 * | column          | holds                                                                 |
 * | --------------- | --------------------------------------------------------------------- |
 * | Tally ID        | the contact's id in Tally; empty on a row for a new contact           |
 * | Name            | required                                                              |
 * | Company         |                                                                       |
 * | Email           |                                                                       |
 * | Phone           | as written ("+1 555 0100", "0042 …"); never turned into a number      |
 * | Role            | customer, supplier or both                                            |
 * | Address line 1  |                                                                       |
 * | Address line 2  |                                                                       |
 * | City            |                                                                       |
 * | Region          | state, province, county                                               |
 * | Postal code     |                                                                       |
 * | Country         |                                                                       |
 * | Back-office IDs | `backOffice@origin:id` (or `backOffice:id`), several joined by "; "   |
 * | Tags            | joined by ", "                                                        |
 * | Notes           |                                                                       |
 *
 * In Back-office IDs and Tags, a character that would split the value is written as its
 * percent code: `;` as %3B and `:` as %3A in an id, `,` as %2C in a tag (and `%` itself as %25
 * where it would otherwise read as one of these codes), so "C;42" comes back as "C;42".
 */
export const TALLY_CONTACT_HEADER = [
  'Tally ID',
  'Name',
  'Company',
  'Email',
  'Phone',
  'Role',
  'Address line 1',
  'Address line 2',
  'City',
  'Region',
  'Postal code',
  'Country',
  'Back-office IDs',
  'Tags',
  'Notes',
] as const;

/**
 * What a column of a contacts file can fill. First and last name join into the name; the other
 * phone is taken when Phone is empty (Shopify fills its "Phone" only for SMS, and keeps most
 * numbers in "Default Address Phone").
 */
export type ContactColumnField =
  | 'tallyId'
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'company'
  | 'email'
  | 'phone'
  | 'otherPhone'
  | 'role'
  | 'line1'
  | 'line2'
  | 'city'
  | 'region'
  | 'postalCode'
  | 'country'
  | 'backOfficeIds'
  | 'customerId'
  | 'tags'
  | 'notes';

/**
 * Header names each field goes by, best match first: Tally's own template, both layouts of
 * Shopify's customers export (before 2023: "Address1", "Province Code"; since: "Default Address
 * Address1", "Default Address Phone"), and what people call the columns in their own sheets.
 * Case, spaces and punctuation do not count ("E-mail" is "Email").
 */
export const CONTACT_COLUMNS: ColumnSynonyms<ContactColumnField> = {
  tallyId: ['Tally ID'],
  name: ['Name', 'Full name', 'Contact name', 'Customer name', 'Display name', 'Contact'],
  firstName: ['First name', 'Given name', 'Forename', 'First'],
  lastName: ['Last name', 'Surname', 'Family name', 'Last'],
  company: [
    'Company',
    'Default Address Company',
    'Company name',
    'Organisation',
    'Organization',
    'Business',
    'Business name',
  ],
  email: ['Email', 'Email address', 'Mail', 'Email 1'],
  phone: [
    'Phone',
    'Phone number',
    'Telephone',
    'Tel',
    'Mobile',
    'Mobile phone',
    'Mobile number',
    'Cell',
    'Cell phone',
  ],
  otherPhone: ['Default Address Phone', 'Other phone', 'Phone 2', 'Home phone', 'Work phone'],
  role: ['Role', 'Contact type', 'Customer or supplier'],
  line1: ['Address line 1', 'Address1', 'Default Address Address1', 'Address', 'Street', 'Street address'],
  line2: ['Address line 2', 'Address2', 'Default Address Address2'],
  city: ['City', 'Default Address City', 'Town', 'Town/City'],
  region: [
    'Region',
    'Province',
    'State',
    'County',
    'State/Province',
    'Default Address Province',
    'Province Code',
    'Default Address Province Code',
    'State code',
  ],
  postalCode: ['Postal code', 'Zip', 'Postcode', 'Post code', 'ZIP code', 'Default Address Zip'],
  country: [
    'Country',
    'Country/Region',
    'Default Address Country',
    'Country Code',
    'Default Address Country Code',
  ],
  backOfficeIds: ['Back-office IDs'],
  customerId: [
    'Customer ID',
    'Customer number',
    'Customer no',
    'Customer #',
    'Client ID',
    'Account number',
    'ID',
  ],
  tags: ['Tags', 'Labels'],
  notes: ['Notes', 'Note', 'Comments', 'Comment', 'Remarks'],
};

const CONTACT_COLUMN_LABEL_KEYS: Readonly<Record<ContactColumnField, MessageKey>> = {
  tallyId: 'csv_contact_field_tally_id',
  name: 'csv_contact_field_name',
  firstName: 'csv_contact_field_first_name',
  lastName: 'csv_contact_field_last_name',
  company: 'csv_contact_field_company',
  email: 'csv_contact_field_email',
  phone: 'csv_contact_field_phone',
  otherPhone: 'csv_contact_field_other_phone',
  role: 'csv_contact_field_role',
  line1: 'csv_contact_field_line1',
  line2: 'csv_contact_field_line2',
  city: 'csv_contact_field_city',
  region: 'csv_contact_field_region',
  postalCode: 'csv_contact_field_postal_code',
  country: 'csv_contact_field_country',
  backOfficeIds: 'csv_contact_field_back_office_ids',
  customerId: 'csv_contact_field_customer_id',
  tags: 'csv_contact_field_tags',
  notes: 'csv_contact_field_notes',
};

/** How a field is named to the user, in the mapping editor and in messages ("First name"). */
export function contactColumnLabel(field: ContactColumnField): string {
  return t(CONTACT_COLUMN_LABEL_KEYS[field]);
}

export const CONTACT_COLUMN_FIELDS = Object.keys(CONTACT_COLUMNS) as ContactColumnField[];

/**
 * Where a file comes from, which decides how its cells are read: Tally's own export (lists
 * escaped as above), a Shopify customers export (values behind a guarding `'`, customer ids
 * that are Shopify's), or any other sheet.
 */
export type ContactsLayout = 'tally' | 'shopify' | 'other';

/** Columns only Shopify's customers export has (either layout); two of them make it Shopify's. */
const SHOPIFY_SIGNS = [
  'Accepts Marketing',
  'Accepts Email Marketing',
  'Accepts SMS Marketing',
  'Total Spent',
  'Total Orders',
  'Tax Exempt',
  'Default Address Address1',
  'Default Address Phone',
  'Default Address Zip',
  'Province Code',
  'Country Code',
].map(headerKey);

export function detectContactsLayout(header: readonly string[]): ContactsLayout {
  const keys = new Set(header.map(headerKey));
  if (keys.has(headerKey('Tally ID'))) return 'tally';
  return SHOPIFY_SIGNS.filter((sign) => keys.has(sign)).length >= 2 ? 'shopify' : 'other';
}

/** The back office a customer id column names, for the ExternalId an import gives it. */
export function customerIdBackOffice(layout: ContactsLayout): string {
  return layout === 'shopify' ? 'shopify' : 'import';
}

// Percent codes for the characters that split list values; `%` only where it would read as one.
const CODES: Readonly<Record<string, string>> = {
  '%': '%25',
  ';': '%3B',
  ',': '%2C',
  ':': '%3A',
  '@': '%40',
};
const CODED = /%(25|3b|2c|3a|40)/gi;

function escapeChars(value: string, specials: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i] ?? '';
    const isCode = char === '%' && /^(25|3b|2c|3a|40)$/i.test(value.slice(i + 1, i + 3));
    out += isCode || specials.includes(char) ? (CODES[char] ?? char) : char;
  }
  return out;
}

function unescapeChars(value: string): string {
  return value.replace(CODED, (code) => decodeURIComponent(code));
}

/** "northwind@https://crm.example:C-00042": reads back exactly with parseExternalIds. */
function formatExternalId(id: ExternalId): string {
  const backOffice = escapeChars(id.backOffice, ';:@');
  const origin = id.origin === undefined ? '' : `@${escapeChars(id.origin, ';')}`;
  return `${backOffice}${origin}:${escapeChars(id.id, ';:')}`;
}

export function formatExternalIds(ids: readonly ExternalId[]): string {
  return ids.map(formatExternalId).join('; ');
}

export type ParsedExternalIds = { ok: true; ids: ExternalId[] } | { ok: false; bad: string };

/**
 * The ids of a Back-office IDs cell. The back office ends at the first `@` or `:`; after an `@`,
 * the origin (which has colons of its own: "https://host:8080") ends at the last `:`, since the
 * id's own colons are escaped.
 */
export function parseExternalIds(cell: string): ParsedExternalIds {
  const ids: ExternalId[] = [];
  for (const part of cell.split(';')) {
    const text = part.trim();
    if (text === '') continue;
    const split = /[@:]/.exec(text);
    if (!split || split.index === 0) return { ok: false, bad: text };
    const backOffice = unescapeChars(text.slice(0, split.index));
    const rest = text.slice(split.index + 1);
    let origin: string | undefined;
    let id = rest;
    if (split[0] === '@') {
      const colon = rest.lastIndexOf(':');
      if (colon <= 0) return { ok: false, bad: text };
      origin = unescapeChars(rest.slice(0, colon));
      id = rest.slice(colon + 1);
    }
    id = unescapeChars(id).trim();
    if (id === '') return { ok: false, bad: text };
    ids.push(origin === undefined ? { backOffice, id } : { backOffice, origin, id });
  }
  return { ok: true, ids };
}

export function formatTags(tags: readonly string[] | undefined): string {
  return (tags ?? []).map((tag) => escapeChars(tag, ',')).join(', ');
}

/** Tags of a cell; `escaped` for Tally's own files, where a `,` inside a tag is %2C. */
export function parseTags(cell: string, escaped: boolean): string[] {
  return cell
    .split(',')
    .map((tag) => (escaped ? unescapeChars(tag) : tag).trim())
    .filter((tag) => tag !== '');
}
