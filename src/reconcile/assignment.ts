/**
 * The best overall assignment of recorded lines to back-office lines: each line of either side
 * used at most once, the total score of the chosen pairs as high as it can be. Pairs only exist
 * between lines of one contact within a date window, so the pairs fall apart into small
 * connected components, and each is solved exactly (the Hungarian algorithm) on its own.
 *
 * A component whose exact solution would take more than MAX_EXACT_WORK steps (a customer with
 * hundreds of lines of one product within a few days) is solved greedily instead: best pair
 * first, ties by line order. That is within a factor of two of the best total, and
 * deterministic; such a component takes about 10 ms exactly at the bound.
 */

/** A candidate pair: `left` and `right` are line numbers on each side, `score` > 0. */
export interface Candidate {
  left: number;
  right: number;
  score: number;
}

/** n² × m for n ≤ m lines on the two sides of a component. */
export const MAX_EXACT_WORK = 4_000_000;

/**
 * The chosen candidates (indexes into `candidates`), in increasing order. Which pairs are chosen
 * depends only on the candidates, not on their order in the list.
 */
export function bestAssignment(candidates: readonly Candidate[]): number[] {
  const chosen: number[] = [];
  for (const component of components(candidates)) {
    const picked =
      exactWork(candidates, component) <= MAX_EXACT_WORK
        ? hungarian(candidates, component)
        : greedy(candidates, component);
    chosen.push(...picked);
  }
  return chosen.sort((a, b) => a - b);
}

/** Candidate indexes grouped by connected component (union–find over both sides' lines). */
function components(candidates: readonly Candidate[]): number[][] {
  // Left line k is node 2k, right line k is node 2k + 1.
  const parent = new Map<number, number>();
  const find = (node: number): number => {
    let root = node;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
    // Path compression: later look-ups of this node go straight to the root.
    for (let at = node, up = parent.get(at); up !== undefined && up !== root; up = parent.get(at)) {
      parent.set(at, root);
      at = up;
    }
    return root;
  };
  for (const { left, right } of candidates) {
    const a = 2 * left;
    const b = 2 * right + 1;
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent.set(rootA, rootB);
  }
  const groups = new Map<number, number[]>();
  candidates.forEach((candidate, index) => {
    const root = find(2 * candidate.left);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  });
  return [...groups.values()];
}

function sides(candidates: readonly Candidate[], component: readonly number[]): [number[], number[]] {
  const lefts = new Set<number>();
  const rights = new Set<number>();
  for (const index of component) {
    const candidate = candidates[index] as Candidate;
    lefts.add(candidate.left);
    rights.add(candidate.right);
  }
  return [[...lefts].sort((a, b) => a - b), [...rights].sort((a, b) => a - b)];
}

function exactWork(candidates: readonly Candidate[], component: readonly number[]): number {
  if (component.length === 1) return 1;
  const [lefts, rights] = sides(candidates, component);
  const n = Math.min(lefts.length, rights.length);
  const m = Math.max(lefts.length, rights.length);
  return n * n * m;
}

/**
 * Maximum-weight matching of one component by the Hungarian algorithm (the O(n²m) form with
 * potentials), on the matrix of its lines in sorted order: a missing pair weighs 0, which the
 * algorithm may "assign" and which is then dropped. Sorting makes ties fall the same way
 * whatever order the candidates came in.
 */
function hungarian(candidates: readonly Candidate[], component: readonly number[]): number[] {
  if (component.length === 1) return [component[0] as number];
  const [lefts, rights] = sides(candidates, component);
  const transpose = lefts.length > rights.length;
  const rows = transpose ? rights : lefts;
  const columns = transpose ? lefts : rights;
  const rowAt = new Map(rows.map((line, index) => [line, index + 1]));
  const columnAt = new Map(columns.map((line, index) => [line, index + 1]));
  const n = rows.length;
  const m = columns.length;
  // cost[i][j] = −score, 1-based; 0 where there is no candidate.
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const pairAt = Array.from({ length: n + 1 }, () => new Int32Array(m + 1).fill(-1));
  for (const index of component) {
    const candidate = candidates[index] as Candidate;
    const i = rowAt.get(transpose ? candidate.right : candidate.left) as number;
    const j = columnAt.get(transpose ? candidate.left : candidate.right) as number;
    (cost[i] as Float64Array)[j] = -candidate.score;
    (pairAt[i] as Int32Array)[j] = index;
  }

  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOf = new Int32Array(m + 1); // rowOf[j]: the row assigned to column j (0: none)
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i;
    let j0 = 0;
    const minTo = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = rowOf[j0] as number;
      const costRow = cost[i0] as Float64Array;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = (costRow[j] as number) - (u[i0] as number) - (v[j] as number);
        if (reduced < (minTo[j] as number)) {
          minTo[j] = reduced;
          way[j] = j0;
        }
        if ((minTo[j] as number) < delta) {
          delta = minTo[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[rowOf[j] as number] = (u[rowOf[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else {
          minTo[j] = (minTo[j] as number) - delta;
        }
      }
      j0 = j1;
    } while (rowOf[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      rowOf[j0] = rowOf[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }

  const chosen: number[] = [];
  for (let j = 1; j <= m; j++) {
    const i = rowOf[j] as number;
    if (i === 0) continue;
    const index = (pairAt[i] as Int32Array)[j] as number;
    if (index >= 0) chosen.push(index);
  }
  return chosen;
}

/** Best pair first (ties: lower left line, then lower right line), skipping lines already used. */
function greedy(candidates: readonly Candidate[], component: readonly number[]): number[] {
  const order = [...component].sort((a, b) => {
    const x = candidates[a] as Candidate;
    const y = candidates[b] as Candidate;
    return y.score - x.score || x.left - y.left || x.right - y.right;
  });
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const chosen: number[] = [];
  for (const index of order) {
    const { left, right } = candidates[index] as Candidate;
    if (usedLeft.has(left) || usedRight.has(right)) continue;
    usedLeft.add(left);
    usedRight.add(right);
    chosen.push(index);
  }
  return chosen;
}
