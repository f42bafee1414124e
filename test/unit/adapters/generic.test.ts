// @vitest-environment happy-dom
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageFields } from '../../../src/adapters/adapter';
import { detectContact, SURE_CONFIDENCE } from '../../../src/adapters/detect';
import { detectGeneric } from '../../../src/adapters/generic';

/**
 * The generic guess on pages no adapter knows: each fixture page in test/fixtures/generic yields
 * the contact its case names, in the confidence band it names, or nothing.
 */
interface GenericCase {
  page: string;
  url: string;
  fields: PageFields | null;
  band?: 'sure' | 'possible';
}

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const genericOnly = { adapters: [], recipes: [], generic: true };

function load(path: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, path), 'utf8'), 'text/html');
}

function casesIn<T>(folder: string): T[] {
  return JSON.parse(readFileSync(join(FIXTURES, folder, 'cases.json'), 'utf8')) as T[];
}

const cases = casesIn<GenericCase>('generic');

describe('generic fixtures', () => {
  it('cover every page in the folder, each once', () => {
    const pages = readdirSync(join(FIXTURES, 'generic')).filter((file) => file.endsWith('.html'));
    expect(cases.map((fixture) => fixture.page).sort()).toEqual(pages.sort());
    expect(cases.filter((fixture) => fixture.band === 'sure').length).toBeGreaterThan(0);
    expect(cases.filter((fixture) => fixture.band === 'possible').length).toBeGreaterThan(0);
    expect(cases.filter((fixture) => fixture.fields === null).length).toBeGreaterThan(0);
  });

  it.each(cases)('$page through detectContact', ({ page, url, fields, band }) => {
    const detection = detectContact(load(`generic/${page}`), new URL(url), genericOnly);
    if (fields === null) {
      expect(detection.status).toBe('none');
      return;
    }
    expect(detection).toMatchObject({ status: 'found', source: { kind: 'generic', id: 'generic' } });
    if (detection.status !== 'found') return;
    expect(detection.snapshot).toEqual({ backOffice: 'generic', ...fields, url });
    expect(detection.confidence >= SURE_CONFIDENCE ? 'sure' : 'possible').toBe(band);
  });

  it.each(cases)('$page through detectGeneric', ({ page, url, fields, band }) => {
    const guess = detectGeneric(load(`generic/${page}`), new URL(url));
    if (fields === null) {
      expect(guess).toBeNull();
      return;
    }
    expect(guess?.fields).toEqual(fields);
    expect(guess!.confidence).toBeGreaterThan(0);
    expect(guess!.confidence).toBeLessThanOrEqual(1);
    expect(guess!.confidence >= SURE_CONFIDENCE ? 'sure' : 'possible').toBe(band);
  });
});

interface AdapterCase {
  page: string;
  url: string;
  contact: Record<string, string> | null;
}

// The one page no built-in adapter knows that the generic guess exists for.
const UNKNOWN_CRM = {
  name: 'Grace Hopper',
  email: 'grace@example.com',
  phone: '+1 415 555 0199',
  externalId: '1234',
};

describe('the generic guess on the adapters’ pages without a contact', () => {
  const pages = readdirSync(join(FIXTURES, 'adapters')).flatMap((folder) =>
    casesIn<AdapterCase>(`adapters/${folder}`)
      .filter((fixture) => fixture.contact === null)
      .map((fixture) => ({ path: `adapters/${folder}/${fixture.page}`, url: fixture.url })),
  );

  it.each(pages)('$path yields no sure contact', ({ path, url }) => {
    const guess = detectGeneric(load(path), new URL(url));
    if (path.endsWith('/unknown-crm-customer.html')) {
      expect(guess).toEqual({ fields: UNKNOWN_CRM, confidence: expect.any(Number) });
      return;
    }
    expect(guess === null || guess.confidence < SURE_CONFIDENCE).toBe(true);
  });

  it('reads the customer on an unknown CRM page (no adapter, nothing taught)', () => {
    const detection = detectContact(
      load('adapters/other-sites/unknown-crm-customer.html'),
      new URL('https://crm.example.com/customers/1234'),
      genericOnly,
    );
    expect(detection).toMatchObject({ status: 'found', snapshot: UNKNOWN_CRM });
    expect(detection.status === 'found' && detection.confidence).toBeGreaterThanOrEqual(SURE_CONFIDENCE);
  });
});

describe('the generic guess on the adapters’ customer pages', () => {
  // Where an adapter knows the page, whatever the guess reads must agree with it.
  const pages = readdirSync(join(FIXTURES, 'adapters')).flatMap((folder) =>
    casesIn<AdapterCase>(`adapters/${folder}`)
      .filter((fixture) => fixture.contact !== null)
      .map((fixture) => ({ path: `adapters/${folder}/${fixture.page}`, ...fixture })),
  );

  it.each(pages)('$path', ({ path, url, contact }) => {
    const guess = detectGeneric(load(path), new URL(url));
    if (guess) expect(contact).toMatchObject(guess.fields);
  });
});

describe('pages built in the test', () => {
  const page = (body: string, head = '') =>
    new DOMParser().parseFromString(
      `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
      'text/html',
    );
  const url = new URL('https://backoffice.example.com/page');

  it('ignores Tally’s own launcher, hidden fields and placeholders', () => {
    const doc = page(`
      <h1>Ada Lovelace</h1>
      <tally-launcher><span>Email: tally@example.com</span></tally-launcher>
      <div style="display: none">Phone: 555 0101</div>
      <input aria-label="Email" placeholder="ada@example.com">`);
    expect(detectGeneric(doc, url)).toBeNull();
  });

  it('takes a heading alone for no contact', () => {
    expect(detectGeneric(page('<h1>Ada Lovelace</h1><p>Notes about Ada.</p>'), url)).toBeNull();
  });

  it('takes a lone labelled name for no contact', () => {
    expect(detectGeneric(page('<dl><dt>Name</dt><dd>Classic Glass Spray</dd></dl>'), url)).toBeNull();
  });

  it('does not take a placeholder dash or an address for a name', () => {
    const doc = page(
      '<h1>Ada Lovelace</h1><dl><dt>Name</dt><dd>—</dd><dt>Email</dt><dd>ada@example.com</dd></dl>',
    );
    expect(detectGeneric(doc, url)?.fields.name).toBe('Ada Lovelace');
  });

  it('reads an input after a label that is not tied to it, and never the next label', () => {
    const doc = page(`
      <main>
        <label>Name</label><input value="Ada Lovelace">
        <label for="missing">Company</label><span></span><label>Email</label><input value="ada@example.com">
      </main>`);
    expect(detectGeneric(doc, url)).toEqual({
      fields: { name: 'Ada Lovelace', email: 'ada@example.com' },
      confidence: 0.9,
    });
  });

  it('picks the JSON-LD mainEntity among several people', () => {
    const graph = JSON.stringify({
      '@graph': [
        { '@type': 'WebPage', mainEntity: { '@id': '#b' } },
        { '@type': 'Person', '@id': '#a', name: 'Alan Turing', email: 'alan@example.com' },
        { '@type': 'Person', '@id': '#b', name: 'Joan Clarke', email: 'joan@example.com' },
      ],
    });
    const guess = detectGeneric(page('', `<script type="application/ld+json">${graph}</script>`), url);
    expect(guess).toEqual({ fields: { name: 'Joan Clarke', email: 'joan@example.com' }, confidence: 0.95 });
  });

  it('gives up on several JSON-LD people with nothing to choose between them', () => {
    const people = JSON.stringify([
      { '@type': 'Person', name: 'Alan Turing', email: 'alan@example.com' },
      { '@type': 'Person', name: 'Joan Clarke', email: 'joan@example.com' },
    ]);
    expect(detectGeneric(page('', `<script type="application/ld+json">${people}</script>`), url)).toBeNull();
  });

  it('keeps labelled suppliers as suppliers', () => {
    const doc = page(
      '<table><tr><th>Vendor</th><td>Acme Tools</td></tr><tr><th>Phone</th><td>555 0101</td></tr></table>',
    );
    expect(detectGeneric(doc, url)).toEqual({
      fields: { name: 'Acme Tools', phone: '555 0101', role: 'supplier' },
      confidence: 0.9,
    });
  });

  it('never throws, whatever the page holds', () => {
    const nested = '['.repeat(5000) + ']'.repeat(5000);
    const doc = page(
      '<a href="mailto:%E0%A4%A">x</a><a href="tel:%">y</a><label for="">Email</label><svg class="label"><text>Email</text></svg>',
      `<script type="application/ld+json">{"@type":"Person","name":${nested}}</script>`,
    );
    expect(() => detectGeneric(doc, url)).not.toThrow();
  });
});
