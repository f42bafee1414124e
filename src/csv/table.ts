import Papa from 'papaparse';
import { t, tPlural } from '../domain/i18n';
import { restoreFormula } from './formula-guard';

/** One data row; `line` is the physical line of the file (1-based) where the row starts. */
export interface CsvRow {
  line: number;
  cells: string[];
  /** Why the row cannot be read as a record (wrong cell count, broken quotes); set by the parser. */
  problem?: string;
}

export interface CsvTable {
  delimiter: string;
  /** Header names, trimmed. Unnamed columns are "". */
  header: string[];
  rows: CsvRow[];
}

/** Something wrong with the file as a whole, in a sentence the user can act on. */
export interface CsvFileError {
  error: string;
}

export function isCsvFileError(result: CsvTable | CsvFileError): result is CsvFileError {
  return 'error' in result;
}

/** Excel writes `;` where the decimal separator is a comma, and "Text (Tab delimited)" uses tabs. */
const DELIMITERS = [',', ';', '\t'];

/**
 * Reads CSV text (already decoded, see decode.ts) into a header and rows. Blank lines, and rows of
 * only empty cells (Excel writes ",,,"), are skipped. Rows whose cell count differs from the header
 * are kept with a `problem`, so the row reader rejects them with their line number; extra cells that
 * are all empty are dropped instead, since they lose nothing. Cells written by neutraliseFormula
 * come back without their guarding apostrophe.
 */
export function parseCsvTable(text: string): CsvTable | CsvFileError {
  if (text.trim() === '') return { error: t('csv_file_empty') };

  const lines = new PhysicalLines(text);
  let delimiter = ',';
  let header: string[] | undefined;
  let headerError: string | undefined;
  const rows: CsvRow[] = [];

  // `step` is the only way papaparse tells where each row ends (meta.cursor), which is what turns
  // rows into physical line numbers when a quoted cell spans several lines.
  Papa.parse<string[]>(text, {
    header: false,
    worker: false,
    skipEmptyLines: false,
    delimiter: guessDelimiter(text),
    step(result, parser) {
      const line = lines.advanceTo(result.meta.cursor);
      const cells = result.data;
      if (isBlank(cells)) return;
      const quoteProblem = describeQuoteErrors(result.errors, line, () => lines.lastLine);
      if (header === undefined) {
        delimiter = result.meta.delimiter;
        if (quoteProblem) {
          headerError = t('csv_header_quote_problem', String(line), quoteProblem);
          parser.abort();
          return;
        }
        header = restoreFormulas(cells).map((name) => name.trim());
        return;
      }
      restoreFormulas(cells);
      const row: CsvRow = { line, cells };
      const problem = quoteProblem ?? cellCountProblem(cells, header.length);
      if (problem) row.problem = problem;
      rows.push(row);
    },
  });

  if (headerError) return { error: headerError };
  if (!header) return { error: t('csv_no_header') };
  const duplicates = duplicateHeaderError(header);
  if (duplicates) return { error: duplicates };
  return { delimiter, header, rows };
}

/** The message for a header that names a column twice, or undefined when every name is unique. */
export function duplicateHeaderError(header: readonly string[]): string | undefined {
  const duplicates = duplicateNames(header);
  if (duplicates.length === 0) return undefined;
  const list = duplicates.map((name) => `"${name}"`).join(', ');
  return tPlural('csv_header_duplicates', duplicates.length, list);
}

/**
 * The file's delimiter, judged on its first rows without blank lines: papaparse's own guess
 * counts a trailing blank line as a one-cell row and then takes a two-column `;` file for `,`.
 * A file with a single column has no delimiter to find: `,`.
 */
export function guessDelimiter(text: string): string {
  const sample = Papa.parse<string[]>(text, {
    preview: 50,
    skipEmptyLines: 'greedy',
    delimitersToGuess: DELIMITERS,
  });
  return DELIMITERS.includes(sample.meta.delimiter) ? sample.meta.delimiter : ',';
}

/** A row of only empty or blank cells: Excel writes ",,," for an empty row. */
export function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}

/** In place: this runs for every cell of files of 100,000 rows, so no copies. */
function restoreFormulas(cells: string[]): string[] {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? '';
    if (cell.includes("'")) cells[i] = restoreFormula(cell);
  }
  return cells;
}

/**
 * Why a row's cells do not fit the header, or undefined. Extra cells that are all empty are
 * dropped (in place) instead, since they lose nothing.
 */
export function cellCountProblem(cells: string[], headerLength: number): string | undefined {
  const count = cells.length;
  if (count === headerLength) return undefined;
  if (count > headerLength && isBlank(cells.slice(headerLength))) {
    cells.length = headerLength;
    return undefined;
  }
  return tPlural('csv_row_cell_count', count, String(headerLength));
}

/**
 * What papaparse's quote errors on the row starting at `line` mean, in words; undefined when there
 * are none. `lastLine` (the file's last line with text) is asked only for a quote never closed.
 */
export function describeQuoteErrors(
  errors: readonly Papa.ParseError[],
  line: number,
  lastLine: () => number,
): string | undefined {
  if (errors.length === 0) return undefined;
  // "Delimiter" errors only say the file has a single column; that is not a problem.
  const codes = new Set(errors.filter((e) => e.type === 'Quotes').map((e) => e.code));
  if (codes.has('MissingQuotes')) {
    const last = lastLine();
    return last > line ? t('csv_quote_unclosed_lines', String(line), String(last)) : t('csv_quote_unclosed');
  }
  if (codes.has('InvalidQuotes')) return t('csv_quote_text_after');
  return undefined;
}

/** Header names given more than once; unnamed columns ("") may repeat. */
function duplicateNames(header: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const name of header) {
    if (name === '') continue;
    if (seen.has(name)) duplicates.add(name);
    seen.add(name);
  }
  return [...duplicates];
}

/** Counts line breaks as papaparse's cursor moves forward, so the whole file is scanned once. */
class PhysicalLines {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /** The line where the text at the current offset starts, then moves the offset to `cursor`. */
  advanceTo(cursor: number): number {
    const start = this.line;
    const end = Math.min(cursor, this.text.length);
    if (end > this.offset) {
      this.line += countLineBreaks(this.text, this.offset, end);
      this.offset = end;
    }
    return start;
  }

  /** The last line that has any text on it. */
  get lastLine(): number {
    return lastLineWithText(this.text);
  }
}

/**
 * The line breaks in text[start, end): LF, CRLF or a lone CR, each one break, as an editor would
 * show them. Jumping from break to break with indexOf is much faster than a loop over characters;
 * searching a slice (which V8 does not copy) keeps a search from running on to the end of the file.
 */
export function countLineBreaks(text: string, start: number, end: number): number {
  const region = text.slice(start, end);
  let count = 0;
  for (let i = region.indexOf('\n'); i !== -1; i = region.indexOf('\n', i + 1)) count++;
  // Lone CRs (old Mac files) are rare; CRLF was counted by its LF.
  for (let i = region.indexOf('\r'); i !== -1; i = region.indexOf('\r', i + 1)) {
    if (text.charCodeAt(start + i + 1) !== 0x0a) count++;
  }
  return count;
}

/** The number of the file's last line that has any text on it (1-based). */
export function lastLineWithText(text: string): number {
  const trimmed = text.replace(/[\r\n]+$/, '');
  return trimmed.split(/\r\n|\n|\r/).length;
}
