import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContactRows, readContactsFile, type ContactsFile } from '../../../src/csv/contacts-import';
import { generateContactsCsv } from '../../fixtures/contacts/generate';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/contacts/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);

function file(bytes: Uint8Array): ContactsFile {
  const result = readContactsFile(bytes);
  if (!result.ok) throw new Error(`unexpected file error: ${result.error}`);
  return result;
}

const read = (bytes: Uint8Array) => readContactRows(file(bytes));

describe('reading a contacts file', () => {
  it('reads cp1252 with semicolons: accents, curly quotes and leading zeros intact', () => {
    const contacts = file(fixture('cp1252-semicolon.csv'));
    expect(contacts.encoding).toBe('windows-1252');
    expect(contacts.table.delimiter).toBe(';');
    const { rows, rejected } = readContactRows(contacts);
    expect(rejected).toEqual([]);
    expect(rows.map((row) => [row.name, row.company, row.phone, row.address.postalCode])).toEqual([
      ['Zoë Müller', 'Café Crème SARL', '+33 1 42 68 53 00', '75008'],
      ['François Dupré', 'Bäckerei Größe', '0612345678', '01000'],
      ['Søren Ærø', '„Quotes“ & Co — Ltd', '', '2100'],
    ]);
  });

  it('strips a UTF-8 BOM so the first column is still Name', () => {
    const { rows, rejected } = read(fixture('bom.csv'));
    expect(rejected).toEqual([]);
    expect(rows.map((row) => [row.line, row.name, row.email])).toEqual([
      [2, 'Ada Lovelace', 'ada@example.com'],
      [3, 'Émile Zola', 'emile@example.fr'],
    ]);
  });

  it('skips empty lines and keeps the physical line numbers', () => {
    const { rows, rejected } = read(fixture('empty-lines.csv'));
    expect(rejected).toEqual([]);
    expect(rows.map((row) => [row.line, row.name])).toEqual([
      [3, 'First Person'],
      [7, 'Second Person'],
    ]);
  });

  it('rejects the row that opens a quote it never closes, with the lines it swallowed', () => {
    const { rows, rejected } = read(fixture('unbalanced-quotes.csv'));
    expect(rows.map((row) => row.name)).toEqual(['Good One']);
    expect(rejected).toEqual([
      { line: 3, reason: 'opens a quoted cell (") that is never closed, so lines 3 to 4 could not be read' },
    ]);
  });

  it("reads Shopify's current export: names joined, guarding apostrophes gone, its id kept", () => {
    const contacts = file(fixture('shopify-customers.csv'));
    expect(contacts.layout).toBe('shopify');
    const { rows, rejected } = readContactRows(contacts);
    expect(rejected).toEqual([{ line: 4, reason: 'First Name and Last Name are empty' }]);
    expect(rows[0]).toEqual({
      line: 2,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      company: 'Analytical Engines',
      // "Phone" is empty on this row: the address's phone stands in.
      phone: '+44 20 7946 0958',
      notes: 'Prefers email',
      tags: ['vip', 'wholesale'],
      address: {
        line1: "12 St James's Square",
        line2: '',
        city: 'London',
        region: 'ENG',
        postalCode: 'SW1Y 4JH',
        country: 'GB',
      },
      externalIds: [{ backOffice: 'shopify', id: '7312345678901' }],
    });
    expect(rows[1]).toMatchObject({ name: 'Grace Hopper', phone: '+1 617 555 0199', tags: [] });
    expect(rows[1]?.address.postalCode).toBe('02134');
  });

  it("reads Shopify's earlier layout, zeros kept", () => {
    const { rows, rejected } = read(fixture('shopify-customers-legacy.csv'));
    expect(rejected).toEqual([]);
    expect(rows.map((row) => [row.name, row.phone, row.address.postalCode, row.address.region])).toEqual([
      ['Alan Turing', '+44 1908 640404', 'MK3 6EB', 'England'],
      ['Katherine Johnson', '0042 555 0100', '02134', 'Virginia'],
    ]);
    expect(rows[0]?.externalIds).toEqual([]);
  });

  it('reads 10,000 generated rows', () => {
    const { rows, rejected } = read(utf8(generateContactsCsv(10_000)));
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(10_000);
    expect(rows[9_999]).toMatchObject({
      line: 10_001,
      name: expect.stringMatching(/ 10000$/),
      externalIds: [{ backOffice: 'import', id: 'C-010000' }],
    });
  });

  it('refuses a file without a name column, listing its header', () => {
    expect(readContactsFile(utf8('E-mail;Mobile;City\nada@example.com;0123;Paris\n'))).toEqual({
      ok: false,
      error:
        'The file has no column for Name (a column named "Name", "Full name", "Contact name", "Customer name", "Display name", "Contact"). Its header row has: "E-mail", "Mobile", "City". First name and Last name columns do too.',
    });
    expect(readContactsFile(utf8(''))).toEqual({ ok: false, error: 'The file is empty.' });
  });
});

describe('rejected rows', () => {
  const rejections = (lines: readonly string[]) =>
    read(utf8(`${lines.join('\n')}\n`)).rejected.map((row) => `Line ${row.line}: ${row.reason}`);

  it('says which value is wrong and why', () => {
    expect(
      rejections([
        'Name,E-mail,Role,Company,Tags',
        'Bob,bob@,customer,,',
        ',nobody@example.com,,,',
        'Vera,vera@example.com,vendor,,',
        `Long,long@example.com,,${'x'.repeat(201)},`,
        'Extra,extra@example.com,,,,surplus',
        `Tags,tags@example.com,,,${'t'.repeat(51)}`,
        'Fine,fine@example.com,Supplier,,',
      ]),
    ).toEqual([
      'Line 2: E-mail "bob@" is not an email address',
      'Line 3: Name is empty',
      'Line 4: Role "vendor" is not one of customer, supplier, both',
      'Line 5: Company: a company can be at most 200 characters',
      'Line 6: has 6 cells, the header has 5',
      'Line 7: Tags: a tag can be at most 50 characters',
    ]);
  });

  it('names the column a too-long value came from: the other phone, an address line, notes', () => {
    expect(
      rejections([
        'Name,Mobile,Default Address Phone,Town,Comments',
        `Ana,,${'9'.repeat(51)},,`,
        `Ben,${'8'.repeat(51)},+1 415 555 0100,,`,
        `Cal,,,${'x'.repeat(201)},`,
        `Dee,,,,${'n'.repeat(5001)}`,
      ]),
    ).toEqual([
      'Line 2: Default Address Phone: a phone number can be at most 50 characters',
      'Line 3: Mobile: a phone number can be at most 50 characters',
      'Line 4: Town: each address line can be at most 200 characters',
      'Line 5: Comments: notes can be at most 5,000 characters',
    ]);
  });

  it("refuses an id Tally did not write and a back-office id with no back office, in Tally's template", () => {
    expect(
      rejections(['Tally ID,Name,Back-office IDs', 'C-42,Bob,', ',Vera,42', ',Fine,shopify:42']),
    ).toEqual([
      'Line 2: Tally ID "C-42" is not an ID Tally wrote; clear the cell to add the row as a new contact',
      'Line 3: Back-office IDs "42" is not a back-office ID such as "shopify:1042" or "northwind@https://crm.example:C-00042"',
    ]);
  });

  it('tells an empty cell (the row clears it) from a missing column (the row says nothing)', () => {
    const { rows } = read(utf8('Tally ID,Name,Phone,Tags\n,Ada,,\n'));
    expect(rows[0]).toEqual({ line: 2, name: 'Ada', phone: '', tags: [], address: {}, externalIds: [] });
  });

  it("keeps a leading apostrophe in Tally's own file, where it is data", () => {
    const { rows } = read(utf8("Tally ID,Name,Phone\n,Ada,'0042\n"));
    expect(rows[0]?.phone).toBe("'0042");
  });
});
