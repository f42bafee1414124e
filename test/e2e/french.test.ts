import type { ElementHandle, Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../../locales/catalogs';
import { todayLocal } from '../../src/domain/dates';
import { flatMessages } from '../../src/domain/locale-catalog';
import { startDemoServer } from '../demo/server';
import { launchWithTally, sidebarFrame, waitForDownload, type TallyBrowser } from '../support/chromium';
import { timelineView } from '../support/timeline';

/**
 * Tally in French, in real Chromium whose UI language is French: the launcher, the sidebar and
 * the dashboard speak French, a rep captures a contact and records a purchase through the French
 * accessible names, typing a price the French way, and reads dates and money written the French
 * way. The texts come from locales/fr, so this follows the catalog rather than copying it.
 */

const french = flatMessages(readCatalog('fr'));
/** The French text of `key`, with $1… filled as the browser fills them. */
function fr(key: string, ...substitutions: string[]): string {
  const message = french[key];
  if (message === undefined) throw new Error(`No French message ${key}`);
  return message.replace(/\$(\$|\d)/g, (_, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}
/** The French text of `key` as a regular expression's source, any text standing for $1…. */
function frPattern(key: string): string {
  const message = french[key];
  if (message === undefined) throw new Error(`No French message ${key}`);
  return message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\$\d/g, '.+');
}
/** A French accessible name as a puppeteer aria selector (parentheses escaped). */
const aria = (name: string) => `::-p-aria(${name.replace(/[()]/g, '\\$&')})`;
/** French writes money and big numbers with no-break spaces; compare the words. */
const words = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** Money and dates as French readers expect them (the extension formats with the browser's ICU). */
const money = (amount: number, currency: string) =>
  words(new Intl.NumberFormat('fr', { style: 'currency', currency }).format(amount));

describe('Tally in French', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let page: Page;
  let frame: Frame;
  let dashboard: Page;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true, language: 'fr' });
    dashboard = await tally.browser.newPage();
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    await dashboard.waitForSelector(aria(fr('dashboard_export_purchases')));
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('runs in a browser whose UI language is French', async () => {
    const language = await dashboard.evaluate(() => ({
      ui: (
        globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }
      ).chrome.i18n.getUILanguage(),
      page: document.documentElement.lang,
    }));
    // Debian's Chromium knows French only with its language packs (apt-get install chromium-l10n).
    expect(language.ui, 'Chromium without French: install chromium-l10n').toMatch(/^fr\b/);
    expect(language.page).toMatch(/^fr\b/);
  });

  it('shows the dashboard in French', async () => {
    const headings = await dashboard.$$eval('h2', (elements) =>
      elements.map((heading) => heading.textContent),
    );
    expect(headings).toEqual(
      expect.arrayContaining([
        fr('buyback_list_heading'),
        fr('receipt_template_heading'),
        fr('dashboard_catalog'),
      ]),
    );
    expect(headings).not.toContain('Buy-backs');
    expect(headings).not.toContain('Receipt template');
    expect(await dashboard.$(aria(fr('buyback_new')))).not.toBeNull();
  });

  it('imports the catalog through the French dashboard', async () => {
    const catalogPage = await tally.browser.newPage();
    await catalogPage.goto(`${demo.url}/rep/products`);
    await catalogPage.locator('::-p-aria(Export products \\(CSV\\))').click();
    const csv = await waitForDownload(tally.downloadDir, /products.*\.csv$/);
    await catalogPage.close();

    await dashboard.bringToFront();
    const button = await dashboard.waitForSelector(aria(fr('dashboard_import_catalog')));
    const [chooser] = await Promise.all([dashboard.waitForFileChooser(), button?.click()]);
    await chooser.accept([csv]);
    // "Importer 1 000 produits": the count is grouped the French way.
    const importing = frPattern('dashboard_import_products_other');
    const confirm = (await dashboard.waitForFunction(
      (source) =>
        [...document.querySelectorAll('button')].find((candidate) =>
          new RegExp(`^${source}$`).test(candidate.textContent ?? ''),
        ) ?? null,
      {},
      importing,
    )) as ElementHandle<HTMLButtonElement>;
    const label = await confirm.evaluate((element) => element.textContent ?? '');
    expect(words(label)).toBe(fr('dashboard_import_products_other', '1 000'));
    await confirm.click();
    await dashboard.waitForFunction(
      (source) =>
        [...document.querySelectorAll('[role=status]')].some((status) =>
          new RegExp(source).test(status.textContent ?? ''),
        ),
      {},
      frPattern('dashboard_catalog_imported'),
    );
  });

  it('captures a contact from the French launcher and sidebar', async () => {
    page = await tally.browser.newPage();
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    await page.locator(aria(fr('content_open_tally'))).click();
    frame = await sidebarFrame(page, tally.extensionOrigin);
    const capture = await frame.waitForSelector(aria(fr('sidebar_capture_contact')));
    await capture?.click();
    const status = await frame.waitForFunction(() => {
      const text = document.querySelector('[role=status]')?.textContent ?? '';
      return text.includes('Ada Lovelace') ? text : null;
    }, {});
    // "Capturé : Ada Lovelace" — French puts a space before the colon.
    expect(await status.jsonValue()).toBe(
      fr('sidebar_capture_notice', fr('sidebar_event_captured'), 'Ada Lovelace'),
    );
    expect(await frame.$(aria(fr('sidebar_activity_timeline')))).not.toBeNull();
  });

  it('records a purchase through French names, a price typed the French way, shown in French', async () => {
    await frame.locator(aria(fr('sidebar_record_purchase'))).click();
    const search = await frame.waitForSelector(aria(fr('catalog_search_products')));
    await search?.type('NW-1001');
    await frame.waitForSelector('[role=option][aria-selected=true]');
    await search?.press('Enter');
    await frame.locator(aria(fr('record_complete'))).click();
    await frame.waitForSelector(aria(fr('record_confirm_order')));

    const quantity = await frame.waitForSelector(aria(fr('record_quantity')));
    await quantity?.click({ count: 3 });
    await quantity?.type('2');
    // A decimal comma, as French users type prices.
    const price = await frame.waitForSelector(aria(fr('record_price')));
    await price?.click({ count: 3 });
    await price?.type('21,50');
    await frame.locator(aria(fr('record_confirm_order'))).click();
    await frame.waitForFunction(
      (expected) => document.querySelector('[role=status]')?.textContent === expected,
      {},
      fr('sidebar_order_recorded'),
    );

    const [top] = await timelineView(frame);
    const today = todayLocal();
    const [year = 0, month = 1, day = 1] = today.split('-').map(Number);
    // "5 mars 2026": day first, the month's French name.
    const date = new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, day, 12)),
    );
    expect(date).toMatch(/^\d{1,2} \S+ \d{4}$/);
    expect(top?.date).toBe(today);
    const text = words(top?.text ?? '');
    expect(text).toContain(fr('sidebar_entry_purchase'));
    expect(text).toContain(date);
    // "43,00 $US": a decimal comma and the symbol after the amount.
    expect(money(43, 'USD')).toBe('43,00 $US');
    expect(text).toContain(`2 × Classic Glass Spray, 500 ml — ${money(43, 'USD')}`);
    expect(text).not.toContain('$43.00');
  });

  it('starts a buy-back in French and reads a price typed the French way', async () => {
    await dashboard.bringToFront();
    await dashboard.locator(aria(fr('buyback_new'))).click();
    await dashboard.locator(aria(fr('buyback_seller'))).fill('ada');
    await dashboard.locator(aria(fr('buyback_buy_from', 'Ada Lovelace'))).click();
    const heading = await dashboard.waitForSelector(`h1::-p-text(${fr('buyback_title_numbered', 'BB-')})`);
    expect(await heading?.evaluate((element) => element.textContent)).toBe(
      fr('buyback_title_numbered', 'BB-0001'),
    );
    await dashboard.locator(aria(fr('buyback_add_item'))).click();
    const item = await dashboard.waitForSelector(aria(fr('buyback_item_named', '1', fr('buyback_new_item'))));
    await (await item?.$(aria(fr('buyback_description'))))?.type('iPhone 12');
    await (await item?.$(aria(fr('buyback_price_paid'))))?.type('120,50');
    // "Payer 120,50 $US": the comma read as the decimal mark, the total written back the French way.
    await dashboard.waitForFunction(
      (expected) => document.querySelector('#payout-heading')?.textContent?.replace(/\s+/g, ' ') === expected,
      {},
      fr('buyback_pay_out_amount', money(120.5, 'USD')),
    );
  });
});
