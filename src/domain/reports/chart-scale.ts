/**
 * The y-axis of a spend chart: ticks at round amounts (1, 2, 2.5 or 5 times a power of ten), from
 * 0 to just above the highest bar, three to five of them. Amounts are minor units, so every tick
 * is a whole number of cents and prints exactly.
 */

const NICE = [1, 2, 2.5, 5];

/** Tick values in minor units, 0 first; the last one is the top of the axis. */
export function axisTicks(highest: number, minorPerMajor: number): number[] {
  if (!(highest > 0)) return [0, minorPerMajor, 2 * minorPerMajor];
  const step = niceStep(highest);
  const count = Math.max(2, Math.ceil(highest / step));
  return Array.from({ length: count + 1 }, (_, index) => index * step);
}

/** The smallest round step that covers `highest` in at most four intervals. */
function niceStep(highest: number): number {
  for (let power = 1; ; power *= 10) {
    for (const factor of NICE) {
      const step = factor * power;
      if (Number.isInteger(step) && highest / step <= 4) return step;
    }
  }
}
