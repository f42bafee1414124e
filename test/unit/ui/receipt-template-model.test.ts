// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { readSetting, writeSetting } from '../../../src/db/settings';
import {
  DEFAULT_RECEIPT_TEMPLATE,
  MAX_LOGO_BYTES,
  type ReceiptTemplate,
} from '../../../src/domain/receipt-template';
import { ReceiptTemplateEditor } from '../../../src/ui/receipt/ReceiptTemplateEditor';
import {
  createReceiptTemplateModel,
  sampleReceiptInput,
  type ReceiptTemplateDeps,
} from '../../../src/ui/receipt/receipt-template-model';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const stored: ReceiptTemplate = {
  ...DEFAULT_RECEIPT_TEMPLATE,
  shopName: 'Fixit Repair & Resale',
  address: '12 Market Street\nSpringfield',
};

let saved: ReceiptTemplate[];
let failSave: Error | null;
let deps: ReceiptTemplateDeps;
beforeEach(() => {
  saved = [];
  failSave = null;
  deps = {
    load: async () => stored,
    save: async (template) => {
      if (failSave) throw failSave;
      saved.push(template);
    },
  };
});

async function loadedModel() {
  const model = createReceiptTemplateModel(deps, { locale: 'en-US', today: '2026-03-03' });
  await model.refresh();
  return model;
}

const file = (bytes: number[] | Uint8Array, name: string, type: string) =>
  new File([new Uint8Array(bytes)], name, { type });

describe('receipt template model', () => {
  it('loads the stored template and previews a sample receipt drawn from it', async () => {
    const model = await loadedModel();
    expect(model.loaded.value).toBe(true);
    expect(model.draft.value).toEqual(stored);
    const preview = model.preview.value;
    expect(preview.shop).toEqual({
      name: 'Fixit Repair & Resale',
      addressLines: ['12 Market Street', 'Springfield'],
      logo: null,
    });
    expect(preview.seller.name).toBe('Sam Seller');
    expect(preview.items.rows).toHaveLength(2);
    expect(preview.total).toEqual({ label: 'Total paid', value: '$370.00' });
    expect(preview.date).toBe('March 3, 2026');
  });

  it('updates the preview as the user types and switches fields', async () => {
    const model = await loadedModel();
    model.edit('shopName', 'Phone Doctor');
    model.edit('terms', 'All sales final.\nKeep this receipt.');
    expect(model.preview.value.shop.name).toBe('Phone Doctor');
    expect(model.preview.value.terms).toEqual(['All sales final.', 'Keep this receipt.']);
    model.setShown('serials', false);
    model.setShown('dateOfBirth', true);
    expect(model.preview.value.items.columns.map((column) => column.label)).toEqual([
      'Item',
      'Condition',
      'Price paid',
    ]);
    expect(model.preview.value.seller.identification.map((field) => field.label)).toContain('Date of birth');
    expect(saved).toEqual([]);
  });

  it('saves the draft, trimmed, and says so', async () => {
    const model = await loadedModel();
    model.edit('shopName', '  Phone Doctor  ');
    const saving = model.save();
    expect(model.saving.value).toBe(true);
    expect(await saving).toBe(true);
    expect(model.saving.value).toBe(false);
    expect(saved).toEqual([{ ...stored, shopName: 'Phone Doctor' }]);
    expect(model.draft.value.shopName).toBe('Phone Doctor');
    expect(model.status.value).toBe('Receipt template saved.');
  });

  it('marks the fields to fix and saves nothing', async () => {
    const model = await loadedModel();
    model.edit('shopName', '   ');
    model.edit('terms', 'x'.repeat(3001));
    expect(await model.save()).toBe(false);
    expect(model.errors.value).toEqual({
      shopName: 'The receipt needs a shop name.',
      terms: 'Receipt terms can be at most 3,000 characters.',
    });
    expect(saved).toEqual([]);
    model.edit('shopName', 'Phone Doctor');
    expect(model.errors.value).toEqual({ terms: 'Receipt terms can be at most 3,000 characters.' });
  });

  it('keeps the draft when saving fails, and a refresh does not throw the edits away', async () => {
    const model = await loadedModel();
    model.edit('shopName', 'Phone Doctor');
    failSave = new Error('The disk is full');
    expect(await model.save()).toBe(false);
    expect(model.error.value).toBe('The receipt template was not saved: The disk is full');
    await model.refresh();
    expect(model.draft.value.shopName).toBe('Phone Doctor');
    failSave = null;
    expect(await model.save()).toBe(true);
    expect(model.error.value).toBeNull();
  });

  it('says when the template cannot be loaded, and keeps the default', async () => {
    deps.load = async () => {
      throw new Error('Database closed');
    };
    const model = await loadedModel();
    expect(model.error.value).toBe('The receipt template could not be loaded: Database closed');
    expect(model.draft.value).toEqual(DEFAULT_RECEIPT_TEMPLATE);
  });

  describe('the logo', () => {
    it('takes a PNG or a JPEG as a data URL, shown in the preview', async () => {
      const model = await loadedModel();
      await model.setLogo(file([...PNG_SIGNATURE, 1, 2, 3], 'logo.png', 'image/png'));
      expect(model.draft.value.logo).toBe(`data:image/png;base64,${btoa('\x89PNG\r\n\x1a\n\x01\x02\x03')}`);
      expect(model.preview.value.shop.logo).toBe(model.draft.value.logo);
      await model.setLogo(file([0xff, 0xd8, 0xff, 0xe0], 'photo.jpg', 'image/jpeg'));
      expect(model.draft.value.logo).toBe('data:image/jpeg;base64,/9j/4A==');
      expect(await model.save()).toBe(true);
      expect(saved[0]?.logo).toBe('data:image/jpeg;base64,/9j/4A==');
    });

    it('refuses other files and files too large, with a message, keeping the logo it had', async () => {
      const model = await loadedModel();
      await model.setLogo(file([...PNG_SIGNATURE], 'logo.png', 'image/png'));
      const kept = model.draft.value.logo;
      await model.setLogo(file([0x47, 0x49, 0x46, 0x38], 'logo.gif', 'image/gif'));
      expect(model.errors.value.logo).toBe('The logo must be a PNG or JPEG image; logo.gif is not one.');
      await model.setLogo(file([0x3c, 0x73, 0x76, 0x67], 'renamed.png', 'image/png'));
      expect(model.errors.value.logo).toBe('The logo must be a PNG or JPEG image; renamed.png is not one.');
      const large = new Uint8Array(MAX_LOGO_BYTES + 1);
      large.set(PNG_SIGNATURE);
      await model.setLogo(file(large, 'huge.png', 'image/png'));
      expect(model.errors.value.logo).toBe('The logo can be at most 256 KB; huge.png is 257 KB.');
      expect(model.draft.value.logo).toBe(kept);
      await model.setLogo(file([...PNG_SIGNATURE, 9], 'good.png', 'image/png'));
      expect(model.errors.value.logo).toBeUndefined();
    });

    it('is removed', async () => {
      const model = await loadedModel();
      await model.setLogo(file([...PNG_SIGNATURE], 'logo.png', 'image/png'));
      model.removeLogo();
      expect(model.draft.value.logo).toBeUndefined();
      expect(await model.save()).toBe(true);
      expect(saved[0]).not.toHaveProperty('logo');
    });
  });

  it('makes a sample receipt in the shop currency', () => {
    const input = sampleReceiptInput(stored, { locale: 'en-US', currency: 'JPY', today: '2026-03-03' });
    expect(input.buyBack.items.map((item) => item.price)).toEqual([
      { minor: 250, currency: 'JPY' },
      { minor: 120, currency: 'JPY' },
    ]);
    expect(input.seller.name).toBe('Sam Seller');
    expect(input.buyBack.payout?.amount).toEqual({ minor: 370, currency: 'JPY' });
  });

  it('round-trips through the stored setting', async () => {
    const db = new TallyDatabase(`test-${crypto.randomUUID()}`);
    try {
      const model = createReceiptTemplateModel(
        {
          load: () => readSetting(db, 'receiptTemplate'),
          save: (template) => writeSetting(db, 'receiptTemplate', template),
        },
        { locale: 'en-US' },
      );
      await model.refresh();
      expect(model.draft.value).toEqual(DEFAULT_RECEIPT_TEMPLATE);
      model.edit('shopName', 'Phone Doctor');
      model.setShown('condition', false);
      expect(await model.save()).toBe(true);
      const again = createReceiptTemplateModel(
        { load: () => readSetting(db, 'receiptTemplate'), save: async () => undefined },
        { locale: 'en-US' },
      );
      await again.refresh();
      expect(again.draft.value.shopName).toBe('Phone Doctor');
      expect(again.draft.value.show.condition).toBe(false);
    } finally {
      await db.delete();
    }
  });
});

describe('receipt template editor', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const field = (name: string) => {
    const label = [...root.querySelectorAll('label')].find((one) => one.textContent?.trim() === name);
    const control = label?.querySelector('input, textarea');
    if (!control) throw new Error(`No field labelled "${name}"`);
    return control as HTMLInputElement | HTMLTextAreaElement;
  };
  const button = (name: string) => {
    const found = [...root.querySelectorAll('button')].find((one) => one.textContent?.trim() === name);
    if (!found) throw new Error(`No button "${name}"`);
    return found;
  };
  const preview = () => root.querySelector('[aria-label="Receipt preview"]');

  it('edits the template with a live preview, as text', async () => {
    const model = await loadedModel();
    await act(() => render(h(ReceiptTemplateEditor, { model }), root));
    expect(root.querySelector('h2')?.textContent).toBe('Receipt template');
    expect(field('Shop name').value).toBe('Fixit Repair & Resale');
    expect(field('Shop address').tagName).toBe('TEXTAREA');
    expect(field('Receipt terms').tagName).toBe('TEXTAREA');
    expect(button('Choose logo')).toBeTruthy();
    expect(root.querySelector('fieldset legend')?.textContent).toBe('Logo');
    for (const name of ['Seller identification', 'Date of birth', 'Serial / IMEI', 'Condition']) {
      expect(field(name).getAttribute('type')).toBe('checkbox');
    }
    expect(preview()?.textContent).toContain('Fixit Repair & Resale');

    await act(() => {
      const input = field('Shop name');
      input.value = '<b>Phone Doctor</b>';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(preview()?.textContent).toContain('<b>Phone Doctor</b>');
    expect(preview()?.querySelector('b')).toBeNull();

    await act(() => {
      const box = field('Serial / IMEI') as HTMLInputElement;
      box.checked = false;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(preview()?.querySelector('thead')?.textContent).not.toContain('Serial / IMEI');

    await act(async () => {
      button('Save receipt template').click();
      await new Promise((settle) => setTimeout(settle, 0));
    });
    expect(root.querySelector('[role=status]')?.textContent).toBe('Receipt template saved.');
    expect(saved[0]?.shopName).toBe('<b>Phone Doctor</b>');
  });

  it('offers Remove logo once there is a logo, and shows why a file was refused', async () => {
    const model = await loadedModel();
    await act(() => render(h(ReceiptTemplateEditor, { model }), root));
    expect([...root.querySelectorAll('button')].map((one) => one.textContent)).not.toContain('Remove logo');
    await act(() => model.setLogo(file([...PNG_SIGNATURE], 'logo.png', 'image/png')));
    expect(preview()?.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await act(() => button('Remove logo').click());
    expect(preview()?.querySelector('img')).toBeNull();
    await act(() => model.setLogo(file([1, 2, 3], 'notes.txt', 'text/plain')));
    expect(root.querySelector('[role=alert]')?.textContent).toBe(
      'The logo must be a PNG or JPEG image; notes.txt is not one.',
    );
  });
});
