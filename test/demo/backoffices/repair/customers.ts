/**
 * Customer list and customer page. The customer page is what Tally's repair adapter reads: a label/value
 * table (th label, td value) with no classes, the id only in the URL (?id=1042) and the "Customer #" row.
 */
import { requestedPage } from '../../backoffice';
import { html, type SafeHtml } from '../../html';
import { formatUsd } from '../../money';
import { paginate, pagerNav } from '../../paging';
import type { RepairBuyBack, RepairCustomer, RepairTicket } from '../../seed-repair';
import type { DemoStore } from '../../store';
import { repairPage } from './layout';

export function repairCustomerPath(id: string): string {
  return `/repair/customer?id=${encodeURIComponent(id)}`;
}

export function repairCustomerListPage(url: URL, data: DemoStore): string {
  const query = (url.searchParams.get('q') ?? '').trim().toLowerCase();
  const matching = query
    ? data.repair.customers.filter((customer) =>
        [customer.id, customer.name, customer.email ?? '', customer.phone ?? ''].some((field) =>
          field.toLowerCase().includes(query),
        ),
      )
    : data.repair.customers;
  const page = paginate(matching, requestedPage(url));
  return repairPage(
    'Customers',
    'customers',
    html`<h1>Customers</h1>
      <form action="/repair/customers" method="get">
        Find: <input type="text" name="q" value="${url.searchParams.get('q') ?? ''}" />
        <input type="submit" value="Search" />
      </form>
      <table>
        <tr>
          <th>Customer #</th>
          <th>Name</th>
          <th>Phone</th>
          <th>Email</th>
          <th>Tickets</th>
        </tr>
        ${page.items.map(
          (customer) =>
            html`<tr>
              <td>${customer.id}</td>
              <td><a href="${repairCustomerPath(customer.id)}">${customer.name}</a></td>
              <td>${customer.phone}</td>
              <td>${customer.email}</td>
              <td>${data.ticketsByCustomer.get(customer.id)?.length ?? 0}</td>
            </tr>`,
        )}
      </table>
      ${pagerNav(url, page, 'customers')}`,
  );
}

export function repairCustomerPage(customer: RepairCustomer, data: DemoStore, redesigned: boolean): string {
  return repairPage(customer.name, 'customers', repairCustomerContent(customer, data, redesigned));
}

/** The page body, shared with the benchmark page. */
export function repairCustomerContent(
  customer: RepairCustomer,
  data: DemoStore,
  redesigned: boolean,
): SafeHtml {
  return html`<p><a href="/repair/customers">Customers</a> &raquo; Customer details</p>
    <h1>Customer details</h1>
    ${redesigned ? splitNameFields(customer) : customerFields(customer)}
    <h2>Repair tickets</h2>
    ${ticketsTable(data.ticketsByCustomer.get(customer.id) ?? [])}
    <h2>Buy-backs</h2>
    ${buyBacksTable(data.buyBacksByCustomer.get(customer.id) ?? [])}`;
}

/**
 * The contract with Tally's repair adapter: one row per field, label in th, value in td; empty
 * values stay as empty cells (the shop's software always prints every row).
 */
function customerFields(customer: RepairCustomer): SafeHtml {
  return html`<table>
    <tr>
      <th>Customer #</th>
      <td>${customer.id}</td>
    </tr>
    <tr>
      <th>Name</th>
      <td>${customer.name}</td>
    </tr>
    ${contactRows(customer)}
  </table>`;
}

/** The redesign: "Name" became "First name" and "Last name", so the adapter finds no name. */
function splitNameFields(customer: RepairCustomer): SafeHtml {
  const [first = '', ...rest] = customer.name.split(' ');
  return html`<table>
    <tr>
      <th>Customer #</th>
      <td>${customer.id}</td>
    </tr>
    <tr>
      <th>First name</th>
      <td>${first}</td>
    </tr>
    <tr>
      <th>Last name</th>
      <td>${rest.join(' ')}</td>
    </tr>
    ${contactRows(customer)}
  </table>`;
}

function contactRows(customer: RepairCustomer): SafeHtml {
  const [street, ...city] = customer.address.split(', ');
  return html`<tr>
      <th>Email</th>
      <td>${customer.email ? html`<a href="mailto:${customer.email}">${customer.email}</a>` : ''}</td>
    </tr>
    <tr>
      <th>Phone</th>
      <td>${customer.phone}</td>
    </tr>
    <tr>
      <th>Company</th>
      <td>${customer.company}</td>
    </tr>
    <tr>
      <th>Address</th>
      <td>${street}<br />${city.join(', ')}</td>
    </tr>
    <tr>
      <th>Notes</th>
      <td>${customer.notes}</td>
    </tr>`;
}

export function ticketsTable(tickets: readonly RepairTicket[], customerColumn?: DemoStore): SafeHtml {
  return html`<table>
    <tr>
      <th>Ticket #</th>
      <th>Date</th>
      ${customerColumn ? html`<th>Customer</th>` : ''}
      <th>Device</th>
      <th>Issue</th>
      <th>Status</th>
      <th>Estimate</th>
    </tr>
    ${tickets.map(
      (ticket) =>
        html`<tr>
          <td>${ticket.id}</td>
          <td>${ticket.date}</td>
          ${customerColumn ? customerCell(ticket.customerId, customerColumn) : ''}
          <td>${ticket.device}</td>
          <td>${ticket.issue}</td>
          <td>${ticket.status}</td>
          <td>${formatUsd(ticket.estimateMinor)}</td>
        </tr>`,
    )}
    ${
      tickets.length === 0
        ? html`<tr>
            <td colspan="6">No tickets.</td>
          </tr>`
        : ''
    }
  </table>`;
}

function customerCell(id: string, data: DemoStore): SafeHtml {
  const name = data.repairCustomerById.get(id)?.name ?? id;
  return html`<td><a href="${repairCustomerPath(id)}">${name}</a></td>`;
}

function buyBacksTable(buyBacks: readonly RepairBuyBack[]): SafeHtml {
  return html`<table>
    <tr>
      <th>Buy-back #</th>
      <th>Date</th>
      <th>Item</th>
      <th>Serial</th>
      <th>Offer</th>
      <th>Status</th>
    </tr>
    ${buyBacks.map(
      (buyBack) =>
        html`<tr>
          <td>${buyBack.id}</td>
          <td>${buyBack.date}</td>
          <td>${buyBack.item}</td>
          <td>${buyBack.serial}</td>
          <td>${formatUsd(buyBack.offerMinor)}</td>
          <td>${buyBack.status}</td>
        </tr>`,
    )}
    ${
      buyBacks.length === 0
        ? html`<tr>
            <td colspan="6">No buy-backs.</td>
          </tr>`
        : ''
    }
  </table>`;
}
