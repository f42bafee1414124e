import type { PurchaseKind, PurchaseRecord } from '../../src/domain/purchase';

let recorded = 0;

/**
 * A stored purchase record as the repositories return it, for tests of pure rules: one line per
 * [productId, quantity], each at $12.50, recorded one second after the previous one.
 */
export function purchaseRecord(
  kind: PurchaseKind,
  contactId: string,
  purchaseDate: string,
  lines: readonly (readonly [productId: string, quantity?: number])[],
  options: { names?: Readonly<Record<string, string>>; extra?: Partial<PurchaseRecord> } = {},
): PurchaseRecord {
  recorded += 1;
  const at = new Date(Date.UTC(2026, 0, 1) + recorded * 1000).toISOString();
  const price = { minor: 1250, currency: 'USD' };
  return {
    id: `record-${recorded}`,
    createdAt: at,
    updatedAt: at,
    contactId,
    kind,
    purchaseDate,
    currency: 'USD',
    lines: lines.map(([productId, quantity = 1]) => ({
      productId,
      sku: productId.toUpperCase(),
      name: options.names?.[productId] ?? productId,
      quantity,
      unitPrice: price,
      catalogPrice: price,
    })),
    ...options.extra,
  };
}
