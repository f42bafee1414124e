// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveCapturedContact } from '../../../../src/db/contacts';
import { readSnapshot } from '../../../../src/db/dashboard-snapshot';
import { TallyDatabase } from '../../../../src/db/database';
import { importCatalog } from '../../../../src/db/products';
import { deletePurchase, recordPurchase } from '../../../../src/db/purchases';
import type { Contact } from '../../../../src/domain/contact';
import type { PurchaseKind } from '../../../../src/domain/purchase';
import { BestCustomers } from '../../../../src/ui/reports/BestCustomers';
import { createBestCustomersModel, PAGE_SIZE } from '../../../../src/ui/reports/best-customers-model';
import { SpendPatterns } from '../../../../src/ui/reports/SpendPatterns';
import { createSpendPatternsModel } from '../../../../src/ui/reports/spend-patterns-model';

const TODAY = '2026-11-22';
const product = { productId: crypto.randomUUID(), sku: 'NW-1', name: 'Hand Cream' };

let db: TallyDatabase;
let root: HTMLElement;
let downloads: { filename: string; text: string }[];
beforeEach(async () => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  root = document.createElement('div');
  document.body.append(root);
  downloads = [];
  await importCatalog(db, [
    { sku: 'NW-1', name: 'Hand Cream', price: { minor: 1000, currency: 'USD' }, extra: {} },
  ]);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

async function contact(name: string, email?: string): Promise<Contact> {
  const saved = await saveCapturedContact(
    db,
    { backOffice: 'northwind', name, ...(email ? { email } : {}), url: 'http://127.0.0.1/' },
    'US',
  );
  return saved.contact;
}

async function record(
  who: Contact,
  purchaseDate: string,
  minor: number,
  options: { kind?: PurchaseKind; currency?: string } = {},
) {
  const currency = options.currency ?? 'USD';
  const price = { minor, currency };
  return recordPurchase(db, {
    contactId: who.id,
    kind: options.kind ?? 'purchase',
    purchaseDate,
    currency,
    lines: [{ ...product, quantity: 1, unitPrice: price, catalogPrice: price }],
  });
}

const cells = (selector: string) =>
  [...root.querySelectorAll(`${selector} tbody tr`)].map((row) =>
    [...row.querySelectorAll('th,td')].map((cell) => cell.textContent ?? ''),
  );

function change(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('best customers', () => {
  async function shown() {
    const model = createBestCustomersModel({
      db,
      locale: 'en-US',
      download: (filename, text) => downloads.push({ filename, text }),
      today: () => TODAY,
    });
    await model.refresh();
    await act(() => render(<BestCustomers model={model} />, root));
    return model;
  }

  it('ranks the last 12 months by default and follows the period the user picks', async () => {
    const ada = await contact('Ada Lovelace');
    const bob = await contact('Bob Babbage');
    await record(ada, '2025-11-30', 90_000); // the day before the default period
    await record(ada, '2026-02-01', 4000);
    await record(bob, '2026-11-22', 5000);
    await record(bob, '2026-10-01', 2500, { kind: 'sample' });
    const deleted = await record(bob, '2026-10-02', 99_000);
    await deletePurchase(db, deleted.id);

    const model = await shown();
    expect(model.fields.fromText.value).toBe('2025-12-01');
    expect(cells('table')).toEqual([
      ['1', 'Bob Babbage', '', '1', '$50.00', '$50.00', 'Nov 22, 2026'],
      ['2', 'Ada Lovelace', '', '1', '$40.00', '$40.00', 'Feb 1, 2026'],
    ]);
    expect(root.querySelector('table a')?.getAttribute('href')).toBe(`#contact=${bob.id}`);

    const from = root.querySelector<HTMLInputElement>('input[type=date]');
    await act(() => change(from!, '2025-11-01'));
    expect(cells('table').map((row) => row.slice(0, 2))).toEqual([
      ['1', 'Ada Lovelace'],
      ['2', 'Bob Babbage'],
    ]);
    // Chosen by the user, the period stays when the dashboard refreshes.
    await model.refresh();
    expect(model.fields.fromText.value).toBe('2025-11-01');

    await act(() => change(from!, '2027-01-01'));
    expect(root.querySelector('.field-problem')?.textContent).toBe('To must not be before From.');
    expect(root.querySelector('table')).toBeNull();
    expect(root.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled).toBe(true);
  });

  it('shows 20 at first, more on Show more, and exports the whole ranking', async () => {
    for (let index = 0; index < PAGE_SIZE + 5; index += 1) {
      const who = await contact(`Customer ${String(index + 1).padStart(2, '0')}`);
      await record(who, '2026-06-01', 1000 * (index + 1));
    }
    const model = await shown();
    expect(cells('table')).toHaveLength(PAGE_SIZE);
    expect(cells('table')[0]?.[1]).toBe('Customer 25');
    const more = [...root.querySelectorAll('button')].find((button) => button.textContent === 'Show more');
    await act(() => more?.click());
    expect(cells('table')).toHaveLength(PAGE_SIZE + 5);
    expect([...root.querySelectorAll('button')].some((button) => button.textContent === 'Show more')).toBe(
      false,
    );

    await model.exportCsv();
    expect(downloads.map((one) => one.filename)).toEqual(['best-customers-2025-12-01-to-2026-11-22.csv']);
    const rows = Papa.parse<string[]>(downloads[0]?.text.slice(1) ?? '', { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(PAGE_SIZE + 5 + 1);
    expect(rows[1]?.slice(0, 8)).toEqual(['1', 'Customer 25', '', '', '1', '250.00', '250.00', 'USD']);
    expect(model.status.value).toBe('Exported 25 customers.');
  });

  it('ranks by orders when asked, and says when other currencies come after', async () => {
    const ada = await contact('Ada Lovelace');
    const bob = await contact('Bob Babbage');
    const eve = await contact('Eve Euro');
    await record(ada, '2026-03-01', 100);
    await record(ada, '2026-03-02', 100);
    await record(bob, '2026-03-01', 9000);
    await record(eve, '2026-03-01', 900_000, { currency: 'EUR' });
    const model = await shown();
    expect(cells('table').map((row) => row[1])).toEqual(['Bob Babbage', 'Ada Lovelace', 'Eve Euro']);
    expect(root.textContent).toContain('Spend is ranked in USD; customers who spent only in EUR come after.');
    await act(() => model.chooseRankBy('orders'));
    expect(cells('table').map((row) => row[1])).toEqual(['Ada Lovelace', 'Bob Babbage', 'Eve Euro']);
    expect(cells('table')[2]?.[4]).toBe('€9,000.00');
  });

  it('says when the export fails, and lets the user try again', async () => {
    await record(await contact('Ada Lovelace'), '2026-03-01', 100);
    const model = createBestCustomersModel({
      db,
      download: () => {
        throw new Error('Downloads are blocked.');
      },
      today: () => TODAY,
    });
    await model.refresh();
    await model.exportCsv();
    expect(model.error.value).toBe('Best customers were not exported: Downloads are blocked.');
    expect(model.status.value).toBeNull();
    expect(model.busy.value).toBe(false);
  });
});

describe('report data', () => {
  it('walks the catalog once for both reports when they refresh from the same snapshot', async () => {
    await record(await contact('Ada Lovelace'), '2026-03-01', 100, { currency: 'EUR' });
    const snapshot = await readSnapshot(db);
    const read = () => Promise.resolve(snapshot);
    const walks = vi.spyOn(db.products, 'each');
    const best = createBestCustomersModel({ db, read, download: () => {}, today: () => TODAY });
    const patterns = createSpendPatternsModel({ db, read, today: () => TODAY });
    await Promise.all([best.refresh(), patterns.refresh()]);
    expect(walks).toHaveBeenCalledTimes(1);
    // The catalog's currency, not the one most spent in.
    expect([best.currency.value, patterns.currency.value]).toEqual(['USD', 'USD']);

    await best.refresh();
    expect(walks).toHaveBeenCalledTimes(1);
    await createBestCustomersModel({ db, download: () => {}, today: () => TODAY }).refresh();
    expect(walks).toHaveBeenCalledTimes(2);
  });
});

describe('spend patterns', () => {
  async function shown() {
    const model = createSpendPatternsModel({ db, locale: 'en-US', today: () => TODAY });
    await model.refresh();
    await act(() => render(<SpendPatterns model={model} />, root));
    return model;
  }

  it('charts twelve months for everyone, empty months at 0, with the numbers as a table', async () => {
    const ada = await contact('Ada Lovelace', 'ada@example.com');
    const bob = await contact('Bob Babbage');
    await record(ada, '2026-01-15', 12_000);
    await record(bob, '2026-01-20', 3000);
    await record(ada, '2026-11-01', 5000);
    await record(ada, '2026-05-01', 7000, { kind: 'sample' });
    const model = await shown();
    const chart = root.querySelector('svg[role=img]');
    expect(chart?.getAttribute('aria-label')).toBe(
      'Monthly spend in USD for everyone from Dec 2025 to Nov 2026: $200.00 over 3 orders; highest Jan 2026, $150.00.',
    );
    expect(chart?.querySelectorAll('rect')).toHaveLength(12);
    const ticks = [...(chart?.querySelectorAll('.axis text') ?? [])].map((tick) => tick.textContent);
    expect(ticks).toEqual(['$0.00', '$50.00', '$100.00', '$150.00']);

    const toggle = [...root.querySelectorAll('button')].find(
      (button) => button.textContent === 'Show as table',
    );
    await act(() => toggle?.click());
    expect(toggle?.getAttribute('aria-pressed')).toBe('true');
    const rows = cells('table');
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual(['Dec 2025', '0', '$0.00']);
    expect(rows[1]).toEqual(['Jan 2026', '2', '$150.00']);
    expect(rows[11]).toEqual(['Nov 2026', '1', '$50.00']);

    // One contact, found by searching.
    await model.search('ada');
    await act(() => undefined);
    const pick = [...root.querySelectorAll('button')].find(
      (button) => button.textContent === 'Show Ada Lovelace',
    );
    await act(() => pick?.click());
    expect(cells('table')[1]).toEqual(['Jan 2026', '1', '$120.00']);
    expect(root.querySelector('svg')?.getAttribute('aria-label')).toMatch(
      /^Monthly spend in USD for Ada Lovelace /,
    );
  });

  it('shows one currency at a time and lets the user pick another spent in the period', async () => {
    const ada = await contact('Ada Lovelace');
    await record(ada, '2026-02-01', 1000);
    await record(ada, '2026-03-01', 2000, { currency: 'EUR' });
    const model = await shown();
    expect(model.currencies.value).toEqual(['USD', 'EUR']);
    expect(root.textContent).toContain('Purchases in this period were made in USD, EUR');
    await act(() => model.chooseCurrency('EUR'));
    expect(root.querySelector('svg')?.getAttribute('aria-label')).toContain('€20.00 over 1 order');
  });
});
