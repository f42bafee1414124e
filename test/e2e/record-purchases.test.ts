import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer';
import { startDemoServer } from '../demo/server';
import { launchWithTally, type TallyBrowser } from '../support/chromium';
import {
  captureContact,
  downloadCatalogCsv,
  importCatalog,
  openDashboard,
  openSidebar,
  recordPurchase,
} from '../support/tour';
import {
  entryButton,
  storedPurchases,
  tabTo,
  tabToElement,
  timelineView,
  typeOver,
  waitForStatus,
  waitForTopEntry,
} from '../support/timeline';
import { addDays } from '../../src/domain/calendar';
import { todayLocal } from '../../src/domain/dates';

/**
 * Recording by hand beside the customer's page, in real Chromium with the built extension:
 * purchases and samples, edits, deletes with Undo, group orders, and the timeline they make.
 */
describe('record purchases and samples against the catalog', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let page: Page;
  let frame: Frame;
  const today = todayLocal();
  const pastDate = addDays(today, -30);

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    page = await tally.browser.newPage();
    const csv = await downloadCatalogCsv(page, tally, demo.url);
    const dashboard = await openDashboard(tally);
    await importCatalog(dashboard, csv);
    await dashboard.close();
    for (const id of ['C-00043', 'C-00044']) {
      await page.goto(`${demo.url}/rep/customers/${id}`);
      await captureContact(await openSidebar(page, tally));
    }
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    frame = await openSidebar(page, tally);
    expect(await captureContact(frame)).toBe('Captured: Ada Lovelace');
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('records with the keyboard alone: three products, one twice, a changed price and a past date', async () => {
    await frame.focus('main');
    await tabTo(page, frame, 'Record purchase');
    await page.keyboard.press('Enter');
    await frame.waitForSelector('::-p-aria(Search products)');
    for (const query of ['NW-1001', 'NW-1002', 'sandalwod reed', 'NW-1001']) {
      await typeOver(page, query);
      await frame.waitForSelector('[role=option][aria-selected=true]');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
    }
    const cart = await frame.$$eval('ul.cart li', (items) => items.map((item) => item.textContent));
    expect(cart).toEqual([
      '2 × Classic Glass Spray, 500 ml',
      '1 × Bamboo Travel Mug, Set of 3',
      '1 × Sandalwood Reed Diffuser',
    ]);
    await tabTo(page, frame, 'Complete record');
    await page.keyboard.press('Enter');
    await frame.waitForSelector('::-p-aria(Confirm order)');

    // The review starts at the purchase date.
    const [year, month, day] = pastDate.split('-');
    await page.keyboard.type(`${month}${day}${year}`); // en-US order: mm/dd/yyyy
    expect(await frame.$eval('input[type=date]', (input) => (input as HTMLInputElement).value)).toBe(
      pastDate,
    );
    // The third line's price: Tab past the first two lines' fields.
    await tabToElement(page, frame, 'fieldset:nth-of-type(3) input[inputmode=decimal]');
    await typeOver(page, '29.99');
    await tabTo(page, frame, 'Confirm order');
    await page.keyboard.press('Enter');
    await waitForStatus(frame, 'Order recorded.');

    // A purchase sits on its purchase date: below today's capture of Ada.
    const entries = await timelineView(frame);
    expect(entries.map((entry) => entry.text.split(' ')[0])).toEqual(['Captured', 'Purchase']);
    const top = entries[1];
    expect(top?.date).toBe(pastDate);
    expect(top?.text).toMatch(/^Purchase .*\$167\.89/); // 2 × 23.95 + 90.00 + 29.99
    expect(top?.text).toContain('2 × Classic Glass Spray, 500 ml — $47.90');
    expect(top?.text).toContain('1 × Sandalwood Reed Diffuser — $29.99 (price changed from $33.99)');
    expect(await summary(frame)).toEqual({ spend: '$167.89', last: pastDate });
  });

  it('records a sample at no charge, shown apart, and leaves the lifetime spend alone', async () => {
    await recordPurchase(frame, [{ search: 'NW-1004' }], { kind: 'sample' });
    const [top] = await timelineView(frame);
    expect(top?.date).toBe(today);
    expect(top?.text).toMatch(/^Sample .*\$0\.00/);
    expect(await frame.$eval('ol.timeline > li', (item) => item.className)).toContain('sample');
    expect(await summary(frame)).toEqual({ spend: '$167.89', last: pastDate });
  });

  it('asks before recording a purchase date in the future', async () => {
    const future = addDays(today, 3);
    await frame.locator('::-p-aria(Record purchase)').click();
    const search = await frame.waitForSelector('::-p-aria(Search products)');
    await search?.type('NW-1006');
    await frame.waitForSelector('[role=option][aria-selected=true]');
    await search?.press('Enter');
    await frame.locator('::-p-aria(Complete record)').click();
    await setDate(frame, future);
    await frame.locator('::-p-aria(Confirm order)').click();
    const warning = await frame.waitForSelector('[role=alert]');
    expect(await warning?.evaluate((element) => element.textContent)).toMatch(/is in the future/);
    await frame.locator('::-p-aria(Record with a future date)').click();
    await waitForStatus(frame, 'Order recorded.');
    expect((await timelineView(frame))[0]?.date).toBe(future);
  });

  it('edits a recorded order; a failed edit changes nothing', async () => {
    const entries = await timelineView(frame);
    const index = entries.findIndex((entry) => entry.date === pastDate);
    const before = await storedPurchases(frame);
    await (await entryButton(frame, index, 'Edit')).click();
    await frame.waitForSelector('::-p-aria(Save changes)');
    const price = await frame.$('fieldset:nth-of-type(1) input[inputmode=decimal]');
    await price?.click({ count: 3 });
    await price?.type('abc');
    await frame.locator('::-p-aria(Save changes)').click();
    await frame.waitForSelector('input[aria-invalid=true]');
    expect(await frame.$eval('.field-problem', (element) => element.textContent)).toBe(
      'Price is not an amount such as 12.50.',
    );
    expect(await storedPurchases(frame)).toEqual(before);

    await price?.click({ count: 3 });
    await price?.type('20.00');
    const quantity = await frame.$('fieldset:nth-of-type(1) input[inputmode=numeric]');
    await quantity?.click({ count: 3 });
    await quantity?.type('3');
    await frame.locator('::-p-aria(Save changes)').click();
    await waitForStatus(frame, 'Changes saved.');
    const edited = (await timelineView(frame)).find((entry) => entry.date === pastDate);
    expect(edited?.text).toContain('3 × Classic Glass Spray, 500 ml — $60.00');
    // 167.89 − 47.90 + 60.00, and the future order's 23.95.
    expect(await summary(frame)).toMatchObject({ spend: '$203.94' });
  });

  it('deletes an order and brings it back with Undo', async () => {
    const [top] = await timelineView(frame);
    await (await entryButton(frame, 0, 'Delete')).click();
    await waitForStatus(frame, /^Purchase of .* deleted\. ?Undo$/);
    expect((await timelineView(frame))[0]?.text).not.toBe(top?.text);
    await frame.locator('::-p-aria(Undo)').click();
    await waitForTopEntry(frame, /^Purchase /);
    expect((await timelineView(frame))[0]?.text).toBe(top?.text);
  });

  it('splits one group order among contacts, each getting a record linked to the group', async () => {
    await frame.locator('::-p-aria(Record purchase)').click();
    const search = await frame.waitForSelector('::-p-aria(Search products)');
    for (const sku of ['NW-1004', 'NW-1004', 'NW-1004', 'NW-1005']) {
      await search?.click({ count: 3 });
      await search?.type(sku);
      await frame.waitForSelector('[role=option][aria-selected=true]');
      await search?.press('Enter');
    }
    await frame.locator('::-p-aria(Complete record)').click();
    await frame.locator('::-p-aria(Split among contacts)').click();
    for (const name of ['Chen', 'Dennis']) {
      const find = await frame.waitForSelector('::-p-aria(Add a contact to the group)');
      await find?.type(name);
      await frame.locator(`::-p-aria(Add ${name === 'Chen' ? 'Chen Andersson' : 'Dennis Johnson'})`).click();
    }
    // Dealt evenly: wax melts 1/1/1, gummies to Ada. Chen takes Dennis's wax melt; Dennis drops out.
    await setShare(frame, 'Charcoal Wax Melts for Chen Andersson', '2');
    await setShare(frame, 'Charcoal Wax Melts for Dennis Johnson', '0');
    await frame.locator('::-p-aria(Confirm order)').click();
    await waitForStatus(frame, 'Group order recorded for 2 contacts.');

    const entries = await timelineView(frame);
    const index = entries.findIndex((entry) => entry.text.includes('Share of a group order.'));
    expect(entries[index]?.text).toContain('1 × Charcoal Wax Melts');
    await (await entryButton(frame, index, 'Group order')).click();
    const group = await frame.waitForSelector('[aria-label="Group order"]');
    const groupText = await group?.evaluate((element) => element.textContent ?? '');
    expect(groupText).toMatch(/split among 2/);
    expect(groupText).toContain('Chen Andersson: $91.98');

    await page.goto(`${demo.url}/rep/customers/C-00043`);
    const chen = await openSidebar(page, tally);
    await waitForTopEntry(chen, /Charcoal Wax Melts/);
    expect((await timelineView(chen))[0]?.text).toMatch(
      /^Purchase .*2 × Charcoal Wax Melts — \$91\.98.*Share of a group order/,
    );
    frame = chen;
  });

  it('shows captures and notes in the timeline, and filters it by kind', async () => {
    await frame.locator('::-p-aria(Note about this contact)').fill('Prefers unscented; call after 5pm');
    await frame.locator('::-p-aria(Add note)').click();
    await waitForTopEntry(frame, /^Note .*Prefers unscented/);
    await frame.select('select', 'capture');
    await frame.waitForFunction(() =>
      [...document.querySelectorAll('ol.timeline > li')].every((item) =>
        item.textContent?.startsWith('Captured'),
      ),
    );
    expect((await timelineView(frame)).map((entry) => entry.text)).toEqual([
      expect.stringMatching(/^Captured .* from 127\.0\.0\.1/),
    ]);
    await frame.select('select', 'note');
    await waitForTopEntry(frame, /^Note /);
    expect(await timelineView(frame)).toHaveLength(1);
  });
});

async function summary(frame: Frame): Promise<{ spend: string; last: string }> {
  return frame.evaluate(() => ({
    spend: document.querySelector('[data-field=lifetime-spend]')?.textContent ?? '',
    last: document.querySelector('[data-field=last-purchase] time')?.getAttribute('datetime') ?? '',
  }));
}

async function setDate(frame: Frame, date: string): Promise<void> {
  const input = await frame.waitForSelector('::-p-aria(Purchase date)');
  // A date picker sets the whole value at once; typing is covered by the keyboard test.
  await input?.evaluate((element, value) => {
    const field = element as HTMLInputElement;
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }, date);
}

async function setShare(frame: Frame, name: string, value: string): Promise<void> {
  const input = await frame.waitForSelector(`::-p-aria(${name})`);
  await input?.click({ count: 3 });
  await input?.type(value);
}
