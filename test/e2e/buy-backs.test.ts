import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../demo/server';
import { REPAIR_SAMPLE_ID } from '../demo/seed-repair';
import {
  addItem,
  clickIn,
  downloadFrom,
  fillSellerId,
  itemSection,
  newBuyBackFromDashboard,
  payOut,
  typeIn,
  waitForStatus,
} from '../support/buy-back';
import { launchWithTally, waitForDownload, type TallyBrowser } from '../support/chromium';
import { storedRows } from '../support/indexeddb';
import { pdfText } from '../support/pdf-text';
import { captureContact, openDashboard, openSidebar } from '../support/tour';

/**
 * Issue 5 end to end: a repair shop buys devices from Ada, documents her ID and the device, pays
 * out, prints the receipt and takes each item to inventory, directly or through a refurb.
 */
describe('buy-backs', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let dashboard: Page;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    const page = await tally.browser.newPage();
    await page.goto(`${demo.url}/repair/customer?id=${REPAIR_SAMPLE_ID}`);
    await captureContact(await openSidebar(page, tally));
    await page.close();
    dashboard = await openDashboard(tally);
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('buys a phone with ID and photo, pays cash, prints the receipt, and puts it in inventory', async () => {
    // The shop's receipt template, checked in the live preview as it is typed.
    const shopName = await dashboard.waitForSelector('::-p-aria(Shop name)');
    await shopName?.click({ count: 3 });
    await shopName?.type('Fixit Repair & Resale');
    await dashboard.waitForSelector('[aria-label="Receipt preview"] ::-p-text(Fixit Repair & Resale)');
    await dashboard.locator('::-p-aria(Save receipt template)').click();
    await dashboard.waitForSelector('::-p-text(Receipt template saved)');

    expect(await newBuyBackFromDashboard(dashboard, 'ada', 'Ada Lovelace')).toBe('Buy-back BB-0001');
    await waitForStatus(dashboard, 'Estimate');
    await fillSellerId(dashboard, {
      'ID type': 'Passport',
      'ID number': 'P1234567',
      'ID expiry': '2031-05-01',
    });
    // A mistyped IMEI is caught by its check digit; the warning goes once it is right.
    await addItem(dashboard, { description: 'iPhone 13', serial: '352099001761482', price: '210.00' });
    await dashboard.waitForSelector('.field-warning::-p-text(check digit is wrong)');
    const serial = await dashboard.waitForSelector('::-p-aria(Serial / IMEI)');
    await serial?.click({ count: 3 });
    await serial?.type('35-209900-176148-1');
    await dashboard.waitForFunction(() => !document.querySelector('.field-warning'));

    // A photo of the ID, kept as it was: the download has the same SHA-256.
    const photo = join(tally.downloadDir, '..', `id-photo-${Date.now()}.png`);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await writeFile(photo, png);
    const [chooser] = await Promise.all([
      dashboard.waitForFileChooser(),
      dashboard.locator('::-p-aria(Attach file)').click(),
    ]);
    await chooser.accept([photo]);
    const name = photo.split('/').at(-1)!;
    await dashboard.waitForSelector(`img[alt="${name}"]`);
    const copy = await downloadFrom(
      dashboard,
      tally,
      `Download ${name}`,
      new RegExp(`^${name.replace('.', '\\.')}$`),
    );
    expect(
      createHash('sha256')
        .update(await readFile(copy))
        .digest('hex'),
    ).toBe(createHash('sha256').update(png).digest('hex'));

    await payOut(dashboard, { method: 'Cash', reference: 'R-77', message: 'Thanks, Ada!' });
    await waitForStatus(dashboard, 'Paid');

    const receipt = await downloadFrom(dashboard, tally, 'Download receipt', /^receipt-BB-0001\.pdf$/);
    const text = (await pdfText(new Uint8Array(await readFile(receipt)))).join('\n');
    for (const expected of [
      'BB-0001',
      'Ada Lovelace',
      'Passport',
      'P1234567',
      'iPhone 13',
      '35-209900-176148-1',
      '$210.00',
      'Cash',
      'R-77',
    ]) {
      expect(text).toContain(expected);
    }

    const item = await itemSection(dashboard, 1);
    await typeIn(item, 'Retail price', '349.00');
    await clickIn(item, 'Create product');
    await waitForStatus(dashboard, 'Product created');
    // A label to stick on the device: its price and a barcode of its serial.
    await clickIn(await itemSection(dashboard, 1), 'Print label');
    const label = await waitForDownload(tally.downloadDir, /^labels-BB-0001\.pdf$/);
    const labelText = (await pdfText(new Uint8Array(await readFile(label)))).join('\n');
    expect(labelText).toContain('$349.00');
    expect(labelText).toContain('35-209900-176148-1');
    await clickIn(await itemSection(dashboard, 1), 'Add to inventory');
    await waitForStatus(dashboard, 'Added to inventory');
    await dashboard.locator('::-p-aria(Complete buy-back)').click();
    await waitForStatus(dashboard, 'Completed');

    const inventory = await storedRows<{ serial: string; status: string }>(dashboard, 'inventoryItems');
    expect(inventory).toEqual([
      expect.objectContaining({ serial: '35-209900-176148-1', status: 'in-stock' }),
    ]);
    const products = await storedRows<{ sku: string; oneTime?: boolean }>(dashboard, 'products');
    expect(products).toContainEqual(expect.objectContaining({ sku: 'BB-0001-1', oneTime: true }));
    const log = await dashboard.$eval('ol[aria-label="Buy-back log"]', (list) => list.textContent ?? '');
    expect(log).toContain('Estimate → Paid');
    expect(log).toContain('Added to inventory → Completed');
  });

  it('takes a second device through a refurb, whose finish completes the buy-back', async () => {
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    expect(await newBuyBackFromDashboard(dashboard, 'lovelace', 'Ada Lovelace')).toBe('Buy-back BB-0002');
    await addItem(dashboard, { description: 'Pixel 7', serial: 'GX7-5521', price: '150' });
    await payOut(dashboard, { method: 'Card' });
    await waitForStatus(dashboard, 'Paid');
    const item = await itemSection(dashboard, 1);
    await typeIn(item, 'Retail price', '299');
    await clickIn(item, 'Create product');
    await waitForStatus(dashboard, 'Product created');
    await typeIn(await itemSection(dashboard, 1), 'Issue to fix', 'Battery at 71%');
    await clickIn(await itemSection(dashboard, 1), 'Start refurb');
    await waitForStatus(dashboard, 'Waiting on refurb');
    await typeIn(await itemSection(dashboard, 1), 'Refurb note', 'New battery fitted');
    await clickIn(await itemSection(dashboard, 1), 'Add refurb note');
    await dashboard.waitForSelector('section.refurb li::-p-text(New battery fitted)');
    await clickIn(await itemSection(dashboard, 1), 'Finish refurb');
    await waitForStatus(dashboard, 'Completed');
    const inventory = await storedRows<{ serial: string }>(dashboard, 'inventoryItems');
    expect(inventory.map((row) => row.serial).sort()).toEqual(['35-209900-176148-1', 'GX7-5521']);

    // Back on the dashboard, both are listed with their status.
    await dashboard.locator('::-p-aria(Back to the dashboard)').click();
    await dashboard.waitForSelector('::-p-aria(BB-0002)');
    const rows = await dashboard.$$eval('section[aria-labelledby=buy-backs-heading] tbody tr', (trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')]
          .map((td) => td.textContent ?? '')
          .slice(0, 3)
          .join(' | '),
      ),
    );
    expect(rows).toEqual(['BB-0002 | Ada Lovelace | Completed', 'BB-0001 | Ada Lovelace | Completed']);
  });

  it('starts a buy-back from the sidebar beside the customer, and shows it on her timeline', async () => {
    const page = await tally.browser.newPage();
    await page.goto(`${demo.url}/repair/customer?id=${REPAIR_SAMPLE_ID}`);
    const sidebar = await openSidebar(page, tally);
    const opened = tally.browser.waitForTarget((target) =>
      target.url().includes('/dashboard.html#buy-back='),
    );
    await sidebar.locator('::-p-aria(New buy-back)').click();
    const screen = await (await opened).page();
    if (!screen) throw new Error('The buy-back did not open in a tab');
    await screen.waitForSelector('h1::-p-text(Buy-back BB-0003)');
    await addItem(screen, { description: 'Nintendo Switch OLED', price: '180' });
    await payOut(screen, { method: 'Cash' });
    await waitForStatus(screen, 'Paid');
    await screen.close();

    // Back beside the page: the timeline shows the buy-back as it now is.
    await page.bringToFront();
    const again = sidebar;
    const entry = await again.waitForSelector('li.buy-back ::-p-text(Buy-back BB-0003)');
    await again.waitForFunction(() =>
      document.querySelector('li.buy-back')?.textContent?.includes('paid by Cash'),
    );
    const text = await entry?.evaluate((element) => element.closest('li')?.textContent ?? '');
    expect(text).toContain('Nintendo Switch OLED');
    // All three buy-backs are hers, under the filter of their own.
    const show = await again.waitForSelector('select');
    await show?.select('buy-back');
    expect(await again.$$eval('li.entry', (entries) => entries.length)).toBe(3);
    await page.close();
  });

  it('starts one estimate, opened in one tab, for a double click on New buy-back in the sidebar', async () => {
    const page = await tally.browser.newPage();
    await page.goto(`${demo.url}/repair/customer?id=${REPAIR_SAMPLE_ID}`);
    const sidebar = await openSidebar(page, tally);
    await sidebar.waitForSelector('::-p-aria(New buy-back)');
    const tabs: string[] = [];
    const onTarget = (target: { url(): string }) => {
      if (target.url().includes('/dashboard.html#buy-back=')) tabs.push(target.url());
    };
    tally.browser.on('targetcreated', onTarget);
    // Two clicks by script, before the sidebar can disable the button.
    await sidebar.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find(
        (candidate) => candidate.textContent === 'New buy-back',
      );
      button?.click();
      button?.click();
    });
    const screen = await (
      await tally.browser.waitForTarget((target) => target.url().includes('/dashboard.html#buy-back='))
    ).page();
    await screen?.waitForSelector('h1::-p-text(Buy-back BB-0004)');
    // The start has finished once the button takes clicks again; give a second start time to land, if any.
    await sidebar.waitForSelector('button:not([disabled])::-p-text(New buy-back)');
    await new Promise((settle) => setTimeout(settle, 500));
    tally.browser.off('targetcreated', onTarget);
    const all = await storedRows<{ number: number; status: string }>(dashboard, 'buyBacks');
    expect(all.map((buyBack) => buyBack.number).sort()).toEqual([1, 2, 3, 4]);
    expect(all.find((buyBack) => buyBack.number === 4)?.status).toBe('estimate');
    expect(tabs).toHaveLength(1);
    await screen?.close();
    await page.close();
  });
});
