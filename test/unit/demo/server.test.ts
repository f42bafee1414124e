import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import Papa from 'papaparse';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { demoBackOffices } from '../../demo/backoffices/index';
import {
  CUSTOMER_COUNT,
  ORDER_COUNT,
  PRODUCT_COUNT,
  SAMPLE_CUSTOMER_ID,
  XSS_CUSTOMER_ID,
  XSS_CUSTOMER_NAME,
  generateDemoData,
} from '../../demo/seed';

const data = generateDemoData(42);
let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
});

afterAll(async () => {
  await server.close();
});

async function get(path: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(server.url + path, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Opening tags, which is what the DOM would hold as elements (give or take the implied tbody). */
function countElements(markup: string): number {
  return markup.match(/<[a-zA-Z]/g)?.length ?? 0;
}

describe('demo data', () => {
  it('is the same for the same seed and different for another', () => {
    expect(generateDemoData(42)).toEqual(generateDemoData(42));
    expect(generateDemoData(7).customers[0]).not.toEqual(data.customers[0]);
  });

  it('has 300 customers, about 1,000 products and about 2,000 orders', () => {
    expect(data.customers).toHaveLength(CUSTOMER_COUNT);
    expect(CUSTOMER_COUNT).toBe(300);
    expect(data.products.length).toBeGreaterThanOrEqual(950);
    expect(data.products.length).toBeLessThanOrEqual(1050);
    expect(data.orders.length).toBe(ORDER_COUNT);
    expect(PRODUCT_COUNT).toBe(data.products.length);
  });

  it('uses the documented id, date, barcode and money shapes', () => {
    expect(data.customers.every((c) => /^C-\d{5}$/.test(c.id))).toBe(true);
    expect(data.products.every((p) => /^NW-\d{4}$/.test(p.sku) && /^\d{13}$/.test(p.barcode))).toBe(true);
    expect(data.products.every((p) => Number.isInteger(p.priceMinor) && p.priceMinor > 0)).toBe(true);
    expect(data.orders.every((o) => /^SO-\d{5}$/.test(o.id) && /^2026-\d\d-\d\d$/.test(o.date))).toBe(true);
    const skus = new Set(data.products.map((p) => p.sku));
    const customers = new Set(data.customers.map((c) => c.id));
    for (const order of data.orders) {
      expect(customers.has(order.customerId)).toBe(true);
      expect(order.lines.length).toBeGreaterThan(0);
      for (const line of order.lines) expect(skus.has(line.sku)).toBe(true);
    }
  });

  it('leaves out the phone for about one customer in ten and the email for a few', () => {
    const noPhone = data.customers.filter((c) => c.phone === null).length;
    const noEmail = data.customers.filter((c) => c.email === null).length;
    expect(noPhone).toBeGreaterThanOrEqual(15);
    expect(noPhone).toBeLessThanOrEqual(45);
    expect(noEmail).toBeGreaterThanOrEqual(2);
    expect(noEmail).toBeLessThanOrEqual(20);
  });

  it('writes phones in several real-world formats', () => {
    const phones = data.customers.flatMap((c) => (c.phone === null ? [] : [c.phone]));
    expect(phones.some((p) => /^\(\d{3}\) 555-\d{4}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^\+1 \d{3} 555 \d{4}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^\d{3}\.555\.\d{4}$/.test(p))).toBe(true);
  });

  it('names C-00007 with a stored-XSS payload', () => {
    expect(data.customers.find((c) => c.id === XSS_CUSTOMER_ID)?.name).toBe(
      '<img src=x onerror=alert(1)>Mallory "Bobby" Tables',
    );
  });
});

describe('demo server', () => {
  it('binds to 127.0.0.1 and serves an index linking each back office', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { status, text } = await get('/');
    expect(status).toBe(200);
    for (const backOffice of demoBackOffices) expect(text).toContain(`href="${backOffice.pages[0]?.path}"`);
  });

  it.each([
    '/rep/customers',
    '/rep/customers?page=3',
    `/rep/customers/${SAMPLE_CUSTOMER_ID}`,
    '/rep/products',
    '/rep/products/NW-1001',
    '/rep/orders?page=40',
    '/rep/settings',
    '/rep/login',
  ])('serves %s as a complete, uncached HTML page', async (path) => {
    const { status, headers, text } = await get(path);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(text.startsWith('<!doctype html>')).toBe(true);
    expect(text).toContain('<html lang="en">');
    expect(text).toMatch(/<title>[^<]+<\/title>/);
    expect(text).toContain('<style>');
    if (path !== '/rep/login') {
      const nav = text.match(/<nav class="sidenav"[\s\S]*?<\/nav>/)?.[0] ?? '';
      for (const label of ['Customers', 'Products', 'Orders', 'Settings'])
        expect(nav).toContain(`>${label}</a`);
    }
  });

  it('renders the customer detail in the exact markup the adapter reads', async () => {
    const { text } = await get(`/rep/customers/${SAMPLE_CUSTOMER_ID}`);
    expect(text).toContain(`<main class="customer-detail" data-customer-id="C-00042">
  <h1 class="customer-name">Ada Lovelace</h1>
  <dl class="customer-fields">
    <dt>Customer ID</dt><dd class="customer-id">C-00042</dd>
    <dt>Email</dt><dd><a class="customer-email" href="mailto:ada@example.com">ada@example.com</a></dd>
    <dt>Phone</dt><dd class="customer-phone">(415) 555-0134</dd>
    <dt>Company</dt><dd class="customer-company">Analytical Engines Ltd.</dd>
    <dt>City</dt><dd class="customer-city">San Francisco</dd>
  </dl>
  <section class="customer-orders"><h2>Recent orders</h2><table>`);
    expect(text).toMatch(/<\/table><\/section>\n<\/main>/);
    const orders = data.orders.filter((o) => o.customerId === SAMPLE_CUSTOMER_ID);
    expect(orders.length).toBeGreaterThan(0);
    for (const order of orders) expect(text).toContain(`<td>${order.id}</td>`);
  });

  it('omits the Phone and Email rows when the back office has none', async () => {
    const noPhone = data.customers.find((c) => c.phone === null);
    const noEmail = data.customers.find((c) => c.email === null);
    if (!noPhone || !noEmail) throw new Error('seed 42 should have customers without phone and email');
    const phoneless = await get(`/rep/customers/${noPhone.id}`);
    expect(phoneless.text).toContain(`data-customer-id="${noPhone.id}"`);
    expect(phoneless.text).not.toContain('<dt>Phone</dt>');
    expect(phoneless.text).not.toContain('customer-phone');
    const emailless = await get(`/rep/customers/${noEmail.id}`);
    expect(emailless.text).not.toContain('<dt>Email</dt>');
    expect(emailless.text).not.toContain('customer-email');
  });

  it('shows the stored-XSS name as literal text', async () => {
    const { text } = await get(`/rep/customers/${XSS_CUSTOMER_ID}`);
    expect(text).toContain(
      '<h1 class="customer-name">&lt;img src=x onerror=alert(1)&gt;Mallory &quot;Bobby&quot; Tables</h1>',
    );
    expect(text).toContain('&lt;img');
    expect(text).not.toContain('<img src=x');
    expect(text).not.toContain(XSS_CUSTOMER_NAME);
    // The list pages print it too.
    const list = await get('/rep/customers');
    expect(list.text).toContain('&lt;img src=x');
    expect(list.text).not.toContain('<img src=x');
  });

  it('pages the customer list 50 at a time', async () => {
    const { text } = await get('/rep/customers?page=2');
    const rows = text.match(/<a href="\/rep\/customers\/C-\d{5}">/g) ?? [];
    expect(rows).toHaveLength(50);
    expect(text).toContain('href="/rep/customers/C-00051"');
    expect(text).not.toContain('href="/rep/customers/C-00050"');
    expect(text).toContain('Page 2 of 6');
  });

  it('links the CSV exports from the product and order lists', async () => {
    expect((await get('/rep/products')).text).toMatch(
      /href="\/rep\/export\/products\.csv"[^>]*>Export products \(CSV\)</,
    );
    expect((await get('/rep/orders')).text).toMatch(
      /href="\/rep\/export\/orders\.csv"[^>]*>Export orders \(CSV\)</,
    );
  });

  it('exports the products as RFC 4180 CSV that parses back to every product', async () => {
    const { status, headers, text } = await get('/rep/export/products.csv');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toBe('attachment; filename="northwind-products.csv"');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe('sku,name,category,price,currency,barcode');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');

    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBe(data.products.length);
    expect(parsed.data.length).toBeGreaterThanOrEqual(950);
    // Names with commas and quotes survive the round trip.
    const tricky = data.products.filter((p) => p.name.includes(',') || p.name.includes('"'));
    expect(data.products.some((p) => p.name.includes('"'))).toBe(true);
    expect(data.products.some((p) => p.name.includes(','))).toBe(true);
    const bySku = new Map(parsed.data.map((row) => [row.sku, row]));
    for (const product of tricky) expect(bySku.get(product.sku)?.name).toBe(product.name);
    const first = data.products[0];
    expect(bySku.get(first?.sku ?? '')?.price).toBe(((first?.priceMinor ?? 0) / 100).toFixed(2));
    expect(parsed.data.every((row) => /^\d+\.\d{2}$/.test(row.price ?? ''))).toBe(true);
  });

  it('exports the orders one row per line', async () => {
    const { headers, text } = await get('/rep/export/orders.csv');
    expect(headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(text.split('\r\n')[0]).toBe(
      'order_id,order_date,customer_id,customer_email,sku,quantity,unit_price,currency',
    );
    const lines = data.orders.reduce((sum, order) => sum + order.lines.length, 0);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(lines);
  });

  it('answers 404 for unknown paths and unknown ids', async () => {
    for (const path of ['/nowhere', '/rep/nowhere', '/rep/customers/C-99999', '/rep/products/NW-0000']) {
      const { status, headers } = await get(path);
      expect(status, path).toBe(404);
      expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
  });

  it('redirects the forms after a POST, as a real back office would', async () => {
    const saved = await fetch(`${server.url}/rep/settings`, {
      method: 'POST',
      body: 'displayName=x',
      redirect: 'manual',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/rep/settings?saved=1');
    expect((await get('/rep/settings?saved=1')).text).toContain('Settings saved.');
  });

  it('serves a heavy customer page of at least 5,000 elements with the same customer markup', async () => {
    const { status, text } = await get('/bench/customers/C-00042');
    expect(status).toBe(200);
    expect(text).toContain('<main class="customer-detail" data-customer-id="C-00042">');
    expect(text).toContain('<h1 class="customer-name">Ada Lovelace</h1>');
    expect(text).toContain('<dd class="customer-phone">(415) 555-0134</dd>');
    const elements = countElements(text);
    expect(elements).toBeGreaterThanOrEqual(5000);
    expect(elements).toBeLessThanOrEqual(6000);
  });
});
