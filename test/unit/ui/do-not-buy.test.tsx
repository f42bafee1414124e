// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { addDoNotBuy, listDoNotBuy } from '../../../src/db/do-not-buy';
import { DoNotBuyList } from '../../../src/ui/dashboard/DoNotBuyList';
import { createDoNotBuyModel } from '../../../src/ui/dashboard/do-not-buy-model';

const IMEI = '352099001761481';

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

const csv = (text: string, name = 'stolen.csv') => new File([text], name, { type: 'text/csv' });
const listed = async () => (await listDoNotBuy(db)).map((entry) => [entry.serial, entry.reason]);

async function loaded() {
  const model = createDoNotBuyModel({ db });
  await model.refresh();
  return model;
}

describe('do-not-buy model', () => {
  it('adds what the form holds and clears it; a refusal is marked and the form kept', async () => {
    const model = await loaded();
    model.setSerial(IMEI);
    model.setReason('Reported stolen');
    await model.add();
    expect(model.status.value).toBe(`Added ${IMEI} to the do-not-buy list.`);
    expect([model.serial.value, model.reason.value]).toEqual(['', '']);
    expect(model.entries.value.map((entry) => entry.serial)).toEqual([IMEI]);

    model.setSerial('35-209900-176148-1');
    model.setReason('Again');
    await model.add();
    expect(model.formError.value).toBe(
      `35-209900-176148-1 is already on the do-not-buy list as ${IMEI} (Reported stolen).`,
    );
    expect(model.serial.value).toBe('35-209900-176148-1');
    model.setReason('Typing clears the mark');
    expect(model.formError.value).toBeNull();

    model.setSerial('SN-1');
    model.setReason(' ');
    await model.add();
    expect(model.formError.value).toBe('Say why it must not be bought.');
    expect(await listed()).toEqual([[IMEI, 'Reported stolen']]);
  });

  it('warns about a mistyped IMEI without refusing it', async () => {
    const model = await loaded();
    model.setSerial('352099001761482');
    expect(model.serialWarning.value).toMatch(/check digit is wrong/);
    model.setSerial(IMEI);
    expect(model.serialWarning.value).toBeNull();
    model.setSerial('C02XK1234');
    expect(model.serialWarning.value).toBeNull();
  });

  it('removes an entry and says which', async () => {
    const entry = await addDoNotBuy(db, { serial: 'SN-1', reason: 'Stolen' });
    const model = await loaded();
    await model.remove(entry.id);
    expect(model.status.value).toBe('Removed SN-1 from the do-not-buy list.');
    expect(model.entries.value).toEqual([]);
    await model.remove(entry.id);
    expect(model.error.value).toBe('Not removed: This serial is no longer on the do-not-buy list.');
  });

  it('imports a whole list and says what it did', async () => {
    await addDoNotBuy(db, { serial: 'SN-1', reason: 'By hand' });
    const model = await loaded();
    await model.importFile(
      csv(`Serial,Reason\r\nSN-1,Police\r\n${IMEI},Police\r\nSN-3,Carrier blacklist\r\n`),
    );
    expect(model.status.value).toBe(
      'Imported stolen.csv: 2 added, 1 already on the list, kept as they were.',
    );
    expect(model.rejectedImport.value).toBeNull();
    expect(model.entries.value).toHaveLength(3);
  });

  it('imports nothing when a line is wrong, and lists every wrong line', async () => {
    const model = await loaded();
    await model.importFile(csv(`Serial,Reason\nSN-1,Police\n,No serial\nSN-3,\nsn1,Again\n`));
    expect(model.rejectedImport.value).toEqual({
      fileName: 'stolen.csv',
      rejected: [
        { line: 3, reason: 'Serial is empty' },
        { line: 4, reason: 'Reason is empty' },
        { line: 5, reason: 'Serial sn1 already on line 2' },
      ],
    });
    expect(model.status.value).toBeNull();
    expect(await db.doNotBuy.count()).toBe(0);

    await model.importFile(csv('Device,Why\nSN-1,x\n', 'wrong.csv'));
    expect(model.rejectedImport.value).toBeNull();
    expect(model.error.value).toMatch(/^wrong\.csv was not imported: The file has no column for Serial/);
    await model.importFile(csv('Serial,Reason\n', 'empty.csv'));
    expect(model.status.value).toBe('Nothing to import: empty.csv lists no serials.');
    expect(await db.doNotBuy.count()).toBe(0);
  });
});

describe('Do-not-buy list section', () => {
  const field = (name: string) => {
    const label = [...root.querySelectorAll('label')].find((one) => one.textContent?.trim() === name);
    const control = label?.querySelector('input');
    if (!control) throw new Error(`No field labelled "${name}"`);
    return control;
  };
  /** A button by its accessible name: aria-label when it has one, else its text. */
  const button = (name: string) => {
    const found = [...root.querySelectorAll('button')].find(
      (one) => (one.getAttribute('aria-label') ?? one.textContent?.trim()) === name,
    );
    if (!found) throw new Error(`No button "${name}"`);
    return found;
  };
  const type = (name: string, value: string) =>
    act(() => {
      const input = field(name);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  const rows = () =>
    [...root.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].slice(0, 2).map((cell) => cell.textContent),
    );

  async function shown() {
    const model = await loaded();
    await act(() => render(<DoNotBuyList model={model} />, root));
    return model;
  }

  it('adds, lists and removes entries through the named fields and buttons', async () => {
    await shown();
    expect(root.querySelector('h2')?.textContent).toBe('Do-not-buy list');
    expect(root.textContent).toContain('The do-not-buy list is empty.');

    await type('Serial or IMEI', '352099001761482');
    expect(document.getElementById('do-not-buy-serial-warning')?.textContent).toMatch(/check digit is wrong/);
    await type('Serial or IMEI', IMEI);
    await type('Reason', 'Reported stolen');
    await act(() => button('Add to do-not-buy list').click());
    await settle();
    await type('Serial or IMEI', 'SN-2');
    await type('Reason', 'Blacklisted');
    await act(() => button('Add to do-not-buy list').click());
    await settle();
    expect(rows()).toEqual([
      ['SN-2', 'Blacklisted'],
      [IMEI, 'Reported stolen'],
    ]);
    expect(root.querySelector('[role=status]')?.textContent).toBe('Added SN-2 to the do-not-buy list.');

    await type('Serial or IMEI', 'sn2');
    await type('Reason', 'Twice');
    await act(() => button('Add to do-not-buy list').click());
    await settle();
    const serial = field('Serial or IMEI');
    expect(serial.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(serial.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'sn2 is already on the do-not-buy list as SN-2 (Blacklisted).',
    );

    const remove = button(`Remove ${IMEI}`);
    expect(remove.textContent).toBe('Remove');
    await act(() => remove.click());
    await settle();
    expect(rows()).toEqual([['SN-2', 'Blacklisted']]);
  });

  it('reports the wrong lines of an import by line number', async () => {
    const model = await shown();
    expect(button('Import do-not-buy list')).toBeTruthy();
    await act(() => model.importFile(csv('Serial,Reason\nSN-1,\nSN-2,Fine\n')));
    const report = root.querySelector('[role=alert]');
    expect(report?.querySelector('p')?.textContent).toBe(
      'Nothing was imported from stolen.csv: one line is wrong. Fix it and import the file again.',
    );
    expect([...(report?.querySelectorAll('li') ?? [])].map((item) => item.textContent)).toEqual([
      'Line 2: Reason is empty',
    ]);
    expect(rows()).toEqual([]);
  });
});
