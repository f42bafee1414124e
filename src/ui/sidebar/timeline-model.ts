import { computed, signal } from '@preact/signals';
import type { BuyBack } from '../../domain/buyback';
import type { Contact } from '../../domain/contact';
import type { ContactEvent } from '../../domain/contact-event';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import { formatCalendarDate } from '../../domain/locale-format';
import type { ContactNote } from '../../domain/note';
import type { PurchaseRecord } from '../../domain/purchase';
import type { PurchaseGroup } from '../../domain/purchase-group';
import type { ReconcileStatus } from '../../domain/reconcile';
import { spendSummary } from '../../domain/contact-stats';
import { buildTimeline, filterTimeline, type TimelineFilter } from '../../domain/timeline';
import type { TallyDatabase } from '../../db/database';
import { getContactsById, listContactEvents } from '../../db/contacts';
import { listContactBuyBacks } from '../../db/buybacks';
import { listSupplierPurchaseOrders } from '../../db/purchase-orders';
import type { PurchaseOrder } from '../../domain/purchase-order';
import { addNote, deleteNote, listContactNotes, restoreNote } from '../../db/notes';
import { deletePurchase, getGroupOrder, listContactPurchases, restorePurchase } from '../../db/purchases';
import { readStatusesOf } from '../../db/reconcile-statuses';

/** A group order as its timeline entry shows it: every share, with whose it is. */
export interface GroupView {
  group: PurchaseGroup;
  shares: { contactName: string; record: PurchaseRecord }[];
}

/** The last deletion, which `Undo` takes back. */
export interface UndoOffer {
  message: string;
  undo(): Promise<void>;
}

/**
 * One contact's activity timeline: purchases, samples, buy-backs, captures and notes newest first,
 * the spend summary, the kind filter, notes, and deleting with Undo.
 */
export function createTimelineModel(deps: { db: TallyDatabase }) {
  const contact = signal<Contact | null>(null);
  const records = signal<PurchaseRecord[]>([]);
  const events = signal<ContactEvent[]>([]);
  const notes = signal<ContactNote[]>([]);
  const buyBacks = signal<BuyBack[]>([]);
  const purchaseOrders = signal<PurchaseOrder[]>([]);
  const filter = signal<TimelineFilter>('all');
  const entries = computed(() =>
    buildTimeline(records.value, events.value, notes.value, buyBacks.value, purchaseOrders.value),
  );
  const visible = computed(() => filterTimeline(entries.value, filter.value));
  const summary = computed(() => spendSummary(records.value));
  const noteText = signal('');
  const noteError = signal<string | null>(null);
  const undoOffer = signal<UndoOffer | null>(null);
  const groups = signal<ReadonlyMap<string, GroupView>>(new Map());
  /** Each shown purchase's latest reconciliation, by purchase id; none when never reconciled. */
  const statuses = signal<ReadonlyMap<string, ReconcileStatus>>(new Map());
  const error = signal<string | null>(null);
  let generation = 0;

  /** Shows `next`'s timeline (or none); a slower earlier load never overwrites a later one. */
  async function show(next: Contact | null) {
    if (next?.id !== contact.value?.id) {
      filter.value = 'all';
      noteText.value = '';
      noteError.value = null;
      groups.value = new Map();
    }
    contact.value = next;
    await refresh();
  }

  async function refresh() {
    const mine = ++generation;
    const current = contact.value;
    const [nextRecords, nextEvents, nextNotes, nextBuyBacks, nextOrders] = current
      ? await Promise.all([
          listContactPurchases(deps.db, current.id),
          listContactEvents(deps.db, current.id),
          listContactNotes(deps.db, current.id),
          listContactBuyBacks(deps.db, current.id),
          listSupplierPurchaseOrders(deps.db, current.id),
        ])
      : [[], [], [], [], []];
    // The statuses of these records only: a reconciled shop holds one per recorded order.
    const nextStatuses = await readStatusesOf(
      deps.db,
      nextRecords.map((record) => record.id),
    );
    if (mine !== generation) return;
    records.value = nextRecords;
    statuses.value = nextStatuses;
    events.value = nextEvents;
    notes.value = nextNotes;
    buyBacks.value = nextBuyBacks;
    purchaseOrders.value = nextOrders;
  }

  async function act(action: () => Promise<void>, offer: UndoOffer | null) {
    error.value = null;
    try {
      await action();
      undoOffer.value = offer;
    } catch (failure) {
      error.value = errorMessage(failure);
    }
    await refresh();
  }

  async function removeRecord(record: PurchaseRecord) {
    const deleted = record.kind === 'sample' ? 'sidebar_sample_deleted' : 'sidebar_purchase_deleted';
    await act(() => deletePurchase(deps.db, record.id), {
      message: t(deleted, formatCalendarDate(record.purchaseDate)),
      undo: () => restorePurchase(deps.db, record.id),
    });
  }

  async function removeNote(note: ContactNote) {
    await act(() => deleteNote(deps.db, note.id), {
      message: t('sidebar_note_deleted'),
      undo: () => restoreNote(deps.db, note.id),
    });
  }

  async function undo() {
    const offer = undoOffer.value;
    if (offer) await act(offer.undo, null);
  }

  async function saveNote() {
    const current = contact.value;
    if (!current) return;
    noteError.value = null;
    try {
      await addNote(deps.db, current.id, noteText.value);
      noteText.value = '';
    } catch (failure) {
      noteError.value = t('sidebar_note_not_saved', describeNoteError(failure));
    }
    await refresh();
  }

  /** Opens or closes a group order's details under its entry. */
  async function toggleGroup(groupId: string) {
    const next = new Map(groups.value);
    if (next.delete(groupId)) {
      groups.value = next;
      return;
    }
    const found = await getGroupOrder(deps.db, groupId);
    if (!found) {
      error.value = t('sidebar_group_gone');
      return;
    }
    const names = await getContactsById(
      deps.db,
      found.records.map((record) => record.contactId),
    );
    next.set(groupId, {
      group: found.group,
      shares: found.records.map((record) => ({
        contactName: names.get(record.contactId)?.name ?? t('sidebar_deleted_contact'),
        record,
      })),
    });
    groups.value = next;
  }

  return {
    contact,
    records,
    entries,
    visible,
    filter,
    summary,
    noteText,
    noteError,
    undoOffer,
    groups,
    statuses,
    error,
    show,
    refresh,
    removeRecord,
    removeNote,
    undo,
    saveNote,
    toggleGroup,
    /** A new action replaces the Undo offer; so does moving to another contact. */
    dismissUndo: () => (undoOffer.value = null),
  };
}

export type TimelineModel = ReturnType<typeof createTimelineModel>;

function describeNoteError(failure: unknown): string {
  // A zod error's message is JSON; the note's own rule says it better.
  if (failure && typeof failure === 'object' && 'issues' in failure && Array.isArray(failure.issues)) {
    const first = failure.issues[0] as { message?: string } | undefined;
    if (first?.message) return first.message;
  }
  return errorMessage(failure);
}
