/** "2026-02-30" is well formed but no day; Date.parse would quietly roll it over to 2 March. */
export function isRealIsoDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
