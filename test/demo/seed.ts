/**
 * Seeded, repeatable data for the demo back offices: the same seed yields deep-equal data, so tests,
 * screenshots and benchmarks can name customers, SKUs and orders by id.
 */
import { dateIn2026 } from './dates';
import { formatPhone, uniqueEmail } from './people';
import { createRandom, type Random } from './random';
import {
  AREA_CODES,
  CITIES,
  COMPANY_STEMS,
  COMPANY_SUFFIXES,
  FIRST_NAMES,
  LAST_NAMES,
  PRODUCT_ADJECTIVES,
  PRODUCT_CATEGORIES,
} from './seed-words';
import { generateCrmData, type CrmData } from './seed-crm';
import { generatePosData, type PosData } from './seed-pos';
import { generateRepairData, type RepairData } from './seed-repair';

export { createRandom, mulberry32, type Random } from './random';

export interface DemoCustomer {
  readonly id: string;
  readonly name: string;
  /** null for the few customers the back office has no email for. */
  readonly email: string | null;
  /** As typed by whoever entered it, in varied formats; null for about one customer in ten. */
  readonly phone: string | null;
  readonly company: string;
  readonly city: string;
}

export interface DemoProduct {
  readonly sku: string;
  readonly name: string;
  readonly category: string;
  readonly priceMinor: number;
  readonly currency: 'USD';
  /** EAN-13 with a valid check digit, in the 20–29 in-store range so it can never clash with a real one. */
  readonly barcode: string;
}

export interface DemoOrderLine {
  readonly sku: string;
  readonly qty: number;
  readonly unitPriceMinor: number;
}

export interface DemoOrder {
  readonly id: string;
  readonly customerId: string;
  /** Calendar date, YYYY-MM-DD, within 2026. */
  readonly date: string;
  readonly currency: 'USD';
  readonly lines: readonly DemoOrderLine[];
}

export interface DemoData {
  /** Northwind Direct's customers, catalog and orders. */
  readonly customers: readonly DemoCustomer[];
  readonly products: readonly DemoProduct[];
  readonly orders: readonly DemoOrder[];
  /** Each other back office's data, from a stream of its own (see streamFor). */
  readonly repair: RepairData;
  readonly pos: PosData;
  readonly crm: CrmData;
}

export const CUSTOMER_COUNT = 300;
export const PRODUCT_COUNT = 1000;
export const ORDER_COUNT = 2000;

/** A stored-XSS payload: the demo must show it as literal text, and so must Tally. */
export const XSS_CUSTOMER_ID = 'C-00007';
export const XSS_CUSTOMER_NAME = '<img src=x onerror=alert(1)>Mallory "Bobby" Tables';

/** The customer the examples, the adapter fixtures and the benchmark page use; every field present. */
export const SAMPLE_CUSTOMER_ID = 'C-00042';

/**
 * Customers pinned to known values. They are applied after the random draws, so pinning one never
 * shifts the random stream of the others.
 */
const PINNED_CUSTOMERS: Readonly<Record<string, Omit<DemoCustomer, 'id'>>> = {
  [XSS_CUSTOMER_ID]: {
    name: XSS_CUSTOMER_NAME,
    email: 'mallory@example.com',
    phone: '(415) 555-0107',
    company: `Bobby's "Little" Tables & Co. <b>`,
    city: 'San Francisco',
  },
  [SAMPLE_CUSTOMER_ID]: {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '(415) 555-0134',
    company: 'Analytical Engines Ltd.',
    city: 'San Francisco',
  },
};

export function generateDemoData(seed = 42): DemoData {
  const random = createRandom(seed);
  // Generated in a fixed order from one stream, so each part depends only on the seed.
  const customers = generateCustomers(random);
  const products = generateProducts(random);
  const orders = generateOrders(random, customers, products);
  return {
    customers,
    products,
    orders,
    repair: generateRepairData(seed),
    pos: generatePosData(seed),
    crm: generateCrmData(seed),
  };
}

function generateCustomers(random: Random): DemoCustomer[] {
  const usedEmails = new Set<string>();
  const customers: DemoCustomer[] = [];
  for (let n = 1; n <= CUSTOMER_COUNT; n++) {
    const id = `C-${String(n).padStart(5, '0')}`;
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const hasEmail = !random.chance(0.03);
    const hasPhone = !random.chance(0.1);
    const email = uniqueEmail(random, first, last, usedEmails);
    const phone = formatPhone(random, random.pick(AREA_CODES), random.int(100, 199));
    const company = `${random.pick(COMPANY_STEMS)} ${random.pick(COMPANY_SUFFIXES)}`;
    const city = random.pick(CITIES);
    const pinned = PINNED_CUSTOMERS[id];
    customers.push(
      pinned
        ? { id, ...pinned }
        : {
            id,
            name: `${first} ${last}`,
            email: hasEmail ? email : null,
            phone: hasPhone ? phone : null,
            company,
            city,
          },
    );
  }
  return customers;
}

function generateProducts(random: Random): DemoProduct[] {
  const usedNames = new Set<string>();
  const products: DemoProduct[] = [];
  for (let n = 0; n < PRODUCT_COUNT; n++) {
    const words = random.pick(PRODUCT_CATEGORIES);
    const name = uniqueProductName(random, words, usedNames);
    const [low, high] = words.priceRangeMinor;
    const dollars = random.int(Math.floor(low / 100), Math.floor(high / 100));
    const cents = random.pick([99, 99, 50, 0, 95]);
    products.push({
      sku: `NW-${1001 + n}`,
      name,
      category: words.category,
      priceMinor: dollars * 100 + cents,
      currency: 'USD',
      barcode: ean13(`20${String(random.int(0, 9999)).padStart(4, '0')}${String(n).padStart(6, '0')}`),
    });
  }
  return products;
}

/**
 * Names are unique so that a search for a name finds one product. Some carry a ", size" and some a
 * quoted edition: both are what make CSV quoting (RFC 4180) necessary in the export.
 */
function uniqueProductName(
  random: Random,
  words: (typeof PRODUCT_CATEGORIES)[number],
  used: Set<string>,
): string {
  for (;;) {
    let name = `${random.pick(PRODUCT_ADJECTIVES)} ${random.pick(words.nouns)}`;
    if (random.chance(0.05)) name += ` "${random.pick(['Limited Edition', 'Pro', 'Signature'])}"`;
    if (random.chance(0.6)) name += `, ${random.pick(words.sizes)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function ean13(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return first12 + String((10 - (sum % 10)) % 10);
}

function generateOrders(
  random: Random,
  customers: readonly DemoCustomer[],
  products: readonly DemoProduct[],
): DemoOrder[] {
  // Uneven weights: some customers order often, some never, as in a real book of business.
  const weights = customers.map((customer) =>
    customer.id === SAMPLE_CUSTOMER_ID ? 8 : random.chance(0.15) ? 0 : 1 + random.next() * random.next() * 12,
  );
  const pickCustomer = weightedPicker(random, customers, weights);

  // Ids rise with the date, as a back office numbering orders as they come in would.
  const days = Array.from({ length: ORDER_COUNT }, () => random.int(0, 364)).sort((a, b) => a - b);
  return days.map((day, index) => {
    const lineCount = random.pick([1, 1, 1, 2, 2, 3, 4, 5]);
    const skus = new Set<string>();
    const lines: DemoOrderLine[] = [];
    while (lines.length < lineCount) {
      const product = random.pick(products);
      if (skus.has(product.sku)) continue;
      skus.add(product.sku);
      const discounted = random.chance(0.1);
      lines.push({
        sku: product.sku,
        qty: random.chance(0.7) ? 1 : random.int(2, 6),
        unitPriceMinor: discounted ? Math.round(product.priceMinor * 0.9) : product.priceMinor,
      });
    }
    return {
      id: `SO-${10001 + index}`,
      customerId: pickCustomer().id,
      date: dateIn2026(day),
      currency: 'USD',
      lines,
    };
  });
}

function weightedPicker<T>(random: Random, items: readonly T[], weights: readonly number[]): () => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) cumulative.push((total += weight));
  return () => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? 0) > target) high = mid;
      else low = mid + 1;
    }
    const item = items[low];
    if (item === undefined) throw new Error('weightedPicker: no items');
    return item;
  };
}
