/**
 * The bulk that makes a benchmark page about 5,000 elements: a long link menu and an activity history,
 * as busy back-office pages have around the one record Tally reads.
 */
import { html, type SafeHtml } from '../../html';
import { createRandom } from '../../random';

const ACTIVITY_KINDS = ['Call', 'Email', 'Sample sent', 'Note', 'Visit', 'Follow-up'] as const;
const ACTIVITY_NOTES = [
  'Asked about the spring catalog',
  'Left a voicemail, will try again Thursday',
  'Interested in the travel sizes for the salon',
  'Reorder reminder sent',
  'Discussed bulk pricing for the holiday season',
  'Samples well received; wants a follow-up demo',
] as const;
const STAFF = ['Jordan Reyes', 'Sam Whitaker', 'Priya Natarajan', 'Lee Chen'] as const;

/** 2 + 2 × `count` elements. */
export function linkMenu(label: string, count: number, hrefFor: (name: string) => string): SafeHtml {
  const links = Array.from({ length: count }, (_, index) => {
    const name = `${label} ${String(index + 1).padStart(3, '0')}`;
    return html`<li><a href="${hrefFor(name)}">${name}</a></li>`;
  });
  return html`<nav aria-label="${label}s">
    <ul class="territory-menu">
      ${links}
    </ul>
  </nav>`;
}

/**
 * 12 + 7 × `rows` elements. Its own PRNG stream, so the history never shifts the seeded demo data
 * (and vice versa).
 */
export function activityHistory(rows: number): SafeHtml {
  const random = createRandom(20260101);
  const body = Array.from({ length: rows }, (_, index) => {
    const day = new Date(Date.UTC(2026, 11, 31 - Math.floor(index / 2))).toISOString().slice(0, 10);
    return html`<tr>
      <td>${day}</td>
      <td>${random.pick(ACTIVITY_KINDS)}</td>
      <td>${random.pick(ACTIVITY_NOTES)}</td>
      <td>${random.pick(STAFF)}</td>
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
          <th>Staff</th>
          <th class="num">Duration</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        ${body}
      </tbody>
    </table>
  </section>`;
}
