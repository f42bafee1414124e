import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserPage } from 'happy-dom';
import { detectContact } from '../../../src/adapters/detect';
import { pos } from '../../../src/adapters/pos';
import { POS_API_DELAY_MS } from '../../demo/backoffices/pos';
import type { PosContactJson } from '../../demo/backoffices/pos/contacts';
import { generateDemoData } from '../../demo/seed';
import { POS_SAMPLE_ID, POS_SUPPLIER_ID, POS_XSS_ID, POS_XSS_NAME } from '../../demo/seed-pos';
import { scriptedBrowser, useDemoServer, waitFor } from './support';

/**
 * Till POS: one server-rendered contacts list, customers and suppliers alike, and a drawer that
 * ./app.js fills by XHR after the page has loaded. The app runs here in happy-dom.
 */
const data = generateDemoData(42);
const server = useDemoServer();
const browser = scriptedBrowser();
afterAll(() => browser.close());

const posOnly = { adapters: [pos], recipes: [], generic: false };

function documentOf(page: BrowserPage): Document {
  return page.mainFrame.document as unknown as Document;
}

function drawer(page: BrowserPage): Element | null {
  return documentOf(page).querySelector('aside.contact-drawer');
}

function detect(page: BrowserPage) {
  return detectContact(documentOf(page), new URL(page.mainFrame.url), posOnly);
}

describe('the contacts list', () => {
  it('holds customers and suppliers in one list with a Type column, 50 a page', async () => {
    const { status, text } = await server.get('/pos/contacts');
    expect(status).toBe(200);
    expect(text).toContain('<th>Type</th>');
    const rows = text.match(/<a href="\/pos\/contacts\?contact=\d+" data-contact-id="\d+"/g) ?? [];
    expect(rows).toHaveLength(50);
    expect(text).toContain('<td>Supplier</td>');
    expect(text).toContain('<td>Customer</td>');
    expect(text).toContain('<script type="module" src="/pos/app.js"></script>');
    expect(text).not.toContain('<aside');
  });

  it('filters suppliers and keeps the filter in the contact links', async () => {
    const { text } = await server.get('/pos/contacts?type=supplier');
    const suppliers = data.pos.contacts.filter((contact) => contact.type === 'supplier');
    expect(suppliers.length).toBeGreaterThan(10);
    expect(text).not.toContain('<td>Customer</td>');
    expect(text).toContain(`href="/pos/contacts?type=supplier&amp;contact=${POS_SUPPLIER_ID}"`);
  });

  it('prints the hostile name as text', async () => {
    const { text } = await server.get('/pos/contacts');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;Eve 🍕 &quot;Pizza&quot; O&#39;Brien');
    expect(text).not.toContain('<img src=x');
  });
});

describe('the contact API', () => {
  it(`answers after at least ${POS_API_DELAY_MS} ms`, async () => {
    const started = performance.now();
    const { status, body } = await server.json<PosContactJson>(`/pos/api/contacts/${POS_SUPPLIER_ID}`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(POS_API_DELAY_MS - 5);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: '3',
      type: 'supplier',
      name: 'Linus Torvalds',
      company: 'Penguin Parts Wholesale',
      accountNo: 'SUP-00003',
    });
  });

  it('answers 404 for an unknown contact', async () => {
    expect((await server.json('/pos/api/contacts/999')).status).toBe(404);
  });
});

describe('the drawer', () => {
  it('opens on a direct load by XHR, busy first, then filled', async () => {
    const page = await browser.open(`${server.url}/pos/contacts?contact=${POS_SAMPLE_ID}`);
    await waitFor(() => drawer(page) !== null);
    expect(drawer(page)?.getAttribute('aria-busy')).toBe('true');
    expect(detect(page).status).toBe('none');
    await page.waitUntilComplete();
    expect(drawer(page)?.getAttribute('aria-busy')).toBe('false');
    expect(detect(page)).toMatchObject({
      status: 'found',
      snapshot: { externalId: 'CUS-00042', name: 'Ada Lovelace', role: 'customer' },
    });
  });

  it('opens a clicked contact with pushState, closes with Close, and follows back and forward', async () => {
    const page = await browser.open(`${server.url}/pos/contacts`);
    await page.waitUntilComplete();
    const doc = documentOf(page);
    expect(drawer(page)).toBeNull();

    (doc.querySelector(`a[data-contact-id="${POS_SUPPLIER_ID}"]`) as HTMLElement).click();
    expect(page.mainFrame.url).toMatch(/\/pos\/contacts\?contact=3$/);
    expect(drawer(page)?.getAttribute('aria-busy')).toBe('true');
    await page.waitUntilComplete();
    expect(detect(page)).toMatchObject({
      status: 'found',
      snapshot: { externalId: 'SUP-00003', name: 'Linus Torvalds', role: 'supplier' },
    });

    const close = [...doc.querySelectorAll('aside button')].find((button) => button.textContent === 'Close');
    (close as HTMLElement).click();
    expect(drawer(page)).toBeNull();
    expect(page.mainFrame.url).toMatch(/\/pos\/contacts$/);

    page.mainFrame.window.history.back();
    await waitFor(() => drawer(page)?.getAttribute('data-contact-id') === POS_SUPPLIER_ID);
    expect(page.mainFrame.url).toMatch(/contact=3$/);
    page.mainFrame.window.history.forward();
    await waitFor(() => drawer(page) === null);
    // The same document throughout: no reload.
    expect(documentOf(page)).toBe(doc);
  });

  it('shows the hostile name as text and creates no element from it', async () => {
    const page = await browser.open(`${server.url}/pos/contacts?contact=${POS_XSS_ID}`);
    await page.waitUntilComplete();
    expect(drawer(page)?.querySelector('h2')?.textContent).toBe(POS_XSS_NAME);
    expect(drawer(page)?.querySelectorAll('img')).toHaveLength(0);
  });

  it('says so, and opens no drawer, for an unknown contact', async () => {
    const page = await browser.open(`${server.url}/pos/contacts?contact=999`);
    await page.waitUntilComplete();
    expect(drawer(page)).toBeNull();
    expect(documentOf(page).querySelector('[role=alert]')?.textContent).toBe('Contact not found.');
  });

  it('renders the redesign when it is switched on: the adapter reports it broken', async () => {
    await server.redesign('pos', true);
    try {
      const page = await browser.open(`${server.url}/pos/contacts?contact=${POS_SAMPLE_ID}`);
      await page.waitUntilComplete();
      expect(drawer(page)?.querySelector('h2')).toBeNull();
      expect(detect(page)).toMatchObject({ status: 'broken', reason: expect.stringMatching(/^name/) });
    } finally {
      await server.redesign('pos', false);
    }
  });

  it('serves its app as plain JavaScript that never builds HTML from strings', async () => {
    const { headers, text } = await server.get('/pos/app.js');
    expect(headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(text).toContain('XMLHttpRequest');
    expect(text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });
});
