import { describe, expect, it } from 'vitest';
import {
  PURCHASE_EXPORT_COLUMNS,
  purchaseExportRows,
  purchasesCsvChunks,
  purchasesToCsv,
} from '../../../src/csv/purchases-export';
import { isCsvFileError, parseCsvTable } from '../../../src/csv/table';
import type { Contact } from '../../../src/domain/contact';
import { DEFAULT_EXPORT_PRESET, type ExportPreset } from '../../../src/domain/export-preset';
import type { PurchaseRecord } from '../../../src/domain/purchase';
import type { ReconcileStatus } from '../../../src/domain/reconcile';

const T = '2024-05-01T10:00:00.000Z';

const ana: Contact = {
  id: '11111111-1111-4111-8111-111111111111',
  createdAt: T,
  updatedAt: T,
  name: 'Ana Müller',
  email: 'ana@example.com',
  role: 'customer',
  externalIds: [{ backOffice: 'shopify', id: '42' }],
  externalKeys: [],
  nameKey: 'ana muller',
};
const contacts = new Map([[ana.id, ana]]);

function order(id: string, minor: number, extra: Partial<PurchaseRecord> = {}): PurchaseRecord {
  return {
    id,
    createdAt: T,
    updatedAt: T,
    contactId: ana.id,
    kind: 'purchase',
    purchaseDate: '2024-05-09',
    currency: 'EUR',
    lines: [
      {
        productId: '33333333-3333-4333-8333-333333333333',
        sku: 'SK-1',
        name: 'Hand cream',
        quantity: 3,
        unitPrice: { minor, currency: 'EUR' },
        catalogPrice: { minor, currency: 'EUR' },
      },
    ],
    ...extra,
  };
}

function status(purchaseId: string, outcome: ReconcileStatus['outcome'], ids: string[]): ReconcileStatus {
  return {
    purchaseId,
    runId: 'run-1',
    backOffice: 'shopify',
    outcome,
    backOfficeOrderIds: ids,
    lines: [],
    differences: [],
    checkedAt: T,
  };
}

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const shopify: ExportPreset = {
  id: 'p1',
  name: 'Shopify import',
  backOffice: 'Shopify',
  dateFormat: 'DD/MM/YYYY',
  numberFormat: 'comma',
  columns: [
    { id: 'lineTotal', name: 'Total' },
    { id: 'date', name: 'Order date' },
    { id: 'contact', name: 'Customer' },
    { id: 'status', name: 'Sync' },
  ],
};

describe('the documented layout', () => {
  it('ends with Status and Back-office order ID, after the columns that were there before', () => {
    expect(PURCHASE_EXPORT_COLUMNS.slice(-4)).toEqual([
      'Payment method',
      'Store credit',
      'Status',
      'Back-office order ID',
    ]);
    expect(PURCHASE_EXPORT_COLUMNS).toHaveLength(16);
  });

  it('writes the latest status and the matched back-office orders, empty when not reconciled', () => {
    const statuses = new Map([[A, status(A, 'probable', ['#1001', '#1002'])]]);
    const rows = [...purchaseExportRows([order(A, 1250), order(B, 500)], contacts, { statuses })];
    expect(rows.map((row) => row.slice(-2))).toEqual([
      ['Probable', '#1001; #1002'],
      ['', ''],
    ]);
    const missing = new Map([[B, status(B, 'missing', [])]]);
    expect([...purchaseExportRows([order(B, 500)], contacts, { statuses: missing })][0]?.slice(-2)).toEqual([
      'Missing from back office',
      '',
    ]);
  });
});

describe('a preset', () => {
  it('writes its columns renamed and in its order, DD/MM/YYYY, a decimal comma and ; between cells', () => {
    const statuses = new Map([[A, status(A, 'synced', ['#1001'])]]);
    const csv = purchasesToCsv([order(A, 1250)], contacts, { statuses, preset: shopify });
    expect(csv).toBe('\uFEFFTotal;Order date;Customer;Sync\r\n"37,50";09/05/2024;Ana Müller;Synced\r\n');
  });

  it('writes MM/DD/YYYY, and ISO dates by default', () => {
    const us: ExportPreset = { ...shopify, dateFormat: 'MM/DD/YYYY', numberFormat: 'point' };
    expect(purchasesToCsv([order(A, 1250)], contacts, { preset: us })).toBe(
      '\uFEFFTotal,Order date,Customer,Sync\r\n37.50,05/09/2024,Ana Müller,\r\n',
    );
    expect([...purchaseExportRows([order(A, 1250)], contacts)][0]?.[0]).toBe('2024-05-09');
  });

  it('writes every amount column with the comma: unit price, line total, store credit', () => {
    const amounts: ExportPreset = {
      ...shopify,
      columns: [
        { id: 'unitPrice', name: 'Price' },
        { id: 'storeCredit', name: 'Credit' },
        { id: 'quantity', name: 'Qty' },
      ],
    };
    const paid = order(A, 123456, {
      payment: { method: 'Card', storeCredit: { minor: 1005, currency: 'EUR' } },
    });
    const table = parseCsvTable(purchasesToCsv([paid], contacts, { preset: amounts }).slice(1));
    if (isCsvFileError(table)) throw new Error(table.error);
    expect(table.header).toEqual(['Price', 'Credit', 'Qty']);
    expect(table.rows[0]?.cells).toEqual(['1234,56', '10,05', '3']);
  });

  it('neutralises formula-looking cells in renamed columns, on every line of a multi-line cell', () => {
    const named = new Map([[ana.id, { ...ana, name: '=SUM(A1)\n+cmd|calc' }]]);
    const csv = purchasesToCsv([order(A, 100, { kind: 'sample' })], named, { preset: shopify });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=SUM(A1)\n'+cmd|calc"`);
    const guardedHeader = purchasesToCsv([], contacts, {
      preset: { ...shopify, columns: [{ id: 'date', name: '@date' }] },
    });
    expect(guardedHeader).toBe("\uFEFF'@date\r\n");
  });
});

describe('the streamed file', () => {
  const many = Array.from({ length: 25 }, (_, index) =>
    order(`cccccccc-cccc-4ccc-8ccc-${String(index).padStart(12, '0')}`, 100 + index),
  );

  it('is the same file as written at once, in pieces of chunkLines lines after the header', () => {
    const chunks = [...purchasesCsvChunks(many, contacts, { preset: shopify, chunkLines: 10 })];
    expect(chunks.map((chunk) => chunk.written)).toEqual([0, 10, 20, 25]);
    expect(chunks[0]?.text).toBe('\uFEFFTotal;Order date;Customer;Sync\r\n');
    expect(chunks[1]?.text.split('\r\n')).toHaveLength(11);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(
      purchasesToCsv(many, contacts, { preset: shopify }),
    );
  });

  it('is the header alone for no records', () => {
    const chunks = [...purchasesCsvChunks([], contacts, { preset: DEFAULT_EXPORT_PRESET })];
    expect(chunks).toEqual([{ text: purchasesToCsv([], contacts), written: 0 }]);
  });
});
