/** The Till POS chrome: a dark side rail and a light work area, like today's point-of-sale web apps. */
import { html, htmlPage, type SafeHtml } from '../../html';

export const POS_TITLE = 'Till POS';

export type PosSection = 'contacts' | 'settings';

const NAV: readonly { section: PosSection; label: string; path: string }[] = [
  { section: 'contacts', label: 'Contacts', path: '/pos/contacts' },
  { section: 'settings', label: 'Settings', path: '/pos/settings' },
];

const STYLE = html`<style>
  * {
    box-sizing: border-box;
  }
  body {
    margin: 0;
    display: flex;
    min-height: 100vh;
    font:
      14px/1.5 Inter,
      system-ui,
      sans-serif;
    color: #111827;
    background: #f9fafb;
  }
  .rail {
    width: 180px;
    flex: none;
    background: #111827;
    color: #e5e7eb;
    padding: 16px 0;
  }
  .rail .logo {
    display: block;
    padding: 0 18px 16px;
    font-weight: 800;
    font-size: 18px;
    color: #34d399;
    text-decoration: none;
  }
  .rail a.nav {
    display: block;
    padding: 8px 18px;
    color: #d1d5db;
    text-decoration: none;
  }
  .rail a.nav[aria-current='page'] {
    background: #1f2937;
    color: #fff;
  }
  .work {
    flex: 1;
    display: flex;
    min-width: 0;
  }
  .work > main {
    flex: 1;
    padding: 20px 24px;
    min-width: 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    background: #fff;
    border-radius: 8px;
  }
  th,
  td {
    padding: 8px 10px;
    border-bottom: 1px solid #e5e7eb;
    text-align: left;
  }
  th {
    font-size: 12px;
    text-transform: uppercase;
    color: #6b7280;
  }
  .badge {
    display: inline-block;
    padding: 1px 8px;
    border-radius: 999px;
    font-size: 12px;
    background: #d1fae5;
    color: #065f46;
  }
  .badge--supplier {
    background: #e0e7ff;
    color: #3730a3;
  }
  .filters {
    display: flex;
    gap: 8px;
    margin-bottom: 12px;
  }
  .contact-drawer {
    width: 360px;
    flex: none;
    background: #fff;
    border-left: 1px solid #e5e7eb;
    padding: 20px;
  }
  .contact-drawer header {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
  }
  .contact-drawer h2,
  .contact-drawer__title {
    margin: 0;
    font-size: 18px;
    font-weight: 700;
  }
  .contact-drawer header button {
    margin-left: auto;
  }
  .contact-drawer dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 6px 16px;
  }
  .contact-drawer dt {
    color: #6b7280;
  }
  .contact-drawer dd {
    margin: 0;
  }
  .toast {
    position: fixed;
    bottom: 16px;
    right: 16px;
    background: #991b1b;
    color: #fff;
    padding: 8px 14px;
    border-radius: 6px;
  }
  form.card {
    background: #fff;
    padding: 16px 20px;
    border-radius: 8px;
    max-width: 460px;
  }
  form.card label {
    display: block;
    margin: 10px 0 4px;
    font-weight: 600;
  }
  form.card input,
  form.card select {
    width: 100%;
    padding: 6px 8px;
  }
</style>`;

export interface PosPageOptions {
  readonly title: string;
  readonly section: PosSection;
  /** The work area: a main, and for contacts the drawer beside it. */
  readonly content: SafeHtml;
  readonly scripts?: SafeHtml;
}

export function posPage({ title, section, content, scripts }: PosPageOptions): string {
  return htmlPage({
    title: `${title} | ${POS_TITLE}`,
    head: STYLE,
    body: html`<nav class="rail" aria-label="Till POS">
        <a class="logo" href="/pos/contacts">${POS_TITLE}</a>
        ${NAV.map(
          (item) =>
            html`<a
              class="nav"
              href="${item.path}"
              ${item.section === section ? html`aria-current="page"` : ''}
              >${item.label}</a
            >`,
        )}
        <a class="nav" href="/pos/login">Lock till</a>
      </nav>
      <div class="work">${content}</div>
      ${scripts}`,
  });
}

/** The lock screen: no rail. */
export function posBarePage(title: string, content: SafeHtml): string {
  return htmlPage({
    title: `${title} | ${POS_TITLE}`,
    head: STYLE,
    body: html`<div class="work">${content}</div>`,
  });
}
