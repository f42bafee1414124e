import 'fake-indexeddb/auto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../../locales/catalogs';
import { flatMessages } from '../../src/domain/locale-catalog';
import { POS_SUPPLIER_ID } from '../demo/seed-pos';
import { REPAIR_SAMPLE_ID } from '../demo/seed-repair';
import { startDemoServer } from '../demo/server';
import { launchWithTally, sidebarFrame, waitForDownload, type TallyBrowser } from '../support/chromium';
import { storedRows } from '../support/indexeddb';
import { seedPageDatabase } from '../support/page-seed';
import { seedShopProfile } from '../support/seeded-profile';

/**
 * Every screen of Tally in French, filled with a working shop's data, shows no English: no
 * English catalog message (one that French translates differently) and no common English UI
 * word that a converter missed. The text read is what a user sees or hears: the page's visible
 * text (closed <details> opened first), its title, the values of text fields and options, and
 * aria-label, title, placeholder, alt and aria-description values. Each screen's leftovers are
 * reported with the screen's name and the line they are on.
 */

const english = flatMessages(readCatalog('en'));
const french = flatMessages(readCatalog('fr'));

/** The French text of `key`, with $1… filled as the browser fills them. */
function fr(key: string, ...substitutions: string[]): string {
  const message = french[key];
  if (message === undefined) throw new Error(`No French message ${key}`);
  return message.replace(/\$(\$|\d)/g, (_, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}
/** A French accessible name as a puppeteer aria selector (parentheses escaped). */
const aria = (name: string) => `::-p-aria(${name.replace(/[()]/g, '\\$&')})`;

const LETTERS = /\p{L}+/gu;
/** A whole phrase: no letter or digit glued to either end. */
const whole = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'u');

/**
 * The English messages that would give English away: at least two words besides their $n, and
 * a French translation that differs. $n stands for any text on the same line.
 */
const ENGLISH_MESSAGES = Object.entries(english)
  .filter(([key, text]) => french[key] !== text)
  .filter(([, text]) => (text.replace(/\$\d/g, ' ').match(LETTERS) ?? []).length >= 2)
  .map(([key, text]) => {
    const source = text
      .split(/(\$\$|\$\d)/)
      .map((part) => {
        if (part === '$$') return '\\$';
        if (/^\$\d$/.test(part)) return '[^\\n]+?';
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      })
      .join('');
    return { key, text, pattern: whole(source) };
  });

/** English words a screen would show if a string had been left out of the catalogs. */
const ENGLISH_WORDS = whole(
  `(?:${[
    'Save',
    'Cancel',
    'Delete',
    'Search',
    'Loading',
    'Close',
    'Show',
    'Hide',
    'Edit',
    'Add',
    'Remove',
    'None',
    'No',
    'Yes',
    'Open',
    'Back',
    'Settings',
    'Purchases',
    'Status',
    'Quantity',
    'Price',
    'Sample',
    'Download',
    'Choose',
    'Bank transfer',
    'Cheque',
    'Select',
    'Undo',
    'Error',
    'Unknown',
    'Today',
    'items?',
    'of',
    'and',
    'or',
    'with',
    'from',
  ].join('|')})`,
);

/**
 * Data the seed wrote in English (notes, payment methods, product names…): a shop's own words,
 * which stay as typed whatever the UI language.
 */
const SHOP_DATA = [
  'Paid at the door',
  'Prefers calls after 5 pm.',
  'Screen has a hairline scratch.',
  'Reported stolen',
  'Deliver Monday',
  'Acme CRM customer',
];

/** What the user sees and hears on a page or frame, as lines. */
async function screenText(target: Page | Frame): Promise<string> {
  const texts = await target.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const found = [document.title, document.body.innerText];
    const attributes = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'];
    for (const element of document.querySelectorAll(attributes.map((name) => `[${name}]`).join(','))) {
      for (const name of attributes) {
        const value = element.getAttribute(name);
        if (value) found.push(value);
      }
    }
    for (const option of document.querySelectorAll('option')) found.push(option.textContent ?? '');
    // Fields Tally fills in itself (defaults) are read as much as its labels.
    for (const field of document.querySelectorAll('input:not([type]), input[type=text], textarea')) {
      found.push((field as HTMLInputElement).value);
    }
    return found;
  });
  return texts.join('\n');
}

/** Shop data quoted on a screen (« Night Serum » → « Bamboo Travel Mug, Set of 3 »), left out of the word check. */
const QUOTED = /«[^»]*»|"[^"\n]*"/g;

/**
 * The English a screen shows, line by line: an English catalog message (by key), or a common
 * English word outside the shop's own data. `fileWords` are lines a file the user gave spells
 * itself (a CSV's column names, offered as they are in the file).
 */
function englishLeftovers(text: string, fileWords: readonly string[] = []): string[] {
  const found: string[] = [];
  const lines = [...new Set(text.split('\n').map((line) => line.trim()))].filter(
    (line) => line !== '' && !fileWords.includes(line),
  );
  for (const line of lines) {
    const messages = ENGLISH_MESSAGES.filter(({ pattern }) => pattern.test(line));
    for (const { key } of messages) found.push(`${key}: ${line}`);
    let words = line.replace(QUOTED, ' ');
    for (const data of SHOP_DATA) words = words.split(data).join(' ');
    if (messages.length === 0 && ENGLISH_WORDS.test(words)) found.push(`word: ${line}`);
  }
  return found;
}

describe('Tally in French shows no English on any screen', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let page: Page;
  let frame: Frame;
  let dashboard: Page;

  const dashboardAt = async (hash: string, ready: string) => {
    await dashboard.bringToFront();
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html${hash}`);
    await dashboard.reload();
    await dashboard.waitForSelector(ready);
  };

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true, language: 'fr' });
    dashboard = await tally.browser.newPage();
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    await dashboard.waitForSelector(aria(fr('dashboard_export_purchases')));
    await seedPageDatabase(dashboard, async (db) => {
      await seedShopProfile(db);
      // The payment methods a shop starts with, as a French user first sees them.
      await db.settings.delete('paymentMethods');
    });
    page = await tally.browser.newPage();
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('the docked sidebar on a back office, before and after capturing', async () => {
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    await page.locator(aria(fr('content_open_tally'))).click();
    frame = await sidebarFrame(page, tally.extensionOrigin);
    await frame.waitForSelector(aria(fr('sidebar_capture_contact')));
    const before = await screenText(frame);
    await frame.locator(aria(fr('sidebar_capture_contact'))).click();
    await frame.waitForSelector('ol.timeline > li');
    expect(englishLeftovers(before), 'sidebar before capture').toEqual([]);
    expect(englishLeftovers(await screenText(frame)), 'sidebar: contact and timeline').toEqual([]);
  });

  it('the sidebar recording a purchase: search results, the review step, the timeline after', async () => {
    await frame.locator(aria(fr('sidebar_record_purchase'))).click();
    const search = await frame.waitForSelector(aria(fr('catalog_search_products')));
    await search?.type('NW-100');
    await frame.waitForSelector('[role=option][aria-selected=true]');
    const results = await screenText(frame);
    await search?.press('Enter');
    await frame.locator(aria(fr('record_complete'))).click();
    await frame.waitForSelector(aria(fr('record_confirm_order')));
    const review = await screenText(frame);
    await frame.locator(aria(fr('record_confirm_order'))).click();
    await frame.waitForFunction(
      (expected) => document.querySelector('[role=status]')?.textContent === expected,
      {},
      fr('sidebar_order_recorded'),
    );
    expect(englishLeftovers(results), 'sidebar: search results').toEqual([]);
    expect(englishLeftovers(review), 'sidebar: review step').toEqual([]);
    // The payment methods a shop starts with are named in French until it saves its own.
    expect(review).toContain(fr('buyback_method_bank_transfer'));
    expect(englishLeftovers(await screenText(frame)), 'sidebar: after recording').toEqual([]);
  });

  it('the sidebar on a repair shop customer and on a point-of-sale supplier', async () => {
    const found: string[] = [];
    for (const path of [
      `/repair/customer?id=${REPAIR_SAMPLE_ID}`,
      `/pos/contacts?contact=${POS_SUPPLIER_ID}`,
    ]) {
      await page.goto(`${demo.url}${path}`);
      await page.locator(aria(fr('content_open_tally'))).click();
      const sidebar = await sidebarFrame(page, tally.extensionOrigin);
      await sidebar.locator(aria(fr('sidebar_capture_contact'))).click();
      await sidebar.waitForSelector('ol.timeline > li');
      found.push(...englishLeftovers(await screenText(sidebar)).map((line) => `${path}: ${line}`));
    }
    expect(found, 'sidebar on other back offices').toEqual([]);
  });

  it('the toolbar popup', async () => {
    const popup = await tally.browser.newPage();
    await popup.goto(`${tally.extensionOrigin}/popup.html`);
    await popup.waitForSelector('button');
    const text = await screenText(popup);
    await popup.close();
    expect(englishLeftovers(text), 'popup').toEqual([]);
  });

  it('the dashboard: every section with data', async () => {
    await dashboardAt('', 'table');
    await dashboard.waitForSelector('::-p-text(Grace Hopper)');
    const text = await screenText(dashboard);
    expect(text).toContain(fr('dashboard_catalog'));
    expect(englishLeftovers(text), 'dashboard').toEqual([]);
  });

  it('the export dialog', async () => {
    await dashboard.locator(aria(fr('dashboard_export_purchases'))).click();
    await dashboard.waitForSelector('dialog[open]');
    const text = await screenText(dashboard);
    await dashboard.keyboard.press('Escape');
    expect(englishLeftovers(text), 'export dialog').toEqual([]);
  });

  it('a catalog import preview', async () => {
    await page.bringToFront();
    await page.goto(`${demo.url}/rep/products`);
    await page.locator('::-p-aria(Export products \\(CSV\\))').click();
    const csv = await waitForDownload(tally.downloadDir, /products.*\.csv$/);
    await dashboardAt('', 'table');
    const button = await dashboard.waitForSelector(aria(fr('dashboard_import_catalog')));
    const [chooser] = await Promise.all([dashboard.waitForFileChooser(), button?.click()]);
    await chooser.accept([csv]);
    await dashboard.waitForSelector('section[aria-labelledby=import-preview-heading]');
    expect(englishLeftovers(await screenText(dashboard)), 'catalog import preview').toEqual([]);
  });

  it('the dry run of a contacts import: one contact changed, one new', async () => {
    await dashboardAt('', 'table');
    await dashboard.locator(aria(fr('contacts_export_contacts'))).click();
    const exported = await waitForDownload(tally.downloadDir, /^tally-contacts-.*\.csv$/);
    const [header = '', ...rows] = (await readFile(exported, 'utf8')).split('\r\n');
    const blank = header.split(',').map(() => '');
    const named = header.replace(/^\uFEFF/, '').split(',');
    blank[named.indexOf('Name')] = 'Katherine Johnson';
    blank[named.indexOf('Email')] = 'katherine@example.com';
    const edited = join(tally.downloadDir, 'contacts-edited.csv');
    const changed = rows.map((row) => row.replace('Grace Hopper', 'Grace B. Hopper'));
    await writeFile(edited, [header, ...changed.filter(Boolean), blank.join(','), ''].join('\r\n'));
    const [chooser] = await Promise.all([
      dashboard.waitForFileChooser(),
      dashboard.locator(aria(fr('contacts_import_contacts'))).click(),
    ]);
    await chooser.accept([edited]);
    await dashboard.waitForSelector(aria(fr('contacts_apply_import')));
    // The column pickers offer the file's own column names, which are English (a file format).
    expect(englishLeftovers(await screenText(dashboard), named), 'contacts import dry run').toEqual([]);
  });

  it('contact screens: a customer, and a supplier with a buy-back and a purchase order', async () => {
    const contacts = await storedRows<{ id: string; name: string }>(dashboard, 'contacts');
    const found: string[] = [];
    for (const name of ['Ada Lovelace', 'Grace Hopper']) {
      const contact = contacts.find((candidate) => candidate.name === name);
      await dashboardAt(`#contact=${contact?.id ?? ''}`, `h1::-p-text(${name})`);
      found.push(...englishLeftovers(await screenText(dashboard)).map((line) => `${name}: ${line}`));
    }
    expect(found, 'contact screens').toEqual([]);
  });

  it('a purchase order screen', async () => {
    const [order] = await storedRows<{ id: string }>(dashboard, 'purchaseOrders');
    await dashboardAt(`#purchase-order=${order?.id ?? ''}`, 'h1::-p-text(PO-)');
    await dashboard.waitForSelector('fieldset.line');
    expect(englishLeftovers(await screenText(dashboard)), 'purchase order').toEqual([]);
  });

  it('a paid buy-back, and a new one being estimated', async () => {
    const [paid] = await storedRows<{ id: string }>(dashboard, 'buyBacks');
    await dashboardAt(`#buy-back=${paid?.id ?? ''}`, 'h1::-p-text(BB-)');
    await dashboard.waitForSelector(aria(fr('buyback_download_receipt')));
    const paidText = await screenText(dashboard);

    await dashboardAt('', 'table');
    await dashboard.locator(aria(fr('buyback_new'))).click();
    await dashboard.locator(aria(fr('buyback_seller'))).fill('ada');
    await dashboard.locator(aria(fr('buyback_buy_from', 'Ada Lovelace'))).click();
    await dashboard.waitForSelector(`h1::-p-text(${fr('buyback_title_numbered', 'BB-0002')})`);
    await dashboard.locator(aria(fr('buyback_add_item'))).click();
    await dashboard.waitForSelector('fieldset.line');
    expect(englishLeftovers(paidText), 'paid buy-back').toEqual([]);
    expect(englishLeftovers(await screenText(dashboard)), 'buy-back estimate').toEqual([]);
  });

  it('reconcile with its results', async () => {
    await page.bringToFront();
    await page.goto(`${demo.url}/rep/orders`);
    await page.locator('::-p-aria(Export orders \\(CSV\\))').click();
    const downloaded = await waitForDownload(tally.downloadDir, /^northwind-orders.*\.csv$/);
    const fileName = downloaded.split('/').pop() ?? '';
    await dashboardAt('#reconcile', '#reconcile');
    const offer = await dashboard.waitForSelector(aria(fr('reconcile_offer_choose', fileName)));
    const [chooser] = await Promise.all([dashboard.waitForFileChooser(), offer?.click()]);
    await chooser.accept([downloaded]);
    await dashboard.waitForFunction(
      (heading) =>
        [...document.querySelectorAll('#reconcile h3')].some((element) => element.textContent === heading) &&
        document.querySelector('#reconcile progress') === null,
      { timeout: 60_000 },
      fr('reconcile_results_heading', fileName),
    );
    expect(englishLeftovers(await screenText(dashboard)), 'reconcile results').toEqual([]);
  });

  it('Backup, and what a backup file holds before it is restored', async () => {
    await dashboardAt('#backup', 'section#backup');
    await dashboard.locator(`section#backup ${aria(`${fr('backup_back_up')}[role="button"]`)}`).click();
    const file = await waitForDownload(tally.downloadDir, /\.zip$/);
    const [chooser] = await Promise.all([
      dashboard.waitForFileChooser(),
      dashboard.locator(`section#backup ${aria(`${fr('backup_restore')}[role="button"]`)}`).click(),
    ]);
    await chooser.accept([file]);
    await dashboard.waitForSelector('section[aria-labelledby=restore-preview-heading]');
    expect(englishLeftovers(await screenText(dashboard)), 'backup and restore preview').toEqual([]);
  });
});
