import { describe, expect, it } from 'vitest';
import { statementCsv, STATEMENT_COLUMNS, statementFileName } from '../../../src/csv/reports-export';
import { customerStatement, type StatementInput } from '../../../src/domain/reports/statement';
import { statementLayout } from '../../../src/pdf/statement-layout';
import { statementPdf } from '../../../src/pdf/statement-pdf';
import { pdfText } from '../../support/pdf-text';
import { line, record } from '../domain/reports/fixtures';

const contact = {
  id: crypto.randomUUID(),
  name: 'Zoë Ångström',
  company: 'Analytical Engines',
  email: 'zoe@example.com',
  phone: '+44 20 7946 0000',
  address: { line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH' },
};

function input(records: StatementInput['records'], extra: Partial<StatementInput> = {}): StatementInput {
  return {
    contact,
    records,
    period: { from: '2026-01-01', to: '2026-06-30' },
    shop: { shopName: 'Northwind Direct', address: '1 Market Street\n\nSpringfield' },
    issuedOn: '2026-07-02',
    ...extra,
  };
}

const words = (text: string) => text.replace(/\s+/g, ' ');

const orders = [
  record(contact.id, '2026-03-10', {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    lines: [line(2, 2395, 'USD', 'Classic Glass Spray'), line(1, 9000, 'USD', 'Bamboo Travel Mug')],
    payment: { method: 'Card', storeCredit: { minor: 1000, currency: 'USD' } },
  }),
  record(contact.id, '2026-02-15', {
    id: 'b1b2c3d4-0000-4000-8000-000000000002',
    kind: 'sample',
    lines: [line(1, 4500, 'USD', 'Reed Diffuser')],
  }),
];

describe('statement layout', () => {
  it('puts the shop, customer, period, orders, samples and totals in words', () => {
    const layout = statementLayout(customerStatement(input(orders)), 'en-US');
    expect(layout).toMatchObject({
      paper: 'letter',
      period: 'January 1, 2026 – June 30, 2026',
      issued: 'Issued July 2, 2026',
      shop: { name: 'Northwind Direct', addressLines: ['1 Market Street', 'Springfield'], logo: null },
      customer: {
        name: 'Zoë Ångström',
        details: [
          'Analytical Engines',
          '12 St James Square, London, SW1Y 4JH',
          'zoe@example.com',
          '+44 20 7946 0000',
        ],
      },
      totals: [
        { label: 'Total (1 order)', value: '$137.90' },
        { label: 'Paid with store credit', value: '$10.00' },
      ],
    });
    expect(layout.purchases?.columns.map((column) => column.label)).toEqual([
      'Date',
      'Reference',
      'Products',
      'Payment',
      'Total',
    ]);
    expect(layout.purchases?.rows).toEqual([
      [
        'Mar 10, 2026',
        'A1B2C3D4',
        '2 × Classic Glass Spray — $47.90\n1 × Bamboo Travel Mug — $90.00',
        'Store credit $10.00\nCard',
        '$137.90',
      ],
    ]);
    expect(layout.samples?.rows).toEqual([['Feb 15, 2026', 'B1B2C3D4', '1 × Reed Diffuser']]);
  });

  it('says so when there was nothing, and names each currency when there are several', () => {
    const empty = statementLayout(customerStatement(input([])), 'en-GB');
    expect(empty).toMatchObject({ paper: 'a4', purchases: null, samples: null, totals: [] });
    const mixed = statementLayout(
      customerStatement(
        input([
          record(contact.id, '2026-01-02'),
          record(contact.id, '2026-01-03', { lines: [line(1, 500, 'EUR')] }),
        ]),
      ),
      'en-GB',
    );
    expect(mixed.totals).toEqual([
      { label: 'Total in USD (1 order)', value: 'US$10.00' },
      { label: 'Total in EUR (1 order)', value: '€5.00' },
    ]);
    expect(mixed.purchases?.columns.map((column) => column.label)).not.toContain('Payment');
  });
});

describe('statement PDF', () => {
  it('prints everything the layout says', async () => {
    const pdf = statementPdf(statementLayout(customerStatement(input(orders)), 'en-US'));
    const pages = await pdfText(new Uint8Array(pdf));
    expect(pages).toHaveLength(1);
    const text = words(pages[0] ?? '');
    for (const expected of [
      'Northwind Direct',
      'Springfield',
      'Statement',
      'January 1, 2026 – June 30, 2026',
      'Zoë Ångström',
      'SW1Y 4JH',
      'A1B2C3D4',
      '2 × Classic Glass Spray — $47.90',
      'Store credit $10.00',
      'Total (1 order)',
      '$137.90',
      'Samples (no charge)',
      '1 × Reed Diffuser',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('$45.00');
  });

  it('carries a long history over pages, repeating the table header, totals on the last page', async () => {
    const many = Array.from({ length: 80 }, (_, index) =>
      record(contact.id, `2026-0${1 + Math.floor(index / 20)}-${String(1 + (index % 20)).padStart(2, '0')}`, {
        lines: [line(1, 1000 + index, 'USD', `Product number ${index + 1}`), line(2, 100)],
      }),
    );
    const pages = await pdfText(
      new Uint8Array(statementPdf(statementLayout(customerStatement(input(many)), 'en-US'))),
    );
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    for (let number = 1; number <= 80; number += 1) expect(all).toContain(`Product number ${number}`);
    for (const page of pages.slice(1)) expect(page).toMatch(/Date\s*Reference\s*Products\s*Total/);
    expect(pages.at(-1)).toContain('Total (80 orders)');
    expect(pages.at(-1)).toContain('$991.60'); // 80 × 10.00 + (0.00 + … + 0.79) + 80 × 2.00
    expect(pages.slice(0, -1).join('')).not.toContain('Total (80 orders)');
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    // An order's row is never split: each product line stays beside its own order's reference.
    for (const page of pages) {
      const products = page.match(/Product number \d+/g) ?? [];
      expect(page.match(/2 × Hand Cream/g) ?? []).toHaveLength(products.length);
    }
  });
});

describe('statement CSV', () => {
  it('writes one row per line, samples at the end without amounts', () => {
    const statement = customerStatement(input(orders));
    const lines = statementCsv(statement).split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${STATEMENT_COLUMNS.join(',')}`);
    expect(lines.slice(1)).toEqual([
      '2026-03-10,A1B2C3D4,Purchase,SKU-19,Classic Glass Spray,2,23.95,47.90,137.90,USD,Card,10.00',
      '2026-03-10,A1B2C3D4,Purchase,SKU-17,Bamboo Travel Mug,1,90.00,90.00,137.90,USD,Card,10.00',
      '2026-02-15,B1B2C3D4,Sample,SKU-13,Reed Diffuser,1,,,,,,',
      '',
    ]);
    expect(statementFileName(statement, 'pdf')).toBe('statement-zoe-angstrom-2026-01-01-to-2026-06-30.pdf');
  });

  it('names the file by the customer in plain letters, cut short without a dangling dash', () => {
    const named = (name: string) =>
      statementFileName(customerStatement({ ...input([]), contact: { ...contact, name } }), 'csv');
    expect(named('Jürgen Groß-Łukasiewicz')).toBe(
      'statement-jurgen-gross-lukasiewicz-2026-01-01-to-2026-06-30.csv',
    );
    expect(named('Alexandra Konstantinopoulou Papadopoulo Smith')).toBe(
      'statement-alexandra-konstantinopoulou-papadopoulo-2026-01-01-to-2026-06-30.csv',
    );
    expect(named('李小龍')).toBe('statement-customer-2026-01-01-to-2026-06-30.csv');
  });

  it('neutralises a product name that looks like a formula', () => {
    const csv = statementCsv(
      customerStatement(
        input([record(contact.id, '2026-01-02', { lines: [line(1, 100, 'USD', '=HYPERLINK("x")')] })]),
      ),
    );
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
