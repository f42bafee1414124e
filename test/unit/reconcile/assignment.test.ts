import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestAssignment, MAX_EXACT_WORK, type Candidate } from '../../../src/reconcile/assignment';

/** The best total by trying every matching (tiny inputs only). */
function bruteForceBest(candidates: readonly Candidate[]): number {
  let best = 0;
  const walk = (from: number, usedLeft: Set<number>, usedRight: Set<number>, total: number) => {
    best = Math.max(best, total);
    for (let index = from; index < candidates.length; index++) {
      const { left, right, score } = candidates[index] as Candidate;
      if (usedLeft.has(left) || usedRight.has(right)) continue;
      usedLeft.add(left);
      usedRight.add(right);
      walk(index + 1, usedLeft, usedRight, total + score);
      usedLeft.delete(left);
      usedRight.delete(right);
    }
  };
  walk(0, new Set(), new Set(), 0);
  return best;
}

const total = (candidates: readonly Candidate[], chosen: readonly number[]) =>
  chosen.reduce((sum, index) => sum + (candidates[index] as Candidate).score, 0);

const candidateLists = fc.uniqueArray(
  fc.record({
    left: fc.integer({ min: 0, max: 5 }),
    right: fc.integer({ min: 0, max: 5 }),
    score: fc.integer({ min: 1, max: 50 }),
  }),
  { maxLength: 12, selector: (candidate) => `${candidate.left} ${candidate.right}` },
);

describe('bestAssignment', () => {
  it('prefers two good pairs to one excellent pair when together they score more', () => {
    const candidates = [
      { left: 0, right: 0, score: 100 },
      { left: 0, right: 1, score: 90 },
      { left: 1, right: 0, score: 90 },
    ];
    expect(bestAssignment(candidates)).toEqual([1, 2]);
  });

  it('finds the best total, uses each line once, whatever the order of the candidates', () => {
    fc.assert(
      fc.property(candidateLists, (candidates) => {
        const chosen = bestAssignment(candidates);
        expect(total(candidates, chosen)).toBe(bruteForceBest(candidates));
        const lefts = chosen.map((index) => (candidates[index] as Candidate).left);
        const rights = chosen.map((index) => (candidates[index] as Candidate).right);
        expect(new Set(lefts).size).toBe(lefts.length);
        expect(new Set(rights).size).toBe(rights.length);
        const reversed = [...candidates].reverse();
        const pairs = (list: readonly Candidate[], picked: number[]) =>
          picked
            .map((index) => `${(list[index] as Candidate).left} ${(list[index] as Candidate).right}`)
            .sort();
        expect(pairs(reversed, bestAssignment(reversed))).toEqual(pairs(candidates, chosen));
      }),
      { numRuns: 300 },
    );
  });

  it('solves a component too large to solve exactly greedily, best pair first', () => {
    // 200 × 200 lines, all connected: 8,000,000 steps exactly, over the bound.
    const candidates: Candidate[] = [];
    for (let left = 0; left < 200; left++)
      for (let right = 0; right < 200; right++)
        candidates.push({ left, right, score: left === right ? 1000 : 1 + ((left * 7 + right) % 13) });
    expect(200 * 200 * 200).toBeGreaterThan(MAX_EXACT_WORK);
    const chosen = bestAssignment(candidates);
    expect(chosen).toHaveLength(200);
    expect(
      chosen.every(
        (index) => (candidates[index] as Candidate).left === (candidates[index] as Candidate).right,
      ),
    ).toBe(true);
  });
});
