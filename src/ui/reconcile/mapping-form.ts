import { computed, signal } from '@preact/signals';
import type { DateOrder, OrderExportField, OrderExportLayout } from '../../domain/back-office-order';
import { orderExportFieldLabel, orderExportLayoutProblem } from '../../csv/order-export-layout';
import { t } from '../../domain/i18n';
import { CurrencyCode } from '../../domain/money';

/**
 * A field's choice in the `Columns` form; the currency column's is told apart from the
 * `Currency` field that files without one need.
 */
export function columnLabel(field: OrderExportField): string {
  return field === 'currency' ? t('reconcile_mapping_currency_column') : orderExportFieldLabel(field);
}

/** Date formats shown as their format tokens, the same in every language. */
export const DATE_ORDER_LABELS: Readonly<Record<DateOrder, string>> = {
  ymd: 'YYYY-MM-DD',
  dmy: 'DD/MM/YYYY',
  mdy: 'MM/DD/YYYY',
};

/** A file Tally did not recognise, read far enough to show its columns. */
export interface UnrecognisedFile {
  fileName: string;
  bytes: Uint8Array;
  hash: string;
  header: string[];
  guess: OrderExportLayout;
  preview: string[][];
}

/**
 * Why a mapping cannot read orders, or null: the columns the reader needs (orderExportLayoutProblem),
 * the back office's name it is remembered under, and a currency when the file has no column for it.
 */
function mappingProblem(layout: OrderExportLayout): string | null {
  const columns = orderExportLayoutProblem(layout);
  if (columns) return columns;
  if (layout.backOffice.trim() === '') return t('reconcile_mapping_name_back_office');
  if (layout.columns.currency === undefined && !CurrencyCode.safeParse(layout.defaultCurrency).success) {
    return t('reconcile_mapping_currency_code');
  }
  return null;
}

/**
 * The `Columns` form for a file Tally did not recognise: one choice per field, preselected with
 * Tally's guess, the back office's name (the mapping is remembered under it), the date format
 * and, without a currency column, the currency.
 */
export function createMappingForm(file: UnrecognisedFile) {
  const layout = signal<OrderExportLayout>({ ...file.guess, format: 'mapped', header: file.header });
  /** Shown once the user tried to confirm; updated as they fix it. */
  const attempted = signal(false);
  const problem = computed(() => (attempted.value ? mappingProblem(layout.value) : null));

  function update(change: Partial<OrderExportLayout>) {
    layout.value = { ...layout.value, ...change };
  }

  return {
    file,
    layout,
    problem,
    /** `index` is the file's column, or null for "Not in file". */
    setColumn(field: OrderExportField, index: number | null) {
      const columns = { ...layout.value.columns };
      if (index === null || index < 0 || index >= file.header.length) delete columns[field];
      else columns[field] = index;
      update({ columns });
    },
    setBackOffice: (backOffice: string) => update({ backOffice }),
    setDateOrder: (dateOrder: DateOrder) => update({ dateOrder }),
    setCurrency: (currency: string) => update({ defaultCurrency: currency.trim().toUpperCase() }),
    /** The layout to save and read with, or null (and the problem shown) when it cannot read orders. */
    confirmed(): OrderExportLayout | null {
      attempted.value = true;
      if (mappingProblem(layout.value)) return null;
      return { ...layout.value, backOffice: layout.value.backOffice.trim() };
    },
  };
}

export type MappingForm = ReturnType<typeof createMappingForm>;
