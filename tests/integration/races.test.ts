// Writes that race each other, on SQLite and (with a postgres DATABASE_URL) on PostgreSQL.
//
// An answer saved while the attempt is being submitted: either the save is acknowledged and the
// submitted attempt holds and grades it, or the save is refused (409) and the attempt holds and
// grades what was there before. Never an acknowledged answer that is lost or graded as something
// else. Many trials, each with a different head start for each side.
import { beforeAll, describe, expect, it } from "vitest";

import type { Viewer } from "@/lib/authz/policy";
import { gradeQuestion } from "@/lib/question-types/registry";
import { AppError } from "@/lib/errors";
import { classWith, createUser, quizSettings } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase({ seed: false });

type Attempts = typeof import("@/lib/data/attempts");
type Quizzes = typeof import("@/lib/data/quizzes");
let attempts: Attempts;
let quizzes: Quizzes;
let teacher: Viewer;
let student: Viewer;
let quizAssignmentId: string;

const TRIALS = 50;
const sa = { type: "short-answer", title: "Union", prompt: "Name the Polish trade union.", config: { answers: [{ text: "Solidarity", credit: 1 }] } };
const tf = { type: "true-false", title: "Shcharansky", prompt: "Shcharansky stayed in prison until 1991.", config: { answer: false } };
const essay = (title: string) => ({ type: "essay", title, prompt: "Explain.", config: { rubric: [{ id: "r", criterion: "Explains", maxPoints: 1 }] } });

beforeAll(async () => {
  attempts = await import("@/lib/data/attempts");
  quizzes = await import("@/lib/data/quizzes");
  const db = testDb.db();
  teacher = await createUser(db, "instructor", "teacher");
  student = await createUser(db, "student", "racer");
  const classId = await classWith(db, teacher, "Race", [student]);
  const { id } = await quizzes.createQuiz(teacher, quizSettings({ attemptsAllowed: 0 }));
  await quizzes.createQuestions(teacher, [sa, tf], { quizId: id });
  quizAssignmentId = (await quizzes.assignQuiz(teacher, { quizId: id, classId, dueAt: null })).id;
});

/** Lets the other side run first for a few turns of the event loop (no clock involved). */
async function headStart(turns: number) {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe("a save racing a submit", () => {
  it(`is either acknowledged and graded, or refused and not stored (${TRIALS} trials)`, async () => {
    const db = testDb.db();
    const outcomes = { acknowledged: 0, refused: 0 };
    for (let trial = 0; trial < TRIALS; trial++) {
      const { attemptId } = await attempts.startAttempt(student, quizAssignmentId);
      await attempts.saveResponse(student, attemptId, "q1", { text: "Comecon" });
      await attempts.saveResponse(student, attemptId, "q2", { value: false });
      const [save, submit] = await Promise.allSettled([
        headStart(trial % 7).then(() => attempts.saveResponse(student, attemptId, "q1", { text: "Solidarity" })),
        headStart((trial * 3) % 5).then(() => attempts.submitAttempt(student, attemptId)),
      ]);
      expect(submit.status, `trial ${trial}: the submit went through`).toBe("fulfilled");

      const a = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, score: true, responses: { orderBy: { questionKey: "asc" } } } });
      expect(a.status).toBe("submitted");
      const q1 = a.responses.find((r) => r.questionKey === "q1")!;
      const stored = JSON.parse(q1.response) as { text: string };
      if (save.status === "fulfilled") {
        outcomes.acknowledged++;
        expect(stored, `trial ${trial}: an acknowledged save is what was submitted`).toEqual({ text: "Solidarity" });
      } else {
        outcomes.refused++;
        expect(save.reason, `trial ${trial}: a refused save says why`).toBeInstanceOf(AppError);
        expect((save.reason as AppError).code).toBe("conflict");
        expect(stored, `trial ${trial}: a refused save changed nothing`).toEqual({ text: "Comecon" });
      }
      // Whatever is stored is what was graded.
      const grade = gradeQuestion("short-answer", sa.config, stored);
      expect({ trial, fraction: q1.fraction, state: q1.state }).toEqual({ trial, fraction: grade.fraction, state: grade.state });
      expect(a.score).toBe((grade.fraction ?? 0) + 1);
    }
    console.log(`[race] ${testDb.provider}: ${TRIALS} trials, ${outcomes.acknowledged} saves acknowledged and graded, ${outcomes.refused} refused with 409`);
    expect(outcomes.acknowledged + outcomes.refused).toBe(TRIALS);
  });
});

describe("two graders at once", () => {
  it("never lose each other's grade in the attempt's score (10 trials)", async () => {
    const { id } = await quizzes.createQuiz(teacher, quizSettings({ attemptsAllowed: 0 }));
    await quizzes.createQuestions(teacher, [essay("One"), essay("Two")], { quizId: id });
    const classId = (await testDb.db().quizAssignment.findUniqueOrThrow({ where: { id: quizAssignmentId }, select: { classId: true } })).classId;
    const qa = (await quizzes.assignQuiz(teacher, { quizId: id, classId, dueAt: null })).id;
    for (let trial = 0; trial < 10; trial++) {
      const { attemptId } = await attempts.startAttempt(student, qa);
      await attempts.saveResponse(student, attemptId, "q1", { text: "One answer." });
      await attempts.saveResponse(student, attemptId, "q2", { text: "Another answer." });
      await attempts.submitAttempt(student, attemptId);
      await Promise.all([
        headStart(trial % 3).then(() => attempts.gradeResponse(teacher, attemptId, "q1", { rubricScores: { r: 1 }, comment: "" })),
        headStart(trial % 4).then(() => attempts.gradeResponse(teacher, attemptId, "q2", { rubricScores: { r: 1 }, comment: "" })),
      ]);
      const a = await testDb.db().attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { score: true, needsGrading: true } });
      expect({ trial, ...a }).toEqual({ trial, score: 2, needsGrading: false });
    }
  });
});

describe("editing one quiz from two tabs", () => {
  it("keeps the items numbered 0..n-1 when questions are added and moved at once", async () => {
    const { id } = await quizzes.createQuiz(teacher, quizSettings());
    const bank = await quizzes.createQuestions(teacher, Array.from({ length: 6 }, (_, i) => ({ ...tf, title: `Statement ${i + 1}` })));
    await Promise.all(bank.map((q, i) => headStart(i % 3).then(() => quizzes.addQuestionToQuiz(teacher, id, { questionId: q.id }))));
    const positions = async () => (await testDb.db().quizQuestion.findMany({ where: { quizId: id }, orderBy: { position: "asc" }, select: { id: true, position: true } }));
    expect((await positions()).map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5]);
    const items = await positions();
    await Promise.all([
      quizzes.moveQuizItem(teacher, id, items[1]!.id, "down"),
      quizzes.moveQuizItem(teacher, id, items[4]!.id, "up"),
      quizzes.duplicateQuizItem(teacher, id, items[0]!.id),
      quizzes.moveQuizItem(teacher, id, items[5]!.id, "up"),
    ]);
    expect((await positions()).map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
