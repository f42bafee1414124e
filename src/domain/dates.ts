import { z } from 'zod';

/** A calendar date the user chose (a purchase date): YYYY-MM-DD, no time, no zone. */
export const CalendarDate = z.iso.date();
export type CalendarDate = z.infer<typeof CalendarDate>;

/** An instant: an ISO timestamp in UTC. */
export const Instant = z.iso.datetime();
export type Instant = z.infer<typeof Instant>;

/** Today's calendar date where the user is (not in UTC: a sale at 23:30 is still today). */
export function todayLocal(now: Date = new Date()): CalendarDate {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

let lastInstant = 0;

/**
 * The current instant, strictly later than the previous one from this page: two records made in
 * the same millisecond must still sort newest first.
 */
export function nowInstant(now: Date = new Date()): Instant {
  lastInstant = Math.max(now.getTime(), lastInstant + 1);
  return new Date(lastInstant).toISOString();
}
