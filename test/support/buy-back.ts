import type { ElementHandle, Frame, Page } from 'puppeteer';
import { waitForDownload, type TallyBrowser } from './chromium';

/** The steps of a buy-back on its dashboard screen, through the accessible names. Shared by e2e and demo. */

export interface ItemToBuy {
  description: string;
  serial?: string;
  price: string;
}

/** `New buy-back` on the dashboard, for the contact the search finds; waits for the estimate screen. */
export async function newBuyBackFromDashboard(
  dashboard: Page,
  search: string,
  name: string,
): Promise<string> {
  await dashboard.locator('::-p-aria(New buy-back)').click();
  await dashboard.locator('::-p-aria(Seller)').fill(search);
  await dashboard.locator(`::-p-aria(Buy from ${name})`).click();
  const heading = await dashboard.waitForSelector('h1::-p-text(Buy-back BB-)');
  return (await heading?.evaluate((element) => element.textContent ?? '')) ?? '';
}

export async function fillSellerId(screen: Page, fields: Record<string, string>): Promise<void> {
  const group = await section(screen, 'fieldset.seller-id');
  for (const [label, value] of Object.entries(fields)) {
    const input = await group.waitForSelector(`::-p-aria(${label})`);
    if (!input) throw new Error(`No ${label} field`);
    // Date fields take the date in the browser's own order; set it like a picker does.
    const type = await input.evaluate((element) => (element as HTMLInputElement).type);
    if (type === 'date') await setDate(input, value);
    else await input.type(value);
  }
}

/** `Add item`, then fills the new (last) item's fields. */
export async function addItem(screen: Page, item: ItemToBuy): Promise<void> {
  await screen.locator('::-p-aria(Add item)').click();
  const rows = await screen.$$('fieldset.line');
  const row = rows.at(-1);
  if (!row) throw new Error('No item row after Add item');
  await (await row.$('::-p-aria(Description)'))?.type(item.description);
  if (item.serial) await (await row.$('::-p-aria(Serial / IMEI)'))?.type(item.serial);
  await (await row.$('::-p-aria(Price paid)'))?.type(item.price);
}

export async function status(screen: Page): Promise<string> {
  return screen.$eval('.badge[aria-label^="Status:"]', (element) => element.textContent ?? '');
}

export async function waitForStatus(screen: Page, expected: string): Promise<void> {
  await screen.waitForFunction(
    (wanted) => document.querySelector('.badge[aria-label^="Status:"]')?.textContent === wanted,
    { timeout: 10_000 },
    expected,
  );
}

/** Chooses the payment method, types reference and message, and clicks `Pay out`. */
export async function payOut(
  screen: Page,
  payout: { method: string; reference?: string; message?: string },
): Promise<void> {
  const method = await screen.waitForSelector('::-p-aria(Payment method)');
  await method?.select(payout.method);
  if (payout.reference) await screen.locator('::-p-aria(Reference number)').fill(payout.reference);
  if (payout.message) await screen.locator('::-p-aria(Message)').fill(payout.message);
  await screen.locator('::-p-aria(Pay out)').click();
}

/** The section of one item on a paid buy-back, by its position (1-based). */
export async function itemSection(screen: Page, position: number): Promise<ElementHandle> {
  const element = await screen.waitForSelector(`section.item-progress[aria-label^="Item ${position}:"]`);
  if (!element) throw new Error(`No item ${position}`);
  return element;
}

export async function clickIn(scope: ElementHandle, name: string): Promise<void> {
  const button = await scope.waitForSelector(`::-p-aria(${name})`);
  if (!button) throw new Error(`No ${name} button`);
  await button.click();
}

export async function typeIn(scope: ElementHandle, name: string, text: string): Promise<void> {
  const field = await scope.waitForSelector(`::-p-aria(${name})`);
  if (!field) throw new Error(`No ${name} field`);
  await field.click({ count: 3 });
  await field.type(text);
}

/** Clicks a button that downloads a file and returns the file's path. */
export async function downloadFrom(
  screen: Page,
  tally: TallyBrowser,
  button: string,
  pattern: RegExp,
): Promise<string> {
  await screen.locator(`::-p-aria(${button})`).click();
  return waitForDownload(tally.downloadDir, pattern);
}

async function section(screen: Page, selector: string): Promise<ElementHandle> {
  const element = await screen.waitForSelector(selector);
  if (!element) throw new Error(`No ${selector}`);
  return element;
}

async function setDate(input: ElementHandle, value: string): Promise<void> {
  await input.evaluate((element, date) => {
    const field = element as HTMLInputElement;
    field.value = date;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Adds a serial to the dashboard's `Do-not-buy list` with its reason; waits for its row. */
export async function addToDoNotBuyList(dashboard: Page, serial: string, reason: string): Promise<void> {
  await dashboard.locator('::-p-aria(Serial or IMEI)').fill(serial);
  await dashboard.locator('::-p-aria(Reason)').fill(reason);
  await dashboard.locator('::-p-aria(Add to do-not-buy list)').click();
  await dashboard.waitForSelector(`::-p-aria(Remove ${serial})`);
}

/** The sidebar's "Store credit: $X" beside the contact, once it reads `expected`. */
export async function storeCreditLine(frame: Frame, expected: string): Promise<string> {
  const line = await frame.waitForFunction(
    (wanted) => {
      const text = document.querySelector('[data-field=store-credit]')?.textContent ?? '';
      return text === wanted ? text : null;
    },
    { polling: 'mutation' },
    expected,
  );
  return (await line.jsonValue()) ?? '';
}

/** Opens the sidebar's `Store credit ledger` (if closed) and returns its entries, newest first. */
export async function storeCreditLedger(frame: Frame): Promise<string[]> {
  const toggle = await frame.waitForSelector('::-p-aria(Store credit ledger)');
  if ((await toggle?.evaluate((button) => button.getAttribute('aria-expanded'))) !== 'true') {
    await toggle?.click();
  }
  const list = await frame.waitForSelector('#store-credit-ledger');
  return (
    (await list?.$$eval(':scope > li', (items) => items.map((item) => (item.textContent ?? '').trim()))) ?? []
  );
}
