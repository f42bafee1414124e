/**
 * A tiny seeded PRNG so the demo data is identical on every run and every machine.
 * Math.random cannot be seeded, and tests, screenshots and benchmarks all need the same customers.
 */

export interface Random {
  /** Float in [0, 1). */
  next(): number;
  /** Integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: 32-bit state, good enough spread for fake data, and trivially portable. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick() from an empty list');
      return item;
    },
  };
}

/**
 * A stream of its own for one part of the demo data, derived from the seed: adding draws to one back
 * office's data never shifts another's (nor the customers the tests name by id).
 */
export function streamFor(seed: number, part: string): Random {
  let hash = 0x811c9dc5;
  for (const char of part) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return createRandom((seed ^ hash) >>> 0);
}
