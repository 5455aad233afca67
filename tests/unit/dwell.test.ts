// When a part counts as read: the threshold per part, and what one report may be credited.
import fs from "node:fs";
import { describe, expect, it } from "vitest";

import {
  MAX_REPORT_WINDOW_SECONDS,
  countWords,
  creditClaims,
  crossedThreshold,
  readThresholdSeconds,
  reportWindowSeconds,
  sectionThresholds,
} from "@/lib/progress/dwell";
import { parseSource, structureSchema } from "@/lib/reading/parse-source";

describe("readThresholdSeconds", () => {
  it("is half a brisk reader's time (400 words a minute), proportional to length", () => {
    expect(readThresholdSeconds(400)).toBe(30);
    expect(readThresholdSeconds(800)).toBe(60);
    expect(readThresholdSeconds(1000)).toBe(75);
  });

  it("never drops below 10 s or rises above 180 s", () => {
    expect(readThresholdSeconds(0)).toBe(10);
    expect(readThresholdSeconds(20)).toBe(10);
    expect(readThresholdSeconds(5_000)).toBe(180);
    expect(readThresholdSeconds(1_000_000)).toBe(180);
  });

  it("scales every threshold alike, never below one second", () => {
    expect(readThresholdSeconds(800, 0.1)).toBe(6);
    expect(readThresholdSeconds(20, 0.1)).toBe(1);
    expect(readThresholdSeconds(20, 0.01)).toBe(1);
    expect(readThresholdSeconds(800, 2)).toBe(120);
  });
});

describe("sectionThresholds", () => {
  it("counts the document's running text, not the gap note or footnotes", () => {
    const t = sectionThresholds([
      { section: "a", kind: "text", text: "word ".repeat(600) },
      { section: "a", kind: "footnote", text: "word ".repeat(5000) },
      { section: "b", kind: "gap", text: "word ".repeat(5000) },
      { section: "b", kind: "speaker", text: "ANDROPOV:" },
    ]);
    expect(Object.fromEntries(t)).toEqual({ a: 45, b: 10 });
  });

  it("gives the Mielke–Andropov note's parts 10 s to 122 s, in proportion to their length", () => {
    const dir = "prisma/content/mielke-andropov-1981";
    const structure = structureSchema.parse(JSON.parse(fs.readFileSync(`${dir}/structure.json`, "utf8")));
    const { paragraphs } = parseSource(fs.readFileSync(`${dir}/source.txt`, "utf8"), structure);
    const t = sectionThresholds(paragraphs.map((p) => ({ section: p.sectionSlug, kind: p.kind, text: p.text })));
    expect(t.get("participants")).toBe(10);
    expect(t.get("poland-history")).toBe(12);
    expect(t.get("mielke-closing")).toBe(55);
    expect(t.get("poland-crisis")).toBe(122);
    expect(t.size).toBe(9);
  });

  it("counts words by whitespace", () => {
    expect(countWords("  Comrade  Andropov,\nwelcome. ")).toBe(3);
    expect(countWords("")).toBe(0);
  });
});

describe("reportWindowSeconds", () => {
  const t0 = new Date("2026-03-29T00:59:00Z");
  it("is the whole seconds since the previous report", () => {
    expect(reportWindowSeconds(t0, new Date(t0.getTime() + 20_999))).toBe(20);
  });
  it("is nothing for a first report, or one whose clock is behind", () => {
    expect(reportWindowSeconds(null, t0)).toBe(0);
    expect(reportWindowSeconds(t0, new Date(t0.getTime() - 60_000))).toBe(0);
  });
  it("is capped however long since the previous report", () => {
    expect(reportWindowSeconds(t0, new Date(t0.getTime() + 3 * 3600_000))).toBe(MAX_REPORT_WINDOW_SECONDS);
  });
});

describe("creditClaims", () => {
  const claims = (o: Record<string, number>) => new Map(Object.entries(o));
  it("credits claims that fit the window in full", () => {
    expect(Object.fromEntries(creditClaims(claims({ a: 12, b: 7 }), 20))).toEqual({ a: 12, b: 7 });
  });
  it("scales claims that exceed the window down alike, never above it", () => {
    expect(Object.fromEntries(creditClaims(claims({ a: 60, b: 30 }), 30))).toEqual({ a: 20, b: 10 });
    const spread = creditClaims(claims(Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`s${i}`, 86_400]))), 20);
    expect([...spread.values()].reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(20);
  });
  it("credits nothing in an empty window, and ignores zero or nonsense claims", () => {
    expect(creditClaims(claims({ a: 600 }), 0).size).toBe(0);
    expect(Object.fromEntries(creditClaims(claims({ a: 0, b: -5, c: Number.NaN, d: 4 }), 10))).toEqual({ d: 4 });
  });
});

describe("crossedThreshold", () => {
  const m = (o: Record<string, number>) => new Map(Object.entries(o));
  it("names the parts carried from below their threshold to it or past it, only then", () => {
    const thresholds = m({ a: 10, b: 10, c: 10, d: 10 });
    expect(crossedThreshold(m({ a: 9, b: 3, c: 10 }), m({ a: 1, b: 6, c: 5, d: 12 }), thresholds)).toEqual(["a", "d"]);
  });
  it("ignores parts it has no threshold for", () => {
    expect(crossedThreshold(m({}), m({ x: 999 }), m({ a: 10 }))).toEqual([]);
  });
});

