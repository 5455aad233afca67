// The reading and its apparatus as lib/data/readings serves them from a seeded database,
// compared with what the content files say.
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { DEMO_READING } from "@/prisma/demo-accounts";
import { CONTENT_DIR, loadContent, noteAnchors, resolveQuote, type LoadedContent } from "@/prisma/seed-content.mts";
import { expectAppError } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

setupTestDatabase();

type Readings = typeof import("@/lib/data/readings");
let readings: Readings;
let content: LoadedContent;
let reading: Awaited<ReturnType<Readings["getReading"]>>;

beforeAll(async () => {
  readings = await import("@/lib/data/readings");
  content = loadContent(path.join(CONTENT_DIR, DEMO_READING));
  reading = await readings.getReading(DEMO_READING);
});

describe("getReading", () => {
  it("returns the reading's metadata from reading.json", () => {
    const { aboutPrompts: _prompts, aboutSources: _sources, ...plain } = content.reading;
    const r = content.reading;
    expect(reading).toMatchObject(plain);
    expect(reading.aboutPrompts).toEqual(r.aboutPrompts);
    expect(reading.aboutSources).toEqual(r.aboutSources);
  });

  it("returns every section in order", () => {
    expect(reading.sections).toEqual(content.parsed.sections);
  });

  it("returns every paragraph of the parsed source, in order, verbatim, in its section", () => {
    expect(reading.paragraphs.map(({ anchor, kind, text, speaker, sectionSlug }) => ({ anchor, kind, text, speaker, sectionSlug }))).toEqual(
      content.parsed.paragraphs.map(({ anchor, kind, text, speaker, sectionSlug }) => ({ anchor, kind, text, speaker, sectionSlug })),
    );
    const sectionsInOrder = [...new Set(reading.paragraphs.map((p) => p.sectionSlug))];
    expect(sectionsInOrder).toEqual(reading.sections.map((s) => s.slug));
  });

  it("returns every note with its sources, and its anchors in reading order", () => {
    expect(reading.notes.map((n) => n.slug)).toEqual(content.notes.map((n) => n.slug));
    const expectedAnchors = noteAnchors(content);
    const position = new Map(reading.paragraphs.map((p, i) => [p.anchor, i]));
    for (const [i, note] of reading.notes.entries()) {
      const source = content.notes[i]!;
      expect(note).toMatchObject({
        kind: source.kind,
        title: source.title,
        summary: source.summary,
        body: source.body,
        correction: source.correction,
        aliases: source.aliases,
        sources: source.sources,
      });
      expect(note.sources.length, note.slug).toBeGreaterThan(0);
      expect([...note.anchors].sort(), note.slug).toEqual([...expectedAnchors.get(note.slug)!].sort());
      const positions = note.anchors.map((a) => position.get(a)!);
      expect(positions, note.slug).toEqual([...positions].sort((a, b) => a - b));
    }
    // Every note with quotes is anchored where its quotes are.
    for (const n of content.notes) {
      const anchors = reading.notes.find((x) => x.slug === n.slug)!.anchors;
      for (const q of n.anchors) expect(anchors).toContain(resolveQuote(content.parsed.paragraphs, q, n.slug).anchor);
    }
  });

  it("links paragraphs and notes both ways", () => {
    for (const p of reading.paragraphs) {
      for (const slug of p.noteSlugs) expect(reading.notes.find((n) => n.slug === slug)!.anchors).toContain(p.anchor);
      for (const slug of p.eventSlugs) expect(reading.events.find((e) => e.slug === slug)!.anchors).toContain(p.anchor);
    }
    for (const n of reading.notes) {
      for (const a of n.anchors) expect(reading.paragraphs.find((p) => p.anchor === a)!.noteSlugs).toContain(n.slug);
    }
  });

  it("returns the timeline sorted by date, with afterDocument true exactly for events after 11 July 1981", () => {
    expect(reading.events.map((e) => e.slug).sort()).toEqual(content.events.map((e) => e.slug).sort());
    const dates = reading.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const e of reading.events) {
      expect(e.afterDocument, `${e.slug} ${e.date}`).toBe(e.date > "1981-07-11");
      expect(e.sources.length).toBeGreaterThan(0);
      const source = content.events.find((x) => x.slug === e.slug)!;
      expect(e).toMatchObject({ date: source.date, dateLabel: source.dateLabel, title: source.title, description: source.description });
      const expected = [...new Set(source.anchors.map((q) => resolveQuote(content.parsed.paragraphs, q, e.slug).anchor))];
      expect([...e.anchors].sort()).toEqual(expected.sort());
    }
    const meeting = reading.events.find((e) => e.slug === "this-meeting");
    expect(meeting).toMatchObject({ date: "1981-07-11", afterDocument: false });
    expect(reading.events.find((e) => e.date === "1981-07-10")?.afterDocument).toBe(false);
    expect(reading.events.find((e) => e.slug === "martial-law")?.afterDocument).toBe(true);
    expect(reading.events.some((e) => e.afterDocument)).toBe(true);
    expect(reading.events.some((e) => !e.afterDocument)).toBe(true);
  });

  it("answers not_found for an unknown slug", async () => {
    await expectAppError(readings.getReading("no-such-reading"), "not_found");
  });
});

describe("listReadings and paragraphExists", () => {
  it("lists the seeded reading", async () => {
    const list = await readings.listReadings();
    expect(list).toContainEqual({ slug: DEMO_READING, title: content.reading.title, dateLabel: content.reading.dateLabel, summary: content.reading.summary });
  });

  it("knows which anchors exist in which reading", async () => {
    const last = content.parsed.paragraphs.filter((p) => p.kind !== "gap").at(-1)!.anchor;
    expect(await readings.paragraphExists(DEMO_READING, "p-1")).toBe(true);
    expect(await readings.paragraphExists(DEMO_READING, last)).toBe(true);
    expect(await readings.paragraphExists(DEMO_READING, `p-${Number(last.slice(2)) + 1}`)).toBe(false);
    expect(await readings.paragraphExists(DEMO_READING, "p-0")).toBe(false);
    expect(await readings.paragraphExists("no-such-reading", "p-1")).toBe(false);
  });
});
