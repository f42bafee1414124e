import { describe, expect, it } from 'vitest';
import { detectContact } from '../../../src/adapters/detect';
import { adapters } from '../../../src/adapters/registry';
import { benchPages } from '../../demo/backoffices/bench';
import { countElements, parseHtml, useDemoServer } from './support';

/**
 * The benchmark pages: one customer page per back office, about 5,000 elements, complete in the served
 * HTML. Each must be read by its adapter exactly as the live back office is, or the bench measures
 * nothing.
 */
const server = useDemoServer();
const knownOnly = { adapters, recipes: [], generic: false };

const ADA = { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines Ltd.' };

const PAGES = [
  {
    path: '/bench/customers/C-00042',
    adapter: 'northwind',
    contact: { ...ADA, externalId: 'C-00042', phone: '(415) 555-0134' },
  },
  {
    path: '/bench/repair/customer?id=1042',
    adapter: 'repair',
    contact: { ...ADA, externalId: '1042', phone: '+1 415 555 0134' },
  },
  {
    path: '/bench/pos/contacts?contact=42',
    adapter: 'pos',
    contact: { ...ADA, externalId: 'CUS-00042', phone: '415-555-0134', role: 'customer' },
  },
  { path: '/bench/generic/clients/1234', adapter: null, contact: null },
] as const;

describe('benchmark pages', () => {
  it('are the pages the module lists', () => {
    expect(benchPages.pages.map((page) => page.path)).toEqual(PAGES.map((page) => page.path));
  });

  it.each(PAGES)(
    '$path has 5,000–6,000 elements, no script, and its contact',
    async ({ path, adapter, contact }) => {
      const { status, text } = await server.get(path);
      expect(status).toBe(200);
      const elements = countElements(text);
      expect(elements).toBeGreaterThanOrEqual(5000);
      expect(elements).toBeLessThanOrEqual(6000);
      expect(text).not.toContain('<script');
      const url = server.url + path;
      const detection = detectContact(parseHtml(text, url), new URL(url), knownOnly);
      if (adapter === null) {
        expect(detection.status).toBe('none');
        return;
      }
      expect(detection).toMatchObject({ status: 'found', source: { id: adapter } });
      if (detection.status === 'found')
        expect(detection.snapshot).toEqual({ backOffice: adapter, ...contact, url });
    },
  );

  it('renders the Northwind customer in the exact markup the app builds and the adapter reads', async () => {
    const { text } = await server.get('/bench/customers/C-00042');
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
  });

  it('gives the unknown back office a label/value table and no markup an adapter or schema knows', async () => {
    const { text } = await server.get('/bench/generic/clients/1234');
    expect(text).toMatch(/<th>Email<\/th>\s*<td>grace@example\.com<\/td>/);
    expect(text).not.toMatch(
      /itemprop|itemscope|application\/ld\+json|vcard|h-card|customer-detail|contact-drawer/,
    );
  });

  it('answers 404 for other customers', async () => {
    for (const path of [
      '/bench/customers/C-00043',
      '/bench/repair/customer?id=1043',
      '/bench/pos/contacts?contact=3',
    ]) {
      expect((await server.get(path)).status, path).toBe(404);
    }
  });
});
