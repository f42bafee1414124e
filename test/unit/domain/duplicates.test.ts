import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/domain/contact';
import { applyContactFields, type ContactFields } from '../../../src/domain/contact-edit';
import {
  companyWords,
  duplicatesOf,
  findDuplicates,
  jaroWinkler,
  nameWords,
  pairKey,
  wordsSimilarity,
} from '../../../src/domain/duplicates';

let clock = 0;
/** A stored contact made the way the contact form makes one, each a minute after the last. */
function person(fields: Partial<ContactFields> & { name: string }): Contact {
  clock += 1;
  const now = new Date(Date.UTC(2026, 0, 1, 0, clock)).toISOString();
  return applyContactFields(
    undefined,
    { role: 'customer', externalIds: [], ...fields },
    { newId: crypto.randomUUID(), now, defaultCountry: 'US' },
  );
}
const northwind = (id: string) => ({ backOffice: 'northwind', origin: 'http://127.0.0.1:5178', id });

describe('finding duplicates', () => {
  it('pairs contacts with the same email key, however the address is written', () => {
    const ada = person({ name: 'Ada Lovelace', email: 'ada@example.com' });
    const again = person({ name: 'A. King', email: 'ADA@example.com ' });
    const other = person({ name: 'Bob Babbage', email: 'bob@example.com' });
    const found = findDuplicates([other, again, ada]);
    expect(found).toEqual([
      { key: pairKey(ada.id, again.id), ids: [ada.id, again.id], reasons: ['Same email'], score: 0.95 },
    ]);
  });

  it('pairs contacts with the same phone written two ways', () => {
    const ada = person({ name: 'Ada Lovelace', phone: '(415) 555-0134' });
    const again = person({ name: 'Augusta King', phone: '+1 415 555 0134' });
    expect(findDuplicates([ada, again]).map((found) => found.reasons)).toEqual([['Same phone']]);
  });

  it('pairs a very similar name at a very similar company: case, accents, punctuation, word order, Ltd', () => {
    const a = person({ name: 'Zoë Smith-Jones', company: 'Acme Widgets Ltd.' });
    const b = person({ name: 'JONES, Zoe Smith', company: 'ACME widgets limited' });
    const typo = person({ name: 'Zoe Smith Jnoes', company: 'Acme Widgets GmbH' });
    const found = findDuplicates([a, b, typo]);
    expect(found).toHaveLength(3);
    expect(found.every((pair) => pair.reasons.join() === 'Similar name and company')).toBe(true);
  });

  it('pairs a typo at the start of one name word, among many people sharing the other word', () => {
    // 300 Johns at Acme with made-up surnames ("John Evizmzq"…).
    const letter = (seed: number) =>
      String.fromCharCode(97 + ((Math.imul(seed ^ (seed >>> 13), 0x5bd1e995) >>> 0) % 26));
    const surname = (index: number) =>
      Array.from({ length: 7 }, (_, place) => letter(index * 31 + place + 1)).join('');
    const many = Array.from({ length: 300 }, (_, index) =>
      person({ name: `John ${surname(index)}`, company: 'Acme' }),
    );
    const john = person({ name: 'John Smith', company: 'Acme Ltd' });
    const jon = person({ name: 'Jon Smith', company: 'ACME' });
    const found = findDuplicates([...many, john, jon]);
    expect(found.map((pair) => [...pair.ids].sort())).toContainEqual([john.id, jon.id].sort());
  });

  it('does not pair similar names at different companies, or different people at one company', () => {
    const contacts = [
      person({ name: 'Ada Lovelace', company: 'Analytical Engines' }),
      person({ name: 'Ada Lovelace', company: 'Difference Works' }),
      person({ name: 'Mark Jones', company: 'Analytical Engines' }),
      person({ name: 'Mary Jones', company: 'Analytical Engines' }),
      person({ name: 'Ada', company: 'Analytical Engines' }),
    ];
    expect(findDuplicates(contacts)).toEqual([]);
  });

  it('pairs the same name when neither has a company, weakest of all', () => {
    const a = person({ name: 'Ada Lovelace', email: 'ada@one.example' });
    const b = person({ name: 'ada  lovelace', email: 'ada@two.example' });
    const c = person({ name: 'Ada Lovelace', company: 'Engines', email: 'ada@three.example' });
    const email = person({ name: 'Bob', email: 'bob@example.com' });
    const email2 = person({ name: 'Robert', email: 'bob@example.com' });
    const found = findDuplicates([a, b, c, email, email2]);
    expect(found.map((pair) => pair.reasons)).toEqual([['Same email'], ['Same name']]);
    expect(found[1]?.ids).toEqual([a.id, b.id]);
  });

  it('never pairs two contacts with their own ids in the same back office, however alike', () => {
    const a = person({ name: 'Ada Lovelace', email: 'ada@example.com', externalIds: [northwind('C-1')] });
    const b = person({ name: 'Ada Lovelace', email: 'ada@example.com', externalIds: [northwind('C-2')] });
    const elsewhere = person({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      externalIds: [{ ...northwind('C-2'), origin: 'https://other.example' }],
    });
    const found = findDuplicates([a, b, elsewhere]);
    expect(found.map((pair) => pair.key).sort()).toEqual(
      [pairKey(a.id, elsewhere.id), pairKey(b.id, elsewhere.id)].sort(),
    );
  });

  it('has no self pairs, skips deleted contacts, and combines reasons into a stronger score', () => {
    const ada = person({ name: 'Ada Lovelace', email: 'ada@example.com', phone: '415 555 0134' });
    const both = person({ name: 'Ada Lovelace', email: 'ada@example.com', phone: '4155550134' });
    const gone = { ...person({ name: 'Ada Lovelace', email: 'ada@example.com' }), deletedAt: ada.createdAt };
    const emailOnly = person({ name: 'Ada L.', email: 'ada@example.com' });
    const found = findDuplicates([ada, ada, both, gone, emailOnly]);
    expect(found.every((pair) => pair.ids[0] !== pair.ids[1])).toBe(true);
    expect(found.some((pair) => pair.ids.includes(gone.id))).toBe(false);
    expect(found[0]).toMatchObject({
      ids: [ada.id, both.id],
      reasons: ['Same email', 'Same phone', 'Same name'],
    });
    expect(found[0]?.score).toBeGreaterThan(found[1]?.score ?? 1);
    expect(found).toHaveLength(3);
  });

  it('leaves out pairs the user dismissed, and finds one contact’s duplicates', () => {
    const a = person({ name: 'Ada Lovelace', email: 'ada@example.com' });
    const b = person({ name: 'Ada King', email: 'ada@example.com' });
    const c = person({ name: 'Augusta Ada', email: 'ada@example.com' });
    expect(findDuplicates([a, b, c], new Set([pairKey(b.id, a.id)])).map((pair) => pair.key)).toEqual(
      [pairKey(a.id, c.id), pairKey(b.id, c.id)].sort(),
    );
    expect(duplicatesOf(a.id, [a, b, c]).map((pair) => pair.key)).toEqual(
      [pairKey(a.id, b.id), pairKey(a.id, c.id)].sort(),
    );
  });

  it('ignores a key shared by too many contacts to be a person (a switchboard number)', () => {
    const staff = Array.from({ length: 60 }, (_, index) =>
      person({ name: `Clerk ${index}`, phone: '020 7946 0000' }),
    );
    expect(findDuplicates(staff)).toEqual([]);
  });

  it('runs over 50,000 contacts by buckets, finding the planted pairs', () => {
    // Seeded random words: names and companies as unlike each other as real ones mostly are.
    let seed = 42;
    const word = (length: number) =>
      Array.from({ length }, () => {
        seed = (Math.imul(seed, 48_271) + 1) >>> 0;
        return String.fromCharCode(97 + ((seed >>> 16) % 26));
      }).join('');
    const contacts: Contact[] = [];
    for (let index = 0; index < 50_000; index++) {
      contacts.push({
        ...person({ name: 'x' }),
        name: `${word(5)} ${word(7)}`,
        company: `${word(8)} Ltd`,
        emailKey: `c${index}@example.com`,
        phoneKey: `+1415${String(index).padStart(7, '0')}`,
      });
    }
    const twin = { ...person({ name: 'x' }), name: 'Twin', emailKey: 'c123@example.com' };
    const started = performance.now();
    const found = findDuplicates([...contacts, twin]);
    const took = performance.now() - started;
    expect(found.map((pair) => pair.ids)).toEqual([[contacts[123]?.id, twin.id]]);
    // A sanity figure, not an assertion on time: all pairs would be 1.25 billion comparisons.
    console.info(`findDuplicates over 50,001 contacts: ${took.toFixed(0)} ms`);
  });
});

describe('comparing names', () => {
  it('normalises names and companies', () => {
    expect(nameWords('Dr. Zoë  Smith-Jones')).toEqual(['jones', 'smith', 'zoe']);
    expect(companyWords('The Acme Co. & Sons, Ltd')).toEqual(['acme', 'sons']);
    expect(companyWords(undefined)).toEqual([]);
  });

  it('scores words with Jaro-Winkler', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('same', 'same')).toBe(1);
  });

  it('needs every word of the shorter name close to its own word of the other', () => {
    expect(wordsSimilarity(['ada', 'lovelace'], ['ada', 'lovelace'])).toBe(1);
    expect(wordsSimilarity(['a', 'lovelace'], ['ada', 'lovelace'])).toBeGreaterThan(0.9);
    expect(wordsSimilarity(['ada', 'lovelace'], ['ada', 'king', 'lovelace'])).toBe(1);
    expect(wordsSimilarity(['jones', 'mark'], ['jones', 'mary'])).toBe(0);
    expect(wordsSimilarity(['ada'], ['ada', 'lovelace'])).toBe(0);
    expect(wordsSimilarity([], [])).toBe(0);
  });
});
