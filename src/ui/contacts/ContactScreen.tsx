import type { ComponentChildren } from 'preact';
import { BUY_BACK_STATUS_LABELS, buyBackNumber, buyBackTotal } from '../../domain/buyback';
import { formatAddress } from '../../domain/contact-edit';
import { externalLabel } from '../../domain/contact-keys';
import { t } from '../../domain/i18n';
import { formatCalendarDate, formatCount } from '../../domain/locale-format';
import { formatMoney, type Money } from '../../domain/money';
import { recordTotal } from '../../domain/purchase';
import { timelineEntryKey, type TimelineEntry } from '../../domain/timeline';
import { buyBackHref } from '../buyback/address';
import { ErrorMessage } from '../ErrorMessage';
import { StoreCredit } from '../sidebar/StoreCredit';
import { StatusMessage } from '../StatusMessage';
import { contactHref } from './address';
import { ContactForm, roleLabel } from './ContactForm';
import type { ContactScreenModel } from './contact-screen-model';
import { aroundSlot, SLOT } from './slot';

/**
 * One contact on the dashboard: details, figures and sales history; `children` are the parts
 * other features add (the customer statement, a supplier's purchase orders).
 */
export function ContactScreen(props: {
  model: ContactScreenModel;
  backHref: string;
  /** The web app's sidebar showing this contact, ready to record for; absent in the extension. */
  sidebarHref?: string | undefined;
  children?: ComponentChildren;
}) {
  const { model } = props;
  const contact = model.contact.value;
  const deleted = model.deleted.value;
  if (deleted) {
    return (
      <main class="dashboard">
        <a href={props.backHref}>{t('contacts_back_to_dashboard')}</a>
        <ErrorMessage message={model.error.value} />
        <p role="status" class="notice">
          {t('contacts_deleted', deleted.name)}{' '}
          <button type="button" class="link" onClick={() => void model.undoRemove()}>
            {t('contacts_undo')}
          </button>
        </p>
      </main>
    );
  }
  if (model.missing.value) {
    const survivor = model.mergedInto.value;
    const [mergedBefore, mergedAfter] = aroundSlot(t('contacts_merged_into', SLOT));
    return (
      <main class="dashboard">
        <p role="status" class="notice">
          {survivor ? (
            <>
              {mergedBefore}
              <a href={contactHref(survivor.id)}>{survivor.name}</a>
              {mergedAfter}
            </>
          ) : (
            t('contacts_no_longer_exists')
          )}
        </p>
        <a href={props.backHref}>{t('contacts_back_to_dashboard')}</a>
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
      <a href={props.backHref}>{t('contacts_back_to_dashboard')}</a>
      <h1>{contact.name}</h1>
      {props.sidebarHref ? (
        <p>
          <a href={props.sidebarHref}>{t('contacts_open_in_sidebar')}</a>
        </p>
      ) : null}
      <p class="muted">
        {roleLabel(contact.role)}
        {contact.company ? ` · ${contact.company}` : ''}
      </p>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
      {editing ? (
        <section class="card" aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('contacts_edit_contact')}</h2>
          <ContactForm model={editing} onCancel={model.cancelEdit} />
        </section>
      ) : (
        <section class="card" aria-labelledby="details-heading">
          <h2 id="details-heading">{t('contacts_details')}</h2>
          <dl class="fields">
            <Field label={t('contacts_email')} value={contact.email} />
            <Field label={t('contacts_phone')} value={contact.phone} />
            <Field label={t('contacts_address')} value={formatAddress(contact.address)} />
            <Field label={t('contacts_tags')} value={(contact.tags ?? []).join(', ')} />
            <Field
              label={t('contacts_back_office_ids')}
              value={contact.externalIds.map(externalLabel).join(', ')}
            />
            <Field label={t('contacts_notes')} value={contact.notes} />
          </dl>
          <div class="actions">
            <button type="button" onClick={model.startEdit}>
              {t('contacts_edit_contact')}
            </button>
            <button type="button" class="secondary" onClick={() => void model.remove()}>
              {t('contacts_delete_contact')}
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
      <h2 id="figures-heading">{t('contacts_figures')}</h2>
      <dl class="fields">
        <dt>{t('contacts_lifetime_spend')}</dt>
        <dd data-field="lifetime-spend">{amounts(stats.lifetimeSpend)}</dd>
        <dt>{t('contacts_orders')}</dt>
        <dd data-field="orders">{formatCount(stats.purchaseCount)}</dd>
        <dt>{t('contacts_average_order')}</dt>
        <dd data-field="average-order">{amounts(stats.averageOrder)}</dd>
        <dt>{t('contacts_first_purchase')}</dt>
        <dd data-field="first-purchase">{day(stats.firstPurchaseDate)}</dd>
        <dt>{t('contacts_last_purchase')}</dt>
        <dd data-field="last-purchase">{day(stats.lastPurchaseDate)}</dd>
      </dl>
    </section>
  );
}

/** Purchases, samples and buy-backs, newest first. */
function SalesHistory(props: { entries: TimelineEntry[] }) {
  return (
    <section class="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('contacts_sales_history')}</h2>
      {props.entries.length === 0 ? (
        <p class="muted">{t('contacts_no_history')}</p>
      ) : (
        <table aria-labelledby="history-heading">
          <thead>
            <tr>
              <th scope="col">{t('contacts_date')}</th>
              <th scope="col">{t('contacts_what')}</th>
              <th scope="col">{t('contacts_details')}</th>
              <th scope="col">{t('contacts_amount')}</th>
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
        <td>{entry.kind === 'purchase' ? t('contacts_kind_purchase') : t('contacts_kind_sample')}</td>
        <td>
          {record.lines.map((line) => t('contacts_line', formatCount(line.quantity), line.name)).join(', ')}
        </td>
        <td class="amount">
          {entry.kind === 'purchase' ? formatMoney(recordTotal(record)) : t('contacts_no_charge')}
        </td>
      </tr>
    );
  }
  if (entry.kind === 'buy-back') {
    const { buyBack } = entry;
    return (
      <tr>
        <td>{day(entry.date)}</td>
        <td>
          <a href={buyBackHref(buyBack.id)}>{t('contacts_buy_back_number', buyBackNumber(buyBack))}</a>
        </td>
        <td>
          {t(
            'contacts_buy_back_details',
            BUY_BACK_STATUS_LABELS[buyBack.status],
            buyBack.items.map((item) => item.description).join(', '),
          )}
        </td>
        <td class="amount">
          {buyBack.payout
            ? t('contacts_paid_out', formatMoney(buyBackTotal(buyBack)))
            : t('contacts_estimated', formatMoney(buyBackTotal(buyBack)))}
        </td>
      </tr>
    );
  }
  return null;
}
