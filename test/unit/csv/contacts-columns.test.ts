import { describe, expect, it } from 'vitest';
import {
  CONTACT_COLUMNS,
  detectContactsLayout,
  formatExternalIds,
  formatTags,
  parseExternalIds,
  parseTags,
  TALLY_CONTACT_HEADER,
} from '../../../src/csv/contacts-columns';
import { mapColumns } from '../../../src/csv/rows';
import type { ExternalId } from '../../../src/domain/contact';

const columnsOf = (header: readonly string[]) =>
  Object.fromEntries(
    Object.entries(mapColumns(header, CONTACT_COLUMNS).map).map(([field, column]) => [field, column?.name]),
  );

describe('contacts column mapping', () => {
  it("maps Tally's own template one to one", () => {
    expect(columnsOf(TALLY_CONTACT_HEADER)).toEqual({
      tallyId: 'Tally ID',
      name: 'Name',
      company: 'Company',
      email: 'Email',
      phone: 'Phone',
      role: 'Role',
      line1: 'Address line 1',
      line2: 'Address line 2',
      city: 'City',
      region: 'Region',
      postalCode: 'Postal code',
      country: 'Country',
      backOfficeIds: 'Back-office IDs',
      tags: 'Tags',
      notes: 'Notes',
    });
    expect(detectContactsLayout(TALLY_CONTACT_HEADER)).toBe('tally');
  });

  it("maps Shopify's customers export, the current layout", () => {
    const header =
      'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags'.split(
        ',',
      );
    expect(columnsOf(header)).toEqual({
      customerId: 'Customer ID',
      firstName: 'First Name',
      lastName: 'Last Name',
      email: 'Email',
      company: 'Default Address Company',
      line1: 'Default Address Address1',
      line2: 'Default Address Address2',
      city: 'Default Address City',
      region: 'Default Address Province Code',
      country: 'Default Address Country Code',
      postalCode: 'Default Address Zip',
      phone: 'Phone',
      otherPhone: 'Default Address Phone',
      notes: 'Note',
      tags: 'Tags',
    });
    expect(detectContactsLayout(header)).toBe('shopify');
  });

  it("maps Shopify's earlier layout, preferring the province's name to its code", () => {
    const header =
      'First Name,Last Name,Email,Company,Address1,Address2,City,Province,Province Code,Country,Country Code,Zip,Phone,Accepts Marketing,Total Spent,Total Orders,Tags,Note,Tax Exempt'.split(
        ',',
      );
    expect(columnsOf(header)).toMatchObject({
      company: 'Company',
      line1: 'Address1',
      line2: 'Address2',
      region: 'Province',
      country: 'Country',
      postalCode: 'Zip',
      phone: 'Phone',
    });
    expect(detectContactsLayout(header)).toBe('shopify');
  });

  it.each([
    ['E-mail', 'email'],
    ['Email address', 'email'],
    ['Mobile', 'phone'],
    ['Cell', 'phone'],
    ['Telephone', 'phone'],
    ['Customer number', 'customerId'],
    ['Customer ID', 'customerId'],
    ['Surname', 'lastName'],
    ['Given name', 'firstName'],
    ['Organisation', 'company'],
    ['Organization', 'company'],
    ['Postcode', 'postalCode'],
    ['ZIP', 'postalCode'],
    ['State', 'region'],
    ['Province', 'region'],
  ])('reads a column named "%s" as %s', (name, field) => {
    expect(columnsOf(['Name', name])).toEqual({ name: 'Name', [field]: name });
  });

  it('calls a sheet that is neither Tally nor Shopify "other"', () => {
    expect(detectContactsLayout(['Name', 'E-mail', 'Mobile', 'Customer number'])).toBe('other');
    // One Shopify-looking column is not enough.
    expect(detectContactsLayout(['Name', 'Total Spent'])).toBe('other');
  });
});

describe('back-office ids in a cell', () => {
  const ids: ExternalId[] = [
    { backOffice: 'northwind', origin: 'https://crm.example', id: 'C-00042' },
    { backOffice: 'pos', origin: 'http://127.0.0.1:5178', id: '42' },
    { backOffice: 'shopify', id: '7312345678901' },
    { backOffice: 'taught', origin: 'https://crm.example:8443', id: 'A;B:C@D %3B 50%' },
    { backOffice: 'import', id: '8080:C1' },
  ];

  it('writes each as backOffice@origin:id, joined by "; "', () => {
    expect(formatExternalIds(ids.slice(0, 3))).toBe(
      'northwind@https://crm.example:C-00042; pos@http://127.0.0.1:5178:42; shopify:7312345678901',
    );
  });

  it('reads back exactly what it wrote, ids with ; : @ and % included', () => {
    const cell = formatExternalIds(ids);
    expect(cell).toContain('taught@https://crm.example:8443:A%3BB%3AC@D %253B 50%');
    expect(parseExternalIds(cell)).toEqual({ ok: true, ids });
  });

  it('reads ids typed by hand, and refuses one without its back office', () => {
    expect(parseExternalIds(' shopify:1042 ;; import:A-1 ')).toEqual({
      ok: true,
      ids: [
        { backOffice: 'shopify', id: '1042' },
        { backOffice: 'import', id: 'A-1' },
      ],
    });
    expect(parseExternalIds('shopify:1042; 1043')).toEqual({ ok: false, bad: '1043' });
    expect(parseExternalIds('shopify:')).toEqual({ ok: false, bad: 'shopify:' });
    expect(parseExternalIds(':42')).toEqual({ ok: false, bad: ':42' });
  });
});

describe('tags in a cell', () => {
  it('joins with ", " and keeps a comma inside a tag', () => {
    const tags = ['vip', 'wholesale, north', '100%'];
    expect(formatTags(tags)).toBe('vip, wholesale%2C north, 100%');
    expect(parseTags(formatTags(tags), true)).toEqual(tags);
  });

  it('splits other files on commas as they are', () => {
    expect(parseTags(' vip,, wholesale %2C ', false)).toEqual(['vip', 'wholesale %2C']);
  });
});
