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
 * | the page's main heading (*)          | 0.8            | 0.6                                                      | null    |
 * | the document title                   | 0.7            | 0.5                                                      | null    |
 *
 * (*) Or, when that is no name ("Contacts"), the heading of the drawer or card holding the labels.
 *
 * "Email or phone" means from structured data or a label/value pair ("Email", "Phone"…); a bare
 * link is weaker, and used only when the page has exactly one. An organisation that is not the
 * declared mainEntity scores 0.1 less, and one whose url is this site is ignored: back offices
 * mark up their own company on every page. A heading or title is a name only if it reads like
 * one ("Customer details", "Welcome back, Jordan" do not).
 *
 * Null when several people and nothing says which one the page is about: several structured
 * people (one whose name is the page's heading or labelled name wins: the customer, not the sales
 * rep beside them), several labelled names, more than two labelled emails or phones, or several
 * mailto links and nothing else; and on settings and sign-in pages, where the rep's own details
 * look like a contact.
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

/**
 * Labels back offices put before a contact's fields, any case, colon optional; one group per
 * field of LABEL_FIELDS, so that one match says which.
 */
const LABEL =
  /^\s*(?:((?:customer|client|account|supplier|vendor)\s*(?:#|no\.?|number|id))|((?:(?:full|customer|client|contact)\s+)?name|customer|client|contact)|((?:supplier|vendor)(?:\s+name)?)|(e-?mail(?:\s+address)?)|(tel\.?|telephone|cell|(?:mobile|cell)\s+phone|(?:phone|mobile)(?:\s+number)?)|((?:company|organi[sz]ation|business|employer)(?:\s+name)?))[\s:：*]*$/i;
const LABEL_FIELDS = ['externalId', 'name', 'supplier', 'email', 'phone', 'company'] as const;
type Label = (typeof LABEL_FIELDS)[number];

// hCard and h-card classes for the schema.org properties entity() reads.
const H_CARD: Record<string, string> = {
  name: '.fn,.p-name',
  email: '.email,.u-email',
  telephone: '.tel,.p-tel',
  worksFor: '.org,.p-org',
  identifier: '.uid,.u-uid',
};

function guess(doc: Document, url: URL): { fields: PageFields; confidence: number } | null {
  const heading = headingText(doc);
  // The rep's own profile and the sign-in form look like contact pages, but are not.
  if (
    /\b(settings|preferences|my (profile|account)|sign ?in|log ?in|password)\b/i.test(
      `${heading} ${doc.title.slice(0, 200)}`,
    )
  ) {
    return null;
  }
  const labelled = new Map<SnapshotField, string[]>();
  let role: PageFields['role'];
  let near: Element | undefined;
  readLabels(doc, (label, element, raw) => {
    const field = label === 'supplier' ? 'name' : label;
    const value = clean(field, raw);
    // "Contact: ada@example.com" or a "—" placeholder is not a name.
    if (!value || skipped(element) || (field === 'name' && !/^[^@]*\p{L}[^@]*$/u.test(value))) return;
    if (label === 'supplier') role = label;
    near ??= element;
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
  if (!ambiguous && key(fields.name ?? labelledName) === key(labelledName ?? fields.name)) {
    for (const [field, values] of labelled) fields[field] ??= values[0];
    if (role && !picked) fields.role = role;
  }
  const strong = !!(fields.email || fields.phone);
  for (const field of ['email', 'phone'] as const) {
    const links = linked(doc, field);
    if (links.size === 1) fields[field] ??= [...links.values()][0];
  }
  const weak = !!(fields.email || fields.phone || fields.externalId || fields.company);

  const title = squash(doc.title.slice(0, 200)).split(/\s[|·—–-]\s/)[0];
  // The heading of the drawer or card the labels are in, when the page's ("Contacts") is no name.
  const local = headingText(near?.closest('aside,section,article,dialog,[role=dialog]'), 'h1,h2,h3');
  const named = [heading, local].find(nameLike);
  const source = picked ? 0 : fields.name ? 1 : named ? 2 : nameLike(title) ? 3 : 4;
  fields.name ??= source === 2 ? named : title;
  let confidence = SCORES[source]?.[strong ? 0 : weak ? 1 : 2];
  if (!confidence) return null;
  if (picked?.org && !picked.subject) confidence -= 0.1;
  return { fields, confidence: Math.round(confidence * 100) / 100 };
}

/** The one structured entity the page is about: undefined when none, null when several. */
function choose(candidates: Candidate[], hints: (string | undefined)[]): Candidate | null | undefined {
  // The same entity told twice (JSON-LD and microdata) counts once.
  const all = [...new Map(candidates.map((candidate) => [key(candidate.fields.name), candidate])).values()];
  const subjects = all.filter((candidate) => candidate.subject);
  const people = all.filter((candidate) => !candidate.org);
  const pool = subjects[0] ? subjects : people[0] ? people : all;
  const hinted = pool.filter((candidate) => hints.some((hint) => key(hint) === key(candidate.fields.name)));
  return pool.length < 2 ? pool[0] : hinted.length === 1 ? hinted[0] : null;
}

/** A schema.org-shaped entity with a name, its properties read through `get`. */
function entity(type: string, get: (property: string) => string | undefined, subject: boolean, url: URL) {
  const org = /\b(Organization|Corporation)\b/.test(type);
  const fields: PageFields = /\bCustomer\b/.test(type) ? { role: 'customer' } : {};
  const raw: Record<SnapshotField, string | undefined> = {
    name: get('name'),
    email: get('email'),
    phone: get('telephone'),
    company: org ? undefined : get('worksFor'),
    externalId: get('identifier'),
  };
  for (const field of Object.keys(raw) as SnapshotField[]) {
    const text = clean(field, raw[field]);
    if (text) fields[field] = text;
  }
  try {
    // The back office's own company, marked up on every one of its pages, is not a contact.
    if (org && new URL(get('url') ?? 'x:', url).origin === url.origin) return [];
  } catch {
    // Not a URL: not this site's.
  }
  return fields.name && (org || /\b(Person|Customer)\b/.test(type)) ? [{ fields, org, subject }] : [];
}

/** Top-level and @graph nodes of every JSON-LD block, and what a mainEntity or about points to. */
function jsonLd(doc: Document, url: URL): Candidate[] {
  const nodes: Json[] = [];
  for (const script of first(doc.querySelectorAll('script[type="application/ld+json"]'), 20)) {
    try {
      for (const node of list(JSON.parse(script.textContent!)).filter(isObject)) {
        nodes.push(...(node['@graph'] ? list(node['@graph']).filter(isObject) : [node]));
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
      : isObject(value) && depth < 4
        ? text(deref(value)['name'] ?? value['@value'] ?? value['value'], depth + 1)
        : Array.isArray(value) && depth < 4
          ? text(value[0], depth + 1)
          : undefined;
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

/**
 * Microdata items and hCards. An item that is another's property (worksFor, author, seller) is
 * not the page's subject unless it is its mainEntity; a card inside a post or a card is a byline.
 */
function items(doc: Document, url: URL): Candidate[] {
  return first(doc.querySelectorAll('[itemscope][itemtype],.vcard,.h-card'), 50).flatMap((scope) => {
    const property = scope.getAttribute('itemprop');
    const subject = /\b(mainEntity|about)\b/.test(property!);
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
 * fields, aria-labelled inputs, and "Label: value" text in small elements, among the page's first
 * 1,500 candidate elements. Placeholders are hints, not values, and are never read.
 */
function readLabels(doc: Document, found: (label: Label, element: Element, raw: string) => void) {
  for (const element of first(doc.querySelectorAll('dt,th,td,label,li,p,span,strong,b,small,div'), 1500)) {
    // "Phone: 555 0134" in the element's own text; the value after the colon or in the next node.
    for (let node = element.firstChild; node; node = node.nextSibling) {
      const text = node.nodeType === 3 ? node.nodeValue! : '';
      const colon = text.search(/[:：]/);
      const label = colon > 0 && colon < 40 && labelOf(text.slice(0, colon));
      if (label) found(label, element, text.slice(colon + 1).trim() || after(node));
    }
    // An element that is only a label: <dt>Email</dt><dd>…</dd>, <label for>, <b>Email:</b> …
    // Elsewhere a bare word needs a colon or a label class: a "Customer" badge is not a label.
    if (element.childElementCount > 2) continue;
    const text = element.textContent!;
    const label =
      text.length < 40 &&
      (/^(DT|TH|TD|LABEL)$/.test(element.tagName) ||
        /label/i.test(element.className) ||
        /[:：]\s*$/.test(text)) &&
      labelOf(text);
    if (label) found(label, element, valueFor(element));
  }
  for (const input of first(doc.querySelectorAll('input[aria-label],textarea[aria-label]'), 100)) {
    const label = labelOf(input.getAttribute('aria-label')!);
    if (label) found(label, input, control(input));
  }
}

function valueFor(label: Element): string {
  const tag = label.tagName;
  const id = (label as HTMLLabelElement).htmlFor;
  const input =
    tag === 'LABEL' && (id ? label.ownerDocument.getElementById(id) : label.querySelector('input,textarea'));
  if (input) return control(input);
  const cell = label.nextElementSibling;
  // A label cell starts its row; a "Customer" in a list's Type column is a value, not a label.
  if (/^(TH|TD|DT)$/.test(tag)) {
    return /^(TD|DD)$/.test(cell?.tagName ?? '') && (tag !== 'TD' || !label.previousElementSibling)
      ? cell!.textContent!
      : '';
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

/**
 * The text after `node` among its siblings, up to the first element with text, a line break or
 * the next label; or the value of an input that follows an unassociated label.
 */
function after(node: Node): string {
  let text = '';
  for (let next = node.nextSibling; next && text.length < 2000; next = next.nextSibling) {
    if (next.nodeType === 1) {
      if (text.trim() || next.nodeName === 'BR' || labelOf(next.textContent!)) break;
      if (/^(INPUT|TEXTAREA)$/.test(next.nodeName)) return control(next as Element);
    }
    if (next.nodeType < 4) text += next.textContent;
  }
  return text;
}

function control(input: Element): string {
  return /^(INPUT|TEXTAREA)$/.test(input.tagName) &&
    !/^(password|hidden|checkbox|radio|search)$/i.test(input.getAttribute('type')!)
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
function headingText(
  root: ParentNode | null | undefined,
  level = 'h1,[role=heading][aria-level="1"]',
): string {
  const heading = root && first(root.querySelectorAll(level), 10).find((h) => !skipped(h));
  const text = squash(heading?.textContent);
  const colon = text.search(/[:：]/);
  return squash((labelOf(text.slice(0, colon)) ? text.slice(colon + 1) : text).split(/\s[|·—–]\s|\s\(/)[0]);
}

/** Whether a heading or title reads as a person's or company's name rather than a page's title. */
function nameLike(text: string | undefined): text is string {
  const words = text?.split(' ') ?? [];
  return (
    !!text &&
    text.length < 80 &&
    words.length < 7 &&
    /\p{L}/u.test(text) &&
    !/[\d<>{}@=/\\]/.test(text) &&
    // Lower-case words still belong in names ("Ludwig van Beethoven", "Bank of the West"); page
    // words do not ("Customer details", "Our team").
    !words.some(
      (word) =>
        /^(customers?|contacts?|clients?|details?|settings|dashboard|overview|profile|accounts?|orders?|invoices?|products?|reports?|users?|team|people|search|home|help|welcome|edit|address(es)?|info(rmation)?|billing|shipping|notes|activity|history|summary)$/i.test(
          word,
        ) ||
        (/^\p{Ll}/u.test(word) &&
          !/^(d[aeiu]|dos|del|van|von|der|den|l[ae]|bin|al|y|and|of|the)$/.test(word)),
    )
  );
}

/** Site chrome and hidden content. A header or footer is chrome unless it belongs to a section. */
function skipped(element: Element): boolean {
  const chrome = element.closest('header,footer');
  return (
    !!element.closest(
      'nav,[role=navigation],[hidden],[aria-hidden=true],tally-launcher,[style*="display:none"],[style*="display: none"]',
    ) ||
    !!chrome !==
      !!chrome?.parentElement?.closest('main,article,section,aside,dialog,[role=main],[role=dialog]')
  );
}

function clean(field: SnapshotField, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (field === 'email') {
    const address = /[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+/.exec(raw.slice(0, 1000))?.[0];
    return address && isEmail(address) ? address : undefined;
  }
  const text = squash(raw).replace(/^tel:/i, '');
  if (field !== 'phone') return cleanText(text, SNAPSHOT_LIMITS[field]);
  return /^\+?[\d\s().\-/]{5,30}((ext\.?|x)\s*\d{1,6})?$/i.test(text) && /(\d\D*){5}/.test(text)
    ? text
    : undefined;
}

/** What two values are compared by: the digits of a phone number, the lower case of the rest. */
function key(value: string | undefined): string {
  return value && /^[\d\s().+\-/]+$/.test(value) ? value.replace(/\D/g, '') : (value ?? '').toLowerCase();
}

function labelOf(text: string): Label | undefined {
  return LABEL_FIELDS[LABEL.exec(text)?.slice(1).findIndex(Boolean) ?? -1];
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
  return element.getAttribute('content') ?? element.textContent!;
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
