/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR that they skip first) as a
 * formula, so a contact named "=HYPERLINK(…)" could act when an export is opened in Excel
 * (https://owasp.org/www-community/attacks/CSV_Injection). Tally writes such cells with a
 * leading apostrophe, on every line of a multi-line cell, because some tools split cells at
 * line breaks before evaluating them.
 *
 * The apostrophe is an encoding, not data: reading a file reverses it exactly, so an export
 * re-imported (the contacts export is the import template) gives back "+1 555 0100", not
 * "'+1 555 0100". To keep that exact, a line that already starts with apostrophes followed by a
 * dangerous character gets one more apostrophe too.
 */

const APOSTROPHE = 0x27;
const CR = 0x0d;
const LF = 0x0a;

function isDangerous(code: number): boolean {
  // = + - @ tab CR
  return code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40 || code === 0x09 || code === CR;
}

/** True when the line starting at `start` is apostrophes (maybe none) then a dangerous character. */
function needsGuard(text: string, start: number): boolean {
  let i = start;
  while (text.charCodeAt(i) === APOSTROPHE) i++;
  return isDangerous(text.charCodeAt(i));
}

/** Where each line of a multi-line cell starts; CRLF is one break, a lone CR or LF is one too. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) starts.push(i + 1);
  }
  return starts;
}

function hasLineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}

/** The cell as it must be written so no spreadsheet evaluates it. */
export function neutraliseFormula(cell: string): string {
  if (!hasLineBreak(cell)) return needsGuard(cell, 0) ? `'${cell}` : cell;
  const starts = lineStarts(cell);
  let out = '';
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k] ?? 0;
    const line = cell.slice(start, starts[k + 1] ?? cell.length);
    out += needsGuard(cell, start) ? `'${line}` : line;
  }
  return out;
}

/** Reverses neutraliseFormula: drops the one apostrophe it added at the start of a line. */
export function restoreFormula(cell: string): string {
  if (!cell.includes("'")) return cell;
  if (!hasLineBreak(cell)) return isGuarded(cell, 0) ? cell.slice(1) : cell;
  const starts = lineStarts(cell);
  let out = '';
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k] ?? 0;
    out += cell.slice(isGuarded(cell, start) ? start + 1 : start, starts[k + 1] ?? cell.length);
  }
  return out;
}

function isGuarded(text: string, start: number): boolean {
  return text.charCodeAt(start) === APOSTROPHE && needsGuard(text, start + 1);
}
