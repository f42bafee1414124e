import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanRows, type ScanOptions } from '../../../src/csv/order-export-scan';
import { parseRowsAt } from '../../../src/csv/order-export-text';
import { cellCountProblem, countLineBreaks, isBlank } from '../../../src/csv/table';

interface SeenRow {
  line: number;
  cells: string[];
  errors: string[];
}

/**
 * A row as the reader takes it: extra empty cells dropped (cellCountProblem does that to rows
 * without errors, and the scanner drops them itself).
 */
function seen(width: number, line: number, cells: string[], errors: { code: string }[]): SeenRow {
  if (errors.length === 0) cellCountProblem(cells, width);
  return { line, cells, errors: errors.map((e) => e.code) };
}

/** What scanRows hands on, blank rows papaparse read without error left out (the reader skips them). */
function scanned(
  text: string,
  options: ScanOptions,
  maxRows = Infinity,
): { rows: SeenRow[]; end: { offset: number; line: number } } {
  const rows: SeenRow[] = [];
  const end = scanRows(text, { offset: 0, line: 1 }, maxRows, options, {
    plain: (cells, line) => rows.push({ line, cells: [...cells], errors: [] }),
    parsed: (cells, line, errors) => {
      if (errors.length > 0 || !isBlank(cells)) rows.push(seen(options.width, line, cells, errors));
      return !errors.some((e) => e.code === 'MissingQuotes');
    },
  });
  return { rows, end };
}

/** The same, with papaparse reading every row. */
function byPapaparse(
  text: string,
  options: ScanOptions,
): { rows: SeenRow[]; end: { offset: number; line: number } } {
  const rows: SeenRow[] = [];
  let offset = 0;
  let line = 1;
  while (offset < text.length) {
    const parsed = parseRowsAt(text, offset, 1, options.delimiter, options.newline);
    const cells = parsed.rows[0] ?? [];
    if (parsed.errors.length > 0 || !isBlank(cells))
      rows.push(seen(options.width, line, cells, parsed.errors));
    line += countLineBreaks(text, offset, offset + parsed.consumed);
    offset += parsed.consumed;
    if (parsed.errors.some((e) => e.code === 'MissingQuotes')) break;
  }
  return { rows, end: { offset, line } };
}

function options(width: number, newline: string, delimiter = ','): ScanOptions {
  return { delimiter, newline, width, wanted: Array.from({ length: width }, () => true) };
}

describe('scanRows', () => {
  it('splits plain rows itself, quoted cells and "" included, and hands papaparse the rest', () => {
    const text = 'a,"b,""c""",d\r\n"multi\r\nline",x,y\r\nshort,row\r\n"spaced" ,1,2\r\n,,\r\nlast,"q",z';
    const plain: number[] = [];
    const parsed: number[] = [];
    const end = scanRows(text, { offset: 0, line: 1 }, 100, options(3, '\r\n'), {
      plain: (_, line) => plain.push(line),
      parsed: (_, line) => parsed.push(line) > 0,
    });
    expect(plain).toEqual([1, 2, 7]);
    expect(parsed).toEqual([4, 5]);
    expect(end).toEqual({ offset: text.length, line: 7 });
    expect(scanned(text, options(3, '\r\n')).rows.map((row) => row.cells)).toEqual([
      ['a', 'b,"c"', 'd'],
      ['multi\r\nline', 'x', 'y'],
      ['short', 'row'],
      ['spaced', '1', '2'],
      ['last', 'q', 'z'],
    ]);
  });

  it('keeps only the wanted columns', () => {
    const cells: string[][] = [];
    scanRows(
      'a,b,c\nd,e,f\n',
      { offset: 0, line: 1 },
      10,
      { ...options(3, '\n'), wanted: [false, true, false] },
      {
        plain: (row) => cells.push([...row]),
        parsed: () => true,
      },
    );
    expect(cells).toEqual([
      ['', 'b', ''],
      ['', 'e', ''],
    ]);
  });

  it('reads any text as papaparse does, row by row (property)', () => {
    const piece = fc.constantFrom('a', 'b', ' ', ',', ';', '"', '""', '\n', '\r', '\r\n', 'x y', '\u00a0');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.constantFrom(',', ';'),
        (text, width, newline, delimiter) => {
          const opts = options(width, newline, delimiter);
          expect(scanned(text, opts)).toEqual(byPapaparse(text, opts));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
