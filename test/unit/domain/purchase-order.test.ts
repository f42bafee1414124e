import { describe, expect, it } from 'vitest';
import {
  applyPurchaseOrderStep,
  PURCHASE_ORDER_STEPS,
  PurchaseOrder,
  PurchaseOrderStatus,
  purchaseOrderNumber,
  purchaseOrderTotal,
  type PurchaseOrderLine,
  type PurchaseOrderStep,
  type PurchaseOrderStepType,
} from '../../../src/domain/purchase-order';
import { lastCosts } from '../../../src/domain/purchase-order-edit';
import { buildTimeline, filterTimeline } from '../../../src/domain/timeline';

const AT = '2026-11-22T10:00:00.000Z';
const USD = (minor: number) => ({ minor, currency: 'USD' });
const SUPPLIER = '30000000-0000-4000-8000-000000000001';

function line(n: number, quantity: number, cost?: number): PurchaseOrderLine {
  return {
    productId: `10000000-0000-4000-8000-00000000000${n}`,
    sku: `NW-100${n}`,
    name: `Product ${n}`,
    quantity,
    ...(cost === undefined ? {} : { unitCost: USD(cost) }),
  };
}

function orderAt(status: PurchaseOrderStatus, changes: Partial<PurchaseOrder> = {}): PurchaseOrder {
  return PurchaseOrder.parse({
    id: '20000000-0000-4000-8000-000000000001',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    number: 3,
    supplierId: SUPPLIER,
    status,
    currency: 'USD',
    lines: [line(1, 2, 1250), line(2, 1, 4500)],
    ...(status !== 'draft' ? { sentAt: '2026-11-20T10:00:00.000Z', sentOn: '2026-11-20' } : {}),
    ...(status === 'received' ? { receivedAt: '2026-11-21T10:00:00.000Z', receivedOn: '2026-11-21' } : {}),
    ...changes,
  });
}

const STEPS: Record<PurchaseOrderStepType, PurchaseOrderStep> = {
  edit: { type: 'edit', lines: [line(3, 5, 100)], note: '  Deliver to the back door.  ' },
  send: { type: 'send', on: '2026-11-22' },
  receive: { type: 'receive', on: '2026-11-22', today: '2026-11-22' },
  delete: { type: 'delete' },
};

describe('purchase order numbers and totals', () => {
  it('numbers orders PO-0001 and adds up quantity × cost over the lines', () => {
    expect(purchaseOrderNumber({ number: 1 })).toBe('PO-0001');
    expect(purchaseOrderNumber({ number: 12345 })).toBe('PO-12345');
    expect(purchaseOrderTotal(orderAt('sent'))).toEqual(USD(2 * 1250 + 4500));
  });

  it('counts only the costed lines of a draft', () => {
    const draft = orderAt('draft', { lines: [line(1, 3, 200), line(2, 4)] });
    expect(purchaseOrderTotal(draft)).toEqual(USD(600));
  });

  it('refuses a sent order with a line lacking its cost, a cost in another currency, a product twice', () => {
    expect(() => orderAt('sent', { lines: [line(1, 1)] })).toThrow(/cost on every line/);
    expect(() =>
      orderAt('draft', { lines: [{ ...line(1, 1), unitCost: { minor: 100, currency: 'EUR' } }] }),
    ).toThrow(/order currency/);
    expect(() => orderAt('draft', { lines: [line(1, 1), line(1, 2)] })).toThrow(/one line only/);
  });

  it('lets a draft wait for its costs, and takes a cost of zero (a free sample from the supplier)', () => {
    expect(() => orderAt('draft', { lines: [line(1, 1)] })).not.toThrow();
    expect(() => orderAt('sent', { lines: [line(1, 1, 0)] })).not.toThrow();
  });
});

describe('applyPurchaseOrderStep', () => {
  // Every status × every step: allowed where the table says, else refused with a sentence and
  // the order untouched.
  for (const status of PurchaseOrderStatus.options) {
    for (const type of Object.keys(STEPS) as PurchaseOrderStepType[]) {
      const allowed = PURCHASE_ORDER_STEPS[type].from === status;
      it(`${allowed ? 'allows' : 'refuses'} ${type} from ${status}`, () => {
        const order = orderAt(status);
        const before = structuredClone(order);
        const result = applyPurchaseOrderStep(order, STEPS[type], AT);
        expect(order).toEqual(before);
        if (!allowed) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.reason).toMatch(/PO-0003/);
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.order.status).toBe(PURCHASE_ORDER_STEPS[type].to);
        expect(result.order.updatedAt).toBe(AT);
        expect(() => PurchaseOrder.parse(result.order)).not.toThrow();
      });
    }
  }

  it('says why, in words the user can act on', () => {
    const refused = (status: PurchaseOrderStatus, type: PurchaseOrderStepType) => {
      const result = applyPurchaseOrderStep(orderAt(status), STEPS[type], AT);
      return result.ok ? '' : result.reason;
    };
    expect(refused('sent', 'edit')).toBe(
      'PO-0003 was sent; its products, quantities, costs and note are fixed.',
    );
    expect(refused('sent', 'send')).toBe('PO-0003 was already sent.');
    expect(refused('draft', 'receive')).toBe('Send PO-0003 before marking it received.');
    expect(refused('sent', 'delete')).toBe('Only a draft can be deleted; PO-0003 was sent.');
    for (const type of Object.keys(STEPS) as PurchaseOrderStepType[]) {
      expect(refused('received', type)).toBe('PO-0003 was received; it is final and cannot change.');
    }
  });

  it('edits a draft: lines replaced, note trimmed, an empty note dropped', () => {
    const edited = applyPurchaseOrderStep(orderAt('draft', { note: 'old' }), STEPS.edit, AT);
    expect(edited.ok && edited.order.lines).toEqual([line(3, 5, 100)]);
    expect(edited.ok && edited.order.note).toBe('Deliver to the back door.');
    const cleared = applyPurchaseOrderStep(
      orderAt('draft', { note: 'old' }),
      { type: 'edit', lines: [], note: ' ' },
      AT,
    );
    expect(cleared.ok && 'note' in cleared.order).toBe(false);
  });

  it('sends only with products, every one with a cost', () => {
    const empty = applyPurchaseOrderStep(orderAt('draft', { lines: [] }), STEPS.send, AT);
    expect(empty).toEqual({ ok: false, reason: 'Add at least one product before sending PO-0003.' });
    const uncosted = applyPurchaseOrderStep(
      orderAt('draft', { lines: [line(1, 1), line(2, 1, 5), line(3, 1), line(4, 1), line(5, 1)] }),
      STEPS.send,
      AT,
    );
    expect(uncosted).toEqual({
      ok: false,
      reason: 'Type the cost of Product 1, Product 3 and 2 more before sending PO-0003.',
    });
    const sent = applyPurchaseOrderStep(orderAt('draft'), STEPS.send, AT);
    expect(sent.ok && [sent.order.sentAt, sent.order.sentOn]).toEqual([AT, '2026-11-22']);
  });

  it('receives on a real day, not in the future, not before it was sent', () => {
    const sent = orderAt('sent');
    const receive = (on: string) =>
      applyPurchaseOrderStep(sent, { type: 'receive', on, today: '2026-11-22' }, AT);
    expect(receive('2026-11-23')).toEqual({ ok: false, reason: 'Received on cannot be in the future.' });
    expect(receive('2026-11-19')).toEqual({
      ok: false,
      reason: 'Received on cannot be before PO-0003 was sent (2026-11-20).',
    });
    expect(receive('2026-02-30')).toEqual({ ok: false, reason: 'Received on must be a date.' });
    expect(receive('')).toEqual({ ok: false, reason: 'Received on must be a date.' });
    const received = receive('2026-11-20');
    expect(received.ok && [received.order.receivedOn, received.order.receivedAt]).toEqual(['2026-11-20', AT]);
  });

  it('deletes a draft softly: the same order, with deletedAt', () => {
    const deleted = applyPurchaseOrderStep(orderAt('draft'), STEPS.delete, AT);
    expect(deleted.ok && deleted.order.deletedAt).toBe(AT);
    expect(deleted.ok && deleted.order.number).toBe(3);
  });
});

describe('lastCosts', () => {
  const sentOrder = (number: number, sentAt: string, lines: PurchaseOrderLine[], changes = {}) =>
    orderAt('sent', {
      id: `20000000-0000-4000-8000-00000000000${number}`,
      number,
      sentAt,
      lines,
      ...changes,
    });

  it('takes each product’s cost from the latest sent or received order that has it', () => {
    const costs = lastCosts(
      [
        sentOrder(2, '2026-11-10T10:00:00.000Z', [line(1, 1, 900)]),
        sentOrder(1, '2026-10-01T10:00:00.000Z', [line(1, 1, 800), line(2, 1, 300)]),
        { ...sentOrder(3, '2026-11-12T10:00:00.000Z', [line(2, 1, 350)]), status: 'received' as const },
      ],
      'USD',
    );
    expect(costs).toEqual(
      new Map([
        [line(1, 1).productId, USD(900)],
        [line(2, 1).productId, USD(350)],
      ]),
    );
  });

  it('ignores drafts (nothing agreed), deleted orders, other currencies and lines without a cost', () => {
    const costs = lastCosts(
      [
        orderAt('draft', { lines: [line(1, 1, 100)] }),
        sentOrder(4, '2026-11-13T10:00:00.000Z', [line(2, 1, 200)], { deletedAt: AT }),
        sentOrder(
          5,
          '2026-11-14T10:00:00.000Z',
          [{ ...line(3, 1), unitCost: { minor: 5, currency: 'EUR' } }],
          {
            currency: 'EUR',
          },
        ),
      ],
      'USD',
    );
    expect(costs.size).toBe(0);
  });
});

describe('purchase orders on the supplier’s timeline', () => {
  it('shows a received order on its received day among the other entries, under its own filter', () => {
    const received = orderAt('received', {
      receivedOn: '2026-11-21',
      receivedAt: '2026-11-21T16:00:00.000Z',
    });
    const draft = orderAt('draft', { id: '20000000-0000-4000-8000-000000000002', number: 4 });
    const sent = orderAt('sent', { id: '20000000-0000-4000-8000-000000000003', number: 5 });
    const gone = orderAt('received', {
      id: '20000000-0000-4000-8000-000000000004',
      number: 6,
      deletedAt: AT,
    });
    const note = {
      id: '40000000-0000-4000-8000-000000000001',
      contactId: SUPPLIER,
      text: 'Call before delivering',
      createdAt: '2026-11-22T09:00:00.000Z',
      updatedAt: '2026-11-22T09:00:00.000Z',
    };
    const entries = buildTimeline([], [], [note], [], [received, draft, sent, gone]);
    expect(entries.map((entry) => [entry.kind, entry.date])).toEqual([
      ['note', expect.any(String)],
      ['purchase-order', '2026-11-21'],
    ]);
    expect(filterTimeline(entries, 'purchase-order')).toEqual([
      { kind: 'purchase-order', date: '2026-11-21', at: '2026-11-21T16:00:00.000Z', order: received },
    ]);
  });
});
