import { describe, it, expect } from 'vitest';
import { readProductsCsv, type ProductsCsvResult } from '../../../src/csv/products-import';

type Read = Extract<ProductsCsvResult, { ok: true }>;

function read(text: string, options?: Parameters<typeof readProductsCsv>[1]): Read {
  const result = readProductsCsv(text, options);
  if (!result.ok) throw new Error(`unexpected file error: ${result.error}`);
  return result;
}

describe('readProductsCsv', () => {
  it('reads products, defaulting the currency and keeping other columns', () => {
    const result = read(
      [
        'SKU,Name,Price,Currency,Category,Barcode,Colour',
        'NW-1, Night cream ,12.50,eur,Skin,0012345678905,white',
        'NW-2,Day cream,"1,234.5",,,,',
      ].join('\r\n'),
    );
    expect(result.rejected).toEqual([]);
    expect(result.encodingNote).toBeUndefined();
    expect(result.products).toEqual([
      {
        sku: 'NW-1',
        name: 'Night cream',
        price: { minor: 1250, currency: 'EUR' },
        category: 'Skin',
        barcode: '0012345678905',
        extra: { Colour: 'white' },
      },
      {
        sku: 'NW-2',
        name: 'Day cream',
        price: { minor: 123450, currency: 'USD' },
        extra: { Colour: '' },
      },
    ]);
  });

  it('understands header synonyms and a semicolon file', () => {
    const result = read('Product Code;Title;Unit Price;EAN\nA1;Apple;0.99;123\n');
    expect(result.products).toEqual([
      { sku: 'A1', name: 'Apple', price: { minor: 99, currency: 'USD' }, barcode: '123', extra: {} },
    ]);
  });

  it('uses the default currency option when there is no currency column', () => {
    const result = read('sku,name,price\nA1,Apple,100\n', { defaultCurrency: 'jpy' });
    expect(result.products[0]?.price).toEqual({ minor: 100, currency: 'JPY' });
  });

  it('refuses a bad default currency as a programming error', () => {
    expect(() => readProductsCsv('sku,name,price\n', { defaultCurrency: 'dollars' })).toThrow(RangeError);
  });

  it('rejects each bad row with its line and a reason naming the column', () => {
    const result = read(
      [
        'Item code,Product name,Unit price,Currency,Barcode',
        'NW-1,Cream,10.00,USD,', // 2 ok
        ',Soap,1.00,USD,', // 3 empty SKU
        'NW-3,,1.00,USD,', // 4 empty name
        'NW-4,Gel,,USD,', // 5 empty price
        'NW-5,Gel,"12,5x",USD,', // 6 not an amount
        'NW-6,Gel,-1.00,USD,', // 7 negative
        'NW-7,Gel,1.005,USD,', // 8 too many decimals
        'NW-8,Gel,1,US$,', // 9 bad currency
        'NW-1,Cream again,11.00,USD,', // 10 duplicate SKU
        'NW-9,Gel,1', // 11 ragged
        'NW-10,Gel,1.5,JPY,', // 12 JPY has no decimals
        'NW-11,Gel,1,USD,5.01235E+12', // 13 barcode mangled by Excel
        `${'S'.repeat(65)},Gel,1,USD,`, // 14 SKU too long
        ',,x,,', // 15 several problems at once
      ].join('\n'),
    );
    expect(result.products.map((product) => product.sku)).toEqual(['NW-1']);
    expect(result.rejected).toEqual([
      { line: 3, reason: 'Item code is empty' },
      { line: 4, reason: 'Product name is empty' },
      { line: 5, reason: 'Unit price is empty' },
      { line: 6, reason: 'Unit price "12,5x" is not an amount' },
      { line: 7, reason: 'Unit price "-1.00" is negative' },
      { line: 8, reason: 'Unit price "1.005" has more decimals than USD allows (2)' },
      { line: 9, reason: 'Currency "US$" is not a three-letter currency code' },
      { line: 10, reason: 'Item code NW-1 already on line 2' },
      { line: 11, reason: 'has 3 cells, the header has 5' },
      { line: 12, reason: 'Unit price "1.5" has decimals, and JPY amounts have none' },
      {
        line: 13,
        reason:
          'Barcode "5.01235E+12" was turned into a number by a spreadsheet; format the column as text and export again',
      },
      { line: 14, reason: 'Item code is longer than 64 characters' },
      {
        line: 15,
        reason: 'Item code is empty; Product name is empty; Unit price "x" is not an amount',
      },
    ]);
  });

  it('says "SKU NW-1 already on line 4" for a repeated SKU', () => {
    const result = read('SKU,Name,Price\nX,a,1\nY,b,1\nNW-1,c,1\nNW-1,d,1\n');
    expect(result.rejected).toEqual([{ line: 5, reason: 'SKU NW-1 already on line 4' }]);
  });

  it('refuses a file missing required columns, naming them and the header found', () => {
    const result = readProductsCsv('Code,Label,Cost\nA,B,1\n');
    expect(result).toEqual({
      ok: false,
      error:
        'The file has no columns for Name (a column named "name", "product name", "product", "title", "description"); Price (a column named "price", "unit price", "retail price"). Its header row has: "Code", "Label", "Cost".',
    });
  });

  it('passes file-level errors through', () => {
    expect(readProductsCsv('')).toEqual({ ok: false, error: 'The file is empty.' });
  });

  it('accepts a header-only file as zero products', () => {
    expect(readProductsCsv('sku,name,price\r\n')).toEqual({
      ok: true,
      products: [],
      rejected: [],
      absentFields: ['category', 'barcode'],
    });
  });

  it('names the optional fields the file has no column for, not those with empty cells', () => {
    expect(read('sku,name,price,barcode\nA,B,1,\n').absentFields).toEqual(['category']);
    expect(read('sku,name,price,category,ean\nA,B,1,,\n').absentFields).toEqual([]);
  });

  it('notes when the text was decoded as Windows-1252', () => {
    const result = read('sku,name,price\nA,Café,1\n', { encoding: 'windows-1252' });
    expect(result.encodingNote).toMatch(/Windows-1252/);
  });
});
