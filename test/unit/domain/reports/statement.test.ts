import { describe, expect, it } from 'vitest';
import { customerStatement, orderReference } from '../../../../src/domain/reports/statement';
import { line, record } from './fixtures';

const contact = {
  id: crypto.randomUUID(),
  name: 'Ada Lovelace',
  company: 'Analytical Engines',
  email: 'ada@example.com',
  phone: undefined,
  address: { line1: '12 St James’s Square', city: 'London', country: 'United Kingdom' },
};
const shop = { shopName: 'Northwind Direct', address: '1 Market Street\nSpringfield', logo: undefined };
const period = { from: '2026-01-01', to: '2026-06-30' };

describe('customer statement', () => {
  it('lists the period’s purchases oldest first with lines, payment and totals per currency', () => {
    const other = crypto.randomUUID();
    const march = record(contact.id, '2026-03-10', {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      lines: [line(2, 2395, 'USD', 'Classic Glass Spray'), line(1, 9000, 'USD', 'Bamboo Travel Mug')],
      payment: { method: 'Card', storeCredit: { minor: 1000, currency: 'USD' } },
    });
    const january = record(contact.id, '2026-01-01', { lines: [line(1, 500)], payment: { method: 'Cash' } });
    const euro = record(contact.id, '2026-06-30', { lines: [line(3, 1000, 'EUR')] });
    const statement = customerStatement({
      contact,
      records: [
        march,
        euro,
        january,
        record(contact.id, '2025-12-31', { lines: [line(1, 99_900)] }),
        record(contact.id, '2026-07-01', { lines: [line(1, 99_900)] }),
        record(contact.id, '2026-02-01', { lines: [line(1, 99_900)], deletedAt: '2026-02-02T00:00:00.000Z' }),
        record(other, '2026-02-01', { lines: [line(1, 99_900)] }),
        record(contact.id, '2026-02-15', { kind: 'sample', lines: [line(1, 4500, 'USD', 'Reed Diffuser')] }),
      ],
      period,
      shop,
      issuedOn: '2026-07-02',
    });

    expect(statement.shop).toEqual({
      name: 'Northwind Direct',
      address: '1 Market Street\nSpringfield',
      logo: null,
    });
    expect(statement.purchases.map((order) => [order.date, order.total])).toEqual([
      ['2026-01-01', { minor: 500, currency: 'USD' }],
      ['2026-03-10', { minor: 13_790, currency: 'USD' }],
      ['2026-06-30', { minor: 3000, currency: 'EUR' }],
    ]);
    expect(statement.purchases[1]).toMatchObject({
      reference: 'A1B2C3D4',
      payment: { method: 'Card', storeCredit: { minor: 1000, currency: 'USD' } },
      lines: [
        { name: 'Classic Glass Spray', quantity: 2, unitPrice: { minor: 2395 }, total: { minor: 4790 } },
        { name: 'Bamboo Travel Mug', quantity: 1, total: { minor: 9000 } },
      ],
    });
    expect(statement.purchases[2]?.payment).toBeNull();
    expect(statement.samples).toEqual([
      expect.objectContaining({
        date: '2026-02-15',
        lines: [{ sku: 'SKU-13', name: 'Reed Diffuser', quantity: 1 }],
      }),
    ]);
    expect(statement.totals).toEqual([
      {
        currency: 'USD',
        orders: 2,
        total: { minor: 14_290, currency: 'USD' },
        storeCredit: { minor: 1000, currency: 'USD' },
      },
      {
        currency: 'EUR',
        orders: 1,
        total: { minor: 3000, currency: 'EUR' },
        storeCredit: { minor: 0, currency: 'EUR' },
      },
    ]);
  });

  it('is empty, not wrong, for a period without purchases', () => {
    const statement = customerStatement({ contact, records: [], period, shop, issuedOn: '2026-07-02' });
    expect(statement).toMatchObject({ purchases: [], samples: [], totals: [] });
  });

  it('names an order by the first 8 characters of its id', () => {
    expect(orderReference('0f3e9a7b-1c2d-4e5f-8a9b-0c1d2e3f4a5b')).toBe('0F3E9A7B');
  });
});
