import { SNAPSHOT_LIMITS, type SnapshotField } from '../domain/contact-snapshot';
import { t } from '../domain/i18n';
import type { PageFields } from './adapter';

/**
 * Recipes: what the user taught Tally about a back office it has no adapter for, by clicking the
 * customer's name, email, phone and id on one page. Site knowledge as data (like Dark Reader's
 * configs): a recipe is JSON, stored in the database and exported as a file, so everything read
 * back is validated here by hand (the content script has no room for zod).
 *
 * `pathPattern` says which pages of `origin` a recipe reads, written like the URL's path:
 *   "/clients/*"                               one `*` stands for one whole path segment
 *   "/index.php?module=Contacts&record=*"      listed query parameters must be present, with that
 *                                              value or (`*`) any value; other parameters are ignored
 *   "/app/#/contacts/*"                        hash routes ("#/…", "#!/…") count as path segments
 * A trailing slash makes no difference; segments are compared as the URL spells them (encoded).
 */
export interface Recipe {
  id: string;
  name: string;
  origin: string;
  pathPattern: string;
  fields: Partial<Record<SnapshotField, Locator>>;
  createdAt: string;
  updatedAt: string;
}

/**
 * Where one taught field is read from:
 * - `css`: the text of what `selector` finds: a stable `#id`, a `[data-*]`, `[itemprop]` or
 *   `[name]` attribute, or a path of at most 3 steps over stable classes and landmarks;
 * - `label`: the value shown next to the element whose whole text is `label` ("Email", compared
 *   without case or a trailing colon): th→td, dt→dd, label→its control, "Email:"→next sibling;
 * - `path`: the `index`-th URL path segment (0-based, hash-route segments after the path's);
 * - `query`: the URL query parameter `key`.
 */
export type Locator =
  | { kind: 'css'; selector: string }
  | { kind: 'label'; label: string }
  | { kind: 'path'; index: number }
  | { kind: 'query'; key: string };

export type RecipeDraft = Omit<Recipe, 'id' | 'createdAt' | 'updatedAt'>;

type Raw = Record<string, unknown>;

function fail(path: string, problem: string): never {
  throw new Error(t('adapters_problem_at', path, problem));
}

function object(value: unknown, path: string): Raw {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, t('adapters_expected_object'));
  return value as Raw;
}

function text(raw: Raw, key: string, max: number, shape = /./, parent?: string): string {
  const value = raw[key];
  const path = parent ? `${parent}.${key}` : key;
  if (typeof value !== 'string' || !value.trim()) fail(path, t('adapters_expected_text'));
  if (value.length > max) fail(path, t('adapters_longer_than', String(max)));
  if (/\p{Cc}/u.test(value) || !shape.test(value)) fail(path, t('adapters_not_allowed'));
  return value;
}

function parseLocator(raw: unknown, path: string): Locator {
  const locator = object(raw, path);
  switch (locator['kind']) {
    case 'css':
      // Checked without a document: a selector that still fails to parse reads as "not found".
      return { kind: 'css', selector: text(locator, 'selector', 200, /^[^{};<]+$/, path) };
    case 'label':
      return { kind: 'label', label: text(locator, 'label', 100, /./, path) };
    case 'query':
      return { kind: 'query', key: text(locator, 'key', 100, /./, path) };
    case 'path': {
      const index = locator['index'];
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > 63) {
        fail(`${path}.index`, t('adapters_expected_segment'));
      }
      return { kind: 'path', index };
    }
    default:
      return fail(`${path}.kind`, t('adapters_unknown_locator'));
  }
}

/** The recipe draft in `raw`; throws an Error whose message starts with the path that does not fit. */
export function parseRecipeDraft(raw: unknown): RecipeDraft {
  const recipe = object(raw, 'recipe');
  const name = text(recipe, 'name', 100).trim();
  const origin = text(recipe, 'origin', 200, /^https?:\/\//);
  if (originOf(origin) !== origin) fail('origin', t('adapters_expected_origin'));
  const pathPattern = text(recipe, 'pathPattern', 1000, /^\/\S*$/);
  const given = object(recipe['fields'], 'fields');
  const fields: Partial<Record<SnapshotField, Locator>> = {};
  for (const field of Object.keys(given)) {
    if (!Object.hasOwn(SNAPSHOT_LIMITS, field)) fail(`fields.${field}`, t('adapters_not_contact_field'));
    fields[field as SnapshotField] = parseLocator(given[field], `fields.${field}`);
  }
  if (!fields.name) fail('fields.name', t('adapters_required'));
  return { name, origin, pathPattern, fields };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;

function instant(raw: Raw, key: string): string {
  const value = text(raw, key, 30, INSTANT);
  if (Number.isNaN(Date.parse(value))) fail(key, t('adapters_not_date'));
  return value;
}

/** The recipe in `raw` (from the database or an imported file); throws naming the bad path. */
export function parseRecipe(raw: unknown): Recipe {
  const draft = parseRecipeDraft(raw);
  const recipe = raw as Raw;
  const id = text(recipe, 'id', 36, UUID);
  return { id, ...draft, createdAt: instant(recipe, 'createdAt'), updatedAt: instant(recipe, 'updatedAt') };
}

function originOf(address: string): string {
  try {
    return new URL(address).origin;
  } catch {
    return '';
  }
}

export function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** "#/contacts/42" of a hash-routed single-page back office, without its own query; else "". */
export const hashRoute = (url: URL) => (/^#!?\//.test(url.hash) ? url.hash.replace(/\?.*/, '') : '');
const segmentsOf = (route: string) => route.split('/').filter(Boolean);
export const routeSegments = (url: URL) => segmentsOf(url.pathname + hashRoute(url));

export function recipeMatches(recipe: Recipe, url: URL): boolean {
  if (url.origin !== recipe.origin) return false;
  const [, path = '', query, hash = ''] = /^([^?#]*)(?:\?([^#]*))?(.*)$/.exec(recipe.pathPattern) ?? [];
  const want = segmentsOf(path + hash);
  const have = routeSegments(url);
  if (want.length !== have.length || want.some((segment, i) => segment !== '*' && segment !== have[i])) {
    return false;
  }
  for (const [key, value] of new URLSearchParams(query)) {
    const actual = url.searchParams.get(key);
    if (!actual || (value !== '*' && actual !== value)) return false;
  }
  return true;
}

const CONTROLS = 'input,select,textarea';
/** Longer than this is a block of the page, not a field: a redesign moved things around. */
const MAX_VALUE = 500;

export const collapse = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

/** What an element shows the user: a form field's value, else its whitespace-collapsed text. */
export function shownText(element: Element): string {
  const control = element.matches(CONTROLS)
    ? element
    : collapse(element.textContent)
      ? null
      : element.querySelector(CONTROLS);
  return collapse(control ? (control as HTMLInputElement).value : element.textContent);
}

/** The one text all of `found` show; undefined when nothing was found or they disagree. */
function single(found: Element[]): string | undefined {
  const texts = new Set(found.map(shownText).filter(Boolean));
  if (found.length === 0 || texts.size > 1) return undefined;
  const value = [...texts][0] ?? '';
  return value.length > MAX_VALUE ? undefined : value;
}

/** A label as shown, without its trailing colon or required-field star: "E-mail *" → "E-mail". */
export const labelText = (value: string | null | undefined) => collapse(value).replace(/[\s:*：]+$/, '');
const labelKey = (value: string | null) => labelText(value).toLowerCase();

/** The value shown next to a label element: th→td, dt→dd, label→control, span→next sibling. */
function valueNextTo(label: Element, doc: Document): Element | null {
  if (label.localName === 'label') {
    const id = (label as HTMLLabelElement).htmlFor;
    const control = id ? doc.getElementById(id) : label.querySelector(CONTROLS);
    if (control) return control;
  }
  // Up from <b> in <th><b>Email</b></th>, but not from <b> in <p><b>Email</b> ada@…</p>.
  for (let at = label, up = 0; up < 3; up++) {
    const next = at.nextElementSibling;
    if (next) return next.matches('th,dt,label') ? null : next;
    const parent = at.parentElement;
    if (!parent || collapse(parent.textContent) !== collapse(at.textContent)) return null;
    at = parent;
  }
  return null;
}

/** The values next to every element whose whole text is `label`. */
function labelled(doc: Document, label: string): Element[] {
  const key = labelKey(label);
  const values: Element[] = [];
  const seen = new Set<Element>();
  // Walk the text, not the elements: a container's textContent is costly on a 5,000-node page.
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const part = labelKey(node.nodeValue);
    const element = node.parentElement;
    if (!part || !key.startsWith(part) || !element || seen.has(element)) continue;
    seen.add(element);
    // Menus, tabs and options named "Email" are not labels.
    if (labelKey(element.textContent) !== key || element.closest('a,button,select,nav,script,style'))
      continue;
    const value = valueNextTo(element, doc);
    if (value) values.push(value);
  }
  return values;
}

/** The text `locator` finds: "" when its element is there but empty, undefined when it is not. */
export function read(doc: Document, url: URL, locator: Locator): string | undefined {
  switch (locator.kind) {
    case 'css': {
      try {
        return single([...doc.querySelectorAll(locator.selector)]);
      } catch {
        return undefined;
      }
    }
    case 'label':
      return single(labelled(doc, locator.label));
    case 'path': {
      const segment = routeSegments(url)[locator.index];
      return segment === undefined ? undefined : decode(segment);
    }
    case 'query':
      return url.searchParams.get(locator.key) || undefined;
  }
}

/**
 * The recipe's fields on this page, and every taught field whose locator found nothing: after a
 * redesign the page is reported broken rather than read from whatever now sits there.
 */
export function readRecipe(
  doc: Document,
  url: URL,
  recipe: Recipe,
): { fields: PageFields; missing: SnapshotField[] } {
  const fields: PageFields = {};
  const missing: SnapshotField[] = [];
  for (const [field, locator] of Object.entries(recipe.fields) as [SnapshotField, Locator][]) {
    const value = read(doc, url, locator);
    if (value === undefined) missing.push(field);
    else if (value) fields[field] = value;
  }
  return { fields, missing };
}
