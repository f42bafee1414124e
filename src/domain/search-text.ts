/**
 * Text as product search compares it: folded (case, accents), cut into words, and checked for one
 * typo. Pure string functions, shared by the index (catalog side) and the query.
 */

// Letters that Unicode does not decompose into a base letter plus marks, folded the way people
// type them on a keyboard without them ("strasse" finds "Straße", "oeuvre" finds "Œuvre").
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const UNDECOMPOSED_LETTERS = /[ßæœøłđðþı]/g;
const MARKS = /\p{M}/gu;
const ONLY_LETTERS = /^\p{L}+$/u;
const ONLY_ASCII_LETTERS_AND_DIGITS = /^[a-z0-9]*$/;
const ONLY_DIGITS = /^[0-9]*$/;
// A run of letters and digits, with the marks that accents may be written as ("e" + U+0300).
const RUN = /[\p{L}\p{N}\p{M}]+/gu;
const ASCII_RUN = /[a-z0-9]+/g;
const ASCII_RUN_ANY_CASE = /[a-z0-9]+/gi;
// Letters, digits and spaces, nothing else: most names, cut by the cheapest expression.
const PLAIN_NAME = /^[A-Za-z0-9 ]*$/;
const PUNCTUATION = /[^\p{L}\p{N}\p{M}\s]/u;
const SPACES = /\s+/u;
// Printable ASCII needs no Unicode work; checking for it first keeps indexing 50,000 names fast.
const BEYOND_PRINTABLE_ASCII = /[^ -~]/;

// Folded forms of the non-ASCII characters met so far: a catalog uses a few dozen; pasted text
// in another script is bounded by REMEMBERED_CHARACTERS.
const REMEMBERED_CHARACTERS = 4096;
const foldedCharacters = new Map<number, string>();

/**
 * Lower case without accents: "Crème" and "CRÈME" both become "creme". Lower-casing comes first so
 * that "İ" loses its dot with the other marks; NFKD also turns ligatures and full-width forms into
 * plain letters ("ﬁ" → "fi"). Character by character, which gives what NFKD of the whole text
 * would once the marks are gone, and lets each character's folding be remembered.
 */
export function foldForSearch(text: string): string {
  const lower = text.toLowerCase();
  if (!BEYOND_PRINTABLE_ASCII.test(lower)) return lower;
  let folded = '';
  for (const character of lower) {
    const code = character.codePointAt(0) as number;
    if (code < 128) {
      folded += character;
      continue;
    }
    let replacement = foldedCharacters.get(code);
    if (replacement === undefined) {
      replacement = character
        .normalize('NFKD')
        .replace(MARKS, '')
        .replace(UNDECOMPOSED_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter)
        .toLowerCase();
      if (foldedCharacters.size >= REMEMBERED_CHARACTERS) foldedCharacters.clear();
      foldedCharacters.set(code, replacement);
    }
    folded += replacement;
  }
  return folded;
}

/**
 * The runs of letters and digits in text, not yet folded: "nw-1001 Crème" → nw, 1001, Crème.
 * Names (nameRuns) and queries (searchWords) are cut the same way, then folded run by run.
 */
export function wordRuns(text: string): string[] {
  return text.match(BEYOND_PRINTABLE_ASCII.test(text) ? RUN : ASCII_RUN_ANY_CASE) ?? [];
}

/**
 * The runs of a product name as written (any case, not folded), plus each chunk that punctuation
 * holds together written as one ("T-Shirt" → T, Shirt, TShirt; "L'Oréal" → L, Oréal, LOréal), so
 * that the rep who types it without the hyphen finds it too. Each distinct run is then folded
 * once (foldRun), which is most of what keeps indexing 50,000 names fast: no name is
 * lower-cased or folded as a whole.
 */
export function nameRuns(name: string): string[] {
  if (PLAIN_NAME.test(name)) return name.match(ASCII_RUN_ANY_CASE) ?? [];
  const runs: string[] = name.match(RUN) ?? [];
  if (!PUNCTUATION.test(name)) return runs;
  for (const chunk of name.split(SPACES)) {
    const parts = chunk.match(RUN) ?? [];
    if (parts.length > 1) runs.push(parts.join(''));
  }
  return runs;
}

/**
 * The search words of one run: usually the run folded; none when it was only marks, several
 * when folding makes punctuation ("½" → "1⁄2" → 1, 2).
 */
export function foldRun(run: string): string[] {
  const folded = foldForSearch(run);
  return folded !== '' && ONLY_ASCII_LETTERS_AND_DIGITS.test(folded) ? [folded] : wordRuns(folded);
}

/** The words of any text as search compares them: "NW-1001 Crème" → nw, 1001, creme. */
export function searchWords(text: string): string[] {
  const lower = text.toLowerCase();
  // Printable ASCII runs are folded already.
  if (!BEYOND_PRINTABLE_ASCII.test(lower)) return lower.match(ASCII_RUN) ?? [];
  return wordRuns(lower).flatMap(foldRun);
}

/** A code (SKU, barcode) as it is compared: folded, letters and digits only ("NW-1001" → nw1001). */
export function compactCode(text: string): string {
  if (ONLY_DIGITS.test(text)) return text;
  const lower = text.toLowerCase();
  return ONLY_ASCII_LETTERS_AND_DIGITS.test(lower) ? lower : searchWords(lower).join('');
}

/** Whether a word is letters only: numbers and codes never get typo matches. */
export function isLettersOnly(word: string): boolean {
  return ONLY_LETTERS.test(word);
}

/**
 * Whether `a` and `b` are at most one edit apart (Damerau–Levenshtein ≤ 1): equal, or one
 * substitution, insertion, deletion or swap of two adjacent characters.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const length = short.length;
  if (long.length - length > 1) return false;
  const at = commonPrefixLength(short, long);
  if (at === length) return true;
  if (long.length > length) return sameRun(short, at, long, at + 1, length - at);
  return (
    sameRun(short, at + 1, long, at + 1, length - at - 1) ||
    (swapped(short, long, at) && sameRun(short, at + 2, long, at + 2, length - at - 2))
  );
}

/**
 * Whether some beginning of `text` is within one edit of `word` but `text` does not simply start
 * with `word`: "moisturis" begins "moisturizer" with one typo, so the rep still sees it while typing.
 */
export function startsWithinOneEdit(word: string, text: string): boolean {
  const length = word.length;
  const at = commonPrefixLength(word, text);
  if (at === length) return false;
  const rest = length - at;
  // `word` has one character too many at `at`: text begins with word less that character.
  if (text.length >= length - 1 && sameRun(word, at + 1, text, at, rest - 1)) return true;
  if (text.length < length) return false;
  // One character replaced, or two adjacent characters swapped.
  if (sameRun(word, at + 1, text, at + 1, rest - 1)) return true;
  if (swapped(word, text, at) && sameRun(word, at + 2, text, at + 2, rest - 2)) return true;
  // `word` misses one character at `at`.
  return text.length > length && sameRun(word, at, text, at + 1, rest);
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let at = 0;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at += 1;
  return at;
}

function swapped(a: string, b: string, at: number): boolean {
  return (
    at + 1 < a.length &&
    at + 1 < b.length &&
    a.charCodeAt(at) === b.charCodeAt(at + 1) &&
    a.charCodeAt(at + 1) === b.charCodeAt(at)
  );
}

/** Whether `a` from `aStart` and `b` from `bStart` agree for `length` characters (both long enough). */
function sameRun(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  if (length < 0 || aStart + length > a.length || bStart + length > b.length) return false;
  for (let offset = 0; offset < length; offset += 1) {
    if (a.charCodeAt(aStart + offset) !== b.charCodeAt(bStart + offset)) return false;
  }
  return true;
}

/**
 * How names sort: case and accents folded, numbers by value ("Person 2" before "Person 10"), as a
 * collator would order them but as plain strings, which sort 50,000 names in a fraction of a
 * collator's time.
 */
export function nameSortKey(name: string): string {
  return foldForSearch(name).replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}

/**
 * A name as it can stand in a file name: folded as search folds it ("Groß Café" → "gross-cafe"),
 * runs of anything else as one "-", at most 40 characters; "" when nothing is left.
 */
export function fileNameSlug(name: string): string {
  return foldForSearch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-|-$/g, '');
}
