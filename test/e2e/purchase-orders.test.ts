import { readFile, rm } from 'node:fs/promises';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../demo/server';
import { POS_SUPPLIER_ID } from '../demo/seed-pos';
import { downloadFrom, waitForStatus } from '../support/buy-back';
import { launchWithTally, type TallyBrowser } from '../support/chromium';
import { storedRows } from '../support/indexeddb';
import { pdfText } from '../support/pdf-text';
import {
  captureContact,
  downloadCatalogCsv,
  importCatalog,
  openDashboard,
  openSidebar,
} from '../support/tour';

/**
 * Issue 6, suppliers: the shop orders from Linus (a supplier captured from the POS back office),
 * sends the purchase order as a PDF, receives the goods, and sees the order on his history.
 */
describe('purchase orders', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let dashboard: Page;
  let supplierId: string;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    const page = await tally.browser.newPage();
    await page.goto(`${demo.url}/pos/contacts?contact=${POS_SUPPLIER_ID}`);
    expect(await captureContact(await openSidebar(page, tally))).toBe('Captured: Linus Torvalds');
    const csv = await downloadCatalogCsv(page, tally, demo.url);
    await page.close();
    dashboard = await openDashboard(tally);
    expect(await importCatalog(dashboard, csv)).toMatch(/^Imported /);
    // The shop's details on the order come from the receipt template.
    await dashboard.locator('::-p-aria(Shop name)').fill('Northwind Corner Shop');
    await dashboard.locator('::-p-aria(Save receipt template)').click();
    await dashboard.waitForSelector('::-p-text(Receipt template saved)');
    const contacts = await storedRows<{ id: string; name: string }>(dashboard, 'contacts');
    supplierId = contacts.find((contact) => contact.name === 'Linus Torvalds')?.id ?? '';
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  async function openSupplier() {
    await dashboard.evaluate((id) => (location.hash = `#contact=${id}`), supplierId);
    await dashboard.waitForSelector('h1::-p-text(Linus Torvalds)');
    await dashboard.waitForSelector('::-p-aria(New purchase order)');
  }

  /** Types into `Search products` and adds the first match with Enter. */
  async function addProduct(search: string) {
    const field = await dashboard.waitForSelector('::-p-aria(Search products)');
    await field?.click({ count: 3 });
    await field?.type(search);
    await dashboard.waitForSelector('[role=option][aria-selected=true]');
    await field?.press('Enter');
  }

  async function fields(name: string): Promise<string[]> {
    return dashboard.$$eval(`::-p-aria(${name})`, (inputs) =>
      inputs.map((input) => (input as HTMLInputElement).value),
    );
  }

  async function fillAll(name: string, values: readonly string[]) {
    const inputs = await dashboard.$$(`::-p-aria(${name})`);
    for (const [index, value] of values.entries()) {
      await inputs[index]?.click({ count: 3 });
      await inputs[index]?.type(value);
    }
  }

  it('drafts an order to the supplier, sends it as a PDF, and receives it', async () => {
    await openSupplier();
    await dashboard.locator('::-p-aria(New purchase order)').click();
    await dashboard.waitForSelector('h1::-p-text(PO-0001 to Linus Torvalds)');
    await waitForStatus(dashboard, 'Draft');

    await addProduct('NW-1001');
    await addProduct('NW-1002');
    const names = await dashboard.$$eval('fieldset.line legend', (legends) =>
      legends.map((legend) => legend.firstChild?.textContent?.trim() ?? ''),
    );
    expect(names).toHaveLength(2);
    // Never ordered from Linus: no cost to start from.
    expect(await fields('Cost')).toEqual(['', '']);

    // Sending needs every cost; the draft is kept as typed meanwhile.
    await fillAll('Quantity', ['12', '3']);
    await dashboard.locator('::-p-aria(Mark as sent)').click();
    await dashboard.waitForSelector('::-p-text(Some fields need fixing before PO-0001 can be sent.)');
    expect(
      await dashboard.$$eval('.field-problem', (problems) => problems.map((each) => each.textContent)),
    ).toEqual(['Type the cost before sending the order.', 'Type the cost before sending the order.']);
    await waitForStatus(dashboard, 'Draft');

    await fillAll('Cost', ['4.25', '1,250.50']);
    await dashboard.waitForSelector('.total ::-p-text($3,802.50)');
    await dashboard.waitForFunction(() => !document.querySelector('[role=alert], .field-problem'));
    await dashboard.locator('::-p-aria(Save draft)').click();
    await dashboard.waitForSelector('::-p-text(Draft saved.)');
    // Saved, not just shown: a reload brings the same lines back.
    await dashboard.reload();
    await dashboard.waitForSelector('h1::-p-text(PO-0001 to Linus Torvalds)');
    expect(await fields('Quantity')).toEqual(['12', '3']);
    expect(await fields('Cost')).toEqual(['4.25', '1250.50']);

    const pdfPath = await downloadFrom(dashboard, tally, 'Mark as sent', /^purchase-order-PO-0001\.pdf$/);
    await waitForStatus(dashboard, 'Sent');
    const text = (await pdfText(new Uint8Array(await readFile(pdfPath)))).join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      'Northwind Corner Shop',
      'Purchase order PO-0001',
      'Linus Torvalds',
      'Penguin Parts Wholesale',
      'orders@penguinparts.example.com',
      'NW-1001',
      'NW-1002',
      ...names,
      '$4.25',
      '$51.00',
      '$1,250.50',
      '$3,751.50',
      '$3,802.50',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Total\s*\$3,802\.50/);
    expect(text).not.toContain('Received on');
    // Gone, so that a later download of the same order is known to be new.
    await rm(pdfPath);
    // Sent: the lines are fixed, and there is nothing to search any more.
    expect(await dashboard.$('::-p-aria(Search products)')).toBeNull();

    const receivedOn = await dashboard.$eval(
      '::-p-aria(Received on)',
      (input) => (input as HTMLInputElement).value,
    );
    expect(receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await dashboard.locator('::-p-aria(Mark as received)').click();
    await waitForStatus(dashboard, 'Received');
    expect(await dashboard.$('::-p-aria(Mark as received)')).toBeNull();

    const [order] = await storedRows<{ number: number; status: string; receivedOn: string }>(
      dashboard,
      'purchaseOrders',
    );
    expect(order).toMatchObject({ number: 1, status: 'received', receivedOn });

    // The PDF again from the received order: the same lines, now with the day the goods came in.
    const againPath = await downloadFrom(
      dashboard,
      tally,
      'Download purchase order',
      /^purchase-order-PO-0001\.pdf$/,
    );
    const again = (await pdfText(new Uint8Array(await readFile(againPath)))).join('\n').replace(/\s+/g, ' ');
    expect(again).toContain('Purchase order PO-0001');
    expect(again).toMatch(/Total\s*\$3,802\.50/);
    expect(again).toMatch(new RegExp(`Received on [^$]*${receivedOn.slice(0, 4)}`));
  });

  it('lists the supplier’s orders, starts the next one at the costs he charged, removes a line, and deletes a draft', async () => {
    await dashboard.locator('::-p-aria(Back to Linus Torvalds)').click();
    await dashboard.waitForSelector('::-p-aria(Open PO-0001)');
    const rows = await dashboard.$$eval('section[aria-labelledby=supplier-orders-heading] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    expect(rows).toEqual([['PO-0001', expect.any(String), 'Received', '$3,802.50']]);

    await dashboard.locator('::-p-aria(New purchase order)').click();
    await dashboard.waitForSelector('h1::-p-text(PO-0002 to Linus Torvalds)');
    await addProduct('NW-1002');
    await addProduct('NW-1003');
    expect(await fields('Cost')).toEqual(['1250.50', '']);
    // Remove takes its own line off, and the saved draft keeps only the other.
    await dashboard.locator('::-p-aria(Remove)').click();
    await dashboard.waitForFunction(() => document.querySelectorAll('fieldset.line').length === 1);
    expect(await fields('Cost')).toEqual(['']);
    await dashboard.locator('::-p-aria(Save draft)').click();
    await dashboard.waitForSelector('::-p-text(Draft saved.)');
    const stored = await storedRows<{ number: number; lines: { sku: string }[] }>(
      dashboard,
      'purchaseOrders',
    );
    const draft = stored.find((order) => order.number === 2);
    expect(draft?.lines.map((line) => line.sku)).toEqual(['NW-1003']);
    await dashboard.locator('::-p-aria(Delete draft)').click();
    await dashboard.waitForSelector('::-p-text(PO-0002 deleted.)');

    await dashboard.locator('::-p-aria(Back to Linus Torvalds)').click();
    await dashboard.waitForSelector('::-p-aria(Open PO-0001)');
    expect(await dashboard.$('::-p-aria(Open PO-0002)')).toBeNull();
  });

  it('shows the received order on the supplier’s activity timeline, under its own filter', async () => {
    const page = await tally.browser.newPage();
    await page.goto(`${demo.url}/pos/contacts?contact=${POS_SUPPLIER_ID}`);
    const frame = await openSidebar(page, tally);
    const entry = await frame.waitForSelector('li.purchase-order');
    expect((await entry?.evaluate((element) => element.textContent ?? ''))?.replace(/\s+/g, ' ')).toMatch(
      /^Purchase order PO-0001 received .+ — 2 products, \$3,802\.50$/,
    );
    const show = await frame.waitForSelector('section[aria-labelledby=timeline-heading] select');
    await show?.select('purchase-order');
    expect(await frame.$$eval('li.entry', (entries) => entries.map((each) => each.className))).toEqual([
      'entry purchase-order',
    ]);
    await show?.select('purchase');
    await frame.waitForSelector('::-p-text(Nothing of this kind.)');
    await page.close();
  });
});
