import { describe, expect, it } from 'vitest';
import { nowInstant, todayLocal } from '../../../src/domain/dates';

describe('dates', () => {
  it('gives strictly increasing instants, even within one millisecond', () => {
    const frozen = new Date('2026-11-22T10:00:00.000Z');
    const instants = [nowInstant(frozen), nowInstant(frozen), nowInstant(frozen)];
    expect(new Set(instants).size).toBe(3);
    expect([...instants].sort()).toEqual(instants);
  });

  it('takes today as the local calendar date', () => {
    expect(todayLocal(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
