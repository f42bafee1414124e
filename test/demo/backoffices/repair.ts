/**
 * "Fixit Repair & Resale": a repair and resale shop's counter app. Server-rendered, table-laid-out, with
 * the customer's id only in the URL (/repair/customer?id=1042) and in a "Customer #" row. Pages live in
 * ./repair/; this file is the route table.
 */
import { htmlResponse, redirectResponse, type DemoBackOffice } from '../backoffice';
import { html } from '../html';
import { routeRequest, type Route } from '../router';
import { REPAIR_NO_PHONE_ID, REPAIR_RTL_ID, REPAIR_SAMPLE_ID } from '../seed-repair';
import { repairLoginPage, repairSettingsPage } from './repair/account';
import { repairCustomerListPage, repairCustomerPage, repairCustomerPath } from './repair/customers';
import { repairPage } from './repair/layout';
import { repairTicketsPage } from './repair/tickets';

const routes: readonly Route[] = [
  { method: 'GET', path: /^\/repair$/, respond: () => redirectResponse('/repair/customers', 302) },
  {
    method: 'GET',
    path: /^\/repair\/customers$/,
    respond: ({ url, data }) => htmlResponse(repairCustomerListPage(url, data)),
  },
  {
    method: 'GET',
    path: /^\/repair\/customer$/,
    respond: ({ url, data, redesigned }) => {
      const id = url.searchParams.get('id') ?? '';
      const customer = data.repairCustomerById.get(id);
      if (customer) return htmlResponse(repairCustomerPage(customer, data, redesigned));
      return htmlResponse(
        repairPage(
          'Not found',
          'customers',
          html`<h1>No such customer</h1>
            <p>Customer “${id}” does not exist. <a href="/repair/customers">Back to customers</a></p>`,
        ),
        404,
      );
    },
  },
  {
    method: 'GET',
    path: /^\/repair\/tickets$/,
    respond: ({ url, data }) => htmlResponse(repairTicketsPage(url, data)),
  },
  {
    method: 'GET',
    path: /^\/repair\/settings$/,
    respond: ({ url }) => htmlResponse(repairSettingsPage(url)),
  },
  {
    method: 'POST',
    path: /^\/repair\/settings$/,
    respond: () => redirectResponse('/repair/settings?saved=1'),
  },
  { method: 'GET', path: /^\/repair\/login$/, respond: () => htmlResponse(repairLoginPage()) },
  { method: 'POST', path: /^\/repair\/login$/, respond: () => redirectResponse('/repair/customers') },
];

export const repairBackOffice: DemoBackOffice = {
  id: 'repair',
  title: 'Fixit Repair & Resale',
  basePath: '/repair',
  description:
    'Repair and resale shop: server-rendered, label/value tables without classes, repair tickets and ' +
    'buy-backs on each customer page.',
  pages: [
    { label: 'Customers', path: '/repair/customers' },
    { label: 'Customer (Ada Lovelace)', path: repairCustomerPath(REPAIR_SAMPLE_ID) },
    { label: 'Customer (right-to-left name, emoji)', path: repairCustomerPath(REPAIR_RTL_ID) },
    { label: 'Customer (no phone)', path: repairCustomerPath(REPAIR_NO_PHONE_ID) },
    { label: 'Tickets', path: '/repair/tickets' },
    { label: 'Settings (no customer)', path: '/repair/settings' },
    { label: 'Log in (no customer)', path: '/repair/login' },
  ],
  redesign: 'the customer table splits "Name" into "First name" and "Last name"',
  handle: (req, url, data, state) => routeRequest(routes, req, url, data, state),
};
