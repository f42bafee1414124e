// Numbers, dates and instants formatted for the user's language (the browser's UI language).
// Money has its own formatter in money.ts, which defaults to the same language.
import { uiLanguage } from './i18n';

/** A count or quantity: "1,234" in English, "1 234" in French. */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(value);
}

/** A calendar date ("YYYY-MM-DD") as people read it: "Mar 5, 2026", "5 mars 2026". */
export function formatCalendarDate(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  // A calendar date has no time zone: format it at noon UTC, read in UTC, so no zone shifts it.
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day, 12)),
  );
}

/** An instant (ISO timestamp) in the user's time zone, with the time: "Mar 5, 2026, 2:30 PM". */
export function formatInstant(instant: string): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(instant),
  );
}

/** The day of an instant in the user's time zone: "Mar 5, 2026". */
export function formatInstantDate(instant: string): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' }).format(new Date(instant));
}
