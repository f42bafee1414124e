/** Paging shared by every list page: 50 rows a page, `?page=N`, clamped to the pages that exist. */
import { html, type SafeHtml } from './html';

export const PAGE_SIZE = 50;

export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
}

export function paginate<T>(items: readonly T[], requested: number, pageSize = PAGE_SIZE): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const page = Math.min(Math.max(1, requested), pageCount);
  const start = (page - 1) * pageSize;
  return { items: items.slice(start, start + pageSize), page, pageCount, total: items.length };
}

/**
 * Previous / Next links as plain anchors, so paging works without JavaScript. Links keep the other
 * query parameters (a search, say) of the current URL.
 */
export function pagerNav(current: URL, { page, pageCount, total }: Page<unknown>, noun: string): SafeHtml {
  const hrefFor = (target: number): string => {
    const params = new URLSearchParams(current.search);
    params.set('page', String(target));
    return `${current.pathname}?${params.toString()}`;
  };
  const link = (target: number, label: string, rel: string): SafeHtml =>
    html`<a class="pager-link" rel="${rel}" href="${hrefFor(target)}">${label}</a>`;
  return html`<nav class="pager" aria-label="Pagination">
    ${page > 1 ? link(page - 1, '← Previous', 'prev') : html`<span class="pager-link disabled">← Previous</span>`}
    <span class="pager-status">Page ${page} of ${pageCount} · ${total} ${noun}</span>
    ${page < pageCount ? link(page + 1, 'Next →', 'next') : html`<span class="pager-link disabled">Next →</span>`}
  </nav>`;
}
