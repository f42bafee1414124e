import { BuyBack, type BuyBackItem, type Payout } from '../../../src/domain/buyback';
import type { PurchaseRecord } from '../../../src/domain/purchase';
import { DEFAULT_RECEIPT_TEMPLATE, type ReceiptTemplate } from '../../../src/domain/receipt-template';
import type { ReceiptLayoutInput } from '../../../src/pdf/receipt-layout';

/** Buy-backs, templates and purchases for the receipt tests, each checked by its schema. */

const AT = '2026-03-03T10:00:00.000Z';
let made = 0;
const uuid = () => {
  made += 1;
  return `00000000-0000-4000-8000-${String(made).padStart(12, '0')}`;
};

export function item(description: string, minor: number, extra: Partial<BuyBackItem> = {}): BuyBackItem {
  return {
    id: uuid(),
    description,
    condition: 'B',
    price: { minor, currency: extra.price?.currency ?? 'USD' },
    stage: 'bought',
    ...extra,
  };
}

export function payout(amountMinor: number, currency = 'USD', extra: Partial<Payout> = {}): Payout {
  return {
    id: uuid(),
    method: 'Cash',
    amount: { minor: amountMinor, currency },
    paidAt: AT,
    paidOn: '2026-03-03',
    ...extra,
  };
}

export function buyBack(items: BuyBackItem[], extra: Partial<BuyBack> = {}): BuyBack {
  return BuyBack.parse({
    id: uuid(),
    createdAt: AT,
    updatedAt: AT,
    number: 42,
    contactId: uuid(),
    status: extra.payout ? 'paid' : 'estimate',
    currency: 'USD',
    seller: { idType: 'Passport', idNumber: 'X1234567', idExpiry: '2030-01-31', dateOfBirth: '1990-05-17' },
    notes: '',
    items,
    log: [],
    ...extra,
  });
}

export function template(
  extra: Partial<Omit<ReceiptTemplate, 'show'>> & { show?: Partial<ReceiptTemplate['show']> } = {},
): ReceiptTemplate {
  return {
    ...DEFAULT_RECEIPT_TEMPLATE,
    shopName: 'Fixit Repair & Resale',
    address: '12 Market Street\n\nSpringfield 12345',
    terms: 'Sold as is.\nNo refunds after 14 days.',
    ...extra,
    show: { ...DEFAULT_RECEIPT_TEMPLATE.show, ...extra.show },
  };
}

export const seller = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+1 555 0100',
  company: 'Analytical Ltd',
};

export function purchase(
  lines: { name: string; quantity: number; unitMinor: number }[],
  currency = 'USD',
): PurchaseRecord {
  return {
    id: uuid(),
    createdAt: AT,
    updatedAt: AT,
    contactId: uuid(),
    kind: 'purchase',
    purchaseDate: '2026-03-03',
    currency,
    lines: lines.map((line) => ({
      productId: uuid(),
      sku: line.name.toUpperCase().replace(/\W+/g, '-'),
      name: line.name,
      quantity: line.quantity,
      unitPrice: { minor: line.unitMinor, currency },
      catalogPrice: { minor: line.unitMinor, currency },
    })),
  };
}

/** A paid buy-back of two phones, paid in cash with a reference and a message. */
export function paidInput(extra: Partial<ReceiptLayoutInput> = {}): ReceiptLayoutInput {
  const items = [
    item('iPhone 12, 64 GB, blue', 25000, { serial: '356938035643809', condition: 'A' }),
    item('Galaxy S21', 18050, { serial: 'R58N1234ABC', condition: 'C' }),
  ];
  return {
    buyBack: buyBack(items, {
      payout: payout(43050, 'USD', { reference: 'R-778', message: 'Thanks, Ada!' }),
    }),
    seller,
    template: template(),
    locale: 'en-US',
    ...extra,
  };
}
