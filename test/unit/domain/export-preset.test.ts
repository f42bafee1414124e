import { describe, expect, it } from 'vitest';
import {
  canMoveDraftColumn,
  DEFAULT_EXPORT_PRESET,
  draftOf,
  editDraftColumn,
  EXPORT_COLUMN_IDS,
  ExportPresets,
  exportDelimiter,
  formatExportDate,
  formatExportDecimal,
  moveDraftColumn,
  presetOfDraft,
  type ExportPreset,
} from '../../../src/domain/export-preset';
import { SETTINGS } from '../../../src/domain/settings';

const preset: ExportPreset = {
  id: 'p1',
  name: 'Square',
  backOffice: 'Square',
  dateFormat: 'MM/DD/YYYY',
  numberFormat: 'point',
  columns: [
    { id: 'sku', name: 'Item SKU' },
    { id: 'date', name: 'Date' },
  ],
};

describe('formats', () => {
  it('writes each date format from a calendar date', () => {
    expect(formatExportDate('2026-01-31', 'YYYY-MM-DD')).toBe('2026-01-31');
    expect(formatExportDate('2026-01-31', 'DD/MM/YYYY')).toBe('31/01/2026');
    expect(formatExportDate('2026-01-31', 'MM/DD/YYYY')).toBe('01/31/2026');
  });

  it('writes a decimal comma, with ; between cells', () => {
    expect(formatExportDecimal('1234.50', 'comma')).toBe('1234,50');
    expect(formatExportDecimal('-0.05', 'comma')).toBe('-0,05');
    expect(formatExportDecimal('1500', 'comma')).toBe('1500');
    expect(formatExportDecimal('12.50', 'point')).toBe('12.50');
    expect([exportDelimiter('point'), exportDelimiter('comma')]).toEqual([',', ';']);
  });
});

describe('editing a preset', () => {
  it('edits its columns in its order, then the ones left out in Tally’s order', () => {
    const draft = draftOf(preset, preset.id);
    expect(draft.columns.slice(0, 3)).toEqual([
      { id: 'sku', name: 'Item SKU', included: true },
      { id: 'date', name: 'Date', included: true },
      { id: 'contact', name: 'Contact', included: false },
    ]);
    expect(draft.columns).toHaveLength(EXPORT_COLUMN_IDS.length);
    expect(draftOf(DEFAULT_EXPORT_PRESET, null).name).toBe('');
  });

  it('moves, renames and leaves out columns; the saved preset holds those included, in order', () => {
    let draft = draftOf(preset, preset.id);
    draft = moveDraftColumn(draft, 'date', -1);
    draft = moveDraftColumn(draft, 'date', -1); // already first: stays
    draft = editDraftColumn(draft, 'contact', { included: true, name: 'Customer' });
    draft = moveDraftColumn(draft, 'contact', 1);
    draft = editDraftColumn(draft, 'sku', { included: false });
    // A column put in goes last among the file's; it cannot move past the ones left out.
    expect(draft.columns.slice(0, 4).map((column) => column.id)).toEqual(['date', 'contact', 'sku', 'email']);
    expect(canMoveDraftColumn(draft, 'contact', 1)).toBe(false);
    expect(canMoveDraftColumn(draft, 'contact', -1)).toBe(true);
    expect(canMoveDraftColumn(draft, 'sku', -1)).toBe(false);
    expect(presetOfDraft(draft, 'p1')).toEqual({
      ok: true,
      preset: {
        ...preset,
        columns: [
          { id: 'date', name: 'Date' },
          { id: 'contact', name: 'Customer' },
        ],
      },
    });
  });

  it('says what stops a preset being saved', () => {
    const draft = draftOf(preset, null);
    expect(presetOfDraft(draft, 'new')).toEqual({ ok: false, problem: 'give the preset a name' });
    const named = { ...draft, name: 'Mine' };
    const none = named.columns.reduce(
      (changed, column) => editDraftColumn(changed, column.id, { included: false }),
      named,
    );
    expect(presetOfDraft(none, 'new')).toEqual({ ok: false, problem: 'choose at least one column' });
    const twice = editDraftColumn(named, 'date', { name: 'item sku' });
    expect(presetOfDraft(twice, 'new')).toEqual({ ok: false, problem: 'two columns are named “item sku”' });
    const blank = editDraftColumn(named, 'date', { name: '  ' });
    expect(presetOfDraft(blank, 'new')).toEqual({ ok: false, problem: 'every column needs a name' });
  });

  it('stores presets in the exportPresets setting, each name once', () => {
    expect(SETTINGS.exportPresets.schema.safeParse([preset]).success).toBe(true);
    expect(ExportPresets.safeParse([preset, { ...preset, id: 'p2', name: 'square' }]).success).toBe(false);
    expect(SETTINGS.exportPresets.default).toEqual([]);
  });
});
