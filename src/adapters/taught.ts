import { isEmail, SNAPSHOT_LIMITS, type SnapshotField } from '../domain/contact-snapshot';
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
  throw new Error(`${path}: ${problem}`);
}

function object(value: unknown, path: string): Raw {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected an object');
  return value as Raw;
}

function text(raw: Raw, key: string, max: number, shape = /./, parent?: string): string {
  const value = raw[key];
  const path = parent ? `${parent}.${key}` : key;
  if (typeof value !== 'string' || !value.trim()) fail(path, 'expected text');
  if (value.length > max) fail(path, `longer than ${max} characters`);
  if (/\p{Cc}/u.test(value) || !shape.test(value)) fail(path, 'not allowed');
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
        fail(`${path}.index`, 'expected a segment number');
      }
      return { kind: 'path', index };
    }
    default:
      return fail(`${path}.kind`, 'unknown locator kind');
  }
}

/** The recipe draft in `raw`; throws an Error whose message starts with the path that does not fit. */
export function parseRecipeDraft(raw: unknown): RecipeDraft {
  const recipe = object(raw, 'recipe');
  const name = text(recipe, 'name', 100).trim();
  const origin = text(recipe, 'origin', 200, /^https?:\/\//);
  if (originOf(origin) !== origin) fail('origin', 'expected scheme://host');
  const pathPattern = text(recipe, 'pathPattern', 1000, /^\/\S*$/);
  const given = object(recipe['fields'], 'fields');
  const fields: Partial<Record<SnapshotField, Locator>> = {};
  for (const field of Object.keys(given)) {
    if (!Object.hasOwn(SNAPSHOT_LIMITS, field)) fail(`fields.${field}`, 'not a contact field');
    fields[field as SnapshotField] = parseLocator(given[field], `fields.${field}`);
  }
  if (!fields.name) fail('fields.name', 'required');
  return { name, origin, pathPattern, fields };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;

function instant(raw: Raw, key: string): string {
  const value = text(raw, key, 30, INSTANT);
  if (Number.isNaN(Date.parse(value))) fail(key, 'not a date');
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

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** "#/contacts/42" of a hash-routed single-page back office, without its own query; else "". */
const hashRoute = (url: URL) => (/^#!?\//.test(url.hash) ? url.hash.replace(/\?.*/, '') : '');
const segmentsOf = (route: string) => route.split('/').filter(Boolean);
const routeSegments = (url: URL) => segmentsOf(url.pathname + hashRoute(url));

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

const collapse = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

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
const labelText = (value: string | null | undefined) => collapse(value).replace(/[\s:*：]+$/, '');
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
function read(doc: Document, url: URL, locator: Locator): string | undefined {
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

// ---- Learning: used by the teach picker only, so tree-shaken out of the content script. ----

/**
 * Ids, classes and attribute values a framework made up (ember123, css-1x2y3z, :r5:), or that
 * describe a state or a utility style (is-active, mt-2): they change between pages and releases.
 */
const GENERATED =
  /\d{3}|[a-z]\d[a-z]|\d[a-z]+\d|^(?:\d|[a-z]{0,3}[-_]?\d+$|ember|ext-|yui|j_id|gwt-|radix-|react-|css-|sc-|jsx-|ng-|is-|has-|active|selected|open$)/i;
const IDENTIFIER = /^[a-z][\w-]{0,39}$/i;
/** Attribute values usable in a selector as they are: no quotes, backslashes or spaces to escape. */
const ATTRIBUTE_VALUE = /^[a-z][\w.:[\]-]{0,59}$/i;

const stable = (name: string) => IDENTIFIER.test(name) && !GENERATED.test(name);

/** `#id`, then `[data-*="…"]`, then `[itemprop|name="…"]` selectors naming `element`. */
function attributeSelectors(element: Element, value: string): string[] {
  const selectors = stable(element.id) ? [`#${element.id}`] : [];
  const attributes = [...element.attributes]
    .filter(
      (a) =>
        /^(data-[\w-]+|itemprop|name)$/.test(a.name) &&
        ATTRIBUTE_VALUE.test(a.value) &&
        !GENERATED.test(a.value) &&
        a.value !== value,
    )
    .sort((a, b) => Number(!a.name.startsWith('data-')) - Number(!b.name.startsWith('data-')));
  return [...selectors, ...attributes.map((a) => `[${a.name}="${a.value}"]`)];
}

const classesOf = (element: Element) =>
  [...element.classList]
    .filter(stable)
    .slice(0, 2)
    .map((name) => `.${name}`)
    .join('');

/** How a path step names an ancestor, if it can: stable id or attribute, classes, or a landmark. */
function anchor(element: Element): string | undefined {
  return (
    attributeSelectors(element, '')[0] ??
    (classesOf(element) ||
      (/^(main|article|aside|header|footer|form|table|dl|section)$/.test(element.localName)
        ? element.localName
        : undefined))
  );
}

/** Descendant paths of at most 3 steps ending at `element`: robust to wrappers, never nth-child. */
function classPaths(element: Element): string[] {
  const classes = classesOf(element);
  const self = classes || element.localName;
  const anchors: string[] = [];
  for (let at = element.parentElement; at && at.localName !== 'body' && anchors.length < 4;) {
    const step = anchor(at);
    if (step) anchors.push(step);
    at = at.parentElement;
  }
  return [
    ...(classes ? [self] : []),
    ...anchors.map((a) => `${a} ${self}`),
    ...anchors.flatMap((a, i) => anchors.slice(i + 1).map((outer) => `${outer} ${a} ${self}`)),
  ];
}

/** Texts of the labels shown before `element`: `<label for>`, a wrapping label, the previous sibling. */
function labelsFor(element: Element, doc: Document): string[] {
  const labels: (Element | null)[] = [...doc.querySelectorAll('label')].filter(
    (label) => (element.id && label.htmlFor === element.id) || label.contains(element),
  );
  labels.push(element.previousElementSibling);
  return labels.map((label) => labelText(label?.textContent)).filter((label) => label && label.length <= 40);
}

const css = (selector: string): Locator => ({ kind: 'css', selector });

/**
 * The most robust locator that reads exactly this element's text again on this page: ids and
 * data attributes, then labels, then the URL, then a short class path. Throws when none does.
 */
export function locatorFor(element: Element, doc: Document, url: URL): Locator {
  const value = shownText(element);
  if (!value) throw new Error('That shows no text. Click the text itself.');
  // The element and its ancestors that show the same text (<a> in <dd>, <input> in <td>).
  const same: Element[] = [];
  for (let at: Element | null = element; at && at !== doc.body && shownText(at) === value;) {
    same.push(at);
    at = at.parentElement;
  }
  const candidates: Locator[] = [
    ...same.flatMap((at) => attributeSelectors(at, value)).map(css),
    ...same.flatMap((at) => labelsFor(at, doc)).map((label): Locator => ({ kind: 'label', label })),
    ...routeSegments(url).map((_, index): Locator => ({ kind: 'path', index })),
    ...[...url.searchParams.keys()].map((key): Locator => ({ kind: 'query', key })),
    ...same.flatMap(classPaths).map(css),
  ];
  const found = candidates.find(
    (locator) =>
      (locator.kind !== 'css' || doc.querySelectorAll(locator.selector).length === 1) &&
      read(doc, url, locator) === value,
  );
  if (!found) throw new Error('Tally cannot find that again reliably. Click the text itself, or Skip.');
  return found;
}

/**
 * The locator for one field the user clicked, once its text fits the field; throws a message
 * for the user otherwise (clicking a whole row instead of the email in it, say).
 */
export function learnField(field: SnapshotField, element: Element, doc: Document, url: URL): Locator {
  const value = shownText(element);
  if (value.length > SNAPSHOT_LIMITS[field]) {
    throw new Error('That is more than one field: click just the value.');
  }
  if (field === 'email' && value && !isEmail(value)) throw new Error('That is not an email address.');
  return locatorFor(element, doc, url);
}

/** Path segments and query values that name one record: 42, C-00042, UUIDs, hashes. */
const idLike = (value: string) =>
  /^(?!v\d\d?$)(?=.*\d)(?:[a-z]{0,4}[-_]?\d+|[\w-]*\d{3}[\w-]*|[\da-f-]{8,}|\d+[-_][\w-]+)$/i.test(value);

/** Generic noise in query strings: tracking and "where you came from". */
const NOISE = /^(utm_|fbclid$|gclid$|return|ref$|from$)/i;

function patternFor(url: URL, wild: (value: string, at: number | string) => boolean = () => false): string {
  let at = 0;
  const segment = (raw: string) => {
    const index = at++;
    return idLike(decode(raw)) || wild(decode(raw), index) ? '*' : raw;
  };
  const query = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    if (!NOISE.test(key)) query.append(key, idLike(value) || wild(value, key) ? '*' : value);
  }
  const search = String(query) ? `?${query}` : '';
  return url.pathname.replace(/[^/]+/g, segment) + search + hashRoute(url).replace(/[^/]+/g, segment);
}

/** The pattern of pages like `url`: id-like path segments and query values become `*`. */
export function pathPatternFor(url: URL): string {
  return patternFor(url);
}

const wordsOf = (value: string) => value.toLowerCase().split(/[^\p{L}\p{N}]+/u);

/**
 * A recipe from the elements the user clicked (the name at least). Throws a message for the user
 * when a click cannot be read back reliably.
 */
export function draftRecipe(
  url: URL,
  picks: Partial<Record<SnapshotField, Element>>,
  doc: Document,
  name?: string,
): RecipeDraft {
  if (!picks.name) throw new Error('The customer’s name is required.');
  const fields: Partial<Record<SnapshotField, Locator>> = {};
  for (const [field, element] of Object.entries(picks) as [SnapshotField, Element | undefined][]) {
    if (element) fields[field] = learnField(field, element, doc, url);
  }
  const customer = shownText(picks.name);
  const located = Object.values(fields);
  // A path segment read as a field, or spelling the customer's name ("/clients/grace-hopper"),
  // differs from one customer to the next.
  const nameWords = new Set(wordsOf(customer).filter((word) => word.length > 2));
  const pathPattern = patternFor(
    url,
    (value, at) =>
      located.some((l) => (l.kind === 'path' && l.index === at) || (l.kind === 'query' && l.key === at)) ||
      wordsOf(value).some((word) => nameWords.has(word)),
  );
  // The title without the customer's name: "Ada Lovelace · Acme CRM" → "Acme CRM".
  const title = collapse(doc.title.split(customer).join(' ')).replace(/^[\s|·:–—-]+|[\s|·:–—-]+$/g, '');
  return {
    name: (name?.trim() || title || url.host).slice(0, 100),
    origin: url.origin,
    pathPattern,
    fields,
  };
}
