import type { ReconcileOptions } from '../domain/reconcile';
import type { ProductMatch } from './match-product';

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
 * different price. A recorded price of 0 (a sample) agrees only with 0. Prices in two
 * currencies cannot be compared at all.
 */
export function priceAgreement(
  recordedMinor: number,
  backOfficeMinor: number,
  sameCurrency: boolean,
  tolerance: number,
): PriceAgreement {
  if (!sameCurrency) return 'otherCurrency';
  if (recordedMinor === backOfficeMinor) return 'equal';
  return Math.abs(backOfficeMinor - recordedMinor) <= tolerance * Math.abs(recordedMinor)
    ? 'within'
    : 'beyond';
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

// The product weighs most (a SKU more than a name), then the date, then quantity and price: a
// same-day line of the right product with a wrong quantity beats the right quantity three days
// off, but never a line of another product. Every candidate scores above zero.
const SKU_SCORE = 1000;
const NAME_BASE_SCORE = 500;
const NAME_SIMILARITY_SCORE = 300;
const QUANTITY_SCORE = 200;
const PRICE_SCORES: Readonly<Record<PriceAgreement, number>> = {
  equal: 200,
  within: 100,
  beyond: 0,
  // Below any pair in the record's own currency, whatever else agrees: the best such pair
  // (SKU, same day, same quantity) then scores 780, the worst in the same currency (a name at
  // the threshold, the window's last day, nothing else) 790. Still above zero: it can pair.
  otherCurrency: -720,
};

/** 300 on the same day, 200 a day apart, then less each further day, never below 20. */
function dateScore(dayShift: number): number {
  if (dayShift === 0) return 300;
  if (dayShift === 1) return 200;
  return Math.max(20, 120 - 20 * (dayShift - 2));
}

export function pairScore(facts: PairFacts): number {
  const product =
    facts.product.by === 'sku'
      ? SKU_SCORE
      : NAME_BASE_SCORE + Math.round(NAME_SIMILARITY_SCORE * facts.product.similarity);
  return (
    product +
    dateScore(facts.dayShift) +
    (facts.sameQuantity ? QUANTITY_SCORE : 0) +
    PRICE_SCORES[facts.price]
  );
}
