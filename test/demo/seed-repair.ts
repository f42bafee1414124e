/**
 * Seeded data for "Fixit Repair & Resale": walk-in customers (numeric ids, mostly without a company),
 * their repair tickets, and the devices the shop bought from them to resell.
 */
import { dateIn2026 } from './dates';
import { drawPerson } from './people';
import { streamFor, type Random } from './random';
import { CITIES, COMPANY_STEMS, COMPANY_SUFFIXES } from './seed-words';

export interface RepairCustomer {
  /** Numeric, as the shop's counter software numbers them: "1042". */
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  /** Most walk-in customers have none. */
  readonly company: string | null;
  readonly address: string;
  readonly notes: string;
}

export type TicketStatus =
  'Checked in' | 'Diagnosing' | 'Waiting on parts' | 'Ready for pickup' | 'Picked up';

export interface RepairTicket {
  readonly id: string;
  readonly customerId: string;
  readonly date: string;
  readonly device: string;
  readonly issue: string;
  readonly status: TicketStatus;
  readonly estimateMinor: number;
}

export type BuyBackStatus = 'Estimate' | 'Paid' | 'Waiting on refurb' | 'Added to inventory' | 'Completed';

export interface RepairBuyBack {
  readonly id: string;
  readonly customerId: string;
  readonly date: string;
  readonly item: string;
  readonly serial: string;
  readonly offerMinor: number;
  readonly status: BuyBackStatus;
}

export interface RepairData {
  readonly customers: readonly RepairCustomer[];
  readonly tickets: readonly RepairTicket[];
  readonly buyBacks: readonly RepairBuyBack[];
}

export const REPAIR_CUSTOMER_COUNT = 150;
export const REPAIR_TICKET_COUNT = 420;
export const REPAIR_BUYBACK_COUNT = 140;

/** Ada Lovelace again (same email as on Northwind, phone typed differently): one person, two shops. */
export const REPAIR_SAMPLE_ID = '1042';
/** A right-to-left name with an emoji, and a stored-XSS payload in the notes. */
export const REPAIR_RTL_ID = '1007';
/** No phone and no company on file. */
export const REPAIR_NO_PHONE_ID = '1013';

const PINNED: Readonly<Record<string, Omit<RepairCustomer, 'id'>>> = {
  [REPAIR_SAMPLE_ID]: {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+1 415 555 0134',
    company: 'Analytical Engines Ltd.',
    address: '12 Babbage Row, San Francisco',
    notes: 'Prefers a call when the device is ready.',
  },
  [REPAIR_RTL_ID]: {
    name: 'ليلى حداد 📱',
    email: 'layla.haddad@example.net',
    phone: '(628) 555-0177',
    company: null,
    address: '88 Valencia St, San Francisco',
    notes: 'Asked us to print <img src=x onerror=alert(1)> on the receipt. We did not.',
  },
  [REPAIR_NO_PHONE_ID]: {
    name: 'Søren Kierkegaard',
    email: 'soren.k@example.org',
    phone: null,
    company: null,
    address: '5 Either Or Lane, Oakland',
    notes: '',
  },
};

const STREETS = [
  'Main St',
  'Oak Ave',
  'Mission St',
  'Market St',
  '2nd Ave',
  'Harbor Blvd',
  'Elm Ct',
] as const;
const NOTES = [
  '',
  '',
  '',
  'Regular; ask about the loyalty card.',
  'Pays cash.',
  'Only reachable after 5 pm.',
  'Brought in a device from a relative, ID checked.',
] as const;
const DEVICES = [
  'iPhone 13',
  'iPhone 12 mini',
  'Galaxy S22',
  'Pixel 7',
  'iPad (9th gen)',
  'MacBook Air M1',
  'ThinkPad T14',
  'Nintendo Switch OLED',
  'PlayStation 5',
  'Apple Watch Series 7',
] as const;
const ISSUES = [
  'Cracked screen',
  'Battery replacement',
  'Water damage',
  'Charging port',
  'Will not power on',
  'Keyboard replacement',
  'Stick drift',
] as const;
const TICKET_STATUSES: readonly TicketStatus[] = [
  'Checked in',
  'Diagnosing',
  'Waiting on parts',
  'Ready for pickup',
  'Picked up',
  'Picked up',
  'Picked up',
];
const BUYBACK_STATUSES: readonly BuyBackStatus[] = [
  'Estimate',
  'Paid',
  'Waiting on refurb',
  'Added to inventory',
  'Completed',
  'Completed',
];

export function generateRepairData(seed: number): RepairData {
  const random = streamFor(seed, 'repair');
  const customers = generateCustomers(random);
  const ids = customers.map((customer) => customer.id);
  const tickets = Array.from({ length: REPAIR_TICKET_COUNT }, (_, index): RepairTicket => {
    // Every fortieth ticket is the sample customer's, so her page always has a history.
    const customerId = index % 40 === 0 ? REPAIR_SAMPLE_ID : random.pick(ids);
    return {
      id: `T-${5001 + index}`,
      customerId,
      date: dateIn2026(Math.floor((index * 365) / REPAIR_TICKET_COUNT)),
      device: random.pick(DEVICES),
      issue: random.pick(ISSUES),
      status: random.pick(TICKET_STATUSES),
      estimateMinor: random.int(29, 349) * 100 + random.pick([0, 50, 99]),
    };
  });
  const buyBacks = Array.from({ length: REPAIR_BUYBACK_COUNT }, (_, index): RepairBuyBack => {
    const customerId = index % 35 === 0 ? REPAIR_SAMPLE_ID : random.pick(ids);
    return {
      id: `BB-${301 + index}`,
      customerId,
      date: dateIn2026(Math.floor((index * 365) / REPAIR_BUYBACK_COUNT)),
      item: random.pick(DEVICES),
      serial: serialNumber(random),
      offerMinor: random.int(15, 420) * 100,
      status: random.pick(BUYBACK_STATUSES),
    };
  });
  return { customers, tickets, buyBacks };
}

function generateCustomers(random: Random): RepairCustomer[] {
  const usedEmails = new Set<string>();
  const customers: RepairCustomer[] = [];
  for (let n = 0; n < REPAIR_CUSTOMER_COUNT; n++) {
    const id = String(1001 + n);
    const person = drawPerson(random, usedEmails);
    const hasEmail = !random.chance(0.15);
    const hasPhone = !random.chance(0.08);
    const company = random.chance(0.2)
      ? `${random.pick(COMPANY_STEMS)} ${random.pick(COMPANY_SUFFIXES)}`
      : null;
    const address = `${random.int(1, 999)} ${random.pick(STREETS)}, ${random.pick(CITIES)}`;
    const notes = random.pick(NOTES);
    customers.push({
      id,
      ...(PINNED[id] ?? {
        name: person.name,
        email: hasEmail ? person.email : null,
        phone: hasPhone ? person.phone : null,
        company,
        address,
        notes,
      }),
    });
  }
  return customers;
}

function serialNumber(random: Random): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  return Array.from({ length: 10 }, () => alphabet[random.int(0, alphabet.length - 1)]).join('');
}
