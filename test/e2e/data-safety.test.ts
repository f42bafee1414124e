import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Frame, Page } from 'puppeteer';
import { startDemoServer } from '../demo/server';
import { launchWithTally, stopServiceWorker, type TallyBrowser } from '../support/chromium';
import { newBuyBackFromDashboard } from '../support/buy-back';
import { countRows, storedRows } from '../support/indexeddb';
import { captureFromLauncher } from '../support/launcher';
import { photoBytes } from '../support/seeded-profile';
import {
  captureContact,
  downloadCatalogCsv,
  importCatalog,
  openDashboard,
  openSidebar,
} from '../support/tour';

const ROOM = 8 * 1024 * 1024;
/** A phone photo of a device, within the 10 MB an attachment may be, beyond the room left. */
const PHOTO_BYTES = 9.5 * 1024 * 1024;

const FULL =
  "Your browser's storage for Tally is full. Free space (delete old reconcile runs / attachments) or " +
  'Back up and restore in a profile with more room; nothing of this record was saved.';

/**
 * Nothing lost, in real Chromium with the built extension: the worker's database after a
 * restart, two tabs recording at once, a full disk, and an upgrade from another tab.
 */
describe('data safety', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let page: Page;
  let quota: CDPSession;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    page = await tally.browser.newPage();
    // Tally's origin gets ROOM bytes more than it holds now, from before its first write:
    // Chromium's IndexedDB asks the quota again only when a write needs more than it last
    // found free (or 30 s later), so the limit must be there from the start. Everything but
    // the big photo fits.
    quota = await page.createCDPSession();
    const origin = tally.extensionOrigin;
    const { usage } = await quota.send('Storage.getUsageAndQuota', { origin });
    await quota.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + ROOM });
    const csv = await downloadCatalogCsv(page, tally, demo.url);
    const dashboard = await openDashboard(tally);
    await importCatalog(dashboard, csv);
    await dashboard.close();
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('captures through the worker before and after the worker restarts', async () => {
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    expect(await captureFromLauncher(page)).toBe('Captured: Ada Lovelace');
    await stopServiceWorker(tally);
    await page.goto(`${demo.url}/rep/customers/C-00043`);
    const second = await captureFromLauncher(page);
    expect(second).toMatch(/^Captured: /);
    await stopServiceWorker(tally);
    await page.reload();
    // Known already: the same customer again, not a second one.
    const again = await captureFromLauncher(page);
    expect(again).not.toMatch(/^Captured/);
    expect(again.endsWith(second.replace(/^Captured: /, ''))).toBe(true);
    const dashboard = await openDashboard(tally);
    expect(await countRows(dashboard, 'contacts')).toBe(2);
    await dashboard.close();
  });

  /**
   * Record purchase, one product, Complete record: the review screen, ready to confirm. Its tab
   * comes to the front first: a background tab paints no frames, and clicks wait for one.
   */
  async function reviewOrder(frame: Frame, product: string): Promise<void> {
    await frame.page().bringToFront();
    await frame.locator('::-p-aria(Record purchase)').click();
    const search = await frame.waitForSelector('::-p-aria(Search products)');
    await search?.type(product);
    await frame.waitForSelector('[role=option][aria-selected=true]');
    await search?.press('Enter');
    await frame.locator('::-p-aria(Complete record)').click();
    await frame.waitForSelector('::-p-aria(Confirm order)');
  }

  /** Waits for `count` stored orders (polling: the tab may be in the background, painting nothing). */
  async function ordersStored(frame: Frame, count: number): Promise<void> {
    await frame.waitForFunction(
      (expected) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('tally');
          open.onsuccess = () => {
            const request = open.result.transaction('purchases').objectStore('purchases').count();
            request.onsuccess = () => {
              open.result.close();
              resolve(request.result === expected);
            };
          };
        }),
      { polling: 100 },
      count,
    );
  }

  it('keeps both orders when two back-office tabs confirm at once, and one order for a double click', async () => {
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    const ada = await openSidebar(page, tally);
    await captureContact(ada);
    // A window of its own, so both sidebars are on screen: a sidebar the rep cannot see refuses
    // to confirm (the clickjacking guard), as one in a background tab would.
    const other = await tally.browser.newPage({ type: 'window' });
    await other.goto(`${demo.url}/rep/customers/C-00043`);
    const second = await openSidebar(other, tally);
    await captureContact(second);
    await reviewOrder(ada, 'NW-1001');
    await reviewOrder(second, 'NW-1002');

    // Clicked by script: the accessibility tree of a background tab is not kept up to date.
    const confirm = (frame: Frame, times = 1) =>
      frame.evaluate((clicks) => {
        const button = [...document.querySelectorAll('button')].find(
          (candidate) => candidate.textContent === 'Confirm order',
        );
        for (let click = 0; click < clicks; click += 1) button?.click();
      }, times);
    await Promise.all([confirm(ada), confirm(second)]);
    await ordersStored(ada, 2);
    const both = await storedRows<{ contactId: string }>(ada, 'purchases');
    expect(both).toHaveLength(2);
    expect(new Set(both.map((record) => record.contactId)).size).toBe(2);

    await reviewOrder(ada, 'NW-1003');
    // Two clicks before the screen can disable the button.
    await confirm(ada, 2);
    await ordersStored(ada, 3);
    // The review screen closed after the one save; give a second save time to land, if any.
    await ada.waitForFunction(
      () =>
        ![...document.querySelectorAll('button')].some((button) => button.textContent === 'Confirm order'),
      { polling: 100 },
    );
    await new Promise((settle) => setTimeout(settle, 500));
    expect(await storedRows(ada, 'purchases')).toHaveLength(3);
    await other.close();
  });

  it('says the storage is full, keeps nothing of the file, and attaches it once there is room', async () => {
    const dashboard = await openDashboard(tally);
    await newBuyBackFromDashboard(dashboard, 'Ada', 'Ada Lovelace');
    const photo = join(tally.downloadDir, 'device-photo.jpg');
    await writeFile(photo, photoBytes(PHOTO_BYTES));
    const attach = async () => {
      const [chooser] = await Promise.all([
        dashboard.waitForFileChooser(),
        dashboard.locator('::-p-aria(Attach file)').click(),
      ]);
      await chooser.accept([photo]);
    };
    const buyBacksBefore = await storedRows(dashboard, 'buyBacks');

    await attach();
    const alert = await dashboard.waitForSelector('[role=alert]');
    expect(await alert?.evaluate((element) => element.textContent)).toBe(FULL);
    expect(await countRows(dashboard, 'attachments')).toBe(0);
    // Not even the log line saying the file was attached.
    expect(await storedRows(dashboard, 'buyBacks')).toEqual(buyBacksBefore);

    await quota.send('Storage.overrideQuotaForOrigin', { origin: tally.extensionOrigin });
    await attach();
    await dashboard.waitForSelector('::-p-text(Attached device-photo.jpg.)');
    expect(await countRows(dashboard, 'attachments')).toBe(1);
    await dashboard.close();
  });

  it('asks an open page to reload when another tab upgrades the database, and works once reloaded', async () => {
    const dashboard = await openDashboard(tally);
    const purchases = await countRows(dashboard, 'purchases');
    const newer = await tally.browser.newPage();
    await newer.goto(`${tally.extensionOrigin}/dashboard.html`);
    // A newer Tally in another tab: the same database, one version up.
    await newer.evaluate(async () => {
      const installed = (await indexedDB.databases()).find((database) => database.name === 'tally');
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tally', (installed?.version ?? 1) + 1);
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      });
    });
    const line = await dashboard.waitForSelector('.storage-problem');
    expect(await line?.evaluate((element) => element.textContent)).toBe(
      'Tally was updated — reload this page. Reload',
    );

    await dashboard.bringToFront();
    await Promise.all([dashboard.waitForNavigation(), dashboard.locator('::-p-aria(Reload)').click()]);
    await dashboard.waitForSelector('::-p-aria(Export purchases)');
    expect(await dashboard.$('.storage-problem')).toBeNull();
    expect(await countRows(dashboard, 'purchases')).toBe(purchases);
    await newer.close();
    await dashboard.close();
  });
});
