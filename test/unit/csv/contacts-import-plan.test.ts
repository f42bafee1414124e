import { describe, expect, it } from 'vitest';
import { contactsCsv } from '../../../src/csv/contacts-export';
import { readContactRows, readContactsFile } from '../../../src/csv/contacts-import';
import type { Contact } from '../../../src/domain/contact';
import { applyContactFields, type ContactFields } from '../../../src/domain/contact-edit';
import { planContactImport, planCounts, type ContactRow } from '../../../src/domain/contact-import-plan';
import { generateContactsCsv } from '../../fixtures/contacts/generate';

const THEN = '2026-01-05T10:00:00.000Z';
const NOW = '2026-03-01T09:00:00.000Z';
let ids = 0;
const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
const context = { now: NOW, defaultCountry: 'US' as const, newId };

function stored(fields: Partial<ContactFields> & { name: string }, extra: Partial<Contact> = {}): Contact {
  const contact = applyContactFields(
    undefined,
    { role: 'customer', externalIds: [], ...fields },
    { newId: newId(), now: THEN, defaultCountry: 'US' },
  );
  return { ...contact, ...extra };
}

/** Rows read from CSV text, as the import reads them. */
function rowsOf(text: string) {
  const file = readContactsFile(new TextEncoder().encode(text));
  if (!file.ok) throw new Error(file.error);
  return readContactRows(file);
}

function plan(contacts: readonly Contact[], text: string) {
  const { rows, rejected } = rowsOf(text);
  return planContactImport(contacts, rows, context, rejected);
}

const row = (line: number, fields: Partial<ContactRow> & { name: string }): ContactRow => ({
  line,
  address: {},
  externalIds: [],
  ...fields,
});

describe("Tally's own file: the Tally ID decides, the file is the truth", () => {
  const ada = stored({
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+44 20 7946 0958',
    company: 'Analytical Engines',
    tags: ['vip'],
    notes: 'Prefers email',
    address: { city: 'London', postalCode: 'SW1Y 4JH' },
    externalIds: [{ backOffice: 'northwind', origin: 'https://crm.example', id: 'C-00042' }],
  });

  it('clears a field whose cell is empty, keeps one without a column, and never removes a back-office id', () => {
    const result = plan(
      [ada],
      [
        'Tally ID,Name,Email,Phone,Postal code,Tags,Back-office IDs',
        `${ada.id},Ada King,ada@example.com,,SW1Y 4JH,,shopify:7`,
      ].join('\n'),
    );
    expect(planCounts(result)).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    const update = result.updated[0];
    expect(update?.contact).toMatchObject({
      id: ada.id,
      name: 'Ada King',
      company: 'Analytical Engines',
      notes: 'Prefers email',
      address: { city: 'London', postalCode: 'SW1Y 4JH' },
      externalIds: [
        { backOffice: 'northwind', origin: 'https://crm.example', id: 'C-00042' },
        { backOffice: 'shopify', id: '7' },
      ],
    });
    expect(update?.contact.phone).toBeUndefined();
    expect(update?.contact.tags).toBeUndefined();
    expect(update?.changes).toEqual([
      { field: 'name', before: 'Ada Lovelace', after: 'Ada King' },
      { field: 'phone', before: '+44 20 7946 0958' },
      { field: 'tags', before: 'vip' },
      { field: 'externalId', after: '7' },
    ]);
  });

  it('says why a Tally ID cannot be used: unknown, deleted, merged away', () => {
    const gone = stored({ name: 'Gone Person' }, { deletedAt: THEN });
    const merged = stored({ name: 'Merged Person' }, { deletedAt: THEN, mergedInto: ada.id });
    const unknown = '11111111-2222-4333-8444-555555555555';
    const result = plan(
      [ada, gone, merged],
      ['Tally ID,Name', `${unknown},Nobody`, `${gone.id},Gone Person`, `${merged.id},Merged Person`].join(
        '\n',
      ),
    );
    expect(result.rejected).toEqual([
      {
        line: 2,
        reason: `Tally ID ${unknown} is not a contact in this Tally (the file may come from another browser or profile); clear the cell to add the row as a new contact`,
      },
      {
        line: 3,
        reason: `Tally ID ${gone.id} is Gone Person, who was deleted; clear the cell to add the row as a new contact`,
      },
      {
        line: 4,
        reason: `Tally ID ${merged.id} was Merged Person, since merged into Ada Lovelace; export the contacts again for the current IDs`,
      },
    ]);
  });

  it('keeps the role when the cell is empty, and gives a new contact the customer role', () => {
    const supplier = stored({ name: 'Sam Supplier', role: 'supplier' });
    const result = plan(
      [supplier],
      ['Tally ID,Name,Role', `${supplier.id},Sam Supplier,`, ',New Person,'].join('\n'),
    );
    expect(result.unchanged.map((entry) => entry.contact.role)).toEqual(['supplier']);
    expect(result.created.map((entry) => entry.contact.role)).toEqual(['customer']);
  });
});

describe('matching a row without a Tally ID', () => {
  it('goes by back-office id, then email, then phone, then name, in that order', () => {
    const byId = stored({ name: 'Id Holder', externalIds: [{ backOffice: 'shopify', id: '1' }] });
    const byEmail = stored({ name: 'Email Holder', email: 'shared@example.com' });
    const byPhone = stored({ name: 'Phone Holder', phone: '(415) 555-0134' });
    const byName = stored({ name: 'Name Holder' });
    const rows = [
      row(2, {
        name: 'Someone',
        email: 'shared@example.com',
        externalIds: [{ backOffice: 'shopify', id: '1' }],
      }),
      row(3, { name: 'Someone Else', email: 'SHARED@example.com', phone: '+1 415 555 0134' }),
      row(4, { name: 'Third', phone: '+1 415 555 0134' }),
      row(5, { name: 'name holder' }),
    ];
    const result = planContactImport([byId, byEmail, byPhone, byName], rows, context);
    expect(result.updated.map((entry) => [entry.line, entry.before.name])).toEqual([
      [2, 'Id Holder'],
      [3, 'Email Holder'],
      [4, 'Phone Holder'],
      [5, 'Name Holder'],
    ]);
  });

  it('matches by name only when email and phone do not say it is someone else', () => {
    const john = stored({ name: 'John Smith', email: 'john@one.example', phone: '+1 415 555 0100' });
    const result = planContactImport(
      [john],
      [
        row(2, { name: 'John Smith', email: 'john@two.example' }),
        row(3, { name: 'JOHN  SMITH', email: 'john@three.example', phone: '+1 212 555 0199' }),
        row(4, { name: 'john smith', company: 'Smith & Co' }),
      ],
      context,
    );
    expect(result.created.map((entry) => entry.line)).toEqual([2, 3]);
    expect(result.updated.map((entry) => [entry.line, entry.contact.id])).toEqual([[4, john.id]]);
  });

  it('does not take a contact that has another id in the same back office', () => {
    const other = stored({
      name: 'Ada',
      email: 'ada@example.com',
      externalIds: [{ backOffice: 'shopify', id: '9' }],
    });
    const result = planContactImport(
      [other],
      [row(2, { name: 'Ada', email: 'ada@example.com', externalIds: [{ backOffice: 'shopify', id: '10' }] })],
      context,
    );
    expect(planCounts(result)).toMatchObject({ created: 1, updated: 0 });
  });

  it('keeps what the row leaves empty, how email and phone are written, and adds tags', () => {
    const grace = stored({
      name: 'Grace Hopper',
      email: 'Grace@Example.com',
      phone: '(617) 555-0134',
      company: 'Navy',
      tags: ['captured'],
    });
    const result = plan(
      [grace],
      [
        'First Name,Last Name,Email,Company,Phone,Tags,Total Spent,Accepts Marketing',
        'Grace,Hopper,grace@example.com,,+1 617 555 0134,"vip, captured",0.00,no',
      ].join('\n'),
    );
    expect(result.updated).toHaveLength(1);
    expect(result.updated[0]?.contact).toMatchObject({
      email: 'Grace@Example.com',
      phone: '(617) 555-0134',
      company: 'Navy',
      tags: ['captured', 'vip'],
    });
    expect(result.updated[0]?.changes).toEqual([
      { field: 'tags', before: 'captured', after: 'captured, vip' },
    ]);
  });

  it('rejects a later row that lands on a contact an earlier row took, new or stored', () => {
    const ada = stored({ name: 'Ada Lovelace', email: 'ada@example.com' });
    const result = planContactImport(
      [ada],
      [
        row(2, { name: 'Ada Lovelace', email: 'ada@example.com', company: 'AE' }),
        row(4, { name: 'Bob Stone', email: 'bob@example.com' }),
        row(7, { name: 'Ada L.', email: 'ADA@example.com' }),
        row(9, { name: 'Robert Stone', email: 'bob@example.com' }),
      ],
      context,
    );
    expect(result.rejected).toEqual([
      { line: 7, reason: 'the same contact as line 2 (Ada Lovelace); only line 2 is imported' },
      { line: 9, reason: 'the same contact as line 4 (Bob Stone); only line 4 is imported' },
    ]);
    expect(planCounts(result)).toEqual({ created: 1, updated: 1, unchanged: 0, rejected: 2 });
  });

  it('rejects a row whose fields cannot be saved once merged with the contact', () => {
    const tagged = stored({ name: 'Tagged', tags: Array.from({ length: 50 }, (_, i) => `t${i}`) });
    const result = planContactImport([tagged], [row(3, { name: 'Tagged', tags: ['one more'] })], context);
    expect(result.rejected).toEqual([{ line: 3, reason: 'cannot be saved: At most 50 tags.' }]);
  });

  it('lists every field a new contact starts with', () => {
    const result = planContactImport(
      [],
      [row(2, { name: 'New', email: 'new@example.com', role: 'supplier', address: { city: 'Paris' } })],
      context,
    );
    expect(result.created[0]?.changes).toEqual([
      { field: 'name', after: 'New' },
      { field: 'email', after: 'new@example.com' },
      { field: 'role', before: 'customer', after: 'supplier' },
      { field: 'address', after: 'Paris' },
    ]);
  });
});

describe('round trip and size', () => {
  it('an export imported back changes nothing, "+" and leading zeros included', async () => {
    const contacts = [
      stored({
        name: '=Formula Person',
        phone: '+1 555 0100',
        address: { postalCode: '0042', line1: '-1 Minus Street' },
        tags: ['a, b', '@home'],
        notes: 'line one\nline two; with "quotes"',
        externalIds: [{ backOffice: 'taught', origin: 'https://crm.example:8443', id: 'A;B:C' }],
      }),
      stored({ name: 'Plain', email: 'plain@example.com', role: 'both', company: '0042 Ltd' }),
    ];
    const { text } = await contactsCsv(contacts);
    const result = plan(contacts, text.slice(1));
    expect(planCounts(result)).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
  });

  it('plans 10,000 rows against 50,000 contacts, indexing them once', () => {
    const contacts = Array.from({ length: 50_000 }, (_, i): Contact => {
      const id = `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      return {
        id,
        createdAt: THEN,
        updatedAt: THEN,
        name: `Stored ${i}`,
        role: 'customer',
        externalIds: [{ backOffice: 'import', id: `C-${String(i).padStart(6, '0')}` }],
        externalKeys: [`import:C-${String(i).padStart(6, '0')}`],
        nameKey: `stored ${i}`,
      };
    });
    const { rows } = rowsOf(generateContactsCsv(10_000));
    const result = planContactImport(contacts, rows, context);
    // The generated rows carry ids C-000001…C-010000: the stored contacts with those ids.
    expect(planCounts(result)).toEqual({ created: 0, updated: 10_000, unchanged: 0, rejected: 0 });
  });
});
