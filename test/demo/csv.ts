/**
 * CSV the way vendor back offices export it: RFC 4180 quoting, CRLF line ends, UTF-8 with no BOM and
 * no formula neutralising. Tally's own export differs on purpose (BOM, neutralised cells); this file
 * imitates the vendor, whose files Tally must read.
 */

export type CsvCell = string | number;

function quoteCell(cell: CsvCell): string {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(quoteCell).join(',')];
  for (const row of rows) lines.push(row.map(quoteCell).join(','));
  return lines.join('\r\n') + '\r\n';
}
