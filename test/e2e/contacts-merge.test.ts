import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer';
import { launchWithTally, type TallyBrowser } from '../support/chromium';
import { makeContact, makePurchase, putRows } from '../support/contacts';
import { storedRows } from '../support/indexeddb';
import { openDashboard } from '../support/tour';
import type { Contact } from '../../src/domain/contact';
import type { PurchaseRecord } from '../../src/domain/purchase';

const DUPLICATES = 'section[aria-labelledby=duplicates-heading]';

/** Duplicates on the dashboard, merged and unmerged, in real Chromium with the built extension. */
describe('merging duplicate contacts', () => {
  let tally: TallyBrowser;
  let dashboard: Page;
  // The same person twice: captured once, then typed in again with her company.
  const ada = makeContact({ name: 'Ada Lovelace', email: 'ada@example.com', phone: '(415) 555-0134' });
  const again = makeContact(
    { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines' },
    '2026-02-01T10:00:00.000Z',
  );
  const adaPurchase = makePurchase(ada.id, '2026-03-01', 2395);
  const againPurchase = makePurchase(again.id, '2026-03-02', 1250);

  beforeAll(async () => {
    tally = await launchWithTally({ headless: true });
    dashboard = await openDashboard(tally);
    await putRows(dashboard, 'contacts', [ada, again]);
    await putRows(dashboard, 'purchases', [adaPurchase, againPurchase]);
    await dashboard.reload();
    await dashboard.waitForSelector(`${DUPLICATES} ::-p-aria(Review merge)`);
  });

  afterAll(async () => {
    await tally?.close();
  });

  async function section(): Promise<ElementHandle> {
    const found = await dashboard.waitForSelector(DUPLICATES);
    if (!found) throw new Error('No Duplicates section');
    return found;
  }

  async function click(name: string) {
    await (await (await section()).waitForSelector(`::-p-aria(${name})`))?.click();
  }

  const pairTexts = () =>
    dashboard.$$eval(`${DUPLICATES} .duplicate-pairs li span`, (spans) =>
      spans.map((span) => span.textContent),
    );

  const status = async (text: string) =>
    dashboard.waitForFunction(
      (selector, wanted) => document.querySelector(`${selector} [role=status]`)?.textContent === wanted,
      {},
      DUPLICATES,
      text,
    );

  /** The preview table as text: [field, this contact, that contact, result] per row. */
  const previewRows = () =>
    dashboard.$$eval(`${DUPLICATES} .merge-preview tbody tr`, (rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
    );

  const row = async (field: string) => (await previewRows()).find((cells) => cells[0] === field);

  it('lists the pair with its reason, and previews the merge field by field', async () => {
    expect(await pairTexts()).toEqual(['Ada Lovelace and Ada Lovelace — Same email']);
    const review = await (await section()).waitForSelector('::-p-aria(Review merge)');
    const described = await review?.evaluate(
      (button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(described).toBe('Ada Lovelace and Ada Lovelace — Same email');
    await review?.click();

    const older = await dashboard.waitForSelector(`${DUPLICATES} ::-p-aria(Keep Ada Lovelace)`);
    expect(await older?.evaluate((radio) => (radio as HTMLInputElement).checked)).toBe(true);
    expect(await row('Company')).toEqual([
      'Company',
      '',
      'Analytical Engines',
      'Analytical Engines (filled in)',
    ]);
    expect(await row('Phone')).toEqual(['Phone', '(415) 555-0134', '', '(415) 555-0134 (kept)']);
    const moves = await (await section()).$eval('.merge-preview > p', (element) => element.textContent);
    expect(moves).toBe(
      'Moves from Ada Lovelace (Analytical Engines) to Ada Lovelace: 1 purchase. Ada Lovelace (Analytical Engines) is then removed; the merge can be undone.',
    );

    // Keeping the other one: its own values are kept, the first one's fill the gaps.
    await click('Keep Ada Lovelace (Analytical Engines)');
    expect(await row('Phone')).toEqual(['Phone', '(415) 555-0134', '', '(415) 555-0134 (filled in)']);
    expect(await row('Company')).toEqual(['Company', '', 'Analytical Engines', 'Analytical Engines (kept)']);
    await click('Keep Ada Lovelace');
    expect(await row('Company')).toEqual([
      'Company',
      '',
      'Analytical Engines',
      'Analytical Engines (filled in)',
    ]);
  });

  it('merges: both purchases belong to the survivor, the other contact is deleted with mergedInto', async () => {
    await click('Merge contacts');
    await status('Merged Ada Lovelace into Ada Lovelace.');
    await (await section()).waitForSelector('::-p-text(No likely duplicates.)');

    const purchases = await storedRows<PurchaseRecord>(dashboard, 'purchases');
    expect(purchases.map((purchase) => purchase.contactId)).toEqual([ada.id, ada.id]);
    const contacts = new Map((await storedRows<Contact>(dashboard, 'contacts')).map((row) => [row.id, row]));
    expect(contacts.get(again.id)).toMatchObject({ mergedInto: ada.id, deletedAt: expect.any(String) });
    expect(contacts.get(ada.id)).toMatchObject({
      name: 'Ada Lovelace',
      phone: '(415) 555-0134',
      company: 'Analytical Engines',
    });
    expect(contacts.get(ada.id)?.deletedAt).toBeUndefined();
    const merges = await storedRows(dashboard, 'contactMerges');
    expect(merges).toEqual([expect.objectContaining({ survivorId: ada.id, mergedId: again.id })]);
  });

  it('undoes the merge: both contacts back as they were, each purchase with its own contact', async () => {
    await click('Undo merge');
    await status('Undid the merge: Ada Lovelace and Ada Lovelace are two contacts again.');
    await dashboard.waitForFunction(
      (selector) => document.querySelectorAll(`${selector} .duplicate-pairs li`).length === 1,
      {},
      DUPLICATES,
    );

    const purchases = new Map(
      (await storedRows<PurchaseRecord>(dashboard, 'purchases')).map((row) => [row.id, row.contactId]),
    );
    expect(purchases).toEqual(
      new Map([
        [adaPurchase.id, ada.id],
        [againPurchase.id, again.id],
      ]),
    );
    const contacts = new Map((await storedRows<Contact>(dashboard, 'contacts')).map((row) => [row.id, row]));
    expect(contacts.get(ada.id)).toEqual(ada);
    expect(contacts.get(again.id)).toEqual(again);
    expect((await storedRows(dashboard, 'contactMerges'))[0]).toMatchObject({ undoneAt: expect.any(String) });
    expect(await (await section()).$('::-p-aria(Undo merge)')).toBeNull();
  });

  it('says "Not duplicates" for good: the pair stays gone after a reload', async () => {
    await click('Review merge');
    await click('Not duplicates');
    await status('Ada Lovelace and Ada Lovelace will not be offered as duplicates again.');
    await dashboard.reload();
    await (await section()).waitForSelector('::-p-text(No likely duplicates.)');
    expect(await storedRows(dashboard, 'contacts')).toHaveLength(2);
  });

  it('undoes a merge from Recent merges after the dashboard was left and opened again', async () => {
    const grace = makeContact({ name: 'Grace Hopper', phone: '(212) 555-0199' });
    const hopper = makeContact({ name: 'G. Hopper', phone: '212 555 0199' }, '2026-03-01T10:00:00.000Z');
    const hopperPurchase = makePurchase(hopper.id, '2026-03-05', 990);
    await putRows(dashboard, 'contacts', [grace, hopper]);
    await putRows(dashboard, 'purchases', [hopperPurchase]);
    await dashboard.reload();
    await (await section()).waitForSelector('::-p-aria(Review merge)');
    expect(await pairTexts()).toEqual(['Grace Hopper and G. Hopper — Same phone']);
    await click('Review merge');
    // G. Hopper has the purchase, so stays unless told otherwise.
    await click('Keep Grace Hopper');
    await click('Merge contacts');
    await status('Merged G. Hopper into Grace Hopper.');

    await dashboard.reload();
    const recent = await (await section()).waitForSelector('::-p-aria(Undo)');
    const described = await recent?.evaluate(
      (button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(described).toMatch(/^Merged G\. Hopper into Grace Hopper, /);
    expect(await (await section()).$('::-p-aria(Undo merge)')).toBeNull();
    await recent?.click();
    await status('Undid the merge: G. Hopper and Grace Hopper are two contacts again.');
    await (await section()).waitForSelector('::-p-text(Grace Hopper and G. Hopper — Same phone)');
    expect(await (await section()).$('::-p-text(Recent merges)')).toBeNull();

    const contacts = new Map((await storedRows<Contact>(dashboard, 'contacts')).map((row) => [row.id, row]));
    expect(contacts.get(grace.id)).toEqual(grace);
    expect(contacts.get(hopper.id)).toEqual(hopper);
    const purchases = await storedRows<PurchaseRecord>(dashboard, 'purchases');
    expect(purchases.find((row) => row.id === hopperPurchase.id)?.contactId).toBe(hopper.id);
  });

  it('refuses a merge whose notes together would not fit, saying why, and writes nothing', async () => {
    const notes = 'Prefers calls before noon. '.repeat(120).trim();
    const alan = makeContact({ name: 'Alan Turing', email: 'alan@example.com', notes });
    // Created a day later: the pair names the older contact first, whatever the random ids.
    const again = makeContact(
      { name: 'A. Turing', email: 'alan@example.com', notes: `${notes} Again.` },
      '2026-01-02T10:00:00.000Z',
    );
    await putRows(dashboard, 'contacts', [alan, again]);
    await dashboard.reload();
    const text = 'Alan Turing and A. Turing — Same email';
    await (await section()).waitForSelector(`::-p-text(${text})`);
    // Same email ranks above the Hoppers' same phone: the first pair is this one.
    const review = await (await section()).waitForSelector('::-p-aria(Review merge)');
    const described = await review?.evaluate(
      (button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(described).toBe(text);
    await review?.click();

    const alert = await (await section()).waitForSelector('.merge-preview [role=alert]');
    expect(await alert?.evaluate((element) => element.textContent)).toBe(
      'Their notes together are longer than 5,000 characters; shorten one first.',
    );
    const merge = await (await section()).waitForSelector('::-p-aria(Merge contacts)');
    expect(await merge?.evaluate((button) => (button as HTMLButtonElement).disabled)).toBe(true);
    await click('Cancel');
    await dashboard.waitForFunction(
      (selector) => !document.querySelector(`${selector} .merge-preview`),
      {},
      DUPLICATES,
    );
    const contacts = new Map((await storedRows<Contact>(dashboard, 'contacts')).map((row) => [row.id, row]));
    expect(contacts.get(alan.id)).toEqual(alan);
    expect(contacts.get(again.id)).toEqual(again);
  });
});
