/**
 * The contacts list (customers and suppliers alike) and the contact drawer. The list is server-rendered;
 * ./app.js opens the drawer: on a click it pushes /pos/contacts?contact=<id>, shows the drawer busy, and
 * fills it from /pos/api/contacts/<id> by XHR, which the server answers 150 ms late.
 */
import { requestedPage } from '../../backoffice';
import { html, type SafeHtml } from '../../html';
import { formatUsd } from '../../money';
import { paginate, pagerNav } from '../../paging';
import type { PosContact } from '../../seed-pos';
import type { DemoStore } from '../../store';
import { posPage } from './layout';

/** The link to a contact keeps the list's filters and page, as the app does. */
export function posContactHref(current: URL, id: string): string {
  const params = new URLSearchParams(current.search);
  params.set('contact', id);
  return `/pos/contacts?${params.toString()}`;
}

const TYPE_LABEL = { customer: 'Customer', supplier: 'Supplier' } as const;

export interface PosContactsOptions {
  /** Tells ./app.js which drawer to build (the demo's redesign switch). */
  readonly redesigned: boolean;
  /**
   * A drawer already rendered by the server: the benchmark page, which is static (no app.js, which
   * would replace the drawer with a busy one before DOMContentLoaded).
   */
  readonly drawer?: SafeHtml;
  /** Markup at the end of the list column (the benchmark page adds bulk here). */
  readonly after?: SafeHtml;
}

export function posContactsPage(
  url: URL,
  data: DemoStore,
  { redesigned, drawer, after }: PosContactsOptions,
): string {
  const type = url.searchParams.get('type');
  const query = (url.searchParams.get('q') ?? '').trim().toLowerCase();
  const matching = data.pos.contacts
    .filter((contact) => (type !== 'customer' && type !== 'supplier') || contact.type === type)
    .filter(
      (contact) =>
        !query ||
        [contact.name, contact.company ?? '', contact.accountNo].some((field) =>
          field.toLowerCase().includes(query),
        ),
    );
  const page = paginate(matching, requestedPage(url));
  return posPage({
    title: 'Contacts',
    section: 'contacts',
    content: html`<main class="contacts" data-layout="${redesigned ? 'redesign' : 'classic'}">
        <h1>Contacts</h1>
        <form class="filters" action="/pos/contacts" method="get">
          <input
            type="search"
            name="q"
            value="${url.searchParams.get('q') ?? ''}"
            aria-label="Search contacts"
          />
          <select name="type" aria-label="Type">
            <option value="">All types</option>
            <option value="customer" ${type === 'customer' ? html`selected` : ''}>Customers</option>
            <option value="supplier" ${type === 'supplier' ? html`selected` : ''}>Suppliers</option>
          </select>
          <button type="submit">Apply</button>
        </form>
        <table class="contacts-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Type</th>
              <th>Company</th>
              <th>Account no.</th>
              <th>Lifetime spend</th>
            </tr>
          </thead>
          <tbody>
            ${page.items.map(
              (contact) =>
                html`<tr>
                  <td>
                    <a href="${posContactHref(url, contact.id)}" data-contact-id="${contact.id}"
                      >${contact.name}</a
                    >
                  </td>
                  <td>${TYPE_LABEL[contact.type]}</td>
                  <td>${contact.company ?? '—'}</td>
                  <td>${contact.accountNo}</td>
                  <td>${contact.type === 'customer' ? formatUsd(contact.spendMinor) : '—'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        ${pagerNav(url, page, 'contacts')} ${after}
      </main>
      ${drawer}`,
    scripts: drawer ? undefined : html`<script type="module" src="/pos/app.js"></script>`,
  });
}

export interface PosContactJson {
  readonly id: string;
  readonly type: PosContact['type'];
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly company: string | null;
  readonly accountNo: string;
  readonly spend: string;
  readonly visits: number;
}

export function posContactJson(contact: PosContact): PosContactJson {
  const { id, type, name, email, phone, company, accountNo, visits } = contact;
  return { id, type, name, email, phone, company, accountNo, spend: formatUsd(contact.spendMinor), visits };
}

/**
 * The filled drawer as ./app.js builds it, rendered on the server for the benchmark page (test/unit/demo
 * runs both through the adapter). Empty values show as "—", as the app does. The redesign moves the
 * name out of the h2.
 */
export function posContactDrawer(contact: PosContact, redesigned = false): SafeHtml {
  const json = posContactJson(contact);
  const row = (label: string, value: SafeHtml | string) =>
    html`<dt>${label}</dt>
      <dd>${value}</dd>`;
  return html`<aside
    class="contact-drawer"
    aria-label="Contact details"
    aria-busy="false"
    data-contact-id="${contact.id}"
  >
    <header>
      ${redesigned ? html`<div class="contact-drawer__title">${json.name}</div>` : html`<h2>${json.name}</h2>`}<span
        class="badge badge--${json.type}"
        >${TYPE_LABEL[json.type]}</span
      ><button type="button">Close</button>
    </header>
    <dl>
      ${row('Type', TYPE_LABEL[json.type])}${row('Email', json.email ? html`<a href="mailto:${json.email}">${json.email}</a>` : '—')}${row('Phone', json.phone ?? '—')}${row('Company', json.company ?? '—')}${row('Account no.', json.accountNo)}
    </dl>
    ${json.type === 'customer' ? html`<p class="contact-drawer__stats">${json.spend} over ${json.visits} visits</p>` : ''}
  </aside>`;
}
