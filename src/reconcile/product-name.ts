import { jaroWinkler } from '../domain/duplicates';
import { searchWords } from '../domain/search-text';

/**
 * How alike two product names are, the way a back office abbreviates them: "Org. Green Tea 500g"
 * is "Organic green tea 500 g", "Hand Crm" is "Hand Cream", but "Hand Cream 50ml" is never
 * "Hand Cream 100ml", "Green Tea" is not "Organic Green Tea", and "Rose Soap" is not "Rosemary
 * Soap": a whole word that begins another is another product, only one written abbreviated
 * ("Org.", "Rosem.") stands for the longer word.
 */

/** Two names at least this alike (0–1) are taken for the same product. */
export const PRODUCT_NAME_THRESHOLD = 0.9;

/** A name cut into compared words: numbers apart (they must agree exactly), the rest folded. */
export interface ProductWords {
  /** Folded; a word written with a period after it ("Org.") keeps the period: an abbreviation. */
  words: readonly string[];
  /** Sorted, so that two names' numbers are compared as multisets. */
  numbers: readonly string[];
}

const NUMBER = /^\d+$/;
const DIGIT_OR_LETTER_RUNS = /\d+|\D+/g;
// A word as written, with the period that marks it abbreviated (the same runs searchWords cuts).
const WRITTEN_WORD = /[\p{L}\p{N}\p{M}]+\.?/gu;
const ABBREVIATION_MARK = '.';
const VOWELS = /[aeiouy]/;
// A prefix this long is an abbreviation ("org" → organic); shorter ones say too little.
const MIN_PREFIX = 3;
const PREFIX_SIMILARITY = 0.9;
// A word with its vowels dropped ("grn" → green, "crm" → cream, "pk" → pack).
const SKELETON_SIMILARITY = 0.85;
const MIN_TYPO_SIMILARITY = 0.9;
// A typo or a plural changes a word's length by a letter or two ("box" → "boxes"); Jaro-Winkler
// alone also scores a word against a longer one it begins 0.9 ("lemon" → "lemongrass").
const MAX_TYPO_LENGTH_CHANGE = 2;

/**
 * The words of a product name: folded like search folds them, with a number and its unit apart
 * ("500g" and "500 g" both give 500, g) so that spacing never decides a match.
 */
export function productWords(name: string): ProductWords {
  const words: string[] = [];
  const numbers: string[] = [];
  for (const written of name.match(WRITTEN_WORD) ?? []) {
    const abbreviated = written.endsWith(ABBREVIATION_MARK);
    for (const word of searchWords(written)) {
      const runs = word.match(DIGIT_OR_LETTER_RUNS) ?? [];
      runs.forEach((run, at) => {
        if (NUMBER.test(run)) numbers.push(String(Number(run)));
        else words.push(abbreviated && at === runs.length - 1 ? run + ABBREVIATION_MARK : run);
      });
    }
  }
  return { words, numbers: numbers.sort() };
}

/**
 * 0–1: 0 when the numbers differ (sizes, pack counts); otherwise the Dice coefficient of the
 * words, each word of the shorter name paired with the most alike unused word of the longer one
 * (a word left over, like "organic", counts against the match).
 */
export function productNameSimilarity(a: ProductWords, b: ProductWords): number {
  if (a.numbers.length !== b.numbers.length) return 0;
  for (let index = 0; index < a.numbers.length; index++) if (a.numbers[index] !== b.numbers[index]) return 0;
  const [short, long] = a.words.length <= b.words.length ? [a.words, b.words] : [b.words, a.words];
  if (short.length === 0) return long.length === 0 && a.numbers.length > 0 ? 1 : 0;
  const used = new Array<boolean>(long.length).fill(false);
  let total = 0;
  for (const word of short) {
    let best = 0;
    let bestIndex = -1;
    for (let index = 0; index < long.length; index++) {
      if (used[index]) continue;
      const similarity = wordSimilarity(word, long[index] as string);
      if (similarity > best) [best, bestIndex] = [similarity, index];
    }
    if (bestIndex >= 0) used[bestIndex] = true;
    total += best;
  }
  const numbers = a.numbers.length;
  return (2 * (total + numbers)) / (short.length + long.length + 2 * numbers);
}

/**
 * How alike two words of productWords are, abbreviations included; 0 when not alike enough to
 * count. Only a word written abbreviated ("org.") stands for a longer word it begins.
 */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const wordA = unabbreviated(a);
  const wordB = unabbreviated(b);
  if (wordA === wordB) return 1;
  const [short, long, abbreviated] =
    wordA.length <= wordB.length ? [wordA, wordB, wordA !== a] : [wordB, wordA, wordB !== b];
  if (abbreviated && short.length >= MIN_PREFIX && long.startsWith(short)) return PREFIX_SIMILARITY;
  if (isSkeletonOf(short, long)) return SKELETON_SIMILARITY;
  if (long.length - short.length > MAX_TYPO_LENGTH_CHANGE) return 0;
  const similarity = jaroWinkler(short, long);
  return similarity >= MIN_TYPO_SIMILARITY ? similarity : 0;
}

/** A word of productWords without its abbreviation mark. */
export function unabbreviated(word: string): string {
  return word.endsWith(ABBREVIATION_MARK) ? word.slice(0, -1) : word;
}

/**
 * Whether `short` is `long` written without (most of) its vowels: same first letter, no vowel
 * after it, and its letters in `long` in order. A word with vowels ("tea") is never read as an
 * abbreviation, or "tea" would be "treacle".
 */
function isSkeletonOf(short: string, long: string): boolean {
  if (short.length < 2 || short.length >= long.length || short[0] !== long[0]) return false;
  if (VOWELS.test(short.slice(1))) return false;
  let at = 1;
  for (let index = 1; index < short.length; index++) {
    at = long.indexOf(short[index] as string, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
