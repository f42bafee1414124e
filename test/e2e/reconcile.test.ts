import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { ORDERS_CSV_HEADER } from '../demo/backoffices/rep/exports';
import { toCsv, type CsvCell } from '../demo/csv';
import { startDemoServer } from '../demo/server';
import { launchWithTally, stopServiceWorker, waitForDownload, type TallyBrowser } from '../support/chromium';
import { makePurchase, putRows } from '../support/contacts';
import { makeNorthwindContacts } from '../support/reconcile-store';
import { countRows, storedRows } from '../support/indexeddb';
import { captureContact, openDashboard, openSidebar } from '../support/tour';
import { dropFile, PROGRESS, RESULTS, waitForResults } from '../support/reconcile-screen';
import type { Contact } from '../../src/domain/contact';
import type { PurchaseRecord } from '../../src/domain/purchase';
import type { BackOfficeOnlyOrder, ReconcileDecision, ReconcileStatus } from '../../src/domain/reconcile';
import type { ReconcileJob, ReconcileRunRow } from '../../src/db/reconcile-tables';

const SECTION = 'section[aria-labelledby=reconcile-heading]';
const TABLES = [
  'contacts',
  'purchases',
  'reconcileJobs',
  'reconcileFiles',
  'reconcileChunks',
  'reconcileRuns',
  'reconcileStatuses',
  'reconcileDecisions',
  'backOfficeMappings',
];

/** Counts each outcome as the results show them. */
async function shownCounts(page: Page): Promise<Record<string, number>> {
  return page.$$eval(`${RESULTS} dl[aria-label=Outcomes] > div`, (entries) =>
    Object.fromEntries(
      entries.map((entry) => [
        entry.getAttribute('data-outcome') ?? '',
        Number((entry.querySelector('dd')?.textContent ?? '').replace(/,/g, '')),
      ]),
    ),
  );
}

async function statusText(page: Page, pattern: RegExp, scope = SECTION): Promise<string> {
  const handle = await page.waitForFunction(
    (selector, source) => {
      const found = [...document.querySelectorAll(`${selector} [role=status]`)]
        .map((element) => element.textContent ?? '')
        .find((text) => new RegExp(source).test(text));
      return found ?? null;
    },
    {},
    scope,
    pattern.source,
  );
  return (await handle.jsonValue()) ?? '';
}

/** What a status says, without the run it came from or when. */
function verdicts(statuses: readonly ReconcileStatus[], runId: string) {
  return Object.fromEntries(
    statuses
      .filter((status) => status.runId === runId)
      .map(({ purchaseId, outcome, backOfficeOrderIds, lines, differences, confirmed }) => [
        purchaseId,
        { outcome, backOfficeOrderIds, lines, differences, confirmed },
      ]),
  );
}

function northwindCsv(rows: Iterable<readonly CsvCell[]>): string {
  return toCsv(ORDERS_CSV_HEADER, rows);
}

/**
 * `rows`, then orders of customers Tally does not know (three lines each, January to March) up to
 * `total` rows: a file big enough to be read in many chunks, whose outcome is `rows`' alone.
 */
function withUnknownCustomers(rows: readonly (readonly CsvCell[])[], total: number): CsvCell[][] {
  const all = rows.map((row) => [...row]);
  for (let order = 0; all.length < total; order++) {
    const date = `2026-0${1 + (order % 3)}-${String(1 + (order % 28)).padStart(2, '0')}`;
    const customer = `C-9${String(order % 5000).padStart(4, '0')}`;
    for (let line = 0; line < 3 && all.length < total; line++) {
      all.push([`BO-${order}`, date, customer, '', `NW-${1100 + line}`, 1 + line, '4.25', 'USD']);
    }
  }
  return all;
}

/**
 * Reconciling back-office exports end to end in Chromium. Three customers are captured from the
 * demo Northwind back office (so they carry its customer ids), five purchases are seeded, and a
 * Northwind orders export has two of them exactly, one a day later (probable), one with another
 * quantity (conflict), not the fifth (missing), and an order Tally never recorded (back office only).
 */
describe('reconcile a back-office export', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let dashboard: Page;
  let dir: string;
  let byCustomer: Map<string, Contact>;
  let purchases: PurchaseRecord[];
  let smallCsv: string;

  const contactOf = (customerId: string) => {
    const found = byCustomer.get(customerId);
    if (!found) throw new Error(`${customerId} was not captured`);
    return found;
  };

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    dir = await mkdtemp(join(tmpdir(), 'tally-reconcile-'));
    const page = await tally.browser.newPage();
    for (const id of ['C-00042', 'C-00043', 'C-00044']) {
      await page.goto(`${demo.url}/rep/customers/${id}`);
      const frame = await openSidebar(page, tally);
      await frame.waitForSelector('[data-field=external-id]');
      expect(await captureContact(frame)).toMatch(/^Captured/);
    }
    await page.close();
    dashboard = await openDashboard(tally);
    const contacts = await storedRows<Contact>(dashboard, 'contacts');
    byCustomer = new Map(contacts.map((contact) => [contact.externalIds[0]?.id ?? '', contact]));
    const [ada, grace, linus] = ['C-00042', 'C-00043', 'C-00044'].map(contactOf) as [
      Contact,
      Contact,
      Contact,
    ];
    purchases = [
      makePurchase(ada.id, '2026-02-02', 1250),
      makePurchase(grace.id, '2026-02-05', 900),
      makePurchase(ada.id, '2026-02-10', 2000),
      makePurchase(grace.id, '2026-02-14', 500, 2),
      makePurchase(linus.id, '2026-02-18', 700),
    ];
    await putRows(dashboard, 'purchases', purchases);
    const email = (contact: Contact) => contact.email ?? '';
    smallCsv = northwindCsv([
      ['SO-1', '2026-02-02', 'C-00042', email(ada), 'NW-1001', 1, '12.50', 'USD'],
      ['SO-2', '2026-02-05', 'C-00043', email(grace), 'NW-1001', 1, '9.00', 'USD'],
      ['SO-3', '2026-02-11', 'C-00042', email(ada), 'NW-1001', 1, '20.00', 'USD'],
      ['SO-4', '2026-02-14', 'C-00043', email(grace), 'NW-1001', 3, '5.00', 'USD'],
      ['SO-9', '2026-02-26', 'C-00044', email(linus), 'NW-1002', 2, '3.75', 'USD'],
    ]);
    // The contacts list and the timeline show what was seeded.
    await dashboard.reload();
    await dashboard.waitForSelector('::-p-aria(Reconcile export)');
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const statuses = () => storedRows<ReconcileStatus>(dashboard, 'reconcileStatuses');
  const label = (customerId: string, date: string) => `${contactOf(customerId).name}, ${date}`;

  it('reconciles a dropped export: progress, then each outcome listed; confirm, import, and badges on the timeline', async () => {
    // Whether the progress bar ever showed: the small file may finish between two screenshots.
    await dashboard.evaluate((progress) => {
      const seen = new MutationObserver(() => {
        if (document.querySelector(progress)) document.body.dataset.sawProgress = 'yes';
      });
      seen.observe(document.body, { childList: true, subtree: true });
    }, PROGRESS);
    // The export gives SKUs alone; the catalog knows NW-1002's name.
    const at = '2026-01-01T10:00:00.000Z';
    await putRows(dashboard, 'products', [
      {
        id: crypto.randomUUID(),
        createdAt: at,
        updatedAt: at,
        sku: 'NW-1002',
        name: 'Lip Balm',
        price: { minor: 375, currency: 'USD' },
        extra: {},
        searchText: 'nw-1002 lip balm',
      },
    ]);
    await dropFile(dashboard, `${SECTION} .drop-zone`, 'northwind-orders.csv', smallCsv);
    await waitForResults(dashboard, 'northwind-orders.csv');
    expect(await dashboard.evaluate(() => document.body.dataset.sawProgress)).toBe('yes');
    expect(await statusText(dashboard, /^Reconciled/)).toBe(
      'Reconciled northwind-orders.csv: 1 missing, 1 conflict, 1 probable, 1 back office only.',
    );
    expect(await shownCounts(dashboard)).toEqual({
      synced: 2,
      probable: 1,
      conflict: 1,
      missing: 1,
      backOfficeOnly: 1,
    });

    const list = (heading: string) =>
      dashboard.$eval(`${RESULTS} ul[aria-labelledby=${heading}]`, (element) => element.textContent ?? '');
    // The to-do list says what to enter in the back office.
    const missing = await list('reconcile-missing-heading');
    expect(missing).toContain(contactOf('C-00044').name);
    expect(missing).toContain('2026-02-18');
    expect(missing).toContain('1 × Hand Cream (NW-1001) at $7.00');
    // The conflict, field by field.
    const rows = await dashboard.$$eval(
      `${RESULTS} ul[aria-labelledby=reconcile-conflict-heading] table.differences tbody tr`,
      (found) => found.map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
    );
    expect(rows).toEqual([['Quantity (line 1)', '2', '3']]);
    // The order nobody recorded names its product as the catalog does.
    expect(await list('reconcile-backOfficeOnly-heading')).toContain('2 × Lip Balm (NW-1002) at $3.75');

    // Confirm the probable match (a day later in the back office), from the keyboard.
    const confirm = await dashboard.waitForSelector(
      `::-p-aria(Confirm match: ${label('C-00042', '2026-02-10')})`,
    );
    await confirm?.focus();
    await dashboard.keyboard.press('Enter');
    expect(await statusText(dashboard, /^Match confirmed/, RESULTS)).toBe(
      `Match confirmed: ${label('C-00042', '2026-02-10')}.`,
    );
    // The only probable order is gone, and its list with it: the focus is on the results' heading,
    // not lost to the top of the page.
    await dashboard.waitForFunction(() => document.activeElement?.id === 'reconcile-results-heading');
    const probable = purchases[2] as PurchaseRecord;
    await dashboard.waitForFunction(
      (results) => document.querySelector(`${results} [data-outcome=probable] dd`)?.textContent === '0',
      {},
      RESULTS,
    );
    expect((await statuses()).find((status) => status.purchaseId === probable.id)).toMatchObject({
      outcome: 'synced',
      confirmed: true,
    });
    expect(await countRows(dashboard, 'reconcileDecisions')).toBe(1);

    // Import the order Tally never recorded into its customer's history.
    const linus = contactOf('C-00044');
    await dashboard
      .locator(`::-p-aria(Import into history: ${label('C-00044', '2026-02-26')}, SO-9)`)
      .click();
    expect(await statusText(dashboard, /^Imported into/, RESULTS)).toBe(
      `Imported into ${linus.name}'s history: order SO-9 of 2026-02-26.`,
    );
    // The button gave way to "Imported into history."; no next order: its list's heading.
    await dashboard.waitForFunction(() => document.activeElement?.id === 'reconcile-backOfficeOnly-heading');
    const imported = (await storedRows<PurchaseRecord>(dashboard, 'purchases')).filter(
      (record) => record.contactId === linus.id && record.purchaseDate === '2026-02-26',
    );
    expect(imported).toHaveLength(1);
    expect(imported[0]?.lines.map((line) => [line.sku, line.quantity, line.unitPrice.minor])).toEqual([
      ['NW-1002', 2, 375],
    ]);

    // The sidebar's timeline shows each order's status.
    const page = await tally.browser.newPage();
    const badges = async (customerId: string) => {
      await page.goto(`${demo.url}/rep/customers/${customerId}`);
      const frame = await openSidebar(page, tally);
      await frame.waitForSelector('ol.timeline li.purchase');
      return frame.$$eval('ol.timeline li.purchase .entry-head', (heads) =>
        heads.map((head) => [
          head.querySelector('time')?.getAttribute('datetime') ?? '',
          head.querySelector('.badge')?.textContent ?? '',
        ]),
      );
    };
    expect(await badges('C-00042')).toEqual([
      ['2026-02-10', 'Synced'],
      ['2026-02-02', 'Synced'],
    ]);
    expect(await badges('C-00043')).toEqual([
      ['2026-02-14', 'Conflict'],
      ['2026-02-05', 'Synced'],
    ]);
    expect(await badges('C-00044')).toEqual([
      ['2026-02-26', 'Synced'],
      ['2026-02-18', 'Missing from back office'],
    ]);
    await page.close();
  });

  it('changes nothing when the same file is given again', async () => {
    const before = await Promise.all(TABLES.map((table) => countRows(dashboard, table)));
    const statusesBefore = await statuses();
    await dropFile(dashboard, `${SECTION} .drop-zone`, 'northwind-orders-again.csv', smallCsv);
    expect(await statusText(dashboard, /^Already reconciled/)).toMatch(
      /^Already reconciled on .+ — nothing changed\.$/,
    );
    // The earlier results are shown.
    await waitForResults(dashboard, 'northwind-orders.csv');
    expect(await Promise.all(TABLES.map((table) => countRows(dashboard, table)))).toEqual(before);
    expect(await statuses()).toEqual(statusesBefore);
  });

  it(
    'a stopped worker resumes a big job and finishes with the result of an uninterrupted run',
    { timeout: 240_000 },
    async () => {
      // 300,000 rows: this file's orders, then orders of customers Tally does not know, in threes.
      const rows: CsvCell[][] = smallCsv
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(','));
      const big = join(dir, 'northwind-big.csv');
      await writeFile(big, northwindCsv(withUnknownCustomers(rows, 300_000)));
      const seeded = {
        contacts: await storedRows(dashboard, 'contacts'),
        purchases: await storedRows(dashboard, 'purchases'),
        reconcileDecisions: await storedRows(dashboard, 'reconcileDecisions'),
      };

      const reconcileBig = async (page: Page, stopMidway: boolean) => {
        const button = await page.waitForSelector(`${SECTION} ::-p-aria(Reconcile export)`);
        const [chooser] = await Promise.all([page.waitForFileChooser(), button?.click()]);
        await chooser.accept([big]);
        if (stopMidway) {
          // Reading rows and past the first chunk: stop the worker as the browser would.
          await page.waitForFunction(
            (progress, section) =>
              ((document.querySelector(progress) as HTMLProgressElement | null)?.value ?? 0) > 0 &&
              (document.querySelector(`${section} .reconcile-progress`)?.textContent ?? '').includes(
                'Reading rows…',
              ),
            { timeout: 60_000, polling: 20 },
            PROGRESS,
            SECTION,
          );
          await stopServiceWorker(tally);
          const stoppedAt = (await storedRows<{ state: string }>(page, 'reconcileJobs')).map(
            (job) => job.state,
          );
          expect(stoppedAt).toContain('parsing');
          // The dashboard opened again finds the job unfinished, shows it and wakes the worker.
          await page.reload();
          await page.waitForSelector(PROGRESS, { timeout: 10_000 });
        }
        await waitForResults(page, 'northwind-big.csv', 180_000);
        const [run] = (await storedRows<ReconcileRunRow>(page, 'reconcileRuns')).filter(
          (found) => found.fileName === 'northwind-big.csv',
        );
        if (!run) throw new Error('The big file has no run.');
        return {
          run: {
            counts: run.counts,
            rowsRead: run.rowsRead,
            skipped: run.skipped,
            covered: run.covered,
            // Stored as JSON text (reconcile-runs.ts).
            backOfficeOnly: (JSON.parse(run.backOfficeOnly) as BackOfficeOnlyOrder[]).map(
              (entry) => entry.order.orderId,
            ),
          },
          statuses: verdicts(await storedRows<ReconcileStatus>(page, 'reconcileStatuses'), run.id),
        };
      };

      const interrupted = await reconcileBig(dashboard, true);
      expect(interrupted.run.rowsRead).toBe(300_000);
      expect(Object.keys(interrupted.statuses)).toHaveLength(6);

      // The expectation: the same file reconciled without interruption in a second profile that
      // holds the same contacts, purchases and verdicts.
      const second = await launchWithTally({ headless: true });
      try {
        const page = await openDashboard(second);
        for (const [table, tableRows] of Object.entries(seeded)) await putRows(page, table, tableRows);
        const uninterrupted = await reconcileBig(page, false);
        expect(interrupted).toEqual(uninterrupted);
      } finally {
        await second.close();
      }
    },
  );

  it('asks for the columns of an unknown file once; the next file with that header is recognised (in the sidebar)', async () => {
    const grace = contactOf('C-00043');
    const header = 'Ref;When;Client;Item;Qty;Each\r\n';
    const first = `${header}A-1;03/03/2026;${grace.name};Hand Cream;1;9,50\r\n`;
    await dropFile(dashboard, `${SECTION} .drop-zone`, 'corner-shop-march.csv', first);
    const form = await dashboard.waitForSelector('form[aria-labelledby=reconcile-mapping-heading]');
    const choose = async (name: string, value: string) => {
      const select = await form?.waitForSelector(`::-p-aria(${name})`);
      await select?.select(value);
    };
    await choose('Order ID', '0');
    await choose('Order date', '1');
    await choose('Customer name', '2');
    await choose('Product', '3');
    await choose('Quantity', '4');
    await choose('Unit price', '5');
    await choose('Date format', 'dmy');
    const backOffice = await form?.waitForSelector('::-p-aria(Back office)');
    await backOffice?.click({ count: 3 });
    await backOffice?.type('Corner shop');
    const currency = await form?.waitForSelector('::-p-aria(Currency)');
    await currency?.click({ count: 3 });
    await currency?.type('USD');
    expect(await form?.$eval('table', (table) => table.textContent ?? '')).toContain('A-1');
    await dashboard.locator(`${SECTION} ::-p-aria(Confirm columns)`).click();
    await waitForResults(dashboard, 'corner-shop-march.csv');
    expect(await countRows(dashboard, 'backOfficeMappings')).toBe(1);
    const [mapping] = await storedRows<{ backOffice: string }>(dashboard, 'backOfficeMappings');
    expect(mapping?.backOffice).toBe('Corner shop');

    // A second file with the same header, dropped in the sidebar: no questions asked.
    const page = await tally.browser.newPage();
    await page.goto(`${demo.url}/rep/customers/C-00043`);
    const frame = await openSidebar(page, tally);
    await frame.waitForSelector('::-p-aria(Drop a back-office order export here)');
    const runsBefore = await countRows(dashboard, 'reconcileRuns');
    const second = `${header}A-2;04/03/2026;${grace.name};Hand Cream;2;9,50\r\n`;
    await dropFile(frame, '.reconcile .drop-zone', 'corner-shop-march-2.csv', second);
    const done = await frame.waitForFunction(
      () => {
        const text = document.querySelector('.reconcile [role=status]')?.textContent ?? '';
        return text.startsWith('Done') ? text : null;
      },
      { timeout: 30_000 },
    );
    expect(await done.jsonValue()).toMatch(/^Done: .+ — Open results$/);
    expect(await frame.$('form[aria-labelledby=reconcile-mapping-heading]')).toBeNull();
    expect(await frame.$eval('.reconcile a', (link) => link.getAttribute('href'))).toBe(
      `${tally.extensionOrigin}/dashboard.html#reconcile`,
    );
    expect(await countRows(dashboard, 'reconcileRuns')).toBe(runsBefore + 1);
    expect(await countRows(dashboard, 'backOfficeMappings')).toBe(1);
    await page.close();
  });

  it('offers to reconcile an orders export just downloaded from the back office', async () => {
    const page = await tally.browser.newPage();
    await page.goto(`${demo.url}/rep/orders`);
    await page.locator('::-p-aria(Export orders \\(CSV\\))').click();
    const downloaded = await waitForDownload(tally.downloadDir, /^northwind-orders.*\.csv$/);
    const fileName = downloaded.split('/').pop() ?? '';
    await page.close();

    await dashboard.reload();
    const offer = await dashboard.waitForSelector(`${SECTION} .reconcile-offer`);
    expect(await offer?.evaluate((element) => element.querySelector('p')?.textContent)).toBe(
      `You downloaded ${fileName} from ${demo.url}. Choose it to reconcile it.`,
    );
    const button = await offer?.waitForSelector(`::-p-aria(Choose ${fileName})`);
    const [chooser] = await Promise.all([dashboard.waitForFileChooser(), button?.click()]);
    await chooser.accept([downloaded]);
    await waitForResults(dashboard, fileName, 60_000);
    expect(await dashboard.$(`${SECTION} .reconcile-offer`)).toBeNull();
    const offers = await storedRows<{ fileName: string; dismissed?: boolean }>(dashboard, 'reconcileOffers');
    expect(offers.map((stored) => [stored.fileName, stored.dismissed])).toEqual([[fileName, true]]);
    // Taken up, it is not offered again.
    await dashboard.reload();
    await dashboard.waitForSelector(`${SECTION} ::-p-aria(Reconcile export)`);
    await waitForResults(dashboard, fileName);
    expect(await dashboard.$(`${SECTION} .reconcile-offer`)).toBeNull();
  });
});

/**
 * The Reconcile section's other paths, in a profile of their own seeded straight into the
 * database: four Northwind customers and purchases in March (bad rows), April (a rejected match)
 * and May (the date window). Each file covers its own month, so each run judges its own purchases.
 */
describe('reconcile: skipped rows, a rejected match, cancel, the date window', () => {
  let tally: TallyBrowser;
  let dashboard: Page;
  let dir: string;
  const { ada, ben, cy, dee } = makeNorthwindContacts();
  const march = {
    ada: makePurchase(ada.id, '2026-03-02', 1250, 2),
    ben: makePurchase(ben.id, '2026-03-05', 900),
    dee: makePurchase(dee.id, '2026-03-08', 1250),
  };
  const april = {
    ada: makePurchase(ada.id, '2026-04-02', 1250),
    ben: makePurchase(ben.id, '2026-04-05', 900),
  };
  const may = { ada: makePurchase(ada.id, '2026-05-05', 1250), cy: makePurchase(cy.id, '2026-05-06', 700) };

  beforeAll(async () => {
    tally = await launchWithTally({ headless: true });
    dir = await mkdtemp(join(tmpdir(), 'tally-reconcile-paths-'));
    dashboard = await openDashboard(tally);
    await putRows(dashboard, 'contacts', [ada, ben, cy, dee]);
    await putRows(dashboard, 'purchases', [
      ...Object.values(march),
      ...Object.values(april),
      ...Object.values(may),
    ]);
    await dashboard.reload();
    await dashboard.waitForSelector(`${SECTION} ::-p-aria(Reconcile export)`);
  });

  afterAll(async () => {
    await tally?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const statusOf = async (purchase: PurchaseRecord) =>
    (await storedRows<ReconcileStatus>(dashboard, 'reconcileStatuses')).find(
      (status) => status.purchaseId === purchase.id,
    );
  const runOf = async (fileName: string) => {
    const run = (await storedRows<ReconcileRunRow>(dashboard, 'reconcileRuns')).find(
      (found) => found.fileName === fileName,
    );
    if (!run) throw new Error(`${fileName} has no run.`);
    return run;
  };
  const reconcile = async (fileName: string, text: string) => {
    await dropFile(dashboard, `${SECTION} .drop-zone`, fileName, text);
    await waitForResults(dashboard, fileName);
  };

  it('lists each skipped row with its line and why; the good rows still reconcile', async () => {
    const good: CsvCell[][] = [
      ['SO-1', '2026-03-02', 'C-1', 'ada@example.com', 'NW-1001', 2, '12.50', 'USD'],
      ['SO-2', '2026-03-05', 'C-2', 'ben@example.com', 'NW-1001', 'two', '9.00', 'USD'],
      ['SO-3', '2026-02-30', 'C-3', 'cy@example.com', 'NW-1001', 1, '7.00', 'USD'],
      ['SO-4', '2026-03-08', 'C-4', 'dee@example.com', 'NW-1001', 1, '12.50', 'USD'],
    ];
    // Line 6 opens a quote it never closes: line 7 is read into it, so neither can be read.
    const text =
      northwindCsv(good) +
      'SO-5,2026-03-09,C-2,"ben@example.com,NW-1001,1,9.00,USD\r\n' +
      'SO-6,2026-03-10,C-4,dee@example.com,NW-1001,1,12.50,USD\r\n';
    await reconcile('northwind-bad-rows.csv', text);

    expect(await dashboard.$eval('#reconcile-skipped-heading', (heading) => heading.textContent)).toBe(
      '3 rows skipped',
    );
    expect(
      await dashboard.$$eval(`${RESULTS} ul[aria-labelledby=reconcile-skipped-heading] li`, (items) =>
        items.map((item) => item.textContent ?? ''),
      ),
    ).toEqual([
      'Line 3: quantity "two" is not a number',
      'Line 4: order_date "2026-02-30" is not a real date',
      'Line 6: opens a quoted cell (") that is never closed, so lines 6 to 7 could not be read',
    ]);
    // Ada's and Dee's orders are there as recorded; Ben's was on a row that could not be read.
    expect(await shownCounts(dashboard)).toEqual({
      synced: 2,
      probable: 0,
      conflict: 0,
      missing: 1,
      backOfficeOnly: 0,
    });
    const run = await runOf('northwind-bad-rows.csv');
    expect([run.rowsRead, run.skipped]).toEqual([5, 3]);
    expect((await statusOf(march.ada))?.outcome).toBe('synced');
    expect((await statusOf(march.dee))?.outcome).toBe('synced');
    expect((await statusOf(march.ben))?.outcome).toBe('missing');
  });

  it('a rejected probable match is missing, and stays unpaired when a newer file has the same orders', async () => {
    const rows: CsvCell[][] = [
      ['SO-20', '2026-04-02', 'C-1', 'ada@example.com', 'NW-1001', 1, '12.50', 'USD'],
      // Ben's order of 2026-04-05, a day later in the back office: probable.
      ['SO-21', '2026-04-06', 'C-2', 'ben@example.com', 'NW-1001', 1, '9.00', 'USD'],
    ];
    await reconcile('northwind-april.csv', northwindCsv(rows));
    expect(await shownCounts(dashboard)).toMatchObject({ synced: 1, probable: 1, missing: 0 });

    const label = `${ben.name}, 2026-04-05`;
    await dashboard.locator(`${RESULTS} ::-p-aria(Reject match: ${label})`).click();
    expect(await statusText(dashboard, /^Match rejected/, RESULTS)).toBe(`Match rejected: ${label}.`);
    await dashboard.waitForFunction(
      (results) => document.querySelector(`${results} [data-outcome=probable] dd`)?.textContent === '0',
      {},
      RESULTS,
    );
    expect(await shownCounts(dashboard)).toEqual({
      synced: 1,
      probable: 0,
      conflict: 0,
      missing: 1,
      backOfficeOnly: 1,
    });
    expect(
      await dashboard.$eval(
        `${RESULTS} ul[aria-labelledby=reconcile-missing-heading]`,
        (list) => list.textContent ?? '',
      ),
    ).toContain(ben.name);
    expect(await statusOf(april.ben)).toMatchObject({ outcome: 'missing', backOfficeOrderIds: [] });
    const decisions = await storedRows<ReconcileDecision>(dashboard, 'reconcileDecisions');
    expect(
      decisions.map(({ purchaseId, backOfficeOrderIds, verdict }) => ({
        purchaseId,
        backOfficeOrderIds,
        verdict,
      })),
    ).toEqual([{ purchaseId: april.ben.id, backOfficeOrderIds: ['SO-21'], verdict: 'rejected' }]);

    // A newer export: the same orders and one of a customer Tally does not know.
    await reconcile(
      'northwind-april-later.csv',
      northwindCsv([
        ...rows,
        ['SO-22', '2026-04-07', 'C-99', 'nobody@example.com', 'NW-1002', 1, '3.75', 'USD'],
      ]),
    );
    expect(await shownCounts(dashboard)).toEqual({
      synced: 1,
      probable: 0,
      conflict: 0,
      missing: 1,
      backOfficeOnly: 2,
    });
    const later = await runOf('northwind-april-later.csv');
    expect(await statusOf(april.ben)).toMatchObject({
      runId: later.id,
      outcome: 'missing',
      backOfficeOrderIds: [],
    });
    expect(
      (JSON.parse(later.backOfficeOnly) as BackOfficeOnlyOrder[]).map((entry) => entry.order.orderId).sort(),
    ).toEqual(['SO-21', 'SO-22']);
    expect(await countRows(dashboard, 'reconcileDecisions')).toBe(1);
  });

  it(
    'Cancel reconcile stops a big job: no run is added and no status changes',
    { timeout: 120_000 },
    async () => {
      // Had it finished, Ada's March order would be a conflict (5, not 2) and Ben's April one synced.
      const known: CsvCell[][] = [
        ['SO-1', '2026-03-02', 'C-1', 'ada@example.com', 'NW-1001', 5, '12.50', 'USD'],
        ['SO-40', '2026-04-05', 'C-2', 'ben@example.com', 'NW-1001', 1, '9.00', 'USD'],
      ];
      const big = join(dir, 'northwind-cancel.csv');
      await writeFile(big, northwindCsv(withUnknownCustomers(known, 300_000)));
      const runsBefore = await countRows(dashboard, 'reconcileRuns');
      const statusesBefore = await storedRows<ReconcileStatus>(dashboard, 'reconcileStatuses');
      expect(statusesBefore.length).toBeGreaterThan(0);

      const button = await dashboard.waitForSelector(`${SECTION} ::-p-aria(Reconcile export)`);
      const [chooser] = await Promise.all([dashboard.waitForFileChooser(), button?.click()]);
      await chooser.accept([big]);
      await dashboard.waitForFunction(
        (progress, section) =>
          ((document.querySelector(progress) as HTMLProgressElement | null)?.value ?? 0) > 0 &&
          (document.querySelector(`${section} .reconcile-progress`)?.textContent ?? '').includes(
            'Reading rows…',
          ),
        { timeout: 60_000, polling: 20 },
        PROGRESS,
        SECTION,
      );
      await dashboard.locator(`${SECTION} ::-p-aria(Cancel reconcile)`).click();
      expect(await statusText(dashboard, /cancelled/)).toBe(
        'Reconcile of northwind-cancel.csv cancelled: nothing changed.',
      );
      await dashboard.waitForFunction((progress) => document.querySelector(progress) === null, {}, PROGRESS);

      const [job] = (await storedRows<ReconcileJob>(dashboard, 'reconcileJobs')).filter(
        (found) => found.fileName === 'northwind-cancel.csv',
      );
      expect(job?.state).toBe('cancelled');
      // Its file and the rows read so far are let go.
      const ofJob = async (table: string) =>
        (await storedRows<{ jobId: string }>(dashboard, table)).filter((row) => row.jobId === job?.id);
      expect(await ofJob('reconcileFiles')).toEqual([]);
      expect(await ofJob('reconcileChunks')).toEqual([]);
      expect(await countRows(dashboard, 'reconcileRuns')).toBe(runsBefore);
      expect(await storedRows<ReconcileStatus>(dashboard, 'reconcileStatuses')).toEqual(statusesBefore);
    },
  );

  it('with a date window of 0 days, a record one day off is missing, not probable', async () => {
    const windowField = () => dashboard.waitForSelector(`${SECTION} ::-p-aria(Date window \\(days\\))`);
    const field = await windowField();
    await field?.click({ count: 3 });
    await field?.type('0');
    // Saved on change, which leaving the field fires.
    await dashboard.keyboard.press('Tab');
    await expect
      .poll(async () =>
        (await storedRows<{ key: string; value: unknown }>(dashboard, 'settings')).find(
          (setting) => setting.key === 'reconcileOptions',
        ),
      )
      .toEqual({ key: 'reconcileOptions', value: { dateWindowDays: 0, priceTolerance: 0.05 } });
    // Opened again, the dashboard reconciles with the saved window: wait until it has read it.
    await dashboard.reload();
    await dashboard.waitForFunction(
      (input) => (input as HTMLInputElement).value === '0',
      {},
      await windowField(),
    );

    await reconcile(
      'northwind-may.csv',
      northwindCsv([
        ['SO-30', '2026-05-05', 'C-1', 'ada@example.com', 'NW-1001', 1, '12.50', 'USD'],
        // Cy's order of 2026-05-06, a day later: probable in a window of 3 days.
        ['SO-31', '2026-05-07', 'C-3', 'cy@example.com', 'NW-1001', 1, '7.00', 'USD'],
      ]),
    );
    const [job] = (await storedRows<ReconcileJob>(dashboard, 'reconcileJobs')).filter(
      (found) => found.fileName === 'northwind-may.csv',
    );
    expect(job?.options.dateWindowDays).toBe(0);
    expect(await shownCounts(dashboard)).toEqual({
      synced: 1,
      probable: 0,
      conflict: 0,
      missing: 1,
      backOfficeOnly: 1,
    });
    expect(await statusOf(may.ada)).toMatchObject({ outcome: 'synced' });
    expect(await statusOf(may.cy)).toMatchObject({ outcome: 'missing', backOfficeOrderIds: [] });
  });
});
