import { compactCode } from '../domain/search-text';
import {
  PRODUCT_NAME_THRESHOLD,
  productNameSimilarity,
  productWords,
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
  /** The words joined: equal names have equal keys. */
  wordsKey: string;
}

/** How two lines' products matched, for scoring and for the `product` difference. */
export interface ProductMatch {
  by: 'sku' | 'name';
  /** 1 for a SKU; the name similarity (≥ PRODUCT_NAME_THRESHOLD) otherwise. */
  similarity: number;
}

const SKU_MATCH: ProductMatch = { by: 'sku', similarity: 1 };

/**
 * A cache of product keys and name similarities: a file names the same few hundred products over
 * and over, so each name is cut into words once and each pair of names compared once.
 */
export function createProductMatcher(): {
  keysOf: (sku: string | undefined, name: string | undefined) => ProductKeys;
  matchProduct: (recorded: ProductKeys, backOffice: ProductKeys) => ProductMatch | null;
} {
  const words = new Map<string, ProductWords>();
  const similarities = new Map<string, number>();

  function keysOf(sku: string | undefined, name: string | undefined): ProductKeys {
    const text = name ?? '';
    let cut = words.get(text);
    if (!cut) {
      cut = productWords(text);
      words.set(text, cut);
    }
    const code = sku === undefined ? '' : compactCode(sku.trim());
    const wordsKey = `${cut.words.join(' ')}|${cut.numbers.join(' ')}`;
    return code === '' ? { words: cut, wordsKey } : { sku: code, words: cut, wordsKey };
  }

  function nameSimilarity(a: ProductKeys, b: ProductKeys): number {
    if (a.wordsKey === b.wordsKey) return a.wordsKey === '|' ? 0 : 1;
    const key = a.wordsKey < b.wordsKey ? `${a.wordsKey}\n${b.wordsKey}` : `${b.wordsKey}\n${a.wordsKey}`;
    let similarity = similarities.get(key);
    if (similarity === undefined) {
      similarity = productNameSimilarity(a.words, b.words);
      similarities.set(key, similarity);
    }
    return similarity;
  }

  function matchProduct(recorded: ProductKeys, backOffice: ProductKeys): ProductMatch | null {
    if (recorded.sku !== undefined && recorded.sku === backOffice.sku) return SKU_MATCH;
    const similarity = nameSimilarity(recorded, backOffice);
    if (recorded.sku !== undefined && backOffice.sku !== undefined) {
      return similarity === 1 ? { by: 'name', similarity } : null;
    }
    return similarity >= PRODUCT_NAME_THRESHOLD ? { by: 'name', similarity } : null;
  }

  return { keysOf, matchProduct };
}
