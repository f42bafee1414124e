import type { SnapshotField } from '../domain/contact-snapshot';
import type { BackOfficeAdapter, PageFields } from './adapter';

/** Row labels of the customer table, lower-cased and without a trailing colon, to the field each holds. */
const LABELS: Readonly<Record<string, SnapshotField>> = {
  'customer #': 'externalId',
  name: 'name',
  email: 'email',
  phone: 'phone',
  company: 'company',
};

/**
 * The customer table's cells by label. The page has no classes to hold on to: each field is a row
 * with its label in a th and its value in the td beside it (list headers, th beside th, are skipped).
 */
function labelledCells(doc: Document): Map<string, Element> {
  const cells = new Map<string, Element>();
  for (const th of doc.querySelectorAll('tr > th')) {
    const td = th.nextElementSibling;
    if (td?.tagName !== 'TD') continue;
    const label = (th.textContent ?? '').trim().replace(/\s*:$/, '').toLowerCase();
    if (!cells.has(label)) cells.set(label, td);
  }
  return cells;
}

/** Fixit Repair & Resale: a repair and resale shop's counter app (served by the demo under /repair). */
export const repair: BackOfficeAdapter = {
  id: 'repair',
  name: 'Fixit Repair & Resale',
  examples: ['http://127.0.0.1:5178/repair/customer?id=1042', 'https://fixit.example/customer?id=7'],
  // The customer's id is only in the URL (?id=1042) and in the "Customer #" row.
  matches: (url) => /\/customer\/?$/.test(url.pathname) && /^\d+$/.test(url.searchParams.get('id') ?? ''),
  detect: (doc) => labelledCells(doc).has('customer #'),
  extract(doc, url) {
    const fields: PageFields = {};
    for (const [label, cell] of labelledCells(doc)) {
      const field = LABELS[label];
      // Empty values are empty cells; detect.ts drops empty text.
      if (field) fields[field] = cell.textContent ?? undefined;
    }
    fields.externalId ??= url.searchParams.get('id') ?? undefined;
    return fields;
  },
};
