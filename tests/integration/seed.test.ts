// The seed against a real database: idempotent, and a content change keeps students' progress.
import path from "node:path";

import { describe, expect, it } from "vitest";

import type { Db } from "@/lib/db/client";
import { DEMO_INSTRUCTOR, DEMO_READING, DEMO_STUDENTS } from "@/prisma/demo-accounts";
import { seedDatabase } from "@/prisma/seed.mts";
import { CONTENT_DIR, loadContent, seedReading } from "@/prisma/seed-content.mts";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase();

async function counts(db: Db) {
  return {
    user: await db.user.count(),
    class: await db.class.count(),
    enrolment: await db.enrolment.count(),
    assignment: await db.assignment.count(),
    readingProgress: await db.readingProgress.count(),
    sectionRead: await db.sectionRead.count(),
    readingMinute: await db.readingMinute.count(),
    reading: await db.reading.count(),
    section: await db.section.count(),
    paragraph: await db.paragraph.count(),
    note: await db.note.count(),
    noteAnchor: await db.noteAnchor.count(),
    timelineEvent: await db.timelineEvent.count(),
    eventAnchor: await db.eventAnchor.count(),
  };
}

const content = () => loadContent(path.join(CONTENT_DIR, DEMO_READING));

describe("seedDatabase", () => {
  it("has loaded the reading and the demo class", async () => {
    const db = testDb.db();
    const c = content();
    const n = await counts(db);
    expect(n).toMatchObject({
      reading: 1,
      section: c.parsed.sections.length,
      paragraph: c.parsed.paragraphs.length,
      note: c.notes.length,
      timelineEvent: c.events.length,
      user: 1 + DEMO_STUDENTS.length,
      class: 1,
      enrolment: DEMO_STUDENTS.length,
      assignment: 1,
      readingProgress: DEMO_STUDENTS.filter((s) => s.sectionsRead > 0).length,
      sectionRead: DEMO_STUDENTS.reduce((sum, s) => sum + s.sectionsRead, 0),
      readingMinute: DEMO_STUDENTS.reduce((sum, s) => sum + s.minutes, 0),
    });
    const reading = await db.reading.findUniqueOrThrow({ where: { slug: DEMO_READING } });
    expect(reading.sourceChecksum).toBe(c.checksum);
  });

  it("changes nothing when run again", async () => {
    const db = testDb.db();
    const before = await counts(db);
    const reading = await db.reading.findUniqueOrThrow({ where: { slug: DEMO_READING } });
    const noteIds = (await db.note.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((n) => n.id);
    const paragraphIds = (await db.paragraph.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);

    await seedDatabase(db, { demo: true });
    expect(await counts(db)).toEqual(before);
    expect(await seedReading(db, content())).toBe(false);
    expect(await counts(db)).toEqual(before);

    const after = await db.reading.findUniqueOrThrow({ where: { slug: DEMO_READING } });
    expect(after.updatedAt.getTime()).toBe(reading.updatedAt.getTime());
    expect((await db.note.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((n) => n.id)).toEqual(noteIds);
    expect((await db.paragraph.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id)).toEqual(paragraphIds);
  });
});

describe("seedReading after the content changed", () => {
  it("keeps sections (and so students' SectionRead rows) and instructors' notes, and recreates the seeded notes", async () => {
    const db = testDb.db();
    const c = content();
    const readingId = (await db.reading.findUniqueOrThrow({ where: { slug: DEMO_READING } })).id;
    const instructor = await db.user.findUniqueOrThrow({ where: { email: DEMO_INSTRUCTOR.email } });
    const ownNote = await db.note.create({
      data: { readingId, slug: "instructor-own-note", kind: "context", title: "Mine", summary: "Mine", body: "Mine", sources: "[]", authorId: instructor.id, position: 999 },
    });

    const before = await counts(db);
    const sections = await db.section.findMany({ where: { readingId }, orderBy: { position: "asc" } });
    const reads = await db.sectionRead.findMany({ orderBy: [{ progressId: "asc" }, { sectionId: "asc" }] });
    expect(reads.length).toBeGreaterThan(0);
    const seededNotes = await db.note.findMany({ where: { readingId, authorId: null }, select: { id: true, slug: true } });
    const paragraphIds = new Set((await db.paragraph.findMany({ select: { id: true } })).map((p) => p.id));

    expect(await seedReading(db, { ...c, checksum: "0".repeat(64) })).toBe(true);

    expect(await counts(db)).toEqual(before);
    expect((await db.reading.findUniqueOrThrow({ where: { id: readingId } })).sourceChecksum).toBe("0".repeat(64));
    // Sections keep their ids, slugs and positions.
    expect(await db.section.findMany({ where: { readingId }, orderBy: { position: "asc" } })).toEqual(sections);
    // Students' progress is untouched.
    expect(await db.sectionRead.findMany({ orderBy: [{ progressId: "asc" }, { sectionId: "asc" }] })).toEqual(reads);
    // Seeded notes are new rows with the same slugs; the instructor's note is the same row.
    const notesAfter = await db.note.findMany({ where: { readingId, authorId: null }, select: { id: true, slug: true } });
    expect(notesAfter.map((n) => n.slug).sort()).toEqual(seededNotes.map((n) => n.slug).sort());
    const oldIds = new Set(seededNotes.map((n) => n.id));
    for (const n of notesAfter) expect(oldIds.has(n.id), n.slug).toBe(false);
    expect(await db.note.findUnique({ where: { id: ownNote.id } })).toEqual(ownNote);
    // Paragraphs were replaced, with the same anchors.
    const paragraphsAfter = await db.paragraph.findMany({ where: { readingId }, orderBy: { position: "asc" } });
    expect(paragraphsAfter.map((p) => p.anchor)).toEqual(c.parsed.paragraphs.map((p) => p.anchor));
    for (const p of paragraphsAfter) expect(paragraphIds.has(p.id)).toBe(false);

    // Seeding from the real files again restores the real checksum, and then it is a no-op.
    await seedDatabase(db, { demo: true });
    expect((await db.reading.findUniqueOrThrow({ where: { id: readingId } })).sourceChecksum).toBe(c.checksum);
    expect(await db.sectionRead.findMany({ orderBy: [{ progressId: "asc" }, { sectionId: "asc" }] })).toEqual(reads);
    expect(await seedReading(db, content())).toBe(false);
    expect(await counts(db)).toEqual(before);
  });

  it("renumbers sections when the structure changes, keeping the ids of those that remain", async () => {
    const db = testDb.db();
    const c = content();
    const readingId = (await db.reading.findUniqueOrThrow({ where: { slug: DEMO_READING } })).id;
    const idsBefore = new Map((await db.section.findMany({ where: { readingId } })).map((s) => [s.slug, s.id]));
    // Same sections, titles changed: a structure edit must update titles in place.
    const retitled = { ...c, checksum: "1".repeat(64), parsed: { ...c.parsed, sections: c.parsed.sections.map((s) => ({ ...s, title: `${s.title} (rev.)` })) } };
    expect(await seedReading(db, retitled)).toBe(true);
    const after = await db.section.findMany({ where: { readingId }, orderBy: { position: "asc" } });
    expect(after.map((s) => [s.slug, s.id, s.title, s.position])).toEqual(
      c.parsed.sections.map((s) => [s.slug, idsBefore.get(s.slug), `${s.title} (rev.)`, s.position]),
    );
    await seedReading(db, c);
    expect((await db.section.findMany({ where: { readingId }, orderBy: { position: "asc" } })).map((s) => s.title)).toEqual(
      c.parsed.sections.map((s) => s.title),
    );
  });
});
