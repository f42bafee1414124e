import type { Contact } from '../domain/contact';
import type { PurchaseRecord } from '../domain/purchase';
import type { TallyDatabase } from './database';
import { newestFirst } from './purchases';

/**
 * Every contact and every live purchase, read together: the dashboard's contacts list, recorded
 * purchases and reports all start from these two tables, and at 50,000 contacts reading them once
 * instead of once per section is most of the dashboard's opening time.
 */
export interface Snapshot {
  /** Every contact, deleted and merged ones included (old orders still name them), by id. */
  contactsById: Map<string, Contact>;
  /** Current contacts only. */
  contacts: Contact[];
  /** Live purchases and samples, newest first. */
  records: PurchaseRecord[];
}

export async function readSnapshot(db: TallyDatabase): Promise<Snapshot> {
  const [allContacts, allRecords] = await db.transaction('r', db.contacts, db.purchases, () =>
    Promise.all([db.contacts.toArray(), db.purchases.toArray()]),
  );
  return {
    contactsById: new Map(allContacts.map((contact) => [contact.id, contact])),
    contacts: allContacts.filter((contact) => contact.deletedAt === undefined),
    records: allRecords.filter((record) => record.deletedAt === undefined).sort(newestFirst),
  };
}

export type SnapshotReader = () => Promise<Snapshot>;

/** The reader a section was given (the dashboard's shared one), or a read of its own. */
export function snapshotOf(deps: {
  db: TallyDatabase;
  read?: SnapshotReader | undefined;
}): Promise<Snapshot> {
  return deps.read ? deps.read() : readSnapshot(deps.db);
}

export interface SnapshotSource {
  read: SnapshotReader;
  /**
   * Runs `work` with one read for every read() inside it, however far apart they come: the
   * dashboard refreshes the contacts list first, then the heavier sections from the same data.
   */
  sharing(work: () => Promise<void>): Promise<void>;
}

/**
 * The sections' one source of contacts and purchases. Outside `sharing`, callers while a read is
 * under way get that read, and a call after it finished reads again, so a section refreshing after
 * its own change never sees data from before it.
 */
export function snapshotSource(db: TallyDatabase): SnapshotSource {
  let pending: Promise<Snapshot> | undefined;
  let held: Promise<Snapshot> | undefined;
  const read = () => {
    if (held) return held;
    pending ??= readSnapshot(db).finally(() => {
      pending = undefined;
    });
    return pending;
  };
  return {
    read,
    async sharing(work) {
      held = read();
      try {
        await work();
      } finally {
        held = undefined;
      }
    },
  };
}
