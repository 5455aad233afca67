// The reading's apparatus as authored in prisma/content: valid, anchored, and historically right
// on the dates a student is most likely to quote.
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { DEMO_READING } from "@/prisma/demo-accounts";
import { CONTENT_DIR, loadContent, noteAnchors, resolveQuote, type LoadedContent } from "@/prisma/seed-content.mts";

let content: LoadedContent;
beforeAll(() => {
  content = loadContent(path.join(CONTENT_DIR, DEMO_READING));
});

const REQUIRED_CONTEXT_NOTES = ["polish-crisis", "afghanistan", "detente", "madrid-csce"];
const MEETING = "1981-07-11";

const note = (slug: string) => {
  const n = content.notes.find((x) => x.slug === slug);
  expect(n, `note "${slug}"`).toBeDefined();
  return n!;
};
const event = (slug: string) => {
  const e = content.events.find((x) => x.slug === slug);
  expect(e, `timeline event "${slug}"`).toBeDefined();
  return e!;
};

describe("loadContent on the real content folder", () => {
  it("loads and validates everything, and fingerprints the files", () => {
    expect(content.slug).toBe(DEMO_READING);
    expect(content.reading.documentDate).toBe(MEETING);
    expect(content.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(loadContent(path.join(CONTENT_DIR, DEMO_READING)).checksum).toBe(content.checksum);
    expect(content.notes.length).toBeGreaterThanOrEqual(REQUIRED_CONTEXT_NOTES.length);
    expect(content.events.length).toBeGreaterThan(10);
    expect(new Set(content.notes.map((n) => n.slug)).size).toBe(content.notes.length);
    expect(new Set(content.events.map((e) => e.slug)).size).toBe(content.events.length);
  });

  it("resolves every note and timeline quote to exactly one paragraph", () => {
    const body = content.parsed.paragraphs.filter((p) => p.kind !== "gap");
    const quotes = [
      ...content.notes.flatMap((n) => n.anchors.map((q) => ({ owner: `note ${n.slug}`, q }))),
      ...content.events.flatMap((e) => e.anchors.map((q) => ({ owner: `event ${e.slug}`, q }))),
    ];
    expect(quotes.length).toBeGreaterThan(0);
    for (const { owner, q } of quotes) {
      const hits = body.filter((p) => p.text.includes(q));
      expect(hits.length, `${owner}: "${q}"`).toBe(1);
      expect(resolveQuote(content.parsed.paragraphs, q, owner).anchor).toBe(hits[0]!.anchor);
    }
  });

  it("anchors every context note, and every anchor is a real paragraph", () => {
    const anchors = noteAnchors(content);
    const known = new Set(content.parsed.paragraphs.map((p) => p.anchor));
    for (const n of content.notes) {
      const list = anchors.get(n.slug)!;
      for (const a of list) expect(known.has(a), `${n.slug} → ${a}`).toBe(true);
      if (n.kind === "context") expect(list.length, n.slug).toBeGreaterThan(0);
    }
  });

  it("names at least one source for every note and every event", () => {
    for (const n of content.notes) {
      expect(n.sources.length, n.slug).toBeGreaterThanOrEqual(1);
      for (const s of n.sources) expect(s.citation.trim().length, n.slug).toBeGreaterThan(0);
    }
    for (const e of content.events) expect(e.sources.length, e.slug).toBeGreaterThanOrEqual(1);
  });

  it("has the four required context notes, each with a correction", () => {
    for (const slug of REQUIRED_CONTEXT_NOTES) {
      const n = note(slug);
      expect(n.kind, slug).toBe("context");
      expect(n.correction.trim().length, `${slug} has a correction`).toBeGreaterThan(0);
      expect(n.body.trim().length, slug).toBeGreaterThan(0);
    }
  });
});

describe("the timeline", () => {
  it("is sorted by date", () => {
    const dates = content.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("covers 1975 to 1983", () => {
    const dates = content.events.map((e) => e.date).sort();
    expect(dates[0]!.slice(0, 4)).toBe("1975");
    expect(dates.at(-1)!.slice(0, 4)).toBe("1983");
  });

  it("contains this meeting on 11 July 1981, and events after it", () => {
    expect(event("this-meeting").date).toBe(MEETING);
    const after = content.events.filter((e) => e.date > MEETING);
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((e) => e.slug)).toContain("martial-law");
  });
});

describe("historical spot checks", () => {
  it("dates the Brest meeting to the night of 3–4 April 1981 in the Polish crisis note", () => {
    const n = note("polish-crisis");
    const text = `${n.body}\n${n.correction}`;
    expect(text).toMatch(/Brest/);
    expect(text).toMatch(/Brest meeting took place on the night of 3[–-]4 April 1981/);
    expect(text).not.toMatch(/Brest meeting took place (in|on) (February|March)/);
    expect(event("brest-meeting")).toMatchObject({ date: "1981-04-03" });
    expect(event("brest-meeting").dateLabel).toMatch(/3[–-]4 April 1981/);
  });

  it.each([
    ["helsinki-final-act", "1975-08-01"],
    ["soviet-intervention-afghanistan", "1979-12-25"],
    ["nato-double-track", "1979-12-12"],
    ["gdansk-agreement", "1980-08-31"],
    ["reagan-inaugurated", "1981-01-20"],
    ["ix-puwp-congress", "1981-07-14"],
    ["jaruzelski-replaces-kania", "1981-10-18"],
    ["martial-law", "1981-12-13"],
  ])("%s is on %s", (slug, date) => {
    expect(event(slug).date).toBe(date);
  });
});
