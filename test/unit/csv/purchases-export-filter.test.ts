import { describe, expect, it } from 'vitest';
import {
  EXPORT_EVERYTHING,
  exportLineCount,
  filterForExport,
  type PurchaseExportFilter,
} from '../../../src/csv/purchases-export-filter';
import type { PurchaseRecord } from '../../../src/domain/purchase';
import type { ReconcileStatus } from '../../../src/domain/reconcile';

const T = '2024-05-01T10:00:00.000Z';
const ANA = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';

function record(id: string, purchaseDate: string, extra: Partial<PurchaseRecord> = {}): PurchaseRecord {
  const line = {
    productId: '33333333-3333-4333-8333-333333333333',
    sku: 'SK',
    name: 'Thing',
    quantity: 1,
    unitPrice: { minor: 100, currency: 'USD' },
    catalogPrice: { minor: 100, currency: 'USD' },
  };
  return {
    id,
    createdAt: T,
    updatedAt: T,
    contactId: ANA,
    kind: 'purchase',
    purchaseDate,
    currency: 'USD',
    lines: [line, { ...line, sku: 'SK-2' }],
    ...extra,
  };
}

const records = [
  record('may-1', '2024-05-01'),
  record('may-15', '2024-05-15', { kind: 'sample', contactId: BOB }),
  record('may-31', '2024-05-31'),
  record('june', '2024-06-01', { contactId: BOB }),
  record('gone', '2024-05-20', { deletedAt: T }),
];

const statusOf = (purchaseId: string, outcome: ReconcileStatus['outcome']): [string, ReconcileStatus] => [
  purchaseId,
  {
    purchaseId,
    runId: 'r',
    backOffice: 'demo',
    outcome,
    backOfficeOrderIds: [],
    lines: [],
    differences: [],
    checkedAt: T,
  },
];
const statuses = new Map([
  statusOf('may-1', 'synced'),
  statusOf('may-31', 'missing'),
  statusOf('june', 'conflict'),
]);

const ids = (filter: Partial<PurchaseExportFilter>) =>
  filterForExport(records, statuses, { ...EXPORT_EVERYTHING, ...filter }).map((kept) => kept.id);

describe('filterForExport', () => {
  it('keeps every live record, in the order given, with no filter', () => {
    expect(ids({})).toEqual(['may-1', 'may-15', 'may-31', 'june']);
  });

  it('keeps purchase dates from From to To, both included, either end open', () => {
    expect(ids({ from: '2024-05-15', to: '2024-05-31' })).toEqual(['may-15', 'may-31']);
    expect(ids({ from: '2024-05-31' })).toEqual(['may-31', 'june']);
    expect(ids({ to: '2024-05-01' })).toEqual(['may-1']);
  });

  it('keeps one contact, one kind', () => {
    expect(ids({ contactId: BOB })).toEqual(['may-15', 'june']);
    expect(ids({ kind: 'sample' })).toEqual(['may-15']);
    expect(ids({ kind: 'purchase', contactId: BOB })).toEqual(['june']);
  });

  it('keeps one reconciliation outcome, or those no run has judged', () => {
    expect(ids({ status: 'synced' })).toEqual(['may-1']);
    expect(ids({ status: 'missing' })).toEqual(['may-31']);
    expect(ids({ status: 'probable' })).toEqual([]);
    expect(ids({ status: 'notReconciled' })).toEqual(['may-15']);
  });

  it('counts the lines the kept records make', () => {
    expect(exportLineCount(filterForExport(records, statuses, EXPORT_EVERYTHING))).toBe(8);
  });
});
