/**
 * `npx tsx test/demo/write-fixtures.ts`: writes the adapter fixture pages (test/fixtures/adapters/) from
 * the demo back offices as Chromium renders them, after their scripts ran: the single-page app's
 * customer, the POS drawer filled by XHR. Stylesheets and scripts are left out. Run it after changing
 * a demo page; the expected contacts in each cases.json are written by hand, never from the demo data,
 * so that the fixture test still checks something.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer';
import { chromiumPath } from '../support/chromium';
import { startDemoServer } from './server';

interface Fixture {
  readonly folder: string;
  readonly file: string;
  readonly path: string;
  /** What shows the page is rendered; by default the load event is enough (server-rendered pages). */
  readonly ready?: string;
  /** Capture before the app's data arrives: its API requests are held and never answered. */
  readonly early?: boolean;
  /** Switch this back office's redesign on for this page. */
  readonly redesign?: string;
  /** Something to do once the page is ready (click a link); then wait for `ready` again. */
  readonly then?: (page: Page) => Promise<unknown>;
}

const REP_DETAIL = 'main.customer-detail';
const REP_LIST = '.customers-table tbody tr';
const POS_DRAWER = 'aside.contact-drawer[aria-busy="false"]';

const FIXTURES: readonly Fixture[] = [
  { folder: 'northwind', file: 'customer-C-00042.html', path: '/rep/customers/C-00042', ready: REP_DETAIL },
  {
    folder: 'northwind',
    file: 'customer-C-00012-no-phone.html',
    path: '/rep/customers/C-00012',
    ready: REP_DETAIL,
  },
  {
    folder: 'northwind',
    file: 'customer-C-00056-no-email.html',
    path: '/rep/customers/C-00056',
    ready: REP_DETAIL,
  },
  {
    folder: 'northwind',
    file: 'customer-C-00007-markup-in-name.html',
    path: '/rep/customers/C-00007',
    ready: REP_DETAIL,
  },
  {
    folder: 'northwind',
    file: 'customer-C-00043-after-next.html',
    path: '/rep/customers/C-00042',
    ready: REP_DETAIL,
    then: async (page) => {
      await page.locator('::-p-aria(Next customer)').click();
      await page.waitForSelector('main.customer-detail[data-customer-id="C-00043"]');
    },
  },
  {
    folder: 'northwind',
    file: 'customer-C-00042-redesigned.html',
    path: '/rep/customers/C-00042',
    ready: REP_DETAIL,
    redesign: 'rep',
  },
  {
    folder: 'northwind',
    file: 'customer-C-00042-loading.html',
    path: '/rep/customers/C-00042',
    ready: 'p.loading',
    early: true,
  },
  {
    folder: 'northwind',
    file: 'customer-not-found.html',
    path: '/rep/customers/C-99999',
    ready: 'main.not-found',
  },
  { folder: 'northwind', file: 'customer-list.html', path: '/rep/customers', ready: REP_LIST },
  { folder: 'northwind', file: 'product-list.html', path: '/rep/products' },
  { folder: 'northwind', file: 'product-detail.html', path: '/rep/products/NW-1001' },
  { folder: 'northwind', file: 'orders.html', path: '/rep/orders' },
  { folder: 'northwind', file: 'settings.html', path: '/rep/settings' },
  { folder: 'northwind', file: 'login.html', path: '/rep/login' },

  { folder: 'repair', file: 'customer-1042.html', path: '/repair/customer?id=1042' },
  { folder: 'repair', file: 'customer-1007-rtl-emoji.html', path: '/repair/customer?id=1007' },
  { folder: 'repair', file: 'customer-1013-no-phone.html', path: '/repair/customer?id=1013' },
  {
    folder: 'repair',
    file: 'customer-1042-redesigned.html',
    path: '/repair/customer?id=1042',
    redesign: 'repair',
  },
  { folder: 'repair', file: 'customer-not-found.html', path: '/repair/customer?id=9999' },
  { folder: 'repair', file: 'customer-list.html', path: '/repair/customers' },
  { folder: 'repair', file: 'tickets.html', path: '/repair/tickets' },
  { folder: 'repair', file: 'settings.html', path: '/repair/settings' },
  { folder: 'repair', file: 'login.html', path: '/repair/login' },

  { folder: 'pos', file: 'contact-42.html', path: '/pos/contacts?contact=42', ready: POS_DRAWER },
  { folder: 'pos', file: 'contact-3-supplier.html', path: '/pos/contacts?contact=3', ready: POS_DRAWER },
  {
    folder: 'pos',
    file: 'contact-7-markup-in-name.html',
    path: '/pos/contacts?contact=7',
    ready: POS_DRAWER,
  },
  { folder: 'pos', file: 'contact-12-no-phone.html', path: '/pos/contacts?contact=12', ready: POS_DRAWER },
  {
    folder: 'pos',
    file: 'contact-3-after-click.html',
    path: '/pos/contacts?type=supplier',
    then: async (page) => {
      await page.locator('a[data-contact-id="3"]').click();
      await page.waitForSelector(POS_DRAWER);
    },
  },
  {
    folder: 'pos',
    file: 'contact-42-loading.html',
    path: '/pos/contacts?contact=42',
    ready: 'aside.contact-drawer[aria-busy="true"]',
    early: true,
  },
  {
    folder: 'pos',
    file: 'contact-42-redesigned.html',
    path: '/pos/contacts?contact=42',
    ready: POS_DRAWER,
    redesign: 'pos',
  },
  { folder: 'pos', file: 'contacts.html', path: '/pos/contacts' },
  { folder: 'pos', file: 'settings.html', path: '/pos/settings' },
  { folder: 'pos', file: 'login.html', path: '/pos/login' },

  { folder: 'other-sites', file: 'acme-crm-clients.html', path: '/crm/clients' },
  { folder: 'other-sites', file: 'acme-crm-client-1234.html', path: '/crm/clients/1234' },
  { folder: 'other-sites', file: 'acme-crm-client-1207-hostile.html', path: '/crm/clients/1207' },
  {
    folder: 'other-sites',
    file: 'acme-crm-client-1234-redesigned.html',
    path: '/crm/clients/1234',
    redesign: 'crm',
  },
];

const OUT = resolve('test/fixtures/adapters');

const demo = await startDemoServer({ port: 0, seed: 42 });
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: ['--no-sandbox'],
});
try {
  for (const fixture of FIXTURES) {
    await setRedesign(fixture.redesign);
    const page = await browser.newPage();
    if (fixture.early) {
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (!new URL(request.url()).pathname.includes('/api/')) void request.continue();
      });
    }
    await page.goto(demo.url + fixture.path);
    if (fixture.ready) await page.waitForSelector(fixture.ready);
    await fixture.then?.(page);
    await page.evaluate(() => {
      for (const element of document.querySelectorAll('style, script')) element.remove();
      document.head.append(document.createComment(' the back office stylesheet and scripts are left out '));
    });
    await mkdir(resolve(OUT, fixture.folder), { recursive: true });
    await writeFile(resolve(OUT, fixture.folder, fixture.file), `${await page.content()}\n`);
    console.log(`${fixture.folder}/${fixture.file}  ←  ${fixture.path}`);
    await page.close();
    await setRedesign(undefined);
  }
} finally {
  await browser.close();
  await demo.close();
}

async function setRedesign(backOffice: string | undefined): Promise<void> {
  for (const id of backOffice ? [backOffice] : ['rep', 'repair', 'pos', 'crm']) {
    const response = await fetch(`${demo.url}/__demo/redesign?backOffice=${id}&on=${backOffice ? 1 : 0}`);
    if (!response.ok) throw new Error(`redesign switch: ${response.status} ${await response.text()}`);
  }
}
