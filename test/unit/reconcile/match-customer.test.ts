import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FoldedKeys, foldedKeyHash } from '../../../src/reconcile/folded-key';
import { createCustomerResolver } from '../../../src/reconcile/match-customer';
import { compatibleNames, personName } from '../../../src/reconcile/person-name';
import { contact } from './build';

describe('personName', () => {
  it.each([
    ['Jane Smith', { surname: 'smith', given: 'jane' }],
    ['J. Smith', { surname: 'smith', given: 'j' }],
    ['SMITH, Jane', { surname: 'smith', given: 'jane' }],
    ['SMITH Jane', { surname: 'smith', given: 'jane' }],
    ['JANE SMITH', { surname: 'smith', given: 'jane' }],
    ['Dr. Zoë  Álvarez-Núñez', { surname: 'nunez', given: 'zoe' }],
    ['van der Berg, Mary', { surname: 'berg', given: 'mary' }],
    ['Mary van der Berg', { surname: 'berg', given: 'mary' }],
    ['Smith', { surname: 'smith' }],
  ])('reads %s', (text, expected) => {
    expect(personName(text)).toEqual(expected);
  });

  it('reads nothing from punctuation', () => {
    expect(personName(' , . ')).toBeUndefined();
  });

  it('takes initials and shortenings for the given name, never another name or surname', () => {
    const jane = personName('Jane Smith')!;
    expect(compatibleNames(jane, personName('J. Smith')!)).toBe(true);
    expect(compatibleNames(jane, personName('SMITH, Jane')!)).toBe(true);
    expect(compatibleNames(jane, personName('jane smith')!)).toBe(true);
    expect(compatibleNames(personName('Christopher Lee')!, personName('Chris Lee')!)).toBe(true);
    expect(compatibleNames(jane, personName('K. Smith')!)).toBe(false);
    expect(compatibleNames(jane, personName('Joan Smith')!)).toBe(false);
    expect(compatibleNames(jane, personName('Jane Smyth')!)).toBe(false);
    // One letter more is another name, not a shortening.
    expect(compatibleNames(jane, personName('Janet Smith')!)).toBe(false);
    expect(compatibleNames(personName('Paul Lee')!, personName('Paula Lee')!)).toBe(false);
    expect(compatibleNames(personName('Deb Lee')!, personName('Debra Lee')!)).toBe(true);
    expect(compatibleNames(personName('J Lee')!, personName('Jo Lee')!)).toBe(true);
    expect(compatibleNames(jane, personName('Smith')!)).toBe(false);
  });
});

describe('createCustomerResolver', () => {
  const contacts = [
    contact('a', 'Jane Smith', {
      backOfficeIds: ['C-1'],
      emailKey: 'jane@example.com',
      phoneKey: '+14155550134',
    }),
    contact('b', 'Bob Jones', {
      backOfficeIds: ['C-2'],
      emailKey: 'bob@example.com',
      phoneKey: '+14155550199',
    }),
    contact('c', 'Carla Diaz', {}),
  ];
  const resolve = createCustomerResolver(contacts, 'US');

  it('tries the back-office id, then email, then phone, then name', () => {
    // Each key alone finds its contact ...
    expect(resolve({ id: ' c-1 ' })).toEqual({ contactId: 'a', by: 'id' });
    expect(resolve({ email: 'JANE@example.com ' })).toEqual({ contactId: 'a', by: 'email' });
    expect(resolve({ phone: '(415) 555-0134' })).toEqual({ contactId: 'a', by: 'phone' });
    expect(resolve({ name: 'Carla Diaz' })).toEqual({ contactId: 'c', by: 'name' });
    // ... and when keys disagree, the earlier key wins.
    expect(resolve({ id: 'C-2', email: 'jane@example.com' })).toEqual({ contactId: 'b', by: 'id' });
    expect(resolve({ id: 'C-404', email: 'bob@example.com', phone: '4155550134' })).toEqual({
      contactId: 'b',
      by: 'email',
    });
    expect(resolve({ email: 'who@example.com', phone: '+1 415 555 0199', name: 'Jane Smith' })).toEqual({
      contactId: 'b',
      by: 'phone',
    });
  });

  it('folds ids and emails beyond ASCII the way trim and toLowerCase do', () => {
    // Looked up the slow way: the quick "certainly not" (folded-key.ts) knows ASCII only.
    const resolveAccented = createCustomerResolver(
      [contact('z', 'Zoë Álvarez', { backOfficeIds: ['Ç-7'], emailKey: 'zoë@example.com' })],
      'US',
    );
    expect(resolveAccented({ email: 'ZOË@EXAMPLE.COM' })).toEqual({ contactId: 'z', by: 'email' });
    expect(resolveAccented({ id: 'ç-7' })).toEqual({ contactId: 'z', by: 'id' });
    // A no-break space is trimmed like any other.
    expect(resolve({ id: '\u00a0C-1\u00a0' })).toEqual({ contactId: 'a', by: 'id' });
    expect(resolve({ id: 'C-1x', email: 'jane@example.co' })).toBeUndefined();
  });

  it('matches a name written another way: abbreviated, surname first, re-cased', () => {
    for (const name of ['J. Smith', 'SMITH, Jane', 'SMITH JANE', 'Smith Jane', 'jane SMITH', 'Ms Jane Smith'])
      expect(resolve({ name })).toEqual({ contactId: 'a', by: 'name' });
  });

  it('does not take Janet Smith for Jane Smith: one letter more is another name', () => {
    expect(resolve({ name: 'Janet Smith' })).toBeUndefined();
    expect(resolve({ name: 'SMITH, Janet' })).toBeUndefined();
  });

  it('never takes a name whose id, email or phone point at someone else', () => {
    expect(resolve({ name: 'Jane Smith', id: 'C-999' })).toBeUndefined();
    expect(resolve({ name: 'Jane Smith', email: 'other@example.com' })).toBeUndefined();
    expect(resolve({ name: 'Jane Smith', phone: '212 555 0100' })).toBeUndefined();
    // Carla has no keys of her own: nothing the export says contradicts her.
    expect(resolve({ name: 'C. Diaz', id: 'C-3', email: 'carla@example.com' })).toEqual({
      contactId: 'c',
      by: 'name',
    });
  });

  it('refuses an ambiguous name or key and tries the next key', () => {
    const twins = createCustomerResolver(
      [
        contact('j1', 'Jane Smith', { emailKey: 'shop@example.com' }),
        contact('j2', 'John Smith', { emailKey: 'shop@example.com', backOfficeIds: ['C-7'] }),
        contact('j3', 'Jim Brown', { backOfficeIds: ['C-8'] }),
        contact('j4', 'Jim Brown', {}),
      ],
      'US',
    );
    expect(twins({ name: 'J. Smith' })).toBeUndefined();
    expect(twins({ name: 'Jane Smith' })).toEqual({ contactId: 'j1', by: 'name' });
    expect(twins({ email: 'shop@example.com' })).toBeUndefined();
    expect(twins({ email: 'shop@example.com', name: 'John Smith' })).toEqual({ contactId: 'j2', by: 'name' });
    expect(twins({ name: 'Jim Brown' })).toBeUndefined();
    // Only the Jim Brown without a back-office id can be customer C-9.
    expect(twins({ name: 'Jim Brown', id: 'C-9' })).toEqual({ contactId: 'j4', by: 'name' });
  });

  it('does not depend on the order of the contacts', () => {
    const reversed = createCustomerResolver([...contacts].reverse(), 'US');
    for (const customer of [{ id: 'C-1' }, { name: 'J. Smith' }, { phone: '415-555-0199' }])
      expect(reversed(customer)).toEqual(resolve(customer));
  });
});

describe('foldedKeyHash', () => {
  it('is the hash of the text trimmed and lower-cased, for ASCII text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (text) => {
        expect(foldedKeyHash(text)).toBe(foldedKeyHash(text.trim().toLowerCase()));
        const keys = new FoldedKeys();
        keys.add(text.trim().toLowerCase());
        expect(keys.mayHave(text)).toBe(true);
      }),
    );
    expect(foldedKeyHash('Zoë')).toBeUndefined();
    expect(foldedKeyHash(' C-1 ')).toBe(foldedKeyHash('c-1'));
    expect(foldedKeyHash('c-1')).not.toBe(foldedKeyHash('c-2'));
  });
});
