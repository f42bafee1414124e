import type { BackOfficeCustomer, BackOfficeLine, BackOfficeOrder } from '../../src/domain/back-office-order';
import { addDays } from '../../src/domain/calendar';
import type { CalendarDate } from '../../src/domain/dates';
import { mulberry32 } from '../demo/random';
import type {
  ContactInput,
  ReconcileResult,
  RecordedLineInput,
  RecordedOrderInput,
} from '../../src/reconcile/types';

/**
 * A generated reconciliation with ground truth: contacts, the orders a rep recorded, and a back
 * office's export derived from them the way real exports drift — dates a day off, customers
 * named "J. Smith" or "SMITH, Jane" instead of by id, product names abbreviated and re-cased,
 * prices rounded, lines and whole orders missing, lines added, orders split in two — mixed into
 * many more orders the rep never recorded (other customers, and the same customers on other
 * days). `truth` says which export line each recorded line really is.
 *
 * Seeded and free of Node APIs, so the benchmark can generate 100,000 export rows in the page.
 */

export interface ScenarioNoise {
  /** A recorded order the back office does not have at all. */
  missingOrder: number;
  /** A recorded line the back office left out of an order it has. */
  missingLine: number;
  /** A line the back office has on an order that was not recorded. */
  extraLine: number;
  /** The back office dated the order a day before or after. */
  dateShift: number;
  /** The back office rounded a unit price to the nearest 0.50 (within the 5 % tolerance). */
  priceRounded: number;
  /** The back office has another price (beyond the tolerance): still the same line, a conflict. */
  priceChanged: number;
  /** The back office has another quantity: still the same line, a conflict. */
  quantityChanged: number;
  /** The back office split the order in two. */
  splitOrder: number;
  /** An export line with no SKU and the product's name abbreviated or re-cased. */
  nameOnlyProduct: number;
  /** A customer the export names only (no id, email or phone Tally knows). */
  customerByName: number;
  /**
   * The customer bought one of the recorded products again two or three days later, and the rep
   * did not record it: a decoy inside the date window that only the better match tells apart.
   */
  repeatPurchase: number;
}

export const DEFAULT_NOISE: ScenarioNoise = {
  missingOrder: 0.04,
  missingLine: 0.03,
  extraLine: 0.03,
  dateShift: 0.15,
  priceRounded: 0.1,
  priceChanged: 0.01,
  quantityChanged: 0.02,
  splitOrder: 0.05,
  nameOnlyProduct: 0.2,
  customerByName: 0.08,
  repeatPurchase: 0.05,
};

export interface ScenarioOptions {
  seed: number;
  /** Contacts known to Tally. */
  contacts: number;
  /** Orders the rep recorded (about 3 lines each). */
  recordedOrders: number;
  /** Rows the export should have in all: orders Tally never saw fill it up to this many. */
  exportRows?: number;
  /** Of those other orders, the share placed by known contacts (the rest: other customers). */
  knownCustomerShare?: number;
  /** Products in the catalog. */
  products?: number;
  /** Days the recorded orders and the export span, from `start`. */
  days?: number;
  start?: CalendarDate;
  noise?: Partial<ScenarioNoise>;
}

/** The export line a recorded line really is. */
export interface TruthLine {
  orderId: string;
  line: number;
}

export interface Scenario {
  contacts: ContactInput[];
  recorded: RecordedOrderInput[];
  exportOrders: BackOfficeOrder[];
  /** For each recorded line (truthKey), its export line, or null when the export lacks it. */
  truth: Map<string, TruthLine | null>;
  /** Rows of the export (lines of all its orders). */
  exportRows: number;
}

export function truthKey(purchaseId: string, lineIndex: number): string {
  return `${purchaseId}#${lineIndex}`;
}

const GIVEN = [
  'Jane', 'John', 'Maria', 'Ahmed', 'Chen', 'Olga', 'Pierre', 'Amara', 'Kenji', 'Lucia', 'Noah', 'Emma',
  'Liam', 'Sofia', 'Mateo', 'Aisha', 'Ivan', 'Zoë', 'Hugo', 'Ingrid', 'Rahul', 'Fatima', 'Diego', 'Hana',
  'Oscar', 'Nadia', 'Tomas', 'Yara', 'Felix', 'Greta', 'Samir', 'Leila', 'Marco', 'Elena', 'Pavel', 'Rosa',
  'Victor', 'Alice', 'Bruno', 'Clara',
]; // prettier-ignore
const SURNAMES = [
  'Smith', 'García', 'Müller', 'Rossi', 'Nowak', 'Dubois', 'Okafor', 'Tanaka', 'Silva', 'Kowalski', 'Jensen',
  'Novak', 'Horvat', 'Petrov', 'Haddad', 'Nguyen', 'Kim', 'Larsen', 'Moreau', 'Fischer', 'Costa', 'Ibrahim',
  'Andersson', 'Popescu', 'Kovács', 'Yilmaz', 'Murphy', "O'Brien", 'Schmidt', 'Ferreira', 'Lindqvist',
  'Virtanen', 'Baptiste', 'Mensah', 'Sato', 'Park', 'Chowdhury', 'Álvarez', 'Weber', 'Bauer', 'Keller',
  'Wagner', 'Becker', 'Hoffmann', 'Richter', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Köhler', 'Walter', 'Mayer',
]; // prettier-ignore
// Customers Tally has never heard of: other surnames, so a name never lands on a contact by chance.
const OTHER_SURNAMES = [
  'Abbott', 'Barker', 'Chandler', 'Dalton', 'Eastwood', 'Fairbanks', 'Gallagher', 'Hargrove', 'Ingram',
  'Jennings', 'Kirkland', 'Lockwood', 'Merriweather', 'Northcott', 'Oakley', 'Pemberton', 'Quigley',
  'Radcliffe', 'Sutherland', 'Thornbury', 'Underwood', 'Vance', 'Whitaker', 'Yardley',
]; // prettier-ignore
const QUALITIES = [
  'Organic', 'Classic', 'Premium', 'Wild', 'Smoked', 'Spiced', 'Rustic', 'Golden', 'Herbal', 'Fresh',
  'Roasted', 'Alpine', 'Coastal', 'Velvet', 'Midnight', 'Sunrise', 'Harvest', 'Meadow', 'Cedar', 'Amber',
]; // prettier-ignore
const FLAVOURS = [
  'Lavender', 'Ginger', 'Lemon', 'Vanilla', 'Peppermint', 'Cinnamon', 'Hibiscus', 'Chamomile', 'Cocoa',
  'Blackberry', 'Rosemary', 'Almond', 'Coconut', 'Saffron', 'Walnut', 'Juniper', 'Cardamom', 'Honeydew',
]; // prettier-ignore
const GOODS = [
  'Tea', 'Coffee', 'Soap', 'Candle', 'Honey', 'Granola', 'Lotion', 'Balm', 'Syrup', 'Biscuits', 'Chutney',
  'Mustard', 'Oil', 'Vinegar', 'Shampoo', 'Scrub', 'Muesli', 'Jam', 'Salt', 'Pasta',
]; // prettier-ignore
const SIZES = ['100g', '250g', '500g', '1kg', '50ml', '200ml', '500ml', '1l', '12 pack', '6 pack'];

interface Product {
  sku: string;
  name: string;
  priceMinor: number;
}

interface Person {
  contact: ContactInput;
  given: string;
  surname: string;
  /** The id the back office knows the customer by (its own even when Tally lacks it). */
  backOfficeId: string;
  email?: string;
  phone?: string;
  /** Whether "J. Smith" names no other contact, so that the export may write it so. */
  abbreviable: boolean;
}

export function generateScenario(options: ScenarioOptions): Scenario {
  const random = mulberry32(options.seed);
  const noise = { ...DEFAULT_NOISE, ...options.noise };
  const days = options.days ?? 90;
  const start = options.start ?? '2026-01-05';
  const chance = (p: number) => random() < p;
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const catalog = makeCatalog(options.products ?? 400, random, pick);
  const people = makePeople(options.contacts, random, pick);
  const dates = Array.from({ length: days }, (_, day) => addDays(start, day));

  const recorded: RecordedOrderInput[] = [];
  const truth = new Map<string, TruthLine | null>();
  // Export orders are built first as drafts (lines without file line numbers), then numbered.
  interface Draft {
    date: CalendarDate;
    customer: BackOfficeCustomer;
    lines: { line: Omit<BackOfficeLine, 'line'>; truth?: string }[];
  }
  const drafts: Draft[] = [];

  for (let index = 0; index < options.recordedOrders; index++) {
    const person = pick(people);
    const dayIndex = integer(0, days - 1);
    const date = dates[dayIndex] as CalendarDate;
    const kind = chance(0.05) ? 'sample' : 'purchase';
    const products = distinct(catalog, integer(1, 5), pick);
    const lines: RecordedLineInput[] = products.map((product) => ({
      sku: product.sku,
      name: product.name,
      quantity: kind === 'sample' ? 1 : integer(1, 6),
      unitPriceMinor: kind === 'sample' ? 0 : product.priceMinor,
    }));
    const purchaseId = `p-${String(index).padStart(6, '0')}`;
    recorded.push({ purchaseId, contactId: person.contact.contactId, kind, date, currency: 'USD', lines });
    lines.forEach((_, lineIndex) => truth.set(truthKey(purchaseId, lineIndex), null));
    if (chance(noise.missingOrder)) continue;

    // Shifting a day keeps the date inside the period, so the export still covers the record.
    const shift = chance(noise.dateShift) ? pick([-1, 1]) : 0;
    const exportDate = dates[Math.min(days - 1, Math.max(0, dayIndex + shift))] as CalendarDate;
    const customer = exportCustomer(person, chance(noise.customerByName), random, pick);
    const exported: Draft['lines'] = [];
    lines.forEach((line, lineIndex) => {
      if (lines.length > 1 && chance(noise.missingLine)) return;
      const product = products[lineIndex] as Product;
      let quantity = line.quantity;
      if (chance(noise.quantityChanged)) quantity = quantity === 1 ? 2 : quantity + pick([-1, 1]);
      let price = line.unitPriceMinor;
      if (chance(noise.priceRounded)) price = Math.round(price / 50) * 50;
      // A sample stays free: charged, it would be a sale, not the sample (candidates.ts).
      if (chance(noise.priceChanged) && price > 0) price = Math.round(price * 1.2) + 100;
      exported.push({
        line: {
          ...exportProduct(product, chance(noise.nameOnlyProduct), random, pick),
          quantity,
          unitPriceMinor: price,
        },
        truth: truthKey(purchaseId, lineIndex),
      });
    });
    if (chance(noise.extraLine)) {
      const extra = pick(catalog);
      if (!products.includes(extra)) {
        exported.push({
          line: {
            sku: extra.sku,
            name: extra.name,
            quantity: integer(1, 3),
            unitPriceMinor: extra.priceMinor,
          },
        });
      }
    }
    if (chance(noise.repeatPurchase)) {
      const again = pick(products);
      const later = dates[Math.min(days - 1, dayIndex + pick([2, 3]))] as CalendarDate;
      drafts.push({
        date: later,
        customer: exportCustomer(person, false, random, pick),
        lines: [
          {
            line: {
              sku: again.sku,
              name: again.name,
              quantity: integer(1, 6),
              unitPriceMinor: again.priceMinor,
            },
          },
        ],
      });
    }
    if (exported.length === 0) continue;
    if (exported.length > 1 && chance(noise.splitOrder)) {
      const cut = integer(1, exported.length - 1);
      drafts.push({ date: exportDate, customer, lines: exported.slice(0, cut) });
      drafts.push({ date: exportDate, customer, lines: exported.slice(cut) });
    } else {
      drafts.push({ date: exportDate, customer, lines: exported });
    }
  }

  // Orders the rep never recorded, up to the row count asked for: by known customers on any day,
  // and by customers Tally has never heard of.
  let rows = drafts.reduce((sum, draft) => sum + draft.lines.length, 0);
  const target = options.exportRows ?? rows;
  const knownShare = options.knownCustomerShare ?? 0.4;
  let stranger = 0;
  while (rows < target) {
    const known = chance(knownShare);
    const customer = known
      ? exportCustomer(pick(people), false, random, pick)
      : strangerCustomer(stranger++, random, pick);
    const products = distinct(catalog, Math.min(target - rows, integer(1, 5)), pick);
    drafts.push({
      date: pick(dates),
      customer,
      lines: products.map((product) => ({
        line: {
          ...exportProduct(product, chance(noise.nameOnlyProduct), random, pick),
          quantity: integer(1, 6),
          unitPriceMinor: product.priceMinor,
        },
      })),
    });
    rows += products.length;
  }

  // The file lists orders by date, as back offices export them; rows are numbered from line 2.
  const order = drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => (a.draft.date < b.draft.date ? -1 : a.draft.date > b.draft.date ? 1 : a.index - b.index));
  const exportOrders: BackOfficeOrder[] = [];
  let fileLine = 2;
  order.forEach(({ draft }, index) => {
    const orderId = `SO-${String(10000 + index)}`;
    const lines = draft.lines.map(({ line, truth: key }) => {
      const numbered: BackOfficeLine = { line: fileLine++, ...line };
      if (key !== undefined) truth.set(key, { orderId, line: numbered.line });
      return numbered;
    });
    exportOrders.push({ orderId, date: draft.date, currency: 'USD', customer: draft.customer, lines });
  });

  return {
    contacts: people.map((person) => person.contact),
    recorded,
    exportOrders,
    truth,
    exportRows: fileLine - 2,
  };
}

function distinct<T>(list: readonly T[], count: number, pick: (list: readonly T[]) => T): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, list.length)) chosen.add(pick(list));
  return [...chosen];
}

function makeCatalog(count: number, random: () => number, pick: <T>(list: readonly T[]) => T): Product[] {
  const names = new Set<string>();
  const products: Product[] = [];
  while (products.length < count) {
    const name = `${pick(QUALITIES)} ${pick(FLAVOURS)} ${pick(GOODS)} ${pick(SIZES)}`;
    if (names.has(name)) continue;
    names.add(name);
    // Prices like 4.99, 12.49, 24.95: real shelf prices, which rounding to 0.50 moves a little.
    const priceMinor = 299 + Math.floor(random() * 40) * 50 + pick([0, 49, 45, 99]);
    products.push({ sku: `SKU-${String(1000 + products.length)}`, name, priceMinor });
  }
  return products;
}

function makePeople(count: number, random: () => number, pick: <T>(list: readonly T[]) => T): Person[] {
  const names = new Set<string>();
  const initials = new Map<string, number>();
  const drafts: Omit<Person, 'abbreviable'>[] = [];
  const limit = GIVEN.length * SURNAMES.length;
  while (drafts.length < count) {
    const given = pick(GIVEN);
    const surname = pick(SURNAMES);
    const name = `${given} ${surname}`;
    // Names are unique up to the pools' size; past it, namesakes appear (as in a real book).
    if (names.has(name) && names.size < limit) continue;
    names.add(name);
    const initial = `${given[0]} ${surname}`;
    initials.set(initial, (initials.get(initial) ?? 0) + 1);
    const index = drafts.length;
    const contactId = `c-${String(index).padStart(6, '0')}`;
    const linked = random() < 0.7;
    const backOfficeId = `C-${String(50000 + index)}`;
    const hasEmail = random() < 0.7;
    const hasPhone = random() < 0.6;
    const email = hasEmail ? `${foldAscii(given)}.${foldAscii(surname)}${index}@example.com` : undefined;
    const digits = String(1000 + (index % 9000)).padStart(4, '0');
    const area = 200 + Math.floor(index / 9000) * 11 + 12;
    const phone = hasPhone ? `(${area}) 555-${digits}` : undefined;
    drafts.push({
      contact: {
        contactId,
        name,
        backOfficeIds: linked ? [backOfficeId] : [],
        ...(email ? { emailKey: email.toLowerCase() } : {}),
        ...(phone ? { phoneKey: `+1${area}555${digits}` } : {}),
      },
      given,
      surname,
      backOfficeId,
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
    });
  }
  return drafts.map((draft) => ({
    ...draft,
    abbreviable: initials.get(`${draft.given[0]} ${draft.surname}`) === 1,
  }));
}

function foldAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

/**
 * How the export names a known customer: by the back office's id when the contact is linked to
 * it, else by email or phone; or — when `byName`, or when Tally has no key for the customer —
 * by a name written the back office's way (with, for a contact Tally never linked, the back
 * office's own id, which Tally does not know and which therefore contradicts nothing).
 */
function exportCustomer(
  person: Person,
  byName: boolean,
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
): BackOfficeCustomer {
  const linked = person.contact.backOfficeIds.length > 0;
  const name = `${person.given} ${person.surname}`;
  if (!byName) {
    if (linked) return { id: person.backOfficeId, name };
    if (person.email) return { id: person.backOfficeId, email: person.email.toUpperCase(), name };
    if (person.phone) return { id: person.backOfficeId, phone: person.phone, name };
  }
  const written = nameVariant(person, random, pick);
  return linked ? { name: written } : { id: person.backOfficeId, name: written };
}

function nameVariant(person: Person, random: () => number, pick: <T>(list: readonly T[]) => T): string {
  const { given, surname } = person;
  const forms = [
    `${surname.toUpperCase()}, ${given}`,
    `${given.toLowerCase()} ${surname.toLowerCase()}`,
    `${given} ${surname.toUpperCase()}`,
    `${surname}, ${given}`,
  ];
  if (person.abbreviable) forms.push(`${given[0]}. ${surname}`, `${surname.toUpperCase()}, ${given[0]}.`);
  return random() < 0.5 ? (pick(forms) as string) : `${given} ${surname}`;
}

function strangerCustomer(
  index: number,
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
): BackOfficeCustomer {
  const name = `${pick(GIVEN)} ${pick(OTHER_SURNAMES)}`;
  const customer: BackOfficeCustomer = { id: `X-${index}`, name };
  if (random() < 0.5) customer.email = `guest${index}@example.net`;
  if (random() < 0.3) customer.phone = `+44 20 7946 ${String(index % 10000).padStart(4, '0')}`;
  return customer;
}

/** A product as the export gives it: with its SKU, or only a name abbreviated or re-cased. */
function exportProduct(
  product: Product,
  nameOnly: boolean,
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
): Pick<BackOfficeLine, 'sku' | 'name'> {
  if (!nameOnly) return { sku: product.sku, name: product.name };
  const words = product.name.split(' ');
  const at = Math.floor(random() * (words.length - 1));
  const word = words[at] as string;
  const variants = [
    // "Organic" → "Org."
    () => words.map((w, i) => (i === at && w.length > 4 ? `${w.slice(0, 3)}.` : w)).join(' '),
    () => product.name.toUpperCase(),
    () => product.name.toLowerCase(),
    // "500g" → "500 g"
    () => product.name.replace(/(\d)([a-z])/, '$1 $2'),
    // "Candle" → "Cndl"
    () =>
      words
        .map((w, i) =>
          i === at && /^[A-Z][a-z]{4,}$/.test(w) ? w[0] + w.slice(1).replace(/[aeiouy]/g, '') : w,
        )
        .join(' '),
  ];
  const name = pick(variants)();
  return { name: name === '' ? word : name };
}

/** Precision and recall of the result's line matches against the scenario's truth. */
export function lineMatchQuality(
  result: ReconcileResult,
  truth: ReadonlyMap<string, TruthLine | null>,
): { precision: number; recall: number; matched: number; correct: number; expected: number } {
  let matched = 0;
  let correct = 0;
  for (const entry of result.recorded) {
    for (const line of entry.lines) {
      if (line.backOfficeOrderId === undefined) continue;
      matched++;
      const real = truth.get(truthKey(entry.purchaseId, line.lineIndex));
      if (real && real.orderId === line.backOfficeOrderId && real.line === line.backOfficeLine) correct++;
    }
  }
  let expected = 0;
  for (const real of truth.values()) if (real) expected++;
  return {
    precision: matched === 0 ? 1 : correct / matched,
    recall: expected === 0 ? 1 : correct / expected,
    matched,
    correct,
    expected,
  };
}
