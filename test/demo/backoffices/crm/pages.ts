/**
 * Acme CRM's pages. No adapter knows this back office and it carries no schema.org or hCard markup:
 * the fields sit in divs and spans with ids and data attributes, which is what a user teaching Tally
 * would point at. The redesign renames and restructures all of it.
 */
import { requestedPage } from '../../backoffice';
import { html, htmlPage, type SafeHtml } from '../../html';
import { paginate, pagerNav } from '../../paging';
import type { CrmClient } from '../../seed-crm';
import type { DemoStore } from '../../store';

export const CRM_TITLE = 'Acme CRM';

export function crmClientPath(id: string): string {
  return `/crm/clients/${encodeURIComponent(id)}`;
}

const STYLE = html`<style>
  body {
    margin: 0;
    font:
      14px/1.5 'Helvetica Neue',
      Arial,
      sans-serif;
    color: #2d2a32;
    background: #f6f4fb;
  }
  .topnav {
    display: flex;
    gap: 20px;
    align-items: center;
    padding: 10px 24px;
    background: #5b3fa6;
  }
  .topnav a {
    color: #fff;
    text-decoration: none;
  }
  .page {
    max-width: 960px;
    margin: 24px auto;
    padding: 0 24px;
  }
  .record-head,
  .hdr {
    display: flex;
    gap: 12px;
    align-items: center;
  }
  .record-grid {
    display: grid;
    grid-template-columns: repeat(2, 1fr);
    gap: 12px;
    background: #fff;
    padding: 16px;
    border-radius: 10px;
  }
  .prop-label,
  .hdr__eyebrow,
  .k {
    display: block;
    font-size: 12px;
    color: #7a7485;
  }
  .stage-pill {
    padding: 2px 10px;
    border-radius: 999px;
    background: #ede7fb;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    background: #fff;
  }
  th,
  td {
    padding: 8px;
    border-bottom: 1px solid #ece8f3;
    text-align: left;
  }
</style>`;

function crmPage(title: string, content: SafeHtml): string {
  return htmlPage({
    title: `${title} — ${CRM_TITLE}`,
    head: STYLE,
    body: html`<nav class="topnav" aria-label="Acme CRM">
        <strong><a href="/crm/clients">${CRM_TITLE}</a></strong>
        <a href="/crm/clients">Clients</a>
      </nav>
      <div class="page">${content}</div>`,
  });
}

export function crmClientListPage(url: URL, data: DemoStore): string {
  const page = paginate(data.crm.clients, requestedPage(url));
  return crmPage(
    'Clients',
    html`<h1>Clients</h1>
      <table>
        <thead>
          <tr>
            <th>Client</th>
            <th>Company</th>
            <th>Stage</th>
            <th>Owner</th>
          </tr>
        </thead>
        <tbody>
          ${page.items.map(
            (client) =>
              html`<tr>
                <td><a href="${crmClientPath(client.id)}">${client.name}</a></td>
                <td>${client.company}</td>
                <td>${client.stage}</td>
                <td>${client.owner}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${pagerNav(url, page, 'clients')}`,
  );
}

export function crmClientPage(client: CrmClient, redesigned: boolean): string {
  return crmPage(client.name, crmClientContent(client, redesigned));
}

/** The client record, shared with the benchmark page. */
export function crmClientContent(client: CrmClient, redesigned: boolean): SafeHtml {
  return redesigned ? redesignedRecord(client) : classicRecord(client);
}

/** What a recipe is taught on: #client-name, #client-email, #client-phone, #client-account, data-prop. */
function classicRecord(client: CrmClient): SafeHtml {
  const prop = (key: string, label: string, value: SafeHtml | string | null) =>
    value === null
      ? ''
      : html`<div class="prop" data-prop="${key}">
          <span class="prop-label">${label}</span>
          <span class="prop-value" id="client-${key}">${value}</span>
        </div>`;
  return html`<main id="client-record" data-client-id="${client.id}">
    <p><a href="/crm/clients">Clients</a> / ${client.accountNo}</p>
    <div class="record-head">
      <h1 id="client-name">${client.name}</h1>
      <span class="stage-pill" data-stage="${client.stage}">${client.stage}</span>
    </div>
    <div class="record-grid">
      ${prop('email', 'Email', client.email && html`<a href="mailto:${client.email}">${client.email}</a>`)}
      ${prop('phone', 'Phone', client.phone)} ${prop('company', 'Company', client.company)}
      ${prop('account', 'Account number', client.accountNo)} ${prop('owner', 'Owner', client.owner)}
      ${prop('city', 'City', client.city)}
    </div>
  </main>`;
}

/** The redesign: no ids, no data-prop, the name in an h2, the fields in a key/value table. */
function redesignedRecord(client: CrmClient): SafeHtml {
  const fact = (label: string, value: SafeHtml | string | null) =>
    value === null
      ? ''
      : html`<tr>
          <td class="k">${label}</td>
          <td class="v">${value}</td>
        </tr>`;
  return html`<div class="app-v2" data-record="client:${client.id}">
    <header class="hdr">
      <div class="hdr__titles">
        <span class="hdr__eyebrow">Client · ${client.stage}</span>
        <h2 class="hdr__title">${client.name}</h2>
      </div>
    </header>
    <table class="facts">
      <tbody>
        ${fact('E-mail', client.email)} ${fact('Telephone', client.phone)}
        ${fact('Organisation', client.company)} ${fact('Account', client.accountNo)}
        ${fact('Account owner', client.owner)} ${fact('Location', client.city)}
      </tbody>
    </table>
  </div>`;
}

export function crmNotFoundPage(id: string): string {
  return crmPage(
    'Not found',
    html`<h1>Client not found</h1>
      <p>No client ${id}. <a href="/crm/clients">All clients</a></p>`,
  );
}
