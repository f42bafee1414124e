import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, fillSellerId, payOut, waitForStatus } from '../support/buy-back';
import { launchChromium, waitForDownload, type LaunchedChromium } from '../support/chromium';
import { storedRows } from '../support/indexeddb';
import { pdfText } from '../support/pdf-text';
import { captureContact, importCatalog, recordPurchase, timelineEntries } from '../support/tour';
import { serveWebApp } from '../support/web-app';
import { ORDERS_CSV_HEADER } from '../demo/backoffices/rep/exports';
import { toCsv } from '../demo/csv';
import { serveFolder, type StaticSite } from '../demo/static-site';
import { todayLocal } from '../../src/domain/dates';
import { readCatalog } from '../../locales/catalogs';
import { flatMessages } from '../../src/domain/locale-catalog';

const CONTACTS_TRANSFER = 'section[aria-labelledby=contacts-transfer-heading]';
const DRY_RUN = 'section[aria-labelledby=contacts-dry-run-heading]';
const RESULTS = 'section[aria-labelledby=reconcile-results-heading]';

/**
 * Issue 9: "Everything that does not need page access works the same as in the extension." The
 * web app, alone in a browser with no extension, driven through the same accessible names as the
 * extension's tests, each briefly: a catalog and a contacts CSV imported, `Export contacts`; in the
 * web sidebar a contact entered by hand, a sample and a purchase recorded; an orders export
 * reconciled against them (in the web worker); `New buy-back` opening the buy-back on the web
 * dashboard in a tab of its own, paid out, its receipt PDF downloaded; `Export purchases`; the
 * reports ranking the customer. Each page is brought to the front before it is used: a
 * background tab runs no animation frames, which puppeteer's locators wait for.
 */
describe('the web app does what the extension does, page reading aside', () => {
  let chromium: LaunchedChromium;
  let site: StaticSite;
  let dashboard: Page;
  let sidebar: Page;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tally-web-parity-'));
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

  it('imports the catalog from a CSV file', async () => {
    const csv = join(dir, 'products.csv');
    await writeFile(
      csv,
      [
        'sku,name,price,currency,category,barcode',
        'CAT-1,Hand Cream,12.50,USD,Skin,2000000000015',
        'CAT-2,Candle,9.00,USD,Home,',
        'CAT-3,Soap,3.25,USD,,',
        '',
      ].join('\n'),
    );
    expect(await importCatalog(dashboard, csv)).toBe(
      'Imported products.csv: 3 new, 0 updated, 0 unchanged, 0 rejected.',
    );
  });

  it('imports contacts from a CSV file and exports them as the import template', async () => {
    const csv = join(dir, 'people.csv');
    await writeFile(csv, 'Name,Email,Phone\r\nZoë Müller,zoe@example.com,+33 1 42 68 53 00\r\n');
    const [chooser] = await Promise.all([
      dashboard.waitForFileChooser(),
      dashboard.locator(`${CONTACTS_TRANSFER} ::-p-aria(Import contacts)`).click(),
    ]);
    await chooser.accept([csv]);
    const counts = await dashboard.waitForSelector(`${DRY_RUN} p.dry-run-counts`);
    expect(await counts!.evaluate((element) => element.textContent)).toBe(
      '1 to create, 0 to update, 0 unchanged, 0 rejected.',
    );
    await dashboard.locator(`${CONTACTS_TRANSFER} ::-p-aria(Apply import)`).click();
    await dashboard.waitForSelector(
      `${CONTACTS_TRANSFER} > p[role=status] ::-p-text(Imported 1 contact: 1 created, 0 updated.)`,
    );
    await dashboard.waitForSelector('tbody ::-p-aria([name="Zoë Müller"][role="link"])');

    await dashboard.locator(`${CONTACTS_TRANSFER} ::-p-aria(Export contacts)`).click();
    const path = await waitForDownload(chromium.downloadDir, /^tally-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = await readFile(path, 'utf8');
    expect(exported.startsWith('\uFEFFTally ID,Name,Company,Email,Phone,Role,')).toBe(true);
    // A leading "+" is neutralised for spreadsheets, as in the extension's file.
    expect(exported).toMatch(/,Zoë Müller,,zoe@example\.com,'\+33 1 42 68 53 00,customer,/);
  });

  it('enters a contact by hand in the web sidebar and records a sample and a purchase for her', async () => {
    sidebar = await chromium.browser.newPage();
    await sidebar.goto(`${site.url}/sidebar.html`);
    await sidebar.locator('::-p-aria(Enter contact by hand)').click();
    await sidebar.locator('::-p-aria([name="Name"][role="textbox"])').fill('Ada Lovelace');
    await sidebar.locator('::-p-aria([name="Email"][role="textbox"])').fill('ada@example.com');
    expect(await captureContact(sidebar.mainFrame())).toMatch(/^Captured/);

    await recordPurchase(sidebar.mainFrame(), [{ search: 'Hand Cream' }], { kind: 'sample' });
    await recordPurchase(sidebar.mainFrame(), [{ search: 'Candle', quantity: 2 }]);
    const entries = await timelineEntries(sidebar.mainFrame());
    // Newest first; entered by hand, the contact is recorded with the web app's own address.
    expect(entries).toEqual([
      expect.stringMatching(/^Purchase .*\$18\.00 2 × Candle/),
      expect.stringMatching(/^Sample .*1 × Hand Cream/),
      expect.stringMatching(/^Captured .* from 127\.0\.0\.1:\d+$/),
    ]);
  });

  it('reconciles a back-office export in its web worker', async () => {
    // Ada's purchase as the back office exported it (matched by her email, the contact having no
    // back-office id), and an order Tally never recorded.
    const today = todayLocal();
    const earlier = todayLocal(new Date(Date.now() - 10 * 24 * 3600 * 1000));
    const csv = join(dir, 'orders.csv');
    await writeFile(
      csv,
      toCsv(ORDERS_CSV_HEADER, [
        ['SO-1', today, 'C-1', 'ada@example.com', 'CAT-2', 2, '9.00', 'USD'],
        ['SO-2', earlier, 'C-1', 'ada@example.com', 'CAT-3', 1, '3.25', 'USD'],
      ]),
    );
    await dashboard.bringToFront();
    const [chooser] = await Promise.all([
      dashboard.waitForFileChooser(),
      dashboard.locator('::-p-aria(Reconcile export)').click(),
    ]);
    await chooser.accept([csv]);
    await dashboard.waitForSelector(`${RESULTS} h3::-p-text(Results: orders.csv)`);
    const status = await dashboard.waitForFunction(() =>
      [...document.querySelectorAll('section[aria-labelledby=reconcile-heading] [role=status]')]
        .map((element) => element.textContent ?? '')
        .find((text) => text.startsWith('Reconciled')),
    );
    // The sample is missing from the back office, as in the extension: Tally reconciles samples too.
    expect(await status.jsonValue()).toBe('Reconciled orders.csv: 1 missing, 1 back office only.');
    const outcomes = await dashboard.$$eval(`${RESULTS} dl[aria-label=Outcomes] > div`, (entries) =>
      Object.fromEntries(
        entries.map((entry) => [entry.getAttribute('data-outcome'), entry.querySelector('dd')?.textContent]),
      ),
    );
    expect(outcomes).toEqual({
      synced: '1',
      probable: '0',
      conflict: '0',
      missing: '1',
      backOfficeOnly: '1',
    });
  });

  it('opens New buy-back on the web dashboard in a tab of its own: paid out, its receipt downloaded', async () => {
    const opened = chromium.browser.waitForTarget(
      (target) => target.type() === 'page' && target.url().startsWith(`${site.url}/#buy-back=`),
    );
    await sidebar.bringToFront();
    await sidebar.locator('::-p-aria(New buy-back)').click();
    const screen = (await (await opened).page())!;
    const heading = await screen.waitForSelector('h1::-p-text(Buy-back BB-)');
    const number = (await heading!.evaluate((element) => element.textContent ?? '')).replace('Buy-back ', '');
    expect(await screen.$eval('body', (body) => body.textContent)).toContain('Ada Lovelace');

    await fillSellerId(screen, { 'ID type': 'Passport', 'ID number': 'P1234567' });
    await addItem(screen, { description: 'iPhone 13', serial: '35-209900-176148-1', price: '210.00' });
    await payOut(screen, { method: 'Cash', reference: 'R-77' });
    await waitForStatus(screen, 'Paid');

    await screen.locator('::-p-aria(Download receipt)').click();
    const receipt = await waitForDownload(chromium.downloadDir, new RegExp(`^receipt-${number}\\.pdf$`));
    const text = (await pdfText(new Uint8Array(await readFile(receipt)))).join('\n');
    for (const expected of [number, 'Ada Lovelace', 'P1234567', 'iPhone 13', '$210.00', 'Cash', 'R-77']) {
      expect(text).toContain(expected);
    }
    await screen.close();
  });

  it('exports the purchases recorded in its sidebar', async () => {
    await dashboard.bringToFront();
    await dashboard.reload();
    await dashboard.locator('::-p-aria(Export purchases)').click();
    await dashboard.locator('dialog ::-p-aria(Download CSV)').click();
    const path = await waitForDownload(chromium.downloadDir, /^tally-purchases-.*\.csv$/);
    const lines = (await readFile(path, 'utf8')).split('\r\n');
    expect(lines[0]?.startsWith('\uFEFF')).toBe(true);
    expect(lines.filter((line) => line.includes('Ada Lovelace') && line.includes('CAT-2'))).toHaveLength(1);
  });

  it('ranks the customer in the reports', async () => {
    await dashboard.reload();
    const best = await dashboard.waitForSelector(
      'section[aria-labelledby=best-customers-heading] tbody tr ::-p-text(Ada Lovelace)',
    );
    const row = await best!.evaluate((cell) =>
      [...(cell.closest('tr')?.querySelectorAll('th,td') ?? [])].map((c) => c.textContent?.trim() ?? ''),
    );
    expect(row.slice(0, 2)).toEqual(['1', 'Ada Lovelace']);
    expect(row).toContain('$18.00');
  });

  it('opens a contact from its screen in the sidebar, ready to record for, without capturing her again', async () => {
    await dashboard.bringToFront();
    await dashboard.goto(`${site.url}/`);
    await dashboard.locator('table.contact-table ::-p-aria(Ada Lovelace)').click();
    await dashboard.waitForSelector('::-p-aria([name="Ada Lovelace"][role="heading"])');
    const before = (await storedRows(dashboard, 'contacts')).length;
    await Promise.all([
      dashboard.waitForNavigation(),
      dashboard.locator('::-p-aria([name="Open in sidebar"][role="link"])').click(),
    ]);
    expect(new URL(dashboard.url()).pathname).toBe('/sidebar.html');
    await recordPurchase(dashboard.mainFrame(), [{ search: 'Hand Cream' }]);
    const entries = await timelineEntries(dashboard.mainFrame());
    // Hers: the new purchase on top of what was recorded for her before.
    expect(entries[0]).toMatch(/^Purchase .*1 × Hand Cream/);
    expect(entries).toContainEqual(expect.stringMatching(/^Sample .*1 × Hand Cream/));
    expect((await storedRows(dashboard, 'contacts')).length).toBe(before);
  });

  it('refuses to run its dashboard framed by another page, which could click through a decoy', async () => {
    const hostDir = join(dir, 'host');
    await mkdir(hostDir);
    await writeFile(join(hostDir, 'index.html'), `<!doctype html><iframe src="${site.url}/"></iframe>`);
    const host = await serveFolder(hostDir);
    try {
      const page = await chromium.browser.newPage();
      await page.goto(`${host.url}/`);
      const frame = await (await page.waitForSelector('iframe'))!.contentFrame();
      await frame.waitForSelector('::-p-text(does not open inside another page)');
      expect(await frame.$('::-p-aria(Export purchases)')).toBeNull();
      expect(await frame.$('::-p-aria(Open it in a tab of its own)')).not.toBeNull();
      await page.close();
    } finally {
      await host.close();
    }
  });
});

/**
 * The web app has no chrome.i18n: it picks the catalog of the browser's preferred language
 * (web/language.ts). In a Chromium whose language is French, its dashboard and sidebar speak
 * French and say so to screen readers (lang="fr"). The texts come from locales/fr.
 */
describe('the web app in French', () => {
  const french = flatMessages(readCatalog('fr'));
  const fr = (key: string) => {
    const message = french[key];
    if (message === undefined) throw new Error(`No French message ${key}`);
    return message;
  };
  let chromium: LaunchedChromium;
  let site: StaticSite;

  beforeAll(async () => {
    chromium = await launchChromium({ headless: true, language: 'fr' });
    site = await serveWebApp();
  });

  afterAll(async () => {
    await site?.close();
    await chromium?.close();
  });

  it('shows the dashboard and the sidebar in the browser’s language', async () => {
    const dashboard = await chromium.browser.newPage();
    await dashboard.goto(`${site.url}/`);
    await dashboard.waitForSelector(`::-p-aria(${fr('dashboard_export_purchases')})`);
    const page = await dashboard.evaluate(() => ({
      browser: navigator.language,
      lang: document.documentElement.lang,
      title: document.title,
      headings: [...document.querySelectorAll('h2')].map((heading) => heading.textContent),
    }));
    // Debian's Chromium knows French only with its language packs (apt-get install chromium-l10n).
    expect(page.browser, 'Chromium without French: install chromium-l10n').toMatch(/^fr\b/);
    expect(page.lang).toMatch(/^fr\b/);
    expect(page.title).toBe(fr('common_dashboard_title'));
    expect(page.headings).toEqual(
      expect.arrayContaining([
        fr('buyback_list_heading'),
        fr('receipt_template_heading'),
        fr('dashboard_catalog'),
        fr('backup_heading'),
        fr('reports_heading'),
        fr('reconcile_heading'),
      ]),
    );
    expect(page.headings).not.toContain('Buy-backs');
    expect(page.headings).not.toContain('Backup');

    const sidebar = await chromium.browser.newPage();
    await sidebar.goto(`${site.url}/sidebar.html`);
    await sidebar.waitForSelector(`::-p-aria(${fr('sidebar_enter_by_hand')})`);
    expect(await sidebar.evaluate(() => document.documentElement.lang)).toMatch(/^fr\b/);
    expect(await sidebar.$eval('body', (body) => body.textContent)).toContain(fr('sidebar_on_its_own_text'));
  });
});
