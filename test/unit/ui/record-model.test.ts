import { describe, expect, it } from 'vitest';
import { STORE_CREDIT } from '../../../src/domain/buyback';
import type { Contact } from '../../../src/domain/contact';
import type { Money } from '../../../src/domain/money';
import { productSearchText, type Product } from '../../../src/domain/product';
import { createProductIndex } from '../../../src/domain/product-search';
import type { PurchaseRecord } from '../../../src/domain/purchase';
import type { GroupOrderDraft } from '../../../src/db/purchases';
import {
  createRecordModel,
  priceOverridden,
  type OrderDraft,
  type PaymentOptions,
} from '../../../src/ui/record/record-model';

const stamp = '2026-01-01T00:00:00.000Z';
const TODAY = '2026-11-22';
function product(sku: string, name: string, minor: number, currency = 'USD'): Product {
  return {
    id: crypto.randomUUID(),
    sku,
    name,
    price: { minor, currency },
    extra: {},
    searchText: productSearchText({ sku, name }),
    createdAt: stamp,
    updatedAt: stamp,
  };
}
const catalog = [
  product('NW-1', 'Hand Cream', 1250),
  product('NW-2', 'Candle', 900),
  product('EU-1', 'Soap', 500, 'EUR'),
];
const ada = { id: crypto.randomUUID(), name: 'Ada' } as Contact;
const grace = { id: crypto.randomUUID(), name: 'Grace' } as Contact;

const METHODS = ['Cash', 'Card', 'Bank transfer', 'Cheque', STORE_CREDIT];

async function model(
  options: {
    kind?: 'purchase' | 'sample';
    locale?: string;
    editing?: PurchaseRecord;
    credit?: Money[];
    methods?: string[];
  } = {},
) {
  const saved: OrderDraft[] = [];
  const groups: GroupOrderDraft[] = [];
  const optionsAsked: string[] = [];
  const record = createRecordModel(
    ada,
    options.kind ?? 'purchase',
    {
      loadCatalog: async () => createProductIndex(catalog),
      save: async (draft) => void saved.push(draft),
      saveGroup: async (draft) => void groups.push(draft),
      searchContacts: async (query) => [ada, grace].filter((contact) => contact.name.includes(query)),
      loadPaymentOptions: async (contactId): Promise<PaymentOptions> => {
        optionsAsked.push(contactId);
        return { methods: options.methods ?? METHODS, credit: options.credit ?? [] };
      },
      today: () => TODAY,
      ...(options.locale ? { locale: options.locale } : {}),
    },
    options.editing,
  );
  await record.ready;
  return { record, saved, groups, optionsAsked };
}

describe('recording a purchase', () => {
  it('adds products by keyboard; the same product twice becomes quantity 2', async () => {
    const { record } = await model();
    const { search } = record;
    search.setQuery('candle');
    search.pickHighlighted();
    search.setQuery('hand');
    search.moveHighlight(1);
    search.moveHighlight(-1);
    search.pickHighlighted();
    search.setQuery('candle');
    search.pickHighlighted();
    expect(record.lines.value.map((line) => [line.sku, line.quantityText])).toEqual([
      ['NW-2', '2'],
      ['NW-1', '1'],
    ]);
  });

  it('reviews with today’s date and catalog prices, and saves what the user changed', async () => {
    const { record, saved } = await model();
    record.add(catalog[0]!);
    record.add(catalog[1]!);
    record.complete();
    expect(record.step.value).toBe('review');
    expect(record.purchaseDate.value).toBe(TODAY);
    record.updateLine(catalog[0]!.id, { quantityText: '3' });
    record.updateLine(catalog[1]!.id, { priceText: '7.5' });
    expect(record.total.value).toEqual({ minor: 3 * 1250 + 750, currency: 'USD' });
    expect(record.lines.value.map((line) => priceOverridden(line, 'purchase'))).toEqual([false, true]);
    expect(await record.confirm()).toBe(true);
    expect(saved[0]).toMatchObject({
      kind: 'purchase',
      contactId: ada.id,
      currency: 'USD',
      lines: [
        { sku: 'NW-1', quantity: 3, unitPrice: { minor: 1250 } },
        { sku: 'NW-2', quantity: 1, unitPrice: { minor: 750 }, catalogPrice: { minor: 900 } },
      ],
    });
  });

  it('reads prices the way the user’s locale writes them', async () => {
    const { record, saved } = await model({ locale: 'de-DE' });
    record.add(catalog[0]!);
    expect(record.lines.value[0]?.priceText).toBe('12,50');
    record.updateLine(catalog[0]!.id, { priceText: '1.234,56' });
    expect(await record.confirm()).toBe(true);
    expect(saved[0]?.lines[0]?.unitPrice.minor).toBe(123456);
  });

  it('marks each bad quantity and price with its reason and saves nothing', async () => {
    const { record, saved } = await model();
    record.add(catalog[0]!);
    record.add(catalog[1]!);
    record.complete();
    record.updateLine(catalog[0]!.id, { quantityText: '1.5', priceText: '12,5x' });
    record.updateLine(catalog[1]!.id, { quantityText: '2000000', priceText: '-1' });
    expect(await record.confirm()).toBe(false);
    expect(record.error.value).toMatch(/marked/);
    expect(record.check.value.lineProblems.get(catalog[0]!.id)).toEqual({
      quantity: 'Quantity must be a whole number of 1 or more.',
      price: 'Price is not an amount such as 12.50.',
    });
    expect(record.check.value.lineProblems.get(catalog[1]!.id)).toEqual({
      quantity: 'Quantity can be at most 1,000,000.',
      price: 'Price cannot be negative.',
    });
    expect(saved).toEqual([]);
  });

  it('refuses a line whose total is beyond an exact amount', async () => {
    const { record } = await model();
    record.add(catalog[0]!);
    record.updateLine(catalog[0]!.id, { quantityText: '1000000', priceText: '90071992547409.91' });
    expect(await record.confirm()).toBe(false);
    expect(record.check.value.lineProblems.get(catalog[0]!.id)?.price).toMatch(/too large/);
  });

  it('asks before recording a purchase date in the future; any past date is fine', async () => {
    const { record, saved } = await model();
    record.add(catalog[0]!);
    record.setPurchaseDate('2019-02-28');
    expect(record.check.value.future).toBe(false);
    record.setPurchaseDate('2026-11-23');
    expect(await record.confirm()).toBe(false);
    expect(record.futureConfirmNeeded.value).toBe(true);
    expect(saved).toEqual([]);
    expect(await record.confirm(true)).toBe(true);
    expect(saved[0]?.purchaseDate).toBe('2026-11-23');
  });

  it('refuses a note longer than an order keeps, saying how long it is', async () => {
    const { record, saved } = await model();
    record.add(catalog[0]!);
    record.note.value = 'x'.repeat(2001);
    expect(await record.confirm()).toBe(false);
    expect(record.noteProblem.value).toBe('Note can be at most 2,000 characters; this one has 2,001.');
    expect(saved).toEqual([]);
    record.note.value = 'x'.repeat(2000);
    expect(await record.confirm()).toBe(true);
  });

  it('refuses a date that does not exist', async () => {
    const { record } = await model();
    record.add(catalog[0]!);
    record.setPurchaseDate('2026-02-30');
    expect(await record.confirm()).toBe(false);
    expect(record.check.value.dateProblem).toBe('Purchase date must be a date.');
  });

  it('keeps one currency per order', async () => {
    const { record } = await model();
    record.add(catalog[0]!);
    record.add(catalog[2]!);
    expect(record.lines.value).toHaveLength(1);
    expect(record.error.value).toMatch(/priced in EUR; this order is in USD/);
  });

  it('needs a product before the review', async () => {
    const { record } = await model();
    record.complete();
    expect(record.step.value).toBe('pick');
    expect(record.error.value).toMatch(/at least one product/);
  });

  it('records samples at no charge by default, which is not a changed price', async () => {
    const { record } = await model({ kind: 'sample' });
    record.add(catalog[0]!);
    expect(record.lines.value[0]?.priceText).toBe('0.00');
    expect(priceOverridden(record.lines.value[0]!, 'sample')).toBe(false);
  });

  it('opens a recorded order for editing with its lines, date and note', async () => {
    const editing: PurchaseRecord = {
      id: crypto.randomUUID(),
      createdAt: stamp,
      updatedAt: stamp,
      contactId: ada.id,
      kind: 'purchase',
      purchaseDate: '2026-10-01',
      currency: 'USD',
      note: 'Paid cash',
      lines: [
        {
          productId: catalog[0]!.id,
          sku: 'NW-1',
          name: 'Hand Cream',
          quantity: 2,
          unitPrice: { minor: 1100, currency: 'USD' },
          catalogPrice: { minor: 1250, currency: 'USD' },
        },
      ],
    };
    const { record, saved } = await model({ editing });
    expect(record.step.value).toBe('review');
    expect(record.lines.value[0]).toMatchObject({ quantityText: '2', priceText: '11.00' });
    expect(record.purchaseDate.value).toBe('2026-10-01');
    record.updateLine(catalog[0]!.id, { quantityText: '4' });
    expect(await record.confirm()).toBe(true);
    expect(saved[0]).toMatchObject({
      purchaseDate: '2026-10-01',
      note: 'Paid cash',
      lines: [{ quantity: 4 }],
    });
  });
});

describe('splitting a group order', () => {
  it('deals the lines out evenly, lets the user adjust, and checks every unit goes to someone', async () => {
    const { record, groups, saved } = await model();
    record.add(catalog[0]!);
    record.updateLine(catalog[0]!.id, { quantityText: '3' });
    record.add(catalog[1]!);
    record.complete();
    record.startSplit();
    const split = record.split.value!;
    await split.search('Gra');
    expect(split.found.value.map((contact) => contact.name)).toEqual(['Grace']);
    split.add(grace);
    expect(split.participants.value.map((participant) => participant.quantityTexts)).toEqual([
      { [catalog[0]!.id]: '2', [catalog[1]!.id]: '1' },
      { [catalog[0]!.id]: '1', [catalog[1]!.id]: '0' },
    ]);
    split.setQuantity(grace.id, catalog[0]!.id, '2');
    expect(await record.confirm()).toBe(false);
    expect(record.error.value).toBe('Hand Cream: the shares add up to 4, the order has 3.');
    split.setQuantity(ada.id, catalog[0]!.id, '1');
    expect(await record.confirm()).toBe(true);
    expect(saved).toEqual([]);
    expect(groups[0]?.shares.map((share) => [share.contactId, Object.fromEntries(share.quantities)])).toEqual(
      [
        [ada.id, { [catalog[0]!.id]: 1, [catalog[1]!.id]: 1 }],
        [grace.id, { [catalog[0]!.id]: 2, [catalog[1]!.id]: 0 }],
      ],
    );
  });

  it('is not a group order with one contact', async () => {
    const { record, groups } = await model();
    record.add(catalog[0]!);
    record.startSplit();
    expect(await record.confirm()).toBe(false);
    expect(record.error.value).toMatch(/at least two contacts/);
    expect(groups).toEqual([]);
  });
});

const usd = (minor: number): Money => ({ minor, currency: 'USD' });

describe('paying for a purchase', () => {
  /** Hand Cream and a Candle: $21.50. */
  async function reviewed(options: Parameters<typeof model>[0] = {}) {
    const made = await model(options);
    made.record.add(catalog[0]!);
    made.record.add(catalog[1]!);
    made.record.complete();
    return made;
  }

  it('offers the shop’s payment methods, the first chosen, and stores the method', async () => {
    const { record, saved, optionsAsked } = await reviewed();
    expect(optionsAsked).toEqual([ada.id]);
    expect(record.methods.value).toEqual(METHODS);
    expect(record.method.value).toBe('Cash');
    expect(record.creditAvailable.value).toBeNull();
    record.setMethod('Card');
    expect(await record.confirm()).toBe(true);
    expect(saved[0]?.payment).toEqual({ method: 'Card' });
  });

  it('offers the contact’s store credit up to the total, following the total until the user types', async () => {
    const { record, saved } = await reviewed({ credit: [usd(5000)] });
    expect(record.creditAvailable.value).toEqual(usd(5000));
    expect(record.creditText.value).toBe('21.50');
    record.updateLine(catalog[0]!.id, { quantityText: '2' });
    expect(record.creditText.value).toBe('34.00');
    record.setCreditText('10');
    record.updateLine(catalog[0]!.id, { quantityText: '3' });
    expect(record.creditText.value).toBe('10');
    expect(await record.confirm()).toBe(true);
    expect(saved[0]?.payment).toEqual({ method: 'Cash', storeCredit: usd(1000) });
  });

  it('defaults to all the credit when it is less than the total; empty or zero uses none', async () => {
    const { record, saved } = await reviewed({ credit: [usd(500)] });
    expect(record.creditText.value).toBe('5.00');
    record.setCreditText('  ');
    expect(await record.confirm()).toBe(true);
    record.setCreditText('0');
    expect(await record.confirm()).toBe(true);
    expect(saved.map((draft) => draft.payment)).toEqual([{ method: 'Cash' }, { method: 'Cash' }]);
  });

  it('reads the credit in the user’s locale', async () => {
    const { record, saved } = await reviewed({ credit: [usd(5000)], locale: 'de-DE' });
    expect(record.creditText.value).toBe('21,50');
    record.setCreditText('12,25');
    expect(await record.confirm()).toBe(true);
    expect(saved[0]?.payment?.storeCredit).toEqual(usd(1225));
  });

  it('marks store credit beyond the balance or the total, negative or not an amount, and saves nothing', async () => {
    const { record, saved } = await reviewed({ credit: [usd(5000)] });
    const cases: [string, string][] = [
      ['50.01', 'Only $50.00 of store credit is available.'],
      ['21.51', 'Store credit cannot be more than the order total, $21.50.'],
      ['-1', 'Store credit cannot be negative.'],
      ['ten', 'Store credit is not an amount such as 12.50.'],
      ['1.234', 'Store credit has more than 2 decimals.'],
    ];
    for (const [text, problem] of cases) {
      record.setCreditText(text);
      expect(await record.confirm()).toBe(false);
      expect(record.error.value).toMatch(/marked/);
      expect(record.paymentCheck.value.creditProblem).toBe(problem);
    }
    expect(saved).toEqual([]);
  });

  it('takes “Store credit” as the method only when the credit pays the whole total', async () => {
    const { record, saved } = await reviewed({ credit: [usd(5000)] });
    record.setMethod(STORE_CREDIT);
    record.setCreditText('20');
    expect(await record.confirm()).toBe(false);
    expect(record.paymentCheck.value.methodProblem).toBe(
      'Paying by store credit needs credit for the whole $21.50: use that much store credit, or choose another payment method.',
    );
    record.setCreditText('21.50');
    expect(await record.confirm()).toBe(true);
    expect(saved[0]?.payment).toEqual({ method: STORE_CREDIT, storeCredit: usd(2150) });
  });

  it('refuses “Store credit” as the method when the contact has too little', async () => {
    const { record, saved } = await reviewed({ credit: [usd(1000)] });
    record.setMethod(STORE_CREDIT);
    expect(await record.confirm()).toBe(false);
    expect(record.paymentCheck.value.methodProblem).toBe(
      'Store credit covers $10.00 of the $21.50 total: choose another payment method.',
    );
    const none = await reviewed();
    none.record.setMethod(STORE_CREDIT);
    expect(await none.record.confirm()).toBe(false);
    expect(none.record.paymentCheck.value.methodProblem).toBe(
      'Store credit covers $0.00 of the $21.50 total: choose another payment method.',
    );
    expect([...saved, ...none.saved]).toEqual([]);
  });

  it('offers no store credit in another currency than the order’s', async () => {
    const { record, saved } = await reviewed({ credit: [{ minor: 5000, currency: 'EUR' }] });
    expect(record.creditAvailable.value).toBeNull();
    expect(await record.confirm()).toBe(true);
    expect(saved[0]?.payment).toEqual({ method: 'Cash' });
  });

  it('asks nothing about payment for a sample', async () => {
    const { record, saved, optionsAsked } = await model({ kind: 'sample', credit: [usd(5000)] });
    record.add(catalog[0]!);
    expect(optionsAsked).toEqual([]);
    expect(record.methods.value).toEqual([]);
    expect(record.creditAvailable.value).toBeNull();
    expect(await record.confirm()).toBe(true);
    expect(saved[0]?.payment).toBeUndefined();
  });

  it('pays a group order by a method, never with store credit', async () => {
    const { record, groups } = await reviewed({ credit: [usd(5000)] });
    record.updateLine(catalog[0]!.id, { quantityText: '2' });
    record.startSplit();
    record.split.value!.add(grace);
    expect(record.creditAvailable.value).toBeNull();
    record.setMethod(STORE_CREDIT);
    expect(await record.confirm()).toBe(false);
    expect(record.paymentCheck.value.methodProblem).toBe('A group order cannot be paid with store credit.');
    record.setMethod('Card');
    expect(await record.confirm()).toBe(true);
    expect(groups[0]?.payment).toEqual({ method: 'Card' });
  });

  function recorded(
    payment?: PurchaseRecord['payment'],
    extra: Partial<PurchaseRecord> = {},
  ): PurchaseRecord {
    return {
      id: crypto.randomUUID(),
      createdAt: stamp,
      updatedAt: stamp,
      contactId: ada.id,
      kind: 'purchase',
      purchaseDate: '2026-10-01',
      currency: 'USD',
      lines: [
        {
          productId: catalog[0]!.id,
          sku: 'NW-1',
          name: 'Hand Cream',
          quantity: 2,
          unitPrice: usd(1250),
          catalogPrice: usd(1250),
        },
      ],
      ...(payment ? { payment } : {}),
      ...extra,
    };
  }

  it('edits an order paid with credit: what it used counts as available again', async () => {
    const editing = recorded({ method: 'Card', storeCredit: usd(1000) });
    const { record, saved } = await model({ editing, credit: [usd(500)] });
    expect(record.method.value).toBe('Card');
    expect(record.creditAvailable.value).toEqual(usd(1500));
    expect(record.creditText.value).toBe('10.00');
    record.setCreditText('15');
    expect(await record.confirm()).toBe(true);
    expect(saved[0]?.payment).toEqual({ method: 'Card', storeCredit: usd(1500) });
  });

  it('edits an order recorded before payments were without giving it one, unless the user does', async () => {
    const { record, saved } = await model({ editing: recorded(), credit: [usd(5000)] });
    expect(record.method.value).toBe('');
    expect(record.creditText.value).toBe('');
    expect(await record.confirm()).toBe(true);
    expect(saved[0]?.payment).toBeUndefined();
    record.setCreditText('5');
    expect(await record.confirm()).toBe(false);
    expect(record.paymentCheck.value.methodProblem).toBe('Choose a payment method.');
    record.setMethod('Cash');
    expect(await record.confirm()).toBe(true);
    expect(saved[1]?.payment).toEqual({ method: 'Cash', storeCredit: usd(500) });
  });

  it('keeps an edited order’s method that the shop no longer offers; no credit on a group share', async () => {
    const editing = recorded({ method: 'Voucher' }, { groupId: crypto.randomUUID() });
    const { record } = await model({ editing, credit: [usd(5000)], methods: ['Cash'] });
    expect(record.methods.value).toEqual(['Cash', 'Voucher']);
    expect(record.method.value).toBe('Voucher');
    expect(record.creditAvailable.value).toBeNull();
  });
});
