import { describe, expect, it } from 'vitest';
import { detectContact } from '../../../src/adapters/detect';
import { repair } from '../../../src/adapters/repair';
import { generateDemoData } from '../../demo/seed';
import { REPAIR_NO_PHONE_ID, REPAIR_RTL_ID, REPAIR_SAMPLE_ID } from '../../demo/seed-repair';
import { parseHtml, useDemoServer } from './support';

/** Fixit Repair & Resale: server-rendered, label/value tables without classes, id only in the URL. */
const data = generateDemoData(42);
const server = useDemoServer();

async function open(path: string): Promise<Document> {
  return parseHtml((await server.get(path)).text, server.url + path);
}

/** The customer table as label → text, read the way a person would. */
function fields(doc: Document): Record<string, string> {
  const rows = [...doc.querySelectorAll('tr')].filter(
    (row) => row.children[0]?.tagName === 'TH' && row.children[1]?.tagName === 'TD',
  );
  return Object.fromEntries(
    rows.map((row) => [row.children[0]?.textContent ?? '', row.children[1]?.textContent?.trim() ?? '']),
  );
}

describe('the customer page', () => {
  it('is a label/value table with the id only in the URL and the "Customer #" row', async () => {
    const path = `/repair/customer?id=${REPAIR_SAMPLE_ID}`;
    const doc = await open(path);
    expect(fields(doc)).toMatchObject({
      'Customer #': '1042',
      Name: 'Ada Lovelace',
      Email: 'ada@example.com',
      Phone: '+1 415 555 0134',
      Company: 'Analytical Engines Ltd.',
      Notes: 'Prefers a call when the device is ready.',
    });
    expect(fields(doc)['Address']).toMatch(/^12 Babbage Row\s*San Francisco$/);
    // No class or id on the customer table: the adapter has only the labels.
    const table = doc.querySelector('tr th')?.closest('table');
    expect(table?.attributes).toHaveLength(0);
    expect(
      detectContact(doc, new URL(server.url + path), { adapters: [repair], recipes: [], generic: false }),
    ).toMatchObject({
      status: 'found',
      snapshot: { backOffice: 'repair', externalId: '1042', name: 'Ada Lovelace' },
    });
  });

  it('lists the customer’s repair tickets and buy-backs, newest first', async () => {
    const doc = await open(`/repair/customer?id=${REPAIR_SAMPLE_ID}`);
    const headings = [...doc.querySelectorAll('h2')].map((heading) => heading.textContent);
    expect(headings).toEqual(['Repair tickets', 'Buy-backs']);
    const tickets = data.repair.tickets.filter((ticket) => ticket.customerId === REPAIR_SAMPLE_ID);
    const buyBacks = data.repair.buyBacks.filter((buyBack) => buyBack.customerId === REPAIR_SAMPLE_ID);
    expect(tickets.length).toBeGreaterThan(5);
    expect(buyBacks.length).toBeGreaterThan(2);
    const text = doc.body.textContent ?? '';
    for (const record of [...tickets, ...buyBacks]) expect(text).toContain(record.id);
    expect(text.indexOf(tickets.at(-1)!.id)).toBeLessThan(text.indexOf(tickets[0]!.id));
  });

  it('prints an empty cell for what the shop does not have', async () => {
    const doc = await open(`/repair/customer?id=${REPAIR_NO_PHONE_ID}`);
    expect(fields(doc)).toMatchObject({ Phone: '', Company: '' });
  });

  it('keeps right-to-left names, emoji and markup in the notes as text', async () => {
    const { text } = await server.get(`/repair/customer?id=${REPAIR_RTL_ID}`);
    expect(text).toContain('<td>ليلى حداد 📱</td>');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text).not.toContain('<img src=x');
  });

  it('answers 404 without a customer table for an unknown or missing id', async () => {
    for (const path of ['/repair/customer?id=9999', '/repair/customer']) {
      const { status, text } = await server.get(path);
      expect(status, path).toBe(404);
      expect(text).not.toContain('Customer #');
    }
  });
});

describe('the other pages', () => {
  it('lists customers 50 a page, linking each by ?id=', async () => {
    const { text } = await server.get('/repair/customers?page=2');
    const links = text.match(/<a href="\/repair\/customer\?id=\d+">/g) ?? [];
    expect(links).toHaveLength(50);
    expect(text).toContain('href="/repair/customer?id=1051"');
    expect(text).toContain('Page 2 of 3');
  });

  it('finds customers by name, phone or number', async () => {
    const { text } = await server.get('/repair/customers?q=lovelace');
    expect(text).toContain(`href="/repair/customer?id=${REPAIR_SAMPLE_ID}"`);
  });

  it('lists the tickets, newest first, with their customers', async () => {
    const { text } = await server.get('/repair/tickets');
    const newest = data.repair.tickets.at(-1)!;
    expect(text).toContain(`<td>${newest.id}</td>`);
    expect(text).toContain(`href="/repair/customer?id=${newest.customerId}"`);
  });

  it.each(['/repair/customers', '/repair/tickets', '/repair/settings', '/repair/login'])(
    'serves %s with the shop’s chrome and no customer table',
    async (path) => {
      const { status, text } = await server.get(path);
      expect(status).toBe(200);
      expect(text).toContain('Fixit Repair &amp; Resale');
      expect(text).not.toMatch(/<th>Customer #<\/th>\s*<td>/);
    },
  );

  it('redirects /repair to the customer list', async () => {
    const { status, headers } = await server.get('/repair');
    expect(status).toBe(302);
    expect(headers.get('location')).toBe('/repair/customers');
  });
});
