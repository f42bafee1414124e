import { BuyBack, type BuyBackItem, type SellerId } from '../../src/domain/buyback';
import type { Contact } from '../../src/domain/contact';

/** Buy-backs and sellers for the dealer report's tests, written as the payout leaves them. */

const T = '2026-11-01T09:00:00.000Z';

export function seller(name: string, more: Partial<Contact> = {}): Contact {
  return {
    id: crypto.randomUUID(),
    createdAt: T,
    updatedAt: T,
    name,
    role: 'supplier',
    externalIds: [],
    externalKeys: [],
    nameKey: name.toLowerCase(),
    ...more,
  };
}

export function item(description: string, minor: number, more: Partial<BuyBackItem> = {}): BuyBackItem {
  return {
    id: crypto.randomUUID(),
    description,
    condition: 'B',
    price: { minor, currency: 'USD' },
    stage: 'bought',
    ...more,
  };
}

export interface PaidBuyBack {
  number: number;
  contact: Contact;
  paidAt: string;
  paidOn: string;
  items: BuyBackItem[];
  seller?: SellerId;
  method?: string;
  reference?: string;
  deletedAt?: string;
}

/** A buy-back paid out at `paidAt`, on the shop's calendar day `paidOn`. */
export function paidBuyBack(spec: PaidBuyBack): BuyBack {
  const total = spec.items.reduce((sum, one) => sum + one.price.minor, 0);
  return BuyBack.parse({
    id: crypto.randomUUID(),
    createdAt: T,
    updatedAt: spec.paidAt,
    ...(spec.deletedAt ? { deletedAt: spec.deletedAt } : {}),
    number: spec.number,
    contactId: spec.contact.id,
    status: 'paid',
    currency: 'USD',
    seller: spec.seller ?? {},
    notes: '',
    items: spec.items,
    log: [],
    payout: {
      id: crypto.randomUUID(),
      method: spec.method ?? 'Cash',
      ...(spec.reference ? { reference: spec.reference } : {}),
      amount: { minor: total, currency: 'USD' },
      paidAt: spec.paidAt,
      paidOn: spec.paidOn,
    },
  });
}

/** The same buy-back before its payout: an estimate, which no report lists. */
export function estimate(spec: Omit<PaidBuyBack, 'paidAt' | 'paidOn'>): BuyBack {
  const { payout: _payout, ...rest } = paidBuyBack({ ...spec, paidAt: T, paidOn: '2026-11-01' });
  return BuyBack.parse({ ...rest, status: 'estimate' });
}
