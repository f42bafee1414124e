// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { findProductBySku, importCatalog, saveProduct } from '../../../src/db/products';
import type { CatalogEntry } from '../../../src/domain/catalog-changes';
import { CaptureProduct } from '../../../src/ui/catalog/CaptureProduct';
import {
  createCaptureProductModel,
  type CaptureProductDeps,
} from '../../../src/ui/catalog/capture-product-model';
import { readProductForm } from '../../../src/ui/catalog/product-form-model';
import { CatalogImport } from '../../../src/ui/dashboard/CatalogImport';
import { createCatalogModel } from '../../../src/ui/dashboard/catalog-model';

/** The catalog views as users and the e2e tests find them: by role, accessible name and text. */

let db: TallyDatabase;
let root: HTMLElement;

beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

const usd = (minor: number) => ({ minor, currency: 'USD' });
const cream: CatalogEntry = { sku: 'NW-1', name: 'Hand Cream', price: usd(1250), extra: {} };

const buttons = (within: ParentNode = root) =>
  [...within.querySelectorAll('button')].map((button) => button.textContent?.trim());
const button = (name: string, within: ParentNode = root) => {
  const found = [...within.querySelectorAll('button')].find((one) => one.textContent?.trim() === name);
  if (!found) throw new Error(`No button "${name}" among ${buttons(within).join(', ')}`);
  return found;
};
const field = (name: string, within: ParentNode = root) => {
  const label = [...within.querySelectorAll('label')].find((one) => one.textContent?.trim() === name);
  const control = label?.querySelector('input');
  if (!control) throw new Error(`No field labelled "${name}"`);
  return control;
};
const type = (name: string, value: string) =>
  act(() => {
    const input = field(name);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
const csv = (text: string, name = 'catalog.csv') => new File([text], name, { type: 'text/csv' });
/** The message tied to a field, as a screen reader reads it with the field. */
const describedBy = (input: HTMLInputElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('Catalog section: import with a preview', () => {
  async function shown() {
    const model = createCatalogModel({ db, locale: 'en-US' });
    await model.refresh();
    await act(() => render(<CatalogImport model={model} />, root));
    return model;
  }

  it('shows every change and every rejected row, and Cancel writes nothing', async () => {
    await importCatalog(db, [cream]);
    const model = await shown();
    const rows = Array.from({ length: 120 }, (_, index) => `NW-${index + 100},Thing ${index},x${index}`);
    await act(() =>
      model.chooseFile(csv(['sku,name,price', 'NW-1,Hand Cream,13.00', 'NW-2,Candle,9', ...rows].join('\n'))),
    );

    const preview = root.querySelector('section[aria-labelledby="import-preview-heading"]');
    expect(preview?.querySelector('[role=status]')?.textContent).toBe(
      '1 new, 1 updated, 0 unchanged, 120 rejected.',
    );
    expect(preview?.textContent).toContain('NW-1 Hand Cream: price $12.50 → $13.00');
    const rejected = [...root.querySelectorAll('ul[aria-label="Rejected rows"] > li')].map(
      (li) => li.textContent,
    );
    expect(rejected).toHaveLength(120);
    expect(rejected[0]).toBe('Line 4: price "x0" is not an amount');
    expect(rejected[119]).toBe('Line 123: price "x119" is not an amount');
    expect(buttons(preview!)).toEqual(['Import 2 products', 'Cancel']);

    await act(() => button('Cancel').click());
    expect(root.querySelector('[role=status]')?.textContent).toBe('Nothing imported from catalog.csv.');
    expect(await db.products.count()).toBe(1);
    expect((await findProductBySku(db, 'NW-1'))?.price).toEqual(usd(1250));
  });

  it('imports the good rows on Import and says what it did', async () => {
    const model = await shown();
    await act(() => model.chooseFile(csv('sku;name;price\nNW-9001;New thing;4.50\nNW-9002;Broken;12,5x\n')));
    await act(() => button('Import 1 product').click());
    await settle();
    expect(root.querySelector('[role=status]')?.textContent).toBe(
      'Imported catalog.csv: 1 new, 0 updated, 0 unchanged, 1 rejected.',
    );
    expect(root.textContent).toContain('1 product.');
    expect(await db.products.count()).toBe(1);
  });

  it('shows a new preview instead of writing when the catalog changed in between', async () => {
    const model = await shown();
    await act(() => model.chooseFile(csv('sku,name,price\nNW-1,Hand Cream,13.00\n')));
    await saveProduct(db, cream);
    await act(() => button('Import 1 product').click());
    await settle();
    const preview = root.querySelector('section[aria-labelledby="import-preview-heading"]');
    expect(preview?.textContent).toContain('The catalog changed since the first preview.');
    expect(preview?.querySelector('[role=status]')?.textContent).toBe(
      '0 new, 1 updated, 0 unchanged, 0 rejected.',
    );
    expect((await findProductBySku(db, 'NW-1'))?.price).toEqual(usd(1250));
    await act(() => button('Import 1 product').click());
    await settle();
    expect((await findProductBySku(db, 'NW-1'))?.price).toEqual(usd(1300));
  });

  it('says when there is nothing to import, and explains a file it cannot use', async () => {
    await importCatalog(db, [cream]);
    const model = await shown();
    await act(() => model.chooseFile(csv('sku,name,price\nNW-1,Hand Cream,12.50\n')));
    expect(root.textContent).toContain(
      'Nothing to import: the catalog already has every product in this file as it is.',
    );
    expect(buttons(root.querySelector('section[aria-labelledby="import-preview-heading"]')!)).toEqual([
      'Close',
    ]);
    await act(() => model.chooseFile(csv('sku,name\nNW-1,Renamed\n', 'no-price.csv')));
    expect(root.querySelector('[role=alert]')?.textContent).toMatch(
      /^no-price\.csv: The file has no column for Price/,
    );
    expect(root.querySelector('section[aria-labelledby="import-preview-heading"]')).toBeNull();
    expect((await findProductBySku(db, 'NW-1'))?.name).toBe('Hand Cream');
  });
});

describe('Catalog section: Add product', () => {
  it('marks each invalid field with its message, then saves; an existing SKU is refused', async () => {
    await importCatalog(db, [{ ...cream, price: { minor: 500, currency: 'EUR' } }]);
    const model = createCatalogModel({ db });
    await act(() => render(<CatalogImport model={model} />, root));
    await act(() => button('Add product').click());
    await settle();
    expect(field('Currency').value).toBe('EUR');

    await type('SKU', 'NW-2');
    await type('Price', '-3');
    await act(() => button('Save product').click());
    await settle();
    expect(field('Price').getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(field('Price'))).toBe('Price cannot be negative.');
    expect(describedBy(field('Name'))).toBe('Enter the name.');
    expect(field('SKU').hasAttribute('aria-invalid')).toBe(false);
    expect(await db.products.count()).toBe(1);

    await type('Name', 'Candle');
    expect(field('Name').hasAttribute('aria-invalid')).toBe(false);
    await type('Price', '9.5');
    await type('SKU', 'NW-1');
    await act(() => button('Save product').click());
    await settle();
    expect(describedBy(field('SKU'))).toBe(
      'NW-1 is already in the catalog (Hand Cream). Nothing was changed.',
    );
    expect((await findProductBySku(db, 'NW-1'))?.name).toBe('Hand Cream');

    await type('SKU', 'NW-2');
    await act(() => button('Save product').click());
    await settle();
    expect(root.querySelector('[role=status]')?.textContent).toBe('Added to catalog: Candle');
    expect(await findProductBySku(db, 'NW-2')).toMatchObject({
      name: 'Candle',
      price: { minor: 950, currency: 'EUR' },
    });
    expect(buttons()).toContain('Add product');
  });
});

describe('Capture product (sidebar)', () => {
  function captureWith(reply: Awaited<ReturnType<CaptureProductDeps['readPage']>>) {
    const save = vi.fn((entry: CatalogEntry) => saveProduct(db, entry));
    const model = createCaptureProductModel({
      readPage: async () => reply,
      findProduct: (sku) => findProductBySku(db, sku),
      save,
      defaultCurrency: async () => 'USD',
      locale: 'en-US',
    });
    return { model, save };
  }

  it('reads the page into a form and adds the product', async () => {
    const { model } = captureWith({
      product: {
        reader: 'northwind',
        sku: 'NW-7',
        name: 'Glass Spray',
        price: usd(2395),
        barcode: '2057890000007',
      },
    });
    await act(() => render(<CaptureProduct model={model} locale="en-US" />, root));
    await act(() => button('Capture product').click());
    await settle();
    expect(field('SKU').value).toBe('NW-7');
    expect(field('Price').value).toBe('23.95');
    expect(field('Currency').value).toBe('USD');
    expect(field('Barcode').value).toBe('2057890000007');
    await type('Category', 'Cleaning');
    await act(() => button('Add to catalog').click());
    await settle();
    expect(root.querySelector('[role=status]')?.textContent).toBe('Added to catalog: Glass Spray');
    expect(await findProductBySku(db, 'NW-7')).toMatchObject({ category: 'Cleaning', price: usd(2395) });
  });

  it('offers Update catalog for a known SKU, showing what would change', async () => {
    await importCatalog(db, [{ ...cream, barcode: '123', extra: { Colour: 'white' } }]);
    const { model } = captureWith({
      product: { reader: 'schema-org', sku: 'NW-1', name: 'Hand Cream', price: usd(1300) },
    });
    await act(() => render(<CaptureProduct model={model} locale="en-US" />, root));
    await act(() => button('Capture product').click());
    await settle();
    // What the page does not show comes from the catalog, so it is not "changed" to nothing.
    expect(field('Barcode').value).toBe('123');
    const changes = root.querySelector('ul[aria-labelledby="capture-changes-heading"]');
    expect(changes?.textContent).toBe('price $12.50 → $13.00');
    await act(() => button('Update catalog').click());
    await settle();
    expect(root.querySelector('[role=status]')?.textContent).toBe('Catalog updated: Hand Cream');
    expect(await findProductBySku(db, 'NW-1')).toMatchObject({
      price: usd(1300),
      extra: { Colour: 'white' },
    });
  });

  it('does not overwrite a SKU typed in and not yet looked up: it shows the update first', async () => {
    await importCatalog(db, [cream]);
    const { model, save } = captureWith({
      product: { reader: 'schema-org', name: 'Hand Cream', price: usd(1300) },
    });
    await act(() => render(<CaptureProduct model={model} />, root));
    await act(() => button('Capture product').click());
    await settle();
    await type('SKU', 'NW-1');
    await act(() => button('Add to catalog').click());
    await settle();
    expect(save).not.toHaveBeenCalled();
    expect(buttons()).toContain('Update catalog');
  });

  it('says clearly when the page has no product', async () => {
    const { model } = captureWith({ product: null, reason: 'Tally found no product on this page.' });
    await act(() => render(<CaptureProduct model={model} />, root));
    await act(() => button('Capture product').click());
    await settle();
    expect(root.textContent).toContain('Tally found no product on this page.');
    expect(root.querySelector('form')).toBeNull();
  });
});

describe('readProductForm', () => {
  const values = { sku: ' NW-5 ', name: 'Tea', price: '', currency: 'eur', category: '', barcode: '' };

  it('reads the price as the user’s locale writes it', () => {
    expect(readProductForm({ ...values, price: '1.234,50' }, 'de-DE').entry).toEqual({
      sku: 'NW-5',
      name: 'Tea',
      price: { minor: 123450, currency: 'EUR' },
      extra: {},
    });
    expect(readProductForm({ ...values, price: '1,234.50' }, 'en-US').entry?.price).toEqual({
      minor: 123450,
      currency: 'EUR',
    });
  });

  it('names every field to fix', () => {
    expect(
      readProductForm({ ...values, sku: '', currency: 'euro', barcode: '1'.repeat(65) }, 'en-US'),
    ).toEqual({
      entry: null,
      errors: {
        sku: 'Enter the SKU.',
        currency: 'Currency must be a three-letter code such as USD.',
        barcode: 'Barcode is longer than 64 characters.',
      },
    });
    expect(readProductForm({ ...values, price: '12.505' }, 'en-US').errors).toEqual({
      price: 'Price has more than 2 decimals.',
    });
  });
});
