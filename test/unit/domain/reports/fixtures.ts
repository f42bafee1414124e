import type { PurchaseLine, PurchaseRecord } from '../../../../src/domain/purchase';

/** Purchases and samples for report tests, built as the store keeps them. */

export function line(quantity: number, minor: number, currency = 'USD', name = 'Hand Cream'): PurchaseLine {
  return {
    productId: crypto.randomUUID(),
    sku: `SKU-${name.length}`,
    name,
    quantity,
    unitPrice: { minor, currency },
    catalogPrice: { minor, currency },
  };
}

export function record(
  contactId: string,
  purchaseDate: string,
  options: Partial<PurchaseRecord> = {},
): PurchaseRecord {
  const lines = options.lines ?? [line(1, 1000)];
  const at = `${purchaseDate}T12:00:00.000Z`;
  return {
    id: crypto.randomUUID(),
    createdAt: at,
    updatedAt: at,
    contactId,
    kind: 'purchase',
    purchaseDate,
    currency: lines[0]?.unitPrice.currency ?? 'USD',
    lines,
    ...options,
  };
}
