/**
 * "Till POS": a small-retail point of sale. One contacts list holds customers and suppliers alike
 * (a Type column); a contact opens in a drawer filled by XHR after the page has loaded. Pages live in
 * ./pos/; this file is the route table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  htmlResponse,
  jsonResponse,
  redirectResponse,
  scriptResponse,
  type DemoBackOffice,
} from '../backoffice';
import { routeRequest, type Route } from '../router';
import { POS_NO_PHONE_ID, POS_SAMPLE_ID, POS_SUPPLIER_ID, POS_XSS_ID } from '../seed-pos';
import { posLoginPage, posSettingsPage } from './pos/account';
import { posContactJson, posContactsPage } from './pos/contacts';

/** Plain JavaScript, served as written: the demo has no build step. */
const APP_JS = readFileSync(join(import.meta.dirname, 'pos', 'app.js'), 'utf8');

/** The vendor's API is slow enough that the drawer is visibly filled after the page has loaded. */
export const POS_API_DELAY_MS = 150;

const routes: readonly Route[] = [
  { method: 'GET', path: /^\/pos$/, respond: () => redirectResponse('/pos/contacts', 302) },
  {
    method: 'GET',
    path: /^\/pos\/contacts$/,
    respond: ({ url, data, redesigned }) => htmlResponse(posContactsPage(url, data, { redesigned })),
  },
  { method: 'GET', path: /^\/pos\/app\.js$/, respond: () => scriptResponse(APP_JS) },
  {
    method: 'GET',
    path: /^\/pos\/api\/contacts\/([^/]+)$/,
    respond: ({ params: [id = ''], data }) => {
      const contact = data.posContactById.get(id);
      return contact
        ? jsonResponse(posContactJson(contact), 200, POS_API_DELAY_MS)
        : jsonResponse({ error: `No contact ${id}` }, 404, POS_API_DELAY_MS);
    },
  },
  { method: 'GET', path: /^\/pos\/settings$/, respond: ({ url }) => htmlResponse(posSettingsPage(url)) },
  { method: 'POST', path: /^\/pos\/settings$/, respond: () => redirectResponse('/pos/settings?saved=1') },
  { method: 'GET', path: /^\/pos\/login$/, respond: () => htmlResponse(posLoginPage()) },
  { method: 'POST', path: /^\/pos\/login$/, respond: () => redirectResponse('/pos/contacts') },
];

const contact = (id: string) => `/pos/contacts?contact=${id}`;

export const posBackOffice: DemoBackOffice = {
  id: 'pos',
  title: 'Till POS',
  basePath: '/pos',
  description:
    'Point-of-sale back office: customers and suppliers in one contacts list; a contact opens in a ' +
    'drawer filled by XHR (150 ms) after the page has loaded, with pushState.',
  pages: [
    { label: 'Contacts', path: '/pos/contacts' },
    { label: 'Contact drawer (Ada Lovelace, customer)', path: contact(POS_SAMPLE_ID) },
    { label: 'Contact drawer (supplier)', path: contact(POS_SUPPLIER_ID) },
    { label: 'Contact drawer (markup and emoji in the name)', path: contact(POS_XSS_ID) },
    { label: 'Contact drawer (no phone)', path: contact(POS_NO_PHONE_ID) },
    { label: 'Suppliers only', path: '/pos/contacts?type=supplier' },
    { label: 'Settings (no contact)', path: '/pos/settings' },
    { label: 'Unlock (no contact)', path: '/pos/login' },
  ],
  redesign: 'the contact drawer shows the name in a div instead of its h2',
  handle: (req, url, data, state) => routeRequest(routes, req, url, data, state),
};
