import type { ReconcileOptions } from '../domain/reconcile';
import type { ProductMatch } from './match-product';
import { PRODUCT_NAME_THRESHOLD } from './product-name';

/**
 * What a candidate pair (a recorded line and a back-office line of the same contact, within the
 * date window, of the same product) agrees and disagrees on, and the score the assignment
 * maximises. Scores are integers so that sums are exact and ties break the same way every time.
 */
export type PriceAgreement = 'equal' | 'within' | 'beyond' | 'otherCurrency';

export interface PairFacts {
  product: ProductMatch;
  /** Whole days between the two dates, whichever is later. */
  dayShift: number;
  sameQuantity: boolean;
  price: PriceAgreement;
}

/**
 * A unit price within `tolerance` (a fraction of the recorded price) is a rounding, not a
 * different price. A recorded price of 0 (a sample) agrees only with 0, and candidates.ts pairs
 * it with nothing else. Prices in two currencies cannot be compared at all.
 */
export function priceAgreement(
  recordedMinor: number,
  backOfficeMinor: number,
  sameCurrency: boolean,
  tolerance: number,
): PriceAgreement {
  if (!sameCurrency) return 'otherCurrency';
  if (recordedMinor === backOfficeMinor) return 'equal';
  // Minor units are whole, so the allowance is too; the margin keeps a fraction that binary
  // cannot hold exactly from losing a unit (0.29 × 100 is 28.999999999999996).
  const allowed = Math.floor(tolerance * Math.abs(recordedMinor) + 1e-9);
  return Math.abs(backOfficeMinor - recordedMinor) <= allowed ? 'within' : 'beyond';
}

export function pairFacts(
  product: ProductMatch,
  dayShift: number,
  recorded: { quantity: number; unitPriceMinor: number },
  backOffice: { quantity: number; unitPriceMinor: number },
  sameCurrency: boolean,
  options: ReconcileOptions,
): PairFacts {
  return {
    product,
    dayShift: Math.abs(dayShift),
    sameQuantity: recorded.quantity === backOffice.quantity,
    price: priceAgreement(
      recorded.unitPriceMinor,
      backOffice.unitPriceMinor,
      sameCurrency,
      options.priceTolerance,
    ),
  };
}

// The product weighs most, then the date, then quantity and price. A SKU is worth a little more
// than the same name without one, and a name less the less alike it is, so that a near-identical
// name on the very day beats the SKU two days off. A day's shift, the commonest drift, costs less
// than another quantity: a same-day line with another quantity beats the right quantity three
// days off, but not one day off. Every candidate scores above zero.
const SKU_SCORE = 1000;
const NAME_SCORE_AT_THRESHOLD = 600;
const NAME_SCORE_SPAN = 380;
const QUANTITY_SCORE = 150;
const PRICE_SCORES: Readonly<Record<PriceAgreement, number>> = {
  equal: 150,
  within: 100,
  beyond: 0,
  otherCurrency: 0,
};
// A pair in another currency counts a quarter: the best of them (SKU, same day, same quantity:
// 362) stays below the worst in the record's own currency (a name at the threshold on the
// window's last day: 620), and above zero, so that it can still pair.
const OTHER_CURRENCY_DIVISOR = 4;

/** 300 on the same day, 200 a day apart, then less each further day, never below 20. */
function dateScore(dayShift: number): number {
  if (dayShift === 0) return 300;
  if (dayShift === 1) return 200;
  return Math.max(20, 120 - 20 * (dayShift - 2));
}

function productScore(product: ProductMatch): number {
  if (product.by === 'sku') return SKU_SCORE;
  const above = Math.min(
    1,
    Math.max(0, (product.similarity - PRODUCT_NAME_THRESHOLD) / (1 - PRODUCT_NAME_THRESHOLD)),
  );
  return NAME_SCORE_AT_THRESHOLD + Math.round(NAME_SCORE_SPAN * above);
}

export function pairScore(facts: PairFacts): number {
  const score =
    productScore(facts.product) +
    dateScore(facts.dayShift) +
    (facts.sameQuantity ? QUANTITY_SCORE : 0) +
    PRICE_SCORES[facts.price];
  return facts.price === 'otherCurrency' ? Math.round(score / OTHER_CURRENCY_DIVISOR) : score;
}

/**
 * How many of the pair's facts agree exactly (the same quantity, the same price, the same day):
 * what decides between assignments whose scores add up to the same total (see candidates.ts).
 * Bonuses elsewhere are multiples of the quantity's score, so such ties are common, and which
 * side the assignment then took depended on its arithmetic: confirming a match could move a line
 * to its equal-scoring twin with another quantity, turning the confirmed match into a conflict.
 */
export function exactAgreements(facts: PairFacts): number {
  return (facts.sameQuantity ? 1 : 0) + (facts.price === 'equal' ? 1 : 0) + (facts.dayShift === 0 ? 1 : 0);
}
