// Every multi-step write in lib/data is all or nothing: a write that fails midway (injected by a
// query hook on lib/db's own client, see tests/helpers/faults.ts) leaves nothing half done, and
// doing it again completes it. Runs on SQLite and, with a postgres DATABASE_URL, on PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";

import type { Viewer } from "@/lib/authz/policy";
import { sectionThresholds } from "@/lib/progress/dwell";
import { DEMO_READING } from "@/prisma/demo-accounts";
import { classWith, createUser, optionIdFor, quizSettings } from "../helpers/fixtures";
import { createFaults, InjectedFault } from "../helpers/faults";
import { setupTestDatabase } from "../helpers/test-db";

const faults = createFaults();
const testDb = setupTestDatabase({ extend: faults.extend });

type Quizzes = typeof import("@/lib/data/quizzes");
type Attempts = typeof import("@/lib/data/attempts");
type Classes = typeof import("@/lib/data/classes");
type Progress = typeof import("@/lib/data/progress");
let quizzes: Quizzes;
let attempts: Attempts;
let classes: Classes;
let progress: Progress;

let teacher: Viewer;
let student: Viewer;
let classId: string;

const T0 = new Date("2026-03-02T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const mc = {
  type: "multiple-choice",
  title: "Brest",
  prompt: "When did Andropov and Ustinov meet Kania and Jaruzelski near Brest?",
  config: { options: [{ id: "a", text: "February 1981", correct: false }, { id: "b", text: "3–4 April 1981", correct: true }, { id: "c", text: "July 1981", correct: false }] },
};
const tf = { type: "true-false", title: "Shcharansky", prompt: "Shcharansky stayed in prison until 1991.", config: { answer: false } };
const sa = { type: "short-answer", title: "Union", prompt: "Name the Polish trade union.", config: { answers: [{ text: "Solidarity", credit: 1 }, { text: "Solidarność", credit: 1 }] } };
const essay = {
  type: "essay",
  title: "Sourcing",
  prompt: "Who made this record?",
  config: { rubric: [{ id: "author", criterion: "Names the MfS as author", maxPoints: 2 }] },
};

beforeAll(async () => {
  quizzes = await import("@/lib/data/quizzes");
  attempts = await import("@/lib/data/attempts");
  classes = await import("@/lib/data/classes");
  progress = await import("@/lib/data/progress");
  const db = testDb.db();
  teacher = await createUser(db, "instructor", "teacher");
  student = await createUser(db, "student", "student");
  classId = await classWith(db, teacher, "Atomic writes", [student]);
});

async function quizWith(questions: unknown[], over: Parameters<typeof quizSettings>[0] = {}) {
  const { id } = await quizzes.createQuiz(teacher, quizSettings({ attemptsAllowed: 0, ...over }));
  const created = await quizzes.createQuestions(teacher, questions, { quizId: id });
  const qa = await quizzes.assignQuiz(teacher, { quizId: id, classId, dueAt: null });
  return { quizId: id, quizAssignmentId: qa.id, questionIds: created.map((q) => q.id) };
}

/** An attempt with every question but the last answered: q1 right, q2 right, q3 wrong, the essay written. */
async function answeredAttempt(quizAssignmentId: string, who = student) {
  const { attemptId } = await attempts.startAttempt(who, quizAssignmentId, T0);
  await attempts.saveResponse(who, attemptId, "q1", { optionId: await optionIdFor(attempts, who, attemptId, "q1", "3–4 April 1981", at(1)) }, at(1));
  await attempts.saveResponse(who, attemptId, "q2", { value: false }, at(1));
  await attempts.saveResponse(who, attemptId, "q3", { text: "Comecon" }, at(1));
  await attempts.saveResponse(who, attemptId, "q4", { text: "The Stasi wrote it for its own files." }, at(1));
  return attemptId;
}

/** The attempt and its answers as stored, for before/after comparisons. */
async function stored(attemptId: string) {
  return testDb.db().attempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: {
      status: true,
      submittedAt: true,
      score: true,
      maxScore: true,
      needsGrading: true,
      snapshot: true,
      responses: { orderBy: { questionKey: "asc" }, select: { questionKey: true, response: true, fraction: true, state: true, feedback: true, gradedById: true, rubricScores: true } },
    },
  });
}

function expectUngraded(a: Awaited<ReturnType<typeof stored>>) {
  expect(a.status).toBe("in-progress");
  expect(a.submittedAt).toBeNull();
  expect(a.score).toBeNull();
  expect(a.needsGrading).toBe(false);
  for (const r of a.responses) expect({ key: r.questionKey, fraction: r.fraction, state: r.state }).toEqual({ key: r.questionKey, fraction: null, state: null });
}

/** Every question has a graded answer row, and the score is their sum. */
function expectFullyGraded(a: Awaited<ReturnType<typeof stored>>, keys: string[]) {
  expect(a.status).toBe("submitted");
  expect(a.responses.map((r) => r.questionKey)).toEqual(keys);
  for (const r of a.responses) expect(r.state, `${r.questionKey} is graded`).not.toBeNull();
}

describe("submitting", () => {
  it("leaves the attempt in progress with nothing graded when a write fails midway, and a retry grades every answer", async () => {
    const { quizAssignmentId } = await quizWith([mc, tf, sa, essay, tf]);
    const attemptId = await answeredAttempt(quizAssignmentId);
    const before = await stored(attemptId);

    faults.failOnWrite("AttemptResponse", 2);
    await expect(attempts.submitAttempt(student, attemptId, at(2))).rejects.toThrow(InjectedFault);
    expect(faults.fired).toBe(true);
    const failed = await stored(attemptId);
    expectUngraded(failed);
    expect(failed.responses).toEqual(before.responses);

    expect(await attempts.submitAttempt(student, attemptId, at(3))).toEqual({ alreadySubmitted: false });
    const done = await stored(attemptId);
    expectFullyGraded(done, ["q1", "q2", "q3", "q4", "q5"]);
    expect(done.submittedAt?.toISOString()).toBe(at(3).toISOString());
    expect(Object.fromEntries(done.responses.map((r) => [r.questionKey, r.state]))).toEqual({ q1: "correct", q2: "correct", q3: "incorrect", q4: "needs-grading", q5: "unanswered" });
    expect(done.score).toBe(2);
    expect(done.needsGrading).toBe(true);
  });

  it("leaves the attempt in progress when the attempt's own write fails, after the answers were graded", async () => {
    const { quizAssignmentId } = await quizWith([mc, tf, sa, essay]);
    const attemptId = await answeredAttempt(quizAssignmentId);
    // Failing the write that puts the score on the attempt must undo the graded answers too.
    faults.failOnWrite("Attempt", 1, ({ data }) => "score" in data);
    await expect(attempts.submitAttempt(student, attemptId, at(2))).rejects.toThrow(InjectedFault);
    expectUngraded(await stored(attemptId));
    faults.clear();
    expect(await attempts.submitAttempt(student, attemptId, at(3))).toEqual({ alreadySubmitted: false });
    expectFullyGraded(await stored(attemptId), ["q1", "q2", "q3", "q4"]);
  });

  it("closes a timed-out attempt all at once: a failure midway leaves it open, the next read closes it", async () => {
    const { quizAssignmentId } = await quizWith([mc, tf, sa, essay], { timeLimitMinutes: 5 });
    const attemptId = await answeredAttempt(quizAssignmentId);
    faults.failOnWrite("AttemptResponse", 3);
    await expect(attempts.getAttemptForPlayer(student, attemptId, at(30))).rejects.toThrow(InjectedFault);
    expectUngraded(await stored(attemptId));
    expect((await attempts.getAttemptForPlayer(student, attemptId, at(31))).status).toBe("submitted");
    const done = await stored(attemptId);
    expectFullyGraded(done, ["q1", "q2", "q3", "q4"]);
    expect(done.submittedAt?.toISOString()).toBe(at(5).toISOString());
  });
});

describe("grading by hand", () => {
  it("stores a grade and the attempt's new score together or not at all", async () => {
    const { quizAssignmentId } = await quizWith([mc, tf, sa, essay]);
    const attemptId = await answeredAttempt(quizAssignmentId);
    await attempts.submitAttempt(student, attemptId, at(2));
    const before = await stored(attemptId);
    expect(before.needsGrading).toBe(true);

    faults.failOnWrite("Attempt", 1, ({ data }) => "score" in data);
    await expect(attempts.gradeResponse(teacher, attemptId, "q4", { rubricScores: { author: 2 }, comment: "Yes." }, at(3))).rejects.toThrow(InjectedFault);
    expect(await stored(attemptId)).toEqual(before);

    await attempts.gradeResponse(teacher, attemptId, "q4", { rubricScores: { author: 2 }, comment: "Yes." }, at(4));
    const after = await stored(attemptId);
    expect(after.responses.find((r) => r.questionKey === "q4")).toMatchObject({ fraction: 1, state: "correct", gradedById: teacher.id });
    expect(after.score).toBe(before.score! + 1);
    expect(after.needsGrading).toBe(false);
  });
});

describe("regrading", () => {
  it("regrades every attempt of the assignment or none", async () => {
    const { quizAssignmentId, questionIds } = await quizWith([mc, tf, sa, essay]);
    const other = await createUser(testDb.db(), "student", "other");
    await classes.joinClass(other, (await testDb.db().class.findUniqueOrThrow({ where: { id: classId } })).joinCode);
    const first = await answeredAttempt(quizAssignmentId);
    const second = await answeredAttempt(quizAssignmentId, other);
    await attempts.submitAttempt(student, first, at(2));
    await attempts.submitAttempt(other, second, at(2));
    // "Comecon" becomes an accepted answer to q3, so both attempts gain a point on regrade.
    await quizzes.updateQuestion(teacher, questionIds[2]!, { ...sa, config: { answers: [...sa.config.answers, { text: "Comecon", credit: 1 }] } });
    const before = [await stored(first), await stored(second)];

    faults.failOnWrite("AttemptResponse", 2);
    await expect(attempts.regradeAssignment(teacher, quizAssignmentId)).rejects.toThrow(InjectedFault);
    expect([await stored(first), await stored(second)]).toEqual(before);

    faults.failOnWrite("Attempt", 1, ({ data }) => "score" in data || "snapshot" in data);
    await expect(attempts.regradeAssignment(teacher, quizAssignmentId)).rejects.toThrow(InjectedFault);
    expect([await stored(first), await stored(second)]).toEqual(before);

    expect(await attempts.regradeAssignment(teacher, quizAssignmentId)).toEqual({ attempts: 2 });
    for (const id of [first, second]) {
      const a = await stored(id);
      expect(a.score).toBe(before[0]!.score! + 1);
      expect(a.responses.find((r) => r.questionKey === "q3")).toMatchObject({ fraction: 1, state: "correct" });
    }
  });
});

describe("reading progress", () => {
  it("records a report with several parts all together or not at all", async () => {
    const db = testDb.db();
    const assignmentId = (await classes.assignReading(teacher, { classId, readingSlug: DEMO_READING })).id;
    const slugs = (await db.section.findMany({ where: { reading: { slug: DEMO_READING } }, orderBy: { position: "asc" }, select: { slug: true } })).map((s) => s.slug);
    // Three parts, each given its full reading time within the window since the opening report.
    const paragraphs = await db.paragraph.findMany({ where: { reading: { slug: DEMO_READING } }, select: { kind: true, text: true, section: { select: { slug: true } } } });
    const thresholds = sectionThresholds(paragraphs.map((p) => ({ section: p.section.slug, kind: p.kind, text: p.text })));
    const dwell = Object.fromEntries(slugs.slice(0, 3).map((slug) => [slug, thresholds.get(slug)!]));
    const report = { anchor: "p-12", dwell, active: true };
    const row = () =>
      db.readingProgress.findUnique({ where: { assignmentId_userId: { assignmentId, userId: student.id } }, include: { sectionsRead: true, activity: true, dwell: true } });
    await progress.reportProgress(student, assignmentId, { anchor: "p-1" }, T0);
    const opened = await row();

    faults.failOnWrite("SectionRead", 2);
    await expect(progress.reportProgress(student, assignmentId, report, at(10))).rejects.toThrow(InjectedFault);
    const failed = await row();
    expect(failed?.sectionsRead ?? []).toEqual([]);
    expect(failed?.activity ?? []).toEqual([]);
    expect(failed?.dwell ?? []).toEqual([]);
    expect(failed?.lastAnchor).toBe("p-1");
    expect(failed?.reportedAt).toEqual(opened?.reportedAt);

    const summary = await progress.reportProgress(student, assignmentId, report, at(10));
    expect(summary.sectionsRead).toBe(3);
    const done = await row();
    expect(done?.sectionsRead).toHaveLength(3);
    expect(done?.activity).toHaveLength(1);
    expect(done?.lastAnchor).toBe("p-12");
  });

  it("marks a part done and updates completion together", async () => {
    const db = testDb.db();
    const reader = await createUser(db, "student", "reader");
    await classes.joinClass(reader, (await db.class.findUniqueOrThrow({ where: { id: classId } })).joinCode);
    const assignmentId = (await classes.assignReading(teacher, { classId, readingSlug: DEMO_READING })).id;
    const slugs = (await db.section.findMany({ where: { reading: { slug: DEMO_READING } }, orderBy: { position: "asc" }, select: { slug: true } })).map((s) => s.slug);
    for (const slug of slugs.slice(0, -1)) await progress.setSectionDone(reader, assignmentId, slug, true, T0);
    const last = slugs.at(-1)!;

    // The last write: completion, after the part was recorded.
    faults.failOnWrite("ReadingProgress", 1, ({ data }) => "completedAt" in data);
    await expect(progress.setSectionDone(reader, assignmentId, last, true, at(1))).rejects.toThrow(InjectedFault);
    const failed = await db.readingProgress.findUniqueOrThrow({ where: { assignmentId_userId: { assignmentId, userId: reader.id } }, include: { sectionsRead: true } });
    expect(failed.sectionsRead).toHaveLength(slugs.length - 1);
    expect(failed.completedAt).toBeNull();

    expect((await progress.setSectionDone(reader, assignmentId, last, true, at(2))).sectionsRead).toBe(slugs.length);
    const done = await db.readingProgress.findUniqueOrThrow({ where: { assignmentId_userId: { assignmentId, userId: reader.id } }, include: { sectionsRead: true } });
    expect(done.sectionsRead).toHaveLength(slugs.length);
    expect(done.completedAt).not.toBeNull();
  });
});

describe("the database connection", () => {
  it("never lets a write outside a transaction be undone by another request's transaction", async () => {
    // SQLite: one connection per process. A write made while another request's transaction is
    // open must wait for it, not run inside it (and be rolled back with it). PostgreSQL's pool
    // gives each its own connection; the same assertions hold.
    const db = testDb.db();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    const failing = db
      .$transaction(async (tx) => {
        await tx.user.create({ data: { email: "rolled-back@example.test", name: "Rolled back", role: "student", passwordHash: "x" }, select: { id: true } });
        inside();
        await gate;
        throw new Error("this transaction fails");
      })
      .catch((e: unknown) => e);
    await opened;
    const outside = db.user.create({ data: { email: "outside@example.test", name: "Outside", role: "student", passwordHash: "x" }, select: { id: true } });
    // Give the outside write its chance to run while the transaction is open (it does, on a
    // shared connection without the gate), then fail the transaction.
    await Promise.race([outside, new Promise((resolve) => setTimeout(resolve, 300))]);
    release();
    expect(await failing).toBeInstanceOf(Error);
    await outside;
    const emails = (await db.user.findMany({ where: { email: { in: ["rolled-back@example.test", "outside@example.test"] } }, select: { email: true } })).map((u) => u.email);
    expect(emails).toEqual(["outside@example.test"]);
  });
});
