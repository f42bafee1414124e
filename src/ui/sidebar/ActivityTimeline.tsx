import type { JSX } from 'preact';
import { BUY_BACK_STATUS_LABELS, buyBackNumber, buyBackTotal, type BuyBack } from '../../domain/buyback';
import { formatMoney } from '../../domain/money';
import { purchaseOrderNumber, purchaseOrderTotal, type PurchaseOrder } from '../../domain/purchase-order';
import { lineTotal, recordTotal, type PurchasePayment, type PurchaseRecord } from '../../domain/purchase';
import { CONTACT_FIELD_NAMES, type ContactEvent } from '../../domain/contact-event';
import { OUTCOME_LABELS, type ReconcileStatus } from '../../domain/reconcile';
import { timelineEntryKey, type TimelineEntry, type TimelineFilter } from '../../domain/timeline';
import { ErrorMessage } from '../ErrorMessage';
import { formatCalendarDate } from '../../domain/calendar';
import type { GroupView, TimelineModel } from './timeline-model';

const FILTERS: { value: TimelineFilter; label: string }[] = [
  { value: 'all', label: 'Everything' },
  { value: 'purchase', label: 'Purchases' },
  { value: 'sample', label: 'Samples' },
  { value: 'buy-back', label: 'Buy-backs' },
  { value: 'purchase-order', label: 'Purchase orders' },
  { value: 'capture', label: 'Captures' },
  { value: 'note', label: 'Notes' },
];

/** The contact's purchases, samples, buy-backs, captures and notes, newest first, with what they spent. */
export function ActivityTimeline(props: {
  model: TimelineModel;
  onEdit: (record: PurchaseRecord) => void;
  onOpenBuyBack: (id: string) => void;
}) {
  const { model } = props;
  const entries = model.visible.value;
  return (
    <section aria-labelledby="timeline-heading" class="card">
      <h2 id="timeline-heading">Activity timeline</h2>
      <SpendSummary model={model} />
      <label class="inline-label">
        Show
        <select
          value={model.filter.value}
          onChange={(event) => (model.filter.value = event.currentTarget.value as TimelineFilter)}
        >
          {FILTERS.map((filter) => (
            <option key={filter.value} value={filter.value}>
              {filter.label}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage message={model.error.value} />
      {model.undoOffer.value ? (
        <p role="status" class="notice undo">
          {model.undoOffer.value.message}{' '}
          <button type="button" class="link" onClick={() => void model.undo()}>
            Undo
          </button>
        </p>
      ) : null}
      <NoteComposer model={model} />
      {entries.length === 0 ? (
        <p class="muted">
          {model.entries.value.length === 0 ? 'Nothing recorded yet.' : 'Nothing of this kind.'}
        </p>
      ) : (
        <ol class="timeline" aria-labelledby="timeline-heading">
          {entries.map((entry) => (
            <li key={timelineEntryKey(entry)} class={`entry ${entry.kind}`}>
              <Entry entry={entry} model={model} onEdit={props.onEdit} onOpenBuyBack={props.onOpenBuyBack} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function SpendSummary(props: { model: TimelineModel }) {
  const { lifetimeSpend, lastPurchaseDate } = props.model.summary.value;
  return (
    <dl class="fields summary">
      <dt>Lifetime spend</dt>
      <dd data-field="lifetime-spend">
        {lifetimeSpend.length === 0 ? '—' : lifetimeSpend.map((amount) => formatMoney(amount)).join(' + ')}
      </dd>
      <dt>Last purchase</dt>
      <dd data-field="last-purchase">
        {lastPurchaseDate ? (
          <time dateTime={lastPurchaseDate}>{formatCalendarDate(lastPurchaseDate)}</time>
        ) : (
          '—'
        )}
      </dd>
    </dl>
  );
}

function NoteComposer(props: { model: TimelineModel }) {
  const { model } = props;
  return (
    <form
      class="note-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void model.saveNote();
      }}
    >
      <label>
        Note about this contact
        <textarea
          rows={2}
          value={model.noteText.value}
          aria-invalid={model.noteError.value ? true : undefined}
          aria-describedby={model.noteError.value ? 'note-error' : undefined}
          onInput={(event) => (model.noteText.value = event.currentTarget.value)}
        />
      </label>
      {model.noteError.value ? (
        <p id="note-error" role="alert" class="error">
          {model.noteError.value}
        </p>
      ) : null}
      <button type="submit" class="secondary">
        Add note
      </button>
    </form>
  );
}

const CONTACT_EVENT_TITLES: Record<ContactEvent['kind'], string> = {
  captured: 'Captured',
  updated: 'Updated',
  created: 'Added',
  edited: 'Edited',
  imported: 'Imported',
  merged: 'Merged',
  unmerged: 'Merge undone',
};

function Entry(props: {
  entry: TimelineEntry;
  model: TimelineModel;
  onEdit: (record: PurchaseRecord) => void;
  onOpenBuyBack: (id: string) => void;
}) {
  const { entry, model } = props;
  const headId = `entry-${timelineEntryKey(entry)}`;
  const when = <time dateTime={entry.date}>{formatCalendarDate(entry.date)}</time>;
  if (entry.kind === 'capture') {
    const { event } = entry;
    const changed = event.changes.map((change) => CONTACT_FIELD_NAMES[change.field]).join(', ');
    return (
      <p class="entry-head" id={headId}>
        <strong>{CONTACT_EVENT_TITLES[event.kind]}</strong> {when}{' '}
        <span class="muted">
          {event.kind !== 'captured' && changed ? `${changed} ` : ''}
          {event.url ? `from ${hostOf(event.url)}` : ''}
        </span>
      </p>
    );
  }
  if (entry.kind === 'note') {
    return (
      <>
        <p class="entry-head" id={headId}>
          <strong>Note</strong> {when}
        </p>
        <p class="note">{entry.note.text}</p>
        <div class="row-actions">
          <button
            type="button"
            class="link"
            aria-describedby={headId}
            onClick={() => void model.removeNote(entry.note)}
          >
            Delete
          </button>
        </div>
      </>
    );
  }
  if (entry.kind === 'buy-back') {
    return <BuyBackEntry buyBack={entry.buyBack} headId={headId} when={when} onOpen={props.onOpenBuyBack} />;
  }
  if (entry.kind === 'purchase-order')
    return <PurchaseOrderEntry order={entry.order} headId={headId} when={when} />;
  const { record } = entry;
  const group = record.groupId ? model.groups.value.get(record.groupId) : undefined;
  return (
    <>
      <p class="entry-head" id={headId}>
        <strong>{record.kind === 'sample' ? 'Sample' : 'Purchase'}</strong> {when}{' '}
        <span class="amount">{formatMoney(recordTotal(record))}</span>{' '}
        <ReconcileBadge status={model.statuses.value.get(record.id)} />
      </p>
      <ul class="entry-lines">
        {record.lines.map((line) => (
          <li key={line.productId}>
            {line.quantity} × {line.name} — {formatMoney(lineTotal(line))}
            {line.unitPrice.minor !== line.catalogPrice.minor && record.kind === 'purchase' ? (
              <span class="muted"> (price changed from {formatMoney(line.catalogPrice)})</span>
            ) : null}
          </li>
        ))}
      </ul>
      {record.payment ? <p class="muted payment">{paymentLine(record, record.payment)}</p> : null}
      {record.note ? <p class="note">{record.note}</p> : null}
      {record.groupId ? <p class="muted">Share of a group order.</p> : null}
      {group ? <GroupDetails view={group} /> : null}
      <div class="row-actions">
        <button type="button" class="link" aria-describedby={headId} onClick={() => props.onEdit(record)}>
          Edit
        </button>
        <button
          type="button"
          class="link"
          aria-describedby={headId}
          onClick={() => void model.removeRecord(record)}
        >
          Delete
        </button>
        {record.groupId ? (
          <button
            type="button"
            class="link"
            aria-expanded={group !== undefined}
            onClick={() => void model.toggleGroup(record.groupId ?? '')}
          >
            Group order
          </button>
        ) : null}
      </div>
    </>
  );
}

/** What the latest reconcile found for the order ("Synced", "Missing from back office"); none if never reconciled. */
function ReconcileBadge(props: { status: ReconcileStatus | undefined }) {
  const { status } = props;
  if (!status) return null;
  return (
    <span class="badge reconcile-status" data-outcome={status.outcome}>
      {OUTCOME_LABELS[status.outcome]}
    </span>
  );
}

/** "Paid by Card"; "Paid with store credit $10.00; $13.95 by Cash" when credit paid part of it. */
function paymentLine(record: PurchaseRecord, payment: PurchasePayment): string {
  const credit = payment.storeCredit;
  if (!credit) return `Paid by ${payment.method}`;
  const rest = recordTotal(record).minor - credit.minor;
  const paidWithCredit = `Paid with store credit ${formatMoney(credit)}`;
  return rest > 0
    ? `${paidWithCredit}; ${formatMoney({ ...credit, minor: rest })} by ${payment.method}`
    : paidWithCredit;
}

function GroupDetails(props: { view: GroupView }) {
  const { group, shares } = props.view;
  return (
    <div class="group-order" aria-label="Group order">
      <p>
        Group order of {formatCalendarDate(group.purchaseDate)}, {formatMoney(recordTotal(group))} in all,
        split among {shares.length}:
      </p>
      <ul>
        {shares.map((share) => (
          <li key={share.record.id}>
            {share.contactName}: {formatMoney(recordTotal(share.record))}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A buy-back from this contact: what the shop bought, where it stands; the details open on the dashboard. */
function BuyBackEntry(props: {
  buyBack: BuyBack;
  headId: string;
  when: JSX.Element;
  onOpen: (id: string) => void;
}) {
  const { buyBack } = props;
  const number = buyBackNumber(buyBack);
  return (
    <>
      <p class="entry-head" id={props.headId}>
        <strong>Buy-back {number}</strong> {props.when}{' '}
        <span class="amount">{formatMoney(buyBackTotal(buyBack))}</span>
      </p>
      <p class="muted">
        {BUY_BACK_STATUS_LABELS[buyBack.status]}
        {buyBack.payout ? ` · paid by ${buyBack.payout.method}` : ''}
      </p>
      <ul class="entry-lines">
        {buyBack.items.map((item) => (
          <li key={item.id}>
            {item.description} — {formatMoney(item.price)}
          </li>
        ))}
      </ul>
      <div class="row-actions">
        <button type="button" class="link" onClick={() => props.onOpen(buyBack.id)}>
          Open {number}
        </button>
      </div>
    </>
  );
}

/** "Purchase order PO-0003 received — 3 products, $120.00": goods this supplier delivered. */
function PurchaseOrderEntry(props: { order: PurchaseOrder; headId: string; when: JSX.Element }) {
  const { order } = props;
  const products = order.lines.length === 1 ? '1 product' : `${order.lines.length} products`;
  return (
    <p class="entry-head" id={props.headId}>
      <strong>Purchase order {purchaseOrderNumber(order)} received</strong> {props.when}{' '}
      <span class="muted">
        — {products}, {formatMoney(purchaseOrderTotal(order))}
      </span>
    </p>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
