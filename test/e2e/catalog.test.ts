import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { startDemoServer } from '../demo/server';
import { launchWithTally, sidebarFrame, type TallyBrowser } from '../support/chromium';
import { countRows } from '../support/indexeddb';
import {
  cancelCatalogImport,
  confirmCatalogImport,
  openDashboard,
  previewCatalogImport,
} from '../support/tour';

/**
 * The catalog end to end: a CSV import the user previews (every bad row with its line and
 * reason) before anything is written, a re-import that updates by SKU, a product added by hand,
 * and a product captured from the demo back office's product page through the sidebar.
 */
describe('catalog', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let dir: string;
  let dashboard: Page;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    dir = await mkdtemp(join(tmpdir(), 'tally-catalog-'));
    dashboard = await openDashboard(tally);
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function csvFile(name: string, lines: readonly string[]): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, `${lines.join('\n')}\n`);
    return path;
  }

  const goodRows = [
    'CAT-1,Hand Cream,12.50,USD,Skin,2000000000015',
    'CAT-2,Candle,9.00,USD,Home,',
    'CAT-3,Soap,3.25,USD,,',
  ];

  it('shows every bad row with its line and reason; Cancel writes nothing; Import takes the good rows', async () => {
    const badRows = [
      'CAT-4,Broken price,12.5x,USD,,',
      ',No SKU,1.00,USD,,',
      'CAT-5,Negative,-2.00,USD,,',
      'CAT-1,Twice,1.00,USD,,',
      'CAT-6,Bad currency,1.00,dollars,,',
      'CAT-7,Spreadsheet barcode,1.00,USD,,5.01234E+12',
    ];
    const file = await csvFile('with-bad-rows.csv', [
      'sku,name,price,currency,category,barcode',
      ...goodRows,
      ...badRows,
    ]);

    const preview = await previewCatalogImport(dashboard, file);
    expect(preview).toContain('3 new, 0 updated, 0 unchanged, 6 rejected.');
    const rejected = await dashboard.$$eval('ul[aria-label="Rejected rows"] > li', (items) =>
      items.map((item) => item.textContent ?? ''),
    );
    expect(rejected).toEqual([
      'Line 5: price "12.5x" is not an amount',
      'Line 6: sku is empty',
      'Line 7: price "-2.00" is negative',
      'Line 8: sku CAT-1 already on line 2',
      'Line 9: currency "dollars" is not a three-letter currency code',
      expect.stringMatching(/^Line 10: barcode "5.01234E\+12" was turned into a number by a spreadsheet/),
    ]);
    expect(await countRows(dashboard, 'products')).toBe(0);

    expect(await cancelCatalogImport(dashboard)).toBe('Nothing imported from with-bad-rows.csv.');
    expect(await countRows(dashboard, 'products')).toBe(0);

    await previewCatalogImport(dashboard, file);
    expect(await confirmCatalogImport(dashboard)).toBe(
      'Imported with-bad-rows.csv: 3 new, 0 updated, 0 unchanged, 6 rejected.',
    );
    expect(await countRows(dashboard, 'products')).toBe(3);
  });

  it('previews a changed price as one update, and applies it on Import', async () => {
    const file = await csvFile('new-price.csv', [
      'sku,name,price,currency,category,barcode',
      'CAT-1,Hand Cream,13.00,USD,Skin,2000000000015',
      ...goodRows.slice(1),
    ]);
    const preview = await previewCatalogImport(dashboard, file);
    expect(preview).toContain('0 new, 1 updated, 2 unchanged, 0 rejected.');
    const changes = await dashboard.$$eval('ul[aria-labelledby=import-changes-heading] > li', (items) =>
      items.map((item) => item.textContent ?? ''),
    );
    expect(changes).toEqual(['CAT-1 Hand Cream: price $12.50 → $13.00']);
    expect(await productBySku(dashboard, 'CAT-1')).toMatchObject({ price: { minor: 1250 } });

    expect(await confirmCatalogImport(dashboard)).toBe(
      'Imported new-price.csv: 0 new, 1 updated, 2 unchanged, 0 rejected.',
    );
    expect(await productBySku(dashboard, 'CAT-1')).toMatchObject({
      price: { minor: 1300, currency: 'USD' },
      barcode: '2000000000015',
    });
    expect(await countRows(dashboard, 'products')).toBe(3);
  });

  it('adds a product by hand, refusing an invalid price and an existing SKU', async () => {
    await dashboard.locator('::-p-aria(Add product)').click();
    const form = 'form[aria-labelledby=add-product-heading]';
    await dashboard.waitForSelector(form);
    expect(await fieldValue(dashboard, form, 'Currency')).toBe('USD');
    await typeInto(dashboard, form, 'SKU', 'CAT-9');
    await typeInto(dashboard, form, 'Name', 'Lip Balm');
    await typeInto(dashboard, form, 'Price', '4.2.5');
    await dashboard.locator(`${form} ::-p-aria(Save product)`).click();

    expect(await invalidFieldMessage(dashboard, form, 'Price')).toBe('Price is not an amount such as 12.50.');
    expect(await countRows(dashboard, 'products')).toBe(3);

    await typeInto(dashboard, form, 'Price', '4.25');
    await typeInto(dashboard, form, 'SKU', 'CAT-2');
    await dashboard.locator(`${form} ::-p-aria(Save product)`).click();
    expect(await invalidFieldMessage(dashboard, form, 'SKU')).toBe(
      'CAT-2 is already in the catalog (Candle). Nothing was changed.',
    );
    expect(await productBySku(dashboard, 'CAT-2')).toMatchObject({ name: 'Candle' });

    await typeInto(dashboard, form, 'SKU', 'CAT-9');
    await dashboard.locator(`${form} ::-p-aria(Save product)`).click();
    await dashboard.waitForFunction(
      () =>
        document.querySelector('section[aria-labelledby=catalog-heading] > p[role=status]')?.textContent ===
        'Added to catalog: Lip Balm',
    );
    expect(await productBySku(dashboard, 'CAT-9')).toMatchObject({
      name: 'Lip Balm',
      price: { minor: 425, currency: 'USD' },
    });
    expect(await countRows(dashboard, 'products')).toBe(4);
  });

  it('captures a product from the back office’s product page with its price and barcode', async () => {
    const page = await tally.browser.newPage();
    await page.goto(`${demo.url}/rep/products/NW-1007`);
    const shown = await page.$eval('main.product-detail', (main) => ({
      name: main.querySelector('.product-name')?.textContent?.trim() ?? '',
      priceMinor: Number(main.querySelector('.product-price')?.getAttribute('data-price-minor')),
      barcode: main.querySelector('.product-barcode')?.textContent?.trim() ?? '',
    }));
    await page.locator('::-p-aria(Open Tally)').click();
    const frame = await sidebarFrame(page, tally.extensionOrigin);
    await frame.waitForSelector('section[aria-label="No customer on this page"]');
    await frame.locator('::-p-aria(Capture product)').click();
    await frame.waitForSelector('::-p-aria(Add to catalog)');
    expect(await frameFieldValue(frame, 'SKU')).toBe('NW-1007');
    expect(await frameFieldValue(frame, 'Name')).toBe(shown.name);
    expect(await frameFieldValue(frame, 'Barcode')).toBe(shown.barcode);
    await frame.locator('::-p-aria(Add to catalog)').click();
    await frame.waitForFunction(
      (expected) =>
        [...document.querySelectorAll('[role=status]')].some((status) => status.textContent === expected),
      {},
      `Added to catalog: ${shown.name}`,
    );
    expect(await productBySku(dashboard, 'NW-1007')).toMatchObject({
      name: shown.name,
      price: { minor: shown.priceMinor, currency: 'USD' },
      barcode: shown.barcode,
      category: expect.any(String),
    });
    expect(await countRows(dashboard, 'products')).toBe(5);

    // Capturing it again finds it in the catalog, as it is.
    await frame.locator('::-p-aria(Capture product)').click();
    await frame.waitForSelector('::-p-aria(Update catalog)');
    expect(await frame.$eval('form.capture-product', (form) => form.textContent)).toContain(
      'The catalog already has this product as it is.',
    );
    await page.close();
  });
});

/** A stored product, read with raw IndexedDB in an extension page (null when there is none). */
async function productBySku(page: Page, sku: string): Promise<Record<string, unknown> | null> {
  return page.evaluate(
    (wanted) =>
      new Promise<Record<string, unknown> | null>((resolve, reject) => {
        const open = indexedDB.open('tally');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('products')
            .objectStore('products')
            .index('sku')
            .get(wanted);
          request.onsuccess = () => {
            resolve((request.result as Record<string, unknown> | undefined) ?? null);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    sku,
  );
}

async function fieldValue(page: Page, scope: string, name: string): Promise<string> {
  return page.$eval(`${scope} ::-p-aria(${name})`, (input) => (input as HTMLInputElement).value);
}

async function frameFieldValue(frame: Frame, name: string): Promise<string> {
  return frame.$eval(`form.capture-product ::-p-aria(${name})`, (input) => (input as HTMLInputElement).value);
}

/** Waits for the field to be marked invalid; returns the message tied to it (aria-describedby). */
async function invalidFieldMessage(page: Page, scope: string, name: string): Promise<string> {
  const input = await page.waitForSelector(`${scope} ::-p-aria(${name})`);
  if (!input) throw new Error(`No field ${name}`);
  await page.waitForFunction((element) => element.getAttribute('aria-invalid') === 'true', {}, input);
  return input.evaluate(
    (element) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
  );
}

/** Replaces a field's text as a user does: select all, type. */
async function typeInto(page: Page, scope: string, name: string, text: string): Promise<void> {
  const input = await page.waitForSelector(`${scope} ::-p-aria(${name})`);
  await input?.click({ count: 3 });
  await input?.evaluate((element) => (element as HTMLInputElement).select());
  await input?.type(text);
}
