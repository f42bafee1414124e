import { t, type MessageKey } from '../domain/i18n';
import { formatCount } from '../domain/locale-format';
import { CurrencyCode, minorDigits, parseDecimalAmount, type Money } from '../domain/money';
import { PRODUCT_TEXT_LIMITS } from '../domain/product';
import type { CsvEncoding } from './decode';
import {
  acceptRow,
  extraCellsReader,
  mapColumns,
  missingColumnsMessage,
  quoteValue,
  readRows,
  rejectRow,
  type ColumnSynonyms,
  type RowRejection,
} from './rows';
import { isCsvFileError, parseCsvTable } from './table';

export type ProductField = 'sku' | 'name' | 'price' | 'currency' | 'category' | 'barcode';

/** Header names the catalog import understands, best match first. */
export const PRODUCT_COLUMNS: ColumnSynonyms<ProductField> = {
  sku: ['sku', 'item code', 'product code', 'code'],
  name: ['name', 'product name', 'product', 'title', 'description'],
  price: ['price', 'unit price', 'retail price'],
  currency: ['currency', 'currency code'],
  category: ['category', 'type'],
  barcode: ['barcode', 'ean', 'upc', 'gtin'],
};

const REQUIRED_FIELDS: readonly ProductField[] = ['sku', 'name', 'price'];

const FIELD_LABEL_KEYS: Readonly<Record<ProductField, MessageKey>> = {
  sku: 'csv_product_field_sku',
  name: 'csv_product_field_name',
  price: 'csv_product_field_price',
  currency: 'csv_product_field_currency',
  category: 'csv_product_field_category',
  barcode: 'csv_product_field_barcode',
};

const fieldLabel = (field: ProductField) => t(FIELD_LABEL_KEYS[field]);

/** A catalog product read from a file; the database layer adds id, timestamps and searchText. */
export interface ProductRow {
  sku: string;
  name: string;
  price: Money;
  category?: string;
  barcode?: string;
  /** The file's other columns, by header name, as they were. */
  extra: Record<string, string>;
}

export interface ProductsCsvOptions {
  /** Currency of rows with no currency column or an empty cell; 'USD' unless given. */
  defaultCurrency?: string;
  /** How the text was decoded (decodeCsvBytes), to tell the user when it was a guess. */
  encoding?: CsvEncoding;
}

export type ProductsCsvResult =
  | {
      ok: true;
      products: ProductRow[];
      rejected: RowRejection[];
      /** Optional fields the file has no column for: an import keeps what the catalog has. */
      absentFields: OmittableProductField[];
      encodingNote?: string;
    }
  | { ok: false; error: string };

/** Optional fields a catalog file can leave out altogether (no column), as opposed to empty cells. */
export type OmittableProductField = 'category' | 'barcode';

/**
 * Reads a catalog CSV. File-level problems (empty file, duplicate or missing required columns)
 * give `ok: false` and nothing else; otherwise every row is either a product or a rejection with
 * its line and reason, and the caller decides whether to import the good rows. It also says
 * which optional fields the file has no column for: an import keeps what the catalog has for
 * those, where an empty cell clears it.
 */
export function readProductsCsv(text: string, options: ProductsCsvOptions = {}): ProductsCsvResult {
  const defaultCurrency = checkDefaultCurrency(options.defaultCurrency ?? 'USD');
  const table = parseCsvTable(text);
  if (isCsvFileError(table)) return { ok: false, error: table.error };

  const { map, missing } = mapColumns(table.header, PRODUCT_COLUMNS);
  const missingRequired = REQUIRED_FIELDS.filter((field) => missing.includes(field));
  if (missingRequired.length > 0) {
    return {
      ok: false,
      error: missingColumnsMessage(missingRequired, PRODUCT_COLUMNS, fieldLabel, table.header),
    };
  }

  const readExtra = extraCellsReader(table.header, map);
  const skuLines = new Map<string, number>();
  const { accepted, rejected } = readRows(table, map, (get, row, columnName) => {
    const problems: string[] = [];
    const text = (field: ProductField): string => get(field) ?? '';
    const tooLong = (field: keyof typeof PRODUCT_TEXT_LIMITS): void => {
      if (text(field).length > PRODUCT_TEXT_LIMITS[field]) {
        problems.push(t('csv_cell_too_long', columnName(field), formatCount(PRODUCT_TEXT_LIMITS[field])));
      }
    };

    const sku = text('sku');
    if (sku === '') problems.push(t('csv_cell_empty', columnName('sku')));
    tooLong('sku');
    const name = text('name');
    if (name === '') problems.push(t('csv_cell_empty', columnName('name')));
    tooLong('name');

    const currencyCell = text('currency');
    const currency = currencyCell === '' ? defaultCurrency : currencyCell.toUpperCase();
    const currencyOk = CurrencyCode.safeParse(currency).success;
    if (!currencyOk) {
      problems.push(
        t(
          'csv_cell_reason',
          columnName('currency'),
          quoteValue(currencyCell),
          t('csv_value_not_currency_code'),
        ),
      );
    }

    const priceCell = text('price');
    const price = currencyOk ? parseDecimalAmount(priceCell, currency) : null;
    if (priceCell === '') problems.push(t('csv_cell_empty', columnName('price')));
    else if (currencyOk) {
      const priceProblem = describePriceProblem(priceCell, price, currency);
      if (priceProblem)
        problems.push(t('csv_cell_reason', columnName('price'), quoteValue(priceCell), priceProblem));
    }

    const category = text('category');
    tooLong('category');
    const barcode = text('barcode');
    tooLong('barcode');
    // Excel shows a long barcode as 5.01234E+12 and saves it that way: the digits are gone.
    if (/^\d+(\.\d+)?e\+\d+$/i.test(barcode)) {
      problems.push(t('csv_cell_spreadsheet_number', columnName('barcode'), quoteValue(barcode)));
    }

    if (sku !== '') {
      const firstLine = skuLines.get(sku);
      if (firstLine !== undefined) {
        problems.push(t('csv_cell_already_on_line', columnName('sku'), sku, String(firstLine)));
      } else skuLines.set(sku, row.line);
    }

    if (problems.length > 0 || !price) return rejectRow(problems.join('; '));
    const product: ProductRow = { sku, name, price, extra: readExtra(row) };
    if (category !== '') product.category = category;
    if (barcode !== '') product.barcode = barcode;
    return acceptRow(product);
  });

  const products = accepted.map((row) => row.value);
  const absentFields = (['category', 'barcode'] as const).filter((field) => missing.includes(field));
  const encodingNote = describeEncoding(options.encoding);
  return encodingNote
    ? { ok: true, products, rejected, encodingNote, absentFields }
    : { ok: true, products, rejected, absentFields };
}

function checkDefaultCurrency(code: string): CurrencyCode {
  const upper = code.toUpperCase();
  if (!CurrencyCode.safeParse(upper).success) {
    throw new RangeError(`defaultCurrency must be a three-letter currency code, got "${code}"`);
  }
  return upper;
}

function describePriceProblem(cell: string, price: Money | null, currency: CurrencyCode): string | undefined {
  if (price) return price.minor < 0 ? t('csv_value_negative') : undefined;
  const fraction = /^[+-]?[\d,]*\.(\d+)$/.exec(cell)?.[1];
  const digits = minorDigits(currency);
  if (fraction && fraction.length > digits) {
    return digits === 0
      ? t('csv_product_price_no_decimals', currency)
      : t('csv_product_price_too_many_decimals', currency, formatCount(digits));
  }
  return t('csv_value_not_amount');
}

function describeEncoding(encoding: CsvEncoding | undefined): string | undefined {
  if (encoding !== 'windows-1252') return undefined;
  return t('csv_products_encoding_note');
}
