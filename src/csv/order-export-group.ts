import type {
  BackOfficeCustomer,
  BackOfficeLine,
  BackOfficeOrder,
  BackOfficeRow,
  ExportProblem,
} from '../domain/back-office-order';
import type { CalendarDate } from '../domain/dates';
import { t } from '../domain/i18n';
import type { CurrencyCode } from '../domain/money';

export interface GroupedOrders {
  /** In the order each order first appears in the file; lines in file order. */
  orders: BackOfficeOrder[];
  problems: ExportProblem[];
}

const NO_CUSTOMER: BackOfficeCustomer = Object.freeze({});

interface OrderDraft {
  orderId: string;
  firstLine: number;
  // Every field is there from the start, undefined until a row gives it: one object shape.
  date: CalendarDate | undefined;
  currency: CurrencyCode | undefined;
  /** The first row's customer object, until another row adds to it: then a copy of its own. */
  customer: BackOfficeCustomer;
  ownsCustomer: boolean;
  /** The row customer last filled from: the reader gives an order's rows one shared object. */
  filledFrom: BackOfficeCustomer | undefined;
  /** Its rows that are lines, and how many of those are in `lines` yet. */
  lineCount: number;
  filled: number;
  lines: BackOfficeLine[];
}

/**
 * Groups rows into orders by order id; an order's rows need not be next to each other. Order-level
 * fields come from the order's first row that has each (Shopify fills them on the first row only).
 * An order with no date or no way to find its customer on any row is skipped with a problem at
 * its first line; a row whose currency is not its order's is skipped (its amount was read in
 * another currency's digits, and an order is in one currency). An order's customer may be the
 * very object of its rows (and of other orders'): read it, never change it.
 */
export function groupOrders(rows: readonly BackOfficeRow[]): GroupedOrders {
  const drafts = new Map<string, OrderDraft>();
  const problems: ExportProblem[] = [];
  // Lines are made in a second pass, once every order's count is known, into arrays of exactly
  // that length (an array grown by push keeps room for 17).
  let draft: OrderDraft | undefined;
  for (const row of rows) {
    // An order's rows are most often next to each other: the row above's order needs no look-up.
    if (draft?.orderId !== row.orderId) draft = drafts.get(row.orderId);
    if (!draft) {
      draft = {
        orderId: row.orderId,
        firstLine: row.line,
        date: undefined,
        currency: undefined,
        customer: NO_CUSTOMER,
        ownsCustomer: false,
        filledFrom: undefined,
        lineCount: 0,
        filled: 0,
        lines: [],
      };
      drafts.set(row.orderId, draft);
    }
    if (row.currency !== undefined) {
      if (draft.currency === undefined) draft.currency = row.currency;
      else if (row.currency !== draft.currency) {
        problems.push({
          line: row.line,
          reason: t(
            'csv_order_currency_mismatch',
            row.currency,
            quoted(row.orderId),
            draft.currency,
            String(draft.firstLine),
          ),
        });
        continue;
      }
    }
    if (draft.date === undefined && row.date !== undefined) draft.date = row.date;
    if (draft.customer === NO_CUSTOMER) {
      // Most often every row of the order names the customer alike and the reader gave them one
      // object: the order takes that very object, and copies it only to fill it from another.
      draft.customer = row.customer;
    } else if (row.customer !== draft.customer && row.customer !== draft.filledFrom) {
      if (!draft.ownsCustomer) {
        draft.customer = { ...draft.customer };
        draft.ownsCustomer = true;
      }
      fillCustomer(draft.customer, row.customer);
      draft.filledFrom = row.customer;
    }
    draft.lineCount++;
  }
  draft = undefined;
  for (const row of rows) {
    if (draft?.orderId !== row.orderId) draft = drafts.get(row.orderId) as OrderDraft;
    // Skipped above: its order's currency, once set, is never another.
    if (row.currency !== undefined && row.currency !== draft.currency) continue;
    if (draft.filled === 0) draft.lines = new Array<BackOfficeLine>(draft.lineCount);
    draft.lines[draft.filled++] = lineOf(row);
  }

  const orders: BackOfficeOrder[] = [];
  for (const draft of drafts.values()) {
    const { date, currency, customer } = draft;
    if (date === undefined) {
      problems.push({
        line: draft.firstLine,
        reason: t('csv_order_no_date', quoted(draft.orderId)),
      });
    } else if (!hasCustomerKey(customer)) {
      problems.push({
        line: draft.firstLine,
        reason: t('csv_order_no_customer', quoted(draft.orderId)),
      });
    } else if (currency === undefined) {
      problems.push({
        line: draft.firstLine,
        reason: t('csv_order_no_currency', quoted(draft.orderId)),
      });
    } else {
      orders.push({ orderId: draft.orderId, date, currency, customer, lines: draft.lines });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { orders, problems };
}

/**
 * The row as a line of its order, built in one literal: properties added to an object after it
 * is made go to a second, separate store, which for 100,000 lines is 100,000 more objects.
 */
function lineOf(row: BackOfficeRow): BackOfficeLine {
  const { line, quantity, unitPriceMinor, sku, name } = row;
  if (sku !== undefined) {
    return name !== undefined
      ? { line, quantity, unitPriceMinor, sku, name }
      : { line, quantity, unitPriceMinor, sku };
  }
  return name !== undefined ? { line, quantity, unitPriceMinor, name } : { line, quantity, unitPriceMinor };
}

function quoted(orderId: string): string {
  return `"${orderId}"`;
}

/** Each customer field from the first row that has it. */
function fillCustomer(into: BackOfficeCustomer, from: BackOfficeCustomer): void {
  if (into.id === undefined && from.id !== undefined) into.id = from.id;
  if (into.email === undefined && from.email !== undefined) into.email = from.email;
  if (into.phone === undefined && from.phone !== undefined) into.phone = from.phone;
  if (into.name === undefined && from.name !== undefined) into.name = from.name;
}

function hasCustomerKey(customer: BackOfficeCustomer): boolean {
  return (
    customer.id !== undefined ||
    customer.email !== undefined ||
    customer.phone !== undefined ||
    customer.name !== undefined
  );
}
