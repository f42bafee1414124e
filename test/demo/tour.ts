import { copyFile, mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { launchWithTally } from '../support/chromium';
import {
  captureContact,
  confirmCatalogImport,
  downloadCatalogCsv,
  exportPurchases,
  openDashboard,
  openSidebar,
  previewCatalogImport,
  recordPurchase,
  reconcileDownloadedOrders,
} from '../support/tour';
import { startDemoServer } from './server';

/**
 * `npm run demo`: the demo back office with Tally loaded in Chromium. With a display, a window
 * opens on a customer page for you to try (the catalog is imported first). Without one (CI, a
 * server), the same tour runs headless and leaves screenshots and the exported CSV behind.
 */
const OUTPUT = resolve('demo-output');
const CUSTOMER = '/rep/customers/C-00042';
const interactive = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;

const demo = await startDemoServer({ port: Number(process.env.PORT ?? 5178) });
console.log(`Demo back office: ${demo.url}/`);
const tally = await launchWithTally({ headless: !interactive });

if (interactive) {
  const page = await tally.browser.newPage();
  await prepareCatalog(page);
  await page.goto(`${demo.url}${CUSTOMER}`);
  await page.bringToFront();
  console.log('Chromium is open with Tally on a customer page. Close the browser window to stop.');
  tally.browser.on('disconnected', () => void demo.close().then(() => process.exit(0)));
} else {
  await rm(OUTPUT, { recursive: true, force: true });
  await mkdir(OUTPUT, { recursive: true });
  let step = 0;
  const shoot = async (target: Page | Frame, name: string) => {
    const page = 'page' in target ? target.page() : target;
    step += 1;
    const path = resolve(OUTPUT, `${String(step).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path });
    console.log(`  ${path}`);
  };

  const page = await tally.browser.newPage();
  console.log('Screenshots:');
  const dashboard = await prepareCatalog(page, shoot);
  await shoot(dashboard, 'catalog-imported');
  await page.bringToFront();
  await page.goto(`${demo.url}${CUSTOMER}`);
  await page.waitForSelector('::-p-aria(Open Tally)');
  await shoot(page, 'customer-page');
  const frame = await openSidebar(page, tally);
  await shoot(page, 'sidebar-open');
  await captureContact(frame);
  await shoot(page, 'contact-captured');
  await recordPurchase(
    frame,
    [
      { search: 'NW-1002', quantity: 3 },
      { search: 'NW-1003', price: '9.99' },
    ],
    {
      screenshot: (name) => shoot(page, name),
    },
  );
  await shoot(page, 'activity-timeline');
  await dashboard.bringToFront();
  const exported = await exportPurchases(dashboard, tally);
  await shoot(dashboard, 'dashboard');
  const csv = resolve(OUTPUT, 'tally-purchases.csv');
  await copyFile(exported.path, csv);
  console.log(`Exported CSV:\n  ${csv}`);
  // The contacts book: the captured customer's own screen, with her figures and sales history.
  await dashboard.reload();
  await (await dashboard.waitForSelector('tbody ::-p-aria([name="Ada Lovelace"][role="link"])'))?.click();
  await dashboard.waitForSelector('h1::-p-text(Ada Lovelace)');
  await shoot(dashboard, 'contact-screen');
  // The back office's own orders export, downloaded and reconciled: Ada's hand-recorded order is
  // still to be entered there; the back office's own orders are listed as back office only.
  const orders = await reconcileDownloadedOrders(page, dashboard, tally, demo.url);
  await (await dashboard.$('#reconcile'))?.scrollIntoView();
  await shoot(dashboard, 'reconciled');
  console.log(`Reconciled ${orders}`);
  console.log(`Demo tour finished; everything is in ${OUTPUT}`);
  await tally.close();
  await demo.close();
}

/**
 * Downloads the back office's product CSV and imports it in Tally's dashboard, as a rep would:
 * `Import catalog`, the preview of what it adds, then `Import 1000 products`.
 */
async function prepareCatalog(
  page: Page,
  shoot?: (target: Page, name: string) => Promise<void>,
): Promise<Page> {
  const csv = await downloadCatalogCsv(page, tally, demo.url);
  const dashboard = await openDashboard(tally);
  await previewCatalogImport(dashboard, csv);
  await shoot?.(dashboard, 'catalog-preview');
  console.log(`Catalog: ${await confirmCatalogImport(dashboard)}`);
  return dashboard;
}
