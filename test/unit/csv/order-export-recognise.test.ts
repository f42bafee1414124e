import { describe, expect, it } from 'vitest';
import { northwind } from '../../../src/adapters/northwind';
import { customerIdBackOffice } from '../../../src/csv/contacts-columns';
import { decodeCsvBytes } from '../../../src/csv/decode';
import {
  firstOrderRow,
  groupOrders,
  orderExportLayoutProblem,
  readOrderRows,
  previewOrderExport,
  recogniseOrderExport,
} from '../../../src/csv/order-export';
import type { OrderExportLayout } from '../../../src/domain/back-office-order';
import { ORDERS_CSV_HEADER, ordersCsv } from '../../demo/backoffices/rep/exports';
import { generateDemoData } from '../../demo/seed';
import { createDemoStore } from '../../demo/store';
import { orderExportFixture, readInChunks } from '../../fixtures/order-exports/read';

function known(text: string, saved: readonly OrderExportLayout[] = []): OrderExportLayout {
  const result = recogniseOrderExport(text, saved);
  if (result.kind !== 'known') throw new Error(`expected a known format, got ${JSON.stringify(result)}`);
  return result.layout;
}

describe('recogniseOrderExport: built-in formats', () => {
  it("recognises the Northwind demo export, with the Northwind adapter's back-office id", () => {
    const layout = known(orderExportFixture('northwind.csv'));
    expect(layout).toEqual({
      format: 'northwind',
      backOffice: northwind.id,
      delimiter: ',',
      header: [...ORDERS_CSV_HEADER],
      columns: {
        orderId: 0,
        date: 1,
        customerId: 2,
        customerEmail: 3,
        sku: 4,
        quantity: 5,
        unitPrice: 6,
        currency: 7,
      },
      dateOrder: 'ymd',
      defaultCurrency: 'USD',
    });
  });

  it('recognises an export saved as UTF-16 ("Unicode Text")', () => {
    const bytes = new Uint8Array(Buffer.from(`\uFEFF${orderExportFixture('northwind.csv')}`, 'utf16le'));
    expect(known(decodeCsvBytes(bytes).text).format).toBe('northwind');
  });

  it('recognises a text that still starts with a BOM', () => {
    expect(known(`\uFEFF${orderExportFixture('northwind.csv')}`).header[0]).toBe('order_id');
  });

  it('recognises a Shopify orders export by its columns, wherever they are', () => {
    const text = orderExportFixture('shopify-orders.csv');
    const layout = known(text);
    expect(layout.format).toBe('shopify-orders');
    expect(layout.backOffice).toBe(customerIdBackOffice('shopify'));
    expect(layout.header).toHaveLength(79);
    const named = Object.fromEntries(
      Object.entries(layout.columns).map(([field, index]) => [field, layout.header[index]]),
    );
    expect(named).toEqual({
      orderId: 'Name',
      date: 'Created at',
      customerEmail: 'Email',
      customerPhone: 'Phone',
      customerName: 'Billing Name',
      sku: 'Lineitem sku',
      product: 'Lineitem name',
      quantity: 'Lineitem quantity',
      unitPrice: 'Lineitem price',
      currency: 'Currency',
    });
    expect(layout.dateOrder).toBe('ymd');
  });

  it('recognises a Square item sales export: line totals, no currency column, "$" taken as USD', () => {
    const layout = known(orderExportFixture('square-item-sales.csv'));
    expect(layout.format).toBe('square-item-sales');
    expect(layout.backOffice).toBe('square');
    const named = Object.fromEntries(
      Object.entries(layout.columns).map(([field, index]) => [field, layout.header[index]]),
    );
    expect(named).toEqual({
      orderId: 'Transaction ID',
      date: 'Date',
      customerId: 'Customer ID',
      customerName: 'Customer Name',
      sku: 'SKU',
      product: 'Item',
      quantity: 'Qty',
      lineTotal: 'Gross Sales',
    });
    expect(layout.defaultCurrency).toBe('USD');
  });

  it('reads a Square file whose first dates do not settle the order month first, as Square writes them', () => {
    const text = orderExportFixture('square-item-sales.csv')
      .replace(/2026-07-18/g, '07/02/2026')
      .replace(/2026-07-19/g, '07/03/2026');
    const layout = known(text);
    expect(layout.dateOrder).toBe('mdy');
    const { rows, problems } = readInChunks(text, layout, 100);
    expect(problems).toEqual([]);
    expect(rows.map((row) => row.date)).toEqual(['2026-07-02', '2026-07-02', '2026-07-03', '2026-07-03']);
    expect(known(orderExportFixture('square-item-sales.csv')).dateOrder).toBe('ymd');
  });

  it('takes "$" for the dollar currency it is given, and for USD when given another', () => {
    const text = orderExportFixture('square-item-sales.csv');
    const currency = (defaultCurrency: string) => {
      const result = recogniseOrderExport(text, [], { defaultCurrency });
      return result.kind === 'known' && result.layout.defaultCurrency;
    };
    expect(currency('CAD')).toBe('CAD');
    expect(currency('AUD')).toBe('AUD');
    expect(currency('EUR')).toBe('USD');
  });

  it('takes the currency of a file from a symbol after its amounts ("3,50 €")', () => {
    const text = 'Order ID;Date;Customer;Product;Qty;Price\nA1;05/03/2024;Zoë;Café;1;3,50 €\n';
    const result = recogniseOrderExport(text, []);
    expect(result.kind === 'needs-mapping' && result.guess.defaultCurrency).toBe('EUR');
    if (result.kind !== 'needs-mapping') return;
    expect(readInChunks(text, result.guess, 10).rows[0]).toMatchObject({
      currency: 'EUR',
      unitPriceMinor: 350,
    });
  });

  it('takes the currency of a Square file in euros from its amounts', () => {
    const text = orderExportFixture('square-item-sales.csv').replace(/\$/g, '€');
    expect(known(text).defaultCurrency).toBe('EUR');
  });

  it('reads the older 24-column Square header too', () => {
    const header =
      'Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Modifiers Applied,Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Device Name,Notes,Details,Event Type,Location,Dining Option,Customer ID,Customer Name,Customer Reference ID';
    expect(
      known(
        `${header}\n03/14/2024,10:00:00,Pacific Time,,Tea,1,,TEA,,$3.00,$0.00,$3.00,$0.00,T1,P1,iPad,,,Payment,Main,,C1,,\n`,
      ),
    ).toMatchObject({
      format: 'square-item-sales',
      dateOrder: 'mdy',
    });
  });

  it('does not take a file for Northwind when it only shares some of its names', () => {
    const text =
      'order_id,order_date,customer_email,sku,quantity,unit_price\nA1,2024-03-05,a@example.com,MUG-1,1,3.00\n';
    const result = recogniseOrderExport(text, []);
    expect(result.kind).toBe('needs-mapping');
  });

  it('says which columns a Shopify export lacks, rather than guessing', () => {
    const result = recogniseOrderExport(orderExportFixture('missing-columns.csv'), []);
    expect(result.kind).toBe('error');
    const error = result.kind === 'error' ? result.error : '';
    expect(error).toMatch(
      /^This looks like a Shopify orders export, but it cannot be read: The file has no column for Quantity \(a column named "Lineitem quantity"\)\. Its header row has: "Name", "Email", /,
    );
    expect(error).toMatch(
      /Export the orders from Shopify's admin again \(Orders → Export\), with every column\.$/,
    );
  });

  it('points a Square transactions export to the item sales export', () => {
    const header =
      'Date,Time,Time Zone,Gross Sales,Discounts,Service Charges,Net Sales,Gift Card Sales,Tax,Tip,Partial Refunds,Total Collected,Source,Card,Card Entry Methods,Cash,Square Gift Card,Other Tender,Other Tender Type,Other Tender Note,Fees,Net Total,Transaction ID,Payment ID,Card Brand,PAN Suffix,Device Name,Staff Name,Staff ID,Details,Description,Event Type,Location,Dining Option,Customer ID,Customer Name,Customer Reference ID';
    const result = recogniseOrderExport(`${header}\n`, []);
    expect(result).toEqual({
      kind: 'error',
      error: expect.stringMatching(
        /^This looks like a Square item sales export, but it cannot be read: The file has no columns for Quantity \(a column named "Qty"\); SKU or Product \(a column named "SKU", "Item"\)\..*Use Square's item sales export \(Items detail\), not its transactions export\.$/,
      ),
    });
  });
});

describe('recogniseOrderExport: other back offices', () => {
  const ledgerly = orderExportFixture('ledgerly.csv');

  it('guesses a mapping from common names, dates day first when a day above 12 says so', () => {
    const result = recogniseOrderExport(ledgerly, []);
    expect(result).toEqual({
      kind: 'needs-mapping',
      guess: {
        format: 'mapped',
        backOffice: customerIdBackOffice('other'),
        delimiter: ',',
        header: [
          'Invoice No',
          'Invoice Date',
          'Client',
          'E-mail',
          'Item Code',
          'Description',
          'Qty',
          'Price',
        ],
        columns: {
          orderId: 0,
          date: 1,
          customerName: 2,
          customerEmail: 3,
          sku: 4,
          product: 5,
          quantity: 6,
          unitPrice: 7,
        },
        dateOrder: 'dmy',
        defaultCurrency: 'USD',
      },
    });
  });

  it('uses the default currency it is given for a file that names none', () => {
    const result = recogniseOrderExport(ledgerly, [], { defaultCurrency: 'GBP' });
    expect(result.kind === 'needs-mapping' && result.guess.defaultCurrency).toBe('GBP');
  });

  it('recognises a file by a mapping the user confirmed for the same header, however it is spelled', () => {
    const saved: OrderExportLayout = {
      format: 'mapped',
      backOffice: 'ledgerly',
      delimiter: ',',
      header: ['invoice_no', 'INVOICE DATE', 'client', 'email', 'item code', 'description', 'qty', 'price'],
      columns: {
        orderId: 0,
        date: 1,
        customerName: 2,
        customerEmail: 3,
        sku: 4,
        product: 5,
        quantity: 6,
        unitPrice: 7,
      },
      dateOrder: 'dmy',
      defaultCurrency: 'EUR',
    };
    const other: OrderExportLayout = { ...saved, backOffice: 'other', header: ['a', 'b'] };
    const layout = known(ledgerly, [other, saved]);
    expect(layout).toEqual({
      ...saved,
      header: ['Invoice No', 'Invoice Date', 'Client', 'E-mail', 'Item Code', 'Description', 'Qty', 'Price'],
    });
  });

  it('reads a semicolon file in Windows-1252: decimal commas, euros, dates day first', () => {
    const result = recogniseOrderExport(orderExportFixture('semicolon-cp1252.csv'), []);
    expect(result.kind).toBe('needs-mapping');
    const guess = result.kind === 'needs-mapping' ? result.guess : undefined;
    expect(guess).toMatchObject({ delimiter: ';', dateOrder: 'dmy', defaultCurrency: 'EUR' });
    expect(guess?.header[2]).toBe('Customer');
  });

  it('says what a guess still lacks, in the words other imports use', () => {
    const text = 'Ref;When;Who;What;How many\nA1;05/03/2024;Ada;Mug;1\n';
    const result = recogniseOrderExport(text, []);
    expect(result).toMatchObject({
      kind: 'needs-mapping',
      problem:
        'The file has no columns for Order ID (a column named "Order ID", "Order number", "Order no", "Order", "Invoice", "Invoice number", "Invoice no", "Invoice ID", "Receipt number", "Transaction ID"); Order date (a column named "Date", "Order date", "Invoice date", "Sale date", "Transaction date", "Created at", "Created"); Quantity (a column named "Quantity", "Qty", "Units", "Count"); Unit price or Line total (a column named "Unit price", "Price", "Price each", "Unit cost", "Rate", "Line total", "Amount", "Total", "Line amount", "Subtotal", "Gross sales"); SKU or Product (a column named "SKU", "Item code", "Product code", "Article number", "Item number", "Part number", "Code", "Product", "Product name", "Item", "Item name", "Description", "Article"); Customer ID or Customer email or Customer phone or Customer name (a column named "Customer ID", "Customer number", "Customer no", "Client ID", "Client number", "Account number", "Email", "Customer email", "Email address", "Client email", "Phone", "Customer phone", "Phone number", "Telephone", "Mobile", "Customer", "Customer name", "Client", "Client name", "Name", "Billing name", "Buyer"). Its header row has: "Ref", "When", "Who", "What", "How many".',
    });
  });
});

describe('recogniseOrderExport: files that cannot be read', () => {
  it('says so when columns are separated by something other than commas, semicolons or tabs', () => {
    expect(recogniseOrderExport(orderExportFixture('wrong-delimiter.csv'), [])).toEqual({
      kind: 'error',
      error:
        'The file separates its columns with "|", which Tally does not read: save it again with commas, semicolons or tabs between columns.',
    });
  });

  it.each([
    ['', 'The file is empty.'],
    ['\n\n  \n', 'The file is empty.'],
    [
      '"order_id,order_date\nA1,2024-03-05\n',
      'The header row (line 1) opens a quoted cell (") that is never closed, so lines 1 to 2 could not be read.',
    ],
    [
      'Order ID,Date,Qty,Qty\n',
      'The header row names a column twice: "Qty". Rename or remove the extra column and try again.',
    ],
  ])('%j → %s', (text, error) => {
    expect(recogniseOrderExport(text, [])).toEqual({ kind: 'error', error });
  });
});

describe('orderExportLayoutProblem', () => {
  const layout: OrderExportLayout = {
    format: 'mapped',
    backOffice: 'ledgerly',
    delimiter: ',',
    header: ['No', 'Day', 'Client', 'Code', 'Qty', 'Total'],
    columns: { orderId: 0, date: 1, customerName: 2, sku: 3, quantity: 4, lineTotal: 5 },
    dateOrder: 'dmy',
    defaultCurrency: 'EUR',
  };

  it('accepts a layout with each requirement met one way or another', () => {
    expect(orderExportLayoutProblem(layout)).toBeUndefined();
  });

  it('refuses a column the header does not have', () => {
    expect(orderExportLayoutProblem({ ...layout, columns: { ...layout.columns, quantity: 6 } })).toBe(
      'Quantity is set to column 7, but the header row has 6 columns.',
    );
  });

  it('names a missing requirement with the names that would do', () => {
    const { customerName: _, ...columns } = layout.columns;
    expect(orderExportLayoutProblem({ ...layout, columns })).toMatch(
      /^The file has no column for Customer ID or Customer email or Customer phone or Customer name \(a column named "Customer ID", /,
    );
  });
});

describe('previewOrderExport and firstOrderRow', () => {
  it('gives the first rows after the header as text, blank lines left out', () => {
    const text = '\r\nInvoice No,Qty\r\n\r\nA1,"2"\r\n,\r\nA2,\'=3\r\nA3,4\r\n';
    expect(previewOrderExport(text, 2)).toEqual([
      ['A1', '2'],
      ['A2', '=3'],
    ]);
    const layout: OrderExportLayout = {
      format: 'mapped',
      backOffice: 'x',
      delimiter: ',',
      header: ['Invoice No', 'Qty'],
      columns: {},
      dateOrder: 'dmy',
      defaultCurrency: 'EUR',
    };
    expect(firstOrderRow(text, layout)).toEqual({ offset: 18, line: 3 });
  });

  it('starts after a BOM the text still has', () => {
    const text = '\uFEFForder_id,quantity\nA1,2\n';
    const layout = { ...known(orderExportFixture('northwind.csv')), header: ['order_id', 'quantity'] };
    expect(firstOrderRow(text, layout)).toEqual({ offset: 19, line: 2 });
  });
});

describe('the demo back office export, as its server writes it', () => {
  it('is recognised as Northwind and read without a problem', () => {
    const text = ordersCsv(createDemoStore(generateDemoData(42)));
    const layout = known(text);
    expect(layout.format).toBe('northwind');
    const read = readOrderRows(text, layout, firstOrderRow(text, layout), 1_000_000);
    expect(read.problems).toEqual([]);
    expect(read.rows.length).toBeGreaterThan(0);
    expect(groupOrders(read.rows).problems).toEqual([]);
  });
});
