import { cleanText, isEmail, SNAPSHOT_LIMITS, type SnapshotField } from '../domain/contact-snapshot';
import type { PageFields } from './adapter';

/**
 * The best guess at a page's contact when no adapter or taught recipe knows the page (issue 3).
 * It runs in the content script on every page of an enabled back office, so it asks the DOM only
 * targeted, capped questions (no layout, no walk over every text node) and never throws.
 *
 * Where the name comes from, and what stands beside it, sets the confidence:
 *
 * | name from                            | email or phone | only an id, a company, or the page's one mailto/tel link | nothing |
 * | ------------------------------------ | -------------- | -------------------------------------------------------- | ------- |
 * | schema.org JSON-LD, microdata, hCard | 0.95           | 0.8                                                      | 0.6     |
 * | a label ("Name", "Customer"…)        | 0.9            | 0.65                                                     | null    |
 * | the page's main heading              | 0.8            | 0.6                                                      | null    |
 * | the document title                   | 0.7            | 0.5                                                      | null    |
 *
 * "Email or phone" means from structured data or a label/value pair ("Email", "Phone"…); a bare
 * link is weaker, and used only when the page has exactly one. An organisation that is not the
 * declared mainEntity scores 0.1 less, and one whose url is this site is ignored: back offices
 * mark up their own company on every page.
 *
 * Several people and nothing saying which one the page is about gives null: several structured
 * people (unless one's name is the page's heading or labelled name: the customer, not the sales
 * rep beside them), several labelled names, more than two labelled emails or phones, or several
 * mailto links with nothing else to go on.
 */
export function detectGeneric(doc: Document, url: URL): { fields: PageFields; confidence: number } | null {
  try {
    return guess(doc, url);
  } catch {
    // Hostile or odd pages (deeply nested JSON, exotic DOMs) get no guess, not a broken content script.
    return null;
  }
}

type Json = Record<string, unknown>;
interface Candidate {
  fields: PageFields;
  org: boolean;
  /** Declared the page's subject: schema.org mainEntity or about. */
  subject: boolean;
}

const SCORES = [
  [0.95, 0.8, 0.6],
  [0.9, 0.65, 0],
  [0.8, 0.6, 0],
  [0.7, 0.5, 0],
];

/** Labels back offices put before a contact's fields (lower case, trailing colon removed). */
const LABELS: [SnapshotField | 'supplier', RegExp][] = [
  ['externalId', /^(customer|client|account|supplier|vendor) ?(#|no\.?|number|id)$/],
  ['name', /^((full|customer|client|contact) )?name$|^(customer|client|contact)$/],
  ['supplier', /^(supplier|vendor)( name)?$/],
  ['email', /^e-?mail( address)?$/],
  ['phone', /^(tel\.?|telephone|cell|(mobile|cell) phone|(phone|mobile)( number)?)$/],
  ['company', /^(company|organi[sz]ation|business|employer)( name)?$/],
];

// Site chrome and hidden content. A header or footer is chrome unless it belongs to a section.
const SKIP =
  'nav,[role=navigation],[hidden],[aria-hidden=true],tally-launcher,[style*="display:none"],[style*="display: none"]';
// Words that make a heading a page's title ("Customer details", "Our team"), not a name.
const PAGE_WORD =
  /^(customers?|contacts?|clients?|details?|settings|dashboard|overview|profile|accounts?|orders?|invoices?|products?|reports?|users?|team|people|search|home|help|welcome|login|edit)$/i;
// Lower-case words that still belong in names: "Ludwig van Beethoven", "Bank of the West".
const PARTICLE = /^(d[aeiu]|dos|das|del|van|von|der|den|l[ae]|bin|al|y|and|of|the|&)$/;

function guess(doc: Document, url: URL): { fields: PageFields; confidence: number } | null {
  const heading = headingText(doc);
  // The rep's own profile and the sign-in form look like contact pages, but are not.
  if (
    /\b(settings|preferences|my (profile|account)|sign ?in|log ?in|password)\b/i.test(
      `${heading} ${squash(doc.title)}`,
    )
  ) {
    return null;
  }
  const labelled = new Map<SnapshotField, string[]>();
  let role: PageFields['role'];
  readLabels(doc, (label, element, raw) => {
    const field = label === 'supplier' ? 'name' : label;
    const value = clean(field, raw);
    // "Contact: ada@example.com" or a "—" placeholder is not a name.
    if (!value || skipped(element) || (field === 'name' && (!/\p{L}/u.test(value) || value.includes('@'))))
      return;
    if (label === 'supplier') role = label;
    const values = labelled.get(field) ?? [];
    if (!values.some((known) => key(known) === key(value))) values.push(value);
    labelled.set(field, values);
  });
  const count = (field: SnapshotField) => labelled.get(field)?.length ?? 0;
  const ambiguous = count('name') > 1 || count('email') > 2 || count('phone') > 2;
  const labelledName = labelled.get('name')?.[0];

  const picked = choose([...jsonLd(doc, url), ...items(doc, url)], [heading, labelledName]);
  if (picked === null || (ambiguous && !picked)) return null;

  const fields: PageFields = { ...picked?.fields };
  if (!ambiguous && (!labelledName || key(fields.name ?? labelledName) === key(labelledName))) {
    for (const [field, values] of labelled) fields[field] ??= values[0];
    if (!picked) fields.role = role;
  }
  const strong = !!(fields.email || fields.phone);
  for (const field of ['email', 'phone'] as const) {
    const links = linked(doc, field);
    if (links.size === 1) fields[field] ??= [...links.values()][0];
  }
  const weak = !!(fields.email || fields.phone || fields.externalId || fields.company);

  const title = cleanText(doc.title, 200)?.split(/\s[|·—–-]\s/)[0];
  const source = picked ? 0 : fields.name ? 1 : nameLike(heading) ? 2 : nameLike(title) ? 3 : 4;
  fields.name ??= source === 2 ? heading : title;
  let confidence = SCORES[source]?.[strong ? 0 : weak ? 1 : 2];
  if (!confidence) return null;
  if (picked?.org && !picked.subject) confidence -= 0.1;
  if (!fields.role) delete fields.role;
  return { fields, confidence: Math.round(confidence * 100) / 100 };
}

/** The one structured entity the page is about: undefined when none, null when several. */
function choose(candidates: Candidate[], hints: (string | undefined)[]): Candidate | null | undefined {
  const byName = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const name = key(candidate.fields.name);
    const known = byName.get(name);
    // The same entity told twice (JSON-LD and microdata) is one candidate.
    if (known)
      Object.assign(known, {
        fields: { ...candidate.fields, ...known.fields },
        subject: known.subject || candidate.subject,
      });
    else if (name) byName.set(name, candidate);
  }
  const all = [...byName.values()];
  const subjects = all.filter((candidate) => candidate.subject);
  const people = all.filter((candidate) => !candidate.org);
  const pool = subjects.length ? subjects : people.length ? people : all;
  const hinted = pool.filter((candidate) => hints.some((hint) => key(hint) === key(candidate.fields.name)));
  return pool.length < 2 ? pool[0] : hinted.length === 1 ? hinted[0] : null;
}

/** A schema.org-shaped entity, its properties read through `get`. */
function entity(type: string, get: (property: string) => string | undefined, subject: boolean, url: URL) {
  if (!/\b(Person|Customer|Organization|Corporation)\b/.test(type)) return [];
  const org = /\b(Organization|Corporation)\b/.test(type);
  try {
    // The back office's own company, marked up on every one of its pages, is not a contact.
    if (org && new URL(get('url') ?? 'x:', url).origin === url.origin) return [];
  } catch {
    // No url, or not one: not this site.
  }
  const fields: PageFields = /\bCustomer\b/.test(type) ? { role: 'customer' } : {};
  const raw: Record<SnapshotField, string | undefined> = {
    name: get('name') ?? ([get('givenName'), get('familyName')].join(' ').trim() || undefined),
    email: get('email'),
    phone: get('telephone'),
    company: org ? undefined : get('worksFor'),
    externalId: get('identifier'),
  };
  for (const field of Object.keys(raw) as SnapshotField[]) {
    const text = clean(field, raw[field]);
    if (text) fields[field] = text;
  }
  return [{ fields, org, subject }];
}

/** Top-level and @graph nodes of every JSON-LD block, and what a mainEntity or about points to. */
function jsonLd(doc: Document, url: URL): Candidate[] {
  const nodes: Json[] = [];
  for (const script of first(doc.querySelectorAll('script[type="application/ld+json"]'), 20)) {
    try {
      for (const node of list(JSON.parse(script.textContent!))) {
        if (isObject(node)) nodes.push(...(node['@graph'] ? list(node['@graph']).filter(isObject) : [node]));
      }
    } catch {
      // Broken JSON-LD is common; the page's other signals still count.
    }
  }
  const byId = new Map<unknown, Json>(nodes.map((node) => [node['@id'], node]));
  const deref = (value: Json): Json => byId.get(value['@id'] ?? value) ?? value;
  const text = (value: unknown, depth: number): string | undefined =>
    typeof value === 'string' || typeof value === 'number'
      ? String(value)
      : depth > 3 || !value || typeof value !== 'object'
        ? undefined
        : Array.isArray(value)
          ? text(value[0], depth + 1)
          : text(
              deref(value as Json)['name'] ?? (value as Json)['@value'] ?? (value as Json)['value'],
              depth + 1,
            );
  // What another node points to (an author, a publisher, an employer) is not the page's subject.
  const subjects = new Set<Json>();
  const mentioned = new Set<Json>();
  for (const node of nodes) {
    for (const [property, value] of Object.entries(node)) {
      for (const item of list(value).filter(isObject)) {
        (/^(mainEntity|about)$/.test(property) ? subjects : mentioned).add(deref(item));
      }
    }
  }
  return [...new Set([...nodes, ...subjects])].flatMap((node) =>
    mentioned.has(node) && !subjects.has(node)
      ? []
      : entity(list(node['@type']).join(' '), (property) => text(node[property], 0), subjects.has(node), url),
  );
}

// hCard and h-card classes for the schema.org properties entity() reads.
const H_CARD: Record<string, string> = {
  name: '.fn,.p-name',
  email: '.email,.u-email',
  telephone: '.tel,.p-tel',
  worksFor: '.org,.p-org',
  identifier: '.uid,.u-uid',
};

/**
 * Microdata items and hCards. An item that is another's property (worksFor, author, seller) is
 * not the page's subject unless it is its mainEntity; a card inside a post or a card is a byline.
 */
function items(doc: Document, url: URL): Candidate[] {
  return first(doc.querySelectorAll('[itemscope][itemtype],.vcard,.h-card'), 50).flatMap((scope) => {
    const property = scope.getAttribute('itemprop');
    const subject = /\b(mainEntity|about)\b/.test(property ?? '');
    const card = !scope.hasAttribute('itemscope');
    if (
      (property && !subject) ||
      skipped(scope) ||
      (card && scope.parentElement?.closest('.h-entry,.hentry,.vcard,.h-card'))
    ) {
      return [];
    }
    const get = (name: string) => {
      for (const element of scope.querySelectorAll(card ? (H_CARD[name] ?? 'x') : `[itemprop~=${name}]`)) {
        if (card || element.parentElement?.closest('[itemscope]') === scope) {
          return valueOf(
            element.hasAttribute('itemscope')
              ? (element.querySelector('[itemprop~=name]') ?? element)
              : element,
          );
        }
      }
      return undefined;
    };
    const type = card
      ? scope.querySelector('.fn.org,.p-name.p-org')
        ? 'Organization'
        : 'Person'
      : scope.getAttribute('itemtype')!;
    return entity(type, get, subject, url);
  });
}

/**
 * Calls `found` for each label/value pair: tables (th/td, td/td), definition lists, labelled form
 * fields, aria-labelled inputs, and "Label: value" text in small elements. Placeholders are hints,
 * not values, and are never read. Looks at the first 2,000 candidate elements only.
 */
function readLabels(
  doc: Document,
  found: (field: SnapshotField | 'supplier', element: Element, raw: string) => void,
) {
  const elements = first(doc.querySelectorAll('dt,th,td,label,li,p,span,strong,b,small,div'), 2000);
  for (const element of elements) {
    // "Phone: 555 0134" in the element's own text; the value after the colon or in the next node.
    for (const node of element.childNodes) {
      const match = node.nodeType === 3 && /^\s*([^:：]{1,30}?)\s*[:：]\s*([^]*)$/.exec(node.textContent!);
      const field = match && labelOf(match[1]!);
      if (field) found(field, element, match[2]!.trim() || after(node));
    }
    // An element that is only a label: <dt>Email</dt><dd>…</dd>, <label for>, <b>Email:</b> …
    const text = element.textContent!;
    const field =
      element.childElementCount < 3 &&
      (element.tagName !== 'DIV' || /label/i.test(element.className)) &&
      text.length < 40 &&
      labelOf(text);
    if (field) found(field, element, valueFor(element));
  }
  for (const input of first(doc.querySelectorAll('input[aria-label],textarea[aria-label]'), 100)) {
    const field = labelOf(input.getAttribute('aria-label')!);
    if (field) found(field, input, control(input));
  }
}

function valueFor(label: Element): string {
  const tag = label.tagName;
  const id = (label as HTMLLabelElement).htmlFor;
  const input =
    tag === 'LABEL' && (id ? label.ownerDocument.getElementById(id) : label.querySelector('input,textarea'));
  if (input) return control(input);
  if (/^(TH|TD|DT)$/.test(tag)) {
    const cell = label.nextElementSibling;
    return /^(TD|DD)$/.test(cell?.tagName ?? '') ? cell!.textContent! : '';
  }
  // <div><span>Email</span></div><div>…</div>: climb while the parent holds nothing but the label.
  for (
    let element: Element | null = label, depth = 0;
    element && depth < 3;
    depth++, element = element.parentElement
  ) {
    const value = after(element);
    if (value.trim()) return value;
    if (squash(element.parentElement?.textContent) !== squash(element.textContent)) break;
  }
  return '';
}

/** The text after `node` among its siblings, up to the first element with text or a line break. */
function after(node: Node): string {
  let text = '';
  for (let next = node.nextSibling; next && text.length < 2000; next = next.nextSibling) {
    if (next.nodeType === 1 && (next.nodeName === 'BR' || text.trim())) break;
    if (next.nodeType < 4) text += next.textContent;
  }
  return text;
}

function control(input: Element): string {
  const shown = !/^(password|hidden|checkbox|radio|file|submit|button|image|reset|search)$/i.test(
    input.getAttribute('type') ?? '',
  );
  return (input.tagName === 'INPUT' && shown) || input.tagName === 'TEXTAREA'
    ? (input as HTMLInputElement).value
    : '';
}

/** Distinct addresses (numbers) of the mailto: (tel:) links outside the site chrome, first 100. */
function linked(doc: Document, field: 'email' | 'phone'): Map<string, string> {
  const found = new Map<string, string>();
  for (const link of first(
    doc.querySelectorAll(`a[href^="${field === 'email' ? 'mailto' : 'tel'}:"]`),
    100,
  )) {
    // A number as the page shows it reads better than the href's.
    const value = (field === 'phone' && clean(field, link.textContent!)) || clean(field, valueOf(link));
    if (value && !skipped(link)) found.set(key(value), value);
  }
  return found;
}

/** The page's main heading (h1, or an ARIA level-1 heading), "Customer: " and " (C-42)" removed. */
function headingText(doc: Document): string | undefined {
  const heading = first(doc.querySelectorAll('h1,[role=heading][aria-level="1"]'), 10).find(
    (h) => !skipped(h),
  );
  const text = squash(heading?.textContent);
  const match = /^([^:：]{1,30})[:：]\s*(.+)$/.exec(text);
  return cleanText(
    (match && labelOf(match[1]!) ? match[2]! : text).split(/\s[|·—–]\s|\s\(/)[0],
    SNAPSHOT_LIMITS.name,
  );
}

/** Whether a heading or title reads as a person's or company's name rather than a page's title. */
function nameLike(text: string | undefined): text is string {
  const words = text?.split(' ') ?? [];
  return (
    !!text &&
    text.length <= 80 &&
    words.length <= 6 &&
    /\p{L}/u.test(text) &&
    !/[\d<>{}@=/\\]/.test(text) &&
    !words.some((word) => PAGE_WORD.test(word) || (/^\p{Ll}/u.test(word) && !PARTICLE.test(word)))
  );
}

function skipped(element: Element): boolean {
  const chrome = element.closest('header,footer');
  return (
    !!element.closest(SKIP) ||
    (!!chrome &&
      !chrome.parentElement?.closest('main,article,section,aside,dialog,[role=main],[role=dialog]'))
  );
}

function clean(field: SnapshotField, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (field === 'email') {
    const address = /[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+/.exec(raw.slice(0, 1000))?.[0];
    return address && isEmail(address) ? address : undefined;
  }
  if (field === 'phone') {
    const number = squash(raw).replace(/^tel:/i, '');
    const ok = /^\+?[\d\s().\-/]{5,30}(\s*(ext\.?|x)\s*\d{1,6})?$/i.test(number) && /(\d\D*){5}/.test(number);
    return ok ? number : undefined;
  }
  return cleanText(raw, SNAPSHOT_LIMITS[field]);
}

/** What two values are compared by: the digits of a phone number, the lower case of the rest. */
function key(value: string | undefined): string {
  return value && /^[\d\s().+\-/]+$/.test(value) ? value.replace(/\D/g, '') : (value ?? '').toLowerCase();
}

function labelOf(text: string): SnapshotField | 'supplier' | undefined {
  const label = squash(text)
    .toLowerCase()
    .replace(/[\s:：*]+$/, '');
  return LABELS.find(([, pattern]) => pattern.test(label))?.[0];
}

/** What a microdata property or hCard part says: a mailto/tel address, a meta's content, or text. */
function valueOf(element: Element): string {
  const href = element.getAttribute('href') ?? '';
  if (/^(mailto|tel):/i.test(href)) {
    const address = href.replace(/^\w+:/, '').split('?')[0]!;
    try {
      return decodeURIComponent(address);
    } catch {
      return address;
    }
  }
  return /^(INPUT|TEXTAREA)$/.test(element.tagName)
    ? (element as HTMLInputElement).value
    : (element.getAttribute('content') ?? element.textContent!);
}

function squash(text: string | null | undefined): string {
  return cleanText(text, 2000) ?? '';
}

function first<T extends Node>(nodes: NodeListOf<T>, max: number): T[] {
  return Array.prototype.slice.call(nodes, 0, max) as T[];
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
