import type { BackOfficeOrder } from '../domain/back-office-order';
import { addDays } from '../domain/calendar';
import type { Contact } from '../domain/contact';
import type { CalendarDate } from '../domain/dates';
import type { PurchaseRecord } from '../domain/purchase';
import type { ReconcileOptions } from '../domain/reconcile';
import { exportCoverage } from '../reconcile/coverage';
import type { ContactInput, ReconcileInput, RecordedOrderInput } from '../reconcile/types';
import type { TallyDatabase } from './database';

/**
 * What the matching engine needs from the database for one export: every contact's keys, the
 * recorded orders the export can judge, and the user's earlier verdicts. Reads only.
 */
export async function loadReconcileInput(
  db: TallyDatabase,
  exportOrders: readonly BackOfficeOrder[],
  settings: { backOffice: string; options: ReconcileOptions; defaultCountry: string },
): Promise<ReconcileInput> {
  const covered = exportCoverage(exportOrders);
  const [contacts, recorded, decisions] = await Promise.all([
    contactInputs(db, settings.backOffice),
    covered ? recordedInputs(db, covered, settings.options.dateWindowDays) : [],
    db.reconcileDecisions.toArray(),
  ]);
  return {
    contacts,
    recorded,
    exportOrders,
    decisions,
    options: settings.options,
    defaultCountry: settings.defaultCountry,
  };
}

/** Every contact that is not deleted, with its ids in `backOffice`: what customers resolve to. */
export async function contactInputs(db: TallyDatabase, backOffice: string): Promise<ContactInput[]> {
  const inputs: ContactInput[] = [];
  await db.contacts.each((contact) => {
    if (contact.deletedAt === undefined) inputs.push(contactInput(contact, backOffice));
  });
  return inputs;
}

export function contactInput(contact: Contact, backOffice: string): ContactInput {
  return {
    contactId: contact.id,
    backOfficeIds: contact.externalIds.filter((id) => id.backOffice === backOffice).map((id) => id.id),
    ...(contact.emailKey === undefined ? {} : { emailKey: contact.emailKey }),
    ...(contact.phoneKey === undefined ? {} : { phoneKey: contact.phoneKey }),
    name: contact.name,
  };
}

/**
 * Recorded orders dated within the export's dates widened by the window: only those can match
 * one of its orders, and only those are judged (an order from before the export began is not
 * "missing" from it).
 */
async function recordedInputs(
  db: TallyDatabase,
  covered: { from: CalendarDate; to: CalendarDate },
  windowDays: number,
): Promise<RecordedOrderInput[]> {
  const records = await db.purchases
    .where('purchaseDate')
    .between(addDays(covered.from, -windowDays), addDays(covered.to, windowDays), true, true)
    .toArray();
  return records.filter((record) => record.deletedAt === undefined).map(recordedInput);
}

export function recordedInput(record: PurchaseRecord): RecordedOrderInput {
  return {
    purchaseId: record.id,
    contactId: record.contactId,
    kind: record.kind,
    date: record.purchaseDate,
    currency: record.currency,
    lines: record.lines.map((line) => ({
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPriceMinor: line.unitPrice.minor,
    })),
  };
}
