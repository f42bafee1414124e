import { describe, it, expect } from 'vitest';
import type { Contact } from '../../../src/domain/contact';
import type { PurchaseLine, PurchaseRecord } from '../../../src/domain/purchase';
import { PURCHASE_EXPORT_COLUMNS, purchasesToCsv } from '../../../src/csv/purchases-export';
import { isCsvFileError, parseCsvTable } from '../../../src/csv/table';

const T = '2024-05-01T10:00:00.000Z';

const contact: Contact = {
  id: '11111111-1111-4111-8111-111111111111',
  createdAt: T,
  updatedAt: T,
  name: 'Ana Müller',
  email: 'ana@example.com',
  role: 'customer',
  externalIds: [
    { backOffice: 'shopdesk', id: 'C-42' },
    { backOffice: 'legacy', id: '7' },
  ],
  externalKeys: [],
  nameKey: 'ana muller',
};

const bare: Contact = {
  ...contact,
  id: '22222222-2222-4222-8222-222222222222',
  name: '=Bob',
  email: undefined,
  externalIds: [],
};

function line(sku: string, quantity: number, minor: number, currency = 'USD'): PurchaseLine {
  return {
    productId: '33333333-3333-4333-8333-333333333333',
    sku,
    name: `Product ${sku}`,
    quantity,
    unitPrice: { minor, currency },
    catalogPrice: { minor, currency },
  };
}

function record(
  id: string,
  contactId: string,
  lines: PurchaseLine[],
  extra: Partial<PurchaseRecord> = {},
): PurchaseRecord {
  return {
    id,
    createdAt: T,
    updatedAt: T,
    contactId,
    kind: 'purchase',
    purchaseDate: '2024-05-01',
    currency: lines[0]?.unitPrice.currency ?? 'USD',
    lines,
    ...extra,
  };
}

function exportRows(records: PurchaseRecord[]): string[][] {
  const contacts = new Map([contact, bare].map((c) => [c.id, c]));
  const parsed = parseCsvTable(purchasesToCsv(records, contacts).slice(1));
  if (isCsvFileError(parsed)) throw new Error(parsed.error);
  expect(parsed.header).toEqual([...PURCHASE_EXPORT_COLUMNS]);
  return parsed.rows.map((row) => row.cells);
}

describe('purchasesToCsv', () => {
  it('writes the documented header exactly', () => {
    const csv = purchasesToCsv([], new Map());
    expect(csv).toBe(
      '\uFEFFDate,Contact,Email,Back-office ID,Kind,SKU,Product,Quantity,Unit price,Line total,Currency,Tally order ID,Payment method,Store credit,Status,Back-office order ID\r\n',
    );
  });

  it('writes one row per line with totals, skipping soft-deleted records', () => {
    const rows = exportRows([
      record(
        'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
        contact.id,
        [line('NW-1', 3, 1250), line('NW-2', 1, 99)],
        { payment: { method: 'Card', storeCredit: { minor: 1000, currency: 'USD' } } },
      ),
      record('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', contact.id, [line('NW-3', 1, 500)], {
        deletedAt: T,
      }),
      record('cccccccc-cccc-4ccc-8ccc-cccccccccccc', bare.id, [line('J-1', 2, 1500, 'JPY')], {
        kind: 'sample',
        purchaseDate: '2024-06-30',
      }),
    ]);
    expect(rows).toEqual([
      [
        '2024-05-01',
        'Ana Müller',
        'ana@example.com',
        'shopdesk:C-42; legacy:7',
        'purchase',
        'NW-1',
        'Product NW-1',
        '3',
        '12.50',
        '37.50',
        'USD',
        'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
        'Card',
        '10.00',
        '',
        '',
      ],
      [
        '2024-05-01',
        'Ana Müller',
        'ana@example.com',
        'shopdesk:C-42; legacy:7',
        'purchase',
        'NW-2',
        'Product NW-2',
        '1',
        '0.99',
        '0.99',
        'USD',
        'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
        'Card',
        '10.00',
        '',
        '',
      ],
      [
        '2024-06-30',
        '=Bob',
        '',
        '',
        'sample',
        'J-1',
        'Product J-1',
        '2',
        '1500',
        '3000',
        'JPY',
        'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
        '',
        '',
        '',
        '',
      ],
    ]);
  });

  it('writes the payment method of an order paid without store credit', () => {
    const rows = exportRows([
      record('dddddddd-dddd-4ddd-8ddd-dddddddddddd', contact.id, [line('NW-1', 1, 1250)], {
        payment: { method: 'Bank transfer' },
      }),
    ]);
    expect(rows[0]?.slice(-5)).toEqual(['dddddddd-dddd-4ddd-8ddd-dddddddddddd', 'Bank transfer', '', '', '']);
  });

  it('neutralises a formula-looking contact name in the file itself', () => {
    const csv = purchasesToCsv(
      [record('cccccccc-cccc-4ccc-8ccc-cccccccccccc', bare.id, [line('J-1', 1, 1)])],
      new Map([[bare.id, bare]]),
    );
    expect(csv).toContain(",'=Bob,");
  });
});
