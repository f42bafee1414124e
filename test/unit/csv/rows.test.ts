import { describe, it, expect } from 'vitest';
import {
  acceptRow,
  extraCellsReader,
  headerKey,
  mapColumns,
  readRows,
  rejectRow,
} from '../../../src/csv/rows';
import { isCsvFileError, parseCsvTable, type CsvTable } from '../../../src/csv/table';

function table(text: string): CsvTable {
  const result = parseCsvTable(text);
  if (isCsvFileError(result)) throw new Error(result.error);
  return result;
}

const synonyms = {
  sku: ['sku', 'product code'],
  price: ['price', 'unit price'],
  note: ['note'],
};

describe('headerKey', () => {
  it('ignores case, accents, spaces, underscores, dashes and punctuation', () => {
    for (const name of ['Unit Price', 'unit_price', 'unitprice', 'UNIT-PRICE', ' Unit. Price: ']) {
      expect(headerKey(name)).toBe('unitprice');
    }
    expect(headerKey('Catégorie')).toBe('categorie');
  });
});

describe('mapColumns', () => {
  it('maps synonyms and reports missing fields and unmapped headers', () => {
    const mapping = mapColumns(['Product Code', 'Colour', 'unit_price', ''], synonyms);
    expect(mapping).toEqual({
      map: { sku: { index: 0, name: 'Product Code' }, price: { index: 2, name: 'unit_price' } },
      missing: ['note'],
      unmapped: ['Colour'],
    });
  });

  it('prefers the header matching an earlier synonym and gives each header one field', () => {
    const mapping = mapColumns(['Unit Price', 'Price'], synonyms);
    expect(mapping.map.price).toEqual({ index: 1, name: 'Price' });
    expect(mapping.unmapped).toEqual(['Unit Price']);

    const shared = mapColumns(['code'], { a: ['code'], b: ['code'] });
    expect(shared.map).toEqual({ a: { index: 0, name: 'code' } });
    expect(shared.missing).toEqual(['b']);
  });
});

describe('readRows', () => {
  it('accepts and rejects rows with their lines, rejecting flagged rows first', () => {
    const parsed = table('Product Code,Unit Price\nA1, 2.50 \nA2\nA3,x\n');
    const { map } = mapColumns(parsed.header, synonyms);
    const result = readRows(parsed, map, (get, _row, columnName) => {
      const price = get('price') ?? '';
      if (!/^\d+\.\d\d$/.test(price)) return rejectRow(`${columnName('price')} "${price}" is not an amount`);
      return acceptRow({ sku: get('sku'), price, note: get('note') });
    });
    expect(result.accepted).toEqual([{ line: 2, value: { sku: 'A1', price: '2.50', note: undefined } }]);
    expect(result.rejected).toEqual([
      { line: 3, reason: 'has 1 cell, the header has 2' },
      { line: 4, reason: 'Unit Price "x" is not an amount' },
    ]);
  });
});

describe('extraCellsReader', () => {
  it('keeps unmapped cells by header name, and named unnamed cells only when filled', () => {
    const parsed = table('sku,Colour,__proto__,,\nA1, red ,x,,kept\n');
    const { map } = mapColumns(parsed.header, synonyms);
    const row = parsed.rows[0];
    if (!row) throw new Error('no row');
    const extra = extraCellsReader(parsed.header, map)(row);
    expect(extra).toEqual({ Colour: ' red ', ['__proto__']: 'x', 'Column 5': 'kept' });
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
  });
});
