import type { ComponentChildren } from 'preact';
import { t, tPlural } from '../../domain/i18n';
import { formatCalendarDate, formatCount } from '../../domain/locale-format';
import { formatMoney } from '../../domain/money';
import { ErrorMessage } from '../ErrorMessage';
import { SelectField } from '../SelectField';
import { contactHref } from './address';
import { ContactForm, roleLabel } from './ContactForm';
import {
  CONTACT_SORTS,
  ROLE_FILTERS,
  roleFilterLabel,
  sortLabel,
  type ContactRow,
  type ContactSort,
  type RoleFilter,
} from './contact-list';
import { PAGE_SIZE, type ContactListModel } from './contact-list-model';
import { aroundSlot, SLOT } from './slot';

/**
 * The contacts book: search, filter by role, sort, page; `Add contact` by hand. `children` are the
 * book's other tools (import and export, duplicates).
 */
export function ContactList(props: { model: ContactListModel; children?: ComponentChildren }) {
  const { model } = props;
  const adding = model.adding.value;
  const added = model.added.value;
  const total = model.shown.value.length;
  const first = model.firstShown.value;
  const page = model.currentPage.value;
  const [addedBefore, addedAfter] = aroundSlot(t('contacts_added', SLOT));
  return (
    <section class="card contacts" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{t('contacts_heading')}</h2>
      <ErrorMessage message={model.error.value} />
      {added ? (
        <p role="status" class="notice">
          {addedBefore}
          <a href={contactHref(added.id)}>{added.name}</a>
          {addedAfter}
        </p>
      ) : null}
      {adding ? (
        <section aria-labelledby="add-contact-heading">
          <h3 id="add-contact-heading">{t('contacts_new_contact')}</h3>
          <ContactForm model={adding} onCancel={model.cancelAdd} />
        </section>
      ) : (
        <button type="button" onClick={model.startAdd}>
          {t('contacts_add_contact')}
        </button>
      )}
      {props.children}
      <div class="list-controls">
        <label>
          {t('contacts_search')}
          <input
            type="search"
            value={model.query.value}
            onInput={(event) => model.search(event.currentTarget.value)}
          />
        </label>
        <SelectField
          label={t('contacts_show')}
          value={model.filter.value}
          onChange={(value) => model.show(value as RoleFilter)}
        >
          {ROLE_FILTERS.map((value) => (
            <option key={value} value={value}>
              {roleFilterLabel(value)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('contacts_sort_by')}
          value={model.sort.value}
          onChange={(value) => model.sortBy(value as ContactSort)}
        >
          {CONTACT_SORTS.map((value) => (
            <option key={value} value={value}>
              {sortLabel(value)}
            </option>
          ))}
        </SelectField>
      </div>
      <p role="status" class="muted" data-field="contacts-shown">
        {!model.loaded.value
          ? t('contacts_loading')
          : total === 0
            ? model.rows.value.length === 0
              ? t('contacts_none_yet')
              : t('contacts_no_match')
            : tPlural(
                'contacts_shown_range',
                total,
                formatCount(first + 1),
                formatCount(Math.min(first + PAGE_SIZE, total)),
              )}
      </p>
      {total > 0 ? <ContactTable rows={model.pageRows.value} /> : null}
      {model.pageCount.value > 1 ? (
        <nav class="actions" aria-label={t('contacts_pages')}>
          <button type="button" disabled={page === 0} onClick={() => model.goTo(page - 1)}>
            {t('contacts_previous_page')}
          </button>
          <span>{t('contacts_page_of', formatCount(page + 1), formatCount(model.pageCount.value))}</span>
          <button
            type="button"
            disabled={page >= model.pageCount.value - 1}
            onClick={() => model.goTo(page + 1)}
          >
            {t('contacts_next_page')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}

function ContactTable(props: { rows: ContactRow[] }) {
  return (
    <table class="contact-table" aria-labelledby="contacts-heading">
      <thead>
        <tr>
          <th scope="col">{t('contacts_name')}</th>
          <th scope="col">{t('contacts_company')}</th>
          <th scope="col">{t('contacts_email')}</th>
          <th scope="col">{t('contacts_phone')}</th>
          <th scope="col">{t('contacts_role')}</th>
          <th scope="col">{t('contacts_orders')}</th>
          <th scope="col">{t('contacts_lifetime_spend')}</th>
          <th scope="col">{t('contacts_last_purchase')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ contact, stats }) => (
          <tr key={contact.id}>
            <th scope="row">
              <a href={contactHref(contact.id)}>{contact.name}</a>
            </th>
            <td>{contact.company ?? ''}</td>
            <td>{contact.email ?? ''}</td>
            <td>{contact.phone ?? ''}</td>
            <td>{roleLabel(contact.role)}</td>
            <td class="amount">{formatCount(stats?.purchaseCount ?? 0)}</td>
            <td class="amount">
              {stats ? stats.lifetimeSpend.map((money) => formatMoney(money)).join(' + ') : ''}
            </td>
            <td>
              {stats?.lastPurchaseDate ? (
                <time dateTime={stats.lastPurchaseDate}>{formatCalendarDate(stats.lastPurchaseDate)}</time>
              ) : (
                ''
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
