/**
 * jspdf's built-in fonts (Helvetica) draw only the Windows-1252 ("WinAnsi") characters. A string
 * with a single character beyond them is written as two-byte codes: it prints as letters with gaps
 * between them, and the rest of the line is lost. Locales put such characters in plain amounts
 * (a narrow no-break space in "1 234,56 €", "￥" in Japanese), and names may hold any script, so
 * every string is brought into WinAnsi before it is drawn: look-alikes for typographic characters,
 * accents dropped from letters Latin-1 lacks ("ő" → "o"), invisible formatting removed, and "?" for
 * what has no stand-in (other scripts need an embedded font, which the receipt does not carry).
 */

/** The characters Windows-1252 adds in 0x80–0x9F, beyond Latin-1. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const LOOKALIKES: Readonly<Record<string, string>> = {
  // Spaces that must not break (group separators, before a currency sign).
  '\u2007': '\u00a0',
  '\u202f': '\u00a0',
  '\u2011': '-',
  '\u2010': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2044': '/',
  '\uffe0': '¢',
  '\uffe1': '£',
  '\uffe5': '¥',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

function winAnsiChar(char: string): string {
  if (char === '\n') return char;
  // Bidi overrides, zero-width characters, soft hyphens: nothing to print.
  if (/\p{Cf}/u.test(char)) return '';
  if (isWinAnsi(char)) return char;
  const alike = LOOKALIKES[char];
  if (alike !== undefined) return alike;
  if (/[\s\p{Cc}]/u.test(char)) return ' ';
  const plain = char.normalize('NFKD').replace(/\p{M}/gu, '');
  if (plain !== '' && [...plain].every(isWinAnsi)) return plain;
  return '?';
}

/** `text` as jspdf's built-in fonts can draw it (line breaks kept). */
export function winAnsiText(text: string): string {
  let out = '';
  for (const char of text) out += winAnsiChar(char);
  return out;
}
