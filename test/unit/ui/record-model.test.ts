import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/domain/contact';
import { todayLocal } from '../../../src/domain/dates';
import { productSearchText, type Product } from '../../../src/domain/product';
import type { PurchaseDraft } from '../../../src/db/purchases';
import { createRecordModel, priceOverridden } from '../../../src/ui/record/record-model';

const stamp = '2026-01-01T00:00:00.000Z';
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
const contact = { id: crypto.randomUUID(), name: 'Ada' } as Contact;

async function model(kind: 'purchase' | 'sample' = 'purchase') {
  const saved: PurchaseDraft[] = [];
  const record = createRecordModel(contact, kind, {
    loadCatalog: async () => catalog,
    save: async (draft) => void saved.push(draft),
  });
  await record.ready;
  return { record, saved };
}

describe('recording a purchase', () => {
  it('adds products by keyboard; the same product twice becomes quantity 2', async () => {
    const { record } = await model();
    record.setQuery('nw'); // Candle (NW-2), then Hand Cream (NW-1): same score, by name
    record.moveHighlight(1);
    record.addHighlighted();
    record.moveHighlight(-1);
    record.addHighlighted();
    record.setQuery('candle');
    record.addHighlighted();
    expect(record.lines.value.map((line) => [line.product.sku, line.quantityText])).toEqual([
      ['NW-1', '1'],
      ['NW-2', '2'],
    ]);
  });

  it('reviews with today’s date and catalog prices, and saves what the user changed', async () => {
    const { record, saved } = await model();
    record.add(catalog[0]!);
    record.add(catalog[1]!);
    record.complete();
    expect(record.step.value).toBe('review');
    expect(record.purchaseDate.value).toBe(todayLocal());
    expect(record.lines.value.map((line) => line.priceText)).toEqual(['12.50', '9.00']);
    record.updateLine(catalog[0]!.id, { quantityText: '3' });
    record.updateLine(catalog[1]!.id, { priceText: '7.5' });
    expect(record.total.value).toEqual({ minor: 3 * 1250 + 750, currency: 'USD' });
    expect(record.lines.value.map(priceOverridden)).toEqual([false, true]);
    expect(await record.confirm()).toBe(true);
    expect(saved[0]).toMatchObject({
      kind: 'purchase',
      currency: 'USD',
      lines: [
        { sku: 'NW-1', quantity: 3, unitPrice: { minor: 1250 } },
        { sku: 'NW-2', quantity: 1, unitPrice: { minor: 750 }, catalogPrice: { minor: 900 } },
      ],
    });
  });

  it('refuses bad quantities and prices with a clear message and saves nothing', async () => {
    const { record, saved } = await model();
    record.add(catalog[0]!);
    record.complete();
    record.updateLine(catalog[0]!.id, { quantityText: '1.5', priceText: '12,5x' });
    expect(await record.confirm()).toBe(false);
    expect(record.error.value).toMatch(/Quantity of Hand Cream.*Price of Hand Cream/);
    expect(saved).toEqual([]);
  });

  it('keeps one currency per order', async () => {
    const { record } = await model();
    record.add(catalog[0]!);
    record.add(catalog[2]!);
    expect(record.lines.value).toHaveLength(1);
    expect(record.error.value).toMatch(/EUR/);
  });

  it('needs a product before the review', async () => {
    const { record } = await model();
    record.complete();
    expect(record.step.value).toBe('pick');
    expect(record.error.value).toMatch(/at least one product/);
  });

  it('records samples at no charge by default', async () => {
    const { record } = await model('sample');
    record.add(catalog[0]!);
    expect(record.lines.value[0]?.priceText).toBe('0.00');
  });
});
