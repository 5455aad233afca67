// The instructor's pages at the size of a year group: the number of SQL statements each data
// function sends must not grow with the number of students (no query per student, no list of
// ids long enough for the driver to split into one query per thousand), and a student's answer
// save must not read the attempt's snapshot. Statements are counted at the driver adapter
// (lib/db/observed-adapter.ts), inside transactions too.
import { beforeAll, describe, expect, it } from "vitest";

import type { LargeClass } from "../bench/seed-large-class.mts";
import { setupTestDatabase } from "../helpers/test-db";

let statements: string[] = [];
const testDb = setupTestDatabase({ seed: false, onQuery: (q) => statements.push(q.sql) });

let attempts: typeof import("@/lib/data/attempts");
let progress: typeof import("@/lib/data/progress");
let classes: typeof import("@/lib/data/classes");
let small: LargeClass;
let large: LargeClass;
/** Past a thousand attempts, where an `IN (…ids)` list makes the SQLite driver split a query. */
const LARGE = 1001;

async function sqlOf(fn: () => Promise<unknown>): Promise<string[]> {
  statements = [];
  await fn();
  const seen = statements;
  statements = [];
  return seen;
}

beforeAll(async () => {
  attempts = await import("@/lib/data/attempts");
  progress = await import("@/lib/data/progress");
  classes = await import("@/lib/data/classes");
  const { seedDatabase } = await import("@/prisma/seed.mts");
  const { seedLargeClass } = await import("../bench/seed-large-class.mts");
  const db = testDb.db();
  await seedDatabase(db, { demo: false });
  const passwordHash = "not-a-real-hash";
  // 16 questions: one of every type and then some (the demo quiz), essays waiting for a grader included.
  small = await seedLargeClass(db, { label: "qc-small", students: 5, questions: 16, attempts: "submitted", passwordHash });
  large = await seedLargeClass(db, { label: "qc-large", students: LARGE, questions: 16, attempts: "submitted", passwordHash });
}, 240_000);

/** The instructor's data functions, for one class. */
function pages(c: LargeClass) {
  const essay = c.questionIds[15]!; // the demo quiz's essay
  return {
    "the gradebook": () => attempts.getGradebook(c.instructor, c.classId),
    "the question analysis (and the evidence map on the reading)": () => attempts.analyseQuizAssignment(c.instructor, c.quizAssignmentId),
    "the quiz's page, as its instructor sees it": () => attempts.getQuizAssignmentForStudent(c.instructor, c.quizAssignmentId),
    "the progress table": () => progress.getClassProgress(c.instructor, c.classId),
    "the class page (its roster)": () => classes.getClass(c.instructor, c.classId),
    "the CSV export": () => attempts.exportGradesCsv(c.instructor, c.classId),
    "grading by question: the overview": () => attempts.getGradingOverview(c.instructor, c.quizAssignmentId),
    "grading by question: one question's answers": () => attempts.getQuestionGrading(c.instructor, c.quizAssignmentId, essay),
    "grading by question: the next ungraded answer": () => attempts.nextUngradedAnswer(c.instructor, c.quizAssignmentId, { questionId: essay, attemptId: "none" }),
  };
}
type Page = keyof ReturnType<typeof pages>;
const names = Object.keys(pages({ questionIds: [] } as unknown as LargeClass)) as Page[];

describe(`the instructor's pages send as many queries for ${LARGE} students as for 5`, () => {
  // In a fixed order for both classes, so each meets the cache of parsed questions in the same state.
  it.each(names)("%s", async (name) => {
    const coldSmall = await sqlOf(pages(small)[name]);
    const coldLarge = await sqlOf(pages(large)[name]);
    const warmSmall = await sqlOf(pages(small)[name]);
    const warmLarge = await sqlOf(pages(large)[name]);
    expect(coldSmall.length).toBeGreaterThan(0);
    expect(coldLarge.length, `${name}, first time:\n${coldLarge.join("\n")}`).toBe(coldSmall.length);
    expect(warmLarge.length, `${name}, again:\n${warmLarge.join("\n")}`).toBe(warmSmall.length);
    // A couple of dozen at most (the CSV is the gradebook and the progress table together), not one per student or answer.
    expect(warmLarge.length).toBeLessThanOrEqual(24);
  });

  it("gives the same results once the questions are in the cache as before", async () => {
    const { db } = await import("@/lib/db");
    expect(JSON.stringify(await attempts.analyseQuizAssignment(large.instructor, large.quizAssignmentId))).toBe(
      JSON.stringify(await attempts.analyseQuizAssignment(large.instructor, large.quizAssignmentId)),
    );
    // The outline never reads a snapshot once its contents are known.
    const sql = await sqlOf(() => attempts.analyseQuizAssignment(large.instructor, large.quizAssignmentId));
    expect(sql.filter((s) => /"snapshot"/.test(s))).toEqual([]);
    expect(await db.attempt.count({ where: { quizAssignmentId: large.quizAssignmentId, outline: "" } })).toBe(0);
  });
});

describe("an answer save", () => {
  it("reads the attempt without its snapshot or its answers, and writes one row: the answer", async () => {
    const { db } = await import("@/lib/db");
    const who = small.students[0]!;
    // A fresh attempt at a second quiz with the same questions (the attempts above are submitted).
    const quizzes = await import("@/lib/data/quizzes");
    const { quizSettings } = await import("../helpers/fixtures");
    const quiz = await quizzes.createQuiz(small.instructor, quizSettings({ attemptsAllowed: 0 }));
    for (const questionId of small.questionIds) await quizzes.addQuestionToQuiz(small.instructor, quiz.id, { questionId, points: 1 });
    const qa = await quizzes.assignQuiz(small.instructor, { quizId: quiz.id, classId: small.classId, dueAt: null });
    const { attemptId } = await attempts.startAttempt(who, qa.id);
    const shortAnswer = (await db.question.findMany({ where: { id: { in: small.questionIds } }, select: { id: true, type: true } })).find((q) => q.type === "short-answer")!;
    const key = `q${small.questionIds.indexOf(shortAnswer.id) + 1}`;

    await attempts.saveResponse(who, attemptId, key, { text: "Solidarność" });
    const sql = await sqlOf(() => attempts.saveResponse(who, attemptId, key, { text: "Solidarity" }));
    expect(sql.filter((s) => /"snapshot"/.test(s)), sql.join("\n")).toEqual([]);
    expect(sql.filter((s) => /FROM "(main"\.")?AttemptResponse"/i.test(s) && /^\s*SELECT/i.test(s)), sql.join("\n")).toEqual([]);
    // One statement writes: the answer, on the condition that the attempt is in progress.
    const writes = sql.filter((s) => /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(main[`"]?\.[`"]?)?\w+/i.test(s));
    expect(writes, sql.join("\n")).toHaveLength(1);
    expect(writes[0]).toMatch(/INSERT\s+INTO\s+[`"]?(main[`"]?\.[`"]?)?AttemptResponse/i);
    // And it reads the attempt's row once (whose it is, its state, its outline) and counts the
    // student's enrolment (a student removed from the class can no longer answer): three in all.
    expect(sql.length, sql.join("\n")).toBe(3);
    expect(sql.filter((s) => /FROM\s+[`"\w.]*Enrolment[`"]?\s/i.test(s)), sql.join("\n")).toHaveLength(1);
    const stored = await db.attemptResponse.findUniqueOrThrow({ where: { attemptId_questionKey: { attemptId, questionKey: key } }, select: { response: true } });
    expect(JSON.parse(stored.response)).toEqual({ text: "Solidarity" });
  });
});

describe("attempts stored before outlines existed", () => {
  it("read the same on every instructor page, and the seed gives them their outlines", async () => {
    const { db } = await import("@/lib/db");
    const { backfillOutlines } = await import("@/prisma/seed.mts");
    const results = async () => {
      const out: Record<string, string> = {};
      for (const [name, fn] of Object.entries(pages(small))) out[name] = JSON.stringify(await fn());
      return out;
    };
    const before = await results();
    const outlines = await db.attempt.findMany({ where: { quizAssignmentId: small.quizAssignmentId }, select: { id: true, outline: true } });
    await db.attempt.updateMany({ where: { quizAssignmentId: small.quizAssignmentId }, data: { outline: "" } });

    expect(await results()).toEqual(before);
    // Still a constant number of queries: the snapshots are read in one go.
    expect((await sqlOf(pages(small)["the CSV export"])).length).toBeLessThanOrEqual(25);

    expect(await backfillOutlines(db)).toBe(outlines.length);
    const after = await db.attempt.findMany({ where: { quizAssignmentId: small.quizAssignmentId }, select: { id: true, outline: true } });
    expect(new Map(after.map((a) => [a.id, a.outline]))).toEqual(new Map(outlines.map((a) => [a.id, a.outline])));
    expect(await backfillOutlines(db)).toBe(0);
  });
});
