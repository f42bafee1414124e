/*
 * Northwind Direct's customer list and customer pages, a single-page app in plain JavaScript (the demo
 * has no build step). It reads the URL, fetches /rep/api/…, and builds the DOM with createElement and
 * text nodes only: customer data is hostile on purpose (C-00007), and must stay text.
 *
 * Links to /rep/customers… are followed with history.pushState and no reload; back and forward re-render
 * from the URL (popstate). The layout ("classic" or "profile") comes from the server's redesign switch.
 */

const app = document.getElementById('app');
const layout = app.dataset.layout;
const TITLE = 'Northwind Direct';
const ROUTE = /^\/rep\/customers(?:\/([^/]+))?$/;

/** The render in flight; an answer for an older one is dropped (fast clicking, back and forward). */
let generation = 0;

/** h('a', { href: '/x', class: 'y' }, 'text', child): attributes as attributes, children as nodes or text. */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== null && value !== undefined && value !== false) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

function customerPath(id) {
  return `/rep/customers/${encodeURIComponent(id)}`;
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  return { ok: response.ok, body };
}

function show(title, ...nodes) {
  document.title = `${title} · ${TITLE}`;
  app.replaceChildren(...nodes);
}

async function render() {
  const current = ++generation;
  const match = ROUTE.exec(location.pathname);
  if (!match) return location.reload();
  show('Loading', h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  const id = match[1] === undefined ? null : decodeURIComponent(match[1]);
  const path =
    id === null ? `/rep/api/customers${location.search}` : `/rep/api/customers/${encodeURIComponent(id)}`;
  let result;
  try {
    result = await getJson(path);
  } catch {
    result = { ok: false, body: { error: 'The server did not answer. Try again.' } };
  }
  if (current !== generation) return;
  if (!result.ok) return show('Not found', notFoundView(id, result.body.error));
  if (id === null) return show('Customers', listView(result.body));
  const customer = result.body;
  show(customer.name, breadcrumbs(customer), recordNav(customer), detailView(customer));
}

function notFoundView(id, message) {
  return h(
    'main',
    { class: 'not-found' },
    h('h1', null, id === null ? 'Something went wrong' : 'Customer not found'),
    h('p', null, message, ' ', h('a', { href: '/rep/customers' }, 'Back to customers')),
  );
}

function listView({ query, page, pageCount, total, customers }) {
  const rows = customers.map((customer) =>
    h(
      'tr',
      null,
      h('td', null, customer.id),
      h('td', null, h('a', { href: customerPath(customer.id) }, customer.name)),
      h('td', null, customer.company),
      h('td', null, customer.city),
    ),
  );
  if (rows.length === 0) rows.push(h('tr', null, h('td', { colspan: 4 }, `No customers match “${query}”.`)));
  const filter = h(
    'form',
    { class: 'toolbar', action: '/rep/customers', method: 'get' },
    h('input', {
      type: 'search',
      name: 'q',
      value: query,
      'aria-label': 'Filter customers',
      placeholder: 'Name, email, company or ID',
    }),
    h('button', { class: 'button secondary', type: 'submit' }, 'Filter'),
    query ? h('a', { href: '/rep/customers' }, 'Clear') : null,
  );
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new FormData(filter).get('q').trim();
    navigate(q ? `/rep/customers?${new URLSearchParams({ q })}` : '/rep/customers');
  });
  return h(
    'main',
    { class: 'list-page customers-list' },
    h('h1', null, 'Customers'),
    filter,
    h(
      'table',
      { class: 'customers-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['ID', 'Name', 'Company', 'City'].map((label) => h('th', null, label)),
        ),
      ),
      h('tbody', null, rows),
    ),
    pager(query, page, pageCount, total),
  );
}

function pager(query, page, pageCount, total) {
  const href = (target) =>
    `/rep/customers?${new URLSearchParams(query ? { q: query, page: target } : { page: target })}`;
  const link = (target, label, rel) =>
    target >= 1 && target <= pageCount
      ? h('a', { class: 'pager-link', rel, href: href(target) }, label)
      : h('span', { class: 'pager-link disabled' }, label);
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pagination' },
    link(page - 1, '← Previous', 'prev'),
    h('span', { class: 'pager-status' }, `Page ${page} of ${pageCount} · ${total} customers`),
    link(page + 1, 'Next →', 'next'),
  );
}

function breadcrumbs(customer) {
  return h(
    'div',
    { class: 'breadcrumbs' },
    h('a', { href: '/rep/customers' }, 'Customers'),
    ` › ${customer.id}`,
  );
}

function recordNav(customer) {
  return h(
    'nav',
    { class: 'record-nav', 'aria-label': 'Customer navigation' },
    h('a', { rel: 'prev', href: customerPath(customer.previousId) }, 'Previous customer'),
    h('a', { rel: 'next', href: customerPath(customer.nextId) }, 'Next customer'),
  );
}

function detailView(customer) {
  return layout === 'profile' ? profileDetail(customer) : classicDetail(customer);
}

/** The same tree as customerDetailMain() in customers.ts renders on the server (the benchmark page). */
function classicDetail(customer) {
  const { email, phone } = customer;
  return h(
    'main',
    { class: 'customer-detail', 'data-customer-id': customer.id },
    h('h1', { class: 'customer-name' }, customer.name),
    h(
      'dl',
      { class: 'customer-fields' },
      h('dt', null, 'Customer ID'),
      h('dd', { class: 'customer-id' }, customer.id),
      email === null ? null : [h('dt', null, 'Email'), h('dd', null, emailLink(email, 'customer-email'))],
      phone === null ? null : [h('dt', null, 'Phone'), h('dd', { class: 'customer-phone' }, phone)],
      h('dt', null, 'Company'),
      h('dd', { class: 'customer-company' }, customer.company),
      h('dt', null, 'City'),
      h('dd', { class: 'customer-city' }, customer.city),
    ),
    ordersSection(customer.orders, 'customer-orders'),
  );
}

/**
 * The redesign: still main.customer-detail, but the name is a profile title, the phone a profile row.
 * A page Tally recognises and can no longer read, which it must report as broken.
 */
function profileDetail(customer) {
  const { email, phone } = customer;
  const initials = customer.name
    .split(/\s+/)
    .map((word) => word.charAt(0))
    .join('')
    .slice(0, 2);
  const row = (label, value) =>
    h('div', { class: 'profile-row' }, h('span', { class: 'profile-label' }, label), value);
  return h(
    'main',
    { class: 'customer-detail profile', 'data-customer-id': customer.id },
    h(
      'header',
      { class: 'profile-header' },
      h('span', { class: 'profile-avatar', 'aria-hidden': 'true' }, initials),
      h(
        'div',
        null,
        h('h1', { class: 'profile-title' }, customer.name),
        h('p', { class: 'customer-id' }, customer.id),
      ),
    ),
    h(
      'section',
      { class: 'profile-card', 'aria-label': 'Contact' },
      email === null ? null : row('Email', emailLink(email, 'customer-email')),
      phone === null ? null : row('Phone', h('span', { class: 'profile-phone' }, phone)),
      row('Company', h('span', { class: 'customer-company' }, customer.company)),
      row('City', h('span', null, customer.city)),
    ),
    ordersSection(customer.orders, 'profile-orders'),
  );
}

function emailLink(email, className) {
  return h('a', { class: className, href: `mailto:${email}` }, email);
}

function ordersSection(orders, className) {
  const rows = orders.map((order) =>
    h(
      'tr',
      null,
      h('td', null, order.id),
      h('td', null, order.date),
      h('td', null, order.items),
      h('td', { class: 'num' }, order.total),
    ),
  );
  if (rows.length === 0) rows.push(h('tr', null, h('td', { colspan: 4 }, 'No orders yet.')));
  return h(
    'section',
    { class: className },
    h('h2', null, 'Recent orders'),
    h(
      'table',
      null,
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, 'Order'),
          h('th', null, 'Date'),
          h('th', null, 'Items'),
          h('th', { class: 'num' }, 'Total'),
        ),
      ),
      h('tbody', null, rows),
    ),
  );
}

function navigate(href) {
  history.pushState(null, '', href);
  window.scrollTo(0, 0);
  void render();
}

// Every same-origin link into the app (list rows, pager, breadcrumbs, Previous/Next, the side nav's
// Customers) is followed without a reload; modified clicks open a tab as usual.
document.addEventListener('click', (event) => {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return;
  }
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href);
  if (url.origin !== location.origin || !ROUTE.test(url.pathname)) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});

window.addEventListener('popstate', () => void render());

void render();
