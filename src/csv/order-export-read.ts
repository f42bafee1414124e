import {
  ORDER_EXPORT_FIELDS,
  type BackOfficeCustomer,
  type BackOfficeRow,
  type ExportProblem,
  type OrderExportField,
  type OrderExportLayout,
} from '../domain/back-office-order';
import type { CalendarDate } from '../domain/dates';
import { t } from '../domain/i18n';
import { minorDigits, type CurrencyCode } from '../domain/money';
import { orderExportFieldLabel } from './order-export-layout';
import {
  advance,
  guessNewline,
  parseOneRow,
  restoredCell,
  type ParsedRows,
  type TextPosition,
} from './order-export-text';
import {
  parseExportAmount,
  parseExportDate,
  parseQuantity,
  plainAmount,
  plainQuantity,
  usesDecimalComma,
  type ValueResult,
} from './order-export-values';
import { scanRows, type ScanOptions } from './order-export-scan';
import { restoreFormula } from './formula-guard';
import { quoteValue } from './rows';
import { cellCountProblem, describeQuoteErrors, isBlank, lastLineWithText } from './table';

export interface OrderRowsRead {
  rows: BackOfficeRow[];
  /** Rows skipped, each with its line and why; a quote never closed ends the file there. */
  problems: ExportProblem[];
  /** Where the next call starts. */
  next: TextPosition;
  done: boolean;
}

/**
 * Reads up to `maxRows` rows of an order export from `from` (a row boundary: firstOrderRow, or a
 * previous call's `next`), so a job can stop between chunks and resume. Reading the file in
 * chunks gives exactly the rows and problems one read of the whole file gives.
 *
 * When the file has a currency column, a chunk runs on past `maxRows` to the end of the order
 * it is in: Shopify writes the currency on an order's first row only, and the rows after it
 * take it from the row above, which the next chunk could not see.
 */
export function readOrderRows(
  text: string,
  layout: OrderExportLayout,
  from: TextPosition,
  maxRows: number,
): OrderRowsRead {
  const newline = guessNewline(text);
  const reader = new OrderRowReader(text, layout);
  let position = scanRows(text, from, Math.max(1, maxRows), scanOptions(layout, newline), {
    plain: (cells, line, breaks) => reader.readPlain(cells, line, breaks),
    parsed: (cells, line, errors) => {
      reader.read(cells, line, errors);
      return !reader.stopped;
    },
  });
  if (layout.columns.currency !== undefined) {
    while (position.offset < text.length && !reader.stopped) {
      const peek = parseOneRow(text, position.offset, layout.delimiter, newline);
      const cells = peek.rows[0] ?? [];
      if (!isBlank(cells) && !(peek.errors.length === 0 && reader.continuesOrder(cells))) break;
      reader.read(cells, position.line, peek.errors);
      position = advance(text, position, peek.consumed);
    }
  }
  if (reader.stopped) position = { offset: text.length, line: position.line };
  return {
    rows: reader.rows,
    problems: reader.problems,
    next: position,
    done: position.offset >= text.length,
  };
}

/** Which columns the scanner keeps: the ones the layout reads. */
function scanOptions(layout: OrderExportLayout, newline: string): ScanOptions {
  const wanted = layout.header.map(() => false);
  for (const index of Object.values(layout.columns)) if (index !== undefined) wanted[index] = true;
  return { delimiter: layout.delimiter, newline, width: layout.header.length, wanted };
}

/**
 * A reason naming the cell as the file does: `Lineitem price "12,5x" is not an amount`; an empty
 * cell (cells are trimmed) has no value to quote: `Lineitem price is empty`.
 */
function cellReason(column: string, cell: string, why: string): string {
  return cell === '' ? t('csv_cell_empty', column) : t('csv_cell_reason', column, quoteValue(cell), why);
}

function columnIndexes(columns: OrderExportLayout['columns']): Record<OrderExportField, number> {
  const at = {} as Record<OrderExportField, number>;
  for (const field of ORDER_EXPORT_FIELDS) at[field] = columns[field] ?? -1;
  return at;
}

/** The cell at `index`, trimmed and without a formula guard; "" when the file has no such column. */
function cellAt(cells: readonly string[], index: number): string {
  return index === -1 ? '' : restoredCell(cells, index).trim();
}

/** cellAt for a row none of whose cells holds a line break: a guard can only start the cell. */
function cellWithoutBreaksAt(cells: readonly string[], index: number): string {
  if (index === -1) return '';
  const cell = cells[index] ?? '';
  return (cell.charCodeAt(0) === APOSTROPHE ? restoreFormula(cell) : cell).trim();
}

const APOSTROPHE = 0x27;
/** The run's currency when the order's row above gave one that is not a code. */
const UNREAD_CURRENCY = '';
const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Turns text rows into BackOfficeRows or problems, one row at a time, in file order. */
class OrderRowReader {
  readonly rows: BackOfficeRow[] = [];
  readonly problems: ExportProblem[] = [];
  /** Set by a quote that is never closed: nothing after it can be read. */
  stopped = false;
  /** The order of the row above and the currency it was read in; undefined after a row that broke it. */
  private runOrderId: string | undefined;
  private runCurrency: CurrencyCode;
  private readonly columns: OrderExportLayout['columns'];
  /** Each field's column, -1 for none: read for every row, so a plain object of fixed shape. */
  private readonly at: Readonly<Record<OrderExportField, number>>;
  private readonly decimalComma: boolean;
  private readonly dates = new Map<string, ValueResult<CalendarDate>>();
  private customerAbove: BackOfficeCustomer | undefined;
  private readonly productTexts = new Map<string, string>();
  /** The last currency cell read that was a code, and that code. */
  private codeCell = '';
  private code: CurrencyCode = '';
  /** How the row being read gives its cells (see readPlain). */
  private cellAt: (cells: readonly string[], index: number) => string = cellAt;

  constructor(
    private readonly text: string,
    private readonly layout: OrderExportLayout,
  ) {
    this.columns = layout.columns;
    this.runCurrency = layout.defaultCurrency;
    this.at = columnIndexes(layout.columns);
    this.decimalComma = usesDecimalComma(layout.delimiter);
  }

  /** Whether the row would take its currency from the row above (so a chunk must not end there). */
  continuesOrder(cells: string[]): boolean {
    if (this.runOrderId === undefined || cellCountProblem(cells, this.layout.header.length)) return false;
    // A row papaparse read: its cells may hold line breaks.
    return cellAt(cells, this.at.currency) === '' && cellAt(cells, this.at.orderId) === this.runOrderId;
  }

  /**
   * A row the scanner split: the header's cell count, not blank, no quote errors. `breaks`: some
   * cell of it holds a line break.
   */
  readPlain(cells: readonly string[], line: number, breaks: boolean): void {
    this.cellAt = breaks ? cellAt : cellWithoutBreaksAt;
    const result = this.parse(cells, line);
    if (typeof result === 'string') this.problems.push({ line, reason: result });
    else this.rows.push(result);
  }

  /** A row as papaparse read it, whatever it holds. */
  read(cells: string[], line: number, errors: ParsedRows['errors'] | undefined): void {
    if (isBlank(cells)) return;
    if (errors && errors.length > 0) {
      const problem = describeQuoteErrors(errors, line, () => lastLineWithText(this.text));
      if (problem) {
        this.problems.push({ line, reason: problem });
        this.stopped = errors.some((error) => error.code === 'MissingQuotes');
        this.startRun(undefined, this.layout.defaultCurrency);
        return;
      }
    }
    const countProblem = cellCountProblem(cells, this.layout.header.length);
    if (countProblem) {
      this.problems.push({ line, reason: countProblem });
      this.startRun(undefined, this.layout.defaultCurrency);
      return;
    }
    this.readPlain(cells, line, true);
  }

  /** The row, or why it cannot be read. */
  private parse(cells: readonly string[], line: number): BackOfficeRow | string {
    const orderId = this.cellAt(cells, this.at.orderId);
    const currency = this.currencyOf(cells, orderId);
    if (typeof currency === 'object') return currency.problem;
    if (orderId === '') return t('csv_order_no_order_id', this.name('orderId'));

    const quantityCell = this.cellAt(cells, this.at.quantity);
    let quantity = plainQuantity(quantityCell, this.decimalComma);
    if (quantity === undefined) {
      const parsed = parseQuantity(quantityCell, this.decimalComma);
      if (!parsed.ok) return cellReason(this.name('quantity'), quantityCell, parsed.why);
      quantity = parsed.value;
    }

    const unitPrice = this.unitPriceOf(cells, quantity, currency);
    if (typeof unitPrice === 'string') return unitPrice;

    let date: CalendarDate | undefined;
    const dateCell = this.cellAt(cells, this.at.date);
    if (dateCell !== '') {
      const parsed = this.dateOf(dateCell);
      if (!parsed.ok) return cellReason(this.name('date'), dateCell, parsed.why);
      date = parsed.value;
    }

    const sku = this.known(this.cellAt(cells, this.at.sku));
    const name = this.known(this.cellAt(cells, this.at.product));
    if (sku === '' && name === '') {
      const columns = (['sku', 'product'] as const).filter((field) => this.columns[field] !== undefined);
      const [first = 'product', second] = columns;
      return second === undefined
        ? t('csv_order_no_product_one', this.name(first))
        : t('csv_order_no_product_two', this.name(first), this.name(second));
    }

    // Every field in one literal, absent ones undefined: one object shape for 100,000 rows is
    // much faster to build than properties added one by one.
    return {
      line,
      orderId,
      date,
      currency,
      customer: this.customerOf(cells),
      sku: sku || undefined,
      name: name || undefined,
      quantity,
      unitPriceMinor: unitPrice,
    };
  }

  /**
   * The row's customer. An order's rows name the same one, and the scanner hands the very same
   * strings for cells equal to the row above's: those rows share one object (never changed
   * after: groupOrders copies what it keeps).
   */
  private customerOf(cells: readonly string[]): BackOfficeCustomer {
    const id = this.cellAt(cells, this.at.customerId) || undefined;
    const email = this.cellAt(cells, this.at.customerEmail) || undefined;
    const phone = this.cellAt(cells, this.at.customerPhone) || undefined;
    const name = this.cellAt(cells, this.at.customerName) || undefined;
    const above = this.customerAbove;
    if (above && above.id === id && above.email === email && above.phone === phone && above.name === name) {
      return above;
    }
    this.customerAbove = { id, email, phone, name };
    return this.customerAbove;
  }

  /**
   * The row's currency: its own cell; else, when the row above is of the same order, that row's
   * (Shopify names it on an order's first row only); else the layout's default.
   */
  private currencyOf(cells: readonly string[], orderId: string): CurrencyCode | { problem: string } {
    const cell = this.cellAt(cells, this.at.currency);
    let currency: CurrencyCode;
    if (cell !== '' && cell === this.codeCell) {
      // The same cell as the last one read (every row of most files): already checked.
      currency = this.code;
    } else if (cell !== '') {
      currency = CURRENCY_CODE.test(cell) ? cell : cell.toUpperCase();
      if (CURRENCY_CODE.test(currency)) {
        this.codeCell = cell;
        this.code = currency;
      } else {
        // The order's next rows, which leave the currency to this one, have none to take.
        this.startRun(orderId, UNREAD_CURRENCY);
        return { problem: cellReason(this.name('currency'), cell, t('csv_value_not_currency_code')) };
      }
    } else if (orderId !== '' && orderId === this.runOrderId) {
      if (this.runCurrency === UNREAD_CURRENCY) {
        return { problem: t('csv_order_currency_above_unread', this.name('currency')) };
      }
      currency = this.runCurrency;
    } else {
      currency = this.layout.defaultCurrency;
    }
    this.startRun(orderId, currency);
    return currency;
  }

  /**
   * The one string kept for a product's SKU or name: a file names the same few hundred products
   * on all its rows, and 100,000 copies of them, kept until matching is done, are 100,000 more
   * objects for the garbage collector to copy and mark.
   */
  private known(text: string): string {
    if (text === '') return text;
    const kept = this.productTexts.get(text);
    if (kept !== undefined) return kept;
    if (this.productTexts.size >= 10_000) this.productTexts.clear();
    this.productTexts.set(text, text);
    return text;
  }

  /** Many rows share a date (an order's rows, a day's orders): each text is read once. */
  private dateOf(cell: string): ValueResult<CalendarDate> {
    let parsed = this.dates.get(cell);
    if (!parsed) {
      if (this.dates.size >= 10_000) this.dates.clear();
      parsed = parseExportDate(cell, this.layout.dateOrder);
      this.dates.set(cell, parsed);
    }
    return parsed;
  }

  private startRun(orderId: string | undefined, currency: CurrencyCode): void {
    this.runOrderId = orderId;
    this.runCurrency = currency;
  }

  /** Per unit, in minor units; from the line's total when the file gives only that (Square). */
  private unitPriceOf(cells: readonly string[], quantity: number, currency: CurrencyCode): number | string {
    const field: OrderExportField = this.columns.unitPrice !== undefined ? 'unitPrice' : 'lineTotal';
    const cell = this.cellAt(cells, this.at[field]);
    let amount = plainAmount(cell, minorDigits(currency), this.decimalComma);
    if (amount === undefined) {
      const parsed = parseExportAmount(cell, currency, this.decimalComma);
      if (!parsed.ok) return cellReason(this.name(field), cell, parsed.why);
      amount = parsed.value;
    }
    if (amount < 0) return cellReason(this.name(field), cell, t('csv_value_negative_amount'));
    return field === 'unitPrice' ? amount : Math.round(amount / quantity);
  }

  /** The field's column as the file names it, for reasons. */
  private name(field: OrderExportField): string {
    const index = this.columns[field];
    return (index === undefined ? undefined : this.layout.header[index]) || orderExportFieldLabel(field);
  }
}
