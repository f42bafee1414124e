// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { ContactsTransfer } from '../../../src/ui/contacts/import/ContactsTransfer';
import { createContactsTransferModel } from '../../../src/ui/contacts/import/contacts-transfer-model';

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

const FILE = [
  'Surname,Given name,E-mail,Mobile',
  'Lovelace,Ada,ada@example.com,+1 415 555 0100',
  'Hopper,Grace,grace@,',
].join('\n');

async function shown() {
  const model = createContactsTransferModel({
    db,
    defaultCountry: 'US',
    download: () => {},
    pause: async () => {},
  });
  await act(async () => {
    render(<ContactsTransfer model={model} />, root);
    await model.refresh();
  });
  return model;
}

const text = (selector: string) => root.querySelector(selector)?.textContent ?? null;
const select = (label: string) => {
  const found = [...root.querySelectorAll('label')].find((element) => element.textContent === label);
  return root.querySelector<HTMLSelectElement>(`#${CSS.escape(found?.htmlFor ?? '')}`);
};

describe('ContactsTransfer', () => {
  it('shows the dry run with its columns, applies it, and offers Undo import', async () => {
    const model = await shown();
    await act(() => model.chooseFile(new File([FILE], 'people.csv')));
    expect(text('h4')).toBe('Dry run: people.csv');
    expect(text('.dry-run-counts')).toBe('1 to create, 0 to update, 0 unchanged, 1 rejected.');
    expect(text('ul[aria-label="Rejected rows"]')).toBe('Line 3: E-mail "grace@" is not an email address');
    expect(select('Last name')?.selectedOptions[0]?.textContent).toBe('Surname');
    expect(select('Name')?.selectedOptions[0]?.textContent).toBe('Not imported');

    // Email left out: Grace's row is fine now.
    const email = select('Email');
    await act(async () => {
      if (email) email.value = '';
      email?.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((settle) => setTimeout(settle, 20));
    });
    expect(text('.dry-run-counts')).toBe('2 to create, 0 to update, 0 unchanged, 0 rejected.');
    expect(text('ul[aria-labelledby=contacts-to-create-heading]')).toBe(
      'Line 2: Ada LovelaceLine 3: Grace Hopper',
    );

    await act(async () => {
      model.progress.value = { written: 500, total: 2000 };
    });
    expect(root.querySelector('progress[aria-label="Importing contacts"]')?.getAttribute('value')).toBe(
      '500',
    );
    expect(text('.import-progress')).toContain('500 of 2,000 written');

    const apply = [...root.querySelectorAll('button')].find(
      (button) => button.textContent === 'Apply import',
    );
    await act(async () => {
      apply?.click();
      await new Promise((settle) => setTimeout(settle, 50));
    });
    expect(text('p[role=status]')).toBe('Imported 2 contacts: 2 created, 0 updated.');
    expect(root.querySelector('progress')).toBeNull();
    expect(text('.last-import')).toMatch(
      /^Last import: people\.csv, .+ — 2 created, 0 updated\. Undo import$/,
    );
    expect(await db.contacts.count()).toBe(2);
  });

  it('shows why a file cannot be used', async () => {
    const model = await shown();
    await act(() => model.chooseFile(new File(['Email,Phone,City\na@example.com,1,x\n'], 'nameless.csv')));
    expect(text('[role=alert]')).toMatch(/^nameless\.csv: The file has no column for Name/);
    expect(root.querySelector('h4')).toBeNull();
  });
});
