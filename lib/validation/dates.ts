/** "2026-02-30" is well formed but no day; Date.parse would quietly roll it over to 2 March. */
export function isRealIsoDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/**
 * Dates people choose (due dates, when a quiz opens and closes) stay within these years: a typo
 * like 20266 or a crafted -271821 is refused with a clear message instead of being stored and
 * shown as nonsense (or breaking date arithmetic and the database's date range).
 */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;
export const DATE_RANGE_MESSAGE = `Choose a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}.`;

export function isWithinSensibleYears(d: Date): boolean {
  const year = d.getUTCFullYear();
  return !Number.isNaN(year) && year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}
