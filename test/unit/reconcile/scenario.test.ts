import { describe, expect, it } from 'vitest';
import { DEFAULT_RECONCILE_OPTIONS } from '../../../src/domain/reconcile';
import { reconcileExport } from '../../../src/reconcile/reconcile-export';
import type { ReconcileInput } from '../../../src/reconcile/types';
import {
  generateScenario,
  lineMatchQuality,
  truthKey,
  type Scenario,
} from '../../support/reconcile-scenario';

function inputOf(scenario: Scenario): ReconcileInput {
  return {
    contacts: scenario.contacts,
    recorded: scenario.recorded,
    exportOrders: scenario.exportOrders,
    decisions: [],
    options: DEFAULT_RECONCILE_OPTIONS,
    defaultCountry: 'US',
  };
}

describe('a generated scenario with ground truth', () => {
  it('is the same for the same seed, and its truth points at export lines of the same product', () => {
    const options = { seed: 5, contacts: 50, recordedOrders: 200, exportRows: 2_000 };
    const scenario = generateScenario(options);
    expect(generateScenario(options)).toEqual(scenario);
    expect(scenario.exportRows).toBe(2_000);
    expect(scenario.exportOrders.reduce((sum, order) => sum + order.lines.length, 0)).toBe(2_000);
    const lines = new Map(
      scenario.exportOrders.flatMap((order) =>
        order.lines.map((line) => [`${order.orderId}#${line.line}`, line]),
      ),
    );
    let real = 0;
    for (const record of scenario.recorded) {
      record.lines.forEach((recordedLine, lineIndex) => {
        const truth = scenario.truth.get(truthKey(record.purchaseId, lineIndex));
        expect(truth).toBeDefined();
        if (!truth) return;
        real++;
        const line = lines.get(`${truth.orderId}#${truth.line}`);
        expect(line).toBeDefined();
        // By SKU, or by a name the back office wrote its own way.
        expect(line?.sku ?? recordedLine.sku).toBe(recordedLine.sku);
      });
    }
    expect(real).toBeGreaterThan(0);
  });

  it.each([1, 2, 3, 4])('matches lines with precision and recall of at least 0.99 (seed %i)', (seed) => {
    const scenario = generateScenario({ seed, contacts: 400, recordedOrders: 1500, exportRows: 15_000 });
    const result = reconcileExport(inputOf(scenario));
    const quality = lineMatchQuality(result, scenario.truth);
    const counts: Record<string, number> = {};
    for (const entry of result.recorded) counts[entry.outcome] = (counts[entry.outcome] ?? 0) + 1;
    console.log(
      `seed ${seed}: precision ${quality.precision.toFixed(4)}, recall ${quality.recall.toFixed(4)} ` +
        `(${quality.correct} of ${quality.matched} matched lines right, ${quality.expected} expected); ` +
        `outcomes ${JSON.stringify(counts)}, back office only ${result.backOfficeOnly.length}`,
    );
    expect(quality.precision).toBeGreaterThanOrEqual(0.99);
    expect(quality.recall).toBeGreaterThanOrEqual(0.99);
    // Every recorded order is judged: the export spans the same days.
    expect(result.recorded).toHaveLength(scenario.recorded.length);
  });

  it('stays accurate without noise-free luck: every kind of noise at once, doubled', () => {
    const scenario = generateScenario({
      seed: 99,
      contacts: 300,
      recordedOrders: 1000,
      exportRows: 10_000,
      noise: {
        dateShift: 0.3,
        nameOnlyProduct: 0.4,
        customerByName: 0.16,
        splitOrder: 0.1,
        priceRounded: 0.2,
      },
    });
    const quality = lineMatchQuality(reconcileExport(inputOf(scenario)), scenario.truth);
    console.log(
      `heavy noise: precision ${quality.precision.toFixed(4)}, recall ${quality.recall.toFixed(4)}`,
    );
    expect(quality.precision).toBeGreaterThanOrEqual(0.99);
    expect(quality.recall).toBeGreaterThanOrEqual(0.98);
  });

  it('reconciles 100,000 export rows against 10,000 recorded lines (timing printed, not asserted)', () => {
    const generatedAt = performance.now();
    const scenario = generateScenario({ seed: 7, contacts: 2000, recordedOrders: 3334, exportRows: 100_000 });
    const recordedLines = scenario.recorded.reduce((sum, record) => sum + record.lines.length, 0);
    const input = inputOf(scenario);
    // Wall time, and this process's CPU time: with other work on the machine, the wall time
    // says more about the machine than about the engine.
    const timed = () => {
      const cpu = process.cpuUsage();
      const wall = performance.now();
      const result = reconcileExport(input);
      const used = process.cpuUsage(cpu);
      return { result, wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
    };
    const startedAt = performance.now();
    const first = timed();
    // A second run: the first pays for warming up the JIT and libphonenumber.
    const second = timed();
    const { result } = first;
    const quality = lineMatchQuality(result, scenario.truth);
    console.log(
      `${scenario.exportRows} export rows (${scenario.exportOrders.length} orders) against ${recordedLines} recorded lines: ` +
        `generated in ${(startedAt - generatedAt).toFixed(0)} ms, matched in ${first.wall.toFixed(0)} ms ` +
        `(CPU ${first.cpu.toFixed(0)} ms), warm ${second.wall.toFixed(0)} ms (CPU ${second.cpu.toFixed(0)} ms); ` +
        `precision ${quality.precision.toFixed(4)}, recall ${quality.recall.toFixed(4)}`,
    );
    expect(scenario.exportRows).toBe(100_000);
    expect(recordedLines).toBeGreaterThanOrEqual(9_500);
    expect(quality.precision).toBeGreaterThanOrEqual(0.99);
  });
});
