/**
 * "Northwind Direct": a direct-sales rep back office. Its customer list and customer pages are a
 * single-page app (./rep/app.js over a JSON API); the catalog, orders, settings, sign-in and CSV
 * exports are server-rendered. Pages live in ./rep/; this file is the route table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  csvResponse,
  htmlResponse,
  jsonResponse,
  redirectResponse,
  scriptResponse,
  type DemoBackOffice,
  type DemoResponse,
} from '../backoffice';
import { html } from '../html';
import { routeRequest, type Route } from '../router';
import { SAMPLE_CUSTOMER_ID, XSS_CUSTOMER_ID } from '../seed';
import { loginPage, settingsPage } from './rep/account';
import { customerDetailJson, customerListJson, customerPath, customersAppShell } from './rep/customers';
import { ordersCsv, productsCsv } from './rep/exports';
import { repPage, REP_TITLE } from './rep/layout';
import { orderListPage } from './rep/orders';
import { productDetailPage, productListPage, productPath } from './rep/products';

function notFound(what: string, id: string, back: { label: string; path: string }): DemoResponse {
  return htmlResponse(
    repPage({
      title: `${what} not found`,
      section: null,
      content: html`<main class="not-found">
        <h1>${what} not found</h1>
        <p>There is no ${what.toLowerCase()} “${id}”. <a href="${back.path}">${back.label}</a></p>
      </main>`,
    }),
    404,
  );
}

/** Plain JavaScript, served as written: the demo has no build step. */
const APP_JS = readFileSync(join(import.meta.dirname, 'rep', 'app.js'), 'utf8');

/** The API answers a little late, as a real one does; the customer always arrives after DOMContentLoaded. */
const API_DELAY_MS = 60;

const shell = (redesigned: boolean, status = 200) =>
  htmlResponse(customersAppShell(redesigned ? 'profile' : 'classic'), status);

const routes: readonly Route[] = [
  { method: 'GET', path: /^\/rep$/, respond: () => redirectResponse('/rep/customers', 302) },
  { method: 'GET', path: /^\/rep\/customers$/, respond: ({ redesigned }) => shell(redesigned) },
  {
    method: 'GET',
    path: /^\/rep\/customers\/([^/]+)$/,
    // The app shows "Customer not found" itself; the status is for crawlers and tests.
    respond: ({ params: [id = ''], data, redesigned }) =>
      shell(redesigned, data.customerById.has(id) ? 200 : 404),
  },
  { method: 'GET', path: /^\/rep\/app\.js$/, respond: () => scriptResponse(APP_JS) },
  {
    method: 'GET',
    path: /^\/rep\/api\/customers$/,
    respond: ({ url, data }) => jsonResponse(customerListJson(url, data), 200, API_DELAY_MS),
  },
  {
    method: 'GET',
    path: /^\/rep\/api\/customers\/([^/]+)$/,
    respond: ({ params: [id = ''], data }) => {
      const customer = data.customerById.get(id);
      return customer
        ? jsonResponse(customerDetailJson(customer, data), 200, API_DELAY_MS)
        : jsonResponse({ error: `There is no customer “${id}”.` }, 404, API_DELAY_MS);
    },
  },
  {
    method: 'GET',
    path: /^\/rep\/products$/,
    respond: ({ url, data }) => htmlResponse(productListPage(url, data)),
  },
  {
    method: 'GET',
    path: /^\/rep\/products\/([^/]+)$/,
    respond: ({ params: [sku = ''], data }) => {
      const product = data.productBySku.get(sku);
      return product
        ? htmlResponse(productDetailPage(product))
        : notFound('Product', sku, { label: 'Back to products', path: '/rep/products' });
    },
  },
  {
    method: 'GET',
    path: /^\/rep\/orders$/,
    respond: ({ url, data }) => htmlResponse(orderListPage(url, data)),
  },
  { method: 'GET', path: /^\/rep\/settings$/, respond: ({ url }) => htmlResponse(settingsPage(url)) },
  { method: 'POST', path: /^\/rep\/settings$/, respond: () => redirectResponse('/rep/settings?saved=1') },
  { method: 'GET', path: /^\/rep\/login$/, respond: () => htmlResponse(loginPage()) },
  { method: 'POST', path: /^\/rep\/login$/, respond: () => redirectResponse('/rep/customers') },
  {
    method: 'GET',
    path: /^\/rep\/export\/products\.csv$/,
    respond: ({ data }) => csvResponse(productsCsv(data), 'northwind-products.csv'),
  },
  {
    method: 'GET',
    path: /^\/rep\/export\/orders\.csv$/,
    respond: ({ data }) => csvResponse(ordersCsv(data), 'northwind-orders.csv'),
  },
];

export const repBackOffice: DemoBackOffice = {
  id: 'rep',
  title: REP_TITLE,
  basePath: '/rep',
  description:
    'Direct-sales rep back office: customer list and customer pages as a single-page app (pushState, JSON ' +
    'API), server-rendered catalog, orders and CSV exports.',
  redesign: 'the customer page moves the name out of .customer-name and the phone out of .customer-phone',
  pages: [
    { label: 'Customers', path: '/rep/customers' },
    { label: 'Customer detail (Ada Lovelace)', path: customerPath(SAMPLE_CUSTOMER_ID) },
    { label: 'Customer detail (stored-XSS name)', path: customerPath(XSS_CUSTOMER_ID) },
    { label: 'Products', path: '/rep/products' },
    { label: 'Product detail', path: productPath('NW-1001') },
    { label: 'Orders', path: '/rep/orders' },
    { label: 'Settings (no customer)', path: '/rep/settings' },
    { label: 'Sign in (no customer)', path: '/rep/login' },
    { label: 'Products CSV', path: '/rep/export/products.csv' },
    { label: 'Orders CSV', path: '/rep/export/orders.csv' },
  ],
  handle: (req, url, data, state) => routeRequest(routes, req, url, data, state),
};
