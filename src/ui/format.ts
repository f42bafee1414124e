import type { CalendarDate } from '../domain/dates';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date for people ("Nov 20, 2026"). Read as midnight UTC and written in UTC, so the
 * day never shifts whatever the machine's time zone.
 */
export function formatCalendarDate(date: CalendarDate, locale?: string): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const key = locale ?? '';
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(new Date(Date.UTC(year, month - 1, day)));
}
