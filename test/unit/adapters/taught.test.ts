// @vitest-environment happy-dom
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectContact } from '../../../src/adapters/detect';
import {
  parseRecipe,
  parseRecipeDraft,
  readRecipe,
  recipeMatches,
  type Locator,
  type Recipe,
  type RecipeDraft,
} from '../../../src/adapters/taught';
import { draftRecipe, learnField, locatorFor, pathPatternFor } from '../../../src/adapters/teach-recipe';
import type { SnapshotField } from '../../../src/domain/contact-snapshot';

const FIXTURES = join(import.meta.dirname, '../../fixtures/taught');

function load(folder: string, page: string): Document {
  return parse(readFileSync(join(FIXTURES, folder, page), 'utf8'));
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function recipeOf(draft: RecipeDraft): Recipe {
  const now = '2026-05-01T10:00:00.000Z';
  return { id: '7d2c1f7e-8a1b-4c3d-9e4f-5a6b7c8d9e0f', ...draft, createdAt: now, updatedAt: now };
}

function element(doc: Document, selector: string): Element {
  const found = doc.querySelector(selector);
  if (!found) throw new Error(`fixture has no ${selector}`);
  return found;
}

const only = (recipe: Recipe) => ({ adapters: [], recipes: [recipe], generic: false });

describe('pathPatternFor', () => {
  it.each([
    ['https://crm.example.com/clients/1234', '/clients/*'],
    ['https://crm.example.com/clients/1234/', '/clients/*/'],
    ['https://crm.example.com/clients/1234/orders', '/clients/*/orders'],
    ['https://crm.example.com/rep/customers/C-00042', '/rep/customers/*'],
    ['https://crm.example.com/customers/CUST_981', '/customers/*'],
    ['https://crm.example.com/contacts/550e8400-e29b-41d4-a716-446655440000/view', '/contacts/*/view'],
    ['https://crm.example.com/records/5f8d0d55b54764421b7156c9', '/records/*'],
    ['https://crm.example.com/api/v2/customers/42', '/api/v2/customers/*'],
    ['https://crm.example.com/customers', '/customers'],
    ['https://crm.example.com/', '/'],
    [
      'https://crm.example.com/index.php?module=Contacts&action=DetailView&record=17',
      '/index.php?module=Contacts&action=DetailView&record=*',
    ],
    ['https://crm.example.com/customer?id=42&utm_source=mail&fbclid=x', '/customer?id=*'],
    ['https://crm.example.com/app/#/contacts/42', '/app/#/contacts/*'],
    ['https://crm.example.com/#!/contacts/42?tab=notes', '/#!/contacts/*'],
    ['https://crm.example.com/page#details', '/page'],
  ])('%s → %s', (address, pattern) => {
    expect(pathPatternFor(new URL(address))).toBe(pattern);
  });

  it('matches the page it was made from', () => {
    for (const address of [
      'https://crm.example.com/clients/1234/orders',
      'https://crm.example.com/index.php?module=Contacts&record=17',
      'https://crm.example.com/app/#/contacts/42',
    ]) {
      const url = new URL(address);
      expect(recipeMatches(recipe({ origin: url.origin, pathPattern: pathPatternFor(url) }), url)).toBe(true);
    }
  });
});

function recipe(overrides: Partial<Recipe> = {}): Recipe {
  return recipeOf({
    name: 'Acme CRM',
    origin: 'https://crm.example.com',
    pathPattern: '/clients/*',
    fields: { name: { kind: 'css', selector: 'h1' } },
    ...overrides,
  });
}

describe('recipeMatches', () => {
  const clients = recipe();
  const php = recipe({ pathPattern: '/index.php?module=Contacts&record=*' });
  const hashed = recipe({ pathPattern: '/app/#/contacts/*' });

  it.each([
    [clients, 'https://crm.example.com/clients/1', true],
    [clients, 'https://crm.example.com/clients/1/', true],
    [clients, 'https://crm.example.com/clients/1?tab=notes#top', true],
    [clients, 'https://crm.example.com/clients', false],
    [clients, 'https://crm.example.com/clients/1/orders', false],
    [clients, 'https://crm.example.com/deals/1', false],
    [clients, 'http://crm.example.com/clients/1', false],
    [clients, 'https://crm.example.com:8443/clients/1', false],
    [clients, 'https://evil.example.com/clients/1', false],
    [php, 'https://crm.example.com/index.php?record=9&module=Contacts&return_module=Home', true],
    [php, 'https://crm.example.com/index.php?module=Leads&record=9', false],
    [php, 'https://crm.example.com/index.php?module=Contacts', false],
    [php, 'https://crm.example.com/index.php?module=Contacts&record=', false],
    [hashed, 'https://crm.example.com/app/#/contacts/42', true],
    [hashed, 'https://crm.example.com/app/#/contacts/42?tab=x', true],
    [hashed, 'https://crm.example.com/app/#/deals/42', false],
    [hashed, 'https://crm.example.com/app/', false],
  ])('%#: %s', (taught, address, expected) => {
    expect(recipeMatches(taught, new URL(address))).toBe(expected);
  });
});

describe('parseRecipe', () => {
  const valid: Recipe = recipe({
    fields: {
      name: { kind: 'css', selector: '#client-name' },
      email: { kind: 'label', label: 'Email' },
      phone: { kind: 'css', selector: '[data-testid="client-phone"]' },
      externalId: { kind: 'path', index: 1 },
      company: { kind: 'query', key: 'company' },
    },
  });

  it('round-trips a valid recipe through JSON', () => {
    expect(parseRecipe(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
    const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = valid;
    expect(parseRecipeDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  const bad: [string, unknown, string][] = [
    ['not an object', 'recipe', 'recipe:'],
    ['an array', [], 'recipe:'],
    ['no name', { ...valid, name: undefined }, 'name:'],
    ['a blank name', { ...valid, name: '   ' }, 'name:'],
    ['a long name', { ...valid, name: 'x'.repeat(101) }, 'name:'],
    ['an origin with a path', { ...valid, origin: 'https://crm.example.com/clients' }, 'origin:'],
    ['a file origin', { ...valid, origin: 'file:///etc' }, 'origin:'],
    ['a javascript origin', { ...valid, origin: 'javascript:alert(1)' }, 'origin:'],
    ['a relative pattern', { ...valid, pathPattern: 'clients/*' }, 'pathPattern:'],
    ['a pattern with spaces', { ...valid, pathPattern: '/clients/ *' }, 'pathPattern:'],
    ['no fields', { ...valid, fields: undefined }, 'fields:'],
    ['no name field', { ...valid, fields: { email: { kind: 'label', label: 'Email' } } }, 'fields.name:'],
    [
      'an unknown field',
      { ...valid, fields: { ...valid.fields, fax: { kind: 'label', label: 'Fax' } } },
      'fields.fax:',
    ],
    [
      'a __proto__ field',
      { ...valid, fields: JSON.parse('{"name":{"kind":"css","selector":"h1"},"__proto__":{"kind":"css"}}') },
      'fields.__proto__:',
    ],
    [
      'an unknown locator kind',
      { ...valid, fields: { name: { kind: 'xpath', path: '//h1' } } },
      'fields.name.kind:',
    ],
    ['a locator that is text', { ...valid, fields: { name: 'h1' } }, 'fields.name:'],
    [
      'a long selector',
      { ...valid, fields: { name: { kind: 'css', selector: 'h1 '.repeat(100) } } },
      'fields.name.selector:',
    ],
    [
      'a selector with a rule',
      { ...valid, fields: { name: { kind: 'css', selector: 'h1{}' } } },
      'fields.name.selector:',
    ],
    [
      'a control character',
      { ...valid, fields: { name: { kind: 'label', label: 'Na\u0000me' } } },
      'fields.name.label:',
    ],
    ['a negative segment', { ...valid, fields: { name: { kind: 'path', index: -1 } } }, 'fields.name.index:'],
    [
      'a fractional segment',
      { ...valid, fields: { name: { kind: 'path', index: 1.5 } } },
      'fields.name.index:',
    ],
    ['an empty query key', { ...valid, fields: { name: { kind: 'query', key: '' } } }, 'fields.name.key:'],
    ['a bad id', { ...valid, id: '42' }, 'id:'],
    ['a bad instant', { ...valid, createdAt: 'yesterday' }, 'createdAt:'],
    ['an impossible instant', { ...valid, updatedAt: '2026-13-45T10:00:00Z' }, 'updatedAt:'],
  ];
  it.each(bad)('rejects %s', (_what, raw, path) => {
    expect(() => parseRecipe(raw)).toThrow(path);
  });
});

describe('locatorFor', () => {
  const url = new URL('https://crm.example.com/clients/9081?view=full');
  const at = (html: string, selector: string): Locator => {
    const doc = parse(html);
    return locatorFor(element(doc, selector), doc, url);
  };

  it('prefers a stable id', () => {
    expect(at('<h1 id="client-name" data-field="name">Ada</h1><h2>Ada</h2>', 'h1')).toEqual({
      kind: 'css',
      selector: '#client-name',
    });
  });

  it('skips generated ids and uses data attributes', () => {
    for (const id of ['ember123', 'ext-gen42', ':r5:', 'a1b2c3', 'field-20240101']) {
      expect(at(`<span id="${id}" data-qa="client-email">a@b.co</span>`, 'span')).toEqual({
        kind: 'css',
        selector: '[data-qa="client-email"]',
      });
    }
  });

  it('skips attribute values that are the customer’s own data', () => {
    const html = '<p data-customer-id="C-00042" data-value="Ada" itemprop="name">Ada</p>';
    expect(at(html, 'p')).toEqual({ kind: 'css', selector: '[itemprop="name"]' });
  });

  it('uses the name of a form field', () => {
    expect(at('<input name="customer[email]" value="a@b.co"><input name="q">', 'input')).toEqual({
      kind: 'css',
      selector: '[name="customer[email]"]',
    });
  });

  it.each([
    ['<table><tr><th>Email</th><td id="ember9">a@b.co</td></tr></table>', 'td', 'Email'],
    ['<dl><dt>Phone:</dt><dd><a href="tel:1">555 0101</a></dd></dl>', 'a', 'Phone'],
    ['<label for="x7">E-mail *</label><input id="x7" value="a@b.co">', 'input', 'E-mail'],
    ['<label>Phone <input value="555 0101"></label>', 'input', 'Phone'],
    ['<p><span>Customer no.:</span> <span>7</span></p>', 'span + span', 'Customer no.'],
    ['<div><div><b>Name</b></div><div><span>Ada</span></div></div>', 'span', 'Name'],
  ])('reads a value next to its label: %s', (html, selector, label) => {
    expect(at(html, selector)).toEqual({ kind: 'label', label });
  });

  it('reads the customer id from the URL when the page only shows it', () => {
    expect(at('<h2>Client <span>9081</span></h2>', 'span')).toEqual({ kind: 'path', index: 1 });
    expect(at('<h2>View: <em>full</em></h2><h2>Other</h2>', 'em')).toEqual({ kind: 'query', key: 'view' });
  });

  it('falls back to a short class path, never an nth-child chain', () => {
    const html = `<main><div class="profile"><div class="row"><span>Ada</span></div></div>
      <div class="other"><div class="row"><span>Zed</span></div></div></main>`;
    const locator = at(html, '.profile span');
    expect(locator.kind).toBe('css');
    if (locator.kind !== 'css') return;
    expect(locator.selector).not.toMatch(/nth|:/);
    expect(locator.selector.split(' ').length).toBeLessThanOrEqual(3);
    expect(locator.selector).toBe('.profile span');
    expect(at('<main><h1 class="customer-name">Ada</h1></main>', 'h1')).toEqual({
      kind: 'css',
      selector: '.customer-name',
    });
    expect(at('<main id="record"><h1>Ada</h1><p>VIP</p></main><h1>Tally</h1>', 'h1')).toEqual({
      kind: 'css',
      selector: '#record h1',
    });
  });

  it('refuses an element it cannot find again, and one without text', () => {
    expect(() => at('<ul><li>Ada</li><li>Ada</li></ul>', 'li')).toThrow(/cannot find/);
    expect(() => at('<p><span></span></p>', 'span')).toThrow(/no text/);
  });

  it('checks that a click fits its field', () => {
    const doc = parse(
      '<p id="row"><b>Email</b> a@b.co</p><p id="p">Ada</p><dl><dt>Email</dt><dd>a@b.co</dd></dl>',
    );
    expect(() => learnField('email', element(doc, '#row'), doc, url)).toThrow(/not an email/);
    expect(() => learnField('email', element(doc, '#p'), doc, url)).toThrow(/not an email/);
    expect(learnField('email', element(doc, 'dd'), doc, url)).toEqual({ kind: 'label', label: 'Email' });
    const long = parse(`<p id="phone">${'5'.repeat(60)}</p>`);
    expect(() => learnField('phone', element(long, 'p'), long, url)).toThrow(/more than one field/);
  });
});

interface Cases {
  taughtOn: {
    page: string;
    url: string;
    picks: Partial<Record<SnapshotField, string>>;
    locators: Partial<Record<SnapshotField, Locator>>;
    pathPattern: string;
    recipeName: string;
  };
  pages: { page: string; url: string; contact: Partial<Record<SnapshotField, string>> }[];
  broken: { page: string; url: string; missing: SnapshotField[] }[];
}

describe.each(readdirSync(FIXTURES))('taught on %s', (folder) => {
  const cases = JSON.parse(readFileSync(join(FIXTURES, folder, 'cases.json'), 'utf8')) as Cases;
  const { taughtOn } = cases;
  const doc = load(folder, taughtOn.page);
  const picks = Object.fromEntries(
    Object.entries(taughtOn.picks).map(([field, selector]) => [field, element(doc, selector)]),
  );
  const draft = draftRecipe(new URL(taughtOn.url), picks, doc);
  const taught = recipeOf(draft);

  it('learns robust locators and a pattern for every customer', () => {
    expect(draft).toEqual({
      name: taughtOn.recipeName,
      origin: new URL(taughtOn.url).origin,
      pathPattern: taughtOn.pathPattern,
      fields: taughtOn.locators,
    });
    expect(JSON.stringify(draft)).not.toMatch(/ember|nth-|:\w+\(/);
    expect(parseRecipe(JSON.parse(JSON.stringify(taught)))).toEqual(taught);
  });

  it.each(cases.pages)('reads $page', ({ page, url, contact }) => {
    const address = new URL(url);
    expect(recipeMatches(taught, address)).toBe(true);
    const other = load(folder, page);
    expect(readRecipe(other, address, taught)).toEqual({ fields: contact, missing: [] });
    const detection = detectContact(other, address, only(taught));
    expect(detection).toMatchObject({ status: 'found', source: { kind: 'taught', id: taught.id } });
    if (detection.status === 'found')
      expect(detection.snapshot).toEqual({ backOffice: 'taught', ...contact, url });
  });

  it.each(cases.broken)('reports $page broken: $missing', ({ page, url, missing }) => {
    const address = new URL(url);
    const redesigned = load(folder, page);
    expect(readRecipe(redesigned, address, taught).missing).toEqual(missing);
    expect(detectContact(redesigned, address, only(taught))).toMatchObject({
      status: 'broken',
      reason: `${missing.join(', ')}: not found`,
    });
  });
});

describe('readRecipe', () => {
  const url = new URL('https://crm.example.com/clients/7');
  const taught = recipe({
    fields: {
      name: { kind: 'css', selector: '[data-field="name"]' },
      email: { kind: 'label', label: 'Email' },
    },
  });

  it('reads a value shown twice, but not two different ones', () => {
    const twice = parse(`<h1 data-field="name">Ada</h1><nav><b data-field="name">Ada</b></nav>
      <dl><dt>Email</dt><dd>a@b.co</dd></dl><aside><dt>Email</dt><dd>a@b.co</dd></aside>`);
    expect(readRecipe(twice, url, taught)).toEqual({ fields: { name: 'Ada', email: 'a@b.co' }, missing: [] });
    const different = parse(`<h1 data-field="name">Ada</h1><b data-field="name">Rep</b>
      <dl><dt>Email</dt><dd>a@b.co</dd><dt>Email</dt><dd>rep@b.co</dd></dl>`);
    expect(readRecipe(different, url, taught)).toEqual({ fields: {}, missing: ['name', 'email'] });
  });

  it('treats a selector that does not parse, or a whole page block, as not found', () => {
    const broken = recipe({ fields: { name: { kind: 'css', selector: 'h1[' } } });
    expect(readRecipe(parse('<h1>Ada</h1>'), url, broken).missing).toEqual(['name']);
    const block = parse(`<h1 data-field="name">${'Lorem ipsum dolor sit amet. '.repeat(30)}</h1>`);
    expect(readRecipe(block, url, taught).missing).toContain('name');
  });

  it('reports a field found but empty as absent, not missing', () => {
    const empty = parse('<h1 data-field="name">Ada</h1><dl><dt>Email</dt><dd> </dd></dl>');
    expect(readRecipe(empty, url, taught)).toEqual({ fields: { name: 'Ada' }, missing: [] });
  });
});
