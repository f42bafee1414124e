import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/domain/contact';
import { applyContactFields, type ContactFields } from '../../../src/domain/contact-edit';
import {
  defaultSurvivor,
  describeCounts,
  mergeFields,
  mergePreview,
  mergeProblem,
  unmergedFields,
  type OwnedRowCounts,
} from '../../../src/domain/contact-merge';

const context = (now: string, id = crypto.randomUUID()) => ({
  newId: id,
  now,
  defaultCountry: 'US' as const,
});
function person(
  fields: Partial<ContactFields> & { name: string },
  now = '2026-01-01T00:00:00.000Z',
): Contact {
  return applyContactFields(undefined, { role: 'customer', externalIds: [], ...fields }, context(now));
}
const northwind = (id: string) => ({ backOffice: 'northwind', origin: 'http://127.0.0.1:5178', id });
const pos = (id: string) => ({ backOffice: 'pos', origin: 'http://127.0.0.1:5178', id });
const none: OwnedRowCounts = {
  purchases: 0,
  samples: 0,
  buyBacks: 0,
  storeCredit: 0,
  notes: 0,
  contactEvents: 0,
  purchaseOrders: 0,
};

const survivor = person({
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  role: 'customer',
  externalIds: [northwind('C-1')],
  tags: ['VIP', 'wholesale'],
  notes: 'Prefers email.',
});
const merged = person({
  name: 'Augusta Ada King',
  email: 'augusta@example.com',
  phone: '(415) 555-0134',
  company: 'Analytical Engines',
  role: 'supplier',
  externalIds: [pos('S-9'), northwind('C-1')],
  address: { line1: '1 Main St', city: 'London' },
  tags: ['wholesale', 'London'],
  notes: 'Met at the fair.',
});

describe('merge preview', () => {
  it('keeps the survivor’s values, fills gaps from the merged one, unites ids and tags, joins notes', () => {
    expect(mergeFields(survivor, merged)).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '(415) 555-0134',
      company: 'Analytical Engines',
      role: 'both',
      externalIds: [northwind('C-1'), pos('S-9')],
      address: { line1: '1 Main St', city: 'London' },
      tags: ['VIP', 'wholesale', 'London'],
      notes: 'Prefers email.\n\nMet at the fair.',
    });
  });

  it('takes an address whole from the survivor when it has one, never mixing parts', () => {
    const withAddress = person({ name: 'Ada', address: { line1: '2 Side St' } });
    expect(mergeFields(withAddress, merged).address).toEqual({ line1: '2 Side St' });
    const same = person({ name: 'Ada', notes: 'Met at the fair.', role: 'supplier' });
    expect(mergeFields(same, merged)).toMatchObject({ notes: 'Met at the fair.', role: 'supplier' });
  });

  it('shows each field with where the result comes from', () => {
    const rows = Object.fromEntries(mergePreview(survivor, merged).map((row) => [row.field, row]));
    expect(rows.email).toEqual({
      field: 'email',
      label: 'Email',
      survivor: 'ada@example.com',
      merged: 'augusta@example.com',
      result: 'ada@example.com',
      source: 'survivor',
    });
    expect(rows.phone).toMatchObject({ survivor: '', result: '(415) 555-0134', source: 'merged' });
    expect(rows.role).toMatchObject({
      survivor: 'Customer',
      merged: 'Supplier',
      result: 'Both',
      source: 'both',
    });
    expect(rows.externalIds).toMatchObject({ result: 'northwind:C-1, pos:S-9', source: 'both' });
    expect(rows.address).toMatchObject({ result: '1 Main St, London', source: 'merged' });
    const bare = person({ name: 'Bob' });
    expect(mergePreview(bare, person({ name: 'Bob' })).find((row) => row.field === 'notes')?.source).toBe(
      'none',
    );
  });

  it('refuses a contact with itself, a deleted one, and two ids in the same back office', () => {
    expect(mergeProblem(survivor, survivor)).toBe('A contact cannot be merged with itself.');
    const gone = { ...merged, deletedAt: '2026-02-01T00:00:00.000Z' };
    expect(mergeProblem(survivor, gone)).toBe('Augusta Ada King was deleted.');
    expect(mergeProblem({ ...survivor, deletedAt: gone.deletedAt, mergedInto: merged.id }, merged)).toBe(
      'Ada Lovelace was already merged into another contact.',
    );
    const rival = person({ name: 'Ada Lovelace', externalIds: [northwind('C-2')] });
    expect(mergeProblem(survivor, rival)).toBe(
      'Ada Lovelace and Ada Lovelace each have their own id in the same back office, so they are two people.',
    );
    expect(mergeProblem(survivor, merged)).toBeNull();
  });

  it('refuses when the notes or tags together would not fit, instead of cutting them', () => {
    const long = person({ name: 'Ada', notes: 'x'.repeat(4000) });
    const longer = person({ name: 'Ada', notes: 'y'.repeat(1500) });
    expect(mergeProblem(long, longer)).toBe(
      'Their notes together are longer than 5,000 characters; shorten one first.',
    );
    const tags = (prefix: string) => Array.from({ length: 30 }, (_, index) => `${prefix}${index}`);
    expect(mergeProblem(person({ name: 'A', tags: tags('a') }), person({ name: 'B', tags: tags('b') }))).toBe(
      'Together they have more than 50 tags; remove some first.',
    );
  });

  it('chooses the one with more history to survive, else the older; says what moves', () => {
    const older = { contact: survivor, counts: none };
    const newer = {
      contact: person({ name: 'Ada' }, '2026-03-01T00:00:00.000Z'),
      counts: { ...none, purchases: 1 },
    };
    expect(defaultSurvivor(older, newer)).toBe(newer.contact.id);
    expect(defaultSurvivor(newer, { ...older, counts: { ...none, notes: 2 } })).toBe(survivor.id);
    expect(defaultSurvivor({ ...newer, counts: none }, older)).toBe(survivor.id);
    expect(describeCounts(none)).toBe('nothing');
    expect(describeCounts({ ...none, purchases: 2, samples: 1, storeCredit: 1 })).toBe(
      '2 purchases, 1 sample and 1 store credit entry',
    );
    expect(describeCounts({ ...none, notes: 1 })).toBe('1 note');
    expect(describeCounts({ ...none, purchases: 1, contactEvents: 3 })).toBe(
      '1 purchase and 3 history events',
    );
  });
});

describe('undoing a merge, field by field', () => {
  const after = applyContactFields(
    survivor,
    mergeFields(survivor, merged),
    context('2026-02-01T00:00:00.000Z'),
  );

  it('puts back what the merge changed when nothing was edited since', () => {
    const { fields, kept } = unmergedFields(survivor, after, after);
    expect(kept).toEqual([]);
    expect(applyContactFields(survivor, fields, context(survivor.updatedAt))).toEqual(survivor);
  });

  it('keeps fields edited after the merge, and the ids and tags added since', () => {
    const edited = applyContactFields(
      after,
      {
        ...mergeFields(survivor, merged),
        phone: '+44 20 7946 0001',
        tags: ['VIP', 'wholesale', 'London', 'new'],
        externalIds: [northwind('C-1'), pos('S-9'), pos('S-10')],
      },
      context('2026-02-02T00:00:00.000Z'),
    );
    const { fields, kept } = unmergedFields(survivor, after, edited);
    expect(kept).toEqual(['phone', 'tags']);
    expect(fields).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0001',
      role: 'customer',
      tags: ['VIP', 'wholesale', 'new'],
      notes: 'Prefers email.',
      externalIds: [northwind('C-1'), pos('S-10')],
    });
    expect(fields.company).toBeUndefined();
    expect(fields.address).toBeUndefined();
  });
});
