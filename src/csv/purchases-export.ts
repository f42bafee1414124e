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
import { OUTCOME_LABELS, type ReconcileStatus } from '../domain/reconcile';
import { CSV_BOM, csvLine } from './write';

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
export const PURCHASE_EXPORT_COLUMNS: readonly string[] = DEFAULT_EXPORT_PRESET.columns.map(
  (column) => column.name,
);

/** One order line with what its cells are read from. */
interface ExportLine {
  record: PurchaseRecord;
  line: PurchaseLine;
  contact: Contact | undefined;
  backOfficeIds: string;
  status: ReconcileStatus | undefined;
  preset: ExportPreset;
}

const amount = (money: Money, preset: ExportPreset) =>
  formatExportDecimal(formatDecimalAmount(money), preset.numberFormat);

/** How each column's cell is written. */
const CELLS: Readonly<Record<ExportColumnId, (row: ExportLine) => string>> = {
  date: (row) => formatExportDate(row.record.purchaseDate, row.preset.dateFormat),
  contact: (row) => row.contact?.name ?? '',
  email: (row) => row.contact?.email ?? '',
  backOfficeId: (row) => row.backOfficeIds,
  kind: (row) => row.record.kind,
  sku: (row) => row.line.sku,
  product: (row) => row.line.name,
  quantity: (row) => String(row.line.quantity),
  unitPrice: (row) => amount(row.line.unitPrice, row.preset),
  lineTotal: (row) => amount(lineTotal(row.line), row.preset),
  currency: (row) => row.record.currency,
  tallyOrderId: (row) => row.record.id,
  paymentMethod: (row) => row.record.payment?.method ?? '',
  storeCredit: (row) =>
    row.record.payment?.storeCredit ? amount(row.record.payment.storeCredit, row.preset) : '',
  status: (row) => (row.status ? OUTCOME_LABELS[row.status.outcome] : ''),
  backOfficeOrderId: (row) => row.status?.backOfficeOrderIds.join('; ') ?? '',
};

export interface PurchaseExportOptions {
  /** Each purchase's latest reconciliation, by purchase id; none means none is reconciled. */
  statuses?: ReadonlyMap<string, ReconcileStatus>;
  /** Which columns, named how, and the date and number formats; Tally's default when absent. */
  preset?: ExportPreset;
}

const NO_STATUSES: ReadonlyMap<string, ReconcileStatus> = new Map();

/** The header row the preset writes. */
export function purchaseExportHeader(preset: ExportPreset = DEFAULT_EXPORT_PRESET): string[] {
  return preset.columns.map((column) => column.name);
}

/**
 * The export's rows, one per order line, records in the given order; soft-deleted records are
 * left out. A generator, so a large export can be written in chunks.
 */
export function* purchaseExportRows(
  records: Iterable<PurchaseRecord>,
  contactsById: ReadonlyMap<string, Contact>,
  options: PurchaseExportOptions = {},
): Generator<string[]> {
  const preset = options.preset ?? DEFAULT_EXPORT_PRESET;
  const statuses = options.statuses ?? NO_STATUSES;
  const cells = preset.columns.map((column) => CELLS[column.id]);
  for (const record of records) {
    if (record.deletedAt) continue;
    const contact = contactsById.get(record.contactId);
    const backOfficeIds = (contact?.externalIds ?? []).map(externalLabel).join('; ');
    const status = statuses.get(record.id);
    for (const line of record.lines) {
      const row: ExportLine = { record, line, contact, backOfficeIds, status, preset };
      yield cells.map((cell) => cell(row));
    }
  }
}

/** The whole `Export purchases` file at once (see PURCHASE_EXPORT_COLUMNS); small exports and tests. */
export function purchasesToCsv(
  records: readonly PurchaseRecord[],
  contactsById: ReadonlyMap<string, Contact>,
  options: PurchaseExportOptions = {},
): string {
  const delimiter = exportDelimiter((options.preset ?? DEFAULT_EXPORT_PRESET).numberFormat);
  let out = CSV_BOM + csvLine(purchaseExportHeader(options.preset), delimiter);
  for (const row of purchaseExportRows(records, contactsById, options)) out += csvLine(row, delimiter);
  return out;
}

export interface StreamOptions {
  /** Lines written between two pauses. */
  chunkLines?: number;
  /** Gives the page back between chunks (to paint the progress bar); a macrotask unless given. */
  pause?: () => Promise<void>;
  /** Called after each chunk with the lines written so far. */
  onProgress?: (written: number) => void;
}

/**
 * The file as parts for a Blob (BOM and header first, then a chunk of lines each), pausing
 * between chunks so that 100,000 lines leave the page responsive. Resolves to the parts and
 * how many lines (rows below the header) they hold.
 */
export async function purchasesCsvParts(
  records: readonly PurchaseRecord[],
  contactsById: ReadonlyMap<string, Contact>,
  options: PurchaseExportOptions & StreamOptions = {},
): Promise<{ parts: string[]; lines: number }> {
  const chunkLines = options.chunkLines ?? 5000;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const delimiter = exportDelimiter((options.preset ?? DEFAULT_EXPORT_PRESET).numberFormat);
  const parts = [CSV_BOM + csvLine(purchaseExportHeader(options.preset), delimiter)];
  let lines = 0;
  let chunk = '';
  for (const row of purchaseExportRows(records, contactsById, options)) {
    chunk += csvLine(row, delimiter);
    lines++;
    if (lines % chunkLines === 0) {
      parts.push(chunk);
      chunk = '';
      options.onProgress?.(lines);
      await pause();
    }
  }
  if (chunk !== '') parts.push(chunk);
  options.onProgress?.(lines);
  return { parts, lines };
}
