/**
 * Seeded data for "Acme CRM", the back office no Tally adapter knows: the user has to teach Tally
 * where its fields are, or rely on the generic guess.
 */
import { drawPerson } from './people';
import { streamFor } from './random';
import { COMPANY_STEMS, COMPANY_SUFFIXES } from './seed-words';

export type CrmStage = 'Lead' | 'Prospect' | 'Customer' | 'Churned';

export interface CrmClient {
  /** Numeric, in the URL: /crm/clients/1234. */
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly company: string;
  /** "ACM-1234": the number on invoices, shown as "Account number". */
  readonly accountNo: string;
  readonly stage: CrmStage;
  readonly owner: string;
  readonly city: string;
}

export interface CrmData {
  readonly clients: readonly CrmClient[];
}

export const CRM_CLIENT_COUNT = 120;
export const CRM_FIRST_ID = 1201;

/** The client the teaching examples use; every field present. */
export const CRM_SAMPLE_ID = '1234';
/** Hebrew (right to left) and markup in one name. */
export const CRM_HOSTILE_ID = '1207';

const PINNED: Readonly<Record<string, Omit<CrmClient, 'id' | 'accountNo'>>> = {
  [CRM_SAMPLE_ID]: {
    name: 'Grace Hopper',
    email: 'grace@example.com',
    phone: '+1 415 555 0199',
    company: 'Navy Compilers Inc.',
    stage: 'Customer',
    owner: 'Dana Whitfield',
    city: 'Arlington',
  },
  [CRM_HOSTILE_ID]: {
    name: 'נועה כהן <script>alert(1)</script>',
    email: 'noa.cohen@example.org',
    phone: '+972 3 555 0107',
    company: 'Tel Aviv "Tech" & Sons',
    stage: 'Prospect',
    owner: 'Sam Okafor',
    city: 'Tel Aviv',
  },
};

const STAGES: readonly CrmStage[] = ['Lead', 'Prospect', 'Customer', 'Customer', 'Churned'];
const OWNERS = ['Dana Whitfield', 'Sam Okafor', 'Priya Raman', 'Lee Chen'] as const;

export function generateCrmData(seed: number): CrmData {
  const random = streamFor(seed, 'crm');
  const usedEmails = new Set<string>();
  const clients = Array.from({ length: CRM_CLIENT_COUNT }, (_, index): CrmClient => {
    const id = String(CRM_FIRST_ID + index);
    const person = drawPerson(random, usedEmails);
    const hasEmail = !random.chance(0.05);
    const hasPhone = !random.chance(0.1);
    const drawn = {
      name: person.name,
      email: hasEmail ? person.email : null,
      phone: hasPhone ? person.phone : null,
      company: `${random.pick(COMPANY_STEMS)} ${random.pick(COMPANY_SUFFIXES)}`,
      stage: random.pick(STAGES),
      owner: random.pick(OWNERS),
      city: person.city,
    };
    return { id, ...(PINNED[id] ?? drawn), accountNo: `ACM-${id}` };
  });
  return { clients };
}
