import type { ComponentChildren } from 'preact';
import { BUY_BACK_STATUS_LABELS, buyBackNumber, buyBackTotal } from '../../domain/buyback';
import { formatCalendarDate } from '../../domain/calendar';
import { formatAddress } from '../../domain/contact-edit';
import { externalLabel } from '../../domain/contact-keys';
import { formatMoney, type Money } from '../../domain/money';
import { recordTotal } from '../../domain/purchase';
import { timelineEntryKey, type TimelineEntry } from '../../domain/timeline';
import { buyBackHref } from '../buyback/address';
import { ErrorMessage } from '../ErrorMessage';
import { StoreCredit } from '../sidebar/StoreCredit';
import { StatusMessage } from '../StatusMessage';
import { contactHref } from './address';
import { ContactForm, ROLE_LABELS } from './ContactForm';
import type { ContactScreenModel } from './contact-screen-model';

/**
 * One contact on the dashboard: details, figures and sales history; `children` are the parts
 * other features add (the customer statement, a supplier's purchase orders).
 */
export function ContactScreen(props: {
  model: ContactScreenModel;
  backHref: string;
  children?: ComponentChildren;
}) {
  const { model } = props;
  const contact = model.contact.value;
  const deleted = model.deleted.value;
  if (deleted) {
    return (
      <main class="dashboard">
        <a href={props.backHref}>Back to the dashboard</a>
        <ErrorMessage message={model.error.value} />
        <p role="status" class="notice">
          Deleted {deleted.name}.{' '}
          <button type="button" class="link" onClick={() => void model.undoRemove()}>
            Undo
          </button>
        </p>
      </main>
    );
  }
  if (model.missing.value) {
    const survivor = model.mergedInto.value;
    return (
      <main class="dashboard">
        <p role="status" class="notice">
          {survivor ? (
            <>
              This contact was merged into <a href={contactHref(survivor.id)}>{survivor.name}</a>.
            </>
          ) : (
            'This contact no longer exists.'
          )}
        </p>
        <a href={props.backHref}>Back to the dashboard</a>
      </main>
    );
  }
  if (!contact) {
    return (
      <main class="dashboard" aria-busy="true">
        <ErrorMessage message={model.error.value} />
      </main>
    );
  }
  const editing = model.editing.value;
  return (
    <main class="dashboard contact-screen">
      <a href={props.backHref}>Back to the dashboard</a>
      <h1>{contact.name}</h1>
      <p class="muted">
        {ROLE_LABELS[contact.role]}
        {contact.company ? ` · ${contact.company}` : ''}
      </p>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
      {editing ? (
        <section class="card" aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit contact</h2>
          <ContactForm model={editing} onCancel={model.cancelEdit} />
        </section>
      ) : (
        <section class="card" aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <dl class="fields">
            <Field label="Email" value={contact.email} />
            <Field label="Phone" value={contact.phone} />
            <Field label="Address" value={formatAddress(contact.address)} />
            <Field label="Tags" value={(contact.tags ?? []).join(', ')} />
            <Field label="Back-office IDs" value={contact.externalIds.map(externalLabel).join(', ')} />
            <Field label="Notes" value={contact.notes} />
          </dl>
          <div class="actions">
            <button type="button" onClick={model.startEdit}>
              Edit contact
            </button>
            <button type="button" class="secondary" onClick={() => void model.remove()}>
              Delete contact
            </button>
          </div>
        </section>
      )}
      <Figures model={model} />
      <StoreCredit model={model.credit} />
      <SalesHistory entries={model.history.value} />
      {props.children}
    </main>
  );
}

function Field(props: { label: string; value: string | undefined }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd class={props.value ? undefined : 'muted'}>{props.value || '—'}</dd>
    </>
  );
}

function amounts(list: readonly Money[]): string {
  return list.length === 0 ? '—' : list.map((money) => formatMoney(money)).join(' + ');
}

function day(date: string | null) {
  return date ? <time dateTime={date}>{formatCalendarDate(date)}</time> : '—';
}

/** Lifetime figures: purchases only, samples are given, not sold. */
function Figures(props: { model: ContactScreenModel }) {
  const stats = props.model.stats.value;
  return (
    <section class="card" aria-labelledby="figures-heading">
      <h2 id="figures-heading">Figures</h2>
      <dl class="fields">
        <dt>Lifetime spend</dt>
        <dd data-field="lifetime-spend">{amounts(stats.lifetimeSpend)}</dd>
        <dt>Orders</dt>
        <dd data-field="orders">{stats.purchaseCount}</dd>
        <dt>Average order</dt>
        <dd data-field="average-order">{amounts(stats.averageOrder)}</dd>
        <dt>First purchase</dt>
        <dd data-field="first-purchase">{day(stats.firstPurchaseDate)}</dd>
        <dt>Last purchase</dt>
        <dd data-field="last-purchase">{day(stats.lastPurchaseDate)}</dd>
      </dl>
    </section>
  );
}

/** Purchases, samples and buy-backs, newest first. */
function SalesHistory(props: { entries: TimelineEntry[] }) {
  return (
    <section class="card" aria-labelledby="history-heading">
      <h2 id="history-heading">Sales history</h2>
      {props.entries.length === 0 ? (
        <p class="muted">No purchases, samples or buy-backs yet.</p>
      ) : (
        <table aria-labelledby="history-heading">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
              <th scope="col">Amount</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((entry) => (
              <HistoryRow key={timelineEntryKey(entry)} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function HistoryRow(props: { entry: TimelineEntry }) {
  const { entry } = props;
  if (entry.kind === 'purchase' || entry.kind === 'sample') {
    const { record } = entry;
    return (
      <tr>
        <td>{day(entry.date)}</td>
        <td>{entry.kind === 'purchase' ? 'Purchase' : 'Sample'}</td>
        <td>{record.lines.map((line) => `${line.quantity} × ${line.name}`).join(', ')}</td>
        <td class="amount">{entry.kind === 'purchase' ? formatMoney(recordTotal(record)) : 'no charge'}</td>
      </tr>
    );
  }
  if (entry.kind === 'buy-back') {
    const { buyBack } = entry;
    return (
      <tr>
        <td>{day(entry.date)}</td>
        <td>
          <a href={buyBackHref(buyBack.id)}>Buy-back {buyBackNumber(buyBack)}</a>
        </td>
        <td>
          {BUY_BACK_STATUS_LABELS[buyBack.status]}: {buyBack.items.map((item) => item.description).join(', ')}
        </td>
        <td class="amount">
          {formatMoney(buyBackTotal(buyBack))} {buyBack.payout ? 'paid out' : 'estimated'}
        </td>
      </tr>
    );
  }
  return null;
}
