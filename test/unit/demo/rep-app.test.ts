import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserPage } from 'happy-dom';
import { detectContact } from '../../../src/adapters/detect';
import { northwind } from '../../../src/adapters/northwind';
import type { CustomerDetailJson, CustomerListJson } from '../../demo/backoffices/rep/customers';
import { SAMPLE_CUSTOMER_ID, XSS_CUSTOMER_ID, XSS_CUSTOMER_NAME, generateDemoData } from '../../demo/seed';
import { scriptedBrowser, useDemoServer, waitFor } from './support';

/**
 * Northwind Direct's customer list and customer pages are a single-page app: an HTML shell, a JSON
 * API, and ./app.js building the DOM. The app runs here in happy-dom against the real server.
 */
const data = generateDemoData(42);
const server = useDemoServer();
const browser = scriptedBrowser();
afterAll(() => browser.close());

const northwindOnly = { adapters: [northwind], recipes: [], generic: false };

function documentOf(page: BrowserPage): Document {
  return page.mainFrame.document as unknown as Document;
}

function detect(page: BrowserPage) {
  return detectContact(documentOf(page), new URL(page.mainFrame.url), northwindOnly);
}

function shownCustomer(page: BrowserPage): string | null | undefined {
  return documentOf(page).querySelector('main.customer-detail')?.getAttribute('data-customer-id');
}

describe('the shell', () => {
  it.each(['/rep/customers', '/rep/customers?page=2', `/rep/customers/${SAMPLE_CUSTOMER_ID}`])(
    'serves %s as the app shell, with no customer in it yet',
    async (path) => {
      const { status, text } = await server.get(path);
      expect(status).toBe(200);
      expect(text).toContain('<div id="app" data-layout="classic">');
      expect(text).toContain('<script type="module" src="/rep/app.js"></script>');
      expect(text).not.toContain('customer-detail');
      expect(text).not.toContain('Ada Lovelace');
    },
  );

  it('answers 404 for an unknown customer, and the app says so', async () => {
    expect((await server.get('/rep/customers/C-99999')).status).toBe(404);
    const page = await browser.open(`${server.url}/rep/customers/C-99999`);
    await page.waitUntilComplete();
    expect(documentOf(page).querySelector('main.not-found h1')?.textContent).toBe('Customer not found');
    expect(detect(page).status).toBe('none');
  });

  it('serves the app as plain JavaScript that never builds HTML from strings', async () => {
    const { status, headers, text } = await server.get('/rep/app.js');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(text).toContain('history.pushState');
    expect(text).toContain("addEventListener('popstate'");
    expect(text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });
});

describe('the JSON API', () => {
  it('answers a customer with its neighbours and orders, a little late', async () => {
    const started = performance.now();
    const { status, body } = await server.json<CustomerDetailJson>(
      `/rep/api/customers/${SAMPLE_CUSTOMER_ID}`,
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'C-00042',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '(415) 555-0134',
      company: 'Analytical Engines Ltd.',
      previousId: 'C-00041',
      nextId: 'C-00043',
    });
    const orders = data.orders.filter((order) => order.customerId === SAMPLE_CUSTOMER_ID);
    expect(body.orders.map((order) => order.id).sort()).toEqual(orders.map((order) => order.id).sort());
  });

  it('wraps around at both ends of the list', async () => {
    const first = await server.json<CustomerDetailJson>('/rep/api/customers/C-00001');
    expect(first.body.previousId).toBe('C-00300');
    const last = await server.json<CustomerDetailJson>('/rep/api/customers/C-00300');
    expect(last.body.nextId).toBe('C-00001');
  });

  it('keeps the stored-XSS name as it is: the app renders it as text', async () => {
    const { body } = await server.json<CustomerDetailJson>(`/rep/api/customers/${XSS_CUSTOMER_ID}`);
    expect(body.name).toBe(XSS_CUSTOMER_NAME);
  });

  it('answers 404 as JSON for an unknown customer', async () => {
    const { status, body } = await server.json<{ error: string }>('/rep/api/customers/C-99999');
    expect(status).toBe(404);
    expect(body.error).toMatch(/C-99999/);
  });

  it('pages and filters the customer list 50 at a time', async () => {
    const { body } = await server.json<CustomerListJson>('/rep/api/customers?page=2');
    expect(body).toMatchObject({ page: 2, pageCount: 6, total: 300 });
    expect(body.customers).toHaveLength(50);
    expect(body.customers[0]?.id).toBe('C-00051');
    const filtered = await server.json<CustomerListJson>('/rep/api/customers?q=lovelace');
    expect(filtered.body.customers.map((customer) => customer.id)).toContain('C-00042');
    expect(filtered.body.customers.every((customer) => /lovelace/i.test(customer.name))).toBe(true);
  });
});

describe('the app', () => {
  it('renders a directly loaded customer after DOMContentLoaded, in the markup the adapter reads', async () => {
    const page = await browser.open(`${server.url}/rep/customers/${SAMPLE_CUSTOMER_ID}`);
    // The document has been parsed (DOMContentLoaded fired) and the customer is not there yet.
    expect(documentOf(page).readyState).not.toBe('loading');
    expect(shownCustomer(page)).toBeUndefined();
    expect(detect(page).status).toBe('none');
    await page.waitUntilComplete();
    expect(shownCustomer(page)).toBe(SAMPLE_CUSTOMER_ID);
    expect(documentOf(page).title).toBe('Ada Lovelace · Northwind Direct');
    expect(detect(page)).toMatchObject({
      status: 'found',
      snapshot: { externalId: 'C-00042', name: 'Ada Lovelace', phone: '(415) 555-0134' },
    });
  });

  it('follows Next customer and Previous customer with pushState, and back and forward with popstate', async () => {
    const page = await browser.open(`${server.url}/rep/customers/${SAMPLE_CUSTOMER_ID}`);
    await page.waitUntilComplete();
    const window = page.mainFrame.window;
    const historyLength = window.history.length;
    const link = (name: string) =>
      [...documentOf(page).querySelectorAll('a')].find(
        (anchor) => anchor.textContent === name,
      ) as HTMLElement;

    link('Next customer').click();
    expect(page.mainFrame.url).toMatch(/\/rep\/customers\/C-00043$/);
    expect(window.history.length).toBe(historyLength + 1);
    await page.waitUntilComplete();
    expect(shownCustomer(page)).toBe('C-00043');
    expect(detect(page)).toMatchObject({ status: 'found', snapshot: { externalId: 'C-00043' } });

    link('Previous customer').click();
    await page.waitUntilComplete();
    link('Previous customer').click();
    await page.waitUntilComplete();
    expect(page.mainFrame.url).toMatch(/\/rep\/customers\/C-00041$/);
    expect(shownCustomer(page)).toBe('C-00041');

    window.history.back();
    await waitFor(() => shownCustomer(page) === 'C-00042');
    expect(page.mainFrame.url).toMatch(/\/rep\/customers\/C-00042$/);
    window.history.forward();
    await waitFor(() => shownCustomer(page) === 'C-00041');
  });

  it('opens a customer from the list without a reload', async () => {
    const page = await browser.open(`${server.url}/rep/customers?q=lovelace`);
    await page.waitUntilComplete();
    const doc = documentOf(page);
    expect(doc.querySelectorAll('.customers-table tbody tr').length).toBeGreaterThan(1);
    const ada = doc.querySelector(`a[href="/rep/customers/${SAMPLE_CUSTOMER_ID}"]`) as HTMLElement;
    ada.click();
    expect(page.mainFrame.url).toMatch(/\/rep\/customers\/C-00042$/);
    await page.waitUntilComplete();
    expect(shownCustomer(page)).toBe(SAMPLE_CUSTOMER_ID);
    // The same document: the shell was not loaded again.
    expect(documentOf(page)).toBe(doc);
  });

  it('leaves out the Phone and Email rows when the back office has none', async () => {
    const noPhone = data.customers.find((customer) => customer.phone === null)!;
    const noEmail = data.customers.find((customer) => customer.email === null)!;
    const phoneless = await browser.open(`${server.url}/rep/customers/${noPhone.id}`);
    await phoneless.waitUntilComplete();
    const dts = (page: BrowserPage) =>
      [...documentOf(page).querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(dts(phoneless)).not.toContain('Phone');
    expect(documentOf(phoneless).querySelector('.customer-phone')).toBeNull();
    const emailless = await browser.open(`${server.url}/rep/customers/${noEmail.id}`);
    await emailless.waitUntilComplete();
    expect(dts(emailless)).not.toContain('Email');
  });

  it('shows the stored-XSS name as text and creates no element from it', async () => {
    const page = await browser.open(`${server.url}/rep/customers/${XSS_CUSTOMER_ID}`);
    await page.waitUntilComplete();
    const doc = documentOf(page);
    expect(doc.querySelector('.customer-name')?.textContent).toBe(XSS_CUSTOMER_NAME);
    expect(doc.querySelectorAll('img, b')).toHaveLength(0);
  });

  it('renders the redesign when it is switched on: still a customer page, no longer readable', async () => {
    await server.redesign('rep', true);
    try {
      const { text } = await server.get(`/rep/customers/${SAMPLE_CUSTOMER_ID}`);
      expect(text).toContain('data-layout="profile"');
      const page = await browser.open(`${server.url}/rep/customers/${SAMPLE_CUSTOMER_ID}`);
      await page.waitUntilComplete();
      expect(shownCustomer(page)).toBe(SAMPLE_CUSTOMER_ID);
      expect(documentOf(page).querySelector('.customer-name')).toBeNull();
      expect(documentOf(page).querySelector('.profile-title')?.textContent).toBe('Ada Lovelace');
      expect(detect(page)).toMatchObject({ status: 'broken', reason: expect.stringMatching(/^name/) });
    } finally {
      await server.redesign('rep', false);
    }
  });
});
