import type { CalendarDate } from './dates';
import { uiLanguage } from './i18n';

/**
 * Arithmetic on calendar dates (YYYY-MM-DD). Every step runs in UTC, where a day is always
 * 24 hours: local time would make a daylight-saving day 23 or 25 hours long and shift a date
 * by one when it is rounded back.
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for `date`. */
function dayNumber(date: CalendarDate): number {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  // Date.UTC reads years 0–99 as 1900–1999; these dates are unlikely, but they are valid.
  const utc = new Date(Date.UTC(2000, 0, 1));
  utc.setUTCFullYear(year, month - 1, day);
  const days = utc.getTime() / MS_PER_DAY;
  if (!Number.isInteger(days)) throw new RangeError(`Not a calendar date: ${date}`);
  return days;
}

function fromDayNumber(days: number): CalendarDate {
  const utc = new Date(days * MS_PER_DAY);
  const year = String(utc.getUTCFullYear()).padStart(4, '0');
  const month = String(utc.getUTCMonth() + 1).padStart(2, '0');
  const day = String(utc.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same date. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `days` after `date` (before it when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(dayNumber(date) + days);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date for people ("Nov 20, 2026", or "November 20, 2026" in the long style). Read as
 * midnight UTC and written in UTC, so the day never shifts whatever the machine's time zone.
 */
export function formatCalendarDate(
  date: CalendarDate,
  locale: string = uiLanguage(),
  style: 'medium' | 'long' = 'medium',
): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const key = `${locale ?? ''}|${style}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' });
    dayFormats.set(key, format);
  }
  return format.format(new Date(Date.UTC(year, month - 1, day)));
}
