import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { startDemoServer } from '../demo/server';
import { launchWithTally, sidePanelPage, stopServiceWorker, type TallyBrowser } from '../support/chromium';
import { captureContact, openSidebar } from '../support/tour';

/**
 * The same sidebar in the browser's side panel (Chrome's sidePanel), opened from the sidebar
 * docked in the page, following whichever tab is at the front of its window.
 */
describe('the side-panel sidebar', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let rep: Page;
  let panel: Page;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  /**
   * A new tab in front, on a demo page. Tabs stay open to the end: closing one wakes the worker
   * (tabs.onRemoved), which could race the worker stop below.
   */
  async function open(path: string): Promise<Page> {
    const page = await tally.browser.newPage();
    await page.goto(`${demo.url}${path}`);
    await page.bringToFront();
    return page;
  }

  /** Waits until the panel shows `name` as the page's customer. */
  async function panelShows(name: string): Promise<void> {
    await panel.waitForFunction(
      (expected) => document.querySelector('[data-field=name]')?.textContent === expected,
      { timeout: 10_000 },
      name,
    );
  }

  async function panelShowsNoCustomer(): Promise<void> {
    await panel.waitForSelector('section[aria-label="No customer on this page"]', { timeout: 10_000 });
    expect(await panel.$('[data-field=name]')).toBeNull();
  }

  it('moves from the page into the side panel, which shows the page’s customer', async () => {
    rep = await open('/rep/customers/C-00042');
    const docked = await openSidebar(rep, tally);
    expect(await rep.$('::-p-aria(Open Tally)')).toBeNull();
    // A real click: the browser opens its side panel only inside one.
    await docked.locator('::-p-aria(Open in side panel)').click();
    panel = await sidePanelPage(tally);
    await panelShows('Ada Lovelace');
    // The docked sidebar closed, and the launcher is back; the panel offers no side panel.
    await rep.waitForSelector('::-p-aria(Open Tally)');
    expect(await panel.evaluate(() => window.top === window)).toBe(true);
    expect(await panel.$('::-p-aria(Open in side panel)')).toBeNull();
  });

  it('follows the tab brought to the front: a POS supplier, then back to Ada', async () => {
    const pos = await open('/pos/contacts?contact=3');
    await panelShows('Linus Torvalds');
    await rep.bringToFront();
    await panelShows('Ada Lovelace');
    await pos.bringToFront();
    await panelShows('Linus Torvalds');
  });

  it('captures the contact of the tab in front', async () => {
    expect(await captureContact(panel.mainFrame())).toBe('Captured: Linus Torvalds');
  });

  it('shows no customer for a tab without one', async () => {
    await open('/rep/products');
    await panelShowsNoCustomer();
    // …nor for a tab that left the back office for a site Tally does not run on.
    await rep.bringToFront();
    await panelShows('Ada Lovelace');
    await rep.goto('data:text/html,<h1>Not a back office</h1>');
    await panelShowsNoCustomer();
    await rep.goBack();
    await panelShows('Ada Lovelace');
  });

  it('keeps following after the service worker was stopped', async () => {
    await stopServiceWorker(tally);
    await open('/repair/customer?id=1007');
    await panelShows('ليلى حداد 📱');
    await rep.bringToFront();
    await panelShows('Ada Lovelace');
    // The tab in front moves to the next customer in its single-page app: the panel follows.
    await rep.locator('::-p-aria(Next customer)').click();
    await panel.waitForFunction(
      () => document.querySelector('[data-field=external-id]')?.textContent === 'C-00043',
    );
  });

  it('teaches the page in front from the panel', async () => {
    const crm = await open('/crm/clients/1234');
    await panel.locator('::-p-aria(Teach Tally this page)').click();
    // The picker runs in the tab in front, not in the panel (which has no page of its own).
    await crm.waitForSelector('::-p-aria([name="Teach Tally this page"][role="dialog"])');
    await crm.click('#client-name');
    await crm.click('#client-email');
    await crm.click('#client-phone');
    await crm.click('#client-account');
    const recipeName = await crm.waitForSelector('::-p-aria(Recipe name)');
    await recipeName?.type('Acme CRM client');
    await crm.locator('::-p-aria(Save recipe)').click();
    await panel.waitForFunction(
      () => document.querySelector('[data-field=external-id]')?.textContent === 'ACM-1234',
    );
    await panelShows('Grace Hopper');
  });
});
