import type { BackOfficeOrder } from '../domain/back-office-order';
import type { CalendarDate } from '../domain/dates';
import type { PurchaseKind } from '../domain/purchase';
import type {
  BackOfficeOnlyOrder,
  Difference,
  LineMatch,
  ReconcileDecision,
  ReconcileOptions,
  RecordedOutcome,
} from '../domain/reconcile';

/** What the engine knows of a contact: the keys a back-office customer is matched by. */
export interface ContactInput {
  contactId: string;
  /** The contact's ids in the back office being reconciled (externalIds of that backOffice). */
  backOfficeIds: readonly string[];
  /** emailKey / phoneKey as stored on the contact (contact-keys.ts). */
  emailKey?: string;
  phoneKey?: string;
  name: string;
}

export interface RecordedLineInput {
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
}

/** A recorded purchase or sample, reduced to what matching reads. */
export interface RecordedOrderInput {
  purchaseId: string;
  contactId: string;
  kind: PurchaseKind;
  date: CalendarDate;
  currency: string;
  lines: readonly RecordedLineInput[];
}

export interface ReconcileInput {
  contacts: readonly ContactInput[];
  recorded: readonly RecordedOrderInput[];
  exportOrders: readonly BackOfficeOrder[];
  decisions: readonly ReconcileDecision[];
  options: ReconcileOptions;
  /** Country for reading phone numbers written without a country code. */
  defaultCountry: string;
}

export interface RecordedResult {
  purchaseId: string;
  contactId: string;
  outcome: RecordedOutcome;
  backOfficeOrderIds: string[];
  lines: LineMatch[];
  differences: Difference[];
  /** The outcome is the user's confirmed verdict on this very match. */
  confirmed?: boolean;
}

export interface ReconcileResult {
  /** One per recorded order the export covers, in purchaseId order. */
  recorded: RecordedResult[];
  /** Export orders none of whose lines matched, in orderId order. */
  backOfficeOnly: BackOfficeOnlyOrder[];
  /** The dates the export covers; null when it has no orders. */
  covered: { from: CalendarDate; to: CalendarDate } | null;
}
