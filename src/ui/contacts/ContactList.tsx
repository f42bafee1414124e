import type { ComponentChildren } from 'preact';
import { formatCalendarDate } from '../../domain/calendar';
import { formatMoney } from '../../domain/money';
import { ErrorMessage } from '../ErrorMessage';
import { SelectField } from '../SelectField';
import { contactHref } from './address';
import { ContactForm, ROLE_LABELS } from './ContactForm';
import {
  ROLE_FILTER_LABELS,
  SORT_LABELS,
  type ContactRow,
  type ContactSort,
  type RoleFilter,
} from './contact-list';
import { PAGE_SIZE, type ContactListModel } from './contact-list-model';

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
  return (
    <section class="card contacts" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Contacts</h2>
      <ErrorMessage message={model.error.value} />
      {added ? (
        <p role="status" class="notice">
          Added <a href={contactHref(added.id)}>{added.name}</a>.
        </p>
      ) : null}
      {adding ? (
        <section aria-labelledby="add-contact-heading">
          <h3 id="add-contact-heading">New contact</h3>
          <ContactForm model={adding} onCancel={model.cancelAdd} />
        </section>
      ) : (
        <button type="button" onClick={model.startAdd}>
          Add contact
        </button>
      )}
      {props.children}
      <div class="list-controls">
        <label>
          Search contacts
          <input
            type="search"
            value={model.query.value}
            onInput={(event) => model.search(event.currentTarget.value)}
          />
        </label>
        <SelectField
          label="Show"
          value={model.filter.value}
          onChange={(value) => model.show(value as RoleFilter)}
        >
          {Object.entries(ROLE_FILTER_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Sort by"
          value={model.sort.value}
          onChange={(value) => model.sortBy(value as ContactSort)}
        >
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <p role="status" class="muted" data-field="contacts-shown">
        {!model.loaded.value
          ? 'Loading contacts…'
          : total === 0
            ? model.rows.value.length === 0
              ? 'No contacts yet: capture one from a back-office page, add one, or import a file.'
              : 'No contact matches.'
            : `${(first + 1).toLocaleString()}–${Math.min(first + PAGE_SIZE, total).toLocaleString()} of ${total.toLocaleString()} contacts`}
      </p>
      {total > 0 ? <ContactTable rows={model.pageRows.value} /> : null}
      {model.pageCount.value > 1 ? (
        <nav class="actions" aria-label="Contact pages">
          <button type="button" disabled={page === 0} onClick={() => model.goTo(page - 1)}>
            Previous page
          </button>
          <span>
            Page {page + 1} of {model.pageCount.value}
          </span>
          <button
            type="button"
            disabled={page >= model.pageCount.value - 1}
            onClick={() => model.goTo(page + 1)}
          >
            Next page
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
          <th scope="col">Name</th>
          <th scope="col">Company</th>
          <th scope="col">Email</th>
          <th scope="col">Phone</th>
          <th scope="col">Role</th>
          <th scope="col">Orders</th>
          <th scope="col">Lifetime spend</th>
          <th scope="col">Last purchase</th>
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
            <td>{ROLE_LABELS[contact.role]}</td>
            <td class="amount">{stats?.purchaseCount ?? 0}</td>
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
