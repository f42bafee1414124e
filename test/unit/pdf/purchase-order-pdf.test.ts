import { describe, expect, it } from 'vitest';
import type { PurchaseOrder, PurchaseOrderLine } from '../../../src/domain/purchase-order';
import { purchaseOrderLayout, type PurchaseOrderLayoutInput } from '../../../src/pdf/purchase-order-layout';
import { purchaseOrderPdf } from '../../../src/pdf/purchase-order-pdf';
import { pdfText } from '../../support/pdf-text';

/** A 1 × 1 PNG. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const USD = (minor: number) => ({ minor, currency: 'USD' });
const bytes = (buffer: ArrayBuffer) => new Uint8Array(buffer);
/** pdf.js reads no-break spaces back as plain ones; compare the words. */
const words = (text: string) => text.replace(/\s+/g, ' ');

function line(n: number, quantity: number, cost?: number): PurchaseOrderLine {
  return {
    productId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    sku: `NW-${1000 + n}`,
    name: `Product number ${n}`,
    quantity,
    ...(cost === undefined ? {} : { unitCost: USD(cost) }),
  };
}

function order(changes: Partial<PurchaseOrder> = {}): PurchaseOrder {
  return {
    id: '20000000-0000-4000-8000-000000000001',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    number: 7,
    supplierId: '30000000-0000-4000-8000-000000000001',
    status: 'sent',
    currency: 'USD',
    lines: [
      { ...line(1, 12, 1250), name: 'Lavender Hand Cream', sku: 'NW-1001' },
      { ...line(2, 3, 4599), name: 'Crème brûlée candle', sku: 'NW-1002' },
    ],
    note: 'Deliver to the back door.\nCall Linus first.',
    sentAt: '2026-11-20T10:00:00.000Z',
    sentOn: '2026-11-20',
    ...changes,
  };
}

function input(changes: Partial<PurchaseOrderLayoutInput> = {}): PurchaseOrderLayoutInput {
  return {
    order: order(),
    supplier: {
      name: 'Linus Torvalds',
      company: 'Penguin Parts Wholesale',
      email: 'orders@penguinparts.example.com',
      phone: '+1 (503) 555-0142',
      address: { line1: '1 Kernel Way', city: 'Portland', region: 'OR', postalCode: '97201' },
    },
    template: { shopName: 'Fixit Repair & Resale', address: '12 Market Street\n\nSpringfield' },
    locale: 'en-US',
    ...changes,
  };
}

describe('purchaseOrderLayout', () => {
  it('says who buys from whom, what, at what cost, and when', () => {
    const layout = purchaseOrderLayout(input());
    expect(layout.title).toBe('Purchase order PO-0007');
    expect(layout.paper).toBe('letter');
    expect(layout.shop).toEqual({
      name: 'Fixit Repair & Resale',
      addressLines: ['12 Market Street', 'Springfield'],
      logo: null,
    });
    expect(layout.details).toEqual([
      { label: 'Order number', value: 'PO-0007' },
      { label: 'Order date', value: 'November 20, 2026' },
    ]);
    expect(layout.supplier.details).toEqual([
      'Penguin Parts Wholesale',
      '1 Kernel Way, Portland, OR, 97201',
      'orders@penguinparts.example.com',
      '+1 (503) 555-0142',
    ]);
    expect(layout.lines.rows).toEqual([
      ['NW-1001', 'Lavender Hand Cream', '12', '$12.50', '$150.00'],
      ['NW-1002', 'Crème brûlée candle', '3', '$45.99', '$137.97'],
    ]);
    expect(layout.total).toEqual({ label: 'Total', value: '$287.97' });
    expect(layout.note).toEqual(['Deliver to the back door.', 'Call Linus first.']);
  });

  it('marks a draft as not sent and a line without a cost with a dash; a received order has its day', () => {
    const draft = purchaseOrderLayout(
      input({ order: order({ status: 'draft', sentAt: undefined, sentOn: undefined, lines: [line(1, 2)] }) }),
    );
    expect(draft.details[1]).toEqual({ label: 'Order date', value: 'Draft — not sent' });
    expect(draft.lines.rows[0]?.slice(3)).toEqual(['—', '—']);
    const received = purchaseOrderLayout(
      input({ order: order({ status: 'received', receivedOn: '2026-11-24' }) }),
    );
    expect(received.details[2]).toEqual({ label: 'Received on', value: 'November 24, 2026' });
  });

  it('writes amounts, quantities and dates in the user’s locale, on A4 outside the Americas', () => {
    const layout = purchaseOrderLayout(
      input({ order: order({ lines: [line(1, 1200, 1250)] }), locale: 'de-DE' }),
    );
    expect(layout.paper).toBe('a4');
    expect(layout.details[1]?.value).toBe('20. November 2026');
    expect(layout.lines.rows[0]?.slice(2).map(words)).toEqual(['1.200', '12,50 $', '15.000,00 $']);
  });
});

describe('purchaseOrderPdf', () => {
  it('prints the shop, the supplier, every line with its total, the total and the note', async () => {
    const pages = await pdfText(bytes(purchaseOrderPdf(purchaseOrderLayout(input()))));
    expect(pages).toHaveLength(1);
    const text = words(pages[0] ?? '');
    for (const expected of [
      'Fixit Repair & Resale',
      '12 Market Street',
      'Purchase order PO-0007',
      'November 20, 2026',
      'Supplier',
      'Linus Torvalds',
      'Penguin Parts Wholesale',
      '1 Kernel Way, Portland, OR, 97201',
      'orders@penguinparts.example.com',
      'SKU',
      'Unit cost',
      'Line total',
      'NW-1001',
      'Lavender Hand Cream',
      '$150.00',
      'Crème brûlée candle',
      '$45.99',
      '$137.97',
      'Total',
      '$287.97',
      'Deliver to the back door.',
      'Call Linus first.',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('carries 80 lines over several pages, repeating the column header, with the total on the last', async () => {
    const lines = Array.from({ length: 80 }, (_, index) => line(index + 1, index + 1, 100));
    const pages = await pdfText(
      bytes(purchaseOrderPdf(purchaseOrderLayout(input({ order: order({ lines }) })))),
    );
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    for (let number = 1; number <= 80; number += 1) expect(all).toContain(`Product number ${number}`);
    for (const page of pages) expect(page).toMatch(/SKU\s*Product\s*Quantity\s*Unit cost\s*Line total/);
    // 1 + 2 + … + 80 units at $1.00.
    expect(pages.at(-1)).toContain('$3,240.00');
    expect(pages.slice(0, -1).join('\n')).not.toContain('$3,240.00');
    expect(pages[1]).toContain(`Purchase order PO-0007 · Page 2 of ${pages.length}`);
  });

  it('draws the logo, and still makes the PDF when the logo cannot be read', async () => {
    const raw = (buffer: ArrayBuffer) => Buffer.from(buffer).toString('latin1');
    const logo = (data: string) => input({ template: { shopName: 'Fixit', address: '', logo: data } });
    expect(raw(purchaseOrderPdf(purchaseOrderLayout(logo(PNG))))).toMatch(/\/Subtype \/Image/);
    const broken = purchaseOrderPdf(purchaseOrderLayout(logo('data:image/png;base64,AAAA')));
    expect(raw(broken)).not.toMatch(/\/Subtype \/Image/);
    expect((await pdfText(bytes(broken)))[0]).toContain('Purchase order PO-0007');
  });

  it('prints a name in a script Helvetica lacks as question marks, not as a broken line', async () => {
    const layout = purchaseOrderLayout(input({ supplier: { name: '東京 Supplies', email: 'a@b.example' } }));
    const text = words((await pdfText(bytes(purchaseOrderPdf(layout))))[0] ?? '');
    expect(text).toContain('?? Supplies');
    expect(text).toContain('a@b.example');
  });
});
