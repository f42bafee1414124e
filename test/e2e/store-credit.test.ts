import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer';
import { startDemoServer } from '../demo/server';
import {
  addItem,
  newBuyBackFromDashboard,
  payOut,
  storeCreditLedger as ledger,
  storeCreditLine,
  waitForStatus as waitForBuyBackStatus,
} from '../support/buy-back';
import { launchWithTally, type TallyBrowser } from '../support/chromium';
import { storedRows } from '../support/indexeddb';
import {
  captureContact,
  downloadCatalogCsv,
  importCatalog,
  openDashboard,
  openSidebar,
} from '../support/tour';
import { entryButton, storedPurchases, timelineView, waitForStatus } from '../support/timeline';

/**
 * Store credit spent on a purchase, in real Chromium with the built extension. The credit comes
 * from a buy-back paid out in store credit on the dashboard, as a shop gives it.
 */
describe('store credit spent on a purchase', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let page: Page;
  let frame: Frame;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    page = await tally.browser.newPage();
    const csv = await downloadCatalogCsv(page, tally, demo.url);
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    frame = await openSidebar(page, tally);
    expect(await captureContact(frame)).toBe('Captured: Ada Lovelace');
    const dashboard = await openDashboard(tally);
    await importCatalog(dashboard, csv);
    await newBuyBackFromDashboard(dashboard, 'ada', 'Ada Lovelace');
    await addItem(dashboard, { description: 'iPhone 12', price: '50.00' });
    await payOut(dashboard, { method: 'Store credit' });
    await waitForBuyBackStatus(dashboard, 'Paid');
    await dashboard.close();
    // A fresh sidebar reads the ledger the dashboard wrote.
    await page.bringToFront();
    await page.reload();
    frame = await openSidebar(page, tally);
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('shows the contact’s store credit beside the contact, with its ledger', async () => {
    expect(await storeCreditLine(frame, 'Store credit: $50.00')).toBe('Store credit: $50.00');
    expect(await ledger(frame)).toEqual([expect.stringMatching(/\+\$50\.00 Buy-back BB-0001$/)]);
  });

  it('pays part of an order with store credit: the balance drops and the ledger has the spend', async () => {
    await startOrder(frame, 'NW-1001'); // Classic Glass Spray, $23.95
    const credit = await frame.waitForSelector('::-p-aria(Use store credit)');
    expect(await credit?.evaluate((input) => (input as HTMLInputElement).value)).toBe('23.95');
    expect(await frame.$eval('#credit-available', (element) => element.textContent)).toBe(
      'Store credit available: $50.00',
    );
    const method = await frame.waitForSelector('::-p-aria(Payment method)');
    expect(await method?.evaluate((select) => (select as HTMLSelectElement).value)).toBe('Cash');
    await method?.select('Card');
    await typeInto(frame, 'Use store credit', '10.00');
    await frame.locator('::-p-aria(Confirm order)').click();
    await waitForStatus(frame, 'Order recorded.');

    expect(await storeCreditLine(frame, 'Store credit: $40.00')).toBe('Store credit: $40.00');
    const [top] = await timelineView(frame);
    expect(top?.text).toMatch(/^Purchase .*\$23\.95/);
    expect(top?.text).toContain('Paid with store credit $10.00; $13.95 by Card');

    const purchases = (await storedPurchases(frame)) as { id: string; payment?: unknown }[];
    expect(purchases).toHaveLength(1);
    expect(purchases[0]?.payment).toEqual({ method: 'Card', storeCredit: { minor: 1000, currency: 'USD' } });
    const entries = await storedCredit(frame);
    expect(entries).toContainEqual(
      expect.objectContaining({
        amount: { minor: -1000, currency: 'USD' },
        source: { kind: 'purchase', purchaseId: purchases[0]?.id },
      }),
    );
    const lines = await ledger(frame);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/\u2212\$10\.00 Spent on the order of \d{4}-\d{2}-\d{2}$/);
  });

  it('marks more credit than the contact has and records nothing; without credit, the order is paid by its method', async () => {
    await startOrder(frame, 'NW-1002'); // Bamboo Travel Mug, Set of 3, $90.00
    await typeInto(frame, 'Use store credit', '45');
    await frame.locator('::-p-aria(Confirm order)').click();
    const invalid = await frame.waitForSelector('input[aria-invalid=true]');
    expect(await invalid?.evaluate((input) => input.getAttribute('aria-describedby'))).toContain(
      'credit-problem',
    );
    expect(await frame.$eval('#credit-problem', (element) => element.textContent)).toBe(
      'Only $40.00 of store credit is available.',
    );
    expect(await storedPurchases(frame)).toHaveLength(1);

    await typeInto(frame, 'Use store credit', '');
    await frame.locator('::-p-aria(Confirm order)').click();
    await waitForStatus(frame, 'Order recorded.');
    expect((await timelineView(frame))[0]?.text).toContain('Paid by Cash');
    expect(await storeCreditLine(frame, 'Store credit: $40.00')).toBe('Store credit: $40.00');
  });

  it('gives the credit back when the order is deleted, and takes it again on Undo', async () => {
    const entries = await timelineView(frame);
    const index = entries.findIndex((entry) => entry.text.includes('Paid with store credit'));
    await (await entryButton(frame, index, 'Delete')).click();
    expect(await storeCreditLine(frame, 'Store credit: $50.00')).toBe('Store credit: $50.00');
    expect((await storedCredit(frame)).map((entry) => entry.source.kind).sort()).toEqual([
      'buy-back',
      'purchase',
      'reversal',
    ]);
    await frame.locator('::-p-aria(Undo)').click();
    expect(await storeCreditLine(frame, 'Store credit: $40.00')).toBe('Store credit: $40.00');
    expect(await storedCredit(frame)).toHaveLength(4);
  });
});

const storedCredit = (frame: Frame) => storedRows<StoredEntry>(frame, 'storeCredit');

interface StoredEntry {
  amount: { minor: number; currency: string };
  source: { kind: string; purchaseId?: string };
}

/** `Record purchase`, one product by SKU, `Complete record`: the review screen. */
async function startOrder(frame: Frame, sku: string): Promise<void> {
  await frame.locator('::-p-aria(Record purchase)').click();
  const search = await frame.waitForSelector('::-p-aria(Search products)');
  await search?.type(sku);
  await frame.waitForSelector('[role=option][aria-selected=true]');
  await search?.press('Enter');
  await frame.locator('::-p-aria(Complete record)').click();
  await frame.waitForSelector('::-p-aria(Confirm order)');
}

async function typeInto(frame: Frame, name: string, text: string): Promise<void> {
  const input = await frame.waitForSelector(`::-p-aria(${name})`);
  await input?.click({ count: 3 });
  await input?.evaluate((element) => (element as HTMLInputElement).select());
  await input?.press('Backspace');
  if (text) await input?.type(text);
}
