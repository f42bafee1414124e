import { readFile } from 'node:fs/promises';
import type { Frame, Page } from 'puppeteer';
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

/** Imports a catalog CSV through the dashboard's `Import catalog` file field. */
export async function importCatalog(dashboard: Page, csvPath: string): Promise<string> {
  await chooseCatalogFile(dashboard, csvPath);
  const status = await dashboard.waitForSelector('section[aria-labelledby=catalog-heading] [role=status]');
  return (await status?.evaluate((element) => element.textContent)) ?? '';
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

/** Clicks `Export purchases` and returns the downloaded file's path and text. */
export async function exportPurchases(
  dashboard: Page,
  tally: TallyBrowser,
): Promise<{ path: string; text: string }> {
  await dashboard.reload();
  await dashboard.waitForSelector('table');
  await dashboard.locator('::-p-aria(Export purchases)').click();
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
