import { readFile } from 'node:fs/promises';
import type { ElementHandle, Frame, Page } from 'puppeteer';
import { sidebarFrame, waitForDownload, type TallyBrowser } from './chromium';

/** The steps a rep takes, driven through the accessible names in DESIGN.md. Shared by e2e and demo. */

export interface LineToRecord {
  /** What to type into `Search products`; the first match is added with Enter. */
  search: string;
  quantity?: number;
  /** Decimal text, e.g. "9.99"; the catalog price stays when omitted. */
  price?: string;
}

export async function openSidebar(page: Page, tally: TallyBrowser): Promise<Frame> {
  await page.locator('::-p-aria(Open Tally)').click();
  const frame = await sidebarFrame(page, tally.extensionOrigin);
  await frame.waitForSelector('::-p-aria(Capture contact)');
  return frame;
}

export async function captureContact(frame: Frame): Promise<string> {
  // The sidebar replaces its status line on each capture; wait for the new one.
  const previous = await frame.evaluateHandle(() => document.querySelector('[role=status]'));
  await frame.locator('::-p-aria(Capture contact)').click();
  const status = await frame.waitForFunction(
    (old) => {
      const current = document.querySelector('[role=status]');
      return current !== null && current !== old ? (current.textContent ?? '') : null;
    },
    {},
    previous,
  );
  return (await status.jsonValue()) ?? '';
}

/** Searches and adds products, completes the record, sets quantities and prices, confirms. */
export async function recordPurchase(
  frame: Frame,
  lines: readonly LineToRecord[],
  options: {
    kind?: 'purchase' | 'sample';
    purchaseDate?: string;
    screenshot?: (name: string) => Promise<void>;
  } = {},
): Promise<void> {
  const sample = options.kind === 'sample';
  await frame.locator(sample ? '::-p-aria(Record sample)' : '::-p-aria(Record purchase)').click();
  const search = await frame.waitForSelector('::-p-aria(Search products)');
  for (const line of lines) {
    await search?.click({ count: 3 });
    await search?.type(line.search);
    await frame.waitForSelector('[role=option][aria-selected=true]');
    await search?.press('Enter');
  }
  await options.screenshot?.('products-added');
  await frame.locator('::-p-aria(Complete record)').click();
  await frame.waitForSelector('::-p-aria(Confirm order)');
  if (options.purchaseDate)
    await fill(frame, await frame.$('::-p-aria(Purchase date)'), options.purchaseDate);
  const quantities = await frame.$$('::-p-aria(Quantity)');
  const prices = await frame.$$('::-p-aria(Price)');
  for (const [index, line] of lines.entries()) {
    if (line.quantity !== undefined) await fill(frame, quantities[index], String(line.quantity));
    if (line.price !== undefined) await fill(frame, prices[index], line.price);
  }
  await options.screenshot?.('review');
  await frame.locator('::-p-aria(Confirm order)').click();
  await frame.waitForFunction(
    (expected) => document.querySelector('[role=status]')?.textContent === expected,
    {},
    sample ? 'Sample recorded.' : 'Order recorded.',
  );
}

/** The entries of the `Activity timeline`, top first, as the user reads them. */
export async function timelineEntries(frame: Frame): Promise<string[]> {
  const list = await frame.waitForSelector('ol.timeline');
  return (await list?.$$eval(':scope > li', (items) => items.map((item) => item.textContent ?? ''))) ?? [];
}

/** Downloads the back office's product CSV from its catalog page, as a user would. */
export async function downloadCatalogCsv(
  page: Page,
  tally: TallyBrowser,
  backOfficeUrl: string,
): Promise<string> {
  await page.goto(`${backOfficeUrl}/rep/products`);
  await page.locator('::-p-aria(Export products \\(CSV\\))').click();
  return waitForDownload(tally.downloadDir, /products.*\.csv$/);
}

export async function openDashboard(tally: TallyBrowser): Promise<Page> {
  const page = await tally.browser.newPage();
  await page.goto(`${tally.extensionOrigin}/dashboard.html`);
  await page.waitForSelector('::-p-aria(Export purchases)');
  return page;
}

/** Clicks `Import catalog` and picks the file in the browser's file chooser. */
async function chooseCatalogFile(dashboard: Page, csvPath: string): Promise<void> {
  const button = await dashboard.waitForSelector('::-p-aria(Import catalog)');
  const [chooser] = await Promise.all([dashboard.waitForFileChooser(), button?.click()]);
  await chooser.accept([csvPath]);
}

const CATALOG_PREVIEW = 'section[aria-labelledby=import-preview-heading]';
const CATALOG_STATUS = 'section[aria-labelledby=catalog-heading] > p[role=status]';

/**
 * Picks a catalog CSV with `Import catalog` and returns the preview's text: counts, every change,
 * every rejected row. Nothing is written until `confirmCatalogImport` (or `Cancel`).
 */
export async function previewCatalogImport(dashboard: Page, csvPath: string): Promise<string> {
  if (await dashboard.$(CATALOG_PREVIEW)) throw new Error('A catalog preview is already open.');
  await chooseCatalogFile(dashboard, csvPath);
  const preview = await dashboard.waitForSelector(CATALOG_PREVIEW);
  return (await preview?.evaluate((element) => element.textContent)) ?? '';
}

/** Clicks the preview's `Import N products` and returns the status line that follows. */
export async function confirmCatalogImport(dashboard: Page): Promise<string> {
  const button = await importButton(dashboard);
  if (!button) throw new Error('The catalog preview offers nothing to import.');
  await button.click();
  return catalogStatus(dashboard, /^Imported /);
}

/** Clicks the preview's `Cancel` (or `Close`) and returns the status line that follows. */
export async function cancelCatalogImport(dashboard: Page): Promise<string> {
  const button = await previewButton(dashboard, /^(Cancel|Close)$/);
  if (!button) throw new Error('No catalog preview to cancel.');
  await button.click();
  await dashboard.waitForFunction((selector) => !document.querySelector(selector), {}, CATALOG_PREVIEW);
  return (await dashboard.$eval(CATALOG_STATUS, (element) => element.textContent).catch(() => null)) ?? '';
}

/**
 * Imports a catalog CSV through the dashboard, as a user does: `Import catalog`, the preview,
 * then `Import N products`. Returns the status ("Imported products.csv: 1,000 new, …"), or the
 * preview's counts when the file changes nothing (the user then closes the preview).
 */
export async function importCatalog(dashboard: Page, csvPath: string): Promise<string> {
  await previewCatalogImport(dashboard, csvPath);
  if (await importButton(dashboard)) return confirmCatalogImport(dashboard);
  const counts = await dashboard.$eval(
    `${CATALOG_PREVIEW} [role=status]`,
    (element) => element.textContent ?? '',
  );
  await cancelCatalogImport(dashboard);
  return counts;
}

/** The preview's button whose name matches, if it offers one. */
async function previewButton(dashboard: Page, name: RegExp): Promise<ElementHandle<Element> | null> {
  const handle = await dashboard.evaluateHandle(
    (selector, source) =>
      [...document.querySelectorAll(`${selector} button`)].find((button) =>
        new RegExp(source).test(button.textContent ?? ''),
      ) ?? null,
    CATALOG_PREVIEW,
    name.source,
  );
  return handle.asElement() as ElementHandle<Element> | null;
}

const importButton = (dashboard: Page) => previewButton(dashboard, /^Import [\d,]+ products?$/);

async function catalogStatus(dashboard: Page, pattern: RegExp): Promise<string> {
  const status = await dashboard.waitForFunction(
    (selector, source) => {
      const text = document.querySelector(selector)?.textContent ?? '';
      return new RegExp(source).test(text) ? text : null;
    },
    {},
    CATALOG_STATUS,
    pattern.source,
  );
  return (await status.jsonValue()) ?? '';
}

/** Imports a file the dashboard must refuse; returns the message it shows. */
export async function importCatalogExpectingError(
  dashboard: Page,
  csvPath: string,
  pattern: RegExp,
): Promise<string> {
  await chooseCatalogFile(dashboard, csvPath);
  const alert = await dashboard.waitForFunction(
    (source) => {
      const text = document.querySelector('[role=alert]')?.textContent ?? '';
      return new RegExp(source, 'i').test(text) ? text : null;
    },
    {},
    pattern.source,
  );
  return (await alert.jsonValue()) ?? '';
}

/** Clicks `Export purchases`, then `Download CSV` with no filter, and returns the file's path and text. */
export async function exportPurchases(
  dashboard: Page,
  tally: TallyBrowser,
): Promise<{ path: string; text: string }> {
  await dashboard.reload();
  await dashboard.waitForSelector('table');
  await dashboard.locator('::-p-aria(Export purchases)').click();
  await dashboard.locator('dialog ::-p-aria(Download CSV)').click();
  const path = await waitForDownload(tally.downloadDir, /^tally-purchases-.*\.csv$/);
  return { path, text: await readFile(path, 'utf8') };
}

async function fill(frame: Frame, handle: Awaited<ReturnType<Frame['$']>> | undefined, value: string) {
  if (!handle) throw new Error(`No field to fill with ${value} in ${frame.url()}`);
  if (await handle.evaluate((element) => (element as HTMLInputElement).type === 'date')) {
    // Typing into a date field depends on the locale's field order; set it as a picker would.
    await handle.evaluate((element, date) => {
      const input = element as HTMLInputElement;
      input.value = date;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
    return;
  }
  await handle.click({ count: 3 });
  await handle.evaluate((element) => {
    (element as HTMLInputElement).select();
  });
  await handle.type(value);
}

/**
 * Exports the back office's orders as a rep would (`Export orders (CSV)` on its orders page), then
 * takes up the dashboard's offer to reconcile that download, and waits for the results. Returns
 * the downloaded file's name.
 */
export async function reconcileDownloadedOrders(
  page: Page,
  dashboard: Page,
  tally: TallyBrowser,
  backOfficeUrl: string,
): Promise<string> {
  await page.bringToFront();
  await page.goto(`${backOfficeUrl}/rep/orders`);
  await page.locator('::-p-aria(Export orders \\(CSV\\))').click();
  const downloaded = await waitForDownload(tally.downloadDir, /^northwind-orders.*\.csv$/);
  const fileName = downloaded.split('/').pop() ?? '';
  await dashboard.bringToFront();
  await dashboard.goto(`${tally.extensionOrigin}/dashboard.html#reconcile`);
  const offer = await dashboard.waitForSelector(`::-p-aria(Choose ${fileName})`);
  const [chooser] = await Promise.all([dashboard.waitForFileChooser(), offer?.click()]);
  await chooser.accept([downloaded]);
  await dashboard.waitForFunction(
    (name) =>
      [...document.querySelectorAll('#reconcile h3')].some(
        (heading) => heading.textContent === `Results: ${name}`,
      ) && document.querySelector('#reconcile progress') === null,
    { timeout: 60_000 },
    fileName,
  );
  return fileName;
}
