import { describe, expect, it } from 'vitest';
import { groupOrders } from '../../../src/csv/order-export';
import type { BackOfficeRow } from '../../../src/domain/back-office-order';
import { layoutOf, orderExportFixture, readInChunks } from '../../fixtures/order-exports/read';

function row(line: number, orderId: string, extra: Partial<BackOfficeRow> = {}): BackOfficeRow {
  return { line, orderId, customer: {}, quantity: 1, unitPriceMinor: 100, currency: 'USD', ...extra };
}

describe('groupOrders', () => {
  it('groups a Shopify export by order name, order fields from the first row', () => {
    const text = orderExportFixture('shopify-orders.csv');
    const { orders, problems } = groupOrders(readInChunks(text, layoutOf(text), 100).rows);
    expect(problems).toEqual([]);
    expect(
      orders.map((order) => [
        order.orderId,
        order.date,
        order.currency,
        order.customer,
        order.lines.map((line) => line.line),
      ]),
    ).toEqual([
      [
        '#1001',
        '2024-03-05',
        'USD',
        { email: 'ada@example.com', phone: '+1 555 0100', name: 'Ada Lovelace' },
        [2, 4],
      ],
      ['#1002', '2024-03-07', 'USD', { email: 'grace@example.com', name: 'Grace Hopper' }, [5]],
      ['#1003', '2024-03-09', 'USD', { email: 'alan@example.com', name: 'Alan Turing' }, [6, 7, 8]],
    ]);
    expect(orders[2]?.lines[2]).toEqual({ line: 8, name: 'Gift wrapping', quantity: 1, unitPriceMinor: 550 });
  });

  it('skips a Square transaction with no customer, at its first line', () => {
    const text = orderExportFixture('square-item-sales.csv');
    const { orders, problems } = groupOrders(readInChunks(text, layoutOf(text), 100).rows);
    expect(orders.map((order) => [order.orderId, order.lines.length])).toEqual([
      ['TX9a', 2],
      ['TX9b', 1],
    ]);
    expect(problems).toEqual([
      {
        line: 5,
        reason: 'Order "TX9c" names no customer (no customer ID, email, phone or name on any of its rows)',
      },
    ]);
  });

  it('groups rows of one order that are not next to each other, lines in file order', () => {
    const { orders } = groupOrders([
      row(2, 'A', { date: '2024-03-05', customer: { email: 'a@example.com' }, sku: 'S1' }),
      row(3, 'B', { date: '2024-03-06', customer: { id: 'C2' }, sku: 'S2' }),
      row(4, 'A', { sku: 'S3', customer: { name: 'Ada' } }),
    ]);
    expect(orders).toEqual([
      {
        orderId: 'A',
        date: '2024-03-05',
        currency: 'USD',
        customer: { email: 'a@example.com', name: 'Ada' },
        lines: [
          { line: 2, sku: 'S1', quantity: 1, unitPriceMinor: 100 },
          { line: 4, sku: 'S3', quantity: 1, unitPriceMinor: 100 },
        ],
      },
      {
        orderId: 'B',
        date: '2024-03-06',
        currency: 'USD',
        customer: { id: 'C2' },
        lines: [{ line: 3, sku: 'S2', quantity: 1, unitPriceMinor: 100 }],
      },
    ]);
  });

  it('takes each order field from the first row that has it', () => {
    const { orders } = groupOrders([
      row(2, 'A', { customer: { email: 'first@example.com' } }),
      row(3, 'A', { date: '2024-03-07', customer: { email: 'second@example.com', phone: '555' } }),
      row(4, 'A', { date: '2024-03-08' }),
    ]);
    expect(orders[0]).toMatchObject({
      date: '2024-03-07',
      customer: { email: 'first@example.com', phone: '555' },
    });
  });

  it('skips orders with no date or no customer on any row, and rows in another currency than their order', () => {
    const { orders, problems } = groupOrders([
      row(9, 'NODATE', { customer: { id: 'C1' } }),
      row(2, 'NOCUSTOMER', { date: '2024-03-05' }),
      row(4, 'OK', { date: '2024-03-05', customer: { id: 'C1' } }),
      row(5, 'OK', { currency: 'JPY', unitPriceMinor: 5 }),
      row(6, 'NOCURRENCY', { date: '2024-03-05', customer: { id: 'C1' }, currency: undefined }),
    ]);
    expect(orders.map((order) => [order.orderId, order.lines.map((line) => line.line)])).toEqual([
      ['OK', [4]],
    ]);
    expect(problems).toEqual([
      {
        line: 2,
        reason:
          'Order "NOCUSTOMER" names no customer (no customer ID, email, phone or name on any of its rows)',
      },
      { line: 5, reason: 'is in JPY, but order "OK" is in USD (line 4)' },
      { line: 6, reason: 'Order "NOCURRENCY" has no currency on any of its rows' },
      { line: 9, reason: 'Order "NODATE" has no date on any of its rows' },
    ]);
  });

  it("fills an order's customer from its later rows without changing the rows' own customers", () => {
    // The reader gives an order's rows one shared customer object; grouping must copy, not write.
    const first = { id: 'C-1' };
    const later = { id: 'C-9', email: 'ada@example.com' };
    const rows = [
      row(2, 'SO-1', { date: '2024-03-05', customer: first }),
      row(3, 'SO-1', { customer: first }),
      row(4, 'SO-1', { customer: later }),
      row(5, 'SO-2', { date: '2024-03-06', customer: first }),
    ];
    const { orders, problems } = groupOrders(rows);
    expect(problems).toEqual([]);
    expect(
      orders.map((order) => [order.orderId, order.customer, order.lines.map((line) => line.line)]),
    ).toEqual([
      ['SO-1', { id: 'C-1', email: 'ada@example.com' }, [2, 3, 4]],
      ['SO-2', { id: 'C-1' }, [5]],
    ]);
    expect(first).toEqual({ id: 'C-1' });
    expect(later).toEqual({ id: 'C-9', email: 'ada@example.com' });
  });

  it('gives each order exactly its lines, in file order, when its rows are apart', () => {
    const rows = [
      row(2, 'SO-1', { date: '2024-03-05', customer: { id: 'C-1' }, sku: 'A' }),
      row(3, 'SO-2', { date: '2024-03-05', customer: { id: 'C-2' }, sku: 'B' }),
      row(4, 'SO-1', { sku: 'C', currency: 'EUR' }),
      row(5, 'SO-1', { name: 'Tea' }),
    ];
    const { orders, problems } = groupOrders(rows);
    expect(problems).toEqual([{ line: 4, reason: 'is in EUR, but order "SO-1" is in USD (line 2)' }]);
    expect(orders.map((order) => [order.orderId, order.lines])).toEqual([
      [
        'SO-1',
        [
          { line: 2, sku: 'A', quantity: 1, unitPriceMinor: 100 },
          { line: 5, name: 'Tea', quantity: 1, unitPriceMinor: 100 },
        ],
      ],
      ['SO-2', [{ line: 3, sku: 'B', quantity: 1, unitPriceMinor: 100 }]],
    ]);
    expect(orders[0]?.lines).toHaveLength(2);
  });
});
