/*
 * Till POS's contact drawer, in plain JavaScript (the demo has no build step). A click on a contact
 * pushes /pos/contacts?contact=<id> and opens the drawer busy; an XHR to /pos/api/contacts/<id> (which
 * answers 150 ms late) fills it. A direct load of that URL, and back and forward, do the same. "Close"
 * removes the drawer. The DOM is built with createElement and text nodes only: names are hostile.
 */

const main = document.querySelector('main.contacts');
const redesigned = main.dataset.layout === 'redesign';
const TYPE_LABEL = { customer: 'Customer', supplier: 'Supplier' };

/** The XHR in flight; opening another contact aborts it. */
let request = null;

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

function currentDrawer() {
  return document.querySelector('aside.contact-drawer');
}

function closeDrawer() {
  request?.abort();
  request = null;
  currentDrawer()?.remove();
}

function openContact(id) {
  request?.abort();
  document.querySelector('.toast')?.remove();
  const busy = h(
    'aside',
    { class: 'contact-drawer', 'aria-label': 'Contact details', 'aria-busy': 'true' },
    h('p', { role: 'status' }, 'Loading contact…'),
  );
  const previous = currentDrawer();
  if (previous) previous.replaceWith(busy);
  else main.after(busy);

  const xhr = new XMLHttpRequest();
  request = xhr;
  xhr.open('GET', `/pos/api/contacts/${encodeURIComponent(id)}`);
  xhr.responseType = 'json';
  xhr.addEventListener('load', () => {
    if (request !== xhr) return;
    request = null;
    if (xhr.status !== 200 || !xhr.response) {
      busy.remove();
      document.body.append(h('p', { class: 'toast', role: 'alert' }, 'Contact not found.'));
      return;
    }
    busy.replaceWith(filledDrawer(xhr.response));
  });
  xhr.send();
}

/** The same tree as posContactDrawer() in contacts.ts renders on the server (the benchmark page). */
function filledDrawer(contact) {
  const type = TYPE_LABEL[contact.type];
  const close = h('button', { type: 'button' }, 'Close');
  close.addEventListener('click', () => {
    closeDrawer();
    const url = new URL(location.href);
    url.searchParams.delete('contact');
    history.pushState(null, '', url.pathname + url.search);
  });
  const row = (label, value) => [h('dt', null, label), h('dd', null, value)];
  return h(
    'aside',
    {
      class: 'contact-drawer',
      'aria-label': 'Contact details',
      'aria-busy': 'false',
      'data-contact-id': contact.id,
    },
    h(
      'header',
      null,
      redesigned ? h('div', { class: 'contact-drawer__title' }, contact.name) : h('h2', null, contact.name),
      h('span', { class: `badge badge--${contact.type}` }, type),
      close,
    ),
    h(
      'dl',
      null,
      row('Type', type),
      row('Email', contact.email ? h('a', { href: `mailto:${contact.email}` }, contact.email) : '—'),
      row('Phone', contact.phone ?? '—'),
      row('Company', contact.company ?? '—'),
      row('Account no.', contact.accountNo),
    ),
    contact.type === 'customer'
      ? h('p', { class: 'contact-drawer__stats' }, `${contact.spend} over ${contact.visits} visits`)
      : null,
  );
}

/** The drawer follows the URL: ?contact=<id> open, none closed. */
function syncWithUrl() {
  const id = new URLSearchParams(location.search).get('contact');
  if (id) openContact(id);
  else closeDrawer();
}

main.addEventListener('click', (event) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[data-contact-id]') : null;
  if (!link) return;
  event.preventDefault();
  const url = new URL(link.href);
  history.pushState(null, '', url.pathname + url.search);
  openContact(link.dataset.contactId);
});

window.addEventListener('popstate', syncWithUrl);

syncWithUrl();
