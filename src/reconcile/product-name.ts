import { jaroWinkler } from '../domain/duplicates';
import { searchWords } from '../domain/search-text';

/**
 * How alike two product names are, the way a back office abbreviates them: "Org. Green Tea 500g"
 * is "Organic green tea 500 g", "Hand Crm" is "Hand Cream", but "Hand Cream 50ml" is never
 * "Hand Cream 100ml" and "Green Tea" is not "Organic Green Tea".
 */

/** Two names at least this alike (0–1) are taken for the same product. */
export const PRODUCT_NAME_THRESHOLD = 0.9;

/** A name cut into compared words: numbers apart (they must agree exactly), the rest folded. */
export interface ProductWords {
  words: readonly string[];
  /** Sorted, so that two names' numbers are compared as multisets. */
  numbers: readonly string[];
}

const NUMBER = /^\d+$/;
const DIGIT_OR_LETTER_RUNS = /\d+|\D+/g;
const VOWELS = /[aeiouy]/;
// A prefix this long is an abbreviation ("org" → organic); shorter ones say too little.
const MIN_PREFIX = 3;
const PREFIX_SIMILARITY = 0.9;
// A word with its vowels dropped ("grn" → green, "crm" → cream, "pk" → pack).
const SKELETON_SIMILARITY = 0.85;
const MIN_TYPO_SIMILARITY = 0.9;

/**
 * The words of a product name: folded like search folds them, with a number and its unit apart
 * ("500g" and "500 g" both give 500, g) so that spacing never decides a match.
 */
export function productWords(name: string): ProductWords {
  const words: string[] = [];
  const numbers: string[] = [];
  for (const word of searchWords(name)) {
    for (const run of word.match(DIGIT_OR_LETTER_RUNS) ?? []) {
      if (NUMBER.test(run)) numbers.push(String(Number(run)));
      else words.push(run);
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

/** How alike two folded words are, abbreviations included; 0 when not alike enough to count. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= MIN_PREFIX && long.startsWith(short)) return PREFIX_SIMILARITY;
  if (isSkeletonOf(short, long)) return SKELETON_SIMILARITY;
  const similarity = jaroWinkler(a, b);
  return similarity >= MIN_TYPO_SIMILARITY ? similarity : 0;
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
