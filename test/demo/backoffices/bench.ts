/**
 * Pages for `npm run bench`, not a back office of their own. /bench/customers/C-00042 is the rep customer
 * page for C-00042 (same `main.customer-detail` markup) buried in about 5,000 elements, the page size
 * the "page ready → contact detected ≤ 20 ms" budget in DESIGN.md is stated for.
 */
import { htmlResponse, type DemoBackOffice } from '../backoffice';
import { html, type SafeHtml } from '../html';
import { createRandom } from '../random';
import { routeRequest, type Route } from '../router';
import { SAMPLE_CUSTOMER_ID } from '../seed';
import { customerDetailMain } from './rep/customers';
import { repPage } from './rep/layout';

/*
 * Element budget, counted as opening tags in the served HTML with seed 42: rep chrome and head 30,
 * the customer main with C-00042's 14 orders 94, the territory menu 2 + 2 × 150 = 302, the activity
 * history 12 + 660 rows × 7 = 4,632: 5,058 in all. test/unit/demo asserts 5,000–6,000.
 */
const TERRITORY_LINKS = 150;
const HISTORY_ROWS = 660;

const ACTIVITY_KINDS = ['Call', 'Email', 'Sample sent', 'Note', 'Visit', 'Follow-up'] as const;
const ACTIVITY_NOTES = [
  'Asked about the spring catalog',
  'Left a voicemail, will try again Thursday',
  'Interested in the travel sizes for the salon',
  'Reorder reminder sent',
  'Discussed bulk pricing for the holiday season',
  'Samples well received; wants a follow-up demo',
] as const;
const REPS = ['Jordan Reyes', 'Sam Whitaker', 'Priya Natarajan', 'Lee Chen'] as const;

function territoryMenu(): SafeHtml {
  const links = Array.from({ length: TERRITORY_LINKS }, (_, index) => {
    const zone = `Territory ${String(index + 1).padStart(3, '0')}`;
    return html`<li><a href="/rep/customers?q=${encodeURIComponent(zone)}">${zone}</a></li>`;
  });
  return html`<nav aria-label="Territories">
    <ul class="territory-menu">
      ${links}
    </ul>
  </nav>`;
}

/** Its own PRNG stream, so the history never shifts the seeded demo data (and vice versa). */
function activityHistory(): SafeHtml {
  const random = createRandom(20260101);
  const rows = Array.from({ length: HISTORY_ROWS }, (_, index) => {
    const day = new Date(Date.UTC(2026, 11, 31 - Math.floor(index / 2))).toISOString().slice(0, 10);
    return html`<tr>
      <td>${day}</td>
      <td>${random.pick(ACTIVITY_KINDS)}</td>
      <td>${random.pick(ACTIVITY_NOTES)}</td>
      <td>${random.pick(REPS)}</td>
      <td class="num">${random.int(1, 45)} min</td>
      <td>${random.chance(0.8) ? 'Done' : 'Open'}</td>
    </tr>`;
  });
  return html`<section class="activity-history">
    <h2>Activity history</h2>
    <table>
      <thead>
        <tr>
          <th>Date</th>
          <th>Type</th>
          <th>Note</th>
          <th>Rep</th>
          <th class="num">Duration</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </section>`;
}

const routes: readonly Route[] = [
  {
    method: 'GET',
    path: /^\/bench\/customers\/C-00042$/,
    respond: ({ data }) => {
      const customer = data.customerById.get(SAMPLE_CUSTOMER_ID);
      if (!customer) return null;
      return htmlResponse(
        repPage({
          title: customer.name,
          section: 'customers',
          breadcrumbs: html`<a href="/rep/customers">Customers</a> › ${customer.id}`,
          before: territoryMenu(),
          content: customerDetailMain(customer, data),
          after: activityHistory(),
        }),
      );
    },
  },
];

export const benchPages: DemoBackOffice = {
  id: 'bench',
  title: 'Benchmark pages',
  basePath: '/bench',
  description: 'Oversized pages for npm run bench.',
  pages: [{ label: 'Heavy customer page (~5,000 elements)', path: '/bench/customers/C-00042' }],
  handle: (req, url, data) => routeRequest(routes, req, url, data),
};
