import { buyBackNumber, CONDITION_LABELS, type BuyBack } from '../domain/buyback';
import type { Contact } from '../domain/contact';
import type { CalendarDate } from '../domain/dates';
import { formatDecimalAmount } from '../domain/money';
import { toCsv } from './write';

/**
 * The daily dealer report, for shops that must report the second-hand goods they buy: one row per
 * item paid for on the day, in this order.
 *
 * - Buy-back: the buy-back's number, BB-0001.
 * - Paid at: when it was paid out, local time, "YYYY-MM-DD HH:MM".
 * - Seller name, Seller phone, Seller email: as the contact has them now (empty when unknown).
 * - ID type, ID number, ID expiry, Date of birth: the seller's identification on the buy-back;
 *   dates YYYY-MM-DD.
 * - Item, Serial / IMEI: as recorded; Condition: the grade with its words ("B — light wear").
 * - Price paid: decimal text ("120.00"), no currency symbol; Currency: its ISO 4217 code.
 * - Payment method, Reference: of the payout.
 */
export const DEALER_REPORT_COLUMNS = [
  'Buy-back',
  'Paid at',
  'Seller name',
  'Seller phone',
  'Seller email',
  'ID type',
  'ID number',
  'ID expiry',
  'Date of birth',
  'Item',
  'Serial / IMEI',
  'Condition',
  'Price paid',
  'Currency',
  'Payment method',
  'Reference',
] as const;

export interface DealerReportOptions {
  /** The zone "Paid at" is written in; the machine's own when absent (tests pin it). */
  timeZone?: string;
}

/** The report's file name for a day. */
export function dealerReportFileName(day: CalendarDate): string {
  return `dealer-report-${day}.csv`;
}

/**
 * The report's rows for `day`: every item of every buy-back paid out on that day (by the payout's
 * calendar day), in the order they were paid. Deleted buy-backs and unpaid ones are left out.
 */
export function dealerReportRows(
  buyBacks: readonly BuyBack[],
  contacts: ReadonlyMap<string, Contact>,
  day: CalendarDate,
  options: DealerReportOptions = {},
): string[][] {
  const formatPaidAt = paidAtFormatter(options.timeZone);
  const paid = buyBacks
    .flatMap((buyBack) =>
      buyBack.deletedAt === undefined && buyBack.payout?.paidOn === day
        ? [{ buyBack, payout: buyBack.payout }]
        : [],
    )
    .sort((a, b) => compareText(a.payout.paidAt, b.payout.paidAt) || a.buyBack.number - b.buyBack.number);

  const rows: string[][] = [];
  for (const { buyBack, payout } of paid) {
    const contact = contacts.get(buyBack.contactId);
    const { seller } = buyBack;
    for (const item of buyBack.items) {
      rows.push([
        buyBackNumber(buyBack),
        formatPaidAt(payout.paidAt),
        contact?.name ?? '',
        contact?.phone ?? '',
        contact?.email ?? '',
        seller.idType ?? '',
        seller.idNumber ?? '',
        seller.idExpiry ?? '',
        seller.dateOfBirth ?? '',
        item.description,
        item.serial ?? '',
        CONDITION_LABELS[item.condition],
        formatDecimalAmount(item.price),
        item.price.currency,
        payout.method,
        payout.reference ?? '',
      ]);
    }
  }
  return rows;
}

/** The whole report file (see DEALER_REPORT_COLUMNS): Excel-safe, with its header even on a quiet day. */
export function dealerReportCsv(
  buyBacks: readonly BuyBack[],
  contacts: ReadonlyMap<string, Contact>,
  day: CalendarDate,
  options: DealerReportOptions = {},
): string {
  return toCsv(DEALER_REPORT_COLUMNS, dealerReportRows(buyBacks, contacts, day, options));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "2026-11-22 14:05" in the given zone; built from parts, since no locale writes exactly that. */
function paidAtFormatter(timeZone: string | undefined): (instant: string) => string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (instant) => {
    const parts = Object.fromEntries(
      format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  };
}
