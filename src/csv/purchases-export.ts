import type { Contact } from '../domain/contact';
import { externalLabel } from '../domain/contact-keys';
import {
  DEFAULT_EXPORT_PRESET,
  exportDelimiter,
  formatExportDate,
  formatExportDecimal,
  type ExportColumnId,
  type ExportPreset,
} from '../domain/export-preset';
import { formatDecimalAmount, type Money } from '../domain/money';
import { lineTotal, type PurchaseLine, type PurchaseRecord } from '../domain/purchase';
import type { RecordedOutcome, ReconcileStatus } from '../domain/reconcile';
import { CSV_BOM, csvCell } from './write';

/**
 * The documented layout of `Export purchases` (Tally's default preset): one row per order line,
 * in this order.
 *
 * - Date: the purchase date the user chose, YYYY-MM-DD.
 * - Contact: the contact's name.
 * - Email: the contact's email, or empty.
 * - Back-office ID: the contact's ids in back offices as `backOffice:id`, separated by "; ".
 * - Kind: `purchase` or `sample`.
 * - SKU, Product: as they were when the order was recorded.
 * - Quantity: a whole number.
 * - Unit price: the price per unit charged, decimal text ("12.50"), no currency symbol.
 * - Line total: Quantity × Unit price, decimal text.
 * - Currency: ISO 4217 code of both amounts.
 * - Tally order ID: the recorded order's id; every line of one order shares it.
 * - Payment method: how the order was paid (the rest, when store credit paid part), or empty when
 *   not recorded (samples, and orders recorded before payments were).
 * - Store credit: the store credit the order used, decimal text in Currency, or empty. An amount
 *   of the whole order, repeated on each of its lines like the order ID: count it once per order.
 * - Status: what the latest reconciliation against a back-office export found for the order —
 *   `Synced`, `Probable`, `Conflict` or `Missing from back office` — or empty when no
 *   reconciliation has judged it. Repeated on each line of the order.
 * - Back-office order ID: the back-office orders the recorded order matched, separated by "; "
 *   (more than one when the back office split it), or empty.
 *
 * New columns go at the end, so files read by column position keep working. A user's preset
 * (export-preset.ts) picks, renames and orders these columns and may write dates as DD/MM/YYYY or
 * MM/DD/YYYY and amounts with a decimal comma, in a file separated by `;`.
 */
export const PURCHASE_EXPORT_COLUMNS: readonly string[] = purchaseExportHeader(DEFAULT_EXPORT_PRESET);

/**
 * The Status column's values: part of the documented file format, so the same words in every
 * language (the screen shows outcomeLabel's, translated).
 */
const PURCHASE_EXPORT_STATUSES: Readonly<Record<RecordedOutcome, string>> = {
  synced: 'Synced',
  probable: 'Probable',
  conflict: 'Conflict',
  missing: 'Missing from back office',
};

/** What an order's cells are read from; the same for each of its lines. */
interface ExportOrder {
  record: PurchaseRecord;
  contact: Contact | undefined;
  status: ReconcileStatus | undefined;
  preset: ExportPreset;
}

const amount = (money: Money, preset: ExportPreset) =>
  formatExportDecimal(formatDecimalAmount(money), preset.numberFormat);

/** Columns read from the line itself; every other column is the order's. */
const LINE_COLUMNS = ['sku', 'product', 'quantity', 'unitPrice', 'lineTotal'] as const;
type LineColumnId = (typeof LINE_COLUMNS)[number];

function isLineColumn(id: ExportColumnId): id is LineColumnId {
  return (LINE_COLUMNS as readonly string[]).includes(id);
}

const LINE_CELLS: Readonly<Record<LineColumnId, (line: PurchaseLine, preset: ExportPreset) => string>> = {
  sku: (line) => line.sku,
  product: (line) => line.name,
  quantity: (line) => String(line.quantity),
  unitPrice: (line, preset) => amount(line.unitPrice, preset),
  lineTotal: (line, preset) => amount(lineTotal(line), preset),
};

/** Columns of the whole order, repeated on each of its lines. */
const ORDER_CELLS: Readonly<Record<Exclude<ExportColumnId, LineColumnId>, (order: ExportOrder) => string>> = {
  date: (order) => formatExportDate(order.record.purchaseDate, order.preset.dateFormat),
  contact: (order) => order.contact?.name ?? '',
  email: (order) => order.contact?.email ?? '',
  backOfficeId: (order) => (order.contact?.externalIds ?? []).map(externalLabel).join('; '),
  kind: (order) => order.record.kind,
  currency: (order) => order.record.currency,
  tallyOrderId: (order) => order.record.id,
  paymentMethod: (order) => order.record.payment?.method ?? '',
  storeCredit: (order) => {
    const credit = order.record.payment?.storeCredit;
    return credit ? amount(credit, order.preset) : '';
  },
  status: (order) => (order.status ? PURCHASE_EXPORT_STATUSES[order.status.outcome] : ''),
  backOfficeOrderId: (order) => order.status?.backOfficeOrderIds.join('; ') ?? '',
};

export interface PurchaseExportOptions {
  /** Each purchase's latest reconciliation, by purchase id; none means none is reconciled. */
  statuses?: ReadonlyMap<string, ReconcileStatus>;
  /** Which columns, named how, and the date and number formats; Tally's default when absent. */
  preset?: ExportPreset;
}

const NO_STATUSES: ReadonlyMap<string, ReconcileStatus> = new Map();

/** The header row the preset writes. */
function purchaseExportHeader(preset: ExportPreset): string[] {
  return preset.columns.map((column) => column.name);
}

/**
 * Each order line's cells, records in the given order, soft-deleted ones left out, each cell
 * passed through `cell` (csvCell to write them). An order's own cells are made once for all its
 * lines: at 100,000 lines that is most of the work saved.
 */
function* exportLineCells(
  records: Iterable<PurchaseRecord>,
  contactsById: ReadonlyMap<string, Contact>,
  options: PurchaseExportOptions,
  cell: (text: string) => string,
): Generator<string[]> {
  const preset = options.preset ?? DEFAULT_EXPORT_PRESET;
  const statuses = options.statuses ?? NO_STATUSES;
  const columns = preset.columns.map(({ id }) =>
    isLineColumn(id) ? { ofLine: LINE_CELLS[id] } : { ofOrder: ORDER_CELLS[id] },
  );
  const orderCells: string[] = columns.map(() => '');
  for (const record of records) {
    if (record.deletedAt) continue;
    const order: ExportOrder = {
      record,
      contact: contactsById.get(record.contactId),
      status: statuses.get(record.id),
      preset,
    };
    for (let i = 0; i < columns.length; i++) {
      const ofOrder = columns[i]?.ofOrder;
      orderCells[i] = ofOrder ? cell(ofOrder(order)) : '';
    }
    for (const line of record.lines) {
      const cells = new Array<string>(columns.length);
      for (let i = 0; i < columns.length; i++) {
        const ofLine = columns[i]?.ofLine;
        cells[i] = ofLine ? cell(ofLine(line, preset)) : (orderCells[i] ?? '');
      }
      yield cells;
    }
  }
}

const asIs = (text: string) => text;

/**
 * The export's rows as plain text, one per order line, records in the given order; soft-deleted
 * records are left out.
 */
export function purchaseExportRows(
  records: Iterable<PurchaseRecord>,
  contactsById: ReadonlyMap<string, Contact>,
  options: PurchaseExportOptions = {},
): Generator<string[]> {
  return exportLineCells(records, contactsById, options, asIs);
}

/** The file's lines as written: cells made Excel-safe (csvCell), the preset's delimiter, CRLF. */
function* exportLines(
  records: Iterable<PurchaseRecord>,
  contactsById: ReadonlyMap<string, Contact>,
  options: PurchaseExportOptions,
): Generator<string> {
  const preset = options.preset ?? DEFAULT_EXPORT_PRESET;
  const delimiter = exportDelimiter(preset.numberFormat);
  yield `${CSV_BOM}${purchaseExportHeader(preset).map(csvCell).join(delimiter)}\r\n`;
  for (const cells of exportLineCells(records, contactsById, options, csvCell)) {
    yield `${cells.join(delimiter)}\r\n`;
  }
}

/** The whole `Export purchases` file at once (see PURCHASE_EXPORT_COLUMNS); small exports and tests. */
export function purchasesToCsv(
  records: readonly PurchaseRecord[],
  contactsById: ReadonlyMap<string, Contact>,
  options: PurchaseExportOptions = {},
): string {
  let out = '';
  for (const line of exportLines(records, contactsById, options)) out += line;
  return out;
}

/** A piece of the file: the lines after the previous piece, and how many lines are written so far. */
export interface CsvChunk {
  text: string;
  written: number;
}

/**
 * The file in pieces of `chunkLines` lines, the first holding the BOM and header alone, so a
 * caller can give the page back between pieces and show its progress: 100,000 lines are too many
 * for one task. A generator: nothing is made before it is asked for.
 */
export function* purchasesCsvChunks(
  records: readonly PurchaseRecord[],
  contactsById: ReadonlyMap<string, Contact>,
  options: PurchaseExportOptions & { chunkLines?: number } = {},
): Generator<CsvChunk> {
  const chunkLines = options.chunkLines ?? 5000;
  const lines = exportLines(records, contactsById, options);
  yield { text: lines.next().value ?? '', written: 0 };
  let written = 0;
  let chunk: string[] = [];
  for (const line of lines) {
    chunk.push(line);
    written++;
    if (chunk.length === chunkLines) {
      // One flat string per piece, not a rope of thousands.
      yield { text: chunk.join(''), written };
      chunk = [];
    }
  }
  if (chunk.length > 0) yield { text: chunk.join(''), written };
}
