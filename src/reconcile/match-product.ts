import { compactCode } from '../domain/search-text';
import {
  PRODUCT_NAME_THRESHOLD,
  productNameSimilarity,
  productWords,
  unabbreviated,
  type ProductWords,
} from './product-name';

/**
 * Whether a recorded line and a back-office line are the same product: the same SKU, else a
 * similar enough name. SKUs are compared as codes (compactCode: case, spaces and punctuation
 * folded, so "nw-1001 " is "NW1001"). Two lines that both carry a SKU and disagree on it are
 * different products unless their names are the same words: a back office with SKUs of its own
 * still matches by name, but "Green tea 500g" GT-500 is never "Green tea 500g" GT-500-DECAF by
 * a near-miss name.
 */

/** How a product is compared: its SKU as a code (absent when blank) and its name's words. */
export interface ProductKeys {
  sku?: string;
  words: ProductWords;
  /** Shared by names of the same words written alike ("ORG TEA", "org tea"); -1 for no words. */
  wordsId: number;
  /** Shared by names of the same words, abbreviation marks aside ("Org. tea", "org tea"). */
  sameWordsId: number;
}

/** How two lines' products matched, for scoring and for the `product` difference. */
export interface ProductMatch {
  by: 'sku' | 'name';
  /** 1 for a SKU; the name similarity (≥ PRODUCT_NAME_THRESHOLD) otherwise. */
  similarity: number;
}

const SKU_MATCH: ProductMatch = { by: 'sku', similarity: 1 };
const SAME_NAME: ProductMatch = { by: 'name', similarity: 1 };
// Pairs of word ids are remembered under one number: lower id × this + higher id.
const ID_SPAN = 2 ** 24;

export interface ProductMatcher {
  keysOf(sku: string | undefined, name: string | undefined): ProductKeys;
  matchProduct(recorded: ProductKeys, backOffice: ProductKeys): ProductMatch | null;
}

/**
 * A cache of product keys and name similarities: a file names the same few hundred products over
 * and over, so each name is cut into words once and each pair of names compared once.
 */
export function createProductMatcher(): ProductMatcher {
  // By SKU, then name: looking up two strings costs less than joining them into one key.
  const keys = new Map<string | undefined, Map<string, ProductKeys>>();
  const wordIds = new Map<string, number>();
  const similarities = new Map<number, number>();

  function keysOf(sku: string | undefined, name: string | undefined): ProductKeys {
    const text = name ?? '';
    let byName = keys.get(sku);
    if (!byName) keys.set(sku, (byName = new Map()));
    let found = byName.get(text);
    if (found) return found;
    const words = productWords(text);
    const numbers = words.numbers.join(' ');
    const wordsId = idOf(`${words.words.join(' ')}|${numbers}`);
    const sameWordsId = idOf(`${words.words.map(unabbreviated).join(' ')}|${numbers}`);
    const code = sku === undefined ? '' : compactCode(sku.trim());
    found = code === '' ? { words, wordsId, sameWordsId } : { sku: code, words, wordsId, sameWordsId };
    byName.set(text, found);
    return found;
  }

  function idOf(joined: string): number {
    if (joined === '|') return -1;
    let id = wordIds.get(joined);
    if (id === undefined) {
      id = wordIds.size;
      wordIds.set(joined, id);
    }
    return id;
  }

  function nameSimilarity(a: ProductKeys, b: ProductKeys): number {
    if (a.wordsId < 0 || b.wordsId < 0) return 0;
    if (a.wordsId === b.wordsId) return 1;
    const key = a.wordsId < b.wordsId ? a.wordsId * ID_SPAN + b.wordsId : b.wordsId * ID_SPAN + a.wordsId;
    let similarity = similarities.get(key);
    if (similarity === undefined) {
      similarity = productNameSimilarity(a.words, b.words);
      similarities.set(key, similarity);
    }
    return similarity;
  }

  function matchProduct(recorded: ProductKeys, backOffice: ProductKeys): ProductMatch | null {
    if (recorded.sku !== undefined && backOffice.sku !== undefined) {
      if (recorded.sku === backOffice.sku) return SKU_MATCH;
      return recorded.sameWordsId >= 0 && recorded.sameWordsId === backOffice.sameWordsId ? SAME_NAME : null;
    }
    const similarity = nameSimilarity(recorded, backOffice);
    return similarity >= PRODUCT_NAME_THRESHOLD ? { by: 'name', similarity } : null;
  }

  return { keysOf, matchProduct };
}
