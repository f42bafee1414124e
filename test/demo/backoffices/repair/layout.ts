/**
 * The Fixit Repair & Resale chrome: an older, table-laid-out counter app with tabs across the top.
 * Its markup carries almost no classes, so an adapter has to read it by its labels.
 */
import { html, htmlPage, type SafeHtml } from '../../html';

export const REPAIR_TITLE = 'Fixit Repair & Resale';

export type RepairTab = 'customers' | 'tickets' | 'settings';

const TABS: readonly { tab: RepairTab; label: string; path: string }[] = [
  { tab: 'customers', label: 'Customers', path: '/repair/customers' },
  { tab: 'tickets', label: 'Tickets', path: '/repair/tickets' },
  { tab: 'settings', label: 'Settings', path: '/repair/settings' },
];

const STYLE = html`<style>
  body {
    margin: 0;
    font:
      13px/1.4 Verdana,
      Geneva,
      sans-serif;
    color: #222;
    background: #ececec;
  }
  a {
    color: #0645ad;
  }
  #top {
    background: #c0392b;
    color: #fff;
    padding: 8px 14px;
  }
  #top b {
    font-size: 18px;
  }
  #top span {
    float: right;
  }
  #top a {
    color: #fff;
  }
  #tabs {
    background: #7f8c8d;
    padding: 0 10px;
  }
  #tabs a {
    display: inline-block;
    padding: 6px 14px;
    color: #fff;
    text-decoration: none;
  }
  #tabs a.on {
    background: #ececec;
    color: #222;
    font-weight: bold;
  }
  #page {
    padding: 12px 16px;
  }
  #page table {
    border-collapse: collapse;
    background: #fff;
    margin-bottom: 14px;
  }
  #page th,
  #page td {
    border: 1px solid #bbb;
    padding: 4px 8px;
    text-align: left;
    vertical-align: top;
  }
  #page th {
    background: #ddd;
  }
  #page h1 {
    font-size: 18px;
  }
  #page h2 {
    font-size: 15px;
    margin-top: 18px;
  }
  #foot {
    color: #777;
    font-size: 11px;
    padding: 8px 16px;
  }
  fieldset {
    background: #fff;
    max-width: 460px;
  }
  label {
    display: block;
    margin: 8px 0 2px;
  }
</style>`;

export function repairPage(title: string, tab: RepairTab | null, content: SafeHtml): string {
  return htmlPage({
    title: `${title} - ${REPAIR_TITLE}`,
    head: STYLE,
    body: html`<div id="top">
        <b>${REPAIR_TITLE}</b> &nbsp; Counter
        <span>Logged in: counter1 | <a href="/repair/login">Log out</a></span>
      </div>
      <div id="tabs">
        ${TABS.map(
          (item) =>
            html`<a href="${item.path}" ${item.tab === tab ? html`class="on"` : ''}>${item.label}</a>`,
        )}
      </div>
      <div id="page">${content}</div>
      <div id="foot">Fixit Counter 2.3 · Store #4 · Mission St</div>`,
  });
}

/** Before sign-in: the banner only. */
export function repairBarePage(title: string, content: SafeHtml): string {
  return htmlPage({
    title: `${title} - ${REPAIR_TITLE}`,
    head: STYLE,
    body: html`<div id="top"><b>${REPAIR_TITLE}</b></div>
      <div id="page">${content}</div>`,
  });
}
