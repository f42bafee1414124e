/** Day 0 → "2026-01-01": every demo date is a calendar date within 2026. */
export function dateIn2026(dayOfYear: number): string {
  return new Date(Date.UTC(2026, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}
