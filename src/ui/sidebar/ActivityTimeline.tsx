import type { JSX } from 'preact';
import { BUY_BACK_STATUS_LABELS, buyBackNumber, buyBackTotal, type BuyBack } from '../../domain/buyback';
import { formatMoney } from '../../domain/money';
import { purchaseOrderNumber, purchaseOrderTotal, type PurchaseOrder } from '../../domain/purchase-order';
import { lineTotal, recordTotal, type PurchasePayment, type PurchaseRecord } from '../../domain/purchase';
import { CONTACT_FIELD_NAMES, type ContactEvent } from '../../domain/contact-event';
import { outcomeLabel, type ReconcileStatus } from '../../domain/reconcile';
import { timelineEntryKey, type TimelineEntry, type TimelineFilter } from '../../domain/timeline';
import { t, tPlural, type MessageKey } from '../../domain/i18n';
import { formatCount } from '../../domain/locale-format';
import { paymentMethodLabel } from '../../domain/payment-method';
import { ErrorMessage } from '../ErrorMessage';
import { formatCalendarDate } from '../../domain/calendar';
import type { GroupView, TimelineModel } from './timeline-model';

const FILTERS: { value: TimelineFilter; label: MessageKey }[] = [
  { value: 'all', label: 'sidebar_filter_all' },
  { value: 'purchase', label: 'sidebar_filter_purchase' },
  { value: 'sample', label: 'sidebar_filter_sample' },
  { value: 'buy-back', label: 'sidebar_filter_buy_back' },
  { value: 'purchase-order', label: 'sidebar_filter_purchase_order' },
  { value: 'capture', label: 'sidebar_filter_capture' },
  { value: 'note', label: 'sidebar_filter_note' },
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
      <h2 id="timeline-heading">{t('sidebar_activity_timeline')}</h2>
      <SpendSummary model={model} />
      <label class="inline-label">
        {t('sidebar_show')}
        <select
          value={model.filter.value}
          onChange={(event) => (model.filter.value = event.currentTarget.value as TimelineFilter)}
        >
          {FILTERS.map((filter) => (
            <option key={filter.value} value={filter.value}>
              {t(filter.label)}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage message={model.error.value} />
      {model.undoOffer.value ? (
        <p role="status" class="notice undo">
          {model.undoOffer.value.message}{' '}
          <button type="button" class="link" onClick={() => void model.undo()}>
            {t('common_undo')}
          </button>
        </p>
      ) : null}
      <NoteComposer model={model} />
      {entries.length === 0 ? (
        <p class="muted">
          {model.entries.value.length === 0 ? t('sidebar_nothing_recorded') : t('sidebar_nothing_of_kind')}
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
      <dt>{t('sidebar_lifetime_spend')}</dt>
      <dd data-field="lifetime-spend">
        {lifetimeSpend.length === 0 ? '—' : lifetimeSpend.map((amount) => formatMoney(amount)).join(' + ')}
      </dd>
      <dt>{t('sidebar_last_purchase')}</dt>
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
        {t('sidebar_note_about_contact')}
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
        {t('sidebar_add_note')}
      </button>
    </form>
  );
}

const CONTACT_EVENT_TITLES: Record<ContactEvent['kind'], MessageKey> = {
  captured: 'sidebar_event_captured',
  updated: 'sidebar_event_updated',
  created: 'sidebar_event_created',
  edited: 'sidebar_event_edited',
  imported: 'sidebar_event_imported',
  merged: 'sidebar_event_merged',
  unmerged: 'sidebar_event_unmerged',
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
    const changed =
      event.kind === 'captured'
        ? ''
        : event.changes.map((change) => CONTACT_FIELD_NAMES[change.field]).join(', ');
    const host = event.url ? hostOf(event.url) : '';
    return (
      <p class="entry-head" id={headId}>
        <strong>{t(CONTACT_EVENT_TITLES[event.kind])}</strong> {when}{' '}
        <span class="muted">
          {changed && host
            ? t('sidebar_event_changes_from', changed, host)
            : host
              ? t('sidebar_event_from', host)
              : changed}
        </span>
      </p>
    );
  }
  if (entry.kind === 'note') {
    return (
      <>
        <p class="entry-head" id={headId}>
          <strong>{t('sidebar_entry_note')}</strong> {when}
        </p>
        <p class="note">{entry.note.text}</p>
        <div class="row-actions">
          <button
            type="button"
            class="link"
            data-guard
            aria-describedby={headId}
            onClick={() => void model.removeNote(entry.note)}
          >
            {t('common_delete')}
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
        <strong>{record.kind === 'sample' ? t('sidebar_entry_sample') : t('sidebar_entry_purchase')}</strong>{' '}
        {when} <span class="amount">{formatMoney(recordTotal(record))}</span>{' '}
        <ReconcileBadge status={model.statuses.value.get(record.id)} />
      </p>
      <ul class="entry-lines">
        {record.lines.map((line) => (
          <li key={line.productId}>
            {formatCount(line.quantity)} × {line.name} — {formatMoney(lineTotal(line))}
            {line.unitPrice.minor !== line.catalogPrice.minor && record.kind === 'purchase' ? (
              <span class="muted"> {t('sidebar_price_changed_from', formatMoney(line.catalogPrice))}</span>
            ) : null}
          </li>
        ))}
      </ul>
      {record.payment ? <p class="muted payment">{paymentLine(record, record.payment)}</p> : null}
      {record.note ? <p class="note">{record.note}</p> : null}
      {record.groupId ? <p class="muted">{t('sidebar_share_of_group')}</p> : null}
      {group ? <GroupDetails view={group} /> : null}
      <div class="row-actions">
        <button type="button" class="link" aria-describedby={headId} onClick={() => props.onEdit(record)}>
          {t('common_edit')}
        </button>
        <button
          type="button"
          class="link"
          data-guard
          aria-describedby={headId}
          onClick={() => void model.removeRecord(record)}
        >
          {t('common_delete')}
        </button>
        {record.groupId ? (
          <button
            type="button"
            class="link"
            aria-expanded={group !== undefined}
            onClick={() => void model.toggleGroup(record.groupId ?? '')}
          >
            {t('sidebar_group_order')}
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
      {outcomeLabel(status.outcome)}
    </span>
  );
}

/** "Paid by Card"; "Paid with store credit $10.00; $13.95 by Cash" when credit paid part of it. */
function paymentLine(record: PurchaseRecord, payment: PurchasePayment): string {
  const credit = payment.storeCredit;
  if (!credit) return t('sidebar_paid_by', paymentMethodLabel(payment.method));
  const rest = recordTotal(record).minor - credit.minor;
  return rest > 0
    ? t(
        'sidebar_paid_with_credit_and',
        formatMoney(credit),
        formatMoney({ ...credit, minor: rest }),
        paymentMethodLabel(payment.method),
      )
    : t('sidebar_paid_with_credit', formatMoney(credit));
}

function GroupDetails(props: { view: GroupView }) {
  const { group, shares } = props.view;
  return (
    <div class="group-order" aria-label={t('sidebar_group_order')}>
      <p>
        {t(
          'sidebar_group_of',
          formatCalendarDate(group.purchaseDate),
          formatMoney(recordTotal(group)),
          formatCount(shares.length),
        )}
      </p>
      <ul>
        {shares.map((share) => (
          <li key={share.record.id}>
            {t('sidebar_share_line', share.contactName, formatMoney(recordTotal(share.record)))}
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
        <strong>{t('sidebar_buy_back_number', number)}</strong> {props.when}{' '}
        <span class="amount">{formatMoney(buyBackTotal(buyBack))}</span>
      </p>
      <p class="muted">
        {BUY_BACK_STATUS_LABELS[buyBack.status]}
        {buyBack.payout ? ` ${t('sidebar_buy_back_paid_by', paymentMethodLabel(buyBack.payout.method))}` : ''}
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
          {t('sidebar_open_buy_back', number)}
        </button>
      </div>
    </>
  );
}

/** "Purchase order PO-0003 received — 3 products, $120.00": goods this supplier delivered. */
function PurchaseOrderEntry(props: { order: PurchaseOrder; headId: string; when: JSX.Element }) {
  const { order } = props;
  const products = tPlural('sidebar_products', order.lines.length);
  return (
    <p class="entry-head" id={props.headId}>
      <strong>{t('sidebar_purchase_order_received', purchaseOrderNumber(order))}</strong> {props.when}{' '}
      <span class="muted">
        {t('sidebar_purchase_order_summary', products, formatMoney(purchaseOrderTotal(order)))}
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
