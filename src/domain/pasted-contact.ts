/**
 * Paste-a-contact: the customer's name, email and phone read from text the user pasted — a vCard
 * (an address book's export) or a block of text (an email signature, a CRM record copied as
 * text, an address line). Where the extension reads the customer from the page, the web app has
 * this; both builds offer it on the sidebar's "no customer" card.
 *
 * Pasted text is untrusted like page text: every field is cleaned and cut by the snapshot's
 * rules (cleanText, SNAPSHOT_LIMITS), and the caller shows it as text only.
 */
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/min';
import { cleanText, isEmail, SNAPSHOT_LIMITS, type SnapshotField } from './contact-snapshot';

/** Longest paste read; the rest is ignored (a contact fits in far less). */
export const PASTE_LIMIT = 20_000;

/** What was read: the fields of a contact snapshot that were found (adapters' PageFields). */
export type PastedFields = Partial<Record<SnapshotField, string>>;

export type PastedContact =
  /** `otherContacts`: how many more vCards were pasted after the one read (never mixed in). */
  | { found: true; fields: PastedFields; otherContacts: number }
  | { found: false; reason: 'empty' | 'nothing_found' };

/** The contact in `text`, or why there is none. `defaultCountry` reads phones without a +code. */
export function readPastedContact(text: string, defaultCountry: CountryCode): PastedContact {
  const pasted = text.slice(0, PASTE_LIMIT).replace(/\r\n?/g, '\n');
  if (!pasted.trim()) return { found: false, reason: 'empty' };
  const cards = vCards(pasted);
  const [first] = cards;
  const raw = first === undefined ? readTextBlock(pasted, defaultCountry) : readVCard(first);
  const fields = cleanFields(raw);
  if (fields.name === undefined && fields.email === undefined && fields.phone === undefined) {
    return { found: false, reason: 'nothing_found' };
  }
  return { found: true, fields, otherContacts: Math.max(0, cards.length - 1) };
}

function cleanFields(raw: PastedFields): PastedFields {
  const fields: PastedFields = {};
  for (const field of Object.keys(SNAPSHOT_LIMITS) as SnapshotField[]) {
    const value = cleanText(raw[field], SNAPSHOT_LIMITS[field]);
    if (value === undefined) continue;
    if (field === 'email' && !isEmail(value)) continue;
    fields[field] = value;
  }
  return fields;
}

// ——— vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350) ———

/** The text of each BEGIN:VCARD … END:VCARD block, in order; a last one left open counts too. */
function vCards(text: string): string[] {
  const cards: string[] = [];
  const begin = /^[ \t]*BEGIN:VCARD[ \t]*$/gim;
  const starts = [...text.matchAll(begin)].map((match) => match.index + match[0].length);
  starts.forEach((start, index) => {
    const next = starts[index + 1] ?? text.length;
    const body = text.slice(start, next);
    const end = /^[ \t]*END:VCARD[ \t]*$/im.exec(body);
    cards.push(end ? body.slice(0, end.index) : body);
  });
  return cards;
}

interface Property {
  /** "item1" in Apple's `item1.EMAIL`, lower case; "" without a group. */
  group: string;
  name: string;
  /** Parameter names and values, lower case: TYPE values and 2.1's bare `CELL`, `WORK`, `PREF`. */
  types: Set<string>;
  value: string;
}

/**
 * The properties of one vCard: folded lines unfolded (a line starting with a space or tab
 * continues the previous one), 2.1's quoted-printable soft breaks joined and decoded.
 */
function properties(card: string): Property[] {
  const lines = card.replace(/\n[ \t]/g, '').split('\n');
  const found: Property[] = [];
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index] ?? '';
    const colon = unquotedIndex(line, ':');
    if (colon < 0) continue;
    const head = line.slice(0, colon);
    const params = splitUnquoted(head, ';');
    const fullName = params.shift()?.trim() ?? '';
    const dot = fullName.lastIndexOf('.');
    const group = dot < 0 ? '' : fullName.slice(0, dot).toLowerCase();
    const name = fullName.slice(dot + 1).toUpperCase();
    const types = new Set<string>();
    let quotedPrintable = false;
    let charset = 'utf-8';
    for (const param of params) {
      const equals = param.indexOf('=');
      const key = (equals < 0 ? 'type' : param.slice(0, equals)).trim().toLowerCase();
      const values = (equals < 0 ? param : param.slice(equals + 1))
        .split(',')
        .map((value) => value.trim().replace(/^"|"$/g, '').toLowerCase());
      if (key === 'encoding' || (key === 'type' && values.includes('quoted-printable'))) {
        quotedPrintable ||= values.includes('quoted-printable');
      } else if (key === 'charset') {
        charset = values[0] ?? charset;
      } else if (key === 'type') {
        for (const value of values) types.add(value);
      } else if (key === 'pref') {
        types.add('pref');
      }
    }
    if (quotedPrintable) {
      // A quoted-printable value ending in "=" goes on on the next line.
      while (line.endsWith('=') && index + 1 < lines.length) {
        line = line.slice(0, -1) + (lines[++index] ?? '');
      }
    }
    const raw = line.slice(colon + 1);
    found.push({ group, name, types, value: quotedPrintable ? decodeQuotedPrintable(raw, charset) : raw });
  }
  return found;
}

/** Where `char` first occurs outside double quotes (parameter values may quote a colon). */
function unquotedIndex(text: string, char: string): number {
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const current = text[index];
    if (current === '"') quoted = !quoted;
    else if (current === char && !quoted) return index;
  }
  return -1;
}

function splitUnquoted(text: string, separator: string): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let at = unquotedIndex(rest, separator); at >= 0; at = unquotedIndex(rest, separator)) {
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  return parts;
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index++) {
    const hex = value.slice(index + 1, index + 3);
    if (value[index] === '=' && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(value.charCodeAt(index) & 0xff);
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(new Uint8Array(bytes));
}

/** A structured value's components (N, ORG), split on unescaped ";" and each unescaped. */
function components(value: string): string[] {
  return value.split(/(?<!\\);/).map(unescapeText);
}

/** vCard text escapes: `\,` `\;` `\\` and `\n` (a line break, shown here as a space). */
function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? ' ' : char));
}

function readVCard(card: string): PastedFields {
  const props = properties(card);
  const named = (name: string) => props.filter((prop) => prop.name === name);
  // Apple labels a grouped property in a sibling: item1.TEL + item1.X-ABLabel:_$!<Mobile>!$_
  const labels = new Map(
    named('X-ABLABEL').map((prop) => [prop.group, unescapeText(prop.value).toLowerCase()] as const),
  );
  const isMobile = (prop: Property) =>
    ['cell', 'mobile', 'iphone'].some(
      (type) => prop.types.has(type) || (prop.group !== '' && labels.get(prop.group)?.includes(type)),
    );
  const fields: PastedFields = {};

  const fullName = named('FN')
    .map((prop) => unescapeText(prop.value).trim())
    .find(Boolean);
  const [family = '', given = '', additional = ''] = components(named('N')[0]?.value ?? '');
  const assembled = [given, additional, family]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
  const name = fullName ?? assembled;
  if (name) fields.name = name;

  const emails = named('EMAIL')
    .map((prop) => ({
      prop,
      email: unescapeText(prop.value)
        .trim()
        .replace(/^mailto:/i, ''),
    }))
    .filter(({ email }) => isEmail(email));
  const email = (emails.find(({ prop }) => prop.types.has('pref')) ?? emails[0])?.email;
  if (email) fields.email = email;

  const phones = named('TEL')
    .filter((prop) => !prop.types.has('fax'))
    .map((prop) => ({ prop, phone: telText(prop.value) }))
    .filter(({ phone }) => /\d/.test(phone));
  const phone = (phones.find(({ prop }) => isMobile(prop)) ?? phones[0])?.phone;
  if (phone) fields.phone = phone;

  const company = named('ORG')
    .map((prop) => components(prop.value)[0]?.trim())
    .find(Boolean);
  if (company) fields.company = company;
  return fields;
}

/** A TEL value as written: 4.0's `tel:+1-555-0100;ext=12` URI without its scheme and parameters. */
function telText(value: string): string {
  const text = unescapeText(value).trim();
  return /^tel:/i.test(text) ? (text.slice(4).split(';')[0] ?? '') : text;
}

// ——— A block of text ———

type Label = SnapshotField | 'firstName' | 'lastName' | 'mobile' | 'fax' | 'other';

/**
 * Labels as CRMs, signatures and forms write them, English and French, lower case and without
 * accents; each maps to the field it announces. "other" labels (address, website…) mark lines
 * that are not the contact's name.
 */
const LABELS: Readonly<Record<string, Label>> = {
  name: 'name',
  'full name': 'name',
  'contact name': 'name',
  contact: 'name',
  customer: 'name',
  'customer name': 'name',
  client: 'name',
  'client name': 'name',
  'nom complet': 'name',
  'nom du client': 'name',
  'prenom nom': 'name',
  'nom prenom': 'name',
  // French forms pair "Nom" (family name) with "Prénom"; alone, it holds the whole name.
  nom: 'lastName',
  'first name': 'firstName',
  'given name': 'firstName',
  prenom: 'firstName',
  'last name': 'lastName',
  surname: 'lastName',
  'family name': 'lastName',
  'nom de famille': 'lastName',
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  'email address': 'email',
  'e-mail address': 'email',
  courriel: 'email',
  'adresse e-mail': 'email',
  'adresse email': 'email',
  'adresse mail': 'email',
  'adresse electronique': 'email',
  phone: 'phone',
  'phone number': 'phone',
  tel: 'phone',
  'tel.': 'phone',
  telephone: 'phone',
  't.': 'phone',
  t: 'phone',
  p: 'phone',
  'work phone': 'phone',
  'home phone': 'phone',
  office: 'phone',
  direct: 'phone',
  fixe: 'phone',
  'tel fixe': 'phone',
  'ligne directe': 'phone',
  mobile: 'mobile',
  'mobile phone': 'mobile',
  mob: 'mobile',
  'mob.': 'mobile',
  cell: 'mobile',
  'cell phone': 'mobile',
  m: 'mobile',
  'm.': 'mobile',
  portable: 'mobile',
  'tel portable': 'mobile',
  'tel. portable': 'mobile',
  gsm: 'mobile',
  fax: 'fax',
  telecopie: 'fax',
  f: 'fax',
  company: 'company',
  'company name': 'company',
  organization: 'company',
  organisation: 'company',
  org: 'company',
  employer: 'company',
  business: 'company',
  account: 'company',
  'account name': 'company',
  societe: 'company',
  entreprise: 'company',
  'raison sociale': 'company',
  'customer id': 'externalId',
  'customer #': 'externalId',
  'customer no': 'externalId',
  'customer no.': 'externalId',
  'customer number': 'externalId',
  'client id': 'externalId',
  'client #': 'externalId',
  'account number': 'externalId',
  'account #': 'externalId',
  'n° client': 'externalId',
  'no client': 'externalId',
  'numero client': 'externalId',
  'numero de client': 'externalId',
  'reference client': 'externalId',
  'ref client': 'externalId',
  'ref. client': 'externalId',
  id: 'externalId',
  address: 'other',
  adresse: 'other',
  'postal address': 'other',
  'adresse postale': 'other',
  street: 'other',
  rue: 'other',
  city: 'other',
  ville: 'other',
  country: 'other',
  pays: 'other',
  zip: 'other',
  'code postal': 'other',
  website: 'other',
  web: 'other',
  'site web': 'other',
  'site internet': 'other',
  url: 'other',
  title: 'other',
  'job title': 'other',
  titre: 'other',
  poste: 'other',
  fonction: 'other',
  role: 'other',
  notes: 'other',
  note: 'other',
  from: 'other',
  to: 'other',
  cc: 'other',
  de: 'other',
  a: 'other',
  date: 'other',
  subject: 'other',
  objet: 'other',
  sent: 'other',
  envoye: 'other',
};

/** A line's label, lower case and unaccented ("Téléphone :" → "telephone"), and its value. */
function labelled(line: string): { label: string; value: string } | null {
  const match = /^([\p{L}][\p{L}.#°' -]{0,29}?)\s*:\s*(.*)$/u.exec(line);
  const label = match?.[1] ? fold(match[1]) : undefined;
  return label === undefined ? null : { label, value: match?.[2]?.trim() ?? '' };
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const LINE_LIMIT = 500;
const EMAIL_IN_TEXT = /[^\s@<>()[\]\\,;:"'`]+@[^\s@<>()[\]\\,;:"'`]+\.[^\s@<>()[\]\\,;:"'`]{2,}/g;
const ADDRESS_LINE =
  /(?:^|[\s:,;])"?([^"<>@\n:;,]*?(?:,[^"<>@\n:;,]*?)?)"?\s*<\s*(?:mailto:)?([^<>\s]+@[^<>\s]+)\s*>/u;
const URL_LIKE = /(?:https?:\/\/|www\.)\S+|\b[\w-]+\.(?:com|net|org|fr|io|co|uk|de|eu|biz|info)(?:\/\S*)?$/i;
const COMPANY_LIKE =
  /\b(?:inc|ltd|llc|llp|plc|gmbh|sarl|sas|sasu|eurl|s\.?a\.?|s\.?a\.?r\.?l|corp|corporation|company|co|limited|group|groupe|holdings?|bv|ag|ab|oy|pty|sprl|srl|spa)\b\.?$|&/i;
const CLOSING =
  /^(?:best|best regards|kind regards|regards|warm regards|many thanks|thanks|thank you|cheers|sincerely|yours|cordialement|bien cordialement|bien a vous|salutations|merci|a bientot|sent from|envoye de)\b/;

function readTextBlock(text: string, defaultCountry: CountryCode): PastedFields {
  // No line of a contact is longer; the cut keeps the searches below linear in the paste.
  const rawLines = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(0, LINE_LIMIT));
  const lines = tableAsLabels(rawLines)
    // Signatures put several things on a line: "Jane Doe | Acme Inc. | +1 415 555 0134", and so
    // does a list row: "Alice Smith, alice@example.com, +1 212 555 0147".
    .flatMap((line) => line.split(line.includes('@') ? /\s+[|·•–—-]\s+|[,;]\s+/ : /\s+[|·•–—-]\s+/))
    // A spreadsheet's cells copy with a tab between them: "E-mail<tab>grace@navy.example".
    .map((line) => cleanText(line.trim().replace(/\t+/, ': '), LINE_LIMIT))
    .filter((line): line is string => line !== undefined);
  const fields: PastedFields = {};
  const byLabel: Partial<Record<Label, string>> = {};
  /** Lines that announce something else than the contact's name. */
  const notName = new Set<string>();
  for (const line of lines) {
    const found = labelled(line);
    const label = found ? LABELS[found.label] : undefined;
    if (!found || label === undefined) continue;
    notName.add(line);
    if (found.value && byLabel[label] === undefined) byLabel[label] = found.value;
  }

  // The email: a labelled one, else the first address in the text.
  const address = rawLines.map((line) => ADDRESS_LINE.exec(line)).find(Boolean);
  const labelledEmail = byLabel.email?.match(EMAIL_IN_TEXT)?.[0];
  const email = [labelledEmail, address?.[2], ...rawLines.flatMap((line) => line.match(EMAIL_IN_TEXT) ?? [])]
    .map((candidate) => candidate?.replace(/^mailto:/i, '').replace(/[.]+$/, ''))
    .find((candidate) => candidate !== undefined && isEmail(candidate));
  if (email) fields.email = email;

  const phone = readPhone(lines, byLabel, defaultCountry);
  if (phone) fields.phone = phone;

  const name =
    byLabel.name ??
    ([byLabel.firstName, byLabel.lastName].filter(Boolean).join(' ') || undefined) ??
    displayName(address?.[1]) ??
    lines.find((line) => !notName.has(line) && looksLikeName(line));
  if (name) fields.name = name;

  const company = byLabel.company ?? lines.find((line) => !notName.has(line) && isCompanyLike(line));
  if (company && company !== name) fields.company = company;
  if (byLabel.externalId) fields.externalId = byLabel.externalId;
  return fields;
}

/**
 * A header row and one row under it, copied from a spreadsheet or a CSV ("Name<tab>Email",
 * "Alice<tab>alice@example.com"), as labelled lines ("Name: Alice"). Only when every header cell
 * is a known label and the row has as many cells; otherwise the lines as they are.
 */
function tableAsLabels(lines: string[]): string[] {
  const [header, row, ...rest] = lines;
  if (header === undefined || row === undefined) return lines;
  const cellsOf = (line: string, delimiter: string) =>
    line.split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
  for (const delimiter of ['\t', ';', ',']) {
    const labels = cellsOf(header, delimiter);
    const cells = cellsOf(row, delimiter);
    if (labels.length < 2 || labels.length !== cells.length) continue;
    if (!labels.every((label) => LABELS[fold(label)] !== undefined)) continue;
    return [...labels.map((label, index) => `${label}: ${cells[index] ?? ''}`), ...rest];
  }
  return lines;
}

/**
 * The phone: libphonenumber's numbers found line by line, a mobile one first, fax numbers
 * skipped; else a labelled value with enough digits that libphonenumber could not place.
 */
function readPhone(
  lines: string[],
  byLabel: Partial<Record<Label, string>>,
  defaultCountry: CountryCode,
): string | undefined {
  const found: { phone: string; mobile: boolean }[] = [];
  for (const line of lines) {
    let after = 0;
    for (const number of findPhoneNumbersInText(line, defaultCountry)) {
      // What is written just before the number says what it is: "Mobile :", "T.", "Fax".
      const before = fold(line.slice(after, number.startsAt)).replace(/[\s:.()–-]+$/, '');
      const label = LABELS[before] ?? LABELS[`${before}.`];
      after = number.endsAt;
      if (label === 'fax') continue;
      found.push({ phone: line.slice(number.startsAt, number.endsAt), mobile: label === 'mobile' });
    }
  }
  const best = found.find(({ mobile }) => mobile) ?? found[0];
  if (best) return best.phone;
  const labelledPhone = byLabel.mobile ?? byLabel.phone;
  return labelledPhone &&
    /^[+\d\s().\-/]+$/.test(labelledPhone) &&
    labelledPhone.replace(/\D/g, '').length >= 5
    ? labelledPhone
    : undefined;
}

/** An address line's display name: `"Doe, Jane" <jane@x.com>` → "Jane Doe". */
function displayName(raw: string | undefined): string | undefined {
  const name = raw?.trim().replace(/^"|"$/g, '').trim();
  if (!name || !/\p{L}/u.test(name)) return undefined;
  const [family, given, ...rest] = name.split(',').map((part) => part.trim());
  return given && rest.length === 0 && family ? `${given} ${family}` : name;
}

function isCompanyLike(line: string): boolean {
  return line.length <= 100 && COMPANY_LIKE.test(line) && !line.includes('@');
}

/** A line that could be a person's name: a few words of letters, nothing an address or a sentence has. */
function looksLikeName(line: string): boolean {
  const words = line.split(' ');
  return (
    line.length <= 80 &&
    words.length <= 5 &&
    /\p{L}/u.test(line) &&
    !/[\d@/\\:;<>!?=_{}[\]|]/.test(line) &&
    !/[.,]$/.test(line) &&
    !URL_LIKE.test(line) &&
    !isCompanyLike(line) &&
    !CLOSING.test(fold(line))
  );
}
