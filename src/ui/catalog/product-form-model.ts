import { computed, signal, type Signal } from '@preact/signals';
import type { CatalogEntry } from '../../domain/catalog-changes';
import { CurrencyCode } from '../../domain/money';
import { t, type MessageKey } from '../../domain/i18n';
import { formatCount } from '../../domain/locale-format';
import { moneyInputMessage, parseMoneyInput } from '../../domain/money-input';
import { PRODUCT_TEXT_LIMITS } from '../../domain/product';

export type ProductFormField = 'sku' | 'name' | 'price' | 'currency' | 'category' | 'barcode';
export type ProductFormValues = Record<ProductFormField, string>;
export type ProductFormErrors = Partial<Record<ProductFormField, string>>;

export const PRODUCT_FORM_FIELDS: readonly {
  field: ProductFormField;
  /** Its message key: the label is looked up when shown. */
  label: MessageKey;
  inputMode: 'text' | 'decimal' | 'numeric';
}[] = [
  { field: 'sku', label: 'catalog_field_sku', inputMode: 'text' },
  { field: 'name', label: 'catalog_field_name', inputMode: 'text' },
  { field: 'price', label: 'catalog_field_price', inputMode: 'decimal' },
  { field: 'currency', label: 'catalog_field_currency', inputMode: 'text' },
  { field: 'category', label: 'catalog_field_category', inputMode: 'text' },
  { field: 'barcode', label: 'catalog_field_barcode', inputMode: 'numeric' },
];

const TOO_LONG: Record<keyof typeof PRODUCT_TEXT_LIMITS, MessageKey> = {
  sku: 'catalog_sku_too_long',
  name: 'catalog_name_too_long',
  category: 'catalog_category_too_long',
  barcode: 'catalog_barcode_too_long',
};

export type ProductFormRead =
  { entry: CatalogEntry; errors: Record<string, never> } | { entry: null; errors: ProductFormErrors };

/**
 * The product a form describes, or a message for each field to fix. Pure: the form shows the
 * messages, and the capture view uses it to show what saving would change as the user types.
 */
export function readProductForm(values: ProductFormValues, locale?: string): ProductFormRead {
  const errors: ProductFormErrors = {};
  const text = (field: ProductFormField) => values[field].trim();
  const required = (field: 'sku' | 'name', message: MessageKey) => {
    if (text(field) === '') errors[field] = t(message);
  };
  const limited = (field: keyof typeof PRODUCT_TEXT_LIMITS) => {
    if (text(field).length > PRODUCT_TEXT_LIMITS[field]) {
      errors[field] = t(TOO_LONG[field], formatCount(PRODUCT_TEXT_LIMITS[field]));
    }
  };
  required('sku', 'catalog_enter_sku');
  limited('sku');
  required('name', 'catalog_enter_name');
  limited('name');
  limited('category');
  limited('barcode');

  const currency = text('currency').toUpperCase();
  const currencyOk = CurrencyCode.safeParse(currency).success;
  if (!currencyOk) errors.currency = t('catalog_currency_invalid');
  const price = currencyOk ? parseMoneyInput(values.price, currency, locale) : null;
  if (price && !price.ok) {
    errors.price =
      price.problem.kind === 'empty' ? t('catalog_enter_price') : moneyInputMessage('price', price.problem);
  }

  if (Object.keys(errors).length > 0 || !price?.ok) return { entry: null, errors };
  const entry: CatalogEntry = { sku: text('sku'), name: text('name'), price: price.money, extra: {} };
  if (text('category') !== '') entry.category = text('category');
  if (text('barcode') !== '') entry.barcode = text('barcode');
  return { entry, errors: {} };
}

/** A product form: a signal per field, the messages shown, and the product it describes. */
export function createProductFormModel(
  prefill: Partial<ProductFormValues>,
  options: { locale?: string } = {},
) {
  const values = Object.fromEntries(
    PRODUCT_FORM_FIELDS.map(({ field }) => [field, signal(prefill[field] ?? '')]),
  ) as Record<ProductFormField, Signal<string>>;
  const errors = signal<ProductFormErrors>({});
  const current = computed(() =>
    readProductForm(
      Object.fromEntries(
        PRODUCT_FORM_FIELDS.map(({ field }) => [field, values[field].value]),
      ) as ProductFormValues,
      options.locale,
    ),
  );

  /** Typing in a field ends its message: it was about the old text. */
  function edit(field: ProductFormField, value: string) {
    values[field].value = value;
    if (errors.value[field] === undefined) return;
    const { [field]: _done, ...rest } = errors.value;
    errors.value = rest;
  }

  /** The product, or null with every field to fix marked. */
  function validate(): CatalogEntry | null {
    const read = current.value;
    errors.value = read.errors;
    return read.entry;
  }

  function markError(field: ProductFormField, message: string) {
    errors.value = { ...errors.value, [field]: message };
  }

  return { values, errors, current, edit, validate, markError };
}

export type ProductFormModel = ReturnType<typeof createProductFormModel>;
