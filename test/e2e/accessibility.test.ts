import type { Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../demo/server';
import { POS_SUPPLIER_ID } from '../demo/seed-pos';
import { REPAIR_SAMPLE_ID } from '../demo/seed-repair';
import { axeInBothThemes } from '../support/axe';
import { addItem, newBuyBackFromDashboard } from '../support/buy-back';
import { launchWithTally, sidePanelPage, waitForDownload, type TallyBrowser } from '../support/chromium';
import { storedRows } from '../support/indexeddb';
import {
  captureContact,
  downloadCatalogCsv,
  importCatalog,
  openDashboard,
  openSidebar,
  reconcileDownloadedOrders,
  recordPurchase,
} from '../support/tour';

/**
 * axe-core on every screen of Tally, in the light and the dark theme: no serious or critical
 * violation (names, roles, labels, contrast, landmarks…). Each screen is reached as a user would,
 * with real data on it, so that lists, tables and forms are checked filled in, not empty.
 */
describe('accessibility: axe finds nothing serious on any screen, light or dark', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let page: Page;
  let frame: Frame;
  let dashboard: Page;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    page = await tally.browser.newPage();
    const csv = await downloadCatalogCsv(page, tally, demo.url);
    dashboard = await openDashboard(tally);
    await importCatalog(dashboard, csv);
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('the docked sidebar: a captured contact, its timeline', async () => {
    await page.bringToFront();
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    frame = await openSidebar(page, tally);
    await captureContact(frame);
    await recordPurchase(frame, [{ search: 'NW-1001', quantity: 2 }]);
    await frame.waitForSelector('ol.timeline > li');
    expect(await axeInBothThemes(frame)).toBe('');
  });

  it('the docked sidebar while recording: search results, then the review step', async () => {
    await frame.locator('::-p-aria(Record purchase)').click();
    const search = await frame.waitForSelector('::-p-aria(Search products)');
    await search?.type('mug');
    await frame.waitForSelector('[role=option][aria-selected=true]');
    expect(await axeInBothThemes(frame)).toBe('');
    await search?.press('Enter');
    await frame.locator('::-p-aria(Complete record)').click();
    await frame.waitForSelector('::-p-aria(Confirm order)');
    expect(await axeInBothThemes(frame)).toBe('');
    await frame.locator('::-p-aria(Confirm order)').click();
    await frame.waitForSelector('::-p-text(Order recorded.)');
  });

  it('the side panel', async () => {
    // A real click: the browser opens its side panel only inside one.
    await frame.locator('::-p-aria(Open in side panel)').click();
    const panel = await sidePanelPage(tally);
    await panel.waitForSelector('[data-field=name]');
    expect(await axeInBothThemes(panel)).toBe('');
  });

  it('the toolbar popup', async () => {
    const popup = await tally.browser.newPage();
    await popup.goto(`${tally.extensionOrigin}/popup.html`);
    await popup.waitForSelector('button');
    expect(await axeInBothThemes(popup)).toBe('');
    await popup.close();
  });

  it('the dashboard: contacts, recorded purchases, reconcile, follow-up, reports, buy-backs, catalog, settings', async () => {
    await dashboard.bringToFront();
    await dashboard.reload();
    await dashboard.waitForSelector('table');
    expect(await axeInBothThemes(dashboard)).toBe('');
  });

  it('the dashboard with the export dialog open', async () => {
    await dashboard.locator('::-p-aria(Export purchases)').click();
    await dashboard.waitForSelector('dialog[open]');
    expect(await axeInBothThemes(dashboard)).toBe('');
    await dashboard.keyboard.press('Escape');
    await dashboard.waitForFunction(() => !document.querySelector('dialog[open]'));
  });

  it('reconcile with its results', async () => {
    await reconcileDownloadedOrders(page, dashboard, tally, demo.url);
    expect(await axeInBothThemes(dashboard)).toBe('');
  });

  it('a contact screen', async () => {
    const contacts = await storedRows<{ id: string; name: string }>(dashboard, 'contacts');
    const ada = contacts.find((contact) => contact.name === 'Ada Lovelace');
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html#contact=${ada?.id ?? ''}`);
    await dashboard.waitForSelector('h1::-p-text(Ada Lovelace)');
    expect(await axeInBothThemes(dashboard)).toBe('');
  });

  it('a supplier with a purchase order, and the purchase order', async () => {
    await page.bringToFront();
    await page.goto(`${demo.url}/pos/contacts?contact=${POS_SUPPLIER_ID}`);
    await captureContact(await openSidebar(page, tally));
    await dashboard.bringToFront();
    const contacts = await storedRows<{ id: string; name: string }>(dashboard, 'contacts');
    const linus = contacts.find((contact) => contact.name === 'Linus Torvalds');
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html#contact=${linus?.id ?? ''}`);
    await dashboard.locator('::-p-aria(New purchase order)').click();
    await dashboard.waitForSelector('h1::-p-text(PO-0001)');
    const search = await dashboard.waitForSelector('::-p-aria(Search products)');
    await search?.type('NW-1001');
    await dashboard.waitForSelector('[role=option][aria-selected=true]');
    await search?.press('Enter');
    await dashboard.waitForSelector('fieldset.line');
    expect(await axeInBothThemes(dashboard)).toBe('');
    await dashboard.locator('::-p-aria(Save draft)').click();
    await dashboard.waitForSelector('::-p-text(Draft saved.)');
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html#contact=${linus?.id ?? ''}`);
    await dashboard.waitForSelector('::-p-text(PO-0001)');
    expect(await axeInBothThemes(dashboard)).toBe('');
  });

  it('the buy-backs list and a buy-back screen', async () => {
    await page.bringToFront();
    await page.goto(`${demo.url}/repair/customer?id=${REPAIR_SAMPLE_ID}`);
    await captureContact(await openSidebar(page, tally));
    await dashboard.bringToFront();
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    await dashboard.waitForSelector('::-p-aria(New buy-back)');
    const heading = await newBuyBackFromDashboard(dashboard, 'ada', 'Ada Lovelace');
    expect(heading).toMatch(/^Buy-back BB-/);
    await addItem(dashboard, { description: 'iPhone 13', serial: '352099001761481', price: '210.00' });
    expect(await axeInBothThemes(dashboard)).toBe('');
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    await dashboard.waitForSelector('::-p-text(BB-0001)');
    expect(await axeInBothThemes(dashboard)).toBe('');
  });

  it('the Backup section, and what a backup file holds before it is restored', async () => {
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    await dashboard.locator('::-p-aria(Back up)').click();
    const file = await waitForDownload(tally.downloadDir, /\.zip$/);
    expect(await axeInBothThemes(dashboard)).toBe('');
    const [chooser] = await Promise.all([
      dashboard.waitForFileChooser(),
      dashboard.locator('::-p-aria(Restore)').click(),
    ]);
    await chooser.accept([file]);
    await dashboard.waitForSelector('section[aria-labelledby=restore-preview-heading]');
    expect(await axeInBothThemes(dashboard)).toBe('');
  });
});
