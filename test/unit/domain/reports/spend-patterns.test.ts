import { describe, expect, it } from 'vitest';
import { axisTicks } from '../../../../src/domain/reports/chart-scale';
import { checkPeriod, lastTwelveMonths } from '../../../../src/domain/reports/report-period';
import {
  currenciesSpent,
  formatMonth,
  monthlySpend,
  monthsOf,
} from '../../../../src/domain/reports/spend-patterns';
import { line, record } from './fixtures';

const ada = crypto.randomUUID();
const bob = crypto.randomUUID();

describe('monthly spend', () => {
  it('lists every month the period touches, across a year end, empty months at 0', () => {
    const period = { from: '2025-11-15', to: '2026-02-10' };
    const records = [
      record(ada, '2025-11-14', { lines: [line(1, 99_900)] }), // before the period, same month
      record(ada, '2025-11-15', { lines: [line(2, 1000)] }),
      record(bob, '2025-11-30', { lines: [line(1, 500)] }),
      record(ada, '2026-02-10', { lines: [line(1, 700)] }),
      record(ada, '2026-02-11', { lines: [line(1, 99_900)] }), // after it
      record(ada, '2026-01-05', { kind: 'sample', lines: [line(1, 99_900)] }),
      record(ada, '2026-01-06', { lines: [line(1, 99_900)], deletedAt: '2026-01-07T00:00:00.000Z' }),
      record(ada, '2026-01-08', { lines: [line(1, 99_900, 'EUR')] }),
    ];
    expect(monthlySpend(records, period, 'USD')).toEqual([
      { month: '2025-11', orders: 2, spend: { minor: 2500, currency: 'USD' } },
      { month: '2025-12', orders: 0, spend: { minor: 0, currency: 'USD' } },
      { month: '2026-01', orders: 0, spend: { minor: 0, currency: 'USD' } },
      { month: '2026-02', orders: 1, spend: { minor: 700, currency: 'USD' } },
    ]);
    expect(monthlySpend(records, period, 'EUR').map((month) => month.spend.minor)).toEqual([0, 0, 99_900, 0]);
    expect(currenciesSpent(records, period)).toEqual(['EUR', 'USD']);
  });

  it('covers one month when the period does', () => {
    expect(monthsOf({ from: '2026-03-01', to: '2026-03-31' })).toEqual(['2026-03']);
    expect(monthsOf({ from: '2026-12-31', to: '2027-01-01' })).toEqual(['2026-12', '2027-01']);
  });

  it('names months for people without shifting them across time zones', () => {
    expect(formatMonth('2026-01', 'en-US')).toBe('Jan 2026');
    expect(formatMonth('2026-12', 'en-GB', 'long')).toBe('December 2026');
    expect(formatMonth('2026-12', 'en-GB', 'name')).toBe('Dec');
  });
});

describe('report period', () => {
  it('defaults to twelve whole months up to today', () => {
    expect(lastTwelveMonths('2026-11-22')).toEqual({ from: '2025-12-01', to: '2026-11-22' });
    expect(lastTwelveMonths('2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(lastTwelveMonths('2026-01-01')).toEqual({ from: '2025-02-01', to: '2026-01-01' });
    expect(monthsOf(lastTwelveMonths('2026-11-22'))).toHaveLength(12);
  });

  it('says what is wrong with the fields', () => {
    expect(checkPeriod('2026-01-01', '2026-01-01').period).toEqual({ from: '2026-01-01', to: '2026-01-01' });
    expect(checkPeriod('', '2026-01-01')).toMatchObject({
      period: null,
      fromProblem: 'Choose a date for From.',
    });
    expect(checkPeriod('2026-02-30', '2026-03-01').fromProblem).toBe(
      'From: "2026-02-30" is not a date (YYYY-MM-DD).',
    );
    expect(checkPeriod('2026-02-01', '2026-01-01')).toMatchObject({
      period: null,
      toProblem: 'To must not be before From.',
    });
    expect(checkPeriod('2000-01-01', '2026-01-01').toProblem).toMatch(/at most 10 years/);
    expect(
      checkPeriod('2026-02-01', '2026-01-01', { from: 'Statement from', to: 'Statement to' }).toProblem,
    ).toBe('Statement to must not be before Statement from.');
  });
});

describe('axis ticks', () => {
  it('gives three to five round ticks from 0 to just above the highest bar', () => {
    for (const highest of [1, 7, 99, 100, 101, 349, 1234, 9999, 12_345, 99_999, 123_456_789]) {
      const ticks = axisTicks(highest, 100);
      expect(ticks[0]).toBe(0);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(5);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(highest);
      const step = ticks[1] ?? 0;
      expect(Number.isInteger(step)).toBe(true);
      expect(String(step)).toMatch(/^(1|2|25|5)0*$/);
    }
    expect(axisTicks(123_456, 100)).toEqual([0, 50_000, 100_000, 150_000]);
    expect(axisTicks(0, 100)).toEqual([0, 100, 200]);
  });
});
