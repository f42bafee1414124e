import { describe, expect, it } from 'vitest';
import {
  addProduct,
  checkOrderDraft,
  draftLinesOf,
  draftLineTotal,
  type OrderDraftLine,
} from '../../../src/ui/purchase-order/order-draft';

/** The draft purchase order as typed on its screen (pure; the screen's model holds it in signals). */

const USD = (minor: number) => ({ minor, currency: 'USD' });
const cream = { id: '10000000-0000-4000-8000-000000000001', sku: 'NW-1001', name: 'Hand Cream' };
const soap = { id: '10000000-0000-4000-8000-000000000002', sku: 'NW-1002', name: 'Soap' };

function typed(quantityText: string, costText: string, product = cream): OrderDraftLine {
  return { productId: product.id, sku: product.sku, name: product.name, quantityText, costText };
}

describe('addProduct', () => {
  it('starts a line at 1 with the last cost this supplier charged, in the user’s locale', () => {
    expect(addProduct([], cream, USD(123_450), 'de-DE')).toEqual([typed('1', '1234,50')]);
    expect(addProduct([], cream, USD(123_450), 'en-US')).toEqual([typed('1', '1234.50')]);
  });

  it('leaves the cost empty for a product never ordered from this supplier', () => {
    expect(addProduct([], cream, undefined)).toEqual([typed('1', '')]);
  });

  it('adds one more of a product already on the order instead of a second line', () => {
    const lines = addProduct(addProduct([typed('4', '2.00')], soap, undefined), cream, USD(999));
    expect(lines).toEqual([typed('5', '2.00'), typed('1', '', soap)]);
  });
});

describe('checkOrderDraft', () => {
  it('reads quantities and costs as typed in the user’s locale', () => {
    const check = checkOrderDraft([typed('3', '1.234,50')], '', 'USD', { locale: 'de-DE' });
    expect(check.lines).toEqual([
      { productId: cream.id, sku: 'NW-1001', name: 'Hand Cream', quantity: 3, unitCost: USD(123_450) },
    ]);
    expect(check.lineProblems.size).toBe(0);
  });

  it('lets a draft keep a line without a cost, but not a line that is sent', () => {
    expect(checkOrderDraft([typed('2', ' ')], '', 'USD').lines).toEqual([
      { productId: cream.id, sku: 'NW-1001', name: 'Hand Cream', quantity: 2 },
    ]);
    const sending = checkOrderDraft([typed('2', '')], '', 'USD', { costsRequired: true });
    expect(sending.lines).toBeNull();
    expect(sending.lineProblems.get(cream.id)).toEqual({ cost: 'Type the cost before sending the order.' });
  });

  it('names each bad field with what is wrong, and keeps nothing to save', () => {
    const check = checkOrderDraft([typed('0', '-3'), typed('two', '1.2.3', soap)], 'x'.repeat(2001), 'USD', {
      locale: 'en-US',
    });
    expect(check.lines).toBeNull();
    expect(check.lineProblems.get(cream.id)).toEqual({
      quantity: 'Quantity must be 1 or more.',
      cost: 'Cost cannot be negative.',
    });
    expect(check.lineProblems.get(soap.id)?.quantity).toBe('Quantity must be a whole number of 1 or more.');
    expect(check.lineProblems.get(soap.id)?.cost).toMatch(/^Cost is not an amount such as 12\.50\.$/);
    expect(check.noteProblem).toMatch(/^Note can be at most 2,000 characters/);
  });

  it('refuses a cost with more decimals than the currency has, and a line too large to add up', () => {
    expect(checkOrderDraft([typed('1', '1.5')], '', 'JPY').lineProblems.get(cream.id)?.cost).toBe(
      'Cost has decimals, and JPY has none.',
    );
    expect(
      checkOrderDraft([typed('1000000', '99999999999.99')], '', 'USD').lineProblems.get(cream.id)?.cost,
    ).toBe('Cost × quantity is too large to record.');
  });
});

describe('line totals', () => {
  it('is quantity × cost once both are valid, else nothing', () => {
    expect(draftLineTotal(typed('3', '2.50'), 'USD')).toEqual(USD(750));
    expect(draftLineTotal(typed('3', ''), 'USD')).toBeNull();
    expect(draftLineTotal(typed('x', '2.50'), 'USD')).toBeNull();
  });

  it('turns stored lines back into text fields', () => {
    const order = {
      lines: [
        { productId: cream.id, sku: 'NW-1001', name: 'Hand Cream', quantity: 2, unitCost: USD(1050) },
        { productId: soap.id, sku: 'NW-1002', name: 'Soap', quantity: 1 },
      ],
    };
    expect(draftLinesOf(order, 'fr-FR')).toEqual([typed('2', '10,50'), typed('1', '', soap)]);
  });
});
