import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayLocal } from '../../src/domain/dates';
import type { StaticSite } from '../demo/static-site';
import { startDemoServer } from '../demo/server';
import {
  launchChromium,
  launchWithTally,
  sidebarFrame,
  waitForDownload,
  type LaunchedChromium,
  type TallyBrowser,
} from '../support/chromium';
import { captureContact, importCatalog, recordPurchase, timelineEntries } from '../support/tour';
import { serveWebApp } from '../support/web-app';

/** Marie's card as Apple Contacts exports it (vCard 3.0, CRLF, grouped properties). */
const MARIE_VCARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'PRODID:-//Apple Inc.//macOS 14.4//EN',
  'N:Dupont;Marie;;;',
  'FN:Marie Dupont',
  'ORG:Boulangerie Dupont;',
  'item1.EMAIL;type=INTERNET;type=pref:marie@boulangerie.example',
  'item2.TEL;type=pref:+1 (415) 555-0134',
  'item3.TEL:+1 (415) 555-0199',
  'item3.X-ABLabel:_$!<Mobile>!$_',
  'END:VCARD',
  '',
].join('\r\n');

const FORM_FIELDS = ['Name', 'Email', 'Phone', 'Company'] as const;

/**
 * Issue 9, "record a purchase and export it" in the web build: no extension, the web app served
 * from 127.0.0.1. A catalog imported on the web dashboard; on its sidebar page a contact pasted as
 * a vCard, captured, a purchase recorded for her; the purchase exported as CSV from the dashboard;
 * a signature pasted as text filling the contact form; and everything still there after a reload
 * (IndexedDB of the web app's own origin).
 */
describe('the web app: paste a contact, record a purchase and export it', () => {
  let chromium: LaunchedChromium;
  let site: StaticSite;
  let dashboard: Page;
  let sidebar: Page;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tally-web-app-'));
    chromium = await launchChromium({ headless: true });
    site = await serveWebApp();
    dashboard = await chromium.browser.newPage();
    await dashboard.goto(`${site.url}/`);
    await dashboard.waitForSelector('::-p-aria(Export purchases)');
  });

  afterAll(async () => {
    await site?.close();
    await chromium?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Pastes `text` into `Paste a contact` as the clipboard would (one insertion, line breaks kept). */
  async function paste(page: Page, text: string): Promise<void> {
    const box = await page.waitForSelector('::-p-aria([name="Paste a contact"][role="textbox"])');
    await box!.click({ count: 3 });
    await page.keyboard.sendCharacter(text);
  }

  async function formValues(page: Page): Promise<Record<string, string>> {
    await page.waitForSelector('::-p-aria(New contact)');
    const values: Record<string, string> = {};
    for (const name of FORM_FIELDS) {
      const field = await page.$(`form ::-p-aria([name="${name}"][role="textbox"])`);
      values[name] = (await field?.evaluate((input) => (input as HTMLInputElement).value)) ?? '(missing)';
    }
    return values;
  }

  it('imports a catalog CSV in the web dashboard', async () => {
    const csv = join(dir, 'products.csv');
    await writeFile(
      csv,
      [
        'sku,name,price,currency,category,barcode',
        'BD-100,Sourdough Starter Kit,24.00,USD,Baking,',
        'BD-200,Proofing Basket,18.50,USD,Baking,',
        '',
      ].join('\n'),
    );
    expect(await importCatalog(dashboard, csv)).toBe(
      'Imported products.csv: 2 new, 0 updated, 0 unchanged, 0 rejected.',
    );
  });

  it('opens the sidebar from the dashboard, reads a pasted vCard into the form, and captures it', async () => {
    sidebar = await chromium.browser.newPage();
    await sidebar.goto(`${site.url}/`);
    await Promise.all([
      sidebar.waitForNavigation(),
      sidebar.locator('::-p-aria([name="Open sidebar"][role="link"])').click(),
    ]);
    expect(new URL(sidebar.url()).pathname).toBe('/sidebar.html');
    await sidebar.waitForSelector('::-p-aria([name="Customer"][role="region"])');
    await sidebar.waitForSelector('::-p-text(Enter the customer by hand, or paste their details.)');

    await paste(sidebar, MARIE_VCARD);
    await sidebar.locator('::-p-aria([name="Read contact"][role="button"])').click();
    // The mobile number (Apple's X-ABLabel) is preferred over the "pref" landline.
    expect(await formValues(sidebar)).toEqual({
      Name: 'Marie Dupont',
      Email: 'marie@boulangerie.example',
      Phone: '+1 (415) 555-0199',
      Company: 'Boulangerie Dupont',
    });
    expect(await sidebar.$eval('[role=status]', (status) => status.textContent)).toBe(
      'Read from the pasted text: check the contact, then capture it.',
    );
    expect(await captureContact(sidebar.mainFrame())).toBe('Captured: Marie Dupont');
  });

  it('records a purchase for her, which tops her Activity timeline', async () => {
    await recordPurchase(sidebar.mainFrame(), [{ search: 'Sourdough', quantity: 2 }]);
    await sidebar.waitForSelector('::-p-aria(Activity timeline)');
    const entries = await timelineEntries(sidebar.mainFrame());
    expect(entries[0]).toMatch(/^Purchase .*\$48\.00.*2 × Sourdough Starter Kit/);
    expect(entries.at(-1)).toMatch(/^Captured /);
  });

  it('exports the purchase from the dashboard: the downloaded CSV has her line', async () => {
    // A tab in the background runs no animation frames, which puppeteer's clicks wait for.
    await dashboard.bringToFront();
    await dashboard.reload();
    await dashboard.waitForSelector('section[aria-labelledby=purchases-heading] tbody tr');
    await dashboard.locator('::-p-aria([name="Export purchases"][role="button"])').click();
    await dashboard.locator('dialog ::-p-aria(Download CSV)').click();
    const path = await waitForDownload(chromium.downloadDir, /^tally-purchases-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile(path, 'utf8')).split('\r\n');
    expect(lines[0]).toMatch(
      /^\uFEFFDate,Contact,Email,Back-office ID,Kind,SKU,Product,Quantity,Unit price,/,
    );
    expect(lines.slice(1).filter(Boolean)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${todayLocal()},Marie Dupont,marie@boulangerie\\.example,,purchase,BD-100,Sourdough Starter Kit,2,24\\.00,48\\.00,USD,`,
        ),
      ),
    ]);
  });

  it('reads name, email and phone out of a pasted email signature; unreadable text gets a reason and stays', async () => {
    const other = await chromium.browser.newPage();
    await other.goto(`${site.url}/sidebar.html`);
    await paste(other, 'Thanks, see you at the market on Saturday morning then.');
    await other.locator('::-p-aria([name="Read contact"][role="button"])').click();
    const alert = await other.waitForSelector('[role=alert]');
    expect(await alert!.evaluate((element) => element.textContent)).toBe(
      'No name, email or phone number found in the pasted text.',
    );
    expect(await other.$eval('textarea', (box) => (box as HTMLTextAreaElement).value)).toBe(
      'Thanks, see you at the market on Saturday morning then.',
    );

    await paste(
      other,
      'Best regards,\n\nTom Baker\nHead Baker\nBaker & Sons\nM: (212) 555-0147\ntom@bakerandsons.example\n',
    );
    await other.locator('::-p-aria([name="Read contact"][role="button"])').click();
    expect(await formValues(other)).toEqual({
      Name: 'Tom Baker',
      Email: 'tom@bakerandsons.example',
      Phone: '(212) 555-0147',
      Company: 'Baker & Sons',
    });
    await other.close();
  });

  it('keeps the contact and her order across a reload: pasted again, she is found, not duplicated', async () => {
    await dashboard.bringToFront();
    await dashboard.reload();
    const marie = 'table.contact-table tbody ::-p-aria([name="Marie Dupont"][role="link"])';
    await dashboard.waitForSelector(marie);
    expect(await dashboard.$$(marie)).toHaveLength(1);
    const order = await dashboard.$eval('section[aria-labelledby=purchases-heading] tbody', (body) =>
      [...body.querySelectorAll('tr')].map((row) => row.textContent ?? ''),
    );
    expect(order).toEqual([expect.stringMatching(/Marie Dupont.*\$48\.00/)]);

    await sidebar.bringToFront();
    await sidebar.reload();
    await paste(sidebar, MARIE_VCARD);
    await sidebar.locator('::-p-aria([name="Read contact"][role="button"])').click();
    await sidebar.waitForSelector('::-p-aria(New contact)');
    expect(await captureContact(sidebar.mainFrame())).toBe('Already up to date: Marie Dupont');
    const entries = await timelineEntries(sidebar.mainFrame());
    expect(entries[0]).toMatch(/^Purchase .*\$48\.00.*2 × Sourdough Starter Kit/);
  });
});

/**
 * One component for both builds: the extension's sidebar, docked beside a back-office page that
 * shows no customer (a product page), offers the same `Paste a contact`; the contact is recorded
 * with the page it was pasted beside.
 */
describe('the extension’s sidebar offers the same paste-a-contact', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('reads a pasted vCard beside a page with no customer, and captures it', async () => {
    const page = await tally.browser.newPage();
    await page.goto(`${demo.url}/rep/products/NW-1007`);
    await page.locator('::-p-aria(Open Tally)').click();
    const frame = await sidebarFrame(page, tally.extensionOrigin);
    await frame.waitForSelector('section[aria-label="No customer on this page"]');
    const box = await frame.waitForSelector('::-p-aria([name="Paste a contact"][role="textbox"])');
    await box!.click();
    await page.keyboard.sendCharacter(MARIE_VCARD);
    await frame.locator('::-p-aria([name="Read contact"][role="button"])').click();
    await frame.waitForSelector('::-p-aria(New contact)');
    const email = await frame.$('form ::-p-aria([name="Email"][role="textbox"])');
    expect(await email?.evaluate((input) => (input as HTMLInputElement).value)).toBe(
      'marie@boulangerie.example',
    );
    expect(await captureContact(frame)).toBe('Captured: Marie Dupont');
    const [captured] = await timelineEntries(frame);
    expect(captured).toMatch(/^Captured /);
    expect(captured?.endsWith(`from ${new URL(demo.url).host}`)).toBe(true);
  });
});
