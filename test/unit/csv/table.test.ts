import { describe, it, expect } from 'vitest';
import { isCsvFileError, parseCsvTable, type CsvTable } from '../../../src/csv/table';

function table(text: string): CsvTable {
  const result = parseCsvTable(text);
  if (isCsvFileError(result)) throw new Error(`unexpected file error: ${result.error}`);
  return result;
}

describe('parseCsvTable', () => {
  it('reads a comma-separated file with trimmed header names', () => {
    const parsed = table(' SKU , Name \r\nA1,Apple\r\nA2,Pear\r\n');
    expect(parsed.delimiter).toBe(',');
    expect(parsed.header).toEqual(['SKU', 'Name']);
    expect(parsed.rows).toEqual([
      { line: 2, cells: ['A1', 'Apple'] },
      { line: 3, cells: ['A2', 'Pear'] },
    ]);
  });

  it.each([
    ['semicolon', ';', 'sku;name;price\nA1;Apple;1,50\nA2;Pear;2,00'],
    ['tab', '\t', 'sku\tname\tprice\nA1\tApple\t1.50\nA2\tPear\t2.00'],
  ])('detects a %s delimiter', (_, delimiter, text) => {
    const parsed = table(text);
    expect(parsed.delimiter).toBe(delimiter);
    expect(parsed.header).toEqual(['sku', 'name', 'price']);
    expect(parsed.rows[0]?.cells).toHaveLength(3);
  });

  it('finds `;` in a two-column file that ends with blank lines', () => {
    for (const text of ['a;b\nc;d\n', 'Name;Email\r\nAda;ada@example.com\r\n\r\n']) {
      const table = parseCsvTable(text);
      expect(isCsvFileError(table) ? table.error : table.delimiter).toBe(';');
    }
  });

  it('reads a single-column file', () => {
    const parsed = table('email\na@example.com\n');
    expect(parsed.header).toEqual(['email']);
    expect(parsed.rows).toEqual([{ line: 2, cells: ['a@example.com'] }]);
  });

  it('gives physical line numbers after a quoted cell spanning lines and after blank lines', () => {
    const text = [
      'sku,name,notes',
      'A1,Apple,"first line',
      'second line',
      'third line"',
      '',
      'A2,Pear',
      ',,',
      'A3,Plum,"x\r\ny"',
      'A4,Fig,ok',
    ].join('\n');
    const parsed = table(text);
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 6, 8, 10]);
    expect(parsed.rows[0]?.cells[2]).toBe('first line\nsecond line\nthird line');
    expect(parsed.rows[1]).toEqual({
      line: 6,
      cells: ['A2', 'Pear'],
      problem: 'has 2 cells, the header has 3',
    });
  });

  it('counts CRLF and lone CR line ends as one line each', () => {
    expect(table('a,b\r\n1,2\r\n\r\n3,4').rows.map((row) => row.line)).toEqual([2, 4]);
    expect(table('a,b\r1,2\r\r3,4').rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it('flags rows with too many cells, but drops extra cells that are empty', () => {
    const parsed = table('a,b\n1,2,3\n4,5,,\n');
    expect(parsed.rows).toEqual([
      { line: 2, cells: ['1', '2', '3'], problem: 'has 3 cells, the header has 2' },
      { line: 3, cells: ['4', '5'] },
    ]);
  });

  it('flags a quoted cell that is never closed, saying which lines were lost', () => {
    const parsed = table('a,b\n1,2\n3,"open\n5,6\n7,8\n');
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rows[1]?.line).toBe(3);
    expect(parsed.rows[1]?.problem).toBe(
      'opens a quoted cell (") that is never closed, so lines 3 to 5 could not be read',
    );
  });

  it('keeps no data rows as an empty table, not an error', () => {
    expect(table('sku,name\n')).toEqual({ delimiter: ',', header: ['sku', 'name'], rows: [] });
  });

  it('refuses an empty file', () => {
    expect(parseCsvTable('')).toEqual({ error: 'The file is empty.' });
    expect(parseCsvTable(' \n\r\n')).toEqual({ error: 'The file is empty.' });
  });

  it('refuses a file whose lines are all blank cells', () => {
    expect(parseCsvTable(',,\n , ,\n')).toEqual({
      error: 'The file has no header row: every line is blank.',
    });
  });

  it('refuses duplicate column names', () => {
    expect(parseCsvTable('sku,name, sku\nA,B,C')).toEqual({
      error: 'The header row names a column twice: "sku". Rename or remove the extra column and try again.',
    });
  });

  it('allows several unnamed columns (Excel writes trailing commas)', () => {
    expect(table('sku,name,,\nA,B,,').header).toEqual(['sku', 'name', '', '']);
  });

  it('refuses a header row with a broken quote', () => {
    expect(parseCsvTable('"sku,name\nA,B')).toEqual({
      error:
        'The header row (line 1) opens a quoted cell (") that is never closed, so lines 1 to 2 could not be read.',
    });
  });

  it('removes the apostrophe that guards formula-looking cells on export', () => {
    expect(table("a,b\n'=1+1,\"x\n'-y\"\n'plain,''@z").rows[0]?.cells).toEqual(['=1+1', 'x\n-y']);
    expect(table("a,b\n'plain,''@z").rows[0]?.cells).toEqual(["'plain", "'@z"]);
  });
});
