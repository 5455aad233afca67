// A quiz assigned "after the reading": it opens to each student once they have read every part
// of the quiz's reading, and assigning it brings the reading to the class. Real database, seeded
// with the reading.
import { beforeAll, describe, expect, it } from "vitest";

import type { Viewer } from "@/lib/authz/policy";
import { DEMO_READING } from "@/prisma/demo-accounts";
import { classWith, createUser, expectAppError, quizSettings } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase();

let quizzes: typeof import("@/lib/data/quizzes");
let attempts: typeof import("@/lib/data/attempts");
let progress: typeof import("@/lib/data/progress");

let teacher: Viewer;
let reader: Viewer;
let skimmer: Viewer;
let cheater: Viewer;
let classId: string;
let sectionSlugs: string[];

const question = { type: "true-false", title: "Interpreters", prompt: "Andropov and Mielke also talked alone, without interpreters.", config: { answer: true } };
const settings = quizSettings({ title: "After the reading", shuffleOptions: false });

beforeAll(async () => {
  quizzes = await import("@/lib/data/quizzes");
  attempts = await import("@/lib/data/attempts");
  progress = await import("@/lib/data/progress");
  const db = testDb.db();
  teacher = await createUser(db, "instructor", "after-teacher");
  reader = await createUser(db, "student", "reader");
  skimmer = await createUser(db, "student", "skimmer");
  cheater = await createUser(db, "student", "cheater");
  classId = await classWith(db, teacher, "After-reading class", [reader, skimmer, cheater]);
  const reading = await db.reading.findUniqueOrThrow({ where: { slug: DEMO_READING }, select: { sections: { select: { slug: true } } } });
  sectionSlugs = reading.sections.map((s) => s.slug);
});

describe("a quiz that opens after the reading", () => {
  it("assigns the reading with it, and opens to each student once they have read every part", async () => {
    const db = testDb.db();
    const { id: quizId } = await quizzes.createQuiz(teacher, settings, DEMO_READING);
    await quizzes.createQuestion(teacher, question, { quizId });
    expect(await db.assignment.count({ where: { classId } })).toBe(0);

    const dueAt = new Date("2026-12-01T23:59:59Z");
    const assigned = await quizzes.assignQuiz(teacher, { quizId, classId, dueAt, opensAfterReading: true });
    expect(assigned.readingAssigned).toBe(true);
    const readingAssignment = await db.assignment.findFirstOrThrow({ where: { classId }, select: { id: true, dueAt: true } });
    expect(readingAssignment.dueAt?.toISOString()).toBe(dueAt.toISOString());

    // Not yet read: the quiz says why, and refuses to start.
    const before = await attempts.getQuizAssignmentForStudent(reader, assigned.id);
    expect(before).toMatchObject({ opensAfterReading: true, waitsForReading: true, reading: { slug: DEMO_READING, assignmentId: readingAssignment.id } });
    expect((await attempts.listMyQuizAssignments(reader)).find((q) => q.quizAssignmentId === assigned.id)?.waitsForReading).toBe(true);
    await expectAppError(attempts.startAttempt(reader, assigned.id), "forbidden");

    // Every part but the last is not enough.
    for (const slug of sectionSlugs.slice(0, -1)) await progress.setSectionDone(reader, readingAssignment.id, slug, true);
    await expectAppError(attempts.startAttempt(reader, assigned.id), "forbidden");
    await progress.setSectionDone(reader, readingAssignment.id, sectionSlugs.at(-1)!, true);
    expect((await attempts.getQuizAssignmentForStudent(reader, assigned.id)).waitsForReading).toBe(false);
    const started = await attempts.startAttempt(reader, assigned.id);
    expect(started.resumed).toBe(false);
    // Unmarking a part afterwards doesn't lock the student out of the attempt they started.
    await progress.setSectionDone(reader, readingAssignment.id, sectionSlugs[0]!, false);
    expect(await attempts.startAttempt(reader, assigned.id)).toEqual({ attemptId: started.attemptId, resumed: true });

    // A classmate who hasn't finished still waits; the instructor never does.
    await expectAppError(attempts.startAttempt(skimmer, assigned.id), "forbidden");
    expect((await attempts.getQuizAssignmentForStudent(teacher, assigned.id)).waitsForReading).toBe(false);

    // Switching the assignment to "with the reading" opens it, and leaves the reading's due date alone.
    const again = await quizzes.assignQuiz(teacher, { quizId, classId, dueAt: null, opensAfterReading: false });
    expect(again).toEqual({ id: assigned.id, readingAssigned: false });
    expect((await db.assignment.findUniqueOrThrow({ where: { id: readingAssignment.id } })).dueAt?.toISOString()).toBe(dueAt.toISOString());
    expect((await attempts.startAttempt(skimmer, assigned.id)).resumed).toBe(false);
  });

  it("stays closed to a client that reports every part read, or hours in each, all at once", async () => {
    const { progressReportSchema } = await import("@/lib/validation/progress");
    const db = testDb.db();
    const { id: quizId } = await quizzes.createQuiz(teacher, { ...settings, title: "Not for skimmers" }, DEMO_READING);
    await quizzes.createQuestion(teacher, question, { quizId });
    const assigned = await quizzes.assignQuiz(teacher, { quizId, classId, dueAt: null, opensAfterReading: true });
    const readingAssignment = await db.assignment.findFirstOrThrow({ where: { classId }, select: { id: true } });

    // What a hostile page can post to /api/assignments/:id/progress, through the route's own schema.
    const everyPart = (seconds: number) => Object.fromEntries(sectionSlugs.map((slug) => [slug, seconds]));
    const bodies: unknown[] = [
      { sectionsRead: sectionSlugs },
      { dwell: everyPart(86_400) },
      { sectionsRead: sectionSlugs, dwell: everyPart(86_400), active: true },
    ];
    for (let i = 0; i < 20; i++) bodies.push({ dwell: everyPart(600), active: true });
    for (const body of bodies) {
      const report = progressReportSchema.safeParse(body);
      if (report.success) await progress.reportProgress(cheater, readingAssignment.id, report.data);
    }

    expect((await progress.openAssignment(cheater, readingAssignment.id)).readSections).toEqual([]);
    expect((await attempts.getQuizAssignmentForStudent(cheater, assigned.id)).waitsForReading).toBe(true);
    await expectAppError(attempts.startAttempt(cheater, assigned.id), "forbidden");
  });

  it("refuses to open after a reading when the quiz is on none", async () => {
    const { id: quizId } = await quizzes.createQuiz(teacher, { ...settings, title: "On no reading" });
    await quizzes.createQuestion(teacher, question, { quizId });
    const error = await quizzes.assignQuiz(teacher, { quizId, classId, dueAt: null, opensAfterReading: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid", fieldErrors: { opensAfterReading: [expect.any(String)] } });
    await expectAppError(quizzes.assignQuiz(teacher, { quizId, classId, dueAt: null, opensAfterReading: true }), "invalid");
    expect((await quizzes.assignQuiz(teacher, { quizId, classId, dueAt: null })).readingAssigned).toBe(false);
  });
});
