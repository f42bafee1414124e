import type Papa from 'papaparse';
import { parseOneRow, type TextPosition } from './order-export-text';
import { countLineBreaks } from './table';

/**
 * Splits the rows of an order export into cells without papaparse for the rows that are plain
 * RFC 4180 (cells quoted or not, quotes closed right before a delimiter or line end, the header's
 * cell count, or more cells all empty), keeping only the columns a layout reads: papaparse makes a string of every cell of
 * every row (79 for a Shopify export) and an array for every row, and on 100,000 rows making and
 * collecting those cost more than reading the cells that matter. Any other row (a quote not
 * closed, text after a closing quote, another cell count, a stray line break, a blank line) is
 * read by papaparse itself, from its first character, so such rows get its cells and its errors
 * exactly as a read of the whole file would.
 */
export interface RowVisitor {
  /**
   * A row split here: `cells` has the header's length, only `wanted` columns filled, and it is
   * reused for the next row. Never blank. `breaksInCells`: some quoted cell holds a line break.
   */
  plain(cells: readonly string[], line: number, breaksInCells: boolean): void;
  /** A row papaparse read; false stops the scan (a quote never closed ends the file). */
  parsed(cells: string[], line: number, errors: Papa.ParseError[]): boolean;
}

export interface ScanOptions {
  delimiter: string;
  newline: string;
  /** The header's cell count. */
  width: number;
  /** For each column, whether its cell is read. */
  wanted: readonly boolean[];
}

/** Visits up to `maxRows` rows (blank ones counted) from `from`; returns where it stopped. */
export function scanRows(
  text: string,
  from: TextPosition,
  maxRows: number,
  options: ScanOptions,
  visit: RowVisitor,
): TextPosition {
  const scanner = new PlainRowScanner(text, options);
  let { offset, line } = from;
  for (let count = 0; count < maxRows && offset < text.length; count++) {
    const next = scanner.row(offset);
    if (next !== -1) {
      if (!scanner.blank) visit.plain(scanner.cells, line, scanner.breaksInCells);
      line += scanner.breaks;
      offset = next;
      continue;
    }
    const parsed = parseOneRow(text, offset, options.delimiter, options.newline);
    const keepGoing = visit.parsed(parsed.rows[0] ?? [], line, parsed.errors);
    line += countLineBreaks(text, offset, offset + parsed.consumed);
    offset += parsed.consumed;
    if (!keepGoing) break;
  }
  return { offset, line };
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** The characters String.prototype.trim removes. */
function isTrimmed(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The next position of each character that matters, found with indexOf and kept until the scan
 * passes it, so each is searched for once per occurrence rather than once per row (a file with
 * no quotes would otherwise be searched to its end for every row). text.length when there is none.
 */
class NextPosition {
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  from(position: number): number {
    if (this.at < position) {
      const found = this.text.indexOf(this.needle, position);
      this.at = found === -1 ? this.text.length : found;
    }
    return this.at;
  }
}

class PlainRowScanner {
  readonly cells: string[];
  // The last row read (kept here rather than returned in an object: one fewer per row).
  /** Line breaks in the row: inside quoted cells, and its line end if it has one. */
  breaks = 0;
  /** Whether some of those breaks are inside cells. */
  breaksInCells = false;
  blank = true;
  private readonly delimiterCode: number;
  private readonly nextCr: NextPosition;
  private readonly nextLf: NextPosition;

  constructor(
    private readonly text: string,
    private readonly options: ScanOptions,
  ) {
    this.cells = new Array<string>(options.width).fill('');
    this.delimiterCode = options.delimiter.charCodeAt(0);
    this.nextCr = new NextPosition(text, '\r');
    this.nextLf = new NextPosition(text, '\n');
  }

  /** Reads the row starting at `start`: where the next one starts, or -1 when papaparse must read it. */
  row(start: number): number {
    const { text, cells } = this;
    const { width, wanted, newline } = this.options;
    if (this.options.delimiter.length !== 1) return -1;
    const { length } = text;
    const { delimiterCode } = this;
    let p = start;
    let index = 0;
    let innerBreaks = 0;
    let blank = true;
    for (;;) {
      // Cells past the header's count are read only to see that they are empty (Excel's ",,,").
      const kept = index < width && wanted[index] === true;
      let value: string | undefined;
      let end: number;
      if (text.charCodeAt(p) === QUOTE) {
        const close = this.closingQuote(p);
        if (close === -1) return -1;
        end = close + 1;
        if (this.nextCr.from(p) < close || this.nextLf.from(p) < close) {
          innerBreaks += countLineBreaks(text, p + 1, close);
        }
        if (kept || blank || index >= width) {
          // A cell with "" inside is never the row above's: that one holds its quotes unescaped.
          const escapes = text.indexOf('"', p + 1) !== close;
          value = kept && !escapes ? this.sameAsAbove(index, p + 1, close) : undefined;
          if (value === undefined) {
            value = text.slice(p + 1, close);
            if (escapes) value = value.replace(/""/g, '"');
          }
          const empty = value.trim() === '';
          if (!empty && index >= width) return -1;
          if (!empty) blank = false;
        }
      } else {
        // Cells are short: looking at each character costs less than a search per cell.
        end = p;
        let code = text.charCodeAt(end);
        while (end < length && code !== delimiterCode && code !== CR && code !== LF)
          code = text.charCodeAt(++end);
        // A CR or LF that is not the file's line end belongs to a cell; papaparse says how.
        if (end < length && code !== delimiterCode && !text.startsWith(newline, end)) return -1;
        if (kept) value = this.sameAsAbove(index, p, end) ?? text.slice(p, end);
        if (blank || index >= width) {
          const empty = this.isBlank(p, end);
          if (!empty && index >= width) return -1;
          if (!empty) blank = false;
        }
      }
      if (kept) cells[index] = value ?? '';
      index++;
      if (end >= text.length)
        return index >= width ? this.ended(text.length, innerBreaks, innerBreaks > 0, blank) : -1;
      if (text.charCodeAt(end) === delimiterCode) {
        p = end + 1;
        continue;
      }
      if (text.startsWith(newline, end)) {
        if (index < width) return -1;
        // A CR line end followed by an LF counts with it as one break, as table.ts counts them.
        const ending = newline === '\r' ? countLineBreaks(text, end, end + 1) : 1;
        return this.ended(end + newline.length, innerBreaks + ending, innerBreaks > 0, blank);
      }
      // Text after a closing quote: papaparse's error, or its leniency for spaces.
      return -1;
    }
  }

  private ended(next: number, breaks: number, breaksInCells: boolean, blank: boolean): number {
    this.breaks = breaks;
    this.breaksInCells = breaksInCells;
    this.blank = blank;
    return next;
  }

  /**
   * The row above's cell in this column when the text from `start` to `end` is the very same:
   * an order's rows repeat its id, date, customer and currency, and keeping one string for them
   * spares making (and the garbage collector copying) a new one for every row.
   */
  private sameAsAbove(index: number, start: number, end: number): string | undefined {
    const above = this.cells[index] as string;
    return above.length === end - start && above.length > 0 && this.text.startsWith(above, start)
      ? above
      : undefined;
  }

  /** The quote closing the cell opened at `open` ("" is a quote inside it), or -1. */
  private closingQuote(open: number): number {
    let q = open + 1;
    for (;;) {
      q = this.text.indexOf('"', q);
      if (q === -1) return -1;
      if (this.text.charCodeAt(q + 1) !== QUOTE) return q;
      q += 2;
    }
  }

  private isBlank(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (!isTrimmed(this.text.charCodeAt(i))) return false;
    return true;
  }
}
