/**
 * Seeded data for "Till POS": one contact list holding customers and suppliers alike, as small-retail
 * point-of-sale systems keep it. A contact's URL id ("42") is not its account number ("CUS-00042").
 */
import { drawPerson } from './people';
import { streamFor } from './random';
import { COMPANY_STEMS, COMPANY_SUFFIXES } from './seed-words';

export type PosContactType = 'customer' | 'supplier';

export interface PosContact {
  /** The id in the app's URLs: /pos/contacts?contact=42. */
  readonly id: string;
  readonly type: PosContactType;
  /** What the POS shows as "Account no.": CUS-00042 or SUP-00003. */
  readonly accountNo: string;
  /** A supplier's contact person. */
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  /** Always set for suppliers. */
  readonly company: string | null;
  readonly spendMinor: number;
  readonly visits: number;
}

export interface PosData {
  readonly contacts: readonly PosContact[];
}

export const POS_CONTACT_COUNT = 240;

/** Ada Lovelace once more, her phone typed a third way. */
export const POS_SAMPLE_ID = '42';
export const POS_SUPPLIER_ID = '3';
/** Markup, quotes and an emoji in the name. */
export const POS_XSS_ID = '7';
export const POS_XSS_NAME = `<img src=x onerror=alert(1)>Eve 🍕 "Pizza" O'Brien`;
export const POS_NO_PHONE_ID = '12';

type ContactFields = Omit<PosContact, 'id' | 'accountNo' | 'spendMinor' | 'visits'>;

const PINNED: Readonly<Record<string, ContactFields>> = {
  [POS_SAMPLE_ID]: {
    type: 'customer',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '415-555-0134',
    company: 'Analytical Engines Ltd.',
  },
  [POS_SUPPLIER_ID]: {
    type: 'supplier',
    name: 'Linus Torvalds',
    email: 'orders@penguinparts.example.com',
    phone: '+1 (503) 555-0142',
    company: 'Penguin Parts Wholesale',
  },
  [POS_XSS_ID]: {
    type: 'customer',
    name: POS_XSS_NAME,
    email: 'eve@example.org',
    phone: '(212) 555-0107',
    company: null,
  },
  [POS_NO_PHONE_ID]: {
    type: 'customer',
    name: 'Katherine Johnson',
    email: 'katherine.johnson@example.net',
    phone: null,
    company: 'Orbital Bakery',
  },
};

const WHOLESALE = ['Wholesale', 'Distribution', 'Supply Co.', 'Imports'] as const;

export function generatePosData(seed: number): PosData {
  const random = streamFor(seed, 'pos');
  const usedEmails = new Set<string>();
  const contacts = Array.from({ length: POS_CONTACT_COUNT }, (_, index): PosContact => {
    const id = String(index + 1);
    const person = drawPerson(random, usedEmails);
    const supplier = random.chance(0.12);
    const stem = random.pick(COMPANY_STEMS);
    const company = supplier
      ? `${stem} ${random.pick(WHOLESALE)}`
      : random.chance(0.3)
        ? `${stem} ${random.pick(COMPANY_SUFFIXES)}`
        : null;
    const hasEmail = !random.chance(0.1);
    const hasPhone = !random.chance(0.1);
    const spendMinor = random.int(0, 250_000);
    const visits = random.int(0, 60);
    const fields: ContactFields = PINNED[id] ?? {
      type: supplier ? 'supplier' : 'customer',
      name: person.name,
      email: hasEmail ? person.email : null,
      phone: hasPhone ? person.phone : null,
      company,
    };
    const prefix = fields.type === 'supplier' ? 'SUP' : 'CUS';
    return {
      id,
      ...fields,
      accountNo: `${prefix}-${id.padStart(5, '0')}`,
      spendMinor: fields.type === 'supplier' ? 0 : spendMinor,
      visits: fields.type === 'supplier' ? 0 : visits,
    };
  });
  return { contacts };
}
