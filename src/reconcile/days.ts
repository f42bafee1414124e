import type { CalendarDate } from '../domain/dates';
import { daysBetween } from '../domain/calendar';

const EPOCH = '1970-01-01';

/**
 * Day numbers of calendar dates (days since 1970-01-01), each date read once: an export writes
 * the same few hundred dates on every row, and windows are compared as numbers.
 */
export function createDayNumbers(): (date: CalendarDate) => number {
  const days = new Map<string, number>();
  return (date) => {
    let day = days.get(date);
    if (day === undefined) {
      day = daysBetween(EPOCH, date);
      days.set(date, day);
    }
    return day;
  };
}
