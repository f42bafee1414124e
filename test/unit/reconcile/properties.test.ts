import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar';
import { DEFAULT_RECONCILE_OPTIONS, type ReconcileDecision } from '../../../src/domain/reconcile';
import { reconcileExport } from '../../../src/reconcile/reconcile-export';
import type { ReconcileInput } from '../../../src/reconcile/types';
import { generateScenario } from '../../support/reconcile-scenario';

/** Fisher–Yates with a seeded generator: the same seed, the same shuffle. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const copy = [...list];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/**
 * A small, crowded scenario: few products, few days and few customers, so that many lines
 * compete for the same back-office lines; with some of the user's verdicts on top.
 */
function crowdedInput(seed: number, size: number, windowDays: number): ReconcileInput {
  const scenario = generateScenario({
    seed,
    contacts: 3 + (size % 5),
    recordedOrders: size,
    exportRows: size * 4,
    knownCustomerShare: 0.8,
    products: 6,
    days: 8,
    noise: {
      dateShift: 0.4,
      nameOnlyProduct: 0.4,
      customerByName: 0.3,
      splitOrder: 0.2,
      quantityChanged: 0.2,
    },
  });
  const decisions: ReconcileDecision[] = [];
  scenario.recorded.forEach((record, index) => {
    const order = scenario.exportOrders[(index * 7 + seed) % scenario.exportOrders.length];
    if (!order || index % 4 !== 0) return;
    const verdict = index % 8 === 0 ? 'rejected' : 'confirmed';
    decisions.push({
      id: `${record.purchaseId}|${order.orderId}`,
      purchaseId: record.purchaseId,
      backOfficeOrderIds: [order.orderId],
      verdict,
      decidedAt: '2026-02-01T00:00:00.000Z',
    });
  });
  return {
    contacts: scenario.contacts,
    recorded: scenario.recorded,
    exportOrders: scenario.exportOrders,
    decisions,
    options: { ...DEFAULT_RECONCILE_OPTIONS, dateWindowDays: windowDays },
    defaultCountry: 'US',
  };
}

const scenarios = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  size: fc.integer({ min: 1, max: 40 }),
  windowDays: fc.integer({ min: 0, max: 4 }),
});

describe('reconcileExport properties', () => {
  it('gives the same result whatever the order of contacts, records, orders, lines and decisions', () => {
    fc.assert(
      fc.property(scenarios, fc.integer(), ({ seed, size, windowDays }, shuffleSeed) => {
        const input = crowdedInput(seed, size, windowDays);
        const permuted: ReconcileInput = {
          ...input,
          contacts: shuffled(input.contacts, shuffleSeed),
          recorded: shuffled(input.recorded, shuffleSeed + 1),
          exportOrders: shuffled(input.exportOrders, shuffleSeed + 2).map((order, index) => ({
            ...order,
            lines: shuffled(order.lines, shuffleSeed + 3 + index),
          })),
          decisions: shuffled(input.decisions, shuffleSeed + 4),
        };
        expect(reconcileExport(permuted)).toEqual(reconcileExport(input));
      }),
      { numRuns: 150 },
    );
  });

  it('matches each recorded line and each back-office line at most once', () => {
    fc.assert(
      fc.property(scenarios, ({ seed, size, windowDays }) => {
        const result = reconcileExport(crowdedInput(seed, size, windowDays));
        const used = new Set<string>();
        for (const entry of result.recorded) {
          expect(entry.lines.map((line) => line.lineIndex)).toEqual(entry.lines.map((_, index) => index));
          for (const line of entry.lines) {
            if (line.backOfficeOrderId === undefined) continue;
            const key = `${line.backOfficeOrderId}#${line.backOfficeLine}`;
            expect(used.has(key)).toBe(false);
            used.add(key);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('judges every recorded order the export covers exactly once, and none far outside it', () => {
    fc.assert(
      fc.property(scenarios, fc.integer({ min: -12, max: 12 }), ({ seed, size, windowDays }, offset) => {
        const input = crowdedInput(seed, size, windowDays);
        // Move some records around the covered dates, some beyond them.
        const recorded = input.recorded.map((record, index) =>
          index % 3 === 0 ? { ...record, date: addDays(record.date, offset) } : record,
        );
        const result = reconcileExport({ ...input, recorded });
        const { covered } = result;
        expect(covered).not.toBeNull();
        if (!covered) return;
        for (const record of recorded) {
          const entries = result.recorded.filter((entry) => entry.purchaseId === record.purchaseId);
          expect(entries.length).toBeLessThanOrEqual(1);
          if (record.date >= covered.from && record.date <= covered.to) expect(entries).toHaveLength(1);
          if (
            record.date < addDays(covered.from, -windowDays) ||
            record.date > addDays(covered.to, windowDays)
          )
            expect(entries).toHaveLength(0);
          else if (entries[0] && (record.date < covered.from || record.date > covered.to))
            expect(entries[0].outcome).not.toBe('missing');
        }
        const ids = result.recorded.map((entry) => entry.purchaseId);
        expect(ids).toEqual([...ids].sort());
      }),
      { numRuns: 150 },
    );
  });

  it('turns exactly the confirmed probable matches synced, and never pairs a rejected one again', () => {
    fc.assert(
      fc.property(scenarios, ({ seed, size, windowDays }) => {
        const input = { ...crowdedInput(seed, size, windowDays), decisions: [] };
        const before = reconcileExport(input);
        const probable = before.recorded.filter((entry) => entry.outcome === 'probable');
        const verdicts = (verdict: 'confirmed' | 'rejected'): ReconcileDecision[] =>
          probable.map((entry) => ({
            id: `${entry.purchaseId}|${entry.backOfficeOrderIds.join(',')}`,
            purchaseId: entry.purchaseId,
            backOfficeOrderIds: entry.backOfficeOrderIds,
            verdict,
            decidedAt: '2026-02-01T00:00:00.000Z',
          }));

        const confirmed = reconcileExport({ ...input, decisions: verdicts('confirmed') });
        const wasProbable = new Set(probable.map((entry) => entry.purchaseId));
        for (const entry of confirmed.recorded) {
          if (wasProbable.has(entry.purchaseId)) {
            expect(entry).toMatchObject({ outcome: 'synced', confirmed: true });
          } else {
            expect(entry).not.toHaveProperty('confirmed');
          }
        }

        const rejected = reconcileExport({ ...input, decisions: verdicts('rejected') });
        for (const entry of probable) {
          const again = rejected.recorded.find((other) => other.purchaseId === entry.purchaseId);
          for (const orderId of again?.backOfficeOrderIds ?? []) {
            expect(entry.backOfficeOrderIds).not.toContain(orderId);
          }
        }
      }),
      {
        numRuns: 100,
        // Found by this property: equal-scoring assignments that confirming tipped to a line of
        // another quantity (a conflict), or to fewer of the confirmed orders.
        examples: [
          [{ seed: 649821299, size: 38, windowDays: 1 }],
          [{ seed: 1474, size: 35, windowDays: 4 }],
          [{ seed: 2147483635, size: 40, windowDays: 3 }],
        ],
      },
    );
  });

  it('leaves every export order either matched by some line or back office only, never both', () => {
    fc.assert(
      fc.property(scenarios, ({ seed, size, windowDays }) => {
        const input = crowdedInput(seed, size, windowDays);
        const result = reconcileExport(input);
        const matched = new Set(
          result.recorded.flatMap((entry) => entry.lines.flatMap((line) => line.backOfficeOrderId ?? [])),
        );
        const only = result.backOfficeOnly.map((entry) => entry.order.orderId);
        expect(only).toEqual([...only].sort());
        for (const order of input.exportOrders) {
          expect(matched.has(order.orderId) !== only.includes(order.orderId)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
