import type { SnapshotField } from '../domain/contact-snapshot';
import type { BackOfficeAdapter, PageFields } from './adapter';

/** Drawer row labels (dt) to the field each holds. */
const LABELS: Readonly<Record<string, SnapshotField>> = {
  email: 'email',
  phone: 'phone',
  company: 'company',
  'account no.': 'externalId',
};

const ROLES: Readonly<Record<string, PageFields['role']>> = { Customer: 'customer', Supplier: 'supplier' };

/** The POS prints "—" for a value it does not have. */
const text = (node: Element | null | undefined): string | undefined => {
  const value = node?.textContent?.trim();
  return value && value !== '—' ? value : undefined;
};

/**
 * Till POS: customers and suppliers in one contact list (served by the demo under /pos). A contact opens
 * in a drawer that the app fills by XHR after the page has loaded: until then the drawer is
 * aria-busy="true" and this is not yet a contact page.
 */
export const pos: BackOfficeAdapter = {
  id: 'pos',
  name: 'Till POS',
  examples: [
    'http://127.0.0.1:5178/pos/contacts?contact=42',
    'https://till.example/pos/contacts?contact=3&page=2',
  ],
  matches: (url) => /\/contacts\/?$/.test(url.pathname) && url.searchParams.has('contact'),
  detect: (doc) => doc.querySelector('aside.contact-drawer[aria-busy="false"]') !== null,
  extract(doc) {
    const drawer = doc.querySelector('aside.contact-drawer[aria-busy="false"]');
    const fields: PageFields = { name: text(drawer?.querySelector('h2')) };
    for (const dt of drawer?.querySelectorAll('dt') ?? []) {
      const label = (dt.textContent ?? '').trim().toLowerCase();
      const value = text(dt.nextElementSibling);
      const field = LABELS[label];
      if (field) fields[field] = value;
      else if (label === 'type') fields.role = ROLES[value ?? ''];
    }
    return fields;
  },
};
