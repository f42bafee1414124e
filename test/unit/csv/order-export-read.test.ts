import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstOrderRow, readOrderRows } from '../../../src/csv/order-export';
import { isCsvFileError, parseCsvTable } from '../../../src/csv/table';
import type { OrderExportLayout } from '../../../src/domain/back-office-order';
import { layoutOf, orderExportFixture, readInChunks } from '../../fixtures/order-exports/read';

const FIXTURES = [
  'northwind.csv',
  'shopify-orders.csv',
  'square-item-sales.csv',
  'ledgerly.csv',
  'semicolon-cp1252.csv',
  'bom.csv',
  'bad-amounts.csv',
  'impossible-dates.csv',
  'unbalanced-quotes.csv',
];

function readWhole(name: string) {
  const text = orderExportFixture(name);
  return readInChunks(text, layoutOf(text), 1_000_000);
}

describe('readOrderRows: the fixtures', () => {
  it('reads the Northwind demo export', () => {
    const { rows, problems } = readWhole('northwind.csv');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        orderId: 'SO-1001',
        date: '2024-03-05',
        currency: 'USD',
        customer: { id: 'C-00042', email: 'ada@example.com' },
        sku: 'MUG-1',
        quantity: 2,
        unitPriceMinor: 1800,
      },
      {
        line: 3,
        orderId: 'SO-1001',
        date: '2024-03-05',
        currency: 'USD',
        customer: { id: 'C-00042', email: 'ada@example.com' },
        sku: 'FERN-1',
        quantity: 1,
        unitPriceMinor: 2450,
      },
      {
        line: 4,
        orderId: 'SO-1002',
        date: '2024-03-07',
        currency: 'USD',
        customer: { id: 'C-00007', email: 'grace@example.com' },
        sku: 'TEA-3',
        quantity: 3,
        unitPriceMinor: 625,
      },
      {
        line: 5,
        orderId: 'SO-1003',
        date: '2024-03-09',
        currency: 'USD',
        customer: { id: 'C-00042', email: 'ada@example.com' },
        sku: 'MUG-1',
        quantity: 1,
        unitPriceMinor: 1800,
      },
    ]);
  });

  it('reads Shopify: order fields on first rows only, a note over two lines, the date as written', () => {
    const { rows, problems } = readWhole('shopify-orders.csv');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        orderId: '#1001',
        date: '2024-03-05',
        currency: 'USD',
        customer: { email: 'ada@example.com', phone: '+1 555 0100', name: 'Ada Lovelace' },
        sku: 'MUG-1',
        name: 'Speckled Mug',
        quantity: 2,
        unitPriceMinor: 1800,
      },
      // Line 3 is the note's second line.
      {
        line: 4,
        orderId: '#1001',
        currency: 'USD',
        customer: {},
        sku: 'FERN-1',
        name: 'Botanical Fern Print',
        quantity: 1,
        unitPriceMinor: 2450,
      },
      {
        line: 5,
        orderId: '#1002',
        date: '2024-03-07',
        currency: 'USD',
        customer: { email: 'grace@example.com', name: 'Grace Hopper' },
        sku: 'TEA-3',
        name: 'Breakfast Tea',
        quantity: 3,
        unitPriceMinor: 625,
      },
      {
        line: 6,
        orderId: '#1003',
        date: '2024-03-09',
        currency: 'USD',
        customer: { email: 'alan@example.com', name: 'Alan Turing' },
        sku: 'FERN-1',
        name: 'Botanical Fern Print',
        quantity: 1,
        unitPriceMinor: 2450,
      },
      {
        line: 7,
        orderId: '#1003',
        currency: 'USD',
        customer: {},
        sku: 'MUG-1',
        name: 'Speckled Mug',
        quantity: 2,
        unitPriceMinor: 1800,
      },
      {
        line: 8,
        orderId: '#1003',
        currency: 'USD',
        customer: {},
        name: 'Gift wrapping',
        quantity: 1,
        unitPriceMinor: 550,
      },
    ]);
  });

  it('reads Square: "$" amounts, decimal Qty, unit price = Gross Sales / Qty', () => {
    const { rows, problems } = readWhole('square-item-sales.csv');
    expect(problems).toEqual([]);
    expect(
      rows.map(({ line, orderId, date, quantity, unitPriceMinor, sku, name }) => ({
        line,
        orderId,
        date,
        quantity,
        unitPriceMinor,
        sku,
        name,
      })),
    ).toEqual([
      {
        line: 2,
        orderId: 'TX9a',
        date: '2026-07-18',
        quantity: 1,
        unitPriceMinor: 450,
        sku: 'LATTE-L',
        name: 'Latte',
      },
      {
        line: 3,
        orderId: 'TX9a',
        date: '2026-07-18',
        quantity: 2,
        unitPriceMinor: 350,
        sku: undefined,
        name: 'Croissant',
      },
      // "$1,234.50" for 3.
      {
        line: 4,
        orderId: 'TX9b',
        date: '2026-07-19',
        quantity: 3,
        unitPriceMinor: 41150,
        sku: 'BEANS-1K',
        name: 'House Blend 1kg',
      },
      {
        line: 5,
        orderId: 'TX9c',
        date: '2026-07-19',
        quantity: 1,
        unitPriceMinor: 300,
        sku: 'ESP-1',
        name: 'Espresso',
      },
    ]);
    expect(rows[0]?.customer).toEqual({ id: 'CUST-7', name: 'Grace Hopper' });
    expect(rows[3]?.customer).toEqual({});
  });

  it('skips a Square refund row (negative Qty and Gross Sales) saying refunds are not matched', () => {
    const refund =
      '2026-07-20,11:00:00,Eastern Time (US & Canada),Coffee,Latte,-1,Large,LATTE-L,,-$4.50,$0.00,-$4.50,-$0.36,TX9a,PY1,Counter iPad,,,Refund,Main Street,,CUST-7,Grace Hopper,,,1,,Physical Good,$0.00,,,Point of Sale,tok1,Visa,4242\r\n';
    const text = orderExportFixture('square-item-sales.csv') + refund;
    const { rows, problems } = readInChunks(text, layoutOf(text), 100);
    expect(problems).toEqual([
      { line: 6, reason: 'Qty "-1" is negative: refunds and voids are not matched' },
    ]);
    expect(rows).toHaveLength(4);
  });

  it('rounds a unit price from a line total to whole minor units', () => {
    const text = orderExportFixture('square-item-sales.csv').replace('"$1,234.50"', '$10.00');
    expect(readInChunks(text, layoutOf(text), 100).rows[2]?.unitPriceMinor).toBe(333);
  });

  it('reads a semicolon Windows-1252 file with decimal commas', () => {
    const { rows, problems } = readWhole('semicolon-cp1252.csv');
    expect(problems).toEqual([]);
    expect(
      rows.map((row) => [row.line, row.customer.name, row.name, row.unitPriceMinor, row.currency, row.date]),
    ).toEqual([
      [2, 'Zoë Müller', 'Café Crème', 350, 'EUR', '2024-03-05'],
      [3, 'Zoë Müller', 'Espressomaschine „Señor“', 123450, 'EUR', '2024-03-05'],
      [4, 'François Œuvre', 'Café Crème', 350, 'EUR', '2024-03-17'],
    ]);
  });

  it('refuses a "1.500" in a semicolon file, where a "." may group thousands, and reads "1.234.567"', () => {
    const text = orderExportFixture('semicolon-cp1252.csv')
      .replace(';2;3,50;', ';1.500;3,50;')
      .replace(';1;1.234,50;', ';1;1.234;')
      .replace(';1;3,50;', ';1;1.234.567;');
    const { rows, problems } = readInChunks(text, layoutOf(text), 2);
    const why =
      'could be read two ways: a "." in a file separated by ";" may group thousands or mark decimals';
    expect(problems).toEqual([
      { line: 2, reason: `Quantity "1.500" ${why}` },
      { line: 3, reason: `Unit price "1.234" ${why}` },
    ]);
    expect(rows.map((row) => [row.line, row.unitPriceMinor])).toEqual([[4, 123456700]]);
  });

  it('skips the rows after an order row whose currency is unreadable, not reading them in another', () => {
    const text = [
      'Name,Email,Financial Status,Created at,Currency,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku',
      '#1,a@example.com,paid,2024-03-05 10:00:00 -0500,dollars,1,Mug,18.00,MUG-1',
      '#1,,,,,1,Fern,24.50,FERN-1',
      '#2,b@example.com,paid,2024-03-05 10:00:00 -0500,JPY,1,Mug,1800,MUG-1',
      '#2,,,,,1,Fern,2450,FERN-1',
    ].join('\n');
    const layout = layoutOf(text);
    expect(layout.format).toBe('shopify-orders');
    const whole = readInChunks(text, layout, 100);
    expect(whole.problems).toEqual([
      { line: 2, reason: 'Currency "dollars" is not a three-letter currency code' },
      { line: 3, reason: "Currency is empty, and the order's row above names none Tally can read" },
    ]);
    expect(whole.rows.map((row) => [row.line, row.currency])).toEqual([
      [4, 'JPY'],
      [5, 'JPY'],
    ]);
    for (const size of [1, 2]) {
      const chunked = readInChunks(text, layout, size);
      expect([chunked.rows, chunked.problems]).toEqual([whole.rows, whole.problems]);
    }
  });

  it('refuses an amount whose symbol names another currency than its row', () => {
    const text = orderExportFixture('northwind.csv').replace(',24.50,USD', ',€24.50,USD');
    expect(readInChunks(text, layoutOf(text), 10).problems).toEqual([
      { line: 3, reason: 'unit_price "€24.50" is in EUR, but its row is in USD' },
    ]);
  });

  it('reads a file with a BOM as one without, decoded or not', () => {
    const northwind = readWhole('northwind.csv').rows;
    expect(readWhole('bom.csv').rows).toEqual(northwind.slice(0, 2));
    const text = `\uFEFF${orderExportFixture('northwind.csv')}`;
    expect(readInChunks(text, layoutOf(text), 2).rows).toEqual(northwind);
  });

  it('skips bad amounts and quantities with their line and reason; JPY has no decimals', () => {
    const { rows, problems } = readWhole('bad-amounts.csv');
    expect(problems).toEqual([
      { line: 2, reason: 'unit_price "12,5x" is not an amount' },
      { line: 3, reason: 'unit_price is empty' },
      { line: 4, reason: 'unit_price "-3.00" is negative: refunds are not matched' },
      { line: 5, reason: 'unit_price "1.234" has more than 2 decimals, the most USD has' },
      { line: 6, reason: 'quantity "two" is not a number' },
      { line: 7, reason: 'quantity "-1" is negative: refunds and voids are not matched' },
      { line: 8, reason: 'quantity "0" is zero' },
      { line: 9, reason: 'unit_price "800.5" has decimals, and amounts in JPY have none' },
      { line: 12, reason: 'order_id is empty: the row belongs to no order' },
      { line: 13, reason: 'currency "dollars" is not a three-letter currency code' },
      { line: 14, reason: 'has 7 cells, the header has 8' },
    ]);
    expect(rows.map((row) => [row.line, row.unitPriceMinor, row.currency])).toEqual([
      [10, 800, 'JPY'],
      [11, 123450, 'USD'],
    ]);
  });

  it('skips impossible dates and dates not in the file’s order', () => {
    const { rows, problems } = readWhole('impossible-dates.csv');
    expect(problems).toEqual([
      { line: 3, reason: 'Invoice Date "30/02/2024" is not a real date' },
      { line: 4, reason: 'Invoice Date "31/31/2024" is not a real date' },
      { line: 5, reason: 'Invoice Date "2024-02-30" is not a real date' },
      {
        line: 6,
        reason: `Invoice Date "2024-03-05" is not written day/month/year like the file's other dates`,
      },
      {
        line: 7,
        reason: `Invoice Date "12/13/2024" is not written day/month/year like the file's other dates`,
      },
      { line: 8, reason: 'Invoice Date "next Tuesday" is not a date' },
    ]);
    expect(rows.map((row) => [row.line, row.date])).toEqual([
      [2, '2024-01-31'],
      [9, '2024-02-29'],
    ]);
  });

  it('stops at a quote never closed, saying which lines could not be read', () => {
    const text = orderExportFixture('unbalanced-quotes.csv');
    const layout = layoutOf(text);
    const read = readOrderRows(text, layout, firstOrderRow(text, layout), 1000);
    expect(read.rows.map((row) => row.line)).toEqual([2]);
    expect(read.problems).toEqual([
      { line: 3, reason: 'opens a quoted cell (") that is never closed, so lines 3 to 5 could not be read' },
    ]);
    expect(read.done).toBe(true);
    expect(read.next.offset).toBe(text.length);
  });

  it('skips a row with text after a closing quote and goes on', () => {
    const text =
      'order_id,order_date,customer_id,customer_email,sku,quantity,unit_price,currency\nA1,2024-03-05,C1,"a"x",S,1,1.00,USD\nA2,2024-03-05,C1,a@example.com,S,1,1.00,USD\n';
    const read = readInChunks(text, layoutOf(text), 10);
    expect(read.problems).toEqual([
      { line: 2, reason: 'has a quoted cell with text after its closing quote (")' },
    ]);
    expect(read.rows.map((row) => row.orderId)).toEqual(['A2']);
  });

  it('removes formula-guard apostrophes like other imports', () => {
    const text = "Order ID,Date,Customer,Product,Qty,Price\n'-42,2024-03-05,'=Ada,'+Mug,1,2.00\n";
    const [row] = readInChunks(text, layoutOf(text), 10).rows;
    expect(row).toMatchObject({ orderId: '-42', customer: { name: '=Ada' }, name: '+Mug' });
  });

  it('says "names no product" when SKU and product are both empty', () => {
    const text = 'Order ID,Date,Customer,SKU,Product,Qty,Price\nA1,2024-03-05,Ada,,,1,2.00\n';
    expect(readInChunks(text, layoutOf(text), 10).problems).toEqual([
      { line: 2, reason: 'names no product: SKU and Product are empty' },
    ]);
  });
});

describe('readOrderRows: chunks read what one read of the whole file does', () => {
  it.each(FIXTURES)('%s, in chunks of 1, 2, 3 and 5 rows', (name) => {
    const text = orderExportFixture(name);
    const layout = layoutOf(text);
    const whole = readInChunks(text, layout, 1_000_000);
    expect(whole.calls).toBe(1);
    for (const size of [1, 2, 3, 5]) {
      const chunked = readInChunks(text, layout, size);
      expect({ rows: chunked.rows, problems: chunked.problems }).toEqual({
        rows: whole.rows,
        problems: whole.problems,
      });
    }
  });

  it.each(FIXTURES.filter((name) => name !== 'unbalanced-quotes.csv'))(
    '%s: rows and problems are on the lines table.ts gives',
    (name) => {
      const text = orderExportFixture(name);
      const table = parseCsvTable(text);
      if (isCsvFileError(table)) throw new Error(table.error);
      const read = readInChunks(text, layoutOf(text), 2);
      const lines = [...read.rows.map((row) => row.line), ...read.problems.map((problem) => problem.line)];
      expect(lines.sort((a, b) => a - b)).toEqual(table.rows.map((row) => row.line));
    },
  );

  it('keeps the rows of one Shopify order in one chunk, so later rows keep its currency', () => {
    const text = orderExportFixture('shopify-orders.csv')
      .replace(/,USD,/g, ',JPY,')
      .replace(/(\d+)\.(\d\d),/g, '$1$2,');
    const layout = layoutOf(text);
    const first = readOrderRows(text, layout, firstOrderRow(text, layout), 1);
    expect(first.rows.map((row) => [row.orderId, row.line, row.currency])).toEqual([
      ['#1001', 2, 'JPY'],
      ['#1001', 4, 'JPY'],
    ]);
    expect(readInChunks(text, layout, 1).rows.every((row) => row.currency === 'JPY')).toBe(true);
  });

  const header = 'order_id,order_date,customer_id,customer_email,sku,quantity,unit_price,currency';
  const layout = layoutOf(`${header}\n`);

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('quoted cells with line breaks across chunk boundaries, %s line ends, no final line end', (_, eol) => {
    const rows = [
      header,
      `A1,2024-03-05,C1,"a@example.com",S1,1,1.00,USD`,
      `A1,2024-03-05,C1,a@example.com,"S2${eol}second line${eol}third line",2,1.00,`,
      '',
      `A2,2024-03-06,C2,"b""x""@example.com","line${eol}break",3,"1,000.00",USD`,
      ',,,,,,,',
      `A3,2024-03-07,C3,c@example.com,S3,1,2.00,USD`,
    ];
    const text = rows.join(eol);
    const whole = readInChunks(text, layout, 1000);
    expect(whole.problems).toEqual([]);
    expect(whole.rows.map((row) => [row.line, row.orderId, row.sku])).toEqual([
      [2, 'A1', 'S1'],
      [3, 'A1', `S2${eol}second line${eol}third line`],
      [7, 'A2', `line${eol}break`],
      [10, 'A3', 'S3'],
    ]);
    expect(whole.rows[2]?.customer.email).toBe('b"x"@example.com');
    for (const size of [1, 2, 3]) expect(readInChunks(text, layout, size).rows).toEqual(whole.rows);
  });

  it('any file, in chunks of any size (property)', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'x', 'a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', "'=1+1", ' '),
      fc.string({ maxLength: 6 }),
    );
    const row = fc.record({
      orderId: fc.constantFrom('A1', 'A2', 'A3', ''),
      date: fc.constantFrom('2024-03-05', '', '2024-02-30', '05/03/2024'),
      sku: cell,
      quantity: fc.constantFrom('1', '2.0', '-1', 'x', ''),
      price: fc.constantFrom('1.00', '12,5x', '3', '', '0.001'),
      currency: fc.constantFrom('USD', 'JPY', '', 'eur', 'dollars'),
      extra: fc.boolean(),
      blank: fc.boolean(),
    });
    const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 25 }),
        fc.constantFrom('\r\n', '\n'),
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        (records, eol, finalEol, size) => {
          const lines = [header];
          for (const r of records) {
            if (r.blank) lines.push('');
            const cells = [r.orderId, r.date, 'C1', 'a@example.com', r.sku, r.quantity, r.price, r.currency];
            if (r.extra) cells.push('surplus');
            lines.push(cells.map(quote).join(','));
          }
          const text = lines.join(eol) + (finalEol ? eol : '');
          const whole = readInChunks(text, layout, 1_000_000);
          const chunked = readInChunks(text, layout, size);
          expect(chunked.rows).toEqual(whole.rows);
          expect(chunked.problems).toEqual(whole.problems);
          const table = parseCsvTable(text);
          if (!isCsvFileError(table)) {
            const read = [...whole.rows.map((r) => r.line), ...whole.problems.map((p) => p.line)];
            expect(read.sort((a, b) => a - b)).toEqual(table.rows.map((r) => r.line));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('readOrderRows: a cursor past the end', () => {
  it('reads nothing and is done', () => {
    const text = orderExportFixture('northwind.csv');
    const layout: OrderExportLayout = layoutOf(text);
    expect(readOrderRows(text, layout, { offset: text.length, line: 6 }, 10)).toEqual({
      rows: [],
      problems: [],
      next: { offset: text.length, line: 6 },
      done: true,
    });
  });
});
