// @vitest-environment happy-dom
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectContact } from '../../../src/adapters/detect';
import { adapters } from '../../../src/adapters/registry';
import type { BackOfficeAdapter } from '../../../src/adapters/adapter';

const only = (known: readonly BackOfficeAdapter[]) => ({ adapters: known, recipes: [], generic: false });

/**
 * Every adapter reads the right contact from each of its own fixture pages, and detects nothing
 * on its non-customer pages nor on any other adapter's pages.
 */
interface FixtureCase {
  page: string;
  url: string;
  contact: Record<string, string> | null;
}

const FIXTURES = join(import.meta.dirname, '../../fixtures/adapters');

function casesOf(folder: string): FixtureCase[] {
  return JSON.parse(readFileSync(join(FIXTURES, folder, 'cases.json'), 'utf8')) as FixtureCase[];
}

function load(folder: string, page: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, folder, page), 'utf8'), 'text/html');
}

const folders = readdirSync(FIXTURES);

describe('every adapter has fixtures', () => {
  it.each(adapters.map((adapter) => adapter.id))('%s', (id) => {
    expect(folders).toContain(id);
    expect(casesOf(id).some((fixture) => fixture.contact !== null)).toBe(true);
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

describe('each adapter on every other adapter’s pages', () => {
  const pairs = adapters.flatMap((adapter) =>
    folders
      .filter((folder) => folder !== adapter.id)
      .flatMap((folder) => casesOf(folder).map((fixture) => ({ adapter, folder, fixture }))),
  );
  it.skipIf(pairs.length === 0).each(pairs)(
    '$adapter.id on $folder/$fixture.page',
    ({ adapter, folder, fixture }) => {
      expect(detectContact(load(folder, fixture.page), new URL(fixture.url), only([adapter])).status).toBe('none');
    },
  );
});

describe('URL filters', () => {
  it.each(adapters.flatMap((adapter) => adapter.examples.map((example) => ({ adapter, example }))))(
    '$adapter.id matches its example $example',
    ({ adapter, example }) => expect(adapter.matches(new URL(example))).toBe(true),
  );
});

describe('a redesigned back office', () => {
  it('reports a recognised page it can no longer read as broken, naming the field', () => {
    const doc = load('northwind', 'customer-C-00042.html');
    doc.querySelector('.customer-email')!.textContent = 'not-an-email';
    const detection = detectContact(doc, new URL('http://127.0.0.1/rep/customers/C-00042'), only(adapters));
    expect(detection).toMatchObject({ status: 'broken', reason: expect.stringMatching(/email/) });
  });
});
