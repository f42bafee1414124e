/** The orders list, newest first, as a rep checks what came in. */
import { html } from '../../html';
import { formatUsd } from '../../money';
import { paginate, pagerNav } from '../../paging';
import { requestedPage } from '../../backoffice';
import { orderTotalMinor, type DemoStore } from '../../store';
import { customerPath } from './customers';
import { repPage } from './layout';

export function orderListPage(url: URL, data: DemoStore): string {
  const newestFirst = [...data.orders].reverse();
  const page = paginate(newestFirst, requestedPage(url));
  return repPage({
    title: 'Orders',
    section: 'orders',
    content: html`<main class="list-page orders-list">
      <h1>Orders</h1>
      <div class="toolbar">
        <a class="button secondary" href="/rep/export/orders.csv" download>Export orders (CSV)</a>
      </div>
      <table class="orders-table">
        <thead>
          <tr>
            <th>Order</th>
            <th>Date</th>
            <th>Customer</th>
            <th class="num">Lines</th>
            <th class="num">Total</th>
          </tr>
        </thead>
        <tbody>
          ${page.items.map((order) => {
            const customer = data.customerById.get(order.customerId);
            return html`<tr>
              <td>${order.id}</td>
              <td>${order.date}</td>
              <td><a href="${customerPath(order.customerId)}">${customer?.name ?? order.customerId}</a></td>
              <td class="num">${order.lines.length}</td>
              <td class="num">${formatUsd(orderTotalMinor(order))}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${pagerNav(url, page, 'orders')}
    </main>`,
  });
}
