import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../../src/db/database';
import { readSetting } from '../../../../src/db/settings';
import { createPresetModel, type PresetModel } from '../../../../src/ui/export/preset-model';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

/** A dashboard's preset model with the stored presets loaded. */
async function presetModel(): Promise<PresetModel> {
  const model = createPresetModel({ db });
  await model.load();
  return model;
}

/** Starts a new preset named `name` in `model` (Tally's columns). */
function draftNamed(model: PresetModel, name: string) {
  model.startNew();
  model.edit({ name });
}

const storedNames = async () => (await readSetting(db, 'exportPresets')).map((preset) => preset.name);

describe('column presets', () => {
  it('keeps both presets when two dashboards save one each at the same moment', async () => {
    const [left, right] = [await presetModel(), await presetModel()];
    draftNamed(left, 'Shopify');
    draftNamed(right, 'Square');
    await Promise.all([left.save(), right.save()]);
    expect([left.error.value, right.error.value]).toEqual([null, null]);
    expect((await storedNames()).sort()).toEqual(['Shopify', 'Square']);
  });

  it('refuses a name another dashboard saved meanwhile, and keeps that preset', async () => {
    const [left, right] = [await presetModel(), await presetModel()];
    draftNamed(left, 'Shopify');
    draftNamed(right, 'shopify');
    await Promise.all([left.save(), right.save()]);
    expect(right.error.value).toBe('The preset was not saved: a preset named “shopify” already exists.');
    expect(await storedNames()).toEqual(['Shopify']);
  });

  it('deleting one preset in one dashboard keeps the one another saves meanwhile', async () => {
    const left = await presetModel();
    draftNamed(left, 'Shopify');
    await left.save();
    const right = await presetModel();
    draftNamed(right, 'Square');
    await Promise.all([left.remove(), right.save()]);
    expect(await storedNames()).toEqual(['Square']);
  });

  it('refuses Tally’s own preset name, which the chooser already shows', async () => {
    const model = await presetModel();
    draftNamed(model, ' tally DEFAULT ');
    await model.save();
    expect(model.error.value).toBe(
      'The preset was not saved: “Tally default” is Tally’s own layout; give yours another name.',
    );
    expect(await storedNames()).toEqual([]);
  });

  it('saves changes to a saved preset in its place, not as another one', async () => {
    const model = await presetModel();
    draftNamed(model, 'Shopify');
    await model.save();
    draftNamed(model, 'Square');
    await model.save();
    const shopify = model.presets.value[0]?.id ?? '';
    model.choose(shopify);
    model.edit({ name: 'Shopify EU', dateFormat: 'DD/MM/YYYY' });
    model.editColumn('email', { included: false });
    await model.save();
    expect(model.status.value).toBe('Saved the preset “Shopify EU”.');
    const stored = await readSetting(db, 'exportPresets');
    expect(stored.map((preset) => [preset.id === shopify, preset.name, preset.dateFormat])).toEqual([
      [true, 'Shopify EU', 'DD/MM/YYYY'],
      [false, 'Square', 'YYYY-MM-DD'],
    ]);
    expect(stored[0]?.columns.map((column) => column.id)).not.toContain('email');

    // Renamed to the other preset's name: refused, nothing stored changes.
    model.edit({ name: 'SQUARE' });
    await model.save();
    expect(model.error.value).toBe('The preset was not saved: a preset named “SQUARE” already exists.');
    expect(await storedNames()).toEqual(['Shopify EU', 'Square']);
  });

  it('keeps a new preset being made when the panel is opened again', async () => {
    const model = await presetModel();
    draftNamed(model, 'Half done');
    model.editColumn('email', { included: false });
    await model.load();
    expect(model.draft.value?.name).toBe('Half done');
    expect(model.draft.value?.columns.find((column) => column.id === 'email')?.included).toBe(false);

    // Started from a saved preset that another dashboard then deleted: the new one stays too.
    await model.save();
    const other = await presetModel();
    model.startNew();
    model.edit({ name: 'Second' });
    other.choose(model.chosenId.value);
    await other.remove();
    await model.load();
    expect(model.draft.value?.name).toBe('Second');
    expect(model.chosenId.value).toBe('default');
  });

  it('falls back to Tally’s default when the chosen preset was deleted in another dashboard', async () => {
    const left = await presetModel();
    draftNamed(left, 'Shopify');
    await left.save();
    const right = await presetModel();
    right.choose(left.chosenId.value);
    await left.remove();
    await right.load();
    expect(right.chosenId.value).toBe('default');
    expect(right.draft.value).toBeNull();
    expect(right.presets.value).toEqual([]);
  });
});
