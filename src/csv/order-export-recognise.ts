import type { DateOrder, OrderExportField, OrderExportLayout } from '../domain/back-office-order';
import { t } from '../domain/i18n';
import { CurrencyCode } from '../domain/money';
import { customerIdBackOffice } from './contacts-columns';
import { BUILT_IN_ORDER_EXPORTS, type BuiltInOrderExport } from './order-export-formats';
import { ORDER_EXPORT_SYNONYMS, orderExportLayoutProblem } from './order-export-layout';
import { guessNewline, readHeaderRow, sampleRows, type TextPosition } from './order-export-text';
import { currencyOfSymbol, guessDateOrder, usesDecimalComma } from './order-export-values';
import { headerKey, mapColumns, type ColumnSynonyms } from './rows';
import { guessDelimiter } from './table';

export type OrderExportRecognition =
  | { kind: 'known'; layout: OrderExportLayout }
  /** No built-in format or saved mapping fits: a guess for the user to confirm or correct. */
  | { kind: 'needs-mapping'; guess: OrderExportLayout; problem?: string }
  | { kind: 'error'; error: string };

export interface RecogniseOptions {
  /** The currency of amounts in files that name none (no currency column, no "€"): USD if not given. */
  defaultCurrency?: CurrencyCode;
}

/** Currencies written with a bare "$". */
const DOLLARS: readonly CurrencyCode[] = ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN'];

/** Rows looked at to settle the date order and the currency: enough for a day above 12 to show. */
const SAMPLE_ROWS = 200;

/**
 * Tells how to read an order export from its header: a built-in format (Northwind demo, Shopify
 * orders, Square item sales), else a mapping the user confirmed before for the same header (the
 * first of `savedLayouts` that fits: give them newest first), else a guess from common column
 * names. A file that looks like a built-in format but lacks columns it needs is an error naming
 * them, not a guess.
 */
export function recogniseOrderExport(
  text: string,
  savedLayouts: readonly OrderExportLayout[],
  options: RecogniseOptions = {},
): OrderExportRecognition {
  if (text.trim() === '') return { kind: 'error', error: t('csv_file_empty') };
  const delimiter = guessDelimiter(text);
  const newline = guessNewline(text);
  const read = readHeaderRow(text, delimiter, newline);
  if ('error' in read) return { kind: 'error', error: read.error };
  const { header } = read;
  const separator = unreadSeparator(header);
  if (separator) {
    return {
      kind: 'error',
      error: t('csv_order_unread_separator', separator),
    };
  }
  const sample = sampleRows(text, read.next, SAMPLE_ROWS, delimiter, newline);
  const fallbackCurrency = options.defaultCurrency ?? 'USD';

  const builtIn = BUILT_IN_ORDER_EXPORTS.find((format) => format.recognises(header));
  if (builtIn) {
    const layout = layoutFor(builtIn, header, delimiter, sample, fallbackCurrency);
    const problem = orderExportLayoutProblem(layout, builtIn.columns);
    if (problem) {
      return {
        kind: 'error',
        error: builtIn.hint
          ? t('csv_order_format_unreadable_hint', t(builtIn.title), problem, t(builtIn.hint))
          : t('csv_order_format_unreadable', t(builtIn.title), problem),
      };
    }
    return { kind: 'known', layout };
  }

  const key = mappingHeaderKey(header);
  const saved = savedLayouts.find((layout) => mappingHeaderKey(layout.header) === key);
  if (saved) return { kind: 'known', layout: { ...saved, delimiter, header } };

  const guess = guessLayout(header, delimiter, sample, fallbackCurrency);
  const problem = orderExportLayoutProblem(guess);
  return problem ? { kind: 'needs-mapping', guess, problem } : { kind: 'needs-mapping', guess };
}

/**
 * A header read as one column that holds another separator ("Order ID|Date|Qty"): the file's
 * columns are separated by something guessDelimiter does not try.
 */
function unreadSeparator(header: readonly string[]): string | undefined {
  if (header.length !== 1) return undefined;
  const match = /[|^~]/.exec(header[0] ?? '');
  return match ? `"${match[0]}"` : undefined;
}

/**
 * The key a confirmed mapping is found again by: each header name as headerKey reads it ("Invoice
 * No" and "invoice_no" are the same column), joined by "|", which headerKey never leaves in a name.
 */
export function mappingHeaderKey(header: readonly string[]): string {
  return header.map(headerKey).join('|');
}

function columnIndexes(
  header: readonly string[],
  synonyms: ColumnSynonyms<OrderExportField>,
): Partial<Record<OrderExportField, number>> {
  const { map } = mapColumns(header, synonyms);
  const columns: Partial<Record<OrderExportField, number>> = {};
  for (const [field, column] of Object.entries(map)) {
    if (column) columns[field as OrderExportField] = column.index;
  }
  return columns;
}

function layoutFor(
  format: BuiltInOrderExport,
  header: string[],
  delimiter: string,
  sample: readonly string[][],
  fallbackCurrency: CurrencyCode,
): OrderExportLayout {
  const columns = columnIndexes(header, format.columns);
  return {
    format: format.format,
    backOffice: format.backOffice,
    delimiter,
    header,
    columns,
    dateOrder: sampledDateOrder(sample, columns.date, format.dateOrder),
    defaultCurrency: sampledCurrency(sample, columns, fallbackCurrency),
  };
}

/** A layout from common column names, for a back office Tally has no format for. */
function guessLayout(
  header: string[],
  delimiter: string,
  sample: readonly string[][],
  fallbackCurrency: CurrencyCode,
): OrderExportLayout {
  const columns = columnIndexes(header, ORDER_EXPORT_SYNONYMS);
  // Where the decimal separator is a comma, dates are mostly written day first.
  const fallbackOrder: DateOrder = usesDecimalComma(delimiter) ? 'dmy' : 'mdy';
  return {
    format: 'mapped',
    // Customer ids from a file of any other back office are the ones a contacts import records.
    backOffice: customerIdBackOffice('other'),
    delimiter,
    header,
    columns,
    dateOrder: sampledDateOrder(sample, columns.date, fallbackOrder),
    defaultCurrency: sampledCurrency(sample, columns, fallbackCurrency),
  };
}

function sampledDateOrder(
  sample: readonly string[][],
  column: number | undefined,
  fallback: DateOrder,
): DateOrder {
  if (column === undefined) return fallback;
  return guessDateOrder(
    sample.map((cells) => cells[column] ?? ''),
    fallback,
  );
}

/**
 * The currency of rows that name none: the first currency the file's currency column gives
 * (Shopify writes it on an order's first row only), else the symbol of its first amount ("€8.00"),
 * else the fallback.
 */
function sampledCurrency(
  sample: readonly string[][],
  columns: Partial<Record<OrderExportField, number>>,
  fallback: CurrencyCode,
): CurrencyCode {
  const { currency } = columns;
  const amount = columns.unitPrice ?? columns.lineTotal;
  for (const cells of sample) {
    if (currency !== undefined) {
      const code = CurrencyCode.safeParse((cells[currency] ?? '').trim().toUpperCase());
      if (code.success) return code.data;
    } else if (amount !== undefined) {
      const symbol = currencyOfSymbol(cells[amount] ?? '');
      // "$" is USD unless the user's own currency is another dollar (Square Canada writes "$4.50").
      if (symbol === 'USD' && DOLLARS.includes(fallback)) return fallback;
      if (symbol) return symbol;
    }
  }
  return fallback;
}

/** The first rows of a file after its header, as text cells, for the user to check a layout. */
export function previewOrderExport(text: string, count: number): string[][] {
  const delimiter = guessDelimiter(text);
  const newline = guessNewline(text);
  const read = readHeaderRow(text, delimiter, newline);
  if ('error' in read) return [];
  return sampleRows(text, read.next, count, delimiter, newline);
}

/** Where the rows after the header start: readOrderRows's first `from`. */
export function firstOrderRow(text: string, layout: OrderExportLayout): TextPosition {
  const read = readHeaderRow(text, layout.delimiter, guessNewline(text));
  return 'error' in read ? { offset: text.length, line: 1 } : read.next;
}
