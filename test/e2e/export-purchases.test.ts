import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconcileStatus } from '../../src/domain/reconcile';
import { launchWithTally, waitForDownload, type TallyBrowser } from '../support/chromium';
import { makeContact, makePurchase, putRows } from '../support/contacts';
import { openDashboard } from '../support/tour';

const PANEL = 'dialog.export-panel[open]';
const FILE = /^tally-purchases-.*\.csv$/;

const ana = makeContact({ name: 'Ana Müller', email: 'ana@example.com' });
const bob = makeContact({ name: 'Bob Stone' });
const march = makePurchase(ana.id, '2026-03-01', 1250, 2);
const sample = { ...makePurchase(bob.id, '2026-03-05', 0), kind: 'sample' as const };
const april = makePurchase(ana.id, '2026-04-10', 999);
const february = makePurchase(bob.id, '2026-02-10', 500);
const synced: ReconcileStatus = {
  purchaseId: april.id,
  runId: 'run-1',
  backOffice: 'northwind',
  outcome: 'synced',
  backOfficeOrderIds: ['SO-7'],
  lines: [{ lineIndex: 0, backOfficeOrderId: 'SO-7', backOfficeLine: 2 }],
  differences: [],
  checkedAt: '2026-04-11T10:00:00.000Z',
};

/**
 * `Export purchases` in Chromium with the built extension: the panel's filters (dates and kind,
 * a reconciliation status from a seeded status row, a filter that leaves nothing), the file
 * downloaded, and a preset made (renamed, reordered and dropped columns, DD/MM/YYYY, decimal
 * comma), saved, and used again after the dashboard is opened anew.
 */
describe('Export purchases', () => {
  let tally: TallyBrowser;
  let dashboard: Page;

  beforeAll(async () => {
    tally = await launchWithTally({ headless: true });
    dashboard = await openDashboard(tally);
    await putRows(dashboard, 'contacts', [ana, bob]);
    await putRows(dashboard, 'purchases', [march, sample, april, february]);
    await putRows(dashboard, 'reconcileStatuses', [synced]);
  });

  afterAll(async () => {
    await tally?.close();
  });

  async function openPanel(): Promise<void> {
    await dashboard.reload();
    await dashboard.waitForSelector('section[aria-labelledby=purchases-heading] tbody tr');
    await dashboard.locator('::-p-aria([name="Export purchases"][role="button"])').click();
    await dashboard.waitForSelector(`${PANEL} ::-p-aria(Column preset)`);
  }

  async function setDate(label: string, value: string): Promise<void> {
    const input = await dashboard.waitForSelector(`${PANEL} ::-p-aria(${label})`);
    await input?.evaluate((element, date) => {
      const field = element as HTMLInputElement;
      field.value = date;
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }

  async function choose(label: string, optionText: string): Promise<void> {
    const select = await dashboard.waitForSelector(`${PANEL} ::-p-aria(${label})`);
    const value = await select?.evaluate(
      (element, text) =>
        [...(element as HTMLSelectElement).options].find((option) => option.text === text)?.value ?? '',
      optionText,
    );
    if (!value) throw new Error(`No option ${optionText} in ${label}`);
    await select?.select(value);
  }

  async function typeInto(label: string, text: string): Promise<void> {
    const input = await dashboard.waitForSelector(`${PANEL} ::-p-aria(${label})`);
    await input?.click({ count: 3 });
    await input?.evaluate((element) => (element as HTMLInputElement).select());
    await input?.type(text);
  }

  async function statusText(pattern: RegExp): Promise<string> {
    const shown = await dashboard.waitForFunction(
      (selector, source) => {
        const text = document.querySelector(selector)?.textContent ?? '';
        return new RegExp(source).test(text) ? text : null;
      },
      {},
      `${PANEL} p[role=status]`,
      pattern.source,
    );
    return (await shown.jsonValue()) ?? '';
  }

  /** The focused control's name: its aria-label, else its label's text, else its own text. */
  async function focusedControl(): Promise<string | undefined> {
    return dashboard.evaluate(() => {
      const focused = document.activeElement as
        (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
      if (!focused || focused === document.body) return 'the page (focus lost)';
      return (
        focused?.getAttribute('aria-label') ??
        focused?.labels?.[0]?.textContent ??
        focused?.textContent?.trim()
      );
    });
  }

  /** Clicks `Download CSV` and returns the file's name and text (BOM kept). */
  async function download(): Promise<{ name: string; text: string }> {
    for (const name of await readdir(tally.downloadDir)) await rm(join(tally.downloadDir, name));
    await dashboard.locator(`${PANEL} ::-p-aria(Download CSV)`).click();
    const path = await waitForDownload(tally.downloadDir, FILE);
    return { name: path.slice(tally.downloadDir.length + 1), text: await readFile(path, 'utf8') };
  }

  it('downloads the purchases of March only, with Status and Back-office order ID at the end', async () => {
    await openPanel();
    // The dialog is modal: its From is the only one on screen, not the reports' as well.
    expect(await dashboard.$$('::-p-aria(From)')).toHaveLength(1);
    await setDate('From', '2026-03-01');
    await setDate('To', '2026-03-31');
    await choose('Kind', 'Purchases');
    const { name, text } = await download();
    expect(name).toMatch(/^tally-purchases-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFDate,Contact,Email,Back-office ID,Kind,SKU,Product,Quantity,Unit price,Line total,Currency,' +
        'Tally order ID,Payment method,Store credit,Status,Back-office order ID',
    );
    expect(lines.slice(1)).toEqual([
      `2026-03-01,Ana Müller,ana@example.com,,purchase,NW-1001,Hand Cream,2,12.50,25.00,USD,${march.id},,,,`,
      '',
    ]);
    expect(await statusText(/^Exported/)).toBe('Exported 1 line from 1 order.');
  });

  it('downloads one contact found by search; Escape closes the panel', async () => {
    await openPanel();
    await typeInto('Contact', 'bob');
    await dashboard.locator(`${PANEL} ::-p-aria(Only Bob Stone)`).click();
    await dashboard.waitForSelector(`${PANEL} ::-p-aria(All contacts)`);
    const { text } = await download();
    expect(
      text
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',').slice(0, 5).join(',')),
    ).toEqual(['2026-03-05,Bob Stone,,,sample', '2026-02-10,Bob Stone,,,purchase']);
    await dashboard.keyboard.press('Escape');
    await dashboard.waitForSelector(PANEL, { hidden: true });
    // Closed, the page's own controls are back; opened again, the filters are as they were.
    await dashboard.locator('::-p-aria([name="Export purchases"][role="button"])').click();
    await dashboard.waitForSelector(`${PANEL} ::-p-aria(All contacts)`);
  });

  it('filters by reconciliation status, and says so when nothing matches', async () => {
    await openPanel();
    await choose('Status', 'Synced');
    const { text } = await download();
    expect(text.split('\r\n').slice(1)).toEqual([
      `2026-04-10,Ana Müller,ana@example.com,,purchase,NW-1001,Hand Cream,1,9.99,9.99,USD,${april.id},,,Synced,SO-7`,
      '',
    ]);
    await choose('Status', 'Probable');
    await rm(join(tally.downloadDir, (await readdir(tally.downloadDir))[0] ?? 'none'), { force: true });
    await dashboard.locator(`${PANEL} ::-p-aria(Download CSV)`).click();
    expect(await statusText(/nothing/)).toBe('No purchases match these filters, so nothing was downloaded.');
    await new Promise((settle) => setTimeout(settle, 500));
    expect(await readdir(tally.downloadDir)).toEqual([]);

    // The table shows the status too, and each date as the language writes it, its value kept in <time>.
    await dashboard.locator(`${PANEL} ::-p-aria(Close)`).click();
    const cells = await dashboard.$$eval('section[aria-labelledby=purchases-heading] tbody tr', (rows) =>
      rows.map((row) => [
        row.children[0]?.querySelector('time')?.getAttribute('datetime'),
        row.children[0]?.textContent,
        row.children[5]?.textContent,
      ]),
    );
    expect(cells).toEqual([
      ['2026-04-10', 'Apr 10, 2026', 'Synced'],
      ['2026-03-05', 'Mar 5, 2026', ''],
      ['2026-03-01', 'Mar 1, 2026', ''],
      ['2026-02-10', 'Feb 10, 2026', ''],
    ]);
  });

  it('refuses a From half typed instead of exporting every date', async () => {
    await openPanel();
    const from = await dashboard.waitForSelector(`${PANEL} ::-p-aria(From)`);
    await from?.click();
    // Two of the date's three parts: the input's value stays "" and no change event comes.
    await dashboard.keyboard.type('0301');
    for (const name of await readdir(tally.downloadDir)) await rm(join(tally.downloadDir, name));
    await dashboard.locator(`${PANEL} ::-p-aria(Download CSV)`).click();
    const alert = await dashboard.waitForSelector(`${PANEL} p[role=alert]`);
    expect(await alert?.evaluate((element) => element.textContent)).toBe(
      'From is not a whole date: finish it or clear it.',
    );
    expect(await from?.evaluate((element) => element.getAttribute('aria-invalid'))).toBe('true');
    await new Promise((settle) => setTimeout(settle, 500));
    expect(await readdir(tally.downloadDir)).toEqual([]);
  });

  it('makes a preset, saves it, and uses it again after the dashboard is reopened', async () => {
    await openPanel();
    await dashboard.locator(`${PANEL} ::-p-aria(New preset)`).click();
    await typeInto('Preset name', 'Sheets EU');
    await typeInto('Back office', 'Shopify');
    await choose('Date format', 'DD/MM/YYYY');
    await choose('Number format', 'Decimal comma (12,50, semicolon-separated)');
    const dropped = [
      'Email',
      'Back-office ID',
      'Kind',
      'SKU',
      'Product',
      'Quantity',
      'Line total',
      'Currency',
      'Tally order ID',
      'Payment method',
      'Store credit',
      'Status',
      'Back-office order ID',
    ];
    for (const column of dropped) await dashboard.locator(`${PANEL} ::-p-aria(Include ${column})`).click();
    await typeInto('Rename Contact', 'Customer');
    await dashboard.locator(`${PANEL} ::-p-aria(Move Unit price up)`).click();
    await dashboard.locator(`${PANEL} ::-p-aria(Move Unit price up)`).click();
    expect(
      await dashboard.$eval(
        `${PANEL} ::-p-aria(Move Unit price up)`,
        (button) => (button as HTMLButtonElement).disabled,
      ),
    ).toBe(true);
    // The button pressed is disabled at the top: focus is on the column's other one, not lost.
    expect(await focusedControl()).toBe('Move Unit price down');
    await dashboard.locator(`${PANEL} ::-p-aria(Save preset)`).click();
    expect(await statusText(/^Saved/)).toBe('Saved the preset “Sheets EU”.');
    expect(await focusedControl()).toBe('Save preset');

    await dashboard.close();
    dashboard = await openDashboard(tally);
    await openPanel();
    await choose('Column preset', 'Sheets EU (Shopify)');
    await setDate('To', '2026-03-31');
    await choose('Kind', 'Purchases');
    const { name, text } = await download();
    expect(name).toMatch(/^tally-purchases-sheets-eu-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text).toBe(
      '\uFEFFUnit price;Date;Customer\r\n"12,50";01/03/2026;Ana Müller\r\n"5,00";10/02/2026;Bob Stone\r\n',
    );

    await dashboard.locator(`${PANEL} ::-p-aria(Delete preset)`).click();
    expect(await statusText(/^Deleted/)).toBe('Deleted the preset “Sheets EU”.');
    // The button pressed is gone: the chooser has focus, not the page.
    expect(await focusedControl()).toBe('Column preset');
  });
});
