/** Customer list and customer detail: the pages Tally's rep adapter reads. */
import { html, type SafeHtml } from '../../html';
import { formatUsd } from '../../money';
import { paginate, pagerNav } from '../../paging';
import { orderTotalMinor, type DemoStore } from '../../store';
import type { DemoCustomer, DemoOrder } from '../../seed';
import { requestedPage } from '../../backoffice';
import { repPage } from './layout';

export function customerPath(id: string): string {
  return `/rep/customers/${encodeURIComponent(id)}`;
}

export function customerListPage(url: URL, data: DemoStore): string {
  const query = (url.searchParams.get('q') ?? '').trim();
  const matching = query
    ? data.customers.filter((customer) => matchesQuery(customer, query))
    : data.customers;
  const page = paginate(matching, requestedPage(url));
  return repPage({
    title: 'Customers',
    section: 'customers',
    content: html`<main class="list-page customers-list">
      <h1>Customers</h1>
      <form class="toolbar" action="/rep/customers" method="get">
        <input
          type="search"
          name="q"
          value="${query}"
          aria-label="Filter customers"
          placeholder="Name, email, company or ID"
        />
        <button class="button secondary" type="submit">Filter</button>
        ${query ? html`<a href="/rep/customers">Clear</a>` : ''}
      </form>
      <table class="customers-table">
        <thead>
          <tr>
            <th>ID</th>
            <th>Name</th>
            <th>Company</th>
            <th>City</th>
          </tr>
        </thead>
        <tbody>
          ${page.items.map(
            (customer) =>
              html`<tr>
                <td>${customer.id}</td>
                <td><a href="${customerPath(customer.id)}">${customer.name}</a></td>
                <td>${customer.company}</td>
                <td>${customer.city}</td>
              </tr>`,
          )}
          ${
            page.items.length === 0
              ? html`<tr>
                  <td colspan="4">No customers match “${query}”.</td>
                </tr>`
              : ''
          }
        </tbody>
      </table>
      ${pagerNav(url, page, 'customers')}
    </main>`,
  });
}

function matchesQuery(customer: DemoCustomer, query: string): boolean {
  const needle = query.toLowerCase();
  return [customer.id, customer.name, customer.email ?? '', customer.company].some((field) =>
    field.toLowerCase().includes(needle),
  );
}

export function customerDetailPage(customer: DemoCustomer, data: DemoStore): string {
  return repPage({
    title: customer.name,
    section: 'customers',
    breadcrumbs: html`<a href="/rep/customers">Customers</a> › ${customer.id}`,
    content: customerDetailMain(customer, data),
  });
}

/**
 * The markup contract with Tally's rep adapter (test/unit/demo asserts it): keep the classes, the
 * dt labels and the nesting exactly as they are. Phone and email rows are left out, not left empty,
 * when the back office has no value, as the real one does.
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
