import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'puppeteer';
import { startDemoServer } from '../demo/server';
import { launchWithTally, waitForDownload, type TallyBrowser } from '../support/chromium';
import { storedRows } from '../support/indexeddb';
import { captureContact, openDashboard, openSidebar } from '../support/tour';
import type { Contact } from '../../src/domain/contact';

const SECTION = 'section[aria-labelledby=contacts-transfer-heading]';
const DRY_RUN = 'section[aria-labelledby=contacts-dry-run-heading]';

/**
 * The contacts file end to end in Chromium: two customers captured from the demo back office,
 * `Export contacts`, the file edited in place as in a spreadsheet (a phone changed, a row added
 * with a "+" number and a leading-zero postal code, one bad row), `Import contacts` → dry run →
 * `Apply import`, the same file again, and `Undo import`; then a sheet of the user's own (Windows-1252,
 * `;`, a column left out in the dry run) and a file without a name column.
 */
describe('contacts CSV round trip', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let dashboard: Page;
  let dir: string;
  let edited: string;
  let captured: Contact[];

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    dir = await mkdtemp(join(tmpdir(), 'tally-contacts-csv-'));
    const page = await tally.browser.newPage();
    for (const id of ['C-00042', 'C-00043']) {
      await page.goto(`${demo.url}/rep/customers/${id}`);
      const frame = await openSidebar(page, tally);
      await frame.waitForSelector('[data-field=external-id]');
      expect(await captureContact(frame)).toMatch(/^Captured/);
    }
    await page.close();
    dashboard = await openDashboard(tally);
    captured = await contacts();
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const contacts = () => storedRows<Contact>(dashboard, 'contacts');
  const byName = (rows: Contact[], name: string) => rows.find((contact) => contact.name === name);
  const text = (selector: string) => dashboard.$eval(selector, (element) => element.textContent ?? '');

  async function chooseFile(path: string): Promise<string> {
    const button = await dashboard.waitForSelector(`${SECTION} ::-p-aria(Import contacts)`);
    const [chooser] = await Promise.all([dashboard.waitForFileChooser(), button?.click()]);
    await chooser.accept([path]);
    const counts = await dashboard.waitForSelector(`${DRY_RUN} p.dry-run-counts`);
    return (await counts?.evaluate((element) => element.textContent)) ?? '';
  }

  async function statusAfter(button: string, pattern: RegExp): Promise<string> {
    await dashboard.locator(`${SECTION} ::-p-aria(${button})`).click();
    const status = await dashboard.waitForFunction(
      (selector, source) => {
        const shown = document.querySelector(selector)?.textContent ?? '';
        return new RegExp(source).test(shown) ? shown : null;
      },
      {},
      `${SECTION} > p[role=status]`,
      pattern.source,
    );
    return (await status.jsonValue()) ?? '';
  }

  it('exports the captured contacts as the import template', async () => {
    expect(captured).toHaveLength(2);
    await dashboard.locator(`${SECTION} ::-p-aria(Export contacts)`).click();
    const path = await waitForDownload(tally.downloadDir, /^tally-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = await readFile(path, 'utf8');
    expect(exported.startsWith('\uFEFFTally ID,Name,Company,Email,Phone,Role,')).toBe(true);
    expect(exported).toContain('\r\n');

    // Edited in place: one phone changed, a new person added, a bad row added.
    const table = Papa.parse<string[]>(exported.slice(1), { skipEmptyLines: true }).data;
    const header = table[0] ?? [];
    const column = (name: string) => header.indexOf(name);
    expect(
      table
        .slice(1)
        .map((row) => row[column('Tally ID')])
        .sort(),
    ).toEqual(captured.map((contact) => contact.id).sort());
    const first = table[1] ?? [];
    expect(first[column('Back-office IDs')]).toMatch(/^northwind@http:\/\/127\.0\.0\.1:\d+:C-0004[23]$/);
    first[column('Phone')] = '+44 20 7946 0958';
    const added = header.map(() => '');
    added[column('Name')] = 'Zelda Added';
    added[column('Email')] = 'zelda@example.com';
    added[column('Phone')] = "'+1 555 0100";
    added[column('Postal code')] = '01234';
    added[column('Tags')] = 'vip, wholesale';
    const bad = header.map(() => '');
    bad[column('Name')] = 'Bob Broken';
    bad[column('Email')] = 'bob@';
    edited = join(dir, 'contacts-edited.csv');
    await writeFile(edited, `\uFEFF${Papa.unparse([...table, added, bad], { newline: '\r\n' })}\r\n`);
  });

  it('dry-runs the edited file: 1 to create, 1 to update, 1 unchanged, the bad row with its line and reason', async () => {
    expect(await chooseFile(edited)).toBe('1 to create, 1 to update, 1 unchanged, 1 rejected.');
    expect(await text(`${DRY_RUN} ul[aria-label="Rejected rows"]`)).toBe(
      'Line 5: Email "bob@" is not an email address',
    );
    expect(await text(`${DRY_RUN} ul[aria-labelledby=contacts-to-update-heading]`)).toMatch(
      /^Line 2: .+ — phone .+ → \+44 20 7946 0958$/,
    );
    // Nothing is written by a dry run.
    expect(await contacts()).toEqual(captured);
  });

  it('applies the import: the edits stored, no duplicates, "+" and the leading zero kept', async () => {
    expect(await statusAfter('Apply import', /^Imported/)).toBe('Imported 2 contacts: 1 created, 1 updated.');
    const rows = await contacts();
    expect(rows).toHaveLength(3);
    const zelda = byName(rows, 'Zelda Added');
    expect(zelda).toMatchObject({
      phone: '+1 555 0100',
      address: { postalCode: '01234' },
      tags: ['vip', 'wholesale'],
      role: 'customer',
    });
    const updated = rows.find((contact) => contact.phone === '+44 20 7946 0958');
    const before = captured.find((contact) => contact.id === updated?.id);
    expect(updated).toMatchObject({
      name: before?.name,
      email: before?.email,
      externalIds: before?.externalIds,
    });
    // The contacts list shows the new contact.
    await dashboard.waitForFunction(() => document.body.textContent?.includes('Zelda Added'));
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await contacts();
    expect(await chooseFile(edited)).toBe('0 to create, 0 to update, 3 unchanged, 1 rejected.');
    expect(await text(DRY_RUN)).toContain('This file was already imported on');
    expect(await dashboard.$(`${DRY_RUN} ::-p-aria(Apply import)`)).toBeNull();
    expect(await statusAfter('Cancel', /^Nothing imported/)).toBe(
      'Nothing imported from contacts-edited.csv.',
    );
    expect(await contacts()).toEqual(before);
    expect(await storedRows(dashboard, 'contactImports')).toHaveLength(1);
  });

  it('Undo import puts the contacts back as they were', async () => {
    expect(await statusAfter('Undo import', /^Undid/)).toBe(
      'Undid the import of contacts-edited.csv: 1 contact removed, 1 restored.',
    );
    const rows = await contacts();
    const live = rows.filter((contact) => contact.deletedAt === undefined);
    expect(live.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...captured].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(byName(rows, 'Zelda Added')?.deletedAt).toBeDefined();
    expect(await dashboard.$(`${SECTION} ::-p-aria(Undo import)`)).toBeNull();
  });

  it("reads a sheet of the user's own: Windows-1252 with ';', a column corrected in the dry run, then applied", async () => {
    const sheet = join(dir, 'people.csv');
    const lines = [
      'Surname;Given name;E-mail;Mobile',
      'Müller;Zoë;zoe@example.com;+33 1 42 68 53 00',
      'Hopper;Grace;grace@;',
    ];
    await writeFile(sheet, Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
    expect(await chooseFile(sheet)).toBe('1 to create, 0 to update, 0 unchanged, 1 rejected.');
    expect(await text(DRY_RUN)).toContain('it was read as Windows-1252');
    expect(await text(`${DRY_RUN} ul[aria-labelledby=contacts-to-create-heading]`)).toBe(
      'Line 2: Zoë Müller',
    );
    expect(await text(`${DRY_RUN} ul[aria-label="Rejected rows"]`)).toBe(
      'Line 3: E-mail "grace@" is not an email address',
    );

    // The user leaves the email column out: Grace's row can be imported now.
    await (await dashboard.waitForSelector(`${DRY_RUN} ::-p-aria(Email)`))?.select('');
    await dashboard.waitForFunction(
      (selector) =>
        document.querySelector(selector)?.textContent ===
        '2 to create, 0 to update, 0 unchanged, 0 rejected.',
      {},
      `${DRY_RUN} p.dry-run-counts`,
    );
    expect(await statusAfter('Apply import', /^Imported/)).toBe('Imported 2 contacts: 2 created, 0 updated.');
    const rows = await contacts();
    expect(byName(rows, 'Zoë Müller')).toMatchObject({ phone: '+33 1 42 68 53 00' });
    expect(byName(rows, 'Zoë Müller')?.email).toBeUndefined();
    expect(byName(rows, 'Grace Hopper')).toBeDefined();
  });

  it('refuses a file without a name column, saying why and writing nothing', async () => {
    const before = await contacts();
    const nameless = join(dir, 'nameless.csv');
    await writeFile(nameless, 'Email,Phone\r\nada@example.com,+1 415 555 0100\r\n');
    const button = await dashboard.waitForSelector(`${SECTION} ::-p-aria(Import contacts)`);
    const [chooser] = await Promise.all([dashboard.waitForFileChooser(), button?.click()]);
    await chooser.accept([nameless]);
    const alert = await dashboard.waitForSelector(`${SECTION} > p[role=alert]`);
    expect(await alert?.evaluate((element) => element.textContent)).toMatch(
      /^nameless\.csv: The file has no column for Name .+Its header row has: "Email", "Phone"\./,
    );
    expect(await dashboard.$(DRY_RUN)).toBeNull();
    expect(await contacts()).toEqual(before);
  });
});
