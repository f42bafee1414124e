import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer';
import { launchWithTally, type TallyBrowser } from '../support/chromium';
import { makeContact, makePurchase, putRows } from '../support/contacts';
import { storedRows } from '../support/indexeddb';
import { openDashboard } from '../support/tour';
import type { Contact } from '../../src/domain/contact';
import type { ContactEvent } from '../../src/domain/contact-event';

const CONTACTS = 'section[aria-labelledby=contacts-heading]';

/** The contacts book on the dashboard, in real Chromium with the built extension. */
describe('contacts book', () => {
  let tally: TallyBrowser;
  let dashboard: Page;

  beforeAll(async () => {
    tally = await launchWithTally({ headless: true });
    dashboard = await openDashboard(tally);
  });

  afterAll(async () => {
    await tally?.close();
  });

  async function contacts(): Promise<ElementHandle> {
    const section = await dashboard.waitForSelector(CONTACTS);
    if (!section) throw new Error('No Contacts section');
    return section;
  }

  async function field(scope: ElementHandle | Page, name: string, text: string, role = 'textbox') {
    const input = await scope.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`);
    if (!input) throw new Error(`No ${name} field`);
    await input.click({ count: 3 });
    await input.press('Backspace');
    await input.type(text);
  }

  async function shownCount(): Promise<string> {
    return dashboard.$eval(`${CONTACTS} [data-field=contacts-shown]`, (element) => element.textContent ?? '');
  }

  async function tableNames(): Promise<string[]> {
    return dashboard.$$eval(`${CONTACTS} tbody th`, (cells) => cells.map((cell) => cell.textContent ?? ''));
  }

  it('adds a contact by hand, refusing a bad email and asking before a second one with the same email', async () => {
    expect(await shownCount()).toMatch(/No contacts yet/);
    const section = await contacts();
    await (await section.waitForSelector('::-p-aria(Add contact)'))?.click();
    await field(section, 'Name', 'Grace Hopper');
    await field(section, 'Company', 'Navy');
    await field(section, 'Email', 'grace@');
    await field(section, 'City', 'Arlington');
    await (await section.waitForSelector('::-p-aria(Save contact)'))?.click();
    await section.waitForSelector('::-p-text(This is not an email address.)');
    expect(await storedRows(dashboard, 'contacts')).toEqual([]);

    await field(section, 'Email', 'grace@navy.example');
    await (await section.waitForSelector('::-p-aria(Save contact)'))?.click();
    await section.waitForSelector('::-p-text(Added Grace Hopper.)');
    await dashboard.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes('1–1 of 1 contacts'),
      {},
      `${CONTACTS} [data-field=contacts-shown]`,
    );
    const [stored] = await storedRows<Contact>(dashboard, 'contacts');
    expect(stored).toMatchObject({
      name: 'Grace Hopper',
      company: 'Navy',
      email: 'grace@navy.example',
      address: { city: 'Arlington' },
    });

    await (await section.waitForSelector('::-p-aria(Add contact)'))?.click();
    await field(section, 'Name', 'G. Hopper');
    await field(section, 'Email', 'GRACE@navy.example');
    await (await section.waitForSelector('::-p-aria(Save contact)'))?.click();
    await section.waitForSelector('::-p-text(Grace Hopper already has this email.)');
    await (await section.waitForSelector('::-p-aria(Cancel)'))?.click();
    expect(await storedRows(dashboard, 'contacts')).toHaveLength(1);
  });

  it('edits a contact on its screen and shows its figures and sales history', async () => {
    const [grace] = await storedRows<Contact>(dashboard, 'contacts');
    if (!grace) throw new Error('No contact');
    await putRows(dashboard, 'purchases', [
      makePurchase(grace.id, '2026-03-02', 1000),
      makePurchase(grace.id, '2026-06-10', 1500, 2),
      { ...makePurchase(grace.id, '2026-07-01', 9999), kind: 'sample' },
    ]);
    await (
      await (await contacts()).waitForSelector('tbody ::-p-aria([name="Grace Hopper"][role="link"])')
    )?.click();
    await dashboard.waitForSelector('h1::-p-text(Grace Hopper)');
    const figure = (name: string) =>
      dashboard.$eval(`[data-field=${name}]`, (element) => element.textContent?.trim() ?? '');
    expect(await figure('lifetime-spend')).toBe('$40.00');
    expect(await figure('orders')).toBe('2');
    expect(await figure('average-order')).toBe('$20.00');
    expect(await figure('first-purchase')).toMatch(/2026/);
    const history = await dashboard.$$eval('section[aria-labelledby=history-heading] tbody tr', (rows) =>
      rows.map((row) => row.textContent ?? ''),
    );
    expect(history).toHaveLength(3);
    expect(history[0]).toMatch(/Sample.*no charge/);
    expect(history[1]).toMatch(/Purchase.*2 × Hand Cream.*\$30\.00/);

    await (await dashboard.waitForSelector('::-p-aria(Edit contact)'))?.click();
    const form = await dashboard.waitForSelector('form[aria-label="Edit contact"]');
    if (!form) throw new Error('No edit form');
    await field(form, 'Phone', '+1 703 555 0100');
    await field(form, 'Tags (separated by commas)', 'admiral, VIP');
    await (await form.waitForSelector('::-p-aria(Save contact)'))?.click();
    await dashboard.waitForSelector('::-p-text(Saved Grace Hopper.)');
    expect(await dashboard.$eval('.contact-screen dl', (list) => list.textContent)).toMatch(/admiral, VIP/);
    const events = await storedRows<ContactEvent>(dashboard, 'contactEvents');
    expect(events.map((event) => event.kind).sort()).toEqual(['created', 'edited']);
    const edited = events.find((event) => event.kind === 'edited');
    expect(edited?.changes.map((change) => change.field)).toEqual(['phone', 'tags']);
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    await dashboard.waitForSelector(CONTACTS);
  });

  it('searches, filters, sorts and pages a large book', async () => {
    const seeded = Array.from({ length: 120 }, (_, index) =>
      makeContact({
        name: `Customer ${String(index).padStart(3, '0')}`,
        role: index % 10 === 0 ? 'supplier' : 'customer',
        company: index === 77 ? 'Zebra Supplies' : 'Acme',
      }),
    );
    await putRows(dashboard, 'contacts', seeded);
    const big = seeded[42];
    if (!big) throw new Error('No contact');
    await putRows(dashboard, 'purchases', [makePurchase(big.id, '2026-05-05', 500_000)]);
    await dashboard.reload();
    await dashboard.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes('1–50 of 121 contacts'),
      {},
      `${CONTACTS} [data-field=contacts-shown]`,
    );
    expect((await tableNames())[0]).toBe('Customer 000');

    const section = await contacts();
    await (await section.waitForSelector('::-p-aria(Next page)'))?.click();
    await dashboard.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes('51–100 of 121'),
      {},
      `${CONTACTS} [data-field=contacts-shown]`,
    );
    expect((await tableNames())[0]).toBe('Customer 050');

    await field(section, 'Search contacts', 'zebra', 'searchbox');
    await dashboard.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes('1–1 of 1 contacts'),
      {},
      `${CONTACTS} [data-field=contacts-shown]`,
    );
    expect(await tableNames()).toEqual(['Customer 077']);
    await field(section, 'Search contacts', '', 'searchbox');

    const show = await section.waitForSelector('::-p-aria([name="Show"][role="combobox"])');
    await show?.select('suppliers');
    await dashboard.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes('of 12 contacts'),
      {},
      `${CONTACTS} [data-field=contacts-shown]`,
    );
    await show?.select('all');

    const sort = await section.waitForSelector('::-p-aria([name="Sort by"][role="combobox"])');
    await sort?.select('spend');
    await dashboard.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent === 'Customer 042',
      {},
      `${CONTACTS} tbody tr:first-child th`,
    );
    expect((await tableNames())[1]).toBe('Grace Hopper');
  });
  it('deletes a contact without records, with Undo, and refuses one that has purchases', async () => {
    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    const openContact = async (name: string) => {
      const section = await contacts();
      await field(section, 'Search contacts', name, 'searchbox');
      await (await section.waitForSelector(`tbody ::-p-aria([name="${name}"][role="link"])`))?.click();
      await dashboard.waitForSelector(`h1::-p-text(${name})`);
    };
    await openContact('Grace Hopper');
    await (await dashboard.waitForSelector('::-p-aria(Delete contact)'))?.click();
    await dashboard.waitForSelector(
      '::-p-text(Grace Hopper was not deleted: Grace Hopper has 2 purchases, 1 sample: merge the contact)',
    );

    await dashboard.goto(`${tally.extensionOrigin}/dashboard.html`);
    await openContact('Customer 001');
    await (await dashboard.waitForSelector('::-p-aria(Delete contact)'))?.click();
    await dashboard.waitForSelector('::-p-text(Deleted Customer 001.)');
    const stored = async () =>
      (await storedRows<Contact>(dashboard, 'contacts')).find((contact) => contact.name === 'Customer 001');
    expect((await stored())?.deletedAt).toBeDefined();
    await (await dashboard.waitForSelector('::-p-aria(Undo)'))?.click();
    await dashboard.waitForSelector('::-p-text(Customer 001 is back.)');
    expect((await stored())?.deletedAt).toBeUndefined();
  });
});
