import Papa from 'papaparse';
import { t } from '../domain/i18n';
import { restoreFormula } from './formula-guard';
import {
  countLineBreaks,
  describeQuoteErrors,
  duplicateHeaderError,
  isBlank,
  lastLineWithText,
} from './table';

/**
 * The rows of an order export as text cells, read from any row boundary of the file: the header
 * once, then the rest in chunks that a job can stop between and resume from. Every call reads
 * the rows the same way a read of the whole file would (same delimiter, same line ends).
 */

/** A row boundary in the text: `offset` into it, and the physical line (1-based) starting there. */
export interface TextPosition {
  offset: number;
  line: number;
}

export interface ParsedRows {
  rows: string[][];
  /** Quote errors, each with `row`, the index in `rows` of the row it is in. */
  errors: Papa.ParseError[];
  /** How much text the rows took, line end of the last one included. */
  consumed: number;
}

/**
 * Up to `maxRows` rows (blank ones included) from `offset`. Papaparse's `preview` stops it there
 * without a callback per row; its quoted-cell parser (fastMode off) is the one whose cursor
 * tells exactly where the last row ended, and it does not split the whole rest of the file.
 */
export function parseRowsAt(
  text: string,
  offset: number,
  maxRows: number,
  delimiter: string,
  newline: string,
): ParsedRows {
  // Papaparse drops a BOM at the start of what it is given, which would shift its cursor.
  const start = offset === 0 && text.charCodeAt(0) === 0xfeff ? 1 : offset;
  const result = Papa.parse<string[]>(text.slice(start), {
    delimiter,
    newline: newline as Papa.ParseConfig['newline'],
    fastMode: false,
    preview: maxRows,
    skipEmptyLines: false,
  });
  return { rows: result.data, errors: result.errors, consumed: result.meta.cursor + (start - offset) };
}

/**
 * One row from `offset`, parsed from a window of the text first: papaparse looks for the next
 * quote from where it starts, which in a file without quotes would run to its end for every row.
 */
export function parseOneRow(text: string, offset: number, delimiter: string, newline: string): ParsedRows {
  const windowEnd = offset + 16 * 1024;
  if (windowEnd < text.length) {
    const parsed = parseRowsAt(text.slice(0, windowEnd), offset, 1, delimiter, newline);
    // A row that ran to the window's end may go on past it.
    if (parsed.consumed < windowEnd - offset) return parsed;
  }
  return parseRowsAt(text, offset, 1, delimiter, newline);
}

/**
 * The file's line end as papaparse would guess it (its guess is not exported): quoted cells are
 * left out, then LF wins unless a CR comes first, and CRLF wins when most CRs are followed by LF.
 * Judged on the start of the file, so every chunk of one file agrees; the start is short because
 * each chunk asks again.
 */
export function guessNewline(text: string): '\r\n' | '\n' | '\r' {
  const sample = text.slice(0, 16 * 1024).replace(/"[^"]*"/g, '');
  const firstCr = sample.indexOf('\r');
  if (firstCr === -1) return '\n';
  const firstLf = sample.indexOf('\n');
  if (firstLf !== -1 && firstLf < firstCr) return '\n';
  let crs = 0;
  let followedByLf = 0;
  for (let i = firstCr; i !== -1; i = sample.indexOf('\r', i + 1)) {
    crs++;
    if (sample.charCodeAt(i + 1) === 0x0a) followedByLf++;
  }
  return followedByLf >= crs / 2 ? '\r\n' : '\r';
}

/** Cells written by neutraliseFormula come back without their guarding apostrophe. */
export function restoredCell(cells: readonly string[], index: number): string {
  const cell = cells[index] ?? '';
  // The guard starts a line of the cell: the first character, or one after a line break. Checked
  // for every cell of every row, so the common case is one character comparison.
  if (cell.charCodeAt(0) === APOSTROPHE) return restoreFormula(cell);
  return cell.length > 2 && (cell.includes('\n') || cell.includes('\r')) ? restoreFormula(cell) : cell;
}

const APOSTROPHE = 0x27;

export interface HeaderRead {
  header: string[];
  /** Where the first row after the header starts. */
  next: TextPosition;
}

/** The header row: the first row that is not blank, names trimmed, or why it cannot be read. */
export function readHeaderRow(
  text: string,
  delimiter: string,
  newline: string,
): HeaderRead | { error: string } {
  let position: TextPosition = { offset: 0, line: 1 };
  while (position.offset < text.length) {
    const parsed = parseRowsAt(text, position.offset, 1, delimiter, newline);
    const cells = parsed.rows[0] ?? [];
    const next = advance(text, position, parsed.consumed);
    if (isBlank(cells)) {
      position = next;
      continue;
    }
    const quoteProblem = describeQuoteErrors(parsed.errors, position.line, () => lastLineWithText(text));
    if (quoteProblem) return { error: t('csv_header_quote_problem', String(position.line), quoteProblem) };
    const header = cells.map((_, index) => restoredCell(cells, index).trim());
    const duplicates = duplicateHeaderError(header);
    if (duplicates) return { error: duplicates };
    return { header, next };
  }
  return { error: t('csv_no_header') };
}

/** The position after `consumed` characters of text from `from`. */
export function advance(text: string, from: TextPosition, consumed: number): TextPosition {
  const offset = from.offset + consumed;
  return { offset, line: from.line + countLineBreaks(text, from.offset, offset) };
}

/** Up to `count` rows that are not blank, from `from`, as restored text cells (for previews). */
export function sampleRows(
  text: string,
  from: TextPosition,
  count: number,
  delimiter: string,
  newline: string,
): string[][] {
  // Blank lines are rare; reading a few more than asked almost always gives enough in one go.
  const parsed = parseRowsAt(text, from.offset, count * 2 + 10, delimiter, newline);
  const rows: string[][] = [];
  for (const cells of parsed.rows) {
    if (rows.length >= count) break;
    if (!isBlank(cells)) rows.push(cells.map((_, index) => restoredCell(cells, index)));
  }
  return rows;
}
