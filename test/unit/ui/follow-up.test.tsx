// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCapturedContact } from '../../../src/db/contacts';
import { TallyDatabase } from '../../../src/db/database';
import { recordPurchase } from '../../../src/db/purchases';
import { readSetting, writeSetting } from '../../../src/db/settings';
import type { Contact } from '../../../src/domain/contact';
import type { PurchaseKind } from '../../../src/domain/purchase';
import { dueForContact } from '../../../src/domain/reorder';
import { createDashboardModel } from '../../../src/ui/dashboard/dashboard-model';
import { FollowUp } from '../../../src/ui/dashboard/FollowUp';
import { createFollowUpModel, parseConversionWindow } from '../../../src/ui/dashboard/follow-up-model';
import { ReorderDue } from '../../../src/ui/sidebar/ReorderDue';

const TODAY = '2026-03-01';
const cream = { productId: crypto.randomUUID(), sku: 'NW-1', name: 'Hand Cream' };
const soap = { productId: crypto.randomUUID(), sku: 'NW-2', name: 'Lavender Soap' };
const price = { minor: 1250, currency: 'USD' };

let db: TallyDatabase;
let root: HTMLElement;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

async function contact(name: string): Promise<Contact> {
  const saved = await saveCapturedContact(
    db,
    { backOffice: 'northwind', name, url: 'http://127.0.0.1/' },
    'US',
  );
  return saved.contact;
}
async function record(kind: PurchaseKind, who: Contact, purchaseDate: string, ...products: (typeof cream)[]) {
  await recordPurchase(db, {
    contactId: who.id,
    kind,
    purchaseDate,
    currency: 'USD',
    lines: products.map((product) => ({ ...product, quantity: 2, unitPrice: price, catalogPrice: price })),
  });
}

/**
 * The follow-up model as the dashboard wires it: over the purchases the dashboard model loads.
 * Its refresh reloads both, as the dashboard does.
 */
function followUpModel() {
  const history = createDashboardModel({ db, download: () => undefined });
  const model = createFollowUpModel({ db, history, today: () => TODAY });
  const refresh = async () => {
    await Promise.all([history.refresh(), model.refresh()]);
  };
  return { ...model, refresh };
}

/** Ada is due for cream and overdue for soap; Bob's cream is not due yet; Cy's contact is deleted. */
async function seed() {
  const [ada, bob, cy] = [
    await contact('Ada Lovelace'),
    await contact('Bob Marley'),
    await contact('Cy Twombly'),
  ];
  await record('purchase', ada, '2026-01-01', cream, soap);
  await record('purchase', ada, '2026-01-31', cream);
  await record('purchase', ada, '2026-01-11', soap); // soap every 10 days: due 01-21
  await record('purchase', bob, '2026-02-01', cream);
  await record('purchase', bob, '2026-02-21', cream); // due 03-13
  await record('purchase', cy, '2026-01-01', cream);
  await record('purchase', cy, '2026-01-15', cream);
  await db.contacts.update(cy.id, { deletedAt: '2026-02-01T00:00:00.000Z' });
  // Samples: Ada's soap converts on 01-11 (10 days); Bob's soap sample is bought 40 days later.
  await record('sample', ada, '2026-01-01', soap);
  await record('sample', bob, '2026-01-01', soap);
  await record('purchase', bob, '2026-02-10', soap);
  await record('sample', bob, '2026-02-25', cream); // still within the window on 03-01
  return { ada, bob };
}

describe('settings', () => {
  it('reads the default when unset or no longer valid, and refuses a value the schema does not allow', async () => {
    expect(await readSetting(db, 'sampleConversionDays')).toBe(30);
    await db.settings.put({ key: 'sampleConversionDays', value: 'ninety' });
    expect(await readSetting(db, 'sampleConversionDays')).toBe(30);
    await writeSetting(db, 'sampleConversionDays', 45);
    expect(await readSetting(db, 'sampleConversionDays')).toBe(45);
    await expect(writeSetting(db, 'sampleConversionDays', 400)).rejects.toThrow(/^at most 365 days$/);
    await expect(writeSetting(db, 'reorderLookaheadDays', -1)).rejects.toThrow(/^at least 0 days$/);
    expect(await readSetting(db, 'sampleConversionDays')).toBe(45);
  });
});

describe('follow-up model', () => {
  it('lists who is due to reorder what, most overdue first, for live contacts only', async () => {
    await seed();
    const model = followUpModel();
    await model.refresh();
    expect(
      model.due.value.map((row) => [row.contactName, row.productName, row.daysUntilDue, row.lapsed]),
    ).toEqual([
      ['Ada Lovelace', 'Hand Cream', 1, false],
      ['Ada Lovelace', 'Lavender Soap', -39, true], // lapsed: listed after the others
    ]);
    expect(model.due.value[0]).toMatchObject({
      lastPurchaseDate: '2026-01-31',
      lastQuantity: 2,
      intervalDays: 30,
    });

    await writeSetting(db, 'reorderLookaheadDays', 30);
    await model.refresh();
    expect(model.due.value.map((row) => [row.contactName, row.productName])).toEqual([
      ['Ada Lovelace', 'Hand Cream'],
      ['Bob Marley', 'Hand Cream'],
      ['Ada Lovelace', 'Lavender Soap'],
    ]);
  });

  it('counts conversion in the saved window and recounts when the window is saved', async () => {
    await seed();
    const model = followUpModel();
    await model.refresh();
    expect(model.windowText.value).toBe('30');
    const soapRow = () => model.conversion.value.products.find((row) => row.productName === 'Lavender Soap');
    expect(soapRow()).toMatchObject({ samples: 2, converted: 1, rate: 0.5 });
    expect(model.conversion.value.overall).toMatchObject({ samples: 3, converted: 1, pending: 1 });

    await model.saveConversionWindow(' 45 ');
    expect(await readSetting(db, 'sampleConversionDays')).toBe(45);
    expect(model.windowText.value).toBe('45');
    expect(soapRow()).toMatchObject({ samples: 2, converted: 2, rate: 1 });
  });

  it('marks an invalid window, saves nothing and keeps what the user typed', async () => {
    await seed();
    const model = followUpModel();
    await model.refresh();
    for (const [text, message] of [
      ['0', 'The conversion window must be at least 1 day.'],
      ['366', 'The conversion window must be at most 365 days.'],
      ['2.5', 'The conversion window must be a whole number of days.'],
      ['', 'The conversion window must be a whole number of days.'],
      ['a month', 'The conversion window must be a whole number of days.'],
    ]) {
      await model.saveConversionWindow(text as string);
      expect(model.windowError.value).toBe(message);
      expect(model.windowText.value).toBe(text);
    }
    expect(await db.settings.get('sampleConversionDays')).toBeUndefined();
    expect(model.conversionDays.value).toBe(30);

    await model.refresh();
    expect(model.windowText.value).toBe('a month');
    await model.saveConversionWindow('60');
    expect(model.windowError.value).toBeNull();
    expect(model.conversionDays.value).toBe(60);
  });

  it('parses the window text as the field gives it', () => {
    expect(parseConversionWindow('7')).toBe(7);
    expect(parseConversionWindow('+7')).toBe(7);
    expect(parseConversionWindow('-7')).toBe('The conversion window must be at least 1 day.');
    expect(parseConversionWindow('99999999999999999999')).toMatch(/^The conversion window must be /);
  });
});

describe('follow-up on the dashboard', () => {
  const table = (heading: string) => {
    const section = [...root.querySelectorAll('section')].find(
      (one) => one.querySelector('h2')?.textContent === heading,
    );
    if (!section) throw new Error(`No section "${heading}"`);
    return [...section.querySelectorAll('tr')].map((row) =>
      [...row.querySelectorAll('th,td')].map((cell) => cell.textContent?.trim()),
    );
  };

  it('shows the due reorders and the conversion per product, and saves the window', async () => {
    await seed();
    const model = followUpModel();
    await model.refresh();
    await act(() => render(<FollowUp model={model} />, root));

    expect(table('Due for reorder')).toEqual([
      ['Contact', 'Product', 'Last bought', 'Usually every', 'Due'],
      ['Ada Lovelace', 'Hand Cream', 'Jan 31, 2026 (2 ×)', '30 days', 'Mar 2, 2026 (due in 1 day)'],
      ['Ada Lovelace', 'Lavender Soap', 'Jan 11, 2026 (2 ×)', '10 days', 'overdue by 39 days (lapsed)'],
    ]);
    expect(root.textContent).toContain('Lapsed: overdue by more than three usual intervals');
    expect(table('Sample conversion')).toEqual([
      ['Product', 'Samples', 'Converted', 'Rate'],
      ['Lavender Soap', '2', '1', '50%'],
      ['Hand Cream', '1', '0', '0%'],
      ['All products', '3', '1', '33%'],
    ]);
    expect(root.textContent).toContain('1 sample is still within the window');

    const label = [...root.querySelectorAll('label')].find((one) =>
      one.textContent?.startsWith('Conversion window (days)'),
    );
    const input = label?.querySelector('input') as HTMLInputElement;
    input.value = '400';
    await act(async () => {
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(root.querySelector('[role=alert]')?.textContent).toBe(
      'The conversion window must be at most 365 days.',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('conversion-window-error');

    input.value = '45';
    await act(async () => {
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(root.querySelector('[role=alert]')).toBeNull();
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(table('Sample conversion')[1]).toEqual(['Lavender Soap', '2', '2', '100%']);
    expect(await readSetting(db, 'sampleConversionDays')).toBe(45);
  });

  it('says so when nothing is due and no sample was given', async () => {
    const model = followUpModel();
    await model.refresh();
    await act(() => render(<FollowUp model={model} />, root));
    expect(root.textContent).toContain('Nothing is due for reorder.');
    expect(root.textContent).toContain('No samples recorded yet.');
    expect(root.querySelector('table')).toBeNull();
  });
});

describe('Due for reorder in the sidebar', () => {
  it('lists one contact’s due products in words, counted from today', async () => {
    const { ada } = await seed();
    const due = dueForContact(await db.purchases.toArray(), ada.id, TODAY, 7);
    await act(() => render(<ReorderDue estimates={due} today={TODAY} />, root));
    expect(root.querySelector('h2')?.textContent).toBe('Due for reorder');
    const items = () => [...root.querySelectorAll('li')].map((item) => item.textContent);
    expect(items()).toEqual([
      'Hand Cream — due in 1 day, usually every 30 days',
      'Lavender Soap — overdue by 39 days, usually every 10 days (lapsed)',
    ]);

    await act(() => render(<ReorderDue estimates={due} today="2026-03-07" />, root));
    expect(items()[0]).toBe('Hand Cream — overdue by 5 days, usually every 30 days');
    await act(() => render(<ReorderDue estimates={due} />, root));
    expect(items()[0]).toBe('Hand Cream — due in 1 day, usually every 30 days');
  });

  it('renders nothing when nothing is due', async () => {
    await act(() => render(<ReorderDue estimates={[]} today={TODAY} />, root));
    expect(root.childNodes).toHaveLength(0);
  });
});
