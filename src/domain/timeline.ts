import type { BuyBack } from './buyback';
import type { ContactEvent } from './contact-event';
import { todayLocal, type CalendarDate } from './dates';
import type { ContactNote } from './note';
import type { PurchaseRecord } from './purchase';
import type { PurchaseOrder } from './purchase-order';

/** What the timeline can be narrowed to. */
export const TIMELINE_KINDS = [
  'purchase',
  'sample',
  'buy-back',
  'purchase-order',
  'capture',
  'note',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export type TimelineFilter = TimelineKind | 'all';

/** One thing that happened with a contact, placed on its calendar day. */
export type TimelineEntry =
  | { kind: 'purchase' | 'sample'; date: CalendarDate; at: string; record: PurchaseRecord }
  | { kind: 'capture'; date: CalendarDate; at: string; event: ContactEvent }
  | { kind: 'note'; date: CalendarDate; at: string; note: ContactNote }
  | { kind: 'buy-back'; date: CalendarDate; at: string; buyBack: BuyBack }
  | { kind: 'purchase-order'; date: CalendarDate; at: string; order: PurchaseOrder };

/**
 * A contact's purchases, samples, buy-backs, received purchase orders (as a supplier), captures
 * and notes, newest first. A purchase sits on the day it was made (its purchase date), however
 * long after it was recorded; a purchase order on the day its goods arrived; everything else on
 * the day it happened where the user is. Same day: the later instant first. Deleted things are
 * left out.
 */
export function buildTimeline(
  records: readonly PurchaseRecord[],
  events: readonly ContactEvent[],
  notes: readonly ContactNote[],
  buyBacks: readonly BuyBack[] = [],
  purchaseOrders: readonly PurchaseOrder[] = [],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...records
      .filter((record) => record.deletedAt === undefined)
      .map((record) => ({ kind: record.kind, date: record.purchaseDate, at: record.createdAt, record })),
    ...events.map((event) => ({
      kind: 'capture' as const,
      date: todayLocal(new Date(event.at)),
      at: event.at,
      event,
    })),
    ...notes
      .filter((note) => note.deletedAt === undefined)
      .map((note) => ({
        kind: 'note' as const,
        date: todayLocal(new Date(note.createdAt)),
        at: note.createdAt,
        note,
      })),
    // A buy-back sits on the day it was paid out, an estimate on the day it was started.
    ...buyBacks
      .filter((buyBack) => buyBack.deletedAt === undefined)
      .map((buyBack) => ({
        kind: 'buy-back' as const,
        date: buyBack.payout?.paidOn ?? todayLocal(new Date(buyBack.createdAt)),
        at: buyBack.payout?.paidAt ?? buyBack.createdAt,
        buyBack,
      })),
    // A purchase order joins the supplier's history when the goods arrive, on that day.
    ...purchaseOrders.flatMap((order) =>
      order.deletedAt === undefined && order.status === 'received' && order.receivedOn
        ? [
            {
              kind: 'purchase-order' as const,
              date: order.receivedOn,
              at: order.receivedAt ?? order.updatedAt,
              order,
            },
          ]
        : [],
    ),
  ];
  return entries.sort((a, b) => b.date.localeCompare(a.date) || b.at.localeCompare(a.at));
}

export function filterTimeline(entries: readonly TimelineEntry[], filter: TimelineFilter): TimelineEntry[] {
  return filter === 'all' ? [...entries] : entries.filter((entry) => entry.kind === filter);
}

/** What tells an entry apart from the others of its timeline: the id of what it shows. */
export function timelineEntryKey(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'capture':
      return entry.event.id;
    case 'note':
      return entry.note.id;
    case 'buy-back':
      return entry.buyBack.id;
    case 'purchase-order':
      return entry.order.id;
    default:
      return entry.record.id;
  }
}
