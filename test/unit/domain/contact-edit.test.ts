import { describe, expect, it } from 'vitest';
import {
  applyContactFields,
  contactFieldProblems,
  contactFields,
  editChanges,
  formatAddress,
  tidyFields,
  type ContactFields,
} from '../../../src/domain/contact-edit';

const context = {
  newId: crypto.randomUUID(),
  now: '2026-11-01T10:00:00.000Z',
  defaultCountry: 'US' as const,
};
const grace: ContactFields = {
  name: '  Grace Hopper ',
  company: 'Navy',
  email: 'Grace@Navy.example',
  phone: '(703) 555-0100',
  role: 'customer',
  address: { line1: '1 Main St', city: 'Arlington', postalCode: '02134', region: '' },
  tags: ['admiral', ' VIP ', 'admiral', ''],
  notes: '',
  externalIds: [{ backOffice: 'northwind', id: 'C-1' }],
};

describe('contact fields', () => {
  it('tidies: trims, drops empty values and repeated tags, keeps leading zeros', () => {
    expect(tidyFields(grace)).toEqual({
      name: 'Grace Hopper',
      company: 'Navy',
      email: 'Grace@Navy.example',
      phone: '(703) 555-0100',
      role: 'customer',
      address: { line1: '1 Main St', city: 'Arlington', postalCode: '02134' },
      tags: ['admiral', 'VIP'],
      externalIds: [{ backOffice: 'northwind', id: 'C-1' }],
    });
    expect(tidyFields({ ...grace, address: { city: ' ' }, tags: [' '] })).not.toHaveProperty('address');
  });

  it('says what is wrong with each field, and nothing for good fields', () => {
    expect(contactFieldProblems(grace)).toEqual({});
    expect(
      contactFieldProblems({ ...grace, name: '   ', email: 'grace@', company: 'x'.repeat(201) }),
    ).toEqual({
      name: 'A contact needs a name.',
      email: 'This is not an email address.',
      company: 'A company can be at most 200 characters.',
    });
    expect(contactFieldProblems({ ...grace, tags: ['t'.repeat(51)] }).tags).toBe(
      'A tag can be at most 50 characters.',
    );
  });

  it('applies fields to a new contact with its match keys, and replaces them on an edit', () => {
    const created = applyContactFields(undefined, grace, context);
    expect(created).toMatchObject({
      id: context.newId,
      name: 'Grace Hopper',
      emailKey: 'grace@navy.example',
      phoneKey: '+17035550100',
      nameKey: 'grace hopper',
      externalKeys: ['northwind:C-1'],
    });
    const later = { ...context, newId: crypto.randomUUID(), now: '2026-11-02T10:00:00.000Z' };
    const edited = applyContactFields(
      { ...created, lastCapturedAt: context.now },
      { ...grace, email: '', tags: [] },
      later,
    );
    expect(edited.id).toBe(created.id);
    expect(edited.createdAt).toBe(context.now);
    expect(edited.updatedAt).toBe(later.now);
    expect(edited.lastCapturedAt).toBe(context.now);
    expect(edited).not.toHaveProperty('email');
    expect(edited).not.toHaveProperty('emailKey');
    expect(edited).not.toHaveProperty('tags');
    expect(() => applyContactFields(undefined, { ...grace, email: 'nope' }, context)).toThrow();
  });

  it('reads a contact back as the fields that made it', () => {
    const created = applyContactFields(undefined, grace, context);
    expect(contactFields(created)).toEqual(tidyFields(grace));
    expect(formatAddress(created.address)).toBe('1 Main St, Arlington, 02134');
    expect(formatAddress(undefined)).toBe('');
  });

  it('lists what an edit changed, ids added and removed included', () => {
    const before = applyContactFields(undefined, grace, context);
    const after = applyContactFields(
      before,
      {
        ...grace,
        phone: '+1 703 555 0199',
        address: { city: 'Boston' },
        tags: ['admiral'],
        externalIds: [{ backOffice: 'pos', id: '7' }],
      },
      context,
    );
    expect(editChanges(before, after)).toEqual([
      { field: 'phone', before: '(703) 555-0100', after: '+1 703 555 0199' },
      { field: 'address', before: '1 Main St, Arlington, 02134', after: 'Boston' },
      { field: 'tags', before: 'admiral, VIP', after: 'admiral' },
      { field: 'externalId', after: '7' },
      { field: 'externalId', before: 'C-1' },
    ]);
    expect(editChanges(before, applyContactFields(before, grace, context))).toEqual([]);
  });
});
