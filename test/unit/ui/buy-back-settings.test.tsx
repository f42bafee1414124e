// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { readSetting, writeSetting } from '../../../src/db/settings';
import { BuyBackSettings } from '../../../src/ui/dashboard/BuyBackSettings';
import {
  createBuyBackSettingsModel,
  parseHoldDays,
  paymentMethodsProblem,
} from '../../../src/ui/dashboard/buy-back-settings-model';

const DEFAULT_METHODS = ['Cash', 'Card', 'Bank transfer', 'Cheque', 'Store credit'];

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
  vi.restoreAllMocks();
  await db.delete();
});

async function loaded() {
  const model = createBuyBackSettingsModel({ db });
  await model.refresh();
  return model;
}
const names = (model: Awaited<ReturnType<typeof loaded>>) =>
  model.paymentMethods.value.map((one) => one.name);
const keyOf = (model: Awaited<ReturnType<typeof loaded>>, name: string) => {
  const found = model.paymentMethods.value.find((one) => one.name === name);
  if (!found) throw new Error(`No payment method "${name}"`);
  return found.key;
};
const saved = async () => ({
  holdDays: await readSetting(db, 'holdDays'),
  requiredSellerId: await readSetting(db, 'requiredSellerId'),
  paymentMethods: await readSetting(db, 'paymentMethods'),
});

describe('buy-back settings model', () => {
  it('shows the defaults, then saves every field together', async () => {
    const model = await loaded();
    expect(model.holdDaysText.value).toBe('0');
    expect(model.requiredSellerId.value).toEqual([]);
    expect(names(model)).toEqual(DEFAULT_METHODS);

    model.setHoldDaysText(' 14 ');
    model.setRequired('dateOfBirth', true);
    model.setRequired('idNumber', true);
    model.setRequired('idType', true);
    model.setRequired('idType', false);
    model.removeMethod(keyOf(model, 'Cheque'));
    model.renameMethod(keyOf(model, 'Card'), ' Debit card ');
    model.setNewMethod(' PayPal ');
    model.addMethod();
    expect(model.newMethod.value).toBe('');
    await model.save();

    expect(model.status.value).toBe('Buy-back settings saved.');
    expect(await saved()).toEqual({
      holdDays: 14,
      requiredSellerId: ['idNumber', 'dateOfBirth'],
      paymentMethods: ['Cash', 'Debit card', 'Bank transfer', 'Store credit', 'PayPal'],
    });
    expect(model.holdDaysText.value).toBe('14');
    expect(names(model)[1]).toBe('Debit card');
  });

  it('saves nothing while any field is wrong, and says what is wrong with each', async () => {
    await writeSetting(db, 'holdDays', 3);
    const model = await loaded();
    model.setRequired('idType', true);
    model.setHoldDaysText('two weeks');
    model.renameMethod(keyOf(model, 'Card'), 'cash');
    await model.save();
    expect(model.holdDaysError.value).toBe('The hold period must be a whole number of days.');
    expect(model.methodsError.value).toBe('“cash” is on the list twice; list each payment method once.');
    expect(model.status.value).toBeNull();
    expect(await saved()).toEqual({ holdDays: 3, requiredSellerId: [], paymentMethods: DEFAULT_METHODS });

    model.setHoldDaysText('400');
    model.renameMethod(keyOf(model, 'cash'), '   ');
    await model.save();
    expect(model.holdDaysError.value).toBe('The hold period must be at most 365 days.');
    expect(model.methodsError.value).toBe('Payment method 2 needs a name.');
    expect(await saved()).toEqual({ holdDays: 3, requiredSellerId: [], paymentMethods: DEFAULT_METHODS });

    model.setHoldDaysText('30');
    model.renameMethod(keyOf(model, '   '), 'Card');
    await model.save();
    expect(model.holdDaysError.value).toBeNull();
    expect(model.methodsError.value).toBeNull();
    expect(await saved()).toEqual({
      holdDays: 30,
      requiredSellerId: ['idType'],
      paymentMethods: DEFAULT_METHODS,
    });
  });

  it('writes none of the settings when the store fails half-way', async () => {
    const model = await loaded();
    model.setHoldDaysText('7');
    model.setRequired('idExpiry', true);
    model.removeMethod(keyOf(model, 'Cheque'));
    const put = db.settings.put.bind(db.settings);
    vi.spyOn(db.settings, 'put').mockImplementation((row, key) => {
      if (row.key === 'paymentMethods') throw new Error('Disk full');
      return put(row, key);
    });
    await model.save();
    expect(model.error.value).toBe('Buy-back settings were not saved: Disk full');
    vi.restoreAllMocks();
    expect(await db.settings.count()).toBe(0);
    // The form keeps what the user chose, to save again.
    expect(model.holdDaysText.value).toBe('7');
    expect(names(model)).not.toContain('Cheque');
  });

  it('keeps at least one payment method and refuses one the list cannot take, keeping what was typed', async () => {
    await writeSetting(db, 'paymentMethods', ['Cash', 'Card']);
    const model = await loaded();
    model.removeMethod(keyOf(model, 'Card'));
    model.removeMethod(keyOf(model, 'Cash'));
    expect(model.methodsError.value).toBe('Keep at least one payment method.');
    expect(names(model)).toEqual(['Cash']);

    for (const [typed, message] of [
      ['CASH', '“CASH” is on the list twice; list each payment method once.'],
      ['  ', 'Payment method 2 needs a name.'],
      ['x'.repeat(61), `“${'x'.repeat(40)}…” is longer than 60 characters.`],
    ] as const) {
      model.setNewMethod(typed);
      model.addMethod();
      expect(model.newMethodError.value).toBe(message);
      expect(model.newMethod.value).toBe(typed);
    }
    expect(names(model)).toEqual(['Cash']);

    // A method being edited elsewhere does not stop another from being added.
    model.renameMethod(keyOf(model, 'Cash'), '');
    model.setNewMethod('Card');
    model.addMethod();
    expect(model.newMethodError.value).toBeNull();
    expect(names(model)).toEqual(['', 'Card']);
  });

  it('refuses a 21st payment method', async () => {
    await writeSetting(
      db,
      'paymentMethods',
      Array.from({ length: 20 }, (_, index) => `Method ${index + 1}`),
    );
    const model = await loaded();
    model.setNewMethod('One more');
    model.addMethod();
    expect(model.newMethodError.value).toBe('At most 20 payment methods.');
  });

  it('does not throw away unsaved edits when the dashboard refreshes', async () => {
    const model = await loaded();
    model.setHoldDaysText('21');
    await writeSetting(db, 'holdDays', 5);
    await model.refresh();
    expect(model.holdDaysText.value).toBe('21');
    await model.save();
    await writeSetting(db, 'holdDays', 5);
    await model.refresh();
    expect(model.holdDaysText.value).toBe('5');
  });

  it('reads the hold period and payment methods as the fields give them', () => {
    expect(parseHoldDays('0')).toBe(0);
    expect(parseHoldDays('+3')).toBe(3);
    expect(parseHoldDays('-1')).toBe('The hold period must be at least 0 days.');
    expect(parseHoldDays('1.5')).toBe('The hold period must be a whole number of days.');
    expect(paymentMethodsProblem(['Cash'])).toBeNull();
    expect(paymentMethodsProblem([])).toBe('Keep at least one payment method.');
  });
});

describe('Buy-back settings section', () => {
  const field = (name: string) => {
    const label = [...root.querySelectorAll('label')].find((one) => one.textContent?.trim() === name);
    const control = label?.querySelector('input');
    if (!control) throw new Error(`No field labelled "${name}"`);
    return control;
  };
  const button = (name: string) => {
    const found = [...root.querySelectorAll('button')].find((one) => one.textContent?.trim() === name);
    if (!found) throw new Error(`No button "${name}"`);
    return found;
  };
  const type = (input: HTMLInputElement, value: string) =>
    act(() => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const click = (target: HTMLElement) => act(() => target.click());
  const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  const methodFields = () =>
    [...root.querySelectorAll<HTMLInputElement>('input[aria-label^="Payment method"]')].map((input) => [
      input.getAttribute('aria-label'),
      input.value,
    ]);

  it('edits and saves through the named fields and buttons', async () => {
    await writeSetting(db, 'paymentMethods', ['Cash', 'Card']);
    const model = await loaded();
    await act(() => render(<BuyBackSettings model={model} />, root));

    expect(root.querySelector('h2')?.textContent).toBe('Buy-back settings');
    expect(field('Hold period (days)').value).toBe('0');
    const legends = [...root.querySelectorAll('legend')].map((legend) => legend.textContent);
    expect(legends).toEqual(['Required seller identification', 'Payment methods']);
    const checkboxes = [...root.querySelectorAll('fieldset')][0]?.querySelectorAll('label') ?? [];
    expect([...checkboxes].map((label) => label.textContent?.trim())).toEqual([
      'ID type',
      'ID number',
      'ID expiry',
      'Date of birth',
    ]);
    expect(methodFields()).toEqual([
      ['Payment method 1', 'Cash'],
      ['Payment method 2', 'Card'],
    ]);

    await type(field('Hold period (days)'), '10');
    const idNumber = field('ID number');
    await act(() => {
      idNumber.checked = true;
      idNumber.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(button('Remove Card'));
    await click(button('Remove Cash'));
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Keep at least one payment method.');
    await type(field('Add payment method'), 'Store credit');
    await click(button('Add payment method'));
    expect(methodFields()).toEqual([
      ['Payment method 1', 'Cash'],
      ['Payment method 2', 'Store credit'],
    ]);
    expect(field('Add payment method').value).toBe('');
    expect(root.textContent).toContain('“Store credit” pays into the seller’s balance');

    await click(button('Save buy-back settings'));
    await settle();
    expect(root.querySelector('[role=status]')?.textContent).toBe('Buy-back settings saved.');
    expect(await saved()).toEqual({
      holdDays: 10,
      requiredSellerId: ['idNumber'],
      paymentMethods: ['Cash', 'Store credit'],
    });
  });

  it('marks a wrong hold period on its field', async () => {
    const model = await loaded();
    await act(() => render(<BuyBackSettings model={model} />, root));
    const holdDays = field('Hold period (days)');
    await type(holdDays, '-2');
    await click(button('Save buy-back settings'));
    await settle();
    expect(holdDays.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(holdDays.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'The hold period must be at least 0 days.',
    );
    expect(await db.settings.count()).toBe(0);
  });

  it('adds a payment method with Enter, without saving the form', async () => {
    const model = await loaded();
    await act(() => render(<BuyBackSettings model={model} />, root));
    const input = field('Add payment method');
    await type(input, 'Crypto');
    await act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    await settle();
    expect(methodFields().at(-1)).toEqual(['Payment method 6', 'Crypto']);
    expect(await db.settings.count()).toBe(0);
  });
});
