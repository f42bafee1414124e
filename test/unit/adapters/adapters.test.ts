// @vitest-environment happy-dom
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectContact } from '../../../src/adapters/detect';
import { adapters } from '../../../src/adapters/registry';
import type { BackOfficeAdapter } from '../../../src/adapters/adapter';

const only = (known: readonly BackOfficeAdapter[]) => ({ adapters: known, recipes: [], generic: false });

/**
 * Every adapter reads the right contact from each of its own fixture pages, reports its redesigned
 * pages as broken, and detects nothing on its non-customer pages nor on any other adapter's pages.
 * The pages are the demo back offices as Chromium rendered them (test/demo/write-fixtures.ts).
 *
 * Each folder test/fixtures/adapters/<id>/ holds:
 * - cases.json: pages and the contact the folder's adapter must read, or null for pages with no
 *   contact (test/unit/adapters/generic.test.ts reads it that way too);
 * - broken.json (optional): redesigned pages the adapter recognises but can no longer read;
 * - customer-pages.json (other-sites only): customer pages of back offices no adapter knows.
 */
interface FixtureCase {
  page: string;
  url: string;
  contact: Record<string, string> | null;
}

interface BrokenCase {
  page: string;
  url: string;
  /** The field the broken page no longer yields, named first in the reason. */
  missing: string;
  /** What the page still yields, to prefill the form the user completes. */
  partial: Record<string, string>;
}

const FIXTURES = join(import.meta.dirname, '../../fixtures/adapters');

function listIn<T>(folder: string, file: string): T[] {
  const path = join(FIXTURES, folder, file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T[]) : [];
}

const casesOf = (folder: string) => listIn<FixtureCase>(folder, 'cases.json');
const brokenOf = (folder: string) => listIn<BrokenCase>(folder, 'broken.json');

function load(folder: string, page: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, folder, page), 'utf8'), 'text/html');
}

const folders = readdirSync(FIXTURES);

/** Every page in every folder, whatever its list, for the checks that no other adapter claims it. */
const allPages = folders.flatMap((folder) =>
  [
    ...casesOf(folder),
    ...brokenOf(folder),
    ...listIn<{ page: string; url: string }>(folder, 'customer-pages.json'),
  ].map(({ page, url }) => ({ folder, page, url })),
);

describe('every adapter has fixtures', () => {
  it.each(adapters.map((adapter) => adapter.id))('%s', (id) => {
    expect(folders).toContain(id);
    expect(casesOf(id).some((fixture) => fixture.contact !== null)).toBe(true);
    expect(casesOf(id).some((fixture) => fixture.contact === null)).toBe(true);
  });

  it('lists every fixture page exactly once', () => {
    for (const folder of folders) {
      const pages = readdirSync(join(FIXTURES, folder)).filter((file) => file.endsWith('.html'));
      const listed = allPages.filter((fixture) => fixture.folder === folder).map((fixture) => fixture.page);
      expect(listed.sort(), folder).toEqual(pages.sort());
    }
  });
});

describe.each(folders)('fixtures of %s', (folder) => {
  it.each(casesOf(folder))('$page', ({ page, url, contact }) => {
    const detection = detectContact(load(folder, page), new URL(url), only(adapters));
    if (contact === null) {
      expect(detection.status).toBe('none');
      return;
    }
    expect(detection.status).toBe('found');
    if (detection.status !== 'found') return;
    expect(detection.source.id).toBe(folder);
    expect(detection.snapshot).toEqual({ backOffice: folder, ...contact, url });
  });
});

describe('a redesigned back office', () => {
  const broken = folders.flatMap((folder) => brokenOf(folder).map((fixture) => ({ folder, ...fixture })));

  it.each(broken)(
    '$folder/$page is reported as broken, keeping what it still reads',
    ({ folder, page, url, missing, partial }) => {
      const detection = detectContact(load(folder, page), new URL(url), only(adapters));
      expect(detection).toEqual({
        status: 'broken',
        source: { kind: 'adapter', id: folder, name: expect.any(String) },
        reason: expect.stringMatching(new RegExp(`^${missing}\\b`)),
        partial,
      });
    },
  );

  it('covers the redesign of every adapter’s back office', () => {
    expect(broken.map((fixture) => fixture.folder).sort()).toEqual(
      adapters.map((adapter) => adapter.id).sort(),
    );
  });

  it('reports a Northwind page without its detail container as no customer, not as broken', () => {
    const doc = load('northwind', 'customer-C-00042.html');
    doc.querySelector('main.customer-detail')?.classList.remove('customer-detail');
    const detection = detectContact(doc, new URL('http://127.0.0.1/rep/customers/C-00042'), only(adapters));
    expect(detection.status).toBe('none');
  });

  it('reports a recognised page it can no longer read as broken, naming the field', () => {
    const doc = load('northwind', 'customer-C-00042.html');
    doc.querySelector('.customer-email')!.textContent = 'not-an-email';
    const detection = detectContact(doc, new URL('http://127.0.0.1/rep/customers/C-00042'), only(adapters));
    expect(detection).toMatchObject({ status: 'broken', reason: expect.stringMatching(/email/) });
  });
});

describe('each adapter on every other adapter’s pages', () => {
  const pairs = adapters.flatMap((adapter) =>
    allPages.filter((fixture) => fixture.folder !== adapter.id).map((fixture) => ({ adapter, ...fixture })),
  );
  it.each(pairs)('$adapter.id on $folder/$page', ({ adapter, folder, page, url }) => {
    const detection = detectContact(load(folder, page), new URL(url), only([adapter]));
    expect(detection.status).toBe('none');
  });
});

describe('URL filters', () => {
  it.each(adapters.flatMap((adapter) => adapter.examples.map((example) => ({ adapter, example }))))(
    '$adapter.id matches its example $example',
    ({ adapter, example }) => expect(adapter.matches(new URL(example))).toBe(true),
  );

  // Cheap filters keep the DOM check off pages that cannot be this back office's customer pages.
  const others = adapters.flatMap((adapter) =>
    adapters
      .filter((other) => other !== adapter)
      .flatMap((other) => other.examples.map((example) => ({ adapter, example }))),
  );
  it.each(others)(
    '$adapter.id does not match another back office’s example $example',
    ({ adapter, example }) => expect(adapter.matches(new URL(example))).toBe(false),
  );

  const listsAndForms = allPages.filter(({ page }) =>
    /(list|orders|tickets|contacts|clients|settings|login|product)[^/]*\.html$/.test(page),
  );
  it.each(listsAndForms)('no adapter’s filter matches $folder/$page', ({ url }) => {
    expect(adapters.filter((adapter) => adapter.matches(new URL(url))).map((adapter) => adapter.id)).toEqual(
      [],
    );
  });
});
