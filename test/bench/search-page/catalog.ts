import { productSearchText, type Product } from '../../../src/domain/product';

/**
 * A deterministic catalog for the search benchmark: the same seed gives the same products on
 * every machine. Names of 2–6 words in the shape of a real beauty-and-home catalog (brand,
 * line, scent or ingredient, product type, size), some of them accented; about 1,500 invented
 * brand names so that the vocabulary is as varied as a real one; SKUs NW-10000 upwards and EAN-13
 * barcodes.
 */

const LINES = [
  'Classic',
  'Organic',
  'Daily',
  'Intense',
  'Gentle',
  'Sensitive',
  'Natural',
  'Pure',
  'Deluxe',
  'Travel',
  'Hydrating',
  'Soothing',
  'Revitalising',
  'Nourishing',
  'Fresh',
  'Velvet',
  'Silk',
  'Radiant',
  'Botanical',
  'Essential',
  'Ultra',
  'Men’s',
  'Kids',
  'Éclat',
  'Première',
  'Légère',
];
const SCENTS = [
  'Lavender',
  'Vanilla',
  'Rose',
  'Coconut',
  'Almond',
  'Shea',
  'Aloe',
  'Eucalyptus',
  'Mint',
  'Peppermint',
  'Lemon',
  'Orange',
  'Grapefruit',
  'Jasmine',
  'Sandalwood',
  'Cedar',
  'Bergamot',
  'Chamomile',
  'Honey',
  'Oat',
  'Argan',
  'Cocoa',
  'Cherry',
  'Blossom',
  'Tea Tree',
  'Green Tea',
  'Crème Brûlée',
  'Café',
  'Açaí',
  'Rosé',
  'Fleur d’Oranger',
  'Pêche',
  'Mûre',
  'Jalapeño',
  'Verveine',
];
const TYPES = [
  'Hand Cream',
  'Body Lotion',
  'Face Cream',
  'Night Cream',
  'Day Cream',
  'Eye Cream',
  'Moisturizer',
  'Cleanser',
  'Toner',
  'Serum',
  'Face Mask',
  'Shampoo',
  'Conditioner',
  'Hair Mask',
  'Shower Gel',
  'Bath Foam',
  'Bath Salts',
  'Soap',
  'Liquid Soap',
  'Hand Wash',
  'Body Scrub',
  'Lip Balm',
  'Deodorant',
  'Sunscreen',
  'After Sun',
  'Candle',
  'Diffuser',
  'Room Spray',
  'Perfume',
  'Eau de Toilette',
  'Body Oil',
  'Massage Oil',
  'Foot Cream',
  'Nail Polish',
  'Shaving Foam',
  'Aftershave',
  'Gift Set',
  'Refill',
  'Sponge',
  'Brush',
];
const SIZES = [
  '50 ml',
  '100 ml',
  '150ml',
  '200ml',
  '250 ml',
  '500ml',
  '1 L',
  '30g',
  '75 g',
  'Pack of 3',
  'x2',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ven',
  'to',
  'sa',
  'li',
  'no',
  've',
  'da',
  'qu',
  'zen',
  'or',
  'el',
  'ia',
  'mar',
  'bel',
  'fi',
  'ro',
  'tu',
  'sk',
  'ny',
  'pa',
  'le',
  'on',
  'is',
  'ar',
  'ce',
  'ly',
];

/** A small seeded PRNG (mulberry32): deterministic, fast, good enough to pick words. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function benchCatalog(count: number, seed = 20_260_101): Product[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const brands = Array.from({ length: 1_500 }, () => {
    const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
  const stamp = '2026-01-01T00:00:00.000Z';
  return Array.from({ length: count }, (_, index): Product => {
    const words = [pick(brands)];
    if (random() < 0.4) words.push(pick(LINES));
    if (random() < 0.7) words.push(pick(SCENTS));
    words.push(pick(TYPES));
    if (random() < 0.3) words.push(pick(SIZES));
    const name = words.join(' ');
    const sku = `NW-${10_000 + index}`;
    const barcode = ean13(`400${String(1_000_000_000 + index * 7).slice(1)}`);
    return {
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      sku,
      name,
      price: { minor: 100 + Math.floor(random() * 9_900), currency: 'EUR' },
      ...(random() < 0.9 ? { barcode } : {}),
      extra: {},
      searchText: productSearchText({ sku, name }),
      createdAt: stamp,
      updatedAt: stamp,
    };
  });
}

/** Twelve digits and their EAN-13 check digit. */
function ean13(twelve: string): string {
  const sum = [...twelve].reduce((total, digit, at) => total + Number(digit) * (at % 2 === 0 ? 1 : 3), 0);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}
