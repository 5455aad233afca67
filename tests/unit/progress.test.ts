// Progress figures: the same numbers for the dashboard, the class table and the reading page.
import { describe, expect, it } from "vitest";

import { formatMinutes, minuteBucket, summarizeProgress, type ProgressFacts } from "@/lib/progress/compute";

const facts = (f: Partial<ProgressFacts>): ProgressFacts => ({
  totalSections: 9,
  sectionsRead: 0,
  activeMinutes: 0,
  lastAnchor: null,
  ...f,
});

describe("summarizeProgress", () => {
  it("a reading with no sections is 0% and never complete", () => {
    expect(summarizeProgress(facts({ totalSections: 0 }))).toEqual({
      percent: 0,
      sectionsRead: 0,
      totalSections: 0,
      minutesSpent: 0,
      status: "not-started",
      resumeAnchor: null,
    });
    const busy = summarizeProgress(facts({ totalSections: 0, sectionsRead: 3, activeMinutes: 4, lastAnchor: "p-2" }));
    expect(busy).toMatchObject({ percent: 0, sectionsRead: 0, status: "in-progress", minutesSpent: 4, resumeAnchor: "p-2" });
  });

  it("nothing done is not started", () => {
    expect(summarizeProgress(facts({}))).toMatchObject({ percent: 0, status: "not-started", resumeAnchor: null });
  });

  it("any sign of reading is in progress: a section, a minute, or a position", () => {
    expect(summarizeProgress(facts({ sectionsRead: 1 })).status).toBe("in-progress");
    expect(summarizeProgress(facts({ activeMinutes: 1 })).status).toBe("in-progress");
    expect(summarizeProgress(facts({ lastAnchor: "p-7" }))).toMatchObject({ status: "in-progress", resumeAnchor: "p-7", percent: 0 });
  });

  it("partial progress rounds down, so 100% means every section", () => {
    expect(summarizeProgress(facts({ sectionsRead: 3 }))).toMatchObject({ percent: 33, sectionsRead: 3, totalSections: 9, status: "in-progress" });
    expect(summarizeProgress(facts({ sectionsRead: 1 })).percent).toBe(11);
    expect(summarizeProgress(facts({ sectionsRead: 2, totalSections: 3 })).percent).toBe(66);
    expect(summarizeProgress(facts({ sectionsRead: 199, totalSections: 200 }))).toMatchObject({ percent: 99, status: "in-progress" });
    expect(summarizeProgress(facts({ sectionsRead: 1, totalSections: 2 })).percent).toBe(50);
  });

  it("every section read is complete at 100%", () => {
    expect(summarizeProgress(facts({ sectionsRead: 9, activeMinutes: 52, lastAnchor: "p-180" }))).toEqual({
      percent: 100,
      sectionsRead: 9,
      totalSections: 9,
      minutesSpent: 52,
      status: "complete",
      resumeAnchor: "p-180",
    });
    expect(summarizeProgress(facts({ sectionsRead: 1, totalSections: 1 }))).toMatchObject({ percent: 100, status: "complete" });
  });

  it("clamps more sections read than exist (a section removed from the reading) to complete", () => {
    expect(summarizeProgress(facts({ sectionsRead: 12 }))).toMatchObject({ percent: 100, sectionsRead: 9, totalSections: 9, status: "complete" });
  });

  it("clamps negative inputs to zero", () => {
    expect(summarizeProgress(facts({ sectionsRead: -2 }))).toMatchObject({ sectionsRead: 0, percent: 0, status: "not-started" });
    expect(summarizeProgress(facts({ activeMinutes: -5 }))).toMatchObject({ minutesSpent: 0, status: "not-started" });
    expect(summarizeProgress(facts({ totalSections: -3, sectionsRead: 2 }))).toMatchObject({ totalSections: 0, sectionsRead: 0, percent: 0 });
    expect(summarizeProgress(facts({ totalSections: -3, sectionsRead: 2 })).status).not.toBe("complete");
  });

  it("never returns a percent outside 0..100", () => {
    for (let total = 0; total <= 12; total++) {
      for (let read = -1; read <= 14; read++) {
        const s = summarizeProgress(facts({ totalSections: total, sectionsRead: read }));
        expect(s.percent).toBeGreaterThanOrEqual(0);
        expect(s.percent).toBeLessThanOrEqual(100);
        expect(Number.isInteger(s.percent)).toBe(true);
        expect(s.percent === 100).toBe(s.status === "complete");
      }
    }
  });
});

describe("formatMinutes", () => {
  it.each([
    [0, "–"],
    [-3, "–"],
    [1, "1 min"],
    [12, "12 min"],
    [59, "59 min"],
    [60, "1 h 00 min"],
    [65, "1 h 05 min"],
    [125, "2 h 05 min"],
    [600, "10 h 00 min"],
  ])("%i → %s", (minutes, expected) => {
    expect(formatMinutes(minutes)).toBe(expected);
  });
});

describe("minuteBucket", () => {
  it("counts whole minutes since the epoch", () => {
    expect(minuteBucket(new Date(0))).toBe(0);
    expect(minuteBucket(new Date(59_999))).toBe(0);
    expect(minuteBucket(new Date(60_000))).toBe(1);
    expect(minuteBucket(new Date("2026-03-02T10:00:00.000Z"))).toBe(Date.UTC(2026, 2, 2, 10, 0) / 60_000);
  });

  it("puts heartbeats in the same minute together and the next minute apart", () => {
    const start = new Date("2026-03-02T10:15:00.000Z");
    const b = minuteBucket(start);
    expect(minuteBucket(new Date(start.getTime() + 30_000))).toBe(b);
    expect(minuteBucket(new Date(start.getTime() + 59_999))).toBe(b);
    expect(minuteBucket(new Date(start.getTime() + 60_000))).toBe(b + 1);
    expect(minuteBucket(new Date(start.getTime() - 1))).toBe(b - 1);
  });

  it("fits the database's 32-bit integer column for centuries", () => {
    expect(minuteBucket(new Date("2100-01-01T00:00:00Z"))).toBeLessThan(2 ** 31 - 1);
  });
});
