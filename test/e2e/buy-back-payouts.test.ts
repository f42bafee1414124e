import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../demo/server';
import { REPAIR_SAMPLE_ID } from '../demo/seed-repair';
import { SAMPLE_CUSTOMER_ID } from '../demo/seed';
import {
  addItem,
  addToDoNotBuyList,
  downloadFrom,
  newBuyBackFromDashboard,
  payOut,
  status,
  storeCreditLedger,
  storeCreditLine,
  waitForStatus,
} from '../support/buy-back';
import { launchWithTally, type TallyBrowser } from '../support/chromium';
import { storedRows } from '../support/indexeddb';
import { pdfText } from '../support/pdf-text';
import { waitForStatus as waitForSidebarStatus } from '../support/timeline';
import {
  captureContact,
  downloadCatalogCsv,
  importCatalog,
  openDashboard,
  openSidebar,
} from '../support/tour';

interface StoredContact {
  id: string;
  name: string;
  role: string;
}

interface StoredCredit {
  contactId: string;
  amount: { minor: number; currency: string };
  source: { kind: string; buyBackId?: string; purchaseId?: string };
  createdAt: string;
}

interface StoredBuyBack {
  id: string;
  number: number;
  status: string;
  contactId: string;
  payout?: { id: string; method: string; amount: { minor: number; currency: string }; override?: string };
  log: { text: string }[];
}

interface StoredPurchase {
  id: string;
  contactId: string;
  payment?: { method: string; storeCredit?: { minor: number; currency: string } };
}

/**
 * Issue 5's payouts end to end, in real Chromium with the built extension: store credit paid out
 * on a buy-back and spent on a purchase, a double-clicked `Pay out` paying once, and the
 * do-not-buy list blocking a payout until an override reason is typed.
 */
describe('buy-back payouts', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let page: Page;
  let dashboard: Page;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    page = await tally.browser.newPage();
    await page.goto(`${demo.url}/repair/customer?id=${REPAIR_SAMPLE_ID}`);
    expect(await captureContact(await openSidebar(page, tally))).toBe('Captured: Ada Lovelace');
    // The repair shop has no catalog; the rep app's product export gives the purchase something to sell.
    const csv = await downloadCatalogCsv(page, tally, demo.url);
    dashboard = await openDashboard(tally);
    await importCatalog(dashboard, csv);
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('pays a buy-back out in store credit, and the seller spends part of it on a purchase', async () => {
    expect(await storedRows<StoredContact>(dashboard, 'contacts')).toEqual([
      expect.objectContaining({ name: 'Ada Lovelace', role: 'customer' }),
    ]);
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    expect(await newBuyBackFromDashboard(dashboard, 'ada', 'Ada Lovelace')).toBe('Buy-back BB-0001');
    await addItem(dashboard, { description: 'iPad Air', serial: 'DMPXK2Q1', price: '75.00' });
    await payOut(dashboard, { method: 'Store credit' });
    await waitForStatus(dashboard, 'Paid');
    await dashboard.waitForSelector('[role=status]::-p-text(Paid out as store credit.)');

    const [ada, ...others] = await storedRows<StoredContact>(dashboard, 'contacts');
    expect(others).toEqual([]);
    // Someone the shop buys from is a supplier as well as a customer.
    expect(ada).toEqual(expect.objectContaining({ name: 'Ada Lovelace', role: 'both' }));
    const [buyBack] = await storedRows<StoredBuyBack>(dashboard, 'buyBacks');
    expect(buyBack?.contactId).toBe(ada?.id);
    expect(await storedRows<StoredCredit>(dashboard, 'storeCredit')).toEqual([
      expect.objectContaining({
        contactId: ada?.id,
        amount: { minor: 7500, currency: 'USD' },
        source: { kind: 'buy-back', buyBackId: buyBack?.id },
      }),
    ]);

    // The same Ada on the rep app (same email, another back office's id) is the contact who has
    // the credit: the sidebar knows her without a second capture.
    await page.bringToFront(); // the launcher is clicked like a user would: in the tab in front
    await page.goto(`${demo.url}/rep/customers/${SAMPLE_CUSTOMER_ID}`);
    const frame = await openSidebar(page, tally);
    await frame.waitForSelector('::-p-text(Saved in Tally.)');
    expect(await storeCreditLine(frame, 'Store credit: $75.00')).toBe('Store credit: $75.00');
    expect(await storeCreditLedger(frame)).toEqual([expect.stringMatching(/\+\$75\.00 Buy-back BB-0001$/)]);

    await reviewOrder(frame, 'NW-1002'); // Bamboo Travel Mug, Set of 3, $90.00
    const credit = await frame.waitForSelector('::-p-aria(Use store credit)');
    // All the credit, up to the order's total, is offered; the seller uses only part of it.
    expect(await credit?.evaluate((input) => (input as HTMLInputElement).value)).toBe('75.00');
    await frame.locator('::-p-aria(Use store credit)').fill('30.00');
    await (await frame.waitForSelector('::-p-aria(Payment method)'))?.select('Card');
    await frame.locator('::-p-aria(Confirm order)').click();
    await waitForSidebarStatus(frame, 'Order recorded.');

    expect(await storeCreditLine(frame, 'Store credit: $45.00')).toBe('Store credit: $45.00');
    expect(await storeCreditLedger(frame)).toEqual([
      expect.stringMatching(/\u2212\$30\.00 Spent on the order of \d{4}-\d{2}-\d{2}$/),
      expect.stringMatching(/\+\$75\.00 Buy-back BB-0001$/),
    ]);
    const purchases = await storedRows<StoredPurchase>(frame, 'purchases');
    expect(purchases).toEqual([
      expect.objectContaining({
        contactId: ada?.id,
        payment: { method: 'Card', storeCredit: { minor: 3000, currency: 'USD' } },
      }),
    ]);
    const ledger = (await storedRows<StoredCredit>(frame, 'storeCredit')).sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    );
    expect(ledger).toEqual([
      expect.objectContaining({
        contactId: ada?.id,
        amount: { minor: 7500, currency: 'USD' },
        source: { kind: 'buy-back', buyBackId: buyBack?.id },
      }),
      expect.objectContaining({
        contactId: ada?.id,
        amount: { minor: -3000, currency: 'USD' },
        source: { kind: 'purchase', purchaseId: purchases[0]?.id },
      }),
    ]);
    expect(await storedRows<StoredContact>(frame, 'contacts')).toHaveLength(1);
  });

  it('pays out once however fast `Pay out` is clicked twice', async () => {
    await dashboard.bringToFront();
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    expect(await newBuyBackFromDashboard(dashboard, 'ada', 'Ada Lovelace')).toBe('Buy-back BB-0002');
    await addItem(dashboard, { description: 'Galaxy Watch 5', serial: 'R9WT30A1B2C', price: '40.00' });
    await (await dashboard.waitForSelector('::-p-aria(Payment method)'))?.select('Store credit');
    // Count the presses that reach the page, so the test knows the second one was made.
    await dashboard.evaluate(() => {
      const counted = window as unknown as { presses: number };
      counted.presses = 0;
      document.addEventListener('pointerdown', () => (counted.presses += 1), true);
    });
    const button = await dashboard.waitForSelector('::-p-aria(Pay out)');
    await button?.click({ count: 2 });
    await waitForStatus(dashboard, 'Paid');
    expect(await dashboard.evaluate(() => (window as unknown as { presses: number }).presses)).toBe(2);
    await expectPaidOnce(dashboard, 2, 4000);

    // Read back from the database: paid, and nothing left to pay with.
    await dashboard.reload();
    await waitForStatus(dashboard, 'Paid');
    await dashboard.waitForSelector('section[aria-label=Payment]::-p-text(Paid $40.00 by Store credit)');
    expect(await dashboard.$('::-p-aria(Pay out)')).toBeNull();
    expect(await dashboard.$('::-p-aria(Pay out anyway)')).toBeNull();

    // Faster than a user can: both clicks in one task, before the page can disable the button.
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    expect(await newBuyBackFromDashboard(dashboard, 'ada', 'Ada Lovelace')).toBe('Buy-back BB-0003');
    await addItem(dashboard, { description: 'Kindle Paperwhite', price: '15.00' });
    await (await dashboard.waitForSelector('::-p-aria(Payment method)'))?.select('Store credit');
    const submits = await (
      await dashboard.waitForSelector('::-p-aria(Pay out)')
    )?.evaluate((element) => {
      let count = 0;
      element.closest('form')?.addEventListener('submit', () => (count += 1));
      (element as HTMLButtonElement).click();
      (element as HTMLButtonElement).click();
      return count;
    });
    expect(submits).toBe(2);
    await waitForStatus(dashboard, 'Paid');
    await expectPaidOnce(dashboard, 3, 1500);
  });

  it('blocks the payout of a device on the do-not-buy list until an override reason is typed', async () => {
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    await addToDoNotBuyList(dashboard, '352099001761481', 'Reported stolen');
    expect(await newBuyBackFromDashboard(dashboard, 'ada', 'Ada Lovelace')).toBe('Buy-back BB-0004');
    // The same IMEI, typed with separators the list does not have.
    await addItem(dashboard, { description: 'iPhone 13', serial: '35-209900-176148-1', price: '120.00' });
    await payOut(dashboard, { method: 'Cash' });

    const alert = await dashboard.waitForSelector('[role=alert]::-p-text(do-not-buy list)');
    const text = await alert?.evaluate((element) => element.textContent ?? '');
    expect(text).toContain('iPhone 13 (35-209900-176148-1)');
    expect(text).toContain('Reported stolen');
    expect(await status(dashboard)).toBe('Estimate');
    const blocked = (await storedRows<StoredBuyBack>(dashboard, 'buyBacks')).find((row) => row.number === 4);
    expect(blocked?.status).toBe('estimate');
    expect(blocked?.payout).toBeUndefined();

    const anyway = await dashboard.waitForSelector('::-p-aria(Pay out anyway)');
    expect(await anyway?.evaluate((button) => (button as HTMLButtonElement).disabled)).toBe(true);
    // Spaces alone are no reason.
    await dashboard.locator('::-p-aria(Override reason)').fill('   ');
    expect(await anyway?.evaluate((button) => (button as HTMLButtonElement).disabled)).toBe(true);
    const reason = 'Police report 2026-114 withdrawn; owner confirmed by phone';
    await dashboard.locator('::-p-aria(Override reason)').fill(reason);
    await dashboard.waitForFunction((button) => !(button as HTMLButtonElement).disabled, {}, anyway);
    await anyway?.click();
    await waitForStatus(dashboard, 'Paid');

    const log = await dashboard.$eval('ol[aria-label="Buy-back log"]', (list) => list.textContent ?? '');
    expect(log).toContain(reason);
    expect(log).toContain('Estimate → Paid');
    const paid = (await storedRows<StoredBuyBack>(dashboard, 'buyBacks')).find((row) => row.number === 4);
    expect(paid?.status).toBe('paid');
    expect(paid?.payout).toEqual(expect.objectContaining({ method: 'Cash', override: reason }));
  });

  it('nets a trade-in against a purchase on one receipt; a paid buy-back is deleted only when confirmed', async () => {
    // Ada buys a diffuser ($33.99) and trades in an old phone for $20.00: she pays the difference.
    await page.bringToFront();
    await page.goto(`${demo.url}/repair/customer?id=${REPAIR_SAMPLE_ID}`);
    const frame = await openSidebar(page, tally);
    await reviewOrder(frame, 'NW-1003');
    const credit = await frame.$('::-p-aria(Use store credit)');
    if (credit) await credit.evaluate((field) => ((field as HTMLInputElement).value = ''));
    await credit?.type('0');
    await frame.locator('::-p-aria(Confirm order)').click();
    await waitForSidebarStatus(frame, 'Order recorded.');

    await dashboard.bringToFront();
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    await newBuyBackFromDashboard(dashboard, 'ada', 'Ada Lovelace');
    // A file that only claims to be a photo is refused, and nothing is attached.
    const fake = join(tally.downloadDir, '..', `not-a-photo-${Date.now()}.png`);
    await writeFile(fake, 'this is text, not an image');
    const [chooser] = await Promise.all([
      dashboard.waitForFileChooser(),
      dashboard.locator('::-p-aria(Attach file)').click(),
    ]);
    await chooser.accept([fake]);
    const refused = await dashboard.waitForSelector('[role=alert]');
    expect(await refused?.evaluate((element) => element.textContent)).toContain(
      'is not an image (JPEG, PNG, WebP, GIF) or a PDF.',
    );
    expect(await dashboard.$$('.attachments li')).toHaveLength(0);

    await addItem(dashboard, { description: 'iPhone 8', serial: 'F2LW8', price: '20.00' });
    const method = await dashboard.waitForSelector('::-p-aria(Payment method)');
    await method?.select('Trade-in');
    const purchase = await dashboard.waitForSelector('::-p-aria(Purchase to net against)');
    const diffuser = await purchase?.$$eval(
      'option',
      (options) => options.find((option) => option.textContent?.includes('Reed Diffuser'))?.value,
    );
    await purchase?.select(diffuser ?? '');
    await dashboard.locator('::-p-aria(Pay out)').click();
    await waitForStatus(dashboard, 'Paid');
    const heading = await dashboard.$eval('h1', (element) => element.textContent ?? '');
    const number = heading.replace('Buy-back ', '');

    const receipt = await downloadFrom(
      dashboard,
      tally,
      'Download receipt',
      new RegExp(`^receipt-${number}\\.pdf$`),
    );
    const text = (await pdfText(new Uint8Array(await readFile(receipt)))).join('\n');
    for (const expected of [
      'Trade-in',
      'Sandalwood Reed Diffuser',
      'iPhone 8',
      'Trade-in credit',
      'Customer pays $13.99',
    ]) {
      expect(text).toContain(expected);
    }

    // Deleting a paid buy-back asks first; the record stays, with the deletion in its log.
    await dashboard.locator('::-p-aria(Delete buy-back)').click();
    await dashboard.locator('::-p-aria(Reason for deleting)').fill('Customer changed her mind');
    await dashboard.locator('::-p-aria(Confirm delete)').click();
    await dashboard.waitForSelector('::-p-text(Buy-back deleted.)');
    const kept = (await storedRows<StoredBuyBack & { deletedAt?: string }>(dashboard, 'buyBacks')).find(
      (row) => `BB-${String(row.number).padStart(4, '0')}` === number,
    );
    expect(kept?.deletedAt).toBeDefined();
    expect(kept?.log.at(-1)?.text).toBe('Deleted while Paid: Customer changed her mind');
    await dashboard.locator('::-p-aria(Back to the dashboard)').click();
    await dashboard.waitForSelector('section[aria-labelledby=buy-backs-heading] tbody tr');
    const listed = await dashboard.$$eval('section[aria-labelledby=buy-backs-heading] tbody a', (links) =>
      links.map((link) => link.textContent),
    );
    expect(listed).not.toContain(number);
  });
});

/** The buy-back numbered `number` was paid once, in store credit: one payout, one grant, no error shown. */
async function expectPaidOnce(dashboard: Page, number: number, minor: number): Promise<void> {
  const buyBack = (await storedRows<StoredBuyBack>(dashboard, 'buyBacks')).find(
    (row) => row.number === number,
  );
  expect(buyBack?.status).toBe('paid');
  expect(buyBack?.payout).toEqual(
    expect.objectContaining({ method: 'Store credit', amount: { minor, currency: 'USD' } }),
  );
  expect(buyBack?.log.filter((entry) => entry.text.includes('Estimate → Paid'))).toHaveLength(1);
  const grants = (await storedRows<StoredCredit>(dashboard, 'storeCredit')).filter(
    (entry) => entry.source.buyBackId === buyBack?.id,
  );
  expect(grants).toEqual([expect.objectContaining({ amount: { minor, currency: 'USD' } })]);
  expect(await dashboard.$('[role=alert]')).toBeNull();
}

/** `Record purchase`, one product by SKU, `Complete record`: the review screen. */
async function reviewOrder(frame: Frame, sku: string): Promise<void> {
  await frame.locator('::-p-aria(Record purchase)').click();
  const search = await frame.waitForSelector('::-p-aria(Search products)');
  await search?.type(sku);
  await frame.waitForSelector('[role=option][aria-selected=true]');
  await search?.press('Enter');
  await frame.locator('::-p-aria(Complete record)').click();
  await frame.waitForSelector('::-p-aria(Confirm order)');
}
