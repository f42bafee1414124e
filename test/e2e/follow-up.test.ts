import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { addDays } from '../../src/domain/calendar';
import { todayLocal } from '../../src/domain/dates';

/**
 * Issue 4 end to end: purchases and samples recorded through the sidebar on past dates become a
 * due reorder and a conversion rate on the dashboard, and the conversion window is saved.
 */
describe('follow-up: reorders and sample conversion', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  const names = new Map<string, string>();
  const today = todayLocal();
  const daysAgo = (days: number) => addDays(today, -days);
  /** A calendar date as the English dashboard shows it: "Mar 5, 2026". */
  const shown = (date: string) => {
    const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
    return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, day, 12)),
    );
  };

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    const page = await tally.browser.newPage();
    const csv = await downloadCatalogCsv(page, tally, demo.url);
    const catalog = Papa.parse<Record<string, string>>(await readFile(csv, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    for (const row of catalog.data) names.set(row.sku ?? '', row.name ?? '');
    const dashboard = await openDashboard(tally);
    await importCatalog(dashboard, csv);
    await dashboard.close();
    await page.close();
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  /** The rows of the table under the dashboard heading `heading`, cell by cell. */
  async function table(dashboard: Page, heading: string): Promise<string[][]> {
    return dashboard.$$eval(
      'section',
      (sections, wanted) => {
        const section = sections.find((one) => one.querySelector('h2')?.textContent === wanted);
        return [...(section?.querySelectorAll('tbody tr, tfoot tr') ?? [])].map((row) =>
          [...row.querySelectorAll('th,td')].map((cell) => cell.textContent?.trim() ?? ''),
        );
      },
      heading,
    );
  }

  async function setWindow(dashboard: Page, days: string) {
    const input = await dashboard.waitForSelector('::-p-aria(Conversion window \\(days\\))');
    await input?.click({ count: 3 });
    await input?.type(days);
    await input?.press('Enter');
  }

  it('lists a product bought every 30 days as due, and converts a sample bought within the window', async () => {
    const page = await tally.browser.newPage();
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    const frame = await openSidebar(page, tally);
    expect(await captureContact(frame)).toMatch(/^Captured: /);
    const contactName = (await frame.$eval('[data-field=name]', (field) => field.textContent?.trim())) ?? '';

    await recordPurchase(frame, [{ search: 'NW-1001' }], { purchaseDate: daysAgo(60) });
    await recordPurchase(frame, [{ search: 'NW-1001', quantity: 2 }], { purchaseDate: daysAgo(30) });
    await recordPurchase(frame, [{ search: 'NW-1004' }], { kind: 'sample', purchaseDate: daysAgo(20) });
    await recordPurchase(frame, [{ search: 'NW-1004' }], { purchaseDate: daysAgo(10) });
    await recordPurchase(frame, [{ search: 'NW-1002' }], { kind: 'sample', purchaseDate: daysAgo(50) });
    await recordPurchase(frame, [{ search: 'NW-1002' }], { purchaseDate: daysAgo(5) }); // 45 days on
    // The sidebar lists what the contact on the page is due to reorder.
    const due = await frame.waitForSelector('section[aria-labelledby=reorder-due-heading]');
    expect(await due?.$$eval('li', (items) => items.map((item) => item.textContent))).toEqual([
      `${names.get('NW-1001')} — due today, usually every 30 days`,
    ]);
    await page.close();

    const dashboard = await openDashboard(tally);
    await dashboard.waitForSelector('::-p-aria(Due for reorder)');
    expect(await table(dashboard, 'Due for reorder')).toEqual([
      [
        contactName,
        names.get('NW-1001'),
        `${shown(daysAgo(30))} (2 ×)`,
        '30 days',
        `${shown(today)} (due today)`,
      ],
    ]);
    expect(await table(dashboard, 'Sample conversion')).toEqual(
      expect.arrayContaining([
        [names.get('NW-1004'), '1', '1', '100%'],
        [names.get('NW-1002'), '1', '0', '0%'],
        ['All products', '2', '1', '50%'],
      ]),
    );

    await setWindow(dashboard, '45');
    await dashboard.waitForFunction(() => document.querySelector('tfoot')?.textContent?.includes('100%'));
    await dashboard.reload();
    await dashboard.waitForFunction(() => document.querySelector('tfoot')?.textContent?.includes('100%'));
    expect(
      await dashboard.$eval(
        '::-p-aria(Conversion window \\(days\\))',
        (input) => (input as HTMLInputElement).value,
      ),
    ).toBe('45');

    await setWindow(dashboard, '400');
    const alert = await dashboard.waitForSelector('[role=alert]');
    expect(await alert?.evaluate((element) => element.textContent)).toBe(
      'The conversion window must be at most 365 days.',
    );
    await dashboard.reload();
    await dashboard.waitForFunction(() => document.querySelector('tfoot')?.textContent?.includes('100%'));
    expect(
      await dashboard.$eval(
        '::-p-aria(Conversion window \\(days\\))',
        (input) => (input as HTMLInputElement).value,
      ),
    ).toBe('45');
    await dashboard.close();
  });
});
