import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { productSearchText, type Product } from '../../../src/domain/product';
import { createProductIndex } from '../../../src/domain/product-search';
import {
  foldForSearch,
  nameRuns,
  searchWords,
  startsWithinOneEdit,
  withinOneEdit,
  fileNameSlug,
} from '../../../src/domain/search-text';

function product(sku: string, name: string, more: Partial<Product> = {}): Product {
  return {
    id: crypto.randomUUID(),
    sku,
    name,
    price: { minor: 100, currency: 'USD' },
    extra: {},
    searchText: productSearchText({ sku, name }),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...more,
  };
}

function skus(products: readonly Product[], query: string, limit?: number): string[] {
  return createProductIndex(products)
    .search(query, limit)
    .map((found) => found.sku);
}

const catalog = [
  product('NW-1001', 'Lavender Hand Cream', { barcode: '4006381333931' }),
  product('NW-1002', 'Crème brûlée Candle'),
  product('NW-10021', 'Hand Soap Refill'),
  product('NW-1003', 'Hand Cream'),
  product('NW-1004', 'Handle Brush'),
  product('NW-1005', 'Body Moisturizer 200 ml'),
  product('NW-1006', 'Men’s T-Shirt'),
  product('NW-1007', 'Straße Soap'),
  product('XX-1', 'Travel Kit with NW-1002 inside'),
];

describe('product search: codes', () => {
  it('puts an exact SKU first, then SKUs that start with the query, then names', () => {
    expect(skus(catalog, 'nw-1002')).toEqual(['NW-1002', 'NW-10021', 'XX-1']);
  });

  it('compares SKUs without case, punctuation or surrounding spaces', () => {
    for (const query of ['NW-1001', 'nw-1001', 'nw1001', '  NW-1001  ', 'Nw–1001']) {
      expect(skus(catalog, query)[0]).toBe('NW-1001');
    }
  });

  it('reads a SKU whole even when its parts repeat', () => {
    expect(skus([product('AB-AB', 'Twin Pack'), product('AB-1', 'Single')], 'ab-ab')).toEqual(['AB-AB']);
  });

  it('finds a SKU by the number after its prefix, the equal one first', () => {
    expect(skus(catalog, '1002')).toEqual(['NW-1002', 'NW-10021', 'XX-1']);
  });

  it('lists every SKU that starts with what was typed ("NW-10" lists NW-10xx) in SKU order, before names', () => {
    expect(skus(catalog, 'NW-100', 50)).toEqual([
      'NW-1001',
      'NW-1002',
      'NW-10021',
      'NW-1003',
      'NW-1004',
      'NW-1005',
      'NW-1006',
      'NW-1007',
      // Its name holds the words "nw" and "1002".
      'XX-1',
    ]);
  });

  it('keeps SKU order among many SKU matches, a later part matching too', () => {
    const many = Array.from({ length: 30 }, (_, at) => product(`NW-${at + 1}`, `Item ${at + 1}`));
    const withPart = [...many, product('AB-NW7', 'Bundle')];
    expect(skus(withPart, 'nw', 5)).toEqual(['AB-NW7', 'NW-1', 'NW-10', 'NW-11', 'NW-12']);
  });

  it('puts the SKU spelled exactly as typed before one equal only without punctuation', () => {
    const twins = [product('AB-12', 'Blue Cap'), product('A-B12', 'Red Cap')];
    expect(skus(twins, 'a-b12')).toEqual(['A-B12', 'AB-12']);
    expect(skus(twins, 'ab-12')).toEqual(['AB-12', 'A-B12']);
  });

  it('finds a barcode only whole, first', () => {
    expect(skus(catalog, '4006381333931')).toEqual(['NW-1001']);
    expect(skus(catalog, '400638133393')).toEqual([]);
  });

  it('compares no code shorter than four characters with barcodes', () => {
    const inHouse = [
      product('H-1', 'Gift Card', { barcode: '777' }),
      product('H-2', 'Gift Box', { barcode: '7777' }),
    ];
    expect(skus(inHouse, '777')).toEqual([]);
    expect(skus(inHouse, '7777')).toEqual(['H-2']);
  });

  it('does not compare a query with spaces with SKUs', () => {
    expect(skus(catalog, 'nw 1001')).toEqual([]);
  });
});

describe('product search: words', () => {
  it('ranks whole words, then word beginnings, then typos', () => {
    const products = [
      product('A-1', 'Candles Set'),
      product('A-2', 'Handle Candle'),
      product('A-3', 'Candle'),
      product('A-4', 'Cindle Holder'),
    ];
    // Candle and Handle Candle have the whole word; Candles only begins with it; Cindle is a typo.
    expect(skus(products, 'candle')).toEqual(['A-3', 'A-2', 'A-1', 'A-4']);
  });

  it('matches every query word, in any order, each as a word or its beginning', () => {
    expect(skus(catalog, 'hand cr')).toEqual(['NW-1003', 'NW-1001']);
    expect(skus(catalog, 'cream hand')).toEqual(['NW-1003', 'NW-1001']);
    expect(skus(catalog, 'lav cream')).toEqual(['NW-1001']);
    expect(skus(catalog, 'cream soap')).toEqual([]);
  });

  it('gives the same list whatever the order of the query words', () => {
    expect(skus(catalog, 'hand cream')).toEqual(skus(catalog, 'cream hand'));
  });

  it('finds a word only at its beginning, not inside another word', () => {
    expect(skus(catalog, 'ream')).toEqual([]);
    expect(skus(catalog, 'ndle')).toEqual([]);
  });

  it('ranks more exactly matched words first, then the shorter name, then the SKU', () => {
    const products = [
      product('B-5', 'Handy Creamy'),
      product('B-3', 'Hand Creamy Extra Large'),
      product('B-2', 'Hand Cream Deluxe'),
      product('B-4', 'Hand Cream'),
      product('B-0', 'Hand Cream'),
    ];
    // Every word whole: B-0 and B-4 (same name, so by SKU), then the longer B-2. Then one word
    // only begun (B-3) before two (B-5), though B-3's name is the longer.
    expect(skus(products, 'hand cream')).toEqual(['B-0', 'B-4', 'B-2', 'B-3', 'B-5']);
  });

  it('ignores case and accents, both ways', () => {
    expect(skus(catalog, 'creme brulee')).toEqual(['NW-1002']);
    expect(skus(catalog, 'CRÈME')).toEqual(['NW-1002']);
    expect(skus(catalog, 'Crème')).toEqual(['NW-1002']);
    expect(skus([product('C-1', 'Creme Fraiche')], 'crème fraîche')).toEqual(['C-1']);
    expect(skus(catalog, 'strasse')).toEqual(['NW-1007']);
    expect(skus([product('C-2', 'CAFÉ Noir')], 'cafe')).toEqual(['C-2']);
    // Accents written as a letter and a combining mark, as some systems export them.
    expect(skus([product('C-3', 'Cre\u0300me')], 'crème')).toEqual(['C-3']);
  });

  it('reads a hyphenated or apostrophed word with or without its punctuation', () => {
    expect(skus(catalog, 'tshirt')).toEqual(['NW-1006']);
    expect(skus(catalog, 't-shirt')).toEqual(['NW-1006']);
    expect(skus(catalog, 't shirt')).toEqual(['NW-1006']);
    expect(skus(catalog, 'mens')).toEqual(['NW-1006']);
    expect(skus(catalog, "men's")).toEqual(['NW-1006']);
  });
});

describe('product search: typos', () => {
  const lavender = [product('L-1', 'Lavender Hand Cream'), product('L-2', 'Moisturizer')];

  it('forgives one substitution, insertion, deletion or swap in a word of five letters or more', () => {
    for (const query of ['lavander', 'lavendder', 'lavnder', 'lavedner', 'lavendre']) {
      expect(skus(lavender, query), query).toEqual(['L-1']);
    }
    expect(skus(lavender, 'moisturiser')).toEqual(['L-2']);
  });

  it('keeps finding the word while a typo is being typed', () => {
    for (const query of ['moisturis', 'moisturise', 'lavand', 'lavande']) {
      expect(skus(lavender, query), query).toEqual(query.startsWith('lav') ? ['L-1'] : ['L-2']);
    }
  });

  it('does not forgive two typos', () => {
    expect(skus(lavender, 'lavandar')).toEqual([]);
    expect(skus(lavender, 'moistoriser')).toEqual([]);
  });

  it('gives words shorter than five letters no typo', () => {
    const short = [product('S-1', 'Soap'), product('S-2', 'Cream'), product('S-3', 'Hand')];
    expect(skus(short, 'soep')).toEqual([]);
    expect(skus(short, 'crem')).toEqual([]);
    expect(skus(short, 'hnad')).toEqual([]);
    expect(skus(short, 'craem')).toEqual(['S-2']);
  });

  it('gives numbers and codes no typo', () => {
    const sized = [product('N-1', 'Shampoo 25000 ml')];
    expect(skus(sized, '25001')).toEqual([]);
    expect(skus(sized, '25000')).toEqual(['N-1']);
  });

  it('ranks a typo after an exact match', () => {
    const products = [product('T-2', 'Lavander Soap'), product('T-1', 'Lavender Soap')];
    expect(skus(products, 'lavender')).toEqual(['T-1', 'T-2']);
    expect(skus(products, 'lavander')).toEqual(['T-2', 'T-1']);
  });
});

describe('product search: input and catalog', () => {
  it('finds nothing for an empty, blank or punctuation-only query', () => {
    expect(skus(catalog, '')).toEqual([]);
    expect(skus(catalog, '   ')).toEqual([]);
    expect(skus(catalog, ' - / ')).toEqual([]);
  });

  it('honours the limit, 20 by default', () => {
    const many = Array.from({ length: 30 }, (_, at) => product(`M-${at}`, `Candle ${at}`));
    expect(skus(many, 'candle')).toHaveLength(20);
    expect(skus(many, 'candle', 5)).toHaveLength(5);
    expect(skus(many, 'candle', 0)).toEqual([]);
    expect(skus(many, 'candle', -1)).toEqual([]);
    expect(skus(many, 'candle', Number.NaN)).toEqual([]);
    expect(skus(many, 'candle', 1000)).toHaveLength(30);
  });

  it('skips deleted products and counts only the others', () => {
    const products = [
      product('D-1', 'Old Candle', { deletedAt: '2026-02-01T00:00:00.000Z' }),
      product('D-2', 'Candle'),
    ];
    const index = createProductIndex(products);
    expect(index.size).toBe(1);
    expect(index.search('candle').map((found) => found.sku)).toEqual(['D-2']);
    expect(index.search('D-1')).toEqual([]);
  });

  it('reads only the first 200 characters of a pasted essay', () => {
    const essay = `hand cream ${'lorem ipsum dolor sit amet '.repeat(2_000)}`;
    const started = performance.now();
    expect(skus(catalog, essay)).toEqual([]);
    // Cut at 200 characters, "cream" is never read.
    expect(skus(catalog, `${'hand '.repeat(3_000)}cream`)).toEqual(skus(catalog, 'hand'));
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('answers the same query the same way every time', () => {
    const index = createProductIndex(catalog);
    const first = index.search('hand');
    index.search('hand c');
    index.search('lavender');
    expect(index.search('hand')).toEqual(first);
  });

  it('searches a freshly built index of a product list at once', () => {
    expect(
      createProductIndex(catalog)
        .search('hand cr')
        .map((found) => found.sku),
    ).toEqual(['NW-1003', 'NW-1001']);
    expect(createProductIndex(catalog).search('nw', 1)).toHaveLength(1);
  });
});

describe('search text', () => {
  it('makes a name a file-name part: folded, other runs as one dash, at most 40 characters', () => {
    expect(fileNameSlug('  Groß Café & Co. ')).toBe('gross-cafe-co');
    expect(fileNameSlug('Shopify (EU)')).toBe('shopify-eu');
    expect(fileNameSlug('***')).toBe('');
    expect(fileNameSlug('a'.repeat(50))).toHaveLength(40);
  });

  it('folds case, accents and letters that do not decompose', () => {
    expect(foldForSearch('CRÈME Brûlée')).toBe('creme brulee');
    expect(foldForSearch('Straße Œuvre Ærø')).toBe('strasse oeuvre aero');
    expect(foldForSearch('İstanbul')).toBe('istanbul');
    expect(foldForSearch('ﬁne')).toBe('fine');
  });

  it('cuts words at spaces and punctuation, and joins what punctuation holds together in names', () => {
    expect(searchWords('NW-1001  Crème, 50ml')).toEqual(['nw', '1001', 'creme', '50ml']);
    expect(nameRuns('T-Shirt (2-pack)')).toEqual(['T', 'Shirt', '2', 'pack', 'TShirt', '2pack']);
    expect(nameRuns('Hand Cream 50 ml')).toEqual(['Hand', 'Cream', '50', 'ml']);
  });

  /** Optimal string alignment distance: the reference the fast checks must agree with. */
  function distance(a: string, b: string): number {
    const rows = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
    for (let i = 1; i <= a.length; i += 1) {
      for (let j = 1; j <= b.length; j += 1) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          best = Math.min(best, at(i - 2, j - 2) + 1);
        }
        (rows[i] as number[])[j] = best;
      }
    }
    return at(a.length, b.length);
  }
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 7 });

  it('withinOneEdit agrees with the Damerau–Levenshtein (OSA) distance', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(distance(a, b) <= 1);
      }),
      { numRuns: 2_000 },
    );
  });

  it('startsWithinOneEdit agrees with "some beginning is one edit away, and no plain prefix"', () => {
    fc.assert(
      fc.property(word, word, (query, text) => {
        const beginnings = Array.from({ length: text.length + 1 }, (_, end) => text.slice(0, end));
        const expected = !text.startsWith(query) && beginnings.some((part) => distance(query, part) <= 1);
        expect(startsWithinOneEdit(query, text)).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('product search: properties', () => {
  const words = ['Hand', 'Cream', 'Crème', 'Soap', 'Lavender', 'Candle', 'Shea', 'Body', 'Lotion', 'Rosé'];
  const generatedCatalog = fc
    .uniqueArray(
      fc.record({
        sku: fc
          .tuple(fc.constantFrom('NW', 'AB', 'X'), fc.integer({ min: 1, max: 99_999 }))
          .map(([prefix, n]) => `${prefix}-${n}`),
        name: fc
          .array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 })
          .map((parts) => parts.join(' ')),
      }),
      { selector: (entry) => entry.sku.replace('-', '').toLowerCase(), minLength: 1, maxLength: 40 },
    )
    .map((entries) => entries.map((entry) => product(entry.sku, entry.name)));

  it('finds every product first by its exact SKU', () => {
    fc.assert(
      fc.property(generatedCatalog, (products) => {
        const index = createProductIndex(products);
        for (const wanted of products) expect(index.search(wanted.sku)[0]?.sku).toBe(wanted.sku);
      }),
    );
  });

  it('finds every product by any beginning of any word of its name', () => {
    fc.assert(
      fc.property(generatedCatalog, fc.nat(), fc.nat(), (products, pick, cut) => {
        const index = createProductIndex(products);
        const wanted = products[pick % products.length] as Product;
        const nameWords = wanted.name.split(' ');
        const chosen = nameWords[pick % nameWords.length] as string;
        const prefix = chosen.slice(0, 1 + (cut % chosen.length));
        expect(index.search(prefix, products.length).map((found) => found.sku)).toContain(wanted.sku);
      }),
    );
  });

  it('never throws and never returns more than asked, whatever is typed', () => {
    const index = createProductIndex(catalog);
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.integer({ min: 0, max: 30 }),
        (query, limit) => {
          expect(index.search(query, limit).length).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });
});
