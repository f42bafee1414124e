import type { Contact } from '../domain/contact';
import type { ContactEvent } from '../domain/contact-event';
import { ContactImportBatch } from '../domain/contact-import-batch';
import { planCounts, type ContactImportPlan } from '../domain/contact-import-plan';
import { nowInstant, type Instant } from '../domain/dates';
import { t, tPlural } from '../domain/i18n';
import type { TallyDatabase } from './database';

/** Every stored contact (deleted ones too: a row may name one by its Tally ID) and their state. */
export interface ContactsForImport {
  contacts: Contact[];
  /** Changes whenever any contact is added, changed or deleted; see contactsFingerprint. */
  fingerprint: string;
}

/**
 * Read a page at a time (see loadContactsInPages); if a contact changes meanwhile, read again,
 * so the contacts and their fingerprint always belong together.
 */
export async function loadContactsForImport(
  db: TallyDatabase,
  pause: () => Promise<void> = async () => {},
  pageSize?: number,
): Promise<ContactsForImport> {
  for (;;) {
    const fingerprint = await contactsFingerprint(db);
    const contacts = await loadContactsInPages(db, pause, pageSize);
    if ((await contactsFingerprint(db)) === fingerprint) return { contacts, fingerprint };
  }
}

/**
 * Every contact, read a page at a time with a pause between pages: reading 50,000 in one go
 * holds the page for as long as it takes to unpack them all.
 */
export async function loadContactsInPages(
  db: TallyDatabase,
  pause: () => Promise<void>,
  pageSize = 5000,
): Promise<Contact[]> {
  const contacts: Contact[] = [];
  for (;;) {
    const last = contacts.at(-1)?.id;
    const page = await (
      last === undefined ? db.contacts.orderBy(':id') : db.contacts.where(':id').above(last)
    )
      .limit(pageSize)
      .toArray();
    contacts.push(...page);
    if (page.length < pageSize) return contacts;
    await pause();
  }
}

/**
 * A short digest of every contact's id and updatedAt, read from the updatedAt index alone (no
 * contact is loaded, so it stays cheap at 50,000): every write to a contact moves its
 * updatedAt, so any write since the dry run changes the digest.
 */
export async function contactsFingerprint(db: TallyDatabase): Promise<string> {
  const byTime = db.contacts.orderBy('updatedAt');
  const [times, ids] = await Promise.all([byTime.keys(), byTime.primaryKeys()]);
  let low = 0x811c9dc5;
  let high = 0x01000193;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      low = Math.imul(low ^ code, 0x01000193) >>> 0;
      high = Math.imul(high ^ code, 0x5bd1e995) >>> 0;
    }
  };
  ids.forEach((id, index) => {
    mix(String(id));
    mix(String(times[index]));
  });
  return `${ids.length}:${low.toString(16)}${high.toString(16)}`;
}

/** Contacts changed between the dry run and the write; nothing was written. */
export class ContactsChangedError extends Error {
  constructor() {
    super(t('db_contacts_changed'));
    this.name = 'ContactsChangedError';
  }
}

export interface ContactImportInput {
  plan: ContactImportPlan;
  fileName: string;
  /** SHA-256 of the file's bytes, hex. */
  fileHash: string;
  /** contactsFingerprint when the plan was made. */
  fingerprint: string;
}

export interface ApplyImportOptions {
  now?: Instant;
  /** Called after each chunk is written, inside the transaction; a throw takes everything back. */
  onProgress?: (written: number, total: number) => void;
  chunkSize?: number;
}

/**
 * Writes the plan's created and updated contacts, a history entry for each, and the batch that
 * undoes them, in one transaction: a failure anywhere (a bad row, a throw from onProgress, a
 * closed page) leaves the contacts as they were. If any contact changed since the plan was
 * made, nothing is written and ContactsChangedError says so, for the caller to plan again.
 * Returns undefined, writing nothing, when the plan creates and updates nothing.
 */
export async function applyContactImport(
  db: TallyDatabase,
  input: ContactImportInput,
  options: ApplyImportOptions = {},
): Promise<ContactImportBatch | undefined> {
  const { plan } = input;
  const total = plan.created.length + plan.updated.length;
  if (total === 0) return undefined;
  const at = options.now ?? nowInstant();
  const chunkSize = options.chunkSize ?? 500;
  const writes: { contact: Contact; event: ContactEvent }[] = [
    ...plan.created.map(({ contact, changes }) => {
      const written = { ...contact, createdAt: at, updatedAt: at };
      return { contact: written, event: historyEntry(written, 'created', changes, at) };
    }),
    ...plan.updated.map(({ contact, changes }) => {
      const written = { ...contact, updatedAt: at };
      return { contact: written, event: historyEntry(written, 'imported', changes, at) };
    }),
  ];
  const batch = ContactImportBatch.parse({
    id: crypto.randomUUID(),
    createdAt: at,
    fileName: input.fileName.slice(0, 500),
    fileHash: input.fileHash,
    createdIds: plan.created.map((row) => row.contact.id),
    updatedBefore: plan.updated.map((row) => row.before),
    counts: planCounts(plan),
    eventIds: writes.map((write) => write.event.id),
  });

  return db.transaction('rw', db.contacts, db.contactEvents, db.contactImports, async () => {
    if ((await contactsFingerprint(db)) !== input.fingerprint) throw new ContactsChangedError();
    for (let start = 0; start < writes.length; start += chunkSize) {
      const chunk = writes.slice(start, start + chunkSize);
      await db.contacts.bulkPut(chunk.map((write) => write.contact));
      await db.contactEvents.bulkAdd(chunk.map((write) => write.event));
      options.onProgress?.(start + chunk.length, total);
    }
    await db.contactImports.add(batch);
    return batch;
  });
}

function historyEntry(
  contact: Contact,
  kind: 'created' | 'imported',
  changes: ContactEvent['changes'],
  at: Instant,
): ContactEvent {
  return { id: crypto.randomUUID(), contactId: contact.id, at, kind, changes };
}

/** The most recent import that has not been undone, to offer `Undo import` for. */
export async function lastUndoableImport(db: TallyDatabase): Promise<ContactImportBatch | undefined> {
  const last = await db.contactImports.orderBy('createdAt').last();
  return last && last.undoneAt === undefined ? last : undefined;
}

/** When the same file (by its bytes) was last imported, if ever and not undone. */
export async function earlierImportOf(
  db: TallyDatabase,
  fileHash: string,
): Promise<ContactImportBatch | undefined> {
  const batches = await db.contactImports.where('fileHash').equals(fileHash).toArray();
  return batches
    .filter((batch) => batch.undoneAt === undefined)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .at(-1);
}

/** Undoing was refused; nothing was changed. The message says why and what to do. */
export class ImportUndoRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportUndoRefusedError';
  }
}

export interface UndoneImport {
  batch: ContactImportBatch;
  restored: number;
  removed: number;
}

/**
 * Takes an import back as a whole, in one transaction: every contact it updated gets its
 * before-image again, every contact it created is deleted (softly, like any contact), and the
 * history entries it wrote are removed. Refused, changing nothing, when that would lose work
 * done since: a contact it wrote has changed after it (edited, captured, imported again,
 * merged), or a contact it created has purchases, buy-backs, notes, store credit or purchase
 * orders of its own.
 */
export async function undoContactImport(
  db: TallyDatabase,
  batchId: string,
  options: { now?: Instant } = {},
): Promise<UndoneImport> {
  const owned = [db.purchases, db.buyBacks, db.notes, db.storeCredit] as const;
  return db.transaction(
    'rw',
    [db.contacts, db.contactEvents, db.contactImports, db.purchaseOrders, ...owned],
    async () => {
      const batch = await db.contactImports.get(batchId);
      if (!batch) throw new ImportUndoRefusedError(t('db_import_gone'));
      if (batch.undoneAt !== undefined) throw new ImportUndoRefusedError(t('db_import_already_undone'));

      const updatedIds = batch.updatedBefore.map((contact) => contact.id);
      const [updatedNow, createdNow] = await Promise.all([
        db.contacts.bulkGet(updatedIds),
        db.contacts.bulkGet(batch.createdIds),
      ]);
      const changedSince = [...updatedNow, ...createdNow].filter(
        (contact) => !contact || contact.updatedAt !== batch.createdAt || contact.deletedAt !== undefined,
      );
      const ownedRows = await Promise.all([
        ...owned.map((table) => table.where('contactId').anyOf(batch.createdIds).toArray()),
        db.purchaseOrders.where('supplierId').anyOf(batch.createdIds).toArray(),
      ]);
      const inUse = new Set(
        ownedRows.flat().map((row) => ('contactId' in row ? row.contactId : row.supplierId)),
      );
      const problems: string[] = [];
      if (changedSince.length > 0) {
        problems.push(t('db_import_changed_since', names(changedSince)));
      }
      if (inUse.size > 0) {
        const used = createdNow.filter((contact) => contact && inUse.has(contact.id));
        problems.push(tPlural('db_import_added_in_use', used.length, names(used)));
      }
      if (problems.length > 0) {
        throw new ImportUndoRefusedError(t('db_import_not_undone', problems.join('; ')));
      }

      const at = options.now ?? nowInstant();
      await db.contacts.bulkPut(batch.updatedBefore);
      await db.contacts.bulkPut(
        createdNow.flatMap((contact) => (contact ? [{ ...contact, deletedAt: at, updatedAt: at }] : [])),
      );
      if (batch.eventIds) await db.contactEvents.bulkDelete(batch.eventIds);
      const undone = { ...batch, undoneAt: at };
      await db.contactImports.put(undone);
      return { batch: undone, restored: batch.updatedBefore.length, removed: batch.createdIds.length };
    },
  );
}

/** "Ada Lovelace", "Ada Lovelace and Bob Stone", "Ada Lovelace, Bob Stone and 3 others". */
function names(contacts: readonly (Contact | undefined)[]): string {
  const known = contacts.map((contact) => contact?.name ?? t('db_contact_since_removed'));
  const [first = '', second] = known;
  if (second === undefined) return first;
  if (known.length === 2) return t('db_names_two', first, second);
  return tPlural('db_names_and_others', known.length - 2, first, second);
}
