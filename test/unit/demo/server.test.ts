import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import Papa from 'papaparse';
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
import { useDemoServer } from './support';

const data = generateDemoData(42);
const server = useDemoServer();
const { get } = server;

describe('demo data', () => {
  it('is the same for the same seed and different for another', () => {
    expect(generateDemoData(42)).toEqual(generateDemoData(42));
    const other = generateDemoData(7);
    expect(other.customers[0]).not.toEqual(data.customers[0]);
    expect(other.repair.customers[0]).not.toEqual(data.repair.customers[0]);
    expect(other.pos.contacts[0]).not.toEqual(data.pos.contacts[0]);
    expect(other.crm.clients[0]).not.toEqual(data.crm.clients[0]);
  });

  it('keeps Northwind’s customers, products and orders as they were before the other back offices came', () => {
    // Tests, fixtures and screenshots name Northwind customers by id: their data must never shift.
    const { customers, products, orders } = data;
    expect(createHash('sha256').update(JSON.stringify({ customers, products, orders })).digest('hex')).toBe(
      '3b5847507ab18259f6322c18f1a386184f6b8b090ae741f2a596f50dc708a96d',
    );
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
  it('binds to 127.0.0.1 and serves an index linking each back office and its redesign switch', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { status, text } = await get('/');
    expect(status).toBe(200);
    for (const backOffice of demoBackOffices) {
      for (const page of backOffice.pages)
        expect(text).toContain(`href="${page.path.replace(/&/g, '&amp;')}"`);
    }
    for (const id of ['rep', 'repair', 'pos', 'crm']) {
      expect(text).toContain(`href="/__demo/redesign?backOffice=${id}&amp;on=1"`);
    }
  });

  it('serves every listed page of every back office', async () => {
    for (const page of demoBackOffices.flatMap((backOffice) => backOffice.pages)) {
      expect((await get(page.path)).status, page.path).toBe(200);
    }
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

  it('shows the stored-XSS name as literal text on the server-rendered pages', async () => {
    // Newest first, 50 a page: C-00007's latest order is on page 8 with seed 42.
    const { text } = await get('/rep/orders?page=8');
    expect(text).toContain(`<a href="/rep/customers/${XSS_CUSTOMER_ID}">`);
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;Mallory &quot;Bobby&quot; Tables');
    expect(text).not.toContain('<img src=x');
    expect(text).not.toContain(XSS_CUSTOMER_NAME);
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
    for (const path of [
      '/nowhere',
      '/rep/nowhere',
      '/rep/customers/C-99999',
      '/rep/products/NW-0000',
      '/repair/customer?id=9999',
      '/crm/clients/9999',
    ]) {
      const { status, headers } = await get(path);
      expect(status, path).toBe(404);
      expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
  });

  it.each([
    ['/rep/settings', '/rep/settings?saved=1', 'Settings saved.'],
    ['/repair/settings', '/repair/settings?saved=1', 'Saved.'],
    ['/pos/settings', '/pos/settings?saved=1', 'Settings saved.'],
    ['/rep/login', '/rep/customers', null],
    ['/repair/login', '/repair/customers', null],
    ['/pos/login', '/pos/contacts', null],
  ])('redirects a POST to %s, as a real back office would', async (path, location, notice) => {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', body: 'x=1', redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(location);
    if (notice) expect((await get(location)).text).toContain(notice);
  });
});
