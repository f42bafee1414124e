import { describe, expect, it } from 'vitest';
import { captureContact, contactChanges, mayBeSamePerson } from '../../../src/domain/capture';
import { phoneKey } from '../../../src/domain/contact-keys';
import { parseContactSnapshot } from '../../../src/domain/contact-snapshot';

const snapshot = parseContactSnapshot({
  backOffice: 'northwind',
  externalId: 'C-00042',
  name: '  Ada   Lovelace ',
  email: 'Ada@Example.com',
  phone: '(415) 555-0134',
  url: 'http://127.0.0.1:5178/rep/customers/C-00042',
});
const context = {
  newId: crypto.randomUUID(),
  now: '2026-11-22T10:00:00.000Z',
  defaultCountry: 'US' as const,
};

describe('capturing a contact', () => {
  it('creates a contact with its back-office id and match keys', () => {
    const contact = captureContact(undefined, snapshot, context);
    expect(contact).toMatchObject({
      id: context.newId,
      name: 'Ada Lovelace',
      externalIds: [{ backOffice: 'northwind', origin: 'http://127.0.0.1:5178', id: 'C-00042' }],
      externalKeys: ['northwind@http://127.0.0.1:5178:C-00042'],
      emailKey: 'ada@example.com',
      phoneKey: '+14155550134',
      nameKey: 'ada lovelace',
      role: 'customer',
    });
  });

  it('updates an existing contact in place and keeps what the page no longer shows', () => {
    const first = captureContact(undefined, snapshot, context);
    const later = { ...context, newId: crypto.randomUUID(), now: '2026-11-23T10:00:00.000Z' };
    const { phone: _dropped, ...withoutPhone } = snapshot;
    const second = captureContact(first, { ...withoutPhone, name: 'Ada King' }, later);
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt).toBe(later.now);
    expect(second.name).toBe('Ada King');
    expect(second.phone).toBe('(415) 555-0134');
    expect(second.externalIds).toHaveLength(1);
  });

  it('does not take a contact with another id in the same back office for the same person', () => {
    const other = captureContact(undefined, { ...snapshot, externalId: 'C-00099' }, context);
    expect(mayBeSamePerson(other, snapshot)).toBe(false);
    expect(mayBeSamePerson(other, { ...snapshot, backOffice: 'shopfront' })).toBe(true);
  });

  it('normalises phone numbers written differently to one key', () => {
    const keys = ['(415) 555-0134', '+1 415 555 0134', '415.555.0134'].map((phone) => phoneKey(phone, 'US'));
    expect(new Set(keys)).toEqual(new Set(['+14155550134']));
    expect(phoneKey('ext. 12', 'US')).toBeUndefined();
  });

  it('records what changed, and makes a customer seen as a supplier both', () => {
    const first = captureContact(undefined, snapshot, context);
    const second = captureContact(first, { ...snapshot, role: 'supplier', company: 'Engines' }, context);
    expect(contactChanges(first, second)).toEqual([
      { field: 'company', after: 'Engines' },
      { field: 'role', before: 'customer', after: 'both' },
    ]);
    expect(contactChanges(second, captureContact(second, snapshot, context))).toEqual([]);
  });
});
