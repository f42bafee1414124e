import { neutraliseFormula } from './formula-guard';

/**
 * Excel only reads a CSV file as UTF-8 when it starts with a byte-order mark; without it, every
 * accented name turns into mojibake.
 */
export const CSV_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",;\r\n]/;

/** One cell, formula-neutralised and quoted per RFC 4180 when it holds " , ; CR or LF. */
export function csvCell(value: string): string {
  const cell = neutraliseFormula(value);
  // `;` is quoted too: Excel in comma-decimal locales splits on it.
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One record as a line ending in CRLF, no BOM: write CSV_BOM first, then lines, to stream. */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += csvCell(cells[i] ?? '');
  }
  return `${line}\r\n`;
}

/** A whole Excel-safe CSV document: BOM, header, rows, CRLF line ends. */
export function toCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  let out = CSV_BOM + csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
}
