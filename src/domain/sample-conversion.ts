import { addDays } from './calendar';
import type { CalendarDate } from './dates';
import type { PurchaseRecord } from './purchase';

/**
 * How often a sample leads to a purchase of the same product by the same contact.
 *
 * Rules:
 * - Deleted records never count.
 * - One sample is one (contact, product, sample date): several sample records or lines of a
 *   product for a contact on the same date are one sample. Likewise one purchase is one
 *   (contact, product, purchase date).
 * - A sample converts when that contact bought that product on the sample date or up to
 *   `windowDays` days after it (both ends included).
 * - One purchase converts at most one sample: three samples followed by a single order are one
 *   conversion out of three, so handing out more samples cannot inflate the rate. Samples are
 *   paired with purchases oldest first, each with the earliest purchase not yet paired that falls
 *   in its window; with windows all of the same length this pairs as many as any pairing could.
 * - With `today`, unconverted samples whose window has not closed yet are counted as `pending`
 *   (they may still convert); they stay in the rate's denominator.
 */

export interface ConversionCounts {
  /** Samples given: distinct (contact, product, date). */
  samples: number;
  /** Samples followed by a purchase within the window. */
  converted: number;
  /** Unconverted samples whose window is still open on `today` (0 without `today`). */
  pending: number;
}

export interface ProductConversion extends ConversionCounts {
  productId: string;
  /** The product's name and SKU on its latest sample. */
  productName: string;
  sku: string;
  /** converted / samples, from 0 to 1. */
  rate: number;
}

export interface SampleConversionReport {
  /** Products that were sampled: most samples first, then by name. */
  products: ProductConversion[];
  overall: ConversionCounts & {
    /** converted / samples over all products; null when no sample was given. */
    rate: number | null;
  };
}

export function sampleConversion(
  records: readonly PurchaseRecord[],
  windowDays: number,
  today?: CalendarDate,
): SampleConversionReport {
  // contact + product → the dates it was sampled and the dates it was bought
  const pairs = new Map<string, { productId: string; samples: Set<string>; purchases: Set<string> }>();
  const names = new Map<string, { productName: string; sku: string; sampledOn: string }>();
  for (const record of records) {
    if (record.deletedAt !== undefined) continue;
    for (const line of record.lines) {
      const key = `${record.contactId} ${line.productId}`;
      let pair = pairs.get(key);
      if (!pair) {
        pair = { productId: line.productId, samples: new Set(), purchases: new Set() };
        pairs.set(key, pair);
      }
      if (record.kind === 'purchase') {
        pair.purchases.add(record.purchaseDate);
        continue;
      }
      pair.samples.add(record.purchaseDate);
      const known = names.get(line.productId);
      if (!known || record.purchaseDate >= known.sampledOn) {
        names.set(line.productId, { productName: line.name, sku: line.sku, sampledOn: record.purchaseDate });
      }
    }
  }

  const byProduct = new Map<string, ConversionCounts>();
  for (const { productId, samples, purchases } of pairs.values()) {
    if (samples.size === 0) continue;
    const counts = byProduct.get(productId) ?? { samples: 0, converted: 0, pending: 0 };
    const paired = pairSamples([...samples].sort(), [...purchases].sort(), windowDays);
    counts.samples += samples.size;
    counts.converted += paired.converted.length;
    if (today !== undefined) {
      counts.pending += paired.unconverted.filter((date) => addDays(date, windowDays) >= today).length;
    }
    byProduct.set(productId, counts);
  }

  const products = [...byProduct].map(([productId, counts]): ProductConversion => {
    const name = names.get(productId) as { productName: string; sku: string };
    return {
      productId,
      productName: name.productName,
      sku: name.sku,
      ...counts,
      rate: counts.converted / counts.samples,
    };
  });
  products.sort(
    (a, b) =>
      b.samples - a.samples ||
      a.productName.localeCompare(b.productName) ||
      a.productId.localeCompare(b.productId),
  );
  const total = (count: keyof ConversionCounts) => products.reduce((sum, product) => sum + product[count], 0);
  const overall = { samples: total('samples'), converted: total('converted'), pending: total('pending') };
  return {
    products,
    overall: { ...overall, rate: overall.samples === 0 ? null : overall.converted / overall.samples },
  };
}

/**
 * Pairs each sample date (oldest first) with the earliest unpaired purchase date within
 * [sample, sample + windowDays]. Both lists are sorted.
 */
function pairSamples(
  sampleDates: readonly CalendarDate[],
  purchaseDates: readonly CalendarDate[],
  windowDays: number,
): { converted: CalendarDate[]; unconverted: CalendarDate[] } {
  const converted: CalendarDate[] = [];
  const unconverted: CalendarDate[] = [];
  let next = 0; // the first purchase not yet paired nor passed over
  for (const sample of sampleDates) {
    while (next < purchaseDates.length && (purchaseDates[next] as CalendarDate) < sample) next++;
    const purchase = purchaseDates[next];
    if (purchase !== undefined && purchase <= addDays(sample, windowDays)) {
      converted.push(sample);
      next++;
    } else {
      unconverted.push(sample);
    }
  }
  return { converted, unconverted };
}
