/**
 * Pages for `npm run bench`, not a back office of their own: one customer page in the style of each
 * back office, buried in about 5,000 elements (the page size the "page ready → contact detected
 * ≤ 20 ms" budget in DESIGN.md is stated for). Each is complete in the served HTML, with no script,
 * so that detection can run the moment the DOM is ready. Element counts (opening tags, seed 42;
 * test/unit/demo asserts 5,000–6,000 and that each page's adapter reads it):
 *
 * - /bench/customers/C-00042            Northwind Direct (rep): main.customer-detail markup. 5,058
 * - /bench/repair/customer?id=1042      Fixit Repair & Resale: the label/value table.         5,045
 * - /bench/pos/contacts?contact=42      Till POS: list with the drawer already rendered.      5,050
 * - /bench/generic/clients/1234         A back office no adapter knows, for the generic guess:
 *                                       its only contact data is a label/value table.        5,051
 */
import { htmlResponse, type DemoBackOffice } from '../backoffice';
import { html, htmlPage } from '../html';
import { routeRequest, type Route } from '../router';
import { SAMPLE_CUSTOMER_ID } from '../seed';
import { CRM_SAMPLE_ID } from '../seed-crm';
import { POS_SAMPLE_ID } from '../seed-pos';
import { REPAIR_SAMPLE_ID } from '../seed-repair';
import { activityHistory, linkMenu } from './bench/filler';
import { posContactDrawer, posContactsPage } from './pos/contacts';
import { customerDetailMain } from './rep/customers';
import { repPage } from './rep/layout';
import { repairCustomerContent } from './repair/customers';
import { repairPage } from './repair/layout';

const territories = linkMenu('Territory', 150, (name) => `/rep/customers?q=${encodeURIComponent(name)}`);

const routes: readonly Route[] = [
  {
    method: 'GET',
    path: /^\/bench\/customers\/C-00042$/,
    respond: ({ data }) => {
      const customer = data.customerById.get(SAMPLE_CUSTOMER_ID);
      if (!customer) return null;
      return htmlResponse(
        repPage({
          title: customer.name,
          section: 'customers',
          breadcrumbs: html`<a href="/rep/customers">Customers</a> › ${customer.id}`,
          before: territories,
          content: customerDetailMain(customer, data),
          after: activityHistory(660),
        }),
      );
    },
  },
  {
    method: 'GET',
    path: /^\/bench\/repair\/customer$/,
    respond: ({ url, data }) => {
      const customer = data.repairCustomerById.get(url.searchParams.get('id') ?? '');
      if (!customer || customer.id !== REPAIR_SAMPLE_ID) return null;
      return htmlResponse(
        repairPage(
          customer.name,
          'customers',
          html`${linkMenu('Bench', 150, (name) => `/repair/customers?q=${encodeURIComponent(name)}`)}
          ${repairCustomerContent(customer, data, false)} ${activityHistory(650)}`,
        ),
      );
    },
  },
  {
    method: 'GET',
    path: /^\/bench\/pos\/contacts$/,
    respond: ({ url, data }) => {
      const contact = data.posContactById.get(url.searchParams.get('contact') ?? '');
      if (!contact || contact.id !== POS_SAMPLE_ID) return null;
      return htmlResponse(
        posContactsPage(url, data, {
          redesigned: false,
          drawer: posContactDrawer(contact),
          after: html`${linkMenu('Register', 150, (name) => `/pos/contacts?q=${encodeURIComponent(name)}`)}
          ${activityHistory(619)}`,
        }),
      );
    },
  },
  {
    method: 'GET',
    path: /^\/bench\/generic\/clients\/(\d+)$/,
    respond: ({ params: [id = ''], data }) => {
      const client = data.crmClientById.get(id);
      if (!client || client.id !== CRM_SAMPLE_ID) return null;
      const row = (label: string, value: string | null) =>
        value === null
          ? ''
          : html`<tr>
              <th>${label}</th>
              <td>${value}</td>
            </tr>`;
      return htmlResponse(
        htmlPage({
          title: `${client.name} | Partner Portal`,
          body: html`<header><a href="/">Partner Portal</a></header>
            ${linkMenu('Region', 150, (name) => `/bench/generic/clients?region=${encodeURIComponent(name)}`)}
            <div id="record">
              <h1>${client.name}</h1>
              <table>
                ${row('Name', client.name)} ${row('Email', client.email)} ${row('Phone', client.phone)}
                ${row('Company', client.company)} ${row('Account number', client.accountNo)}
              </table>
            </div>
            ${activityHistory(673)}`,
        }),
      );
    },
  },
];

export const benchPages: DemoBackOffice = {
  id: 'bench',
  title: 'Benchmark pages',
  basePath: '/bench',
  description: 'Oversized customer pages (about 5,000 elements each) for npm run bench.',
  pages: [
    { label: 'Northwind Direct customer (~5,000 elements)', path: '/bench/customers/C-00042' },
    { label: 'Fixit customer (~5,000 elements)', path: `/bench/repair/customer?id=${REPAIR_SAMPLE_ID}` },
    {
      label: 'Till POS contact drawer (~5,000 elements)',
      path: `/bench/pos/contacts?contact=${POS_SAMPLE_ID}`,
    },
    {
      label: 'Unknown back office, for the generic guess (~5,000 elements)',
      path: `/bench/generic/clients/${CRM_SAMPLE_ID}`,
    },
  ],
  handle: (req, url, data, state) => routeRequest(routes, req, url, data, state),
};
