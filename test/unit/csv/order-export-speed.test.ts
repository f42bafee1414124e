import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { groupOrders } from '../../../src/csv/order-export';
import { layoutOf, orderExportFixture, readInChunks } from '../../fixtures/order-exports/read';

/**
 * Figures, not assertions (timed tests fail on a busy machine): reading 100,000 rows of ten
 * columns and of a Shopify export's 79, whole and in a job's chunks, against a bare papaparse
 * parse of the same text. The budget is the same order of time as papaparse alone (DESIGN.md:
 * parse + match ≤ 2×).
 */

const ROWS = 100_000;

/** Rows of three-line orders; every 7th product name is quoted (it has a comma). */
function orderExport(currencyOnFirstRowOnly: boolean): string {
  const lines = ['Order ID,Order date,Customer ID,Email,Customer,SKU,Product,Qty,Unit price,Currency'];
  for (let i = 0; i < ROWS; i++) {
    const order = Math.floor(i / 3);
    const first = i % 3 === 0;
    const product = i % 7 === 0 ? `"Widget, size ${i % 50}"` : `Widget ${i % 50}`;
    const currency = first || !currencyOnFirstRowOnly ? 'USD' : '';
    const day = String((order % 28) + 1).padStart(2, '0');
    lines.push(
      `SO-${order},2024-03-${day},C-${order % 1000},c${order % 1000}@example.com,Customer ${order % 1000},SKU-${i % 500},${product},${(i % 5) + 1},${(i % 90) + 1}.50,${currency}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The least CPU time of five runs: on a machine shared with other work, wall time says more
 * about the neighbours than about the code.
 */
function best(run: () => unknown): number {
  let fastest = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    fastest = Math.min(fastest, (used.user + used.system) / 1000);
  }
  return fastest;
}

/** The Shopify fixture's orders again and again under new names: 79 columns, a quoted note. */
function wideShopifyExport(rows: number): string {
  const [header = '', ...body] = orderExportFixture('shopify-orders.csv').split('\n');
  const records = body.join('\n').split(/\n(?=#)/);
  const lines = [header];
  for (let copy = 0; lines.length <= rows; copy++) {
    for (const record of records) lines.push(record.replace(/^#(\d+)/, (_, n: string) => `#${copy}-${n}`));
  }
  return `${lines.join('\n')}\n`;
}

describe('reading 100,000 export rows (figures)', () => {
  it.each([
    ['currency on every row', false],
    ['currency on first rows only (Shopify)', true],
  ])(
    '%s',
    (label, firstOnly) => {
      const text = orderExport(firstOnly);
      const layout = layoutOf(text);
      const papa = best(() => Papa.parse(text));
      const whole = best(() => readInChunks(text, layout, ROWS * 2));
      const chunked = best(() => readInChunks(text, layout, 5_000));
      const rows = readInChunks(text, layout, 5_000).rows;
      const group = best(() => groupOrders(rows));
      expect(rows).toHaveLength(ROWS);
      expect(groupOrders(rows).orders).toHaveLength(Math.ceil(ROWS / 3));
      report(label, papa, whole, chunked, group, ROWS);
    },
    60_000,
  );

  it('a Shopify export: 79 columns, a note over two lines', () => {
    const text = wideShopifyExport(ROWS);
    const layout = layoutOf(text);
    const papa = best(() => Papa.parse(text));
    const whole = best(() => readInChunks(text, layout, ROWS * 2));
    const chunked = best(() => readInChunks(text, layout, 5_000));
    const read = readInChunks(text, layout, 5_000);
    expect(read.problems).toEqual([]);
    const group = best(() => groupOrders(read.rows));
    report('Shopify, 79 columns', papa, whole, chunked, group, read.rows.length);
  }, 60_000);
});

function report(
  label: string,
  papa: number,
  whole: number,
  chunked: number,
  group: number,
  rows: number,
): void {
  const rate = (ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`;
  console.info(
    [
      `order export, ${label}, ${rows.toLocaleString('en')} rows (CPU time): bare Papa.parse ${papa.toFixed(0)} ms`,
      `readOrderRows whole ${whole.toFixed(0)} ms (${rate(whole)}, ${(whole / papa).toFixed(2)}× papaparse)`,
      `in chunks of 5,000 ${chunked.toFixed(0)} ms (${rate(chunked)}, ${(chunked / papa).toFixed(2)}×)`,
      `groupOrders ${group.toFixed(0)} ms`,
    ].join('; '),
  );
}
