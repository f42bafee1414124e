import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'puppeteer';
import { ORDERS_CSV_HEADER } from '../demo/backoffices/rep/exports';
import { toCsv, type CsvCell } from '../demo/csv';
import { serveFolder, type StaticSite } from '../demo/static-site';
import { launchChromium, type LaunchedChromium } from '../support/chromium';
import { makeContact, makePurchase, putRows } from '../support/contacts';
import { storedRows } from '../support/indexeddb';
import { captureContact } from '../support/tour';
import { serveWebApp, WEB_DIR } from '../support/web-app';
import { dropFile, PROGRESS, RESULTS, waitForResults } from '../support/reconcile-screen';
import type { Contact } from '../../src/domain/contact';
import type { ReconcileJob, ReconcileRunRow } from '../../src/db/reconcile-tables';

const CONTACTS = 'section[aria-labelledby=contacts-heading]';
const RECONCILE = 'section[aria-labelledby=reconcile-heading]';

/** Opens a page of the web app and waits until its service worker controls it. */
async function openControlled(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
  });
  return page;
}

async function field(scope: Page | Frame, name: string, text: string): Promise<void> {
  const input = await scope.waitForSelector(`::-p-aria([name="${name}"][role="textbox"])`);
  if (!input) throw new Error(`No ${name} field`);
  await input.click({ count: 3 });
  await input.press('Backspace');
  await input.type(text);
}

/** Adds a contact with the dashboard's `Add contact` form. */
async function addContact(dashboard: Page, name: string, email: string): Promise<void> {
  const section = await dashboard.waitForSelector(CONTACTS);
  await (await section?.waitForSelector('::-p-aria(Add contact)'))?.click();
  await field(dashboard, 'Name', name);
  await field(dashboard, 'Email', email);
  await (await section?.waitForSelector('::-p-aria(Save contact)'))?.click();
  await section?.waitForSelector(`::-p-text(Added ${name}.)`);
}

async function contactNames(dashboard: Page, count: number): Promise<string[]> {
  await dashboard.waitForFunction(
    (selector, wanted) => document.querySelectorAll(`${selector} tbody th`).length === wanted,
    {},
    CONTACTS,
    count,
  );
  const names = await dashboard.$$eval(`${CONTACTS} tbody th`, (cells) =>
    cells.map((cell) => cell.textContent ?? ''),
  );
  return names.sort();
}

/**
 * The web app once loaded needs no server: its service worker serves every page and script
 * from its cache, and the data lives in the site's IndexedDB.
 */
describe('the web app offline', () => {
  let chromium: LaunchedChromium;
  let site: StaticSite;
  let changed: StaticSite | undefined;
  let copy: string | undefined;

  beforeAll(async () => {
    chromium = await launchChromium({ headless: true });
    site = await serveWebApp();
  });

  afterAll(async () => {
    await chromium?.close();
    await site?.close();
    await changed?.close();
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it('opens the dashboard and the sidebar with the server gone, with the data, and still adds and captures contacts', async () => {
    const dashboard = await openControlled(chromium.browser, `${site.url}/`);
    await addContact(dashboard, 'Grace Hopper', 'grace@navy.example');
    const served = site.bytesSent();
    await site.close();

    // The dashboard comes back from the cache, with the contact from the site's database.
    await dashboard.reload();
    expect(await contactNames(dashboard, 1)).toEqual(['Grace Hopper']);
    await addContact(dashboard, 'Ada Lovelace', 'ada@engine.example');

    // The sidebar page was never opened, yet it is part of the app the worker keeps.
    const sidebar = await chromium.browser.newPage();
    await sidebar.goto(`${site.url}/sidebar.html`);
    await sidebar.locator('::-p-aria(Enter contact by hand)').click();
    await field(sidebar, 'Name', 'Linus Torvalds');
    await field(sidebar, 'Email', 'linus@kernel.example');
    expect(await captureContact(sidebar.mainFrame())).toMatch(/^Captured/);
    await sidebar.close();

    await dashboard.reload();
    expect(await contactNames(dashboard, 3)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds']);
    const stored = await storedRows<Contact>(dashboard, 'contacts');
    expect(stored.find((contact) => contact.name === 'Linus Torvalds')?.email).toBe('linus@kernel.example');
    // Nothing was asked of the closed server meanwhile (it counted nothing more).
    expect(site.bytesSent()).toBe(served);
    await dashboard.close();
  });

  it('a new build at the same address replaces the old one and drops its cache', async () => {
    const oldCaches = await (async () => {
      const page = await chromium.browser.newPage();
      await page.goto(`${site.url}/`);
      const names = await page.evaluate(() => caches.keys());
      await page.close();
      return names;
    })();
    expect(oldCaches).toHaveLength(1);
    expect(oldCaches[0]).toMatch(/^tally-/);

    // A new build: a changed page, and a file of the old build gone under a new name (the
    // French catalog, which an English page loads only on demand), so a new service worker.
    copy = await mkdtemp(join(tmpdir(), 'tally-web-next-'));
    await cp(WEB_DIR, copy, { recursive: true });
    const french = (await readdir(join(copy, 'assets'))).find((name) => /^fr-[\w-]+\.js$/.test(name));
    if (!french) throw new Error('The web build has no French catalog.');
    const renamed = 'fr-NextBuild.js';
    await rename(join(copy, 'assets', french), join(copy, 'assets', renamed));
    for (const name of await readdir(copy, { recursive: true })) {
      if (!/\.(js|html)$/.test(name)) continue;
      const file = join(copy, name);
      let text = (await readFile(file, 'utf8')).replaceAll(french, renamed);
      if (name === 'index.html') text = text.replace('<title>', '<title data-build="next">');
      if (name === 'service-worker.js')
        text = text.replace(/"version":"[0-9a-f]+"/, '"version":"0000000000000next"');
      await writeFile(file, text);
    }
    changed = await serveFolder(copy, { port: Number(new URL(site.url).port) });

    // The browser checks the worker on navigation; the new one installs and takes over at once.
    const page = await chromium.browser.newPage();
    await page.goto(`${site.url}/`);
    await page.waitForFunction(
      async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        // Its cache exists from the start of its install; nothing installing or waiting after
        // that means it is the active one.
        return (
          (await caches.keys()).includes('tally-0000000000000next') &&
          registration?.installing === null &&
          registration.waiting === null
        );
      },
      { timeout: 20_000, polling: 100 },
    );
    // A page still open from the old build asks for an old file the host no longer has, as
    // switching to French would: the old build's cache, kept while the page lives, answers.
    expect(
      await page.evaluate((file) => fetch(`assets/${file}`).then((response) => response.status), french),
    ).toBe(200);
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining(oldCaches));

    // Opened again, it is the new build, and the old cache is gone.
    await page.reload();
    expect(await page.$eval('title', (title) => title.dataset.build)).toBe('next');
    await page.waitForFunction(
      async () => {
        const names = await caches.keys();
        return names.length === 1 && names[0] === 'tally-0000000000000next';
      },
      { timeout: 10_000, polling: 100 },
    );
    // The data is the site's, not the build's.
    expect(await contactNames(page, 3)).toHaveLength(3);
    await page.close();
  });
});

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

/** Whether a dedicated worker running the reconcile script belongs to `page`. */
const reconcileWorkerRuns = (page: Page) =>
  page.workers().some((worker) => /\/assets\/reconcile-worker-[\w-]+\.js$/.test(worker.url()));

/**
 * Reconciling in the web app: the job runs in the app's web worker, not in the page, on the
 * site's database; a job whose page was closed goes on when Tally is opened again.
 */
describe('reconcile in the web app', () => {
  let chromium: LaunchedChromium;
  let site: StaticSite;
  let dashboard: Page;
  let rows: CsvCell[][];

  beforeAll(async () => {
    chromium = await launchChromium({ headless: true });
    site = await serveWebApp();
    dashboard = await chromium.browser.newPage();
    await dashboard.goto(`${site.url}/`);
    await dashboard.waitForSelector('::-p-aria(Reconcile export)');
    // Customers the back office knows by email, and what the rep recorded for them.
    const [ada, grace, linus] = [
      makeContact({ name: 'Ada Lovelace', email: 'ada@engine.example' }),
      makeContact({ name: 'Grace Hopper', email: 'grace@navy.example' }),
      makeContact({ name: 'Linus Torvalds', email: 'linus@kernel.example' }),
    ];
    await putRows(dashboard, 'contacts', [ada, grace, linus]);
    await putRows(dashboard, 'purchases', [
      makePurchase(ada.id, '2026-02-02', 1250),
      makePurchase(grace.id, '2026-02-05', 900),
      makePurchase(ada.id, '2026-02-10', 2000),
      makePurchase(grace.id, '2026-02-14', 500, 2),
      makePurchase(linus.id, '2026-02-18', 700),
    ]);
    // Two exactly, one a day later, one with another quantity, not the fifth, and one more.
    rows = [
      ['SO-1', '2026-02-02', 'C-1', 'ada@engine.example', 'NW-1001', 1, '12.50', 'USD'],
      ['SO-2', '2026-02-05', 'C-2', 'grace@navy.example', 'NW-1001', 1, '9.00', 'USD'],
      ['SO-3', '2026-02-11', 'C-1', 'ada@engine.example', 'NW-1001', 1, '20.00', 'USD'],
      ['SO-4', '2026-02-14', 'C-2', 'grace@navy.example', 'NW-1001', 3, '5.00', 'USD'],
      ['SO-9', '2026-02-26', 'C-3', 'linus@kernel.example', 'NW-1002', 2, '3.75', 'USD'],
    ];
    await dashboard.reload();
    await dashboard.waitForSelector('::-p-aria(Reconcile export)');
  });

  afterAll(async () => {
    await chromium?.close();
    await site?.close();
  });

  const expected = { synced: 2, probable: 1, conflict: 1, missing: 1, backOfficeOnly: 1 };

  it('reconciles a dropped export in the web worker and shows each outcome', async () => {
    expect(reconcileWorkerRuns(dashboard)).toBe(false);
    await dropFile(dashboard, `${RECONCILE} .drop-zone`, 'orders.csv', toCsv(ORDERS_CSV_HEADER, rows));
    await waitForResults(dashboard, 'orders.csv');
    expect(await shownCounts(dashboard)).toEqual(expected);
    expect(reconcileWorkerRuns(dashboard)).toBe(true);
    // The sidebar's timeline shows the verdicts.
    const sidebar = await chromium.browser.newPage();
    await sidebar.goto(`${site.url}/sidebar.html`);
    await sidebar.locator('::-p-aria(Enter contact by hand)').click();
    await field(sidebar, 'Name', 'Ada Lovelace');
    await field(sidebar, 'Email', 'ada@engine.example');
    await captureContact(sidebar.mainFrame());
    await sidebar.waitForSelector('ol.timeline li.purchase .badge');
    const badges = await sidebar.$$eval('ol.timeline li.purchase .badge', (found) =>
      found.map((badge) => badge.textContent ?? ''),
    );
    expect(badges).toEqual(['Probable', 'Synced']);
    await sidebar.close();
  });

  /** The same orders, then orders of customers Tally does not know, up to 150,000 rows. */
  function bigExport(): CsvCell[][] {
    const big = rows.map((row) => [...row]);
    for (let order = 0; big.length < 150_000; order++) {
      const date = `2026-0${1 + (order % 3)}-${String(1 + (order % 28)).padStart(2, '0')}`;
      for (let line = 0; line < 3; line++) {
        big.push([
          `BO-${order}`,
          date,
          `C-9${order % 5000}`,
          '',
          `NW-${1100 + line}`,
          1 + line,
          '4.25',
          'USD',
        ]);
      }
    }
    return big;
  }

  it('a job whose page closed goes on when the dashboard is opened again', { timeout: 180_000 }, async () => {
    const big = bigExport();
    await dropFile(dashboard, `${RECONCILE} .drop-zone`, 'orders-big.csv', toCsv(ORDERS_CSV_HEADER, big));
    // Past the first chunk of rows: the page (and with it its worker) goes away.
    await dashboard.waitForFunction(
      (progress) => ((document.querySelector(progress) as HTMLProgressElement | null)?.value ?? 0) > 0,
      { timeout: 60_000, polling: 20 },
      PROGRESS,
    );
    await dashboard.close();

    // A page of the site that is not Tally reads the job, left half-way.
    const look = await chromium.browser.newPage();
    await look.goto(`${site.url}/service-worker.js`);
    const [job] = (await storedRows<ReconcileJob>(look, 'reconcileJobs')).filter(
      (found) => found.fileName === 'orders-big.csv',
    );
    expect(job?.state).toMatch(/^(queued|parsing|matching|saving)$/);
    const stoppedAt = job?.rowsRead ?? 0;
    await new Promise((settle) => setTimeout(settle, 1_000));
    const [still] = (await storedRows<ReconcileJob>(look, 'reconcileJobs')).filter(
      (found) => found.fileName === 'orders-big.csv',
    );
    // Nobody works on it while no Tally page is open.
    expect(still?.rowsRead).toBe(stoppedAt);
    await look.close();

    const again = await chromium.browser.newPage();
    await again.goto(`${site.url}/`);
    await waitForResults(again, 'orders-big.csv', 150_000);
    expect(reconcileWorkerRuns(again)).toBe(true);
    // The same verdicts, and every order of a stranger (three rows each) the back office's alone.
    const others = (big.length - rows.length) / 3;
    expect(await shownCounts(again)).toEqual({ ...expected, backOfficeOnly: 1 + others });
    const [run] = (await storedRows<ReconcileRunRow>(again, 'reconcileRuns')).filter(
      (found) => found.fileName === 'orders-big.csv',
    );
    expect(run?.rowsRead).toBe(big.length);
    await again.close();
  });
  it('a job whose page closed goes on in another Tally page left open', { timeout: 180_000 }, async () => {
    const sidebar = await chromium.browser.newPage();
    await sidebar.goto(`${site.url}/sidebar.html`);
    await sidebar.waitForSelector('::-p-aria(Enter contact by hand)');
    const page = await chromium.browser.newPage();
    await page.goto(`${site.url}/`);
    await page.waitForSelector('::-p-aria(Reconcile export)');
    await dropFile(
      page,
      `${RECONCILE} .drop-zone`,
      'orders-again.csv',
      // Another file than the one above (the same one would be recognised as already given).
      toCsv(ORDERS_CSV_HEADER, [
        ...bigExport(),
        ['BO-new', '2026-03-01', 'C-new', '', 'NW-1100', 1, '4.25', 'USD'],
      ]),
    );
    await page.waitForFunction(
      (progress) => ((document.querySelector(progress) as HTMLProgressElement | null)?.value ?? 0) > 0,
      { timeout: 60_000, polling: 20 },
      PROGRESS,
    );
    await page.close();
    expect(reconcileWorkerRuns(sidebar)).toBe(false);

    // The sidebar's page, never asked to reconcile, takes the job over and finishes it.
    await sidebar.bringToFront();
    const deadline = Date.now() + 120_000;
    let job: ReconcileJob | undefined;
    while (Date.now() < deadline) {
      [job] = (await storedRows<ReconcileJob>(sidebar, 'reconcileJobs')).filter(
        (found) => found.fileName === 'orders-again.csv',
      );
      if (job?.state === 'done') break;
      await new Promise((settle) => setTimeout(settle, 250));
    }
    expect(job?.state).toBe('done');
    expect(reconcileWorkerRuns(sidebar)).toBe(true);
    await sidebar.close();
  });
});
