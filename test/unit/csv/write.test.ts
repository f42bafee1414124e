import { describe, it, expect } from 'vitest';
import { CSV_BOM, csvLine, toCsv } from '../../../src/csv/write';
import { isCsvFileError, parseCsvTable } from '../../../src/csv/table';

describe('toCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['1', '2'],
        ['3', '4'],
      ],
    );
    expect(CSV_BOM).toBe('\uFEFF');
    expect(csv).toBe('\uFEFFa,b\r\n1,2\r\n3,4\r\n');
  });

  it('writes a header-only file when there are no rows', () => {
    expect(toCsv(['a'], [])).toBe('\uFEFFa\r\n');
  });

  it('quotes cells holding a quote, comma, semicolon, CR or LF, doubling quotes', () => {
    expect(csvLine(['say "hi"', 'a,b', 'a;b', 'a\rb', 'a\nb', 'plain', ''])).toBe(
      '"say ""hi""","a,b","a;b","a\rb","a\nb",plain,\r\n',
    );
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['ok\n=cmd', '"ok\n\'=cmd"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
  ])('neutralises the formula-looking cell %j', (cell, written) => {
    expect(csvLine([cell])).toBe(`${written}\r\n`);
  });

  it.each(['plain', 'a=b', 'x+1', "it's", '12.50', 'café', ''])(
    'leaves the plain cell %j as it is',
    (cell) => {
      expect(csvLine([cell])).toBe(`${cell}\r\n`);
    },
  );

  it('round-trips through parseCsvTable, the guarding apostrophe removed', () => {
    const header = ['Name', 'Phone', 'Notes'];
    const rows = [
      ['Zoë "Z" Smith', '+1 555 0100', 'line one\r\n=line two'],
      ['=cmd|calc', '-5', '@home; a,b'],
      ["'=already quoted", '\tindented', 'multi\nline\n'],
    ];
    const parsed = parseCsvTable(toCsv(header, rows).slice(1));
    if (isCsvFileError(parsed)) throw new Error(parsed.error);
    expect(parsed.header).toEqual(header);
    expect(parsed.rows.map((row) => row.cells)).toEqual(rows);
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 4, 5]);
  });
});
