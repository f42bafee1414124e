import type { BackOfficeCustomer, BackOfficeOrder } from '../../../src/domain/back-office-order';
import { DEFAULT_RECONCILE_OPTIONS } from '../../../src/domain/reconcile';
import { reconcileExport } from '../../../src/reconcile/reconcile-export';
import type {
  ContactInput,
  ReconcileInput,
  ReconcileResult,
  RecordedOrderInput,
  RecordedResult,
} from '../../../src/reconcile/types';

/** Small builders for the engine's input, so that each test reads as the case it checks. */

export function contact(contactId: string, name: string, extra: Partial<ContactInput> = {}): ContactInput {
  return { contactId, name, backOfficeIds: [], ...extra };
}

/** A recorded line: [sku, name, quantity, unit price in cents]. */
export type LineSpec = [sku: string, name: string, quantity: number, unitPriceMinor: number];

export function record(
  purchaseId: string,
  contactId: string,
  date: string,
  lines: LineSpec[],
  extra: Partial<RecordedOrderInput> = {},
): RecordedOrderInput {
  return {
    purchaseId,
    contactId,
    kind: 'purchase',
    date,
    currency: 'USD',
    lines: lines.map(([sku, name, quantity, unitPriceMinor]) => ({ sku, name, quantity, unitPriceMinor })),
    ...extra,
  };
}

let nextLine = 2;

/** An export order; each line gets the next file line number unless one is given (5th item). */
export function order(
  orderId: string,
  date: string,
  customer: BackOfficeCustomer,
  lines: [
    sku: string | undefined,
    name: string | undefined,
    quantity: number,
    unitPriceMinor: number,
    line?: number,
  ][],
  currency = 'USD',
): BackOfficeOrder {
  return {
    orderId,
    date,
    currency,
    customer,
    lines: lines.map(([sku, name, quantity, unitPriceMinor, line]) => ({
      line: line ?? nextLine++,
      ...(sku === undefined ? {} : { sku }),
      ...(name === undefined ? {} : { name }),
      quantity,
      unitPriceMinor,
    })),
  };
}

export function reconcile(input: Partial<ReconcileInput>): ReconcileResult {
  return reconcileExport({
    contacts: [],
    recorded: [],
    exportOrders: [],
    decisions: [],
    options: DEFAULT_RECONCILE_OPTIONS,
    defaultCountry: 'US',
    ...input,
  });
}

/** The one result of `purchaseId`; fails the test when there is none. */
export function resultOf(result: ReconcileResult, purchaseId: string): RecordedResult {
  const found = result.recorded.find((entry) => entry.purchaseId === purchaseId);
  if (!found) throw new Error(`no result for ${purchaseId}`);
  return found;
}
