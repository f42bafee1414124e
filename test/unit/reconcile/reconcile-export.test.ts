import { describe, expect, it } from 'vitest';
import type { ReconcileDecision } from '../../../src/domain/reconcile';
import { contact, order, reconcile, record, resultOf } from './build';

const jane = contact('c-jane', 'Jane Smith', { backOfficeIds: ['C-1'], emailKey: 'jane@example.com' });
const bob = contact('c-bob', 'Bob Jones', { backOfficeIds: ['C-2'] });
const contacts = [jane, bob];
const JANE = { id: 'C-1' };
const TEA = ['GT-500', 'Organic green tea 500 g'] as const;
const HONEY = ['HN-250', 'Wildflower honey 250 g'] as const;

// Jane bought 2 teas at 12.50 and a honey at 8.00 on March 10th.
const teaAndHoney = record('p-1', 'c-jane', '2026-03-10', [
  [...TEA, 2, 1250],
  [...HONEY, 1, 800],
]);

describe('outcomes', () => {
  it('is synced when every line matches exactly', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [
        order('SO-1', '2026-03-10', JANE, [
          [...HONEY, 1, 800, 3],
          [...TEA, 2, 1250, 2],
        ]),
      ],
    });
    expect(result.recorded).toEqual([
      {
        purchaseId: 'p-1',
        contactId: 'c-jane',
        outcome: 'synced',
        backOfficeOrderIds: ['SO-1'],
        lines: [
          { lineIndex: 0, backOfficeOrderId: 'SO-1', backOfficeLine: 2 },
          { lineIndex: 1, backOfficeOrderId: 'SO-1', backOfficeLine: 3 },
        ],
        differences: [],
      },
    ]);
    expect(result.backOfficeOnly).toEqual([]);
    expect(result.covered).toEqual({ from: '2026-03-10', to: '2026-03-10' });
  });

  it('is probable when the date moved within the window', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [
        order('SO-1', '2026-03-11', JANE, [
          [...TEA, 2, 1250],
          [...HONEY, 1, 800],
        ]),
      ],
    });
    expect(resultOf(result, 'p-1')).toMatchObject({
      outcome: 'probable',
      differences: [
        { field: 'date', backOfficeOrderId: 'SO-1', recorded: '2026-03-10', backOffice: '2026-03-11' },
      ],
    });
  });

  it('is probable when a price is rounded within the tolerance, a conflict beyond it', () => {
    const within = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [
        order('SO-1', '2026-03-10', JANE, [
          [...TEA, 2, 1300],
          [...HONEY, 1, 800],
        ]),
      ],
    });
    expect(resultOf(within, 'p-1')).toMatchObject({
      outcome: 'probable',
      differences: [{ field: 'unitPrice', lineIndex: 0, recorded: '12.50', backOffice: '13.00' }],
    });
    const beyond = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [
        order('SO-1', '2026-03-10', JANE, [
          [...TEA, 2, 1350],
          [...HONEY, 1, 800],
        ]),
      ],
    });
    expect(resultOf(beyond, 'p-1')).toMatchObject({
      outcome: 'conflict',
      differences: [{ field: 'unitPrice', lineIndex: 0, recorded: '12.50', backOffice: '13.50' }],
    });
  });

  it('is probable when a product matched by its name only', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [
        order('SO-1', '2026-03-10', JANE, [
          [undefined, 'Org. Green Tea 500g', 2, 1250],
          [...HONEY, 1, 800],
        ]),
      ],
    });
    expect(resultOf(result, 'p-1')).toMatchObject({
      outcome: 'probable',
      differences: [
        {
          field: 'product',
          lineIndex: 0,
          backOfficeOrderId: 'SO-1',
          recorded: 'Organic green tea 500 g (GT-500)',
          backOffice: 'Org. Green Tea 500g',
        },
      ],
    });
  });

  it('never takes a product whose name only begins with the recorded one for it', () => {
    // A back office without SKUs sold Jane rosemary soap, not the rose soap she was recorded with.
    const roseSoap = record('p-3', 'c-jane', '2026-03-10', [['RS-1', 'Rose Soap', 1, 600]]);
    const result = reconcile({
      contacts,
      recorded: [roseSoap],
      exportOrders: [order('SO-1', '2026-03-10', JANE, [[undefined, 'Rosemary Soap', 1, 600]])],
    });
    expect(resultOf(result, 'p-3').outcome).toBe('missing');
    expect(result.backOfficeOnly.map((entry) => entry.order.orderId)).toEqual(['SO-1']);
  });

  it('is probable when the customer matched by name only', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [
        order('SO-1', '2026-03-10', { name: 'SMITH, Jane' }, [
          [...TEA, 2, 1250],
          [...HONEY, 1, 800],
        ]),
      ],
    });
    expect(resultOf(result, 'p-1')).toMatchObject({
      outcome: 'probable',
      differences: [
        { field: 'customer', backOfficeOrderId: 'SO-1', recorded: 'Jane Smith', backOffice: 'SMITH, Jane' },
      ],
    });
  });

  it('is a conflict when a quantity differs, field by field', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [
        order('SO-1', '2026-03-10', JANE, [
          [...TEA, 3, 1250],
          [...HONEY, 1, 800],
        ]),
      ],
    });
    expect(resultOf(result, 'p-1')).toMatchObject({
      outcome: 'conflict',
      differences: [
        { field: 'quantity', lineIndex: 0, backOfficeOrderId: 'SO-1', recorded: '2', backOffice: '3' },
      ],
    });
  });

  it('is a conflict when a recorded line is not in the back office', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [order('SO-1', '2026-03-10', JANE, [[...TEA, 2, 1250, 7]])],
    });
    expect(resultOf(result, 'p-1')).toMatchObject({
      outcome: 'conflict',
      lines: [{ lineIndex: 0, backOfficeOrderId: 'SO-1', backOfficeLine: 7 }, { lineIndex: 1 }],
      differences: [
        {
          field: 'line',
          lineIndex: 1,
          recorded: '1 × Wildflower honey 250 g',
          backOffice: 'not in back office',
        },
      ],
    });
  });

  it('names a recorded line without a name by its SKU when it is not in the back office', () => {
    const skuOnly = record('p-4', 'c-jane', '2026-03-10', [
      [...TEA, 2, 1250],
      ['HN-250', ' ', 1, 800],
    ]);
    const result = reconcile({
      contacts,
      recorded: [skuOnly],
      exportOrders: [order('SO-1', '2026-03-10', JANE, [[...TEA, 2, 1250]])],
    });
    expect(resultOf(result, 'p-4').differences).toEqual([
      { field: 'line', lineIndex: 1, recorded: '1 × HN-250', backOffice: 'not in back office' },
    ]);
  });

  it('is a conflict when the back-office order has a line that was not recorded', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [
        order('SO-1', '2026-03-10', JANE, [
          [...TEA, 2, 1250],
          [...HONEY, 1, 800],
          ['SP-1', 'Wooden spoon', 1, 300],
        ]),
      ],
    });
    expect(resultOf(result, 'p-1')).toMatchObject({
      outcome: 'conflict',
      differences: [
        {
          field: 'line',
          backOfficeOrderId: 'SO-1',
          recorded: 'not recorded',
          backOffice: '1 × Wooden spoon',
        },
      ],
    });
    expect(result.backOfficeOnly).toEqual([]);
  });

  it('is missing when no line matched, and the export order is back office only', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [order('SO-9', '2026-03-10', JANE, [['SP-1', 'Wooden spoon', 1, 300]])],
    });
    expect(resultOf(result, 'p-1')).toEqual({
      purchaseId: 'p-1',
      contactId: 'c-jane',
      outcome: 'missing',
      backOfficeOrderIds: [],
      lines: [{ lineIndex: 0 }, { lineIndex: 1 }],
      differences: [],
    });
    expect(result.backOfficeOnly).toMatchObject([{ order: { orderId: 'SO-9' }, contactId: 'c-jane' }]);
  });

  it('takes an order the back office split in two as one match, listing both', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [
        order('SO-2', '2026-03-10', JANE, [[...HONEY, 1, 800]]),
        order('SO-1', '2026-03-10', JANE, [[...TEA, 2, 1250]]),
      ],
    });
    expect(resultOf(result, 'p-1')).toMatchObject({
      outcome: 'synced',
      backOfficeOrderIds: ['SO-1', 'SO-2'],
      differences: [],
    });
  });

  it('takes two records the back office merged into one order as two matches, neither with extra lines', () => {
    const honeyLater = record('p-2', 'c-jane', '2026-03-10', [[...HONEY, 1, 800]]);
    const teaOnly = record('p-1', 'c-jane', '2026-03-10', [[...TEA, 2, 1250]]);
    const result = reconcile({
      contacts,
      recorded: [teaOnly, honeyLater],
      exportOrders: [
        order('SO-1', '2026-03-10', JANE, [
          [...TEA, 2, 1250],
          [...HONEY, 1, 800],
        ]),
      ],
    });
    for (const purchaseId of ['p-1', 'p-2'])
      expect(resultOf(result, purchaseId)).toMatchObject({
        outcome: 'synced',
        backOfficeOrderIds: ['SO-1'],
        differences: [],
      });
    expect(result.backOfficeOnly).toEqual([]);
  });

  it('matches a sample at price 0 like a purchase, never with a line the back office charged', () => {
    const sample = record('s-1', 'c-jane', '2026-03-10', [[...TEA, 1, 0]], { kind: 'sample' });
    expect(
      resultOf(
        reconcile({
          contacts,
          recorded: [sample],
          exportOrders: [order('SO-1', '2026-03-10', JANE, [[...TEA, 1, 0]])],
        }),
        's-1',
      ).outcome,
    ).toBe('synced');
    // Jane liked the sample and bought a tea: that sale is not the sample, which the back office
    // does not have, and it is hers to import.
    const boughtAfter = reconcile({
      contacts,
      recorded: [sample],
      exportOrders: [order('SO-1', '2026-03-10', JANE, [[...TEA, 1, 1250]])],
    });
    expect(resultOf(boughtAfter, 's-1').outcome).toBe('missing');
    expect(boughtAfter.backOfficeOnly).toMatchObject([{ order: { orderId: 'SO-1' }, contactId: 'c-jane' }]);
  });
});

describe('the date window', () => {
  const teaOn = (date: string) => order('SO-1', date, JANE, [[...TEA, 2, 1250]]);
  const tea = record('p-1', 'c-jane', '2026-03-10', [[...TEA, 2, 1250]]);
  // An unrelated order keeps the record inside the covered dates, so it is judged either way.
  const anchor = order('SO-0', '2026-03-10', { id: 'C-2' }, [['X-1', 'Doormat', 1, 900]]);

  it.each([
    ['2026-03-07', 'probable'],
    ['2026-03-13', 'probable'],
    ['2026-03-06', 'missing'],
    ['2026-03-14', 'missing'],
  ])('with the default ±3 days, a back-office date of %s is %s', (date, outcome) => {
    const result = reconcile({ contacts, recorded: [tea], exportOrders: [anchor, teaOn(date)] });
    expect(resultOf(result, 'p-1').outcome).toBe(outcome);
  });

  it('is configurable: with 0 days only the same day matches', () => {
    const options = { dateWindowDays: 0, priceTolerance: 0.05 };
    expect(
      resultOf(
        reconcile({ contacts, recorded: [tea], exportOrders: [anchor, teaOn('2026-03-11')], options }),
        'p-1',
      ).outcome,
    ).toBe('missing');
    expect(
      resultOf(
        reconcile({ contacts, recorded: [tea], exportOrders: [anchor, teaOn('2026-03-10')], options }),
        'p-1',
      ).outcome,
    ).toBe('synced');
  });
});

describe('choosing between candidates', () => {
  it('prefers the nearer date, and assigns each back-office line once', () => {
    const result = reconcile({
      contacts,
      recorded: [
        record('p-1', 'c-jane', '2026-03-10', [[...TEA, 1, 1250]]),
        record('p-2', 'c-jane', '2026-03-12', [[...TEA, 1, 1250]]),
      ],
      exportOrders: [
        order('SO-1', '2026-03-11', JANE, [[...TEA, 1, 1250]]),
        order('SO-2', '2026-03-12', JANE, [[...TEA, 1, 1250]]),
      ],
    });
    // p-1 alone would take SO-1 (1 day off) and p-2 SO-2 (same day): both, not one line twice.
    expect(resultOf(result, 'p-1').backOfficeOrderIds).toEqual(['SO-1']);
    expect(resultOf(result, 'p-2').backOfficeOrderIds).toEqual(['SO-2']);
  });

  it('prefers the best overall assignment to the best single pair', () => {
    // p-2's only candidate is SO-1; p-1 could take either, slightly better SO-1 (same day).
    const result = reconcile({
      contacts,
      recorded: [
        record('p-1', 'c-jane', '2026-03-10', [[...TEA, 1, 1250]]),
        record('p-2', 'c-jane', '2026-03-08', [[...TEA, 1, 1250]]),
      ],
      exportOrders: [
        order('SO-1', '2026-03-10', JANE, [[...TEA, 1, 1250]]),
        order('SO-2', '2026-03-12', JANE, [[...TEA, 1, 1250]]),
      ],
    });
    expect(resultOf(result, 'p-1').backOfficeOrderIds).toEqual(['SO-2']);
    expect(resultOf(result, 'p-2').backOfficeOrderIds).toEqual(['SO-1']);
    expect(result.backOfficeOnly).toEqual([]);
  });

  it('keeps the lines of a record together in one back-office order, not each at its nearest date', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [
        // The whole order a day later, and a lone tea on the very day (a sale never recorded).
        order('SO-1', '2026-03-11', JANE, [
          [...TEA, 2, 1250],
          [...HONEY, 1, 800],
        ]),
        order('SO-2', '2026-03-10', JANE, [[...TEA, 2, 1250]]),
      ],
    });
    expect(resultOf(result, 'p-1')).toMatchObject({ outcome: 'probable', backOfficeOrderIds: ['SO-1'] });
    expect(result.backOfficeOnly.map((only) => only.order.orderId)).toEqual(['SO-2']);
  });

  it('pairs a product recorded on two lines with two back-office lines, the nearest prices together', () => {
    const result = reconcile({
      contacts,
      recorded: [
        record('p-1', 'c-jane', '2026-03-10', [
          [...TEA, 1, 1250],
          [...TEA, 1, 0],
        ]),
      ],
      exportOrders: [
        order('SO-1', '2026-03-10', JANE, [
          [...TEA, 1, 0, 40],
          [...TEA, 1, 1250, 41],
        ]),
      ],
    });
    expect(resultOf(result, 'p-1')).toMatchObject({
      outcome: 'synced',
      lines: [
        { lineIndex: 0, backOfficeLine: 41 },
        { lineIndex: 1, backOfficeLine: 40 },
      ],
    });
  });

  it('reads a fractional or negative window as whole days, at least none', () => {
    const tea = record('p-1', 'c-jane', '2026-03-10', [[...TEA, 2, 1250]]);
    const exportOrders = [
      order('SO-0', '2026-03-01', { id: 'C-2' }, [['X-1', 'Doormat', 1, 900]]),
      order('SO-1', '2026-03-12', JANE, [[...TEA, 2, 1250]]),
    ];
    const within = reconcile({
      contacts,
      recorded: [tea],
      exportOrders,
      options: { dateWindowDays: 2.9, priceTolerance: 0.05 },
    });
    expect(resultOf(within, 'p-1').outcome).toBe('probable');
    const none = reconcile({
      contacts,
      recorded: [tea],
      exportOrders,
      options: { dateWindowDays: -1, priceTolerance: 0.05 },
    });
    expect(resultOf(none, 'p-1').outcome).toBe('missing');
  });

  it('prefers a SKU match to a name match', () => {
    const result = reconcile({
      contacts,
      recorded: [record('p-1', 'c-jane', '2026-03-10', [[...TEA, 1, 1250]])],
      exportOrders: [
        order('SO-1', '2026-03-10', JANE, [[undefined, 'Organic green tea 500 g', 1, 1250]]),
        order('SO-2', '2026-03-10', JANE, [['gt-500', 'Tea', 1, 1250]]),
      ],
    });
    expect(resultOf(result, 'p-1')).toMatchObject({ outcome: 'synced', backOfficeOrderIds: ['SO-2'] });
  });

  it('never matches another contact, or a customer it could not resolve', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [
        order('SO-1', '2026-03-10', { id: 'C-2' }, [
          [...TEA, 2, 1250],
          [...HONEY, 1, 800],
        ]),
        order('SO-2', '2026-03-10', { name: 'Somebody Else' }, [
          [...TEA, 2, 1250],
          [...HONEY, 1, 800],
        ]),
      ],
    });
    expect(resultOf(result, 'p-1').outcome).toBe('missing');
    expect(result.backOfficeOnly).toMatchObject([
      { order: { orderId: 'SO-1' }, contactId: 'c-bob' },
      { order: { orderId: 'SO-2' } },
    ]);
    expect(result.backOfficeOnly[1]).not.toHaveProperty('contactId');
  });
});

describe('orders that cannot match', () => {
  it('lists the orders of contacts with nothing recorded as back office only, with that contact, in order id order', () => {
    const ann = contact('c-ann', 'Ann Lee', { emailKey: 'ann@example.com', phoneKey: '+14155550134' });
    const result = reconcile({
      contacts: [...contacts, ann],
      recorded: [teaAndHoney],
      // Given out of order id order, lines out of file order: the result is in order id order.
      exportOrders: [
        order('SO-4', '2026-03-10', { name: 'Bob JONES' }, [[...TEA, 1, 1250]]),
        order('SO-3', '2026-03-10', { email: ' ANN@example.com ' }, [
          [...HONEY, 1, 800, 31],
          [...TEA, 1, 1250, 30],
        ]),
        order('SO-1', '2026-03-10', JANE, [
          [...TEA, 2, 1250],
          [...HONEY, 1, 800],
        ]),
        order('SO-2', '2026-03-11', { id: 'C-2' }, [[...TEA, 2, 1250]]),
        order('SO-5', '2026-03-12', { phone: '(415) 555-0134' }, [[...TEA, 2, 1250]]),
        order('SO-0', '2026-03-09', { id: 'C-404' }, [[...TEA, 2, 1250]]),
      ],
    });
    expect(resultOf(result, 'p-1').outcome).toBe('synced');
    expect(result.backOfficeOnly.map((only) => [only.order.orderId, only.contactId])).toEqual([
      ['SO-0', undefined],
      ['SO-2', 'c-bob'],
      ['SO-3', 'c-ann'],
      ['SO-4', 'c-bob'],
      ['SO-5', 'c-ann'],
    ]);
    expect(result.backOfficeOnly[0]).not.toHaveProperty('contactId');
    expect(result.backOfficeOnly[2]?.order.lines.map((line) => line.line)).toEqual([30, 31]);
  });
});

describe('currencies', () => {
  it('pairs an order in another currency only as a conflict, and prefers one in the same currency', () => {
    const tea = record('p-1', 'c-jane', '2026-03-10', [[...TEA, 2, 1250]]);
    const euro = order('SO-1', '2026-03-10', JANE, [[...TEA, 2, 1150]], 'EUR');
    const alone = reconcile({ contacts, recorded: [tea], exportOrders: [euro] });
    expect(resultOf(alone, 'p-1')).toMatchObject({
      outcome: 'conflict',
      differences: [{ field: 'currency', backOfficeOrderId: 'SO-1', recorded: 'USD', backOffice: 'EUR' }],
    });
    const both = reconcile({
      contacts,
      recorded: [tea],
      // Three days off, another quantity, another price: still the one in dollars.
      exportOrders: [euro, order('SO-2', '2026-03-13', JANE, [[...TEA, 3, 2000]])],
    });
    expect(resultOf(both, 'p-1').backOfficeOrderIds).toEqual(['SO-2']);
  });
});

describe('coverage', () => {
  const exportOrders = [
    order('SO-1', '2026-03-10', JANE, [[...TEA, 1, 1250]]),
    order('SO-2', '2026-03-20', { id: 'C-2' }, [[...HONEY, 1, 800]]),
  ];

  it('judges only records the export covers, give or take the window when they matched', () => {
    const result = reconcile({
      contacts,
      exportOrders,
      recorded: [
        record('early', 'c-jane', '2026-03-01', [[...HONEY, 1, 800]]), // long before: not judged
        record('margin-unmatched', 'c-jane', '2026-03-08', [[...HONEY, 1, 800]]), // just before, no match
        record('margin-matched', 'c-jane', '2026-03-08', [[...TEA, 1, 1250]]), // just before, matches SO-1
        record('inside', 'c-jane', '2026-03-15', [[...HONEY, 1, 800]]), // covered, no match: missing
        record('late', 'c-bob', '2026-03-24', [[...HONEY, 1, 800]]), // past to + 3
      ],
    });
    expect(result.covered).toEqual({ from: '2026-03-10', to: '2026-03-20' });
    expect(result.recorded.map((entry) => [entry.purchaseId, entry.outcome])).toEqual([
      ['inside', 'missing'],
      ['margin-matched', 'probable'],
    ]);
  });

  it('judges nothing against an empty export', () => {
    expect(reconcile({ contacts, recorded: [teaAndHoney], exportOrders: [] })).toEqual({
      recorded: [],
      backOfficeOnly: [],
      covered: null,
    });
  });
});

describe('decisions', () => {
  const decided = (verdict: 'confirmed' | 'rejected', orderIds: string[]): ReconcileDecision => ({
    id: `p-1|${orderIds.join(',')}`,
    purchaseId: 'p-1',
    backOfficeOrderIds: orderIds,
    verdict,
    decidedAt: '2026-03-15T10:00:00.000Z',
  });
  const shifted = [
    order('SO-1', '2026-03-11', JANE, [
      [...TEA, 2, 1250],
      [...HONEY, 1, 800],
    ]),
  ];

  it('makes a confirmed probable match synced when the same match comes back', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: shifted,
      decisions: [decided('confirmed', ['SO-1'])],
    });
    expect(resultOf(result, 'p-1')).toMatchObject({
      outcome: 'synced',
      confirmed: true,
      backOfficeOrderIds: ['SO-1'],
    });
  });

  it('keeps a confirmation when the lines now all sit in fewer of the confirmed orders', () => {
    // The user confirmed the record as SO-1 and SO-2; it now matches SO-1 alone, within them.
    const narrower = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: shifted,
      decisions: [decided('confirmed', ['SO-1', 'SO-2'])],
    });
    expect(resultOf(narrower, 'p-1')).toMatchObject({ outcome: 'synced', confirmed: true });
  });

  it('does not apply a confirmation to another match, nor hide a conflict', () => {
    const other = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: shifted,
      decisions: [decided('confirmed', ['SO-2'])],
    });
    expect(resultOf(other, 'p-1').outcome).toBe('probable');
    const conflict = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [
        order('SO-1', '2026-03-11', JANE, [
          [...TEA, 5, 1250],
          [...HONEY, 1, 800],
        ]),
      ],
      decisions: [decided('confirmed', ['SO-1'])],
    });
    expect(resultOf(conflict, 'p-1')).toMatchObject({ outcome: 'conflict' });
    expect(resultOf(conflict, 'p-1')).not.toHaveProperty('confirmed');
  });

  it('never pairs a rejected match again: the record is missing and the order back office only', () => {
    const bobs = order('SO-0', '2026-03-09', { id: 'C-2' }, [['X-1', 'Doormat', 1, 900]]);
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [bobs, ...shifted],
      decisions: [decided('rejected', ['SO-1'])],
    });
    expect(resultOf(result, 'p-1').outcome).toBe('missing');
    expect(result.backOfficeOnly.map((only) => only.order.orderId)).toEqual(['SO-0', 'SO-1']);
  });

  it('lets a rejected record match another order', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: [
        ...shifted,
        order('SO-2', '2026-03-12', JANE, [
          [...TEA, 2, 1250],
          [...HONEY, 1, 800],
        ]),
      ],
      decisions: [decided('rejected', ['SO-1'])],
    });
    expect(resultOf(result, 'p-1').backOfficeOrderIds).toEqual(['SO-2']);
  });

  it('follows the latest verdict on the same match', () => {
    const result = reconcile({
      contacts,
      recorded: [teaAndHoney],
      exportOrders: shifted,
      decisions: [
        { ...decided('confirmed', ['SO-1']), decidedAt: '2026-03-16T10:00:00.000Z' },
        decided('rejected', ['SO-1']),
      ],
    });
    expect(resultOf(result, 'p-1')).toMatchObject({ outcome: 'synced', confirmed: true });
  });
});
