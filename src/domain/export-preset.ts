import { z } from 'zod';
import type { CalendarDate } from './dates';
import { t, type MessageKey } from './i18n';

/**
 * What a purchases export may hold, as stable ids, in Tally's documented order (the layout is
 * described on PURCHASE_EXPORT_COLUMNS in src/csv/purchases-export.ts). Presets store these ids,
 * so renaming a column in a preset never changes what it holds.
 */
export const EXPORT_COLUMN_IDS = [
  'date',
  'contact',
  'email',
  'backOfficeId',
  'kind',
  'sku',
  'product',
  'quantity',
  'unitPrice',
  'lineTotal',
  'currency',
  'tallyOrderId',
  'paymentMethod',
  'storeCredit',
  'status',
  'backOfficeOrderId',
] as const;
export type ExportColumnId = (typeof EXPORT_COLUMN_IDS)[number];

/** Each column's name in Tally's default layout; a preset may rename it. */
export const EXPORT_COLUMN_NAMES: Readonly<Record<ExportColumnId, string>> = {
  date: 'Date',
  contact: 'Contact',
  email: 'Email',
  backOfficeId: 'Back-office ID',
  kind: 'Kind',
  sku: 'SKU',
  product: 'Product',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  lineTotal: 'Line total',
  currency: 'Currency',
  tallyOrderId: 'Tally order ID',
  paymentMethod: 'Payment method',
  storeCredit: 'Store credit',
  status: 'Status',
  backOfficeOrderId: 'Back-office order ID',
};

export const EXPORT_DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export type ExportDateFormat = (typeof EXPORT_DATE_FORMATS)[number];

/**
 * `point`: 12.50 in a comma-separated file. `comma`: 12,50 in a semicolon-separated file, which
 * is what Excel opens directly where the comma is the decimal separator (most of Europe).
 */
export const EXPORT_NUMBER_FORMATS = ['point', 'comma'] as const;
export type ExportNumberFormat = (typeof EXPORT_NUMBER_FORMATS)[number];

/** How a number format is offered: "Decimal point (12.50, comma-separated)". */
export function numberFormatLabel(format: ExportNumberFormat): string {
  return t(format === 'point' ? 'export_number_format_point' : 'export_number_format_comma');
}

const MAX_NAME = 60;

/** A schema's message, looked up when a value is refused (in the user's language), not at import. */
const refusal = (key: MessageKey, ...substitutions: string[]) => ({
  error: () => t(key, ...substitutions),
});

const ExportColumn = z.object({
  id: z.enum(EXPORT_COLUMN_IDS),
  name: z
    .string()
    .trim()
    .min(1, refusal('export_preset_column_name_empty'))
    .max(MAX_NAME, refusal('export_preset_column_name_long', String(MAX_NAME))),
});
export type ExportColumn = z.infer<typeof ExportColumn>;

/** A layout the user made for a back office: the file's columns in order, named as it wants them. */
export const ExportPreset = z
  .object({
    id: z.string().min(1),
    name: z
      .string()
      .trim()
      .min(1, refusal('export_preset_name_empty'))
      .max(MAX_NAME, refusal('export_preset_name_long', String(MAX_NAME))),
    /** The back office the file is for, as the user calls it; may be empty. */
    backOffice: z
      .string()
      .trim()
      .max(MAX_NAME, refusal('export_preset_back_office_long', String(MAX_NAME))),
    dateFormat: z.enum(EXPORT_DATE_FORMATS),
    numberFormat: z.enum(EXPORT_NUMBER_FORMATS),
    columns: z.array(ExportColumn).min(1, refusal('export_preset_no_column')),
  })
  .superRefine((preset, context) => {
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const column of preset.columns) {
      if (ids.has(column.id)) {
        context.addIssue({
          code: 'custom',
          message: t('export_preset_column_twice', column.id),
          path: ['columns'],
        });
      }
      // A spreadsheet or back office reads columns by name: two of the same name are ambiguous.
      const key = column.name.toLowerCase();
      if (names.has(key)) {
        context.addIssue({
          code: 'custom',
          message: t('export_preset_same_name', column.name),
          path: ['columns'],
        });
      }
      ids.add(column.id);
      names.add(key);
    }
  });
export type ExportPreset = z.infer<typeof ExportPreset>;

/** The stored presets (the `exportPresets` setting): each name once. */
export const ExportPresets = z
  .array(ExportPreset)
  .max(50, refusal('export_presets_too_many', '50'))
  .refine(
    (presets) => new Set(presets.map((preset) => preset.name.toLowerCase())).size === presets.length,
    refusal('export_presets_name_twice'),
  );

/**
 * Tally's documented layout: every column, its own names, ISO dates, decimal point. Not stored;
 * its name is shown translated (presetDisplayName).
 */
export const DEFAULT_EXPORT_PRESET: ExportPreset = {
  id: 'default',
  name: 'Tally default',
  backOffice: '',
  dateFormat: 'YYYY-MM-DD',
  numberFormat: 'point',
  columns: EXPORT_COLUMN_IDS.map((id) => ({ id, name: EXPORT_COLUMN_NAMES[id] })),
};

/** The name a preset is shown by: Tally's default's in the user's language, the user's own as given. */
export function presetDisplayName(preset: ExportPreset): string {
  return preset.id === DEFAULT_EXPORT_PRESET.id ? t('export_default_preset_name') : preset.name;
}

/** A date in the preset's format; `date` is a valid YYYY-MM-DD. */
export function formatExportDate(date: CalendarDate, format: ExportDateFormat): string {
  if (format === 'YYYY-MM-DD') return date;
  const year = date.slice(0, 4);
  const month = date.slice(5, 7);
  const day = date.slice(8, 10);
  return format === 'DD/MM/YYYY' ? `${day}/${month}/${year}` : `${month}/${day}/${year}`;
}

/** A decimal written with a point ("12.50", as formatDecimalAmount gives) in the preset's format. */
export function formatExportDecimal(decimal: string, format: ExportNumberFormat): string {
  return format === 'point' ? decimal : decimal.replace('.', ',');
}

/** The file's delimiter: a decimal comma needs another one. */
export function exportDelimiter(format: ExportNumberFormat): ',' | ';' {
  return format === 'point' ? ',' : ';';
}

/** A preset while the user edits it: every column, those left out too, so they can be put back. */
export interface PresetDraft {
  /** The saved preset it edits, or null for a new one. */
  savedId: string | null;
  name: string;
  backOffice: string;
  dateFormat: ExportDateFormat;
  numberFormat: ExportNumberFormat;
  columns: { id: ExportColumnId; name: string; included: boolean }[];
}

/** A preset to edit: its columns in its order, then the others (left out) in Tally's order. */
export function draftOf(preset: ExportPreset, savedId: string | null): PresetDraft {
  const used = new Set(preset.columns.map((column) => column.id));
  return {
    savedId,
    name: savedId === null ? '' : preset.name,
    backOffice: preset.backOffice,
    dateFormat: preset.dateFormat,
    numberFormat: preset.numberFormat,
    columns: [
      ...preset.columns.map((column) => ({ ...column, included: true })),
      ...EXPORT_COLUMN_IDS.filter((id) => !used.has(id)).map((id) => ({
        id,
        name: EXPORT_COLUMN_NAMES[id],
        included: false,
      })),
    ],
  };
}

/** The draft as a preset, or what is wrong with it (the first problem, as a sentence's end). */
export function presetOfDraft(
  draft: PresetDraft,
  id: string,
): { ok: true; preset: ExportPreset } | { ok: false; problem: string } {
  const parsed = ExportPreset.safeParse({
    id,
    name: draft.name,
    backOffice: draft.backOffice,
    dateFormat: draft.dateFormat,
    numberFormat: draft.numberFormat,
    columns: draft.columns
      .filter((column) => column.included)
      .map(({ id: column, name }) => ({ id: column, name })),
  });
  if (parsed.success) return { ok: true, preset: parsed.data };
  return { ok: false, problem: parsed.error.issues[0]?.message ?? t('export_preset_invalid') };
}

/**
 * Moves an included column one place up (-1) or down (+1) among the file's columns; at either end,
 * or left out, it stays.
 */
export function moveDraftColumn(draft: PresetDraft, id: ExportColumnId, by: -1 | 1): PresetDraft {
  const from = draft.columns.findIndex((column) => column.id === id);
  const to = from + by;
  const moving = draft.columns[from];
  const other = draft.columns[to];
  if (!moving?.included || !other?.included) return draft;
  const columns = [...draft.columns];
  columns[from] = other;
  columns[to] = moving;
  return { ...draft, columns };
}

/**
 * Renames a column, or puts it in or leaves it out. The draft keeps the file's columns first, in
 * the file's order: a column put in goes last among them, one left out first among the rest.
 */
export function editDraftColumn(
  draft: PresetDraft,
  id: ExportColumnId,
  change: Partial<{ name: string; included: boolean }>,
): PresetDraft {
  const edited = draft.columns.find((column) => column.id === id);
  if (!edited) return draft;
  const column = { ...edited, ...change };
  const others = draft.columns.filter((other) => other.id !== id);
  const included = others.filter((other) => other.included);
  const left = others.filter((other) => !other.included);
  if (change.included === undefined || change.included === edited.included) {
    return { ...draft, columns: draft.columns.map((other) => (other.id === id ? column : other)) };
  }
  return { ...draft, columns: [...included, column, ...left] };
}

/** Whether the column can move that way (it is in the file and not at that end of it). */
export function canMoveDraftColumn(draft: PresetDraft, id: ExportColumnId, by: -1 | 1): boolean {
  return moveDraftColumn(draft, id, by) !== draft;
}
