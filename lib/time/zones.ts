/**
 * Time zones: the one place that turns instants into words and days into instants.
 *
 * Every date the app shows goes through here with the viewer's zone (remembered on the account
 * from their browser), and names the zone ("15 Jun 2030, 23:59 Warsaw time"), so a student in
 * New York and a teacher in Warsaw each read the same instant in their own terms. A due date is
 * a whole day in the class's zone: the last second of that day there.
 *
 * Built on Intl only (no date library): Node 20 and every browser we support carry the IANA
 * database, and the few conversions needed (an offset at an instant, a wall-clock time in a zone
 * to an instant) are short and tested across DST changes in tests/unit/zones.test.ts.
 * Pure: runs on the server and in the browser.
 */

export const DEFAULT_TIME_ZONE = "UTC";

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** The zone as this runtime knows it ("Europe/Kyiv" may come back "Europe/Kiev"), or null if it knows no such zone. */
export function canonicalTimeZone(timeZone: string): string | null {
  if (typeof timeZone !== "string" || timeZone.length === 0 || timeZone.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

let supported: Set<string> | null = null;
/** The IANA zones this runtime lists (Intl.supportedValuesOf), with UTC, which the list leaves out. */
export function supportedTimeZones(): string[] {
  if (!supported) supported = new Set([DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf("timeZone")]);
  return [...supported];
}

/**
 * A zone we can store and format in: one Intl.supportedValuesOf lists, or a name for one of
 * them (a browser may say "Europe/Kyiv" where this runtime lists "Europe/Kiev"). Offsets such
 * as "+01:00" and anything else are refused.
 */
export function isTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || !/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(timeZone)) return false;
  const canonical = canonicalTimeZone(timeZone);
  if (!canonical) return false;
  supportedTimeZones();
  return supported!.has(timeZone) || supported!.has(canonical);
}

/** The zone to show things in: the one given if it is usable, otherwise UTC. */
export function usableTimeZone(timeZone: string | null | undefined): string {
  return timeZone && isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
}

/** "Warsaw time", "New York time", "UTC"; for the odd zone without a place ("Etc/GMT+5"), its name. */
export function zoneLabel(timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC" || timeZone === "GMT") return "UTC";
  const place = timeZone.split("/").pop() ?? timeZone;
  if (timeZone.startsWith("Etc/") || !timeZone.includes("/")) return timeZone;
  return `${place.replace(/_/g, " ")} time`;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** How far the zone's clock is ahead of UTC at this instant, in milliseconds. */
export function offsetAt(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock time in a zone names. A time that happens twice (clocks going back)
 * is the first of the two; a time that never happens (clocks going forward) is read with the
 * offset from before the change, so it lands just after the gap, as a person would expect.
 */
export function zonedTimeToInstant(w: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // A first guess, then the offsets six hours either side of it: near a change, both apply.
  const guess = asUtc - offsetAt(new Date(asUtc), timeZone);
  const before = offsetAt(new Date(guess - 6 * 3600_000), timeZone);
  const after = offsetAt(new Date(guess + 6 * 3600_000), timeZone);
  const names = (t: number) => {
    const back = wallClock(new Date(t), timeZone);
    return Date.UTC(back.year, back.month - 1, back.day, back.hour, back.minute, back.second) === asUtc;
  };
  const candidates = [asUtc - before, asUtc - after].filter(names);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(asUtc - before);
}

/** A due date: the last second of that calendar day ("2030-06-15") in the class's zone. */
export function endOfDayIn(isoDay: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) throw new Error(`Not a day: ${isoDay}`);
  return zonedTimeToInstant({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 23, minute: 59, second: 59 }, timeZone);
}

/** The calendar day ("2030-06-15") an instant falls on in a zone: what a date input shows for it. */
export function dayIn(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** What <input type="datetime-local"> shows for an instant, in a zone: "2030-06-30T18:00". */
export function toDateTimeLocal(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${dayIn(instant, timeZone)}T${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
}

/** What an <input type="datetime-local"> value means in a zone, or null if it is not one. */
export function fromDateTimeLocal(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // 2026-02-30T10:00 is well formed but no time at all.
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return zonedTimeToInstant({ year, month, day, hour, minute, second }, timeZone);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const timeFormatters = new Map<string, Intl.DateTimeFormat>();
function cached(map: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = map.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    map.set(timeZone, f);
  }
  return f;
}

/** "15 Jun 2030": the day an instant falls on for this viewer. */
export function formatDay(instant: Date, timeZone: string): string {
  return cached(dayFormatters, timeZone, { day: "numeric", month: "short", year: "numeric" }).format(instant);
}

/** "15 Jun 2030, 23:59 Warsaw time"; without the zone's name when the page names it once for all. */
export function formatDateTime(instant: Date, timeZone: string, { zone = true }: { zone?: boolean } = {}): string {
  const time = cached(timeFormatters, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
  return `${formatDay(instant, timeZone)}, ${time}${zone ? ` ${zoneLabel(timeZone)}` : ""}`;
}
