import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../demo/server';
import { launchWithTally, waitForDownload, type TallyBrowser } from '../support/chromium';
import { pdfText } from '../support/pdf-text';
import {
  captureContact,
  downloadCatalogCsv,
  importCatalog,
  openDashboard,
  openSidebar,
  recordPurchase,
  type LineToRecord,
} from '../support/tour';
import { BEST_CUSTOMERS_COLUMNS } from '../../src/csv/reports-export';
import { addDays } from '../../src/domain/calendar';
import { todayLocal } from '../../src/domain/dates';

/**
 * Issue 6's reports end to end: purchases recorded through the sidebar for three customers, then
 * on the dashboard the best customers over the default and a chosen period, their CSV, the spend
 * chart, and one customer's statement as a PDF from their contact screen.
 */
describe('reports: best customers, spend patterns, customer statement', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let dashboard: Page;
  const today = todayLocal();
  const daysAgo = (days: number) => addDays(today, -days);
  /** Customer names by back-office id, as the demo back office shows them. */
  const names = new Map<string, string>();

  /** What each customer buys: [lines, days ago, kind]. */
  const orders: Record<string, [LineToRecord[], number, ('purchase' | 'sample')?][]> = {
    // $47.90 in the last 12 months, and $90.00 400 days ago (before the default period).
    'C-00042': [
      [[{ search: 'NW-1001', quantity: 2 }], 40],
      [[{ search: 'NW-1002' }], 400],
      [[{ search: 'NW-1004' }], 10, 'sample'],
    ],
    // $90.00 in one order.
    'C-00043': [[[{ search: 'NW-1002' }], 10]],
    // $53.95 in two orders: 23.95, then 30.00.
    'C-00044': [
      [[{ search: 'NW-1001' }], 5],
      [[{ search: 'NW-1001', price: '30.00' }], 3],
    ],
  };

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    const page = await tally.browser.newPage();
    const csv = await downloadCatalogCsv(page, tally, demo.url);
    const catalog = await openDashboard(tally);
    await importCatalog(catalog, csv);
    await catalog.close();
    for (const [id, list] of Object.entries(orders)) {
      await page.goto(`${demo.url}/rep/customers/${id}`);
      const frame = await openSidebar(page, tally);
      expect(await captureContact(frame)).toMatch(/^Captured: /);
      names.set(id, (await frame.$eval('[data-field=name]', (field) => field.textContent?.trim())) ?? '');
      for (const [lines, days, kind] of list) {
        await recordPurchase(frame, lines, { purchaseDate: daysAgo(days), kind: kind ?? 'purchase' });
      }
    }
    await page.close();
    dashboard = await openDashboard(tally);
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  const name = (id: string) => names.get(id) ?? id;

  async function section(heading: string): Promise<ElementHandle> {
    const found = await dashboard.waitForSelector(`section[aria-labelledby=${heading}]`);
    if (!found) throw new Error(`No section ${heading}`);
    return found;
  }

  /** The body rows of the table in a section, cell by cell, once it has `count` rows. */
  async function rows(heading: string, count: number): Promise<string[][]> {
    await dashboard.waitForFunction(
      (selector, wanted) => document.querySelectorAll(selector).length === wanted,
      {},
      `section[aria-labelledby=${heading}] tbody tr`,
      count,
    );
    return dashboard.$$eval(`section[aria-labelledby=${heading}] tbody tr`, (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th,td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
  }

  /** Types a date into a date field with the keyboard, in the browser's order (en-US: mm dd yyyy). */
  async function typeDate(scope: ElementHandle, label: string, date: string) {
    const input = await scope.waitForSelector(`::-p-aria(${label})`);
    await input?.evaluate((element) => (element as HTMLInputElement).focus());
    const [year, month, day] = date.split('-');
    await dashboard.keyboard.type(`${month}${day}${year}`);
    await dashboard.keyboard.press('Tab');
  }

  it('ranks the last 12 months by spend, then a longer period and by orders', async () => {
    expect(await rows('best-customers-heading', 3)).toEqual([
      ['1', name('C-00043'), expect.any(String), '1', '$90.00', '$90.00', expect.any(String)],
      ['2', name('C-00044'), expect.any(String), '2', '$53.95', '$26.98', expect.any(String)],
      ['3', name('C-00042'), expect.any(String), '1', '$47.90', '$47.90', expect.any(String)],
    ]);

    const best = await section('best-customers-heading');
    await typeDate(best, 'From', daysAgo(450));
    await dashboard.waitForFunction(
      (wanted) =>
        document
          .querySelector('section[aria-labelledby=best-customers-heading] tbody tr th')
          ?.textContent?.trim() === wanted,
      {},
      name('C-00042'),
    );
    expect((await rows('best-customers-heading', 3)).map((row) => row.slice(0, 5))).toEqual([
      ['1', name('C-00042'), expect.any(String), '2', '$137.90'],
      ['2', name('C-00043'), expect.any(String), '1', '$90.00'],
      ['3', name('C-00044'), expect.any(String), '2', '$53.95'],
    ]);
    expect(await best.$eval('[data-field=best-customers-summary]', (p) => p.textContent)).toMatch(
      /^3 customers bought from /,
    );

    const rankBy = await best.waitForSelector('::-p-aria(Rank by)');
    await rankBy?.select('orders');
    await dashboard.waitForFunction(
      (wanted) =>
        document
          .querySelector('section[aria-labelledby=best-customers-heading] tbody tr:nth-child(2) th')
          ?.textContent?.trim() === wanted,
      {},
      name('C-00044'),
    );
    expect((await rows('best-customers-heading', 3)).map((row) => [row[0], row[1]])).toEqual([
      ['1', name('C-00042')], // 2 orders, $137.90
      ['2', name('C-00044')], // 2 orders, $53.95
      ['3', name('C-00043')],
    ]);
  });

  it('exports the ranking for the period as an Excel-safe CSV', async () => {
    await dashboard.locator('::-p-aria(Export best customers)').click();
    const file = await waitForDownload(tally.downloadDir, /^best-customers-.*\.csv$/);
    expect(file).toMatch(new RegExp(`best-customers-${daysAgo(450)}-to-${today}\\.csv$`));
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([...BEST_CUSTOMERS_COLUMNS]);
    expect(parsed.slice(1).map((row) => row.slice(0, 10))).toEqual([
      [
        '1',
        name('C-00042'),
        expect.any(String),
        expect.any(String),
        '2',
        '137.90',
        '68.95',
        'USD',
        daysAgo(400),
        daysAgo(40),
      ],
      [
        '2',
        name('C-00044'),
        expect.any(String),
        expect.any(String),
        '2',
        '53.95',
        '26.98',
        'USD',
        daysAgo(5),
        daysAgo(3),
      ],
      [
        '3',
        name('C-00043'),
        expect.any(String),
        expect.any(String),
        '1',
        '90.00',
        '90.00',
        'USD',
        daysAgo(10),
        daysAgo(10),
      ],
    ]);
  });

  it('charts monthly spend with its table, for everyone and for one contact', async () => {
    const patterns = await section('spend-patterns-heading');
    const label = () => patterns.$eval('svg[role=img]', (svg) => svg.getAttribute('aria-label') ?? '');
    expect(await label()).toMatch(
      /^Monthly spend in USD for everyone from .+: \$191\.85 over 4 orders; highest /,
    );
    expect(await patterns.$$eval('svg rect', (bars) => bars.length)).toBe(12);

    await (await patterns.waitForSelector('::-p-aria(Show as table)'))?.click();
    const table = await rows('spend-patterns-heading', 12);
    expect(table.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(4);
    expect(table.filter((row) => row[2] === '$0.00').length).toBeGreaterThanOrEqual(9);

    await (await patterns.waitForSelector('::-p-aria(Spend of one contact)'))?.type(name('C-00043'));
    await (await patterns.waitForSelector(`::-p-aria(Show ${name('C-00043')})`))?.click();
    await dashboard.waitForFunction(
      (wanted) => document.querySelector('svg[role=img]')?.getAttribute('aria-label')?.includes(wanted),
      {},
      `for ${name('C-00043')} `,
    );
    expect(await label()).toContain(': $90.00 over 1 order;');
  });

  it('downloads a contact’s statement as a PDF from the contact screen', async () => {
    await (
      await section('best-customers-heading')
    ).$eval('tbody tr a', (link) => (link as HTMLAnchorElement).click());
    await dashboard.waitForSelector('::-p-aria(Download statement \\(PDF\\))');
    await dashboard.waitForFunction(
      () =>
        document.querySelector('[data-field=statement-summary]')?.textContent ===
        '1 purchase and 1 sample in this period.',
    );
    const statement = await section('statement-heading');
    await typeDate(statement, 'Statement from', daysAgo(450));
    await dashboard.waitForFunction(
      () =>
        document.querySelector('[data-field=statement-summary]')?.textContent ===
        '2 purchases and 1 sample in this period.',
    );
    await dashboard.locator('::-p-aria(Download statement \\(PDF\\))').click();
    const file = await waitForDownload(tally.downloadDir, /^statement-.*\.pdf$/);
    const text = (await pdfText(new Uint8Array(await readFile(file)))).join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      'Your shop',
      'Statement',
      name('C-00042'),
      '2 × Classic Glass Spray, 500 ml — $47.90',
      '1 × Bamboo Travel Mug, Set of 3 — $90.00',
      'Total (2 orders) $137.90',
      'Samples (no charge)',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('downloads the same statement as a CSV, and refuses a period that ends before it starts', async () => {
    await dashboard.locator('::-p-aria(Download statement \\(CSV\\))').click();
    const file = await waitForDownload(tally.downloadDir, /^statement-.*\.csv$/);
    expect(file).toMatch(new RegExp(`-${daysAgo(450)}-to-${today}\\.csv$`));
    const text = await readFile(file, 'utf8');
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(parsed.slice(1).map((row) => [row[0], row[2], row[3], row[5], row[7], row[8], row[9]])).toEqual([
      [daysAgo(400), 'Purchase', 'NW-1002', '1', '90.00', '90.00', 'USD'],
      [daysAgo(40), 'Purchase', 'NW-1001', '2', '47.90', '47.90', 'USD'],
      [daysAgo(10), 'Sample', 'NW-1004', '1', '', '', ''],
    ]);

    const statement = await section('statement-heading');
    await typeDate(statement, 'Statement to', daysAgo(500));
    await statement.waitForSelector('::-p-text(Statement to must not be before Statement from.)');
    const to = await statement.waitForSelector('::-p-aria(Statement to)');
    expect(await to?.evaluate((input) => input.getAttribute('aria-invalid'))).toBe('true');
    for (const name of ['Download statement \\(PDF\\)', 'Download statement \\(CSV\\)']) {
      const button = await statement.waitForSelector(`::-p-aria(${name})`);
      expect(await button?.evaluate((element) => (element as HTMLButtonElement).disabled)).toBe(true);
    }
  });
});
