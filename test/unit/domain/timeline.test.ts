import { describe, expect, it } from 'vitest';
import type { BuyBack } from '../../../src/domain/buyback';
import type { ContactEvent } from '../../../src/domain/contact-event';
import { evenShares, splitGroupOrder } from '../../../src/domain/group-order';
import type { ContactNote } from '../../../src/domain/note';
import type { PurchaseLine, PurchaseRecord } from '../../../src/domain/purchase';
import { buildTimeline, filterTimeline } from '../../../src/domain/timeline';

const contactId = crypto.randomUUID();
const line = (quantity: number, minor: number, currency = 'USD'): PurchaseLine => ({
  productId: crypto.randomUUID(),
  sku: 'NW-1',
  name: 'Hand Cream',
  quantity,
  unitPrice: { minor, currency },
  catalogPrice: { minor, currency },
});
function record(
  purchaseDate: string,
  createdAt: string,
  options: Partial<PurchaseRecord> = {},
): PurchaseRecord {
  const lines = options.lines ?? [line(1, 1000)];
  return {
    id: crypto.randomUUID(),
    createdAt,
    updatedAt: createdAt,
    contactId,
    kind: 'purchase',
    purchaseDate,
    currency: lines[0]?.unitPrice.currency ?? 'USD',
    lines,
    ...options,
  };
}
// Noon UTC is the same calendar day in every time zone from UTC-11 to UTC+11.
const captured: ContactEvent = {
  id: crypto.randomUUID(),
  contactId,
  at: '2026-10-05T12:00:00.000Z',
  kind: 'captured',
  changes: [],
};
const note: ContactNote = {
  id: crypto.randomUUID(),
  contactId,
  text: 'Prefers unscented',
  createdAt: '2026-11-10T12:00:00.000Z',
  updatedAt: '2026-11-10T12:00:00.000Z',
};

describe('activity timeline', () => {
  it('puts purchases on their purchase date and everything else on its day, newest first', () => {
    const recordedLate = record('2026-10-01', '2026-11-20T12:00:00.000Z');
    const sample = record('2026-11-10', '2026-11-10T09:00:00.000Z', { kind: 'sample' });
    const latest = record('2026-11-15', '2026-11-15T12:00:00.000Z');
    const entries = buildTimeline([recordedLate, sample, latest], [captured], [note]);
    expect(entries.map((entry) => [entry.kind, entry.date])).toEqual([
      ['purchase', '2026-11-15'],
      ['note', '2026-11-10'],
      ['sample', '2026-11-10'],
      ['capture', '2026-10-05'],
      ['purchase', '2026-10-01'],
    ]);
    expect(filterTimeline(entries, 'sample').map((entry) => entry.kind)).toEqual(['sample']);
    expect(filterTimeline(entries, 'all')).toHaveLength(5);
  });

  it('puts a buy-back on its payout day, an unpaid one on the day it started; deleted ones are left out', () => {
    const base: BuyBack = {
      id: crypto.randomUUID(),
      createdAt: '2026-11-01T12:00:00.000Z',
      updatedAt: '2026-11-01T12:00:00.000Z',
      number: 1,
      contactId,
      status: 'estimate',
      currency: 'USD',
      seller: {},
      notes: '',
      items: [],
      log: [],
    };
    const paid: BuyBack = {
      ...base,
      id: crypto.randomUUID(),
      number: 2,
      status: 'paid',
      payout: {
        id: crypto.randomUUID(),
        method: 'Cash',
        amount: { minor: 0, currency: 'USD' },
        paidAt: '2026-11-12T12:00:00.000Z',
        paidOn: '2026-11-12',
      },
    };
    const gone = { ...base, id: crypto.randomUUID(), deletedAt: '2026-11-02T12:00:00.000Z' };
    const entries = buildTimeline(
      [record('2026-11-05', '2026-11-05T12:00:00.000Z')],
      [],
      [],
      [base, paid, gone],
    );
    expect(entries.map((entry) => [entry.kind, entry.date])).toEqual([
      ['buy-back', '2026-11-12'],
      ['purchase', '2026-11-05'],
      ['buy-back', '2026-11-01'],
    ]);
    expect(filterTimeline(entries, 'buy-back')).toHaveLength(2);
  });

  it('leaves deleted purchases and notes out', () => {
    const deleted = record('2026-11-01', '2026-11-01T12:00:00.000Z', {
      deletedAt: '2026-11-02T00:00:00.000Z',
    });
    const entries = buildTimeline([deleted], [], [{ ...note, deletedAt: '2026-11-11T00:00:00.000Z' }]);
    expect(entries).toEqual([]);
  });
});

describe('group order split', () => {
  const lines = [line(3, 1000), line(1, 500)];
  const [a, b, c] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];

  it('deals each line out in turn, the first contacts taking the remainder', () => {
    const shares = evenShares(lines, [a, b, c]);
    expect(shares.map((share) => [...share.quantities.values()])).toEqual([
      [1, 1],
      [1, 0],
      [1, 0],
    ]);
    expect(splitGroupOrder(lines, shares)).toMatchObject({ ok: true });
  });

  it('drops contacts who take nothing and keeps each line’s price', () => {
    const result = splitGroupOrder(lines, [
      { contactId: a, quantities: new Map([[lines[0]!.productId, 3]]) },
      { contactId: b, quantities: new Map([[lines[1]!.productId, 1]]) },
      { contactId: c, quantities: new Map() },
    ]);
    expect(result.ok && result.shares.map((share) => share.contactId)).toEqual([a, b]);
    expect(result.ok && result.shares[1]?.lines).toEqual([{ ...lines[1], quantity: 1 }]);
  });

  it('says what is wrong: shares that do not add up, fractions, one contact, the same contact twice', () => {
    const whole = new Map([
      [lines[0]!.productId, 3],
      [lines[1]!.productId, 1],
    ]);
    expect(splitGroupOrder(lines, [{ contactId: a, quantities: whole }])).toEqual({
      ok: false,
      problems: ['Give at least two contacts a share, or record an ordinary order.'],
    });
    const result = splitGroupOrder(lines, [
      { contactId: a, quantities: new Map([[lines[0]!.productId, 1.5]]) },
      { contactId: a, quantities: new Map([[lines[1]!.productId, 2]]) },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        'A contact is in the group twice.',
        'Shares of Hand Cream must be whole numbers of 0 or more.',
        'Hand Cream: the shares add up to 2, the order has 1.',
      ],
    });
  });
});
