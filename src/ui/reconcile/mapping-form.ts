import { computed, signal } from '@preact/signals';
import type { DateOrder, OrderExportField, OrderExportLayout } from '../../domain/back-office-order';
import { CurrencyCode } from '../../domain/money';

/** What each field a column can fill is called in the `Columns` form. */
export const ORDER_EXPORT_FIELD_LABELS: Readonly<Record<OrderExportField, string>> = {
  orderId: 'Order ID',
  date: 'Order date',
  customerId: 'Customer ID',
  customerEmail: 'Customer email',
  customerPhone: 'Customer phone',
  customerName: 'Customer name',
  sku: 'SKU',
  product: 'Product name',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  lineTotal: 'Line total',
  // "Currency" is the field for files without a currency column.
  currency: 'Currency column',
};

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
 * Why a mapping cannot read orders, or null. A row needs to say which order it belongs to, when,
 * who bought, what and how many at what price; a file without a currency column needs one given.
 */
export function mappingProblem(layout: OrderExportLayout): string | null {
  const has = (field: OrderExportField) => layout.columns[field] !== undefined;
  const missing: string[] = [];
  if (!has('orderId')) missing.push('Order ID');
  if (!has('date')) missing.push('Order date');
  if (
    !['customerId', 'customerEmail', 'customerPhone', 'customerName'].some((field) =>
      has(field as OrderExportField),
    )
  ) {
    missing.push('a customer column (ID, email, phone or name)');
  }
  if (!has('sku') && !has('product')) missing.push('SKU or Product name');
  if (!has('quantity')) missing.push('Quantity');
  if (!has('unitPrice') && !has('lineTotal')) missing.push('Unit price or Line total');
  if (missing.length > 0) return `Choose the column for ${missing.join(', ')}.`;
  if (layout.backOffice.trim() === '') return 'Name the back office these files come from.';
  if (!has('currency') && !CurrencyCode.safeParse(layout.defaultCurrency).success) {
    return 'Give the currency as a three-letter code, e.g. USD.';
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
