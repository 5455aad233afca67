// Time zones: due dates at the end of a day in a class's zone, and times shown in each viewer's.
import { describe, expect, it } from "vitest";

import {
  dayIn,
  endOfDayIn,
  formatDateTime,
  formatDay,
  fromDateTimeLocal,
  isTimeZone,
  offsetAt,
  supportedTimeZones,
  toDateTimeLocal,
  usableTimeZone,
  zoneLabel,
} from "@/lib/time/zones";

const iso = (d: Date) => d.toISOString();

describe("endOfDayIn", () => {
  it.each([
    ["2030-06-15", "Europe/Warsaw", "2030-06-15T21:59:59.000Z"],
    ["2030-01-15", "Europe/Warsaw", "2030-01-15T22:59:59.000Z"],
    ["2030-06-15", "America/New_York", "2030-06-16T03:59:59.000Z"],
    ["2030-06-15", "UTC", "2030-06-15T23:59:59.000Z"],
    ["2030-06-15", "Asia/Kolkata", "2030-06-15T18:29:59.000Z"],
    ["2030-06-15", "Pacific/Chatham", "2030-06-15T11:14:59.000Z"],
    ["2030-06-15", "Pacific/Kiritimati", "2030-06-15T09:59:59.000Z"],
    ["2030-06-15", "Pacific/Pago_Pago", "2030-06-16T10:59:59.000Z"],
  ])("%s in %s ends at %s", (day, zone, expected) => {
    expect(iso(endOfDayIn(day, zone))).toBe(expected);
  });

  it("is right on the days the clocks change, and the days around them", () => {
    // Europe/Warsaw: summer time from 29 March 2026 (02:00 → 03:00) to 25 October 2026 (03:00 → 02:00).
    expect(iso(endOfDayIn("2026-03-28", "Europe/Warsaw"))).toBe("2026-03-28T22:59:59.000Z");
    expect(iso(endOfDayIn("2026-03-29", "Europe/Warsaw"))).toBe("2026-03-29T21:59:59.000Z");
    expect(iso(endOfDayIn("2026-10-24", "Europe/Warsaw"))).toBe("2026-10-24T21:59:59.000Z");
    expect(iso(endOfDayIn("2026-10-25", "Europe/Warsaw"))).toBe("2026-10-25T22:59:59.000Z");
    // America/New_York: 8 March and 1 November 2026.
    expect(iso(endOfDayIn("2026-03-08", "America/New_York"))).toBe("2026-03-09T03:59:59.000Z");
    expect(iso(endOfDayIn("2026-11-01", "America/New_York"))).toBe("2026-11-02T04:59:59.000Z");
    // Southern hemisphere: Sydney leaves summer time on 5 April 2026.
    expect(iso(endOfDayIn("2026-04-05", "Australia/Sydney"))).toBe("2026-04-05T13:59:59.000Z");
    expect(iso(endOfDayIn("2026-04-04", "Australia/Sydney"))).toBe("2026-04-04T12:59:59.000Z");
  });

  it("refuses something that is not a day", () => {
    expect(() => endOfDayIn("15/06/2030", "UTC")).toThrow();
  });
});

describe("fromDateTimeLocal and toDateTimeLocal", () => {
  it("read an input's wall-clock time in the viewer's zone, and show it back the same", () => {
    const d = fromDateTimeLocal("2030-06-30T18:00", "Europe/Warsaw")!;
    expect(iso(d)).toBe("2030-06-30T16:00:00.000Z");
    expect(toDateTimeLocal(d, "Europe/Warsaw")).toBe("2030-06-30T18:00");
    expect(toDateTimeLocal(d, "America/New_York")).toBe("2030-06-30T12:00");
  });

  it("puts a time the clocks skip just after the gap, and a time that happens twice at its first", () => {
    // 02:30 on 29 March 2026 never happens in Warsaw; read with winter time it is 03:30 summer time.
    expect(iso(fromDateTimeLocal("2026-03-29T02:30", "Europe/Warsaw")!)).toBe("2026-03-29T01:30:00.000Z");
    // 02:30 on 25 October 2026 happens twice: first in summer time.
    expect(iso(fromDateTimeLocal("2026-10-25T02:30", "Europe/Warsaw")!)).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(fromDateTimeLocal("2026-11-01T01:30", "America/New_York")!)).toBe("2026-11-01T05:30:00.000Z");
  });

  it.each([["2026-02-30T10:00"], ["2026-01-01T24:00"], ["2026-01-01 10:00"], ["yesterday"], [""]])("refuses %j", (value) => {
    expect(fromDateTimeLocal(value, "UTC")).toBeNull();
  });
});

describe("formatting", () => {
  const dueInWarsaw = endOfDayIn("2030-06-15", "Europe/Warsaw");
  it("names the zone after the time, in the viewer's zone", () => {
    expect(formatDateTime(dueInWarsaw, "Europe/Warsaw")).toBe("15 Jun 2030, 23:59 Warsaw time");
    expect(formatDateTime(dueInWarsaw, "America/New_York")).toBe("15 Jun 2030, 17:59 New York time");
    expect(formatDateTime(dueInWarsaw, "UTC")).toBe("15 Jun 2030, 21:59 UTC");
    expect(formatDateTime(dueInWarsaw, "America/Argentina/Buenos_Aires")).toBe("15 Jun 2030, 18:59 Buenos Aires time");
    expect(formatDateTime(dueInWarsaw, "Asia/Kolkata", { zone: false })).toBe("16 Jun 2030, 03:29");
  });

  it("gives the day an instant falls on where the viewer is", () => {
    const lateEvening = new Date("2030-06-15T23:30:00Z");
    expect(formatDay(lateEvening, "UTC")).toBe("15 Jun 2030");
    expect(formatDay(lateEvening, "Europe/Warsaw")).toBe("16 Jun 2030");
    expect(formatDay(lateEvening, "America/Los_Angeles")).toBe("15 Jun 2030");
    expect(dayIn(lateEvening, "Europe/Warsaw")).toBe("2030-06-16");
  });

  it("shows the hour the clocks change correctly", () => {
    expect(formatDateTime(new Date("2026-03-29T00:59:00Z"), "Europe/Warsaw")).toBe("29 Mar 2026, 01:59 Warsaw time");
    expect(formatDateTime(new Date("2026-03-29T01:00:00Z"), "Europe/Warsaw")).toBe("29 Mar 2026, 03:00 Warsaw time");
    expect(offsetAt(new Date("2026-03-29T00:59:00Z"), "Europe/Warsaw")).toBe(3600_000);
    expect(offsetAt(new Date("2026-03-29T01:00:00Z"), "Europe/Warsaw")).toBe(7200_000);
  });

  it("labels zones by their place", () => {
    expect(zoneLabel("UTC")).toBe("UTC");
    expect(zoneLabel("Etc/UTC")).toBe("UTC");
    expect(zoneLabel("America/New_York")).toBe("New York time");
    expect(zoneLabel("Etc/GMT+5")).toBe("Etc/GMT+5");
  });
});

describe("isTimeZone", () => {
  it.each([["Europe/Warsaw"], ["America/New_York"], ["UTC"], ["Asia/Kolkata"], ["Europe/Kyiv"], ["US/Eastern"]])("accepts %j", (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });

  it.each([["Mars/Olympus"], ["+01:00"], ["Etc/GMT+5"], ["../../etc/passwd"], [""], ["Europe/Warsaw\n"], ["x".repeat(65)], ["<script>"]])("refuses %j", (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });

  it("lists the runtime's zones, with UTC", () => {
    const zones = supportedTimeZones();
    expect(zones).toContain("UTC");
    expect(zones).toContain("Europe/Warsaw");
    expect(zones.length).toBeGreaterThan(300);
  });

  it("falls back to UTC for a missing or unusable zone", () => {
    expect(usableTimeZone(null)).toBe("UTC");
    expect(usableTimeZone("Mars/Olympus")).toBe("UTC");
    expect(usableTimeZone("Europe/Warsaw")).toBe("Europe/Warsaw");
  });
});
