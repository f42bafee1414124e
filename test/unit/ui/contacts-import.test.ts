import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCapturedContact } from '../../../src/db/contacts';
import { TallyDatabase } from '../../../src/db/database';
import { addNote } from '../../../src/db/notes';
import { createContactsTransferModel } from '../../../src/ui/contacts/import/contacts-transfer-model';
import { describeChanges } from '../../../src/ui/contacts/import/describe-changes';

let db: TallyDatabase;
let downloads: { name: string; text: string }[];
let changed: number;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  downloads = [];
  changed = 0;
});
afterEach(async () => {
  await db.delete();
});

function model() {
  return createContactsTransferModel({
    db,
    defaultCountry: 'US',
    download: (name, text) => downloads.push({ name, text }),
    now: () => new Date(2026, 2, 1, 10, 30),
    onChanged: () => {
      changed++;
    },
    pause: async () => {},
  });
}

const csv = (text: string, name = 'contacts.csv') => new File([text], name, { type: 'text/csv' });
const fixture = (name: string) =>
  new File([readFileSync(new URL(`../../fixtures/contacts/${name}`, import.meta.url))], name);
const counts = (transfer: ReturnType<typeof model>) =>
  transfer.dryRun.value?.columnsProblem ??
  (transfer.dryRun.value?.plan &&
    [
      transfer.dryRun.value.plan.created.length,
      transfer.dryRun.value.plan.updated.length,
      transfer.dryRun.value.plan.unchanged.length,
      transfer.dryRun.value.plan.rejected.length,
    ].join('/'));

async function capture(name: string, email: string, phone?: string) {
  const snapshot = {
    backOffice: 'northwind',
    url: 'https://crm.example/c',
    name,
    email,
    ...(phone ? { phone } : {}),
  };
  return (await saveCapturedContact(db, snapshot, 'US')).contact;
}

describe('contacts import and export model', () => {
  it("exports every contact in Tally's template, named by the day", async () => {
    await capture('Ada Lovelace', 'ada@example.com', '+1 415 555 0100');
    const transfer = model();
    await transfer.exportContacts();
    expect(downloads.map((file) => file.name)).toEqual(['tally-contacts-2026-03-01.csv']);
    expect(downloads[0]?.text).toMatch(/^\uFEFFTally ID,Name,Company,Email,Phone,Role,/);
    expect(downloads[0]?.text).toContain(",Ada Lovelace,,ada@example.com,'+1 415 555 0100,customer,");
    expect(transfer.status.value).toBe('Exported 1 contact.');
  });

  it('dry-runs a Shopify export, lets the user correct a column, applies with progress, and the same file again changes nothing', async () => {
    const ada = await capture('Ada Lovelace', 'ada@example.com', '+1 415 555 0100');
    const transfer = model();
    await transfer.chooseFile(fixture('shopify-customers.csv'));
    expect(transfer.error.value).toBeNull();
    expect(counts(transfer)).toBe('1/1/0/1');
    expect(transfer.dryRun.value?.plan?.updated[0]?.changes).toEqual([
      { field: 'company', after: 'Analytical Engines' },
      { field: 'phone', before: '+1 415 555 0100', after: '+44 20 7946 0958' },
      { field: 'address', after: "12 St James's Square, London, ENG, SW1Y 4JH, GB" },
      { field: 'tags', after: 'vip, wholesale' },
      { field: 'notes', after: 'Prefers email' },
      { field: 'externalId', after: '7312345678901' },
    ]);

    // The user does not want Shopify's phone numbers: the captured one stays.
    const header = transfer.dryRun.value?.file.table.header ?? [];
    await transfer.setColumn('otherPhone', null);
    await transfer.setColumn('phone', null);
    expect(transfer.dryRun.value?.plan?.updated[0]?.changes.map((change) => change.field)).not.toContain(
      'phone',
    );
    // Without any name column there is nothing to import, and it says so.
    await transfer.setColumn('firstName', null);
    await transfer.setColumn('lastName', null);
    expect(counts(transfer)).toMatch(/^The file has no column for Name/);
    await transfer.setColumn('firstName', header.indexOf('First Name'));
    await transfer.setColumn('lastName', header.indexOf('Last Name'));
    expect(counts(transfer)).toBe('1/1/0/1');

    const seen: number[] = [];
    const watching = transfer.progress.subscribe((progress) => progress && seen.push(progress.written));
    await transfer.applyImport();
    watching();
    expect(transfer.error.value).toBeNull();
    expect(seen).toEqual([0, 2]);
    expect(transfer.status.value).toBe('Imported 2 contacts: 1 created, 1 updated.');
    expect(transfer.dryRun.value).toBeNull();
    expect(transfer.lastImport.value?.counts).toEqual({ created: 1, updated: 1, unchanged: 0, rejected: 1 });
    expect(changed).toBe(1);
    expect((await db.contacts.get(ada.id))?.phone).toBe('+1 415 555 0100');
    expect(await db.contacts.count()).toBe(2);

    await transfer.chooseFile(fixture('shopify-customers.csv'));
    expect(transfer.dryRun.value?.importedBefore).toBe(transfer.lastImport.value?.createdAt);
    // Mapped as the file is, the phone columns are back: both would get Shopify's numbers.
    expect(counts(transfer)).toBe('0/2/0/1');
    await transfer.setColumn('otherPhone', null);
    await transfer.setColumn('phone', null);
    expect(counts(transfer)).toBe('0/0/2/1');
    transfer.cancelImport();
    expect(transfer.status.value).toBe('Nothing imported from shopify-customers.csv.');
  });

  it('says "Nothing to import" for a file that changes nothing, and writes no batch', async () => {
    await capture('Ada Lovelace', 'ada@example.com');
    const transfer = model();
    await transfer.chooseFile(csv('Name,Email,City\nAda Lovelace,ada@example.com,\n'));
    expect(counts(transfer)).toBe('0/0/1/0');
    await transfer.applyImport();
    expect(transfer.status.value).toBe(
      'Nothing to import from contacts.csv: every contact in it is already up to date.',
    );
    expect(await db.contactImports.count()).toBe(0);
  });

  it('makes the dry run again, writing nothing, when a contact changed in between', async () => {
    await capture('Ada Lovelace', 'ada@example.com');
    const transfer = model();
    await transfer.chooseFile(
      csv('Name,Email,Phone\nAda Lovelace,ada@example.com,\nBob Stone,bob@example.com,\n'),
    );
    expect(counts(transfer)).toBe('1/0/1/0');
    await capture('Bob Stone', 'bob@example.com', '+1 415 555 0101');
    await transfer.applyImport();
    expect(transfer.dryRun.value?.refreshed).toBe(true);
    expect(counts(transfer)).toBe('0/0/2/0');
    expect(await db.contactImports.count()).toBe(0);
  });

  it('undoes the last import, and explains a refusal', async () => {
    const transfer = model();
    await transfer.chooseFile(
      csv('Name,Email,Phone\nAlan Turing,alan@example.com,\nBob Stone,bob@example.com,\n'),
    );
    await transfer.applyImport();
    expect(await db.contacts.count()).toBe(2);
    const alan = (await db.contacts.toArray()).find((contact) => contact.name === 'Alan Turing');
    await addNote(db, alan?.id ?? '', 'Called');

    await transfer.undoImport();
    expect(transfer.error.value).toBe(
      'The import was not undone: Alan Turing was added by this import and now has purchases, buy-backs, notes or store credit of its own. Nothing was changed.',
    );
    expect(transfer.lastImport.value).not.toBeNull();

    await db.notes.clear();
    await transfer.undoImport();
    expect(transfer.status.value).toBe('Undid the import of contacts.csv: 2 contacts removed, 0 restored.');
    expect((await db.contacts.toArray()).every((contact) => contact.deletedAt !== undefined)).toBe(true);
    expect(changed).toBe(2);

    const reloaded = model();
    await reloaded.refresh();
    expect(reloaded.lastImport.value).toBeNull();
  });

  it('refuses a file it cannot use, saying why', async () => {
    const transfer = model();
    await transfer.chooseFile(csv('', 'empty.csv'));
    expect(transfer.error.value).toBe('empty.csv: The file is empty.');
    expect(transfer.dryRun.value).toBeNull();
  });
});

describe('describeChanges', () => {
  it('says what each field becomes', () => {
    expect(
      describeChanges([
        { field: 'phone', before: '+1 415 555 0100', after: '+1 415 555 0199' },
        { field: 'tags', after: 'vip' },
        { field: 'company', before: 'Navy' },
        { field: 'externalId', after: '42' },
        { field: 'notes', after: `${'long '.repeat(20)}\nend` },
      ]),
    ).toBe(
      'phone +1 415 555 0100 → +1 415 555 0199; tags added vip; company removed (was Navy); back-office ID added 42; notes added long long long long long long long long long long long long…',
    );
  });
});
