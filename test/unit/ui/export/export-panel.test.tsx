// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TallyDatabase } from '../../../../src/db/database';
import { createPurchaseExportModel } from '../../../../src/ui/export/export-model';
import { makeContact } from '../../../support/contacts';
import { ExportPanel } from '../../../../src/ui/export/ExportPanel';

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

/** Each control's accessible name as the page gives it: aria-label, else its label's text. */
function controlNames(): string[] {
  const names: string[] = [];
  for (const control of root.querySelectorAll('input, select, button')) {
    const label = control.getAttribute('aria-label');
    if (label) {
      names.push(label);
      continue;
    }
    if (control.tagName === 'BUTTON') {
      names.push(control.textContent?.trim() ?? '');
      continue;
    }
    const byFor = control.id ? root.querySelector(`label[for="${control.id}"]`) : null;
    const wrapping = control.closest('label');
    names.push(((byFor ?? wrapping)?.firstChild?.textContent ?? '').trim());
  }
  return names;
}

it('names every control of the panel and its preset editor once', async () => {
  const model = createPurchaseExportModel({
    db,
    data: () => ({ records: [], contactsById: new Map() }),
    download: () => undefined,
  });
  await act(async () => {
    render(<ExportPanel model={model} />, root);
  });
  expect(root.querySelector('h2')).toBeNull();
  await act(async () => {
    await model.show();
  });
  await act(async () => {
    model.presets.startNew();
  });
  const names = controlNames();
  expect(names).toEqual(expect.arrayContaining(['From', 'To', 'Contact', 'Kind', 'Status', 'Column preset']));
  expect(names).toEqual(
    expect.arrayContaining(['New preset', 'Preset name', 'Back office', 'Date format', 'Number format']),
  );
  expect(names).toEqual(
    expect.arrayContaining(['Include Contact', 'Rename Contact', 'Move Contact up', 'Move Contact down']),
  );
  expect(names).toEqual(expect.arrayContaining(['Save preset', 'Download CSV', 'Close']));
  expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  // A new preset is not saved yet: nothing to delete.
  expect(names).not.toContain('Delete preset');
});

it('shows a new preset, not the one chosen before, as the preset in use while it is unsaved', async () => {
  const model = createPurchaseExportModel({
    db,
    data: () => ({ records: [], contactsById: new Map() }),
    download: () => undefined,
  });
  await act(async () => {
    render(<ExportPanel model={model} />, root);
    await model.show();
  });
  /** The option the `Column preset` select shows. */
  const chosen = () => {
    const label = [...root.querySelectorAll('label')].find((each) => each.textContent === 'Column preset');
    const select = label ? document.getElementById(label.htmlFor) : null;
    return select instanceof HTMLSelectElement ? select.selectedOptions[0]?.textContent : undefined;
  };
  expect(chosen()).toBe('Tally default');
  await act(async () => {
    model.presets.startNew();
  });
  // The file is written with the new preset's columns: the chooser must not say Tally default.
  expect(chosen()).toBe('New preset (not saved)');
  await act(async () => {
    model.presets.edit({ name: 'Sheets' });
    await model.presets.save();
  });
  expect(chosen()).toBe('Sheets');
});

it('names each contact found apart, and keeps focus on the contact filter when one is chosen and cleared', async () => {
  await db.contacts.bulkAdd([
    makeContact({ name: 'Bob Stone' }),
    makeContact({ name: 'Bob Stone', email: 'bob@stone.example' }),
  ]);
  const model = createPurchaseExportModel({
    db,
    data: () => ({ records: [], contactsById: new Map() }),
    download: () => undefined,
  });
  await act(async () => {
    render(<ExportPanel model={model} />, root);
    await model.show();
    await model.filters.search('bob');
  });
  const button = (text: string) =>
    [...root.querySelectorAll('button')].find((each) => each.textContent?.trim() === text);
  // Two contacts of one name: their buttons' names tell them apart.
  const found = [...root.querySelectorAll('button')].map((each) => each.textContent?.trim());
  expect(found.filter((name) => name?.startsWith('Only ')).sort()).toEqual([
    'Only Bob Stone',
    'Only Bob Stone bob@stone.example',
  ]);
  await act(async () => {
    button('Only Bob Stone')?.click();
  });
  expect(document.activeElement).toBe(button('All contacts'));
  await act(async () => {
    button('All contacts')?.click();
  });
  expect(document.activeElement?.getAttribute('type')).toBe('search');
});

it('keeps focus on a column moved to the top of the file, on its other move button', async () => {
  const model = createPurchaseExportModel({
    db,
    data: () => ({ records: [], contactsById: new Map() }),
    download: () => undefined,
  });
  await act(async () => {
    render(<ExportPanel model={model} />, root);
    await model.show();
    model.presets.startNew();
  });
  const button = (name: string) => root.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`);
  // Contact is second: one move up puts it first, and its up button is then disabled.
  button('Move Contact up')?.focus();
  await act(async () => {
    button('Move Contact up')?.click();
  });
  expect(button('Move Contact up')?.disabled).toBe(true);
  expect(document.activeElement).toBe(button('Move Contact down'));
  // A move that leaves the button usable keeps focus where it is.
  await act(async () => {
    button('Move Contact down')?.click();
  });
  expect(document.activeElement).toBe(button('Move Contact down'));
});
