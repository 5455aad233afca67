/**
 * How numbers read in the app, in one place (client and server): points with at most two
 * decimals, and counted nouns. Pure; no locale data.
 */

/** Points as stored grades are shown: at most two decimals, no trailing zeros ("2.5", "0.67", "3"). */
export function formatPoints(n: number): string {
  return String(roundPoints(n));
}

export function roundPoints(n: number): number {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? 0 : r; // never "-0"
}

/**
 * "1 minute", "3 minutes"; `format` writes the number (formatPoints for points). The noun agrees
 * with the number as shown: 1.004 points reads "1 point", not "1 points".
 */
export function plural(n: number, one: string, many: string, format: (n: number) => string = String): string {
  const shown = format(n);
  return `${shown} ${shown === "1" ? one : many}`;
}

/** "1 point", "2.5 points". */
export function pluralPoints(n: number): string {
  return plural(n, "point", "points", formatPoints);
}
