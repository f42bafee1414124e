import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'puppeteer';
import { startDemoServer } from '../demo/server';
import { launchWithTally, sidebarFrame, stopServiceWorker, type TallyBrowser } from '../support/chromium';
import {
  captureContact,
  confirmCatalogImport,
  downloadCatalogCsv,
  exportPurchases,
  importCatalog,
  importCatalogExpectingError,
  openDashboard,
  openSidebar,
  previewCatalogImport,
  recordPurchase,
  timelineEntries,
} from '../support/tour';
import { countRows, databaseNames } from '../support/indexeddb';
import { timelineView } from '../support/timeline';
import { todayLocal } from '../../src/domain/dates';

/**
 * The walking skeleton, end to end: the built extension in Debian's Chromium against the demo
 * back office, driven through the accessible names a user sees.
 */
describe('capture a customer and record a purchase', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    page = await tally.browser.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('imports the catalog from the back office product export', async () => {
    const csv = await downloadCatalogCsv(page, tally, demo.url);
    const dashboard = await openDashboard(tally);
    const status = await importCatalog(dashboard, csv);
    expect(status).toMatch(/1,000 new, 0 updated, 0 unchanged, 0 rejected/);
    // Importing the same file again updates by SKU and never duplicates.
    expect(await importCatalog(dashboard, csv)).toMatch(/0 new, 0 updated, 1,000 unchanged/);
    expect(await countRows(dashboard, 'products')).toBe(1000);
    await dashboard.close();
  });

  it('explains a catalog file it cannot use and keeps the catalog as it was', async () => {
    const dashboard = await openDashboard(tally);
    const dir = await mkdtemp(join(tmpdir(), 'tally-catalog-'));
    const missingPrice = join(dir, 'no-price.csv');
    await writeFile(missingPrice, 'sku,name\nNW-1001,Renamed\n');
    await importCatalogExpectingError(dashboard, missingPrice, /price/i);
    const oneBadRow = join(dir, 'one-bad-row.csv');
    await writeFile(oneBadRow, 'sku;name;price\nNW-9001;New thing;4.50\nNW-9002;Broken;12,5x\n');
    // The preview lists the bad row; importing then takes the good one only.
    const preview = await previewCatalogImport(dashboard, oneBadRow);
    expect(preview).toMatch(/1 new, 0 updated, 0 unchanged, 1 rejected/);
    expect(preview).toMatch(/Line 3: .*12,5x/);
    expect(await countRows(dashboard, 'products')).toBe(1000);
    expect(await confirmCatalogImport(dashboard)).toMatch(/1 new, 0 updated, 0 unchanged, 1 rejected/);
    expect(await countRows(dashboard, 'products')).toBe(1001);
    await dashboard.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('offers Capture contact on customer pages only', async () => {
    await page.goto(`${demo.url}/rep/products`);
    await page.waitForSelector('::-p-aria(Open Tally)');
    expect(await page.$('::-p-aria(Capture contact)')).toBeNull();
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    expect(await page.waitForSelector('::-p-aria(Capture contact)')).not.toBeNull();
  });

  it('keeps the page context when the worker is stopped before the sidebar opens', async () => {
    await stopServiceWorker(tally);
    const frame = await openSidebar(page, tally);
    await frame.waitForSelector('[data-field=external-id]');
    expect(await fieldText(frame, 'external-id')).toBe('C-00042');
  });

  it('docks the sidebar at the right edge, leaves the page usable, closes and reopens', async () => {
    const frame = await sidebarFrame(page, tally.extensionOrigin);
    expect(await fieldText(frame, 'name')).toBeTruthy();
    expect(await fieldText(frame, 'email')).toMatch(/@/);
    expect(await fieldText(frame, 'phone')).toMatch(/\d/);
    const layout = await page.evaluate(() => ({
      margin: getComputedStyle(document.documentElement).marginRight,
      width: window.innerWidth,
    }));
    expect(layout.margin).toBe('400px');
    const element = await frame.frameElement();
    const box = await element?.boundingBox();
    expect(Math.round((box?.x ?? 0) + (box?.width ?? 0))).toBe(layout.width);
    // The back office stays usable: its own navigation still works beside the sidebar.
    expect(await page.$('::-p-aria(Customers)')).not.toBeNull();

    await page.locator('::-p-aria(Close Tally)').click();
    await page.waitForSelector('::-p-aria(Open Tally)');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('0px');
    await openSidebar(page, tally);
  });

  it('keeps the sidebar out of the page script’s reach', async () => {
    const reach = await page.evaluate(() => {
      const host = document.querySelector('tally-launcher');
      let frameDocument = 'unreadable';
      try {
        frameDocument = String((window.frames[0] as Window).document.body.textContent);
      } catch {
        // Cross-origin: the page cannot read the extension page.
      }
      return {
        host: host !== null,
        shadowRoot: host?.shadowRoot ?? null,
        iframes: document.querySelectorAll('iframe').length,
        frameDocument,
      };
    });
    expect(reach).toEqual({ host: true, shadowRoot: null, iframes: 0, frameDocument: 'unreadable' });
  });

  it('refuses messages from the wrong sender or with a malformed request, and keeps working', async () => {
    // The back office's own scripts have no channel to Tally at all.
    expect(
      await page.evaluate(
        () =>
          typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
            ?.sendMessage,
      ),
    ).toBe('undefined');
    const dashboard = await openDashboard(tally);
    const replies = await dashboard.evaluate(async () => {
      type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      const send = (message: unknown) =>
        (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage(message);
      return [
        // Only a content script in a tab may report a page's customer.
        await send({ type: 'page.contactDetected', request: { snapshot: null } }),
        await send({ type: 'page.getContext', request: 5 }),
        await send({ type: 'no.such.message', request: {} }),
        await send('garbage'),
      ];
    });
    for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: expect.any(String) });
    await dashboard.close();
    const frame = await sidebarFrame(page, tally.extensionOrigin);
    await frame.evaluate(() => location.reload());
    const reloaded = await sidebarFrame(page, tally.extensionOrigin);
    await reloaded.waitForSelector('[data-field=external-id]');
    expect(await fieldText(reloaded, 'external-id')).toBe('C-00042');
  });

  it('captures the contact once; capturing again finds it already up to date', async () => {
    const frame = await sidebarFrame(page, tally.extensionOrigin);
    expect(await captureContact(frame)).toBe('Captured: Ada Lovelace');
    expect(await captureContact(frame)).toBe('Already up to date: Ada Lovelace');
    const dashboard = await openDashboard(tally);
    expect(await countRows(dashboard, 'contacts')).toBe(1);
    await dashboard.close();
  });

  it('records a purchase that appears at the top of the activity timeline', async () => {
    const frame = await sidebarFrame(page, tally.extensionOrigin);
    await recordPurchase(frame, [{ search: 'NW-1001' }]);
    await recordPurchase(
      frame,
      [
        { search: 'NW-1002', quantity: 3 },
        { search: 'NW-1003', price: '9.99' },
      ],
      {
        purchaseDate: todayLocal(),
      },
    );
    const entries = await timelineView(frame);
    // Newest first: the second order, the first, then Ada's capture, all today.
    expect(entries.map((entry) => entry.text.split(' ')[0])).toEqual(['Purchase', 'Purchase', 'Captured']);
    expect(entries[0]?.text).toMatch(/3 × /);
    expect(entries[0]?.text).toMatch(/\$9\.99/);
    expect(entries.every((entry) => entry.date === todayLocal())).toBe(true);
  });

  it('stores records in the extension origin only, never in the back office origin', async () => {
    expect(await databaseNames(page)).not.toContain('tally');
    const dashboard = await openDashboard(tally);
    expect(await databaseNames(dashboard)).toContain('tally');
    expect(await countRows(dashboard, 'purchases')).toBe(2);
    await dashboard.close();
  });

  it('shows a customer name holding markup as literal text and never runs it', async () => {
    await page.goto(`${demo.url}/rep/customers/C-00007`);
    const frame = await openSidebar(page, tally);
    await frame.waitForFunction(() =>
      document.querySelector('[data-field=name]')?.textContent?.includes('Mallory'),
    );
    expect(await fieldText(frame, 'name')).toBe('<img src=x onerror=alert(1)>Mallory "Bobby" Tables');
    expect(await captureContact(frame)).toMatch(/^Captured: /);
    expect(await frame.$$eval('main img', (images) => images.length)).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('lists recorded purchases in the dashboard and exports them as CSV', async () => {
    const dashboard = await openDashboard(tally);
    const { text } = await exportPurchases(dashboard, tally);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(3);
    expect(
      rows.every((row) => row.Date === todayLocal() && row['Back-office ID'] === 'northwind:C-00042'),
    ).toBe(true);
    const bySku = new Map(rows.map((row) => [row.SKU, row]));
    expect(bySku.get('NW-1002')).toMatchObject({ Quantity: '3', Kind: 'purchase' });
    const discounted = bySku.get('NW-1003');
    expect(discounted).toMatchObject({ Quantity: '1', 'Unit price': '9.99', 'Line total': '9.99' });
    const first = bySku.get('NW-1002');
    expect(Number(first?.['Line total'])).toBeCloseTo(Number(first?.['Unit price']) * 3, 2);
    await dashboard.close();
  });

  it('records a sample at no charge, shown apart from purchases', async () => {
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    const frame = await openSidebar(page, tally);
    await recordPurchase(frame, [{ search: 'NW-1004' }], { kind: 'sample' });
    const [top] = await timelineEntries(frame);
    expect(top).toMatch(/^Sample/);
    expect(top).toContain('$0.00');
    const dashboard = await openDashboard(tally);
    await dashboard.waitForFunction(
      () =>
        document.querySelector('section[aria-labelledby=purchases-heading] tbody tr td:nth-child(3)')
          ?.textContent === 'Sample',
    );
    await dashboard.close();
  });
});

async function fieldText(frame: import('puppeteer').Frame, field: string): Promise<string> {
  return frame.$eval(`[data-field=${field}]`, (element) => element.textContent ?? '');
}
