import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Frame, Page, Target } from 'puppeteer';
import { demoBackOffices } from '../demo/backoffices/index';
import { generateDemoData } from '../demo/seed';
import { createDemoStore } from '../demo/store';
import { launchWithTally, waitForDownload, type TallyBrowser } from '../support/chromium';
import { captureFromLauncher } from '../support/launcher';
import { pdfText } from '../support/pdf-text';
import { storedRows } from '../support/indexeddb';
import {
  downloadCatalogCsv,
  exportPurchases,
  importCatalog,
  openDashboard,
  openSidebar,
  reconcileDownloadedOrders,
  recordPurchase,
  timelineEntries,
} from '../support/tour';
import { fitted, markerOf, XSS_HOST, XSS_PAYLOADS, type XssPayload } from '../fixtures/xss-payloads';

/**
 * Issue 8, "nothing leaked, nothing forged": the XSS corpus (test/fixtures/xss-payloads.ts) goes
 * in through every way data enters Tally — a back-office page's fields captured with `Capture
 * contact`, the catalog export, `Import contacts`, the back office's orders export reconciled,
 * `Import recipes`, `Restore` — and out through every way it leaves: the launcher, the sidebar,
 * the dashboard's screens, a statement PDF, the CSV exports. Nothing runs: no dialog, no
 * `__tallyPwned` in any page or frame, no request to xss.invalid; and each payload is shown
 * literally, so it did go through.
 */

const SECTION_CONTACTS = 'section[aria-labelledby=contacts-transfer-heading]';
const DRY_RUN = 'section[aria-labelledby=contacts-dry-run-heading]';

/** The first customers and products of the demo back office, renamed to the payloads. */
function hostileStore() {
  const data = generateDemoData(42);
  const payloadAt = (index: number) => XSS_PAYLOADS[index];
  return createDemoStore({
    ...data,
    customers: data.customers.map((customer, index) => {
      const payload = payloadAt(index);
      return payload
        ? { ...customer, name: fitted(payload, 200), company: fitted(payload, 200).slice(0, 200) }
        : customer;
    }),
    products: data.products.map((product, index) => {
      const payload = payloadAt(index);
      return payload ? { ...product, name: fitted(payload, 300) } : product;
    }),
  });
}

/** The demo's Northwind back office (rep), serving the hostile data on loopback. */
async function startHostileBackOffice(): Promise<{ url: string; close(): Promise<void> }> {
  const store = hostileStore();
  const rep = demoBackOffices.find((backOffice) => backOffice.id === 'rep');
  if (!rep) throw new Error('The demo has no rep back office.');
  const server: Server = createServer((request, response) => {
    request.resume();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const answer =
      (url.pathname === '/rep' || url.pathname.startsWith('/rep/')) &&
      rep.handle(request, url, store, { redesigned: false });
    if (!answer) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(answer.status, {
      ...answer.headers,
      'Content-Type': `${answer.contentType}; charset=utf-8`,
      'Cache-Control': 'no-store',
    });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const customerId = (payload: XssPayload) => `C-${String(payload.id).padStart(5, '0')}`;
/** Payloads jsPDF's standard fonts can write (Latin-1): the PDF test reads them back. */
const latin1 = (payload: XssPayload) => !/[^\u0020-\u00ff]/.test(markerOf(payload));

/** Everything that would show a payload ran, in one browser. */
function executionWatch(tally: TallyBrowser) {
  const dialogs: string[] = [];
  const watched = new WeakSet<Page>();
  const watchDialogs = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()} "${dialog.message()}" in ${page.url()}`);
      void dialog.dismiss().catch(() => undefined);
    });
  };
  const watchPage = async (target: Target) => {
    const page = await target.page().catch(() => null);
    if (page) watchDialogs(page);
  };
  tally.browser.on('targetcreated', (target: Target) => void watchPage(target));
  void Promise.all(tally.browser.targets().map(watchPage));
  return {
    /** Dialogs, `__tallyPwned` in any frame of any page, requests to xss.invalid. */
    async traces(): Promise<string[]> {
      const found = [...dialogs];
      for (const page of await tally.browser.pages()) {
        for (const frame of page.frames()) {
          const mark = await frame
            .evaluate(() => (globalThis as { __tallyPwned?: unknown }).__tallyPwned ?? null)
            .catch(() => null);
          if (mark !== null) found.push(`__tallyPwned=${String(mark)} in ${frame.url()}`);
        }
      }
      found.push(...tally.egress.requests().filter((line) => line.includes(XSS_HOST)));
      return found;
    },
    /** Watches `page` now (new pages are watched as they open, a moment later). */
    page: watchDialogs,
    /** Forgets what was seen: for the test that runs payloads on purpose. */
    forget(): void {
      dialogs.length = 0;
      tally.egress.clear();
    },
  };
}

/** The text a page or frame shows (innerText: what is rendered, not what is hidden in markup). */
const shownText = (target: Page | Frame) => target.evaluate(() => document.body.innerText);

function missingMarkers(text: string, payloads: readonly XssPayload[]): string[] {
  const flat = text.replace(/\s+/g, ' ');
  return payloads.map(markerOf).filter((marker) => !flat.includes(marker.replace(/\s+/g, ' ')));
}

describe('XSS corpus: in through every entry, out through every exit, never run', () => {
  let backOffice: Awaited<ReturnType<typeof startHostileBackOffice>>;
  let tally: TallyBrowser;
  let watch: ReturnType<typeof executionWatch>;
  let page: Page;
  let dashboard: Page;
  let dir: string;

  beforeAll(async () => {
    backOffice = await startHostileBackOffice();
    tally = await launchWithTally({ headless: true });
    watch = executionWatch(tally);
    page = await tally.browser.newPage();
    dir = await mkdtemp(join(tmpdir(), 'tally-xss-'));
  });

  afterEach(async () => {
    expect(await watch.traces()).toEqual([]);
  });

  afterAll(async () => {
    await tally?.close();
    await backOffice?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has at least 50 distinct payloads, each with an observable effect if it runs', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(XSS_PAYLOADS.map((payload) => payload.payload)).size).toBe(XSS_PAYLOADS.length);
    for (const payload of XSS_PAYLOADS) expect(payload.payload).toContain(markerOf(payload));
  });

  it('sees a payload that runs: a dialog, __tallyPwned, a request to xss.invalid', async () => {
    // The same payloads rendered as HTML in a plain page (no Tally) do run, and are seen.
    const victim = await tally.browser.newPage();
    watch.page(victim);
    const byKind = (kind: string) => XSS_PAYLOADS.find((payload) => payload.kind === kind)?.payload ?? '';
    await victim.setContent(
      ['img onerror', 'img onerror, no quotes', 'img to the network'].map(byKind).join('\n'),
    );
    await victim.waitForFunction(() => (globalThis as { __tallyPwned?: unknown }).__tallyPwned === 7);
    await tally.egress.waitFor(/xss\.invalid\/16/);
    const traces = await watch.traces();
    expect(traces.some((trace) => trace.startsWith('alert "8"'))).toBe(true);
    expect(traces.some((trace) => trace.startsWith('__tallyPwned=7'))).toBe(true);
    expect(traces.some((trace) => trace.includes('http://xss.invalid/16'))).toBe(true);
    await victim.close();
    watch.forget();
  });

  it('imports the catalog the back office exports, product names hostile', async () => {
    const csv = await downloadCatalogCsv(page, tally, backOffice.url);
    dashboard = await openDashboard(tally);
    expect(await importCatalog(dashboard, csv)).toMatch(/1,?000 new/);
    const names = (await storedRows<{ name: string }>(dashboard, 'products')).map((product) => product.name);
    expect(missingMarkers(names.join('\n'), XSS_PAYLOADS)).toEqual([]);
  });

  const chunks = [0, 1, 2, 3].map((part) => XSS_PAYLOADS.filter((_, index) => index % 4 === part));
  it.each(chunks.map((chunk, part) => [part + 1, chunk] as const))(
    'captures hostile customer pages with the launcher, part %i, names shown literally',
    async (_part, payloads) => {
      // A tab in the background does not render its launcher: bring the back office forward.
      await page.bringToFront();
      for (const payload of payloads) {
        await page.goto(`${backOffice.url}/rep/customers/${customerId(payload)}`);
        await page.waitForSelector('::-p-aria(Capture contact)');
        const status = await captureFromLauncher(page);
        expect(status, payload.kind).toMatch(/^Captured/);
        expect(missingMarkers(status, [payload]), payload.kind).toEqual([]);
      }
    },
  );

  it('shows hostile contacts in the sidebar and records hostile products into the timeline', async () => {
    const chosen = XSS_PAYLOADS.filter((payload) => payload.id % 6 === 1);
    await page.bringToFront();
    for (const payload of chosen) {
      await page.goto(`${backOffice.url}/rep/customers/${customerId(payload)}`);
      const frame = await openSidebar(page, tally);
      await frame.waitForSelector('[data-field=external-id]');
      expect(missingMarkers(await shownText(frame), [payload]), payload.kind).toEqual([]);
      const products = await storedRows<{ sku: string; name: string }>(dashboard, 'products');
      const product = products.find((candidate) => candidate.name === fitted(payload, 300));
      expect(product, payload.kind).toBeDefined();
      await recordPurchase(frame, [{ search: product?.sku ?? '' }]);
      const entries = (await timelineEntries(frame)).join('\n');
      expect(missingMarkers(entries, [payload]), `${payload.kind}: ${entries}`).toEqual([]);
      await page.locator('::-p-aria(Close Tally)').click();
    }
  });

  it('shows every hostile contact on the dashboard, in the list and on its own screen, as text', async () => {
    await dashboard.bringToFront();
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    await dashboard.waitForSelector('::-p-aria(Search contacts)');
    const listText = await shownText(dashboard);
    // The list's first page shows names as text.
    expect(
      XSS_PAYLOADS.filter((payload) => missingMarkers(listText, [payload]).length === 0).length,
    ).toBeGreaterThan(0);
    const contacts = await storedRows<{ id: string; name: string }>(dashboard, 'contacts');
    for (const payload of XSS_PAYLOADS) {
      // Captured names are cleaned (a tab becomes a space); the marker is kept as it is.
      const contact = contacts.find((candidate) => candidate.name.includes(markerOf(payload).slice(0, 100)));
      expect(contact, payload.kind).toBeDefined();
      await dashboard.evaluate(
        (hash) => (location.hash = hash),
        `#contact=${encodeURIComponent(contact?.id ?? '')}`,
      );
      await dashboard.waitForFunction(
        (wanted) => document.body.innerText.replace(/\s+/g, ' ').includes(wanted),
        { timeout: 10_000 },
        markerOf(payload).replace(/\s+/g, ' ').slice(0, 120),
      );
    }
  });

  it('shows a hostile contact’s screen and statement PDF with the payloads as text', async () => {
    await dashboard.bringToFront();
    const payload = XSS_PAYLOADS.find((candidate) => candidate.id % 6 === 1 && latin1(candidate));
    if (!payload) throw new Error('No Latin-1 payload with a purchase.');
    const contacts = await storedRows<{ id: string; name: string }>(dashboard, 'contacts');
    const contact = contacts.find((candidate) => candidate.name === fitted(payload, 200));
    expect(contact).toBeDefined();
    await dashboard.goto(
      `${tally.extensionOrigin}/dashboard.html#contact=${encodeURIComponent(contact?.id ?? '')}`,
    );
    await dashboard.waitForSelector('::-p-aria(Download statement \\(PDF\\))');
    expect(missingMarkers(await shownText(dashboard), [payload])).toEqual([]);
    await dashboard.locator('::-p-aria(Download statement \\(PDF\\))').click();
    const file = await waitForDownload(tally.downloadDir, /^statement-.*\.pdf$/);
    const text = (await pdfText(new Uint8Array(await readFile(file)))).join('\n');
    // The contact's name and the product bought, both the same payload, as text in the PDF.
    expect(missingMarkers(text, [payload])).toEqual([]);
  });

  it('Import contacts: hostile cells listed literally in the dry run, then applied', async () => {
    await dashboard.bringToFront();
    const rows = XSS_PAYLOADS.map((payload) => ({
      Name: `${fitted(payload, 180)} (csv)`,
      Company: fitted(payload, 200),
      Email: `imported-${payload.id}@example.com`,
    }));
    const path = join(dir, 'hostile-contacts.csv');
    await writeFile(path, `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`);
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    const button = await dashboard.waitForSelector(`${SECTION_CONTACTS} ::-p-aria(Import contacts)`);
    const [chooser] = await Promise.all([dashboard.waitForFileChooser(), button?.click()]);
    await chooser.accept([path]);
    await dashboard.waitForSelector(`${DRY_RUN} p.dry-run-counts`);
    const dryRun = await dashboard.$eval(DRY_RUN, (section) => (section as HTMLElement).innerText);
    // A cell with control characters may be refused, by its line; every other one is listed as it is.
    const refusable = (payload: XssPayload) =>
      [...payload.payload].some((character) => character.charCodeAt(0) < 0x20);
    const listed = XSS_PAYLOADS.filter((payload) => markerOf(payload).length <= 180 && !refusable(payload));
    expect(missingMarkers(dryRun, listed)).toEqual([]);
    for (const payload of XSS_PAYLOADS.filter(refusable)) {
      const line = XSS_PAYLOADS.indexOf(payload) + 2;
      if (missingMarkers(dryRun, [payload]).length > 0) expect(dryRun).toContain(`Line ${line}:`);
    }
    await dashboard.locator(`${SECTION_CONTACTS} ::-p-aria(Apply import)`).click();
    await dashboard.waitForSelector(`${SECTION_CONTACTS} > p[role=status] ::-p-text(Imported)`);
  });

  it('Export contacts: formula cells neutralised, every payload written', async () => {
    await dashboard.locator(`${SECTION_CONTACTS} ::-p-aria(Export contacts)`).click();
    const path = await waitForDownload(tally.downloadDir, /^tally-contacts-.*\.csv$/);
    const text = await readFile(path, 'utf8');
    const cells = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.flat();
    const formulas = cells
      .flatMap((cell) => cell.split(/\r\n|\r|\n/))
      .filter((line) => /^[=+\-@\t\r]/.test(line));
    expect(formulas).toEqual([]);
    expect(missingMarkers(cells.join('\n'), XSS_PAYLOADS)).toEqual([]);
    // The formula payloads are there, behind their apostrophe.
    expect(cells).toContain(`'${markerOf(XSS_PAYLOADS.find((p) => p.kind === 'CSV =cmd DDE')!)}`);
  });

  it('Export purchases: hostile product names written, formula cells neutralised', async () => {
    const { text } = await exportPurchases(dashboard, tally);
    const cells = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    const recorded = XSS_PAYLOADS.filter((payload) => payload.id % 6 === 1);
    expect(missingMarkers(cells.join('\n'), recorded)).toEqual([]);
  });

  it('Reconcile export: the back office’s orders file with hostile cells is read and shown as text', async () => {
    // A fresh load of the dashboard, so that it lists the download it offers to reconcile.
    await dashboard.goto('about:blank');
    await reconcileDownloadedOrders(page, dashboard, tally, backOffice.url);
    const results = await dashboard.$eval('#reconcile', (section) => (section as HTMLElement).innerText);
    const shown = XSS_PAYLOADS.filter((payload) => missingMarkers(results, [payload]).length === 0);
    // The results name the records matched and missing: the hostile products and customers among them.
    expect(shown.length).toBeGreaterThan(0);
  });

  it('Import recipes: a name with control characters is refused whole; hostile names shown literally', async () => {
    await dashboard.bringToFront();
    const now = new Date().toISOString();
    const recipeFile = (payloads: readonly XssPayload[]) =>
      JSON.stringify({
        format: 'tally-recipes',
        version: 1,
        recipes: payloads.map((payload) => ({
          id: `00000000-0000-4000-8000-${String(payload.id).padStart(12, '0')}`,
          name: fitted(payload, 100),
          origin: backOffice.url,
          pathPattern: `/xss/${payload.id}/*`,
          fields: { name: { kind: 'css', selector: 'h1' } },
          createdAt: now,
          updatedAt: now,
        })),
      });
    const controls = (payload: XssPayload) => [...payload.payload].some((character) => character < ' ');
    const section = 'section[aria-labelledby=recipes-heading]';
    const importFile = async (name: string, text: string) => {
      const path = join(dir, name);
      await writeFile(path, text);
      await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
      const button = await dashboard.waitForSelector('::-p-aria(Import recipes)');
      const [chooser] = await Promise.all([dashboard.waitForFileChooser(), button?.click()]);
      await chooser.accept([path]);
      await dashboard.waitForSelector(`${section} [role=status], ${section} [role=alert]`);
      return dashboard.$eval(section, (element) => (element as HTMLElement).innerText);
    };
    const refused = await importFile('control-characters.json', recipeFile(XSS_PAYLOADS));
    expect(refused).toMatch(/was not imported: Recipe \d+: name: .*Nothing was changed\./);
    const listed = await importFile(
      'tally-recipes.json',
      recipeFile(XSS_PAYLOADS.filter((payload) => !controls(payload))),
    );
    const expected = XSS_PAYLOADS.filter((payload) => !controls(payload) && markerOf(payload).length <= 100);
    expect(missingMarkers(listed, expected), listed.slice(0, 600)).toEqual([]);
  });

  it('Restore: a backup holding every payload, restored into a fresh profile, shows them as text', async () => {
    await dashboard.bringToFront();
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html#backup`);
    await dashboard.locator('::-p-aria(Back up[role="button"])').click();
    const zip = await waitForDownload(tally.downloadDir, /^tally-backup-.*\.zip$/);
    const fresh = await launchWithTally({ headless: true });
    const freshWatch = executionWatch(fresh);
    try {
      const restored = await openDashboard(fresh);
      const [chooser] = await Promise.all([
        restored.waitForFileChooser(),
        restored.locator('::-p-aria(Restore[role="button"])').click(),
      ]);
      await chooser.accept([zip]);
      await restored.waitForSelector('section[aria-labelledby=restore-preview-heading]');
      await restored.locator('::-p-aria(Restore into empty profile)').click();
      await restored.locator('::-p-aria(Confirm restore)').click();
      await restored.waitForSelector('[role=status] ::-p-text(rows written)');
      const names = (await storedRows<{ name: string }>(restored, 'contacts')).map((contact) => contact.name);
      expect(missingMarkers(names.join('\n'), XSS_PAYLOADS)).toEqual([]);
      await restored.reload();
      await restored.waitForSelector('::-p-aria(Export purchases)');
      const text = await shownText(restored);
      expect(XSS_PAYLOADS.some((payload) => missingMarkers(text, [payload]).length === 0)).toBe(true);
      // A restored profile's sidebar beside a hostile page shows the payloads as text too.
      const beside = await fresh.browser.newPage();
      await beside.goto(`${backOffice.url}/rep/customers/${customerId(XSS_PAYLOADS[0]!)}`);
      const frame = await openSidebar(beside, fresh);
      await frame.waitForSelector('[data-field=external-id]');
      expect(missingMarkers(await shownText(frame), [XSS_PAYLOADS[0]!])).toEqual([]);
      expect(await freshWatch.traces()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
