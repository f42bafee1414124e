import type { BackOfficeOrder } from '../domain/back-office-order';
import type { Contact } from '../domain/contact';
import type { BackOfficeOnlyOrder, ReconcileOptions } from '../domain/reconcile';
import { t } from '../domain/i18n';
import { createCustomerResolver } from '../reconcile/match-customer';
import { reconcileExport } from '../reconcile/reconcile-export';
import type { TallyDatabase } from './database';
import { contactInput, contactInputs, recordedInput } from './reconcile-input';
import type { StoredReconcileRun } from './reconcile-tables';

/**
 * What importing a back-office-only order checks first (reconcile-import.ts): whom it goes to,
 * and that no recorded order already stands for it. A run is kept for weeks; contacts and
 * records change meanwhile, so each is asked of the database as it is now.
 */

/**
 * Refuses an order that a recorded order already stands for: one imported from another run that
 * listed it too, or one a later run matched (synced, probable or in conflict). Importing it again
 * would record the same sale twice.
 */
export async function refuseWhenRecorded(
  db: TallyDatabase,
  backOffice: string,
  orderId: string,
): Promise<void> {
  const matched = await db.reconcileStatuses
    .filter((status) => status.backOffice === backOffice && status.backOfficeOrderIds.includes(orderId))
    .toArray();
  const records = await db.purchases.bulkGet(matched.map((status) => status.purchaseId));
  const recorded = records.find((record) => record !== undefined && record.deletedAt === undefined);
  if (recorded) {
    throw new Error(t('db_order_already_in_tally', orderId, recorded.purchaseDate));
  }
}

/**
 * The contact to import into: the one the run resolved the customer to or, when that contact has
 * since been merged, the contact it was merged into. A customer no contact matched at the run
 * (or whose contact has been deleted since) is resolved again against the contacts as they are
 * now, by the same rules: the user may have captured the customer since.
 */
export async function importingContact(
  db: TallyDatabase,
  run: StoredReconcileRun,
  entry: BackOfficeOnlyOrder,
  defaultCountry: string,
): Promise<Contact> {
  const orderId = entry.order.orderId;
  const resolved = entry.contactId === undefined ? undefined : await survivingContact(db, entry.contactId);
  if (resolved && resolved.deletedAt === undefined) return resolved;
  const resolve = createCustomerResolver(await contactInputs(db, run.backOffice), defaultCountry);
  const now = resolve(entry.order.customer);
  const contact = now && (await db.contacts.get(now.contactId));
  if (contact) return contact;
  if (resolved) {
    throw new Error(t('db_order_customer_deleted', orderId, resolved.name));
  }
  throw new Error(t('db_order_customer_unknown', orderId));
}

/**
 * Refuses an order the contact has had recorded by hand since the run (the run could not see
 * it): the run's own matching, on that order and those records alone, says whether one of them
 * is it. Records the run did see are not asked about again: the run matched them elsewhere.
 */
export async function refuseWhenRecordedSince(
  db: TallyDatabase,
  run: StoredReconcileRun,
  order: BackOfficeOrder,
  contact: Contact,
  settings: { options: ReconcileOptions; defaultCountry: string },
): Promise<void> {
  const since = await db.purchases
    .where('contactId')
    .equals(contact.id)
    .filter((record) => record.deletedAt === undefined && record.createdAt > run.finishedAt)
    .toArray();
  if (since.length === 0) return;
  const result = reconcileExport({
    contacts: [contactInput(contact, run.backOffice)],
    recorded: since.map(recordedInput),
    exportOrders: [order],
    decisions: [],
    ...settings,
  });
  const matched = result.recorded.find((recorded) => recorded.backOfficeOrderIds.includes(order.orderId));
  const record = matched && since.find((candidate) => candidate.id === matched.purchaseId);
  if (record) {
    throw new Error(t('db_order_recorded_since', order.orderId, contact.name, record.purchaseDate));
  }
}

/** A contact, or the contact it was merged into (and so on); undefined when it is gone altogether. */
async function survivingContact(db: TallyDatabase, contactId: string): Promise<Contact | undefined> {
  let contact = await db.contacts.get(contactId);
  // A merge chain is short; the bound only guards against a loop in damaged data.
  for (let hops = 0; hops < 20 && contact?.mergedInto !== undefined; hops++) {
    contact = await db.contacts.get(contact.mergedInto);
  }
  return contact;
}
