import { isEmail, SNAPSHOT_LIMITS, type SnapshotField } from '../domain/contact-snapshot';
import { t } from '../domain/i18n';
import {
  collapse,
  decode,
  hashRoute,
  labelText,
  read,
  routeSegments,
  shownText,
  type Locator,
  type RecipeDraft,
} from './taught';

/**
 * Learning a recipe from the user's clicks (teach mode): the most robust locator for each picked
 * element, and the pattern of the pages the recipe is for. Used by the teach picker only, which
 * is injected on demand; reading recipes is taught.ts, in the content script.
 */
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
  if (!value) throw new Error(t('adapters_no_text'));
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
  if (!found) throw new Error(t('adapters_not_reliable'));
  return found;
}

/**
 * The locator for one field the user clicked, once its text fits the field; throws a message
 * for the user otherwise (clicking a whole row instead of the email in it, say).
 */
export function learnField(field: SnapshotField, element: Element, doc: Document, url: URL): Locator {
  const value = shownText(element);
  if (value.length > SNAPSHOT_LIMITS[field]) {
    throw new Error(t('adapters_more_than_one_field'));
  }
  if (field === 'email' && value && !isEmail(value)) throw new Error(t('adapters_not_email'));
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
  if (!picks.name) throw new Error(t('adapters_name_required'));
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
