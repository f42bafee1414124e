/**
 * The Northwind Direct chrome: header bar, left nav, footer. Enough of a real back office around the
 * page content that an adapter must find the customer by its markup, not by being the only thing there.
 */
import { html, htmlPage, type SafeHtml } from '../../html';
import { REP_STYLE } from './style';

export const REP_TITLE = 'Northwind Direct';

export type RepSection = 'customers' | 'products' | 'orders' | 'settings';

const NAV: readonly { section: RepSection; label: string; path: string }[] = [
  { section: 'customers', label: 'Customers', path: '/rep/customers' },
  { section: 'products', label: 'Products', path: '/rep/products' },
  { section: 'orders', label: 'Orders', path: '/rep/orders' },
  { section: 'settings', label: 'Settings', path: '/rep/settings' },
];

export interface RepPageOptions {
  readonly title: string;
  readonly section: RepSection | null;
  /** Usually a `<main>`; its markup is the page's own business. */
  readonly content: SafeHtml;
  readonly breadcrumbs?: SafeHtml;
  /** Markup between the breadcrumbs and the main content (the benchmark page adds bulk here). */
  readonly before?: SafeHtml;
  /** Markup after the main content, inside the content column (the benchmark page adds bulk here). */
  readonly after?: SafeHtml;
}

export function repPage({ title, section, content, breadcrumbs, before, after }: RepPageOptions): string {
  return htmlPage({
    title: `${title} · ${REP_TITLE}`,
    head: REP_STYLE,
    body: html`<header class="topbar">
        <a class="brand" href="/rep/customers">${REP_TITLE} <span>Rep Portal</span></a>
        <form class="search" action="/rep/customers" method="get" role="search">
          <input type="search" name="q" placeholder="Search customers" aria-label="Search customers" />
        </form>
        <span class="user"
          >Signed in as Jordan Reyes · <a href="/rep/login" style="color:#c8d6e5">Sign out</a></span
        >
      </header>
      <div class="shell">
        <nav class="sidenav" aria-label="Main">
          <ul>
            ${NAV.map(
              (item) =>
                html`<li>
                  <a href="${item.path}" ${item.section === section ? html` aria-current="page"` : ''}
                    >${item.label}</a
                  >
                </li>`,
            )}
          </ul>
        </nav>
        <div class="content">
          ${breadcrumbs ? html`<div class="breadcrumbs">${breadcrumbs}</div>` : ''} ${before} ${content}
          ${after}
        </div>
      </div>
      <footer>
        © 2026 Northwind Direct, Inc. · Rep Portal v4.12.3 · <a href="/rep/settings">Settings</a>
      </footer>`,
  });
}

/** Pages shown before sign-in: no nav, no user. */
export function repBarePage(title: string, content: SafeHtml): string {
  return htmlPage({
    title: `${title} · ${REP_TITLE}`,
    head: REP_STYLE,
    body: html`<header class="topbar">
        <span class="brand">${REP_TITLE} <span>Rep Portal</span></span>
      </header>
      ${content}`,
  });
}
