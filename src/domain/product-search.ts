import type { Product } from './product';
import {
  compactCode,
  foldForSearch,
  foldRun,
  isLettersOnly,
  nameRuns,
  searchWords,
  startsWithinOneEdit,
} from './search-text';

/**
 * Product search a rep can trust, built once per catalog and asked on every keystroke.
 *
 * Matching. The query is folded (case and accents: "creme" and "CRÈME" find "Crème") and cut
 * into words at spaces and punctuation. A product matches when every query word (AND, any order)
 * matches a word of its name; each chunk that punctuation holds together counts as a word too
 * ("tshirt" finds "T-Shirt"). A query word matches a word of the name
 *   - exactly (a whole word),
 *   - as its beginning (any query word, though it is usually the one being typed: "hand cr" and
 *     "lav cream" both find "Lavender Hand Cream"),
 *   - or with one typo (Damerau–Levenshtein ≤ 1: one character replaced, added, dropped, or two
 *     adjacent ones swapped), against the whole word or its beginning, but only for query words
 *     of at least TYPO_MIN_LENGTH letters, letters only. Four-letter words have too many
 *     one-edit neighbours (card, care, cart, core) for a typo to be a safe guess, and a typo in a
 *     number or a code is another product, not a slip.
 * Codes. A query of one term (no space) is also compared with SKUs and barcodes written as
 * letters and digits only, so "nw1001", "nw-1001" and "NW-1001" all name the same code; a SKU
 * is found by its beginning or by the beginning of any later part ("12345" finds NW-12345).
 * Barcodes are matched whole only, from four characters on.
 *
 * Ranking, best first:
 *   1. exact SKU or exact barcode (one spelled exactly as typed before one equal only once
 *      punctuation is dropped);
 *   2. SKUs that start with the query ("NW-10" lists NW-10xx), for two or more letters and
 *      digits: a SKU or SKU part equal to the query first;
 *   3. every query word matched a whole word;
 *   4. some query word matched only the beginning of a word;
 *   5. some query word needed a typo.
 * Within ranks 1 and 2: SKU order, as the rep typing a code expects. Within ranks 3 to 5: more
 * query words matched exactly first, then the shorter name (the query covers more of it), then
 * SKU order. Every product has its own place, so the same catalog and query always give the
 * same list, and the list does not reshuffle as the rep types.
 *
 * How it stays fast (DESIGN.md: 50,000 products, ≤ 16 ms per keystroke at p95, ≤ 100 ms cold):
 * an inverted index from each name word to its products, with a sorted vocabulary so that a
 * word's prefix matches are one binary search and a walk; typo candidates by a linear check over
 * the letters-only vocabulary (product names share a small one, and a deletion table would cost
 * more to build than the scan costs to run); SKUs sorted for prefix lookups; each query word's
 * matches cached while the rep types the next word; and the best `limit` products picked with a
 * bounded heap on one number per product instead of sorting every match. The tie order (name
 * length, then SKU) is a counting sort of the SKU order, so no name is compared or folded
 * before a search needs it.
 */
export interface ProductIndex {
  search(query: string, limit?: number): Product[];
  readonly size: number;
}

/** A pasted essay is cut here so that it cannot stall the sidebar. */
export const MAX_QUERY_LENGTH = 200;
/** Query words beyond these are ignored; a rep's query has a handful. */
const MAX_QUERY_WORDS = 16;
/**
 * The shortest code compared with barcodes: retail ones have eight digits or more, in-house ones
 * may be shorter, and below four a code is still being typed.
 */
const MIN_BARCODE_LENGTH = 4;
/** The shortest query word that may match with a typo. */
export const TYPO_MIN_LENGTH = 5;
/** How many query words' matches are kept while the rep types. */
const CACHED_WORDS = 32;

// How a query word matched a product (lower is better; 0 means no match).
const EXACT = 1;
const PREFIX = 2;
const TYPO = 3;

// Ranks, in the order of the comment above; a product's key is its rank, then how many query
// words it did not match exactly, then its place in the tie order (below 2^26 products).
const RANK_CODE = 0;
const RANK_CODE_PREFIX = 1;
const RANK_WHOLE_WORDS = 2;
const RANK_PREFIX = 3;
const RANK_TYPO = 4;
const PLACES = 2 ** 26;

/** The products one query word matches, each with how well (EXACT, PREFIX or TYPO). */
interface WordMatches {
  ids: number[];
  /** By product id: the best match kind, or 0. */
  kinds: Uint8Array;
}

export function createProductIndex(products: readonly Product[]): ProductIndex {
  // A one-time product (a bought-back device) that has been sold is not for sale again.
  const catalog = products.filter((product) => product.deletedAt === undefined && product.soldOut !== true);
  const size = catalog.length;
  const names = new NameIndex(catalog);
  const codes = new CodeIndex(catalog);
  const places = tiePlaces(catalog, codes.skuOrder);
  // Which products a search has ranked already: the search's number, so nothing is cleared.
  const rankedBy = new Uint32Array(size);
  let searches = 0;

  function search(query: string, limit = 20): Product[] {
    if (!(limit >= 1)) return [];
    const text = query.slice(0, MAX_QUERY_LENGTH).trim();
    const typed = searchWords(text);
    const words = [...new Set(typed)].slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) return [];
    const best = new BestProducts(Math.floor(Math.min(limit, size)));
    searches += 1;
    const rank = (id: number, primary: number, detail: number) => {
      if (rankedBy[id] === searches) return;
      rankedBy[id] = searches;
      const place = primary <= RANK_CODE_PREFIX ? places.codes[id] : places.words[id];
      best.offer(id, (primary * 64 + detail) * PLACES + (place as number));
    };

    if (!/\s/.test(text)) {
      const code = typed.join('');
      const spelled = foldForSearch(text);
      for (const id of codes.exact(code)) {
        const product = catalog[id] as Product;
        const asWritten = [product.sku, product.barcode].some(
          (value) => value !== undefined && foldForSearch(value).trim() === spelled,
        );
        rank(id, RANK_CODE, asWritten ? 0 : 1);
      }
      if (code.length >= 2) {
        codes.startingWith(code, best.capacity, (id, equal) => rank(id, RANK_CODE_PREFIX, equal ? 0 : 1));
      }
    }

    const matches: WordMatches[] = [];
    for (const word of words) {
      const found = names.matches(word);
      if (found.ids.length === 0) return best.products(catalog);
      matches.push(found);
    }
    matches.sort((a, b) => a.ids.length - b.ids.length);
    const [fewest, ...others] = matches as [WordMatches, ...WordMatches[]];
    for (let at = 0; at < fewest.ids.length; at += 1) {
      const id = fewest.ids[at] as number;
      let worst = fewest.kinds[id] as number;
      let exact = worst === EXACT ? 1 : 0;
      for (let next = 0; next < others.length; next += 1) {
        const kind = (others[next] as WordMatches).kinds[id] as number;
        if (kind === 0) {
          worst = 0;
          break;
        }
        if (kind > worst) worst = kind;
        if (kind === EXACT) exact += 1;
      }
      if (worst === 0) continue;
      const primary = worst === EXACT ? RANK_WHOLE_WORDS : worst === PREFIX ? RANK_PREFIX : RANK_TYPO;
      rank(id, primary, words.length - exact);
    }
    return best.products(catalog);
  }

  return { search, size };
}

/**
 * The words of product names and the products each is in, with a sorted vocabulary for prefix
 * and typo lookups; each query word's matches are kept while the rep types the next one.
 */
class NameIndex {
  private readonly vocabulary: string[];
  private readonly postings: number[][];
  /** Vocabulary positions of the words a typo may reach: letters only, long enough. */
  private readonly typoCandidates: number[];
  private readonly cache = new Map<string, WordMatches>();
  private readonly size: number;

  constructor(catalog: readonly Product[]) {
    this.size = catalog.length;
    // The cold start is mostly this loop, run once and so mostly before the engine has
    // optimised it: plain indexed loops, no callbacks or iterators.
    const idsByWord = new Map<string, number[]>();
    // Each distinct run of a name ("Crème") is folded once; 50,000 names share most of theirs.
    const idListsByRun = new Map<string, number[][]>();
    const idsOf = (word: string) => {
      const known = idsByWord.get(word);
      if (known) return known;
      const ids: number[] = [];
      idsByWord.set(word, ids);
      return ids;
    };
    for (let id = 0; id < catalog.length; id += 1) {
      const runs = nameRuns((catalog[id] as Product).name);
      for (let at = 0; at < runs.length; at += 1) {
        const run = runs[at] as string;
        let idLists = idListsByRun.get(run);
        if (idLists === undefined) {
          idLists = foldRun(run).map(idsOf);
          idListsByRun.set(run, idLists);
        }
        for (let list = 0; list < idLists.length; list += 1) {
          const ids = idLists[list] as number[];
          if (ids[ids.length - 1] !== id) ids.push(id);
        }
      }
    }
    this.vocabulary = [...idsByWord.keys()].sort();
    this.postings = this.vocabulary.map((word) => idsByWord.get(word) as number[]);
    this.typoCandidates = this.vocabulary.flatMap((word, position) =>
      word.length >= TYPO_MIN_LENGTH - 1 && isLettersOnly(word) ? [position] : [],
    );
  }

  /** The products whose name has a word that `word` is, begins, or is one typo from. */
  matches(word: string): WordMatches {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const found: WordMatches = { ids: [], kinds: new Uint8Array(this.size) };
    const mark = (ids: readonly number[], kind: number) => {
      for (let at = 0; at < ids.length; at += 1) {
        const id = ids[at] as number;
        const was = found.kinds[id] as number;
        if (was === 0) found.ids.push(id);
        if (was === 0 || kind < was) found.kinds[id] = kind;
      }
    };
    const { vocabulary, postings } = this;
    const start = lowerBound(vocabulary.length, (position) => vocabulary[position] as string, word);
    for (let at = start; at < vocabulary.length; at += 1) {
      const candidate = vocabulary[at] as string;
      if (!candidate.startsWith(word)) break;
      mark(postings[at] as number[], candidate.length === word.length ? EXACT : PREFIX);
    }
    if (word.length >= TYPO_MIN_LENGTH && isLettersOnly(word)) {
      for (const at of this.typoCandidates) {
        if (startsWithinOneEdit(word, vocabulary[at] as string)) mark(postings[at] as number[], TYPO);
      }
    }
    if (this.cache.size >= CACHED_WORDS) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(word, found);
    return found;
  }
}

/**
 * SKUs and barcodes, letters and digits only. A SKU is kept whole ("nw10000") and from each of its
 * later parts on ("10000"), sorted, so that "nw-100" and "100" both find NW-10000 by prefix.
 * Barcodes are only ever matched whole, by a scan: a small fraction of a millisecond for 50,000,
 * and cheaper than sorting them every time the catalog loads; codes shorter than
 * MIN_BARCODE_LENGTH are not compared with them.
 */
class CodeIndex {
  /** Product ids in the order of their SKUs (letters and digits only). */
  readonly skuOrder: readonly number[];
  private readonly wholeSkus: SortedKeys;
  private readonly skuTails: SortedKeys;
  private readonly catalog: readonly Product[];
  private barcodes: string[] | undefined;

  constructor(catalog: readonly Product[]) {
    const wholes: string[] = [];
    const tails: string[] = [];
    const tailIds: number[] = [];
    for (let id = 0; id < catalog.length; id += 1) {
      const parts = searchWords((catalog[id] as Product).sku);
      wholes.push(parts.length === 1 ? (parts[0] as string) : parts.join(''));
      // From the last part back: "10000", then (for NW-AB-10000) "ab10000".
      let tail = '';
      for (let from = parts.length - 1; from >= 1; from -= 1) {
        tail = `${parts[from] as string}${tail}`;
        tails.push(tail);
        tailIds.push(id);
      }
    }
    this.wholeSkus = new SortedKeys(wholes);
    this.skuTails = new SortedKeys(tails, tailIds);
    this.skuOrder = this.wholeSkus.ids;
    this.catalog = catalog;
  }

  /** Products whose whole SKU or barcode is `code`. */
  exact(code: string): number[] {
    const found: number[] = [];
    this.wholeSkus.startingWith(code, (id, equal) => (equal ? found.push(id) : undefined), true);
    if (code.length < MIN_BARCODE_LENGTH) return found;
    const barcodes = this.barcodeCodes();
    for (let id = 0; id < barcodes.length; id += 1) {
      if (barcodes[id] === code && !found.includes(id)) found.push(id);
    }
    return found;
  }

  /** Written as codes on the first query long enough to be a barcode, not before. */
  private barcodeCodes(): string[] {
    if (this.barcodes) return this.barcodes;
    const barcodes = new Array<string>(this.catalog.length);
    for (let id = 0; id < barcodes.length; id += 1) {
      const barcode = (this.catalog[id] as Product).barcode;
      barcodes[id] = barcode ? compactCode(barcode) : '';
    }
    this.barcodes = barcodes;
    return barcodes;
  }

  /**
   * Calls `visit` for each product whose SKU, whole or from a later part on, starts with `code`,
   * with whether it equals `code`; those equal first. Whole SKUs come in SKU order, the tie order
   * of their rank, so past the first `wanted` of them none could be shown ("nw" would otherwise
   * visit all 50,000).
   */
  startingWith(code: string, wanted: number, visit: (id: number, equal: boolean) => void): void {
    this.wholeSkus.startingWith(code, (id, equal) => equal && visit(id, true), true);
    this.skuTails.startingWith(code, (id, equal) => equal && visit(id, true), true);
    this.wholeSkus.startingWith(code, visit, false, wanted);
    this.skuTails.startingWith(code, visit);
  }
}

/** Strings in plain string order for exact and prefix lookups, each with its product. */
class SortedKeys {
  private readonly keys: string[];
  readonly ids: readonly number[];

  /**
   * `ids` default to each key's position. Catalogs usually come sorted by SKU: then the sort is
   * one pass.
   */
  constructor(keys: readonly string[], ids?: readonly number[]) {
    const order = new Array<number>(keys.length);
    for (let at = 0; at < keys.length; at += 1) order[at] = at;
    order.sort((a, b) => compareStrings(keys[a] as string, keys[b] as string));
    this.keys = new Array<string>(keys.length);
    const sortedIds = new Array<number>(keys.length);
    for (let at = 0; at < keys.length; at += 1) {
      const from = order[at] as number;
      this.keys[at] = keys[from] as string;
      sortedIds[at] = ids ? (ids[from] as number) : from;
    }
    this.ids = sortedIds;
  }

  /**
   * Calls `visit` with the product of each key that starts with `prefix`, and whether the key
   * equals it; with `onlyEqual`, stops after those equal; stops after `most` calls.
   */
  startingWith(
    prefix: string,
    visit: (id: number, equal: boolean) => unknown,
    onlyEqual = false,
    most = Number.POSITIVE_INFINITY,
  ): void {
    const { keys, ids } = this;
    let visited = 0;
    for (
      let at = lowerBound(keys.length, (position) => keys[position] as string, prefix);
      at < keys.length && visited < most;
      at += 1
    ) {
      const key = keys[at] as string;
      const equal = key.length === prefix.length;
      if (!key.startsWith(prefix) || (onlyEqual && !equal)) return;
      visit(ids[at] as number, equal);
      visited += 1;
    }
  }
}

/**
 * Each product's place in the two tie orders: SKU order for codes; for words, the shorter name
 * first, then SKU order, by a counting sort on name length of the ids in SKU order: linear, and
 * not one name compared.
 */
function tiePlaces(
  catalog: readonly Product[],
  skuOrder: readonly number[],
): { codes: Int32Array; words: Int32Array } {
  let longest = 0;
  for (let id = 0; id < catalog.length; id += 1) {
    longest = Math.max(longest, (catalog[id] as Product).name.length);
  }
  // starts[length]: how many names are shorter, then the next free place for that length.
  const starts = new Int32Array(longest + 2);
  for (let id = 0; id < catalog.length; id += 1) {
    const length = (catalog[id] as Product).name.length;
    starts[length + 1] = (starts[length + 1] as number) + 1;
  }
  for (let length = 1; length < starts.length; length += 1) {
    starts[length] = (starts[length] as number) + (starts[length - 1] as number);
  }
  const codes = new Int32Array(catalog.length);
  const words = new Int32Array(catalog.length);
  for (let place = 0; place < skuOrder.length; place += 1) {
    const id = skuOrder[place] as number;
    const length = (catalog[id] as Product).name.length;
    codes[id] = place;
    words[id] = starts[length] as number;
    starts[length] = (starts[length] as number) + 1;
  }
  return { codes, words };
}

/**
 * The `capacity` products with the lowest keys (every key is different): a max-heap whose root
 * is the worst kept, so most offers cost one comparison.
 */
class BestProducts {
  private readonly ids: number[] = [];
  private readonly keys: number[] = [];

  constructor(readonly capacity: number) {}

  offer(id: number, key: number): void {
    const { ids, keys } = this;
    if (ids.length < this.capacity) {
      ids.push(id);
      keys.push(key);
      this.siftUp(ids.length - 1);
    } else if (ids.length > 0 && key < (keys[0] as number)) {
      ids[0] = id;
      keys[0] = key;
      this.siftDown(0);
    }
  }

  products(catalog: readonly Product[]): Product[] {
    return this.ids
      .map((id, at) => ({ id, key: this.keys[at] as number }))
      .sort((a, b) => a.key - b.key)
      .map(({ id }) => catalog[id] as Product);
  }

  private siftUp(at: number): void {
    const { keys } = this;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if ((keys[at] as number) < (keys[parent] as number)) return;
      this.swap(at, parent);
      at = parent;
    }
  }

  private siftDown(at: number): void {
    const { keys } = this;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let largest = at;
      if (left < keys.length && (keys[left] as number) > (keys[largest] as number)) largest = left;
      if (right < keys.length && (keys[right] as number) > (keys[largest] as number)) largest = right;
      if (largest === at) return;
      this.swap(at, largest);
      at = largest;
    }
  }

  private swap(a: number, b: number): void {
    const { ids, keys } = this;
    [ids[a], ids[b]] = [ids[b] as number, ids[a] as number];
    [keys[a], keys[b]] = [keys[b] as number, keys[a] as number];
  }
}

/** Plain string order (UTF-16 code units): fast, and the same on every machine, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first position in a sorted list of `length` strings whose string is not before `target`. */
function lowerBound(length: number, at: (position: number) => string, target: string): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (at(middle) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
