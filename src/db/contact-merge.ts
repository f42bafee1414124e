import type { CountryCode } from 'libphonenumber-js/min';
import { Contact } from '../domain/contact';
import { applyContactFields, editChanges } from '../domain/contact-edit';
import type { ContactEvent } from '../domain/contact-event';
import {
  ContactMerge,
  mergeFields,
  mergeProblem,
  unmergedFields,
  type ContactOwnedTable,
  type KeptEdit,
  type OwnedRowCounts,
} from '../domain/contact-merge';
import { nowInstant, type Instant } from '../domain/dates';
import { t } from '../domain/i18n';
import { pairKey } from '../domain/duplicates';
import { formatMoney } from '../domain/money';
import type { PurchaseKind } from '../domain/purchase';
import { creditBalances } from '../domain/store-credit';
import type { TallyDatabase } from './database';
import { readSetting, writeSetting } from './settings';

export interface MergeContext {
  defaultCountry: CountryCode;
  now?: Instant;
}

/** The owned tables whose rows name their contact in a field of their own (groups nest it in shares). */
const CONTACT_FIELD = {
  purchases: 'contactId',
  notes: 'contactId',
  contactEvents: 'contactId',
  buyBacks: 'contactId',
  storeCredit: 'contactId',
  purchaseOrders: 'supplierId',
} as const satisfies Record<Exclude<ContactOwnedTable, 'purchaseGroups'>, string>;
type FlatTable = keyof typeof CONTACT_FIELD;
const FLAT_TABLES = Object.keys(CONTACT_FIELD) as FlatTable[];

/** Every table a merge or its undo writes, so that each is one transaction. */
function mergeTables(db: TallyDatabase) {
  return [
    db.contacts,
    db.contactMerges,
    db.purchases,
    db.purchaseGroups,
    db.notes,
    db.contactEvents,
    db.buyBacks,
    db.storeCredit,
    db.purchaseOrders,
  ];
}

/** How much history a contact has, table by table (deleted records included: they move too). */
export async function countOwnedRows(db: TallyDatabase, contactId: string): Promise<OwnedRowCounts> {
  const kinds: Record<PurchaseKind, number> = { purchase: 0, sample: 0 };
  const [, buyBacks, storeCredit, notes, contactEvents, purchaseOrders] = await Promise.all([
    // One pass over the contact's records counts both kinds.
    db.purchases
      .where('contactId')
      .equals(contactId)
      .each((record) => {
        kinds[record.kind] += 1;
      }),
    db.buyBacks.where('contactId').equals(contactId).count(),
    db.storeCredit.where('contactId').equals(contactId).count(),
    db.notes.where('contactId').equals(contactId).count(),
    db.contactEvents.where('contactId').equals(contactId).count(),
    db.purchaseOrders.where('supplierId').equals(contactId).count(),
  ]);
  return {
    purchases: kinds.purchase,
    samples: kinds.sample,
    buyBacks,
    storeCredit,
    notes,
    contactEvents,
    purchaseOrders,
  };
}

/**
 * Merges `mergedId` into `survivorId` in one transaction: the survivor takes the merged fields
 * (mergeFields), every row of the merged contact in every owned table moves to the survivor
 * (store credit moves with its ledger, so the balances add up), the merged contact is deleted
 * with `mergedInto`, the survivor's history gets a `merged` event, and a ContactMerge keeps what
 * undoing needs. Throws, writing nothing, when mergeProblem refuses.
 */
export async function mergeContacts(
  db: TallyDatabase,
  pair: { survivorId: string; mergedId: string },
  context: MergeContext,
): Promise<ContactMerge> {
  const now = context.now ?? nowInstant();
  return db.transaction('rw', mergeTables(db), async () => {
    const survivor = await db.contacts.get(pair.survivorId);
    const merged = await db.contacts.get(pair.mergedId);
    if (!survivor || !merged) throw new Error(t('db_pair_contact_gone'));
    const problem = mergeProblem(survivor, merged);
    if (problem) throw new Error(problem);

    const survivorAfter = applyContactFields(survivor, mergeFields(survivor, merged), {
      newId: survivor.id,
      now,
      defaultCountry: context.defaultCountry,
    });
    const moved: ContactMerge['moved'] = {};
    for (const table of FLAT_TABLES) {
      const field = CONTACT_FIELD[table];
      const rows = db.table<Record<string, unknown>, string>(table).where(field).equals(merged.id);
      const ids = await rows.primaryKeys();
      if (ids.length === 0) continue;
      await rows.modify((row) => {
        row[field] = survivor.id;
      });
      moved[table] = ids;
    }
    const groups = db.purchaseGroups.filter((group) =>
      group.shares.some((share) => share.contactId === merged.id),
    );
    const groupIds = await groups.primaryKeys();
    if (groupIds.length > 0) {
      await groups.modify((group) => {
        for (const share of group.shares) if (share.contactId === merged.id) share.contactId = survivor.id;
      });
      moved.purchaseGroups = groupIds;
    }

    await db.contacts.put(survivorAfter);
    await db.contacts.put(
      Contact.parse({ ...merged, updatedAt: now, deletedAt: now, mergedInto: survivor.id }),
    );
    const event: ContactEvent = {
      id: crypto.randomUUID(),
      contactId: survivor.id,
      at: now,
      kind: 'merged',
      changes: editChanges(survivor, survivorAfter),
    };
    await db.contactEvents.add(event);
    const record = ContactMerge.parse({
      id: crypto.randomUUID(),
      createdAt: now,
      survivorId: survivor.id,
      mergedId: merged.id,
      survivorBefore: survivor,
      mergedBefore: merged,
      survivorAfter,
      moved,
    });
    await db.contactMerges.add(record);
    return record;
  });
}

export interface UndoneMerge {
  merge: ContactMerge;
  survivor: Contact;
  merged: Contact;
  /** Fields changed on the survivor after the merge, whose new values undoing kept. */
  kept: KeptEdit[];
}

/**
 * Undoes a merge in one transaction: the merged contact comes back exactly as it was, every row
 * that moved goes back to it (rows made on the survivor since stay with the survivor), and the
 * survivor returns to its before-image — unless someone changed it since, in which case each
 * field changed since keeps its new value and the rest go back (unmergedFields; `kept` names
 * them). The merge is marked undone and the survivor's history gets an `edited` event.
 *
 * Refused, writing nothing: a merge already undone; a survivor deleted or merged again since
 * (undo that first); and a survivor that has since spent store credit that came with the merge,
 * which would leave it owing credit.
 */
export async function undoMerge(
  db: TallyDatabase,
  mergeId: string,
  context: MergeContext,
): Promise<UndoneMerge> {
  const now = context.now ?? nowInstant();
  return db.transaction('rw', mergeTables(db), async () => {
    const merge = await db.contactMerges.get(mergeId);
    if (!merge) throw new Error(t('db_merge_not_on_record'));
    const { survivorBefore, mergedBefore } = merge;
    if (merge.undoneAt !== undefined) {
      throw new Error(t('db_merge_already_undone', mergedBefore.name, survivorBefore.name));
    }
    const survivorNow = await db.contacts.get(merge.survivorId);
    if (!survivorNow) throw new Error(t('db_named_contact_gone', survivorBefore.name));
    if (survivorNow.deletedAt !== undefined) {
      const later = survivorNow.mergedInto ? await db.contacts.get(survivorNow.mergedInto) : undefined;
      throw new Error(
        later
          ? t('db_merged_since', survivorNow.name, later.name)
          : t('db_deleted_since_merge', survivorNow.name),
      );
    }

    const movedBack = new Set<string>();
    for (const table of FLAT_TABLES) {
      const ids = merge.moved[table] ?? [];
      if (ids.length === 0) continue;
      const field = CONTACT_FIELD[table];
      await db
        .table<Record<string, unknown>, string>(table)
        .where(':id')
        .anyOf(ids)
        .modify((row) => {
          if (row[field] !== merge.survivorId) return;
          row[field] = merge.mergedId;
          if (table === 'purchases') movedBack.add(row.id as string);
        });
    }
    const groupIds = merge.moved.purchaseGroups ?? [];
    if (groupIds.length > 0) {
      // A share goes back with its record: the survivor's own share in the same group stays.
      await db.purchaseGroups
        .where(':id')
        .anyOf(groupIds)
        .modify((group) => {
          for (const share of group.shares)
            if (share.contactId === merge.survivorId && movedBack.has(share.recordId))
              share.contactId = merge.mergedId;
        });
    }
    await refuseOwedCredit(db, survivorNow);

    const untouched = merge.survivorAfter !== undefined && sameContact(survivorNow, merge.survivorAfter);
    let survivor = survivorBefore;
    let kept: KeptEdit[] = [];
    if (!untouched) {
      const unmerged = unmergedFields(survivorBefore, merge.survivorAfter ?? survivorNow, survivorNow);
      kept = unmerged.kept;
      survivor = applyContactFields(survivorNow, unmerged.fields, {
        newId: survivorNow.id,
        now,
        defaultCountry: context.defaultCountry,
      });
    }
    await db.contacts.put(survivor);
    await db.contacts.put(mergedBefore);
    const event: ContactEvent = {
      id: crypto.randomUUID(),
      contactId: survivor.id,
      at: now,
      kind: 'unmerged',
      changes: editChanges(survivorNow, survivor),
    };
    await db.contactEvents.add(event);
    const undone = ContactMerge.parse({ ...merge, undoneAt: now });
    await db.contactMerges.put(undone);
    return { merge: undone, survivor, merged: mergedBefore, kept };
  });
}

/**
 * Throws when the survivor's store credit, once the merged contact's ledger went back, is below
 * zero: it spent credit that came with the merge, and undoing would leave it owing.
 */
async function refuseOwedCredit(db: TallyDatabase, survivor: Contact) {
  const ledger = await db.storeCredit.where('contactId').equals(survivor.id).toArray();
  const owed = creditBalances(ledger).find((balance) => balance.minor < 0);
  if (owed) {
    throw new Error(t('db_merge_credit_spent', survivor.name, formatMoney(owed)));
  }
}

/** Whether the contact is still exactly as the merge left it. */
function sameContact(a: Contact, b: Contact): boolean {
  return JSON.stringify(Contact.parse(a)) === JSON.stringify(Contact.parse(b));
}

/** Recent merges, newest first: the ones the user may still want to undo. */
export async function listMerges(db: TallyDatabase, limit = 10): Promise<ContactMerge[]> {
  return db.contactMerges.orderBy('createdAt').reverse().limit(limit).toArray();
}

/** The pairs the user said are not duplicates (pairKeys). */
export async function readDismissedDuplicates(db: TallyDatabase): Promise<Set<string>> {
  return new Set(await readSetting(db, 'dismissedDuplicates'));
}

/** Remembers that two contacts are not duplicates, so the list never offers them again. */
export async function dismissDuplicate(db: TallyDatabase, a: string, b: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const dismissed = await readDismissedDuplicates(db);
    dismissed.add(pairKey(a, b));
    await writeSetting(db, 'dismissedDuplicates', [...dismissed]);
  });
}
