/** Customer list and customer detail: the pages Tally's rep adapter reads. */
import { html, type SafeHtml } from '../../html';
import { formatUsd } from '../../money';
import { paginate } from '../../paging';
import { orderTotalMinor, type DemoStore } from '../../store';
import type { DemoCustomer, DemoOrder } from '../../seed';
import { requestedPage } from '../../backoffice';
import { repPage } from './layout';

export function customerPath(id: string): string {
  return `/rep/customers/${encodeURIComponent(id)}`;
}

/**
 * /rep/customers and /rep/customers/:id: one HTML shell for both. The single-page app in ./app.js reads
 * the URL, fetches /rep/api/… and builds the list or the customer with createElement, so a customer's
 * details arrive after DOMContentLoaded and change with pushState, as in the vendor's real app.
 */
export function customersAppShell(layout: 'classic' | 'profile'): string {
  return repPage({
    title: 'Customers',
    section: 'customers',
    content: html`<div id="app" data-layout="${layout}">
        <p class="loading" role="status">Loading…</p>
      </div>
      <noscript>Northwind Direct needs JavaScript for its customer pages.</noscript>
      <script type="module" src="/rep/app.js"></script>`,
  });
}

export interface CustomerListJson {
  readonly query: string;
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
  readonly customers: readonly Pick<DemoCustomer, 'id' | 'name' | 'company' | 'city'>[];
}

/** GET /rep/api/customers?q=&page=: one page of the list, 50 rows, as the old server pages had. */
export function customerListJson(url: URL, data: DemoStore): CustomerListJson {
  const query = (url.searchParams.get('q') ?? '').trim();
  const matching = query
    ? data.customers.filter((customer) => matchesQuery(customer, query))
    : data.customers;
  const { items, page, pageCount, total } = paginate(matching, requestedPage(url));
  return {
    query,
    page,
    pageCount,
    total,
    customers: items.map(({ id, name, company, city }) => ({ id, name, company, city })),
  };
}

export interface CustomerDetailJson extends DemoCustomer {
  /** The neighbours in the list, wrapping around, for the "Previous customer" / "Next customer" links. */
  readonly previousId: string;
  readonly nextId: string;
  readonly orders: readonly { id: string; date: string; items: string; total: string }[];
}

/** GET /rep/api/customers/:id. */
export function customerDetailJson(customer: DemoCustomer, data: DemoStore): CustomerDetailJson {
  const index = data.customers.indexOf(customer);
  const count = data.customers.length;
  const neighbour = (offset: number) => data.customers[(index + offset + count) % count]?.id ?? customer.id;
  return {
    ...customer,
    previousId: neighbour(-1),
    nextId: neighbour(1),
    orders: (data.ordersByCustomer.get(customer.id) ?? []).map((order) => ({
      id: order.id,
      date: order.date,
      items: describeLines(order, data),
      total: formatUsd(orderTotalMinor(order)),
    })),
  };
}

function matchesQuery(customer: DemoCustomer, query: string): boolean {
  const needle = query.toLowerCase();
  return [customer.id, customer.name, customer.email ?? '', customer.company].some((field) =>
    field.toLowerCase().includes(needle),
  );
}

/**
 * The markup contract with Tally's rep adapter, rendered on the server for the benchmark page; ./app.js
 * builds the same tree in the browser (test/unit/demo runs both through the adapter). Keep the
 * classes, the dt labels and the nesting exactly as they are. Phone and email rows are left out, not
 * left empty, when the back office has no value, as the real one does.
 */
export function customerDetailMain(customer: DemoCustomer, data: DemoStore): SafeHtml {
  const { email, phone } = customer;
  // The exact text is part of the contract (fixtures copy it), so the formatter keeps out.
  // prettier-ignore
  return html`<main class="customer-detail" data-customer-id="${customer.id}">
  <h1 class="customer-name">${customer.name}</h1>
  <dl class="customer-fields">
    <dt>Customer ID</dt><dd class="customer-id">${customer.id}</dd>
${email === null ? '' : html`    <dt>Email</dt><dd><a class="customer-email" href="mailto:${email}">${email}</a></dd>\n`}${
    phone === null ? '' : html`    <dt>Phone</dt><dd class="customer-phone">${phone}</dd>\n`
  }    <dt>Company</dt><dd class="customer-company">${customer.company}</dd>
    <dt>City</dt><dd class="customer-city">${customer.city}</dd>
  </dl>
  <section class="customer-orders"><h2>Recent orders</h2>${ordersTable(data.ordersByCustomer.get(customer.id) ?? [], data)}</section>
</main>`;
}

function ordersTable(orders: readonly DemoOrder[], data: DemoStore): SafeHtml {
  return html`<table>
    <thead>
      <tr>
        <th>Order</th>
        <th>Date</th>
        <th>Items</th>
        <th class="num">Total</th>
      </tr>
    </thead>
    <tbody>
      ${orders.map(
        (order) =>
          html`<tr>
            <td>${order.id}</td>
            <td>${order.date}</td>
            <td>${describeLines(order, data)}</td>
            <td class="num">${formatUsd(orderTotalMinor(order))}</td>
          </tr>`,
      )}
      ${
        orders.length === 0
          ? html`<tr>
              <td colspan="4">No orders yet.</td>
            </tr>`
          : ''
      }
    </tbody>
  </table>`;
}

/** "Lavender Hand Cream, 50 ml ×2 and 2 more": what a rep scans for, without a line table per order. */
function describeLines(order: DemoOrder, data: DemoStore): string {
  const [first, ...rest] = order.lines;
  if (!first) return '';
  const name = data.productBySku.get(first.sku)?.name ?? first.sku;
  const quantity = first.qty > 1 ? ` ×${first.qty}` : '';
  return `${name}${quantity}${rest.length > 0 ? ` and ${rest.length} more` : ''}`;
}
