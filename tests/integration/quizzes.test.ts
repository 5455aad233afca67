// Question bank, quizzes and attempts through lib/data against a real database, with the
// hostile cases of the quizzes issue: wrong shapes, foreign attempts, late and double submits.
import { beforeAll, describe, expect, it } from "vitest";

import type { Viewer } from "@/lib/authz/policy";
import type { QuizSettings } from "@/lib/validation/quizzes";
import { classWith, createUser, expectAppError, optionIdFor as optionIdForIn, quizSettings } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase({ seed: false });

type Quizzes = typeof import("@/lib/data/quizzes");
type Attempts = typeof import("@/lib/data/attempts");
type Classes = typeof import("@/lib/data/classes");
let quizzes: Quizzes;
let attempts: Attempts;
let classes: Classes;

let teacher: Viewer;
let otherTeacher: Viewer;
let student: Viewer;
let classmate: Viewer;
let outsider: Viewer;
let classId: string;

const T0 = new Date("2026-03-02T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const mc = {
  type: "multiple-choice",
  title: "Brest",
  prompt: "When did Andropov and Ustinov meet Kania and Jaruzelski near Brest?",
  anchors: ["p-118"],
  config: {
    options: [
      { id: "a", text: "February 1981", credit: 0, feedback: "That is what the note says, but it is wrong." },
      { id: "b", text: "3–4 April 1981", credit: 1 },
      { id: "c", text: "July 1981", credit: 0 },
    ],
  },
};
const tf = { type: "true-false", title: "Shcharansky", prompt: "Shcharansky stayed in prison until 1991.", config: { answer: false } };
const essay = {
  type: "essay",
  title: "Sourcing",
  prompt: "Who made this record, and what does it leave out?",
  config: { rubric: [{ id: "author", criterion: "Names the MfS as author", maxPoints: 2 }, { id: "gap", criterion: "Notes the unrecorded private talk", maxPoints: 2 }] },
};

const settings = quizSettings;

const optionIdFor = (who: Viewer, attemptId: string, key: string, text: string) => optionIdForIn(attempts, who, attemptId, key, text);

async function quizWith(questions: unknown[], over: Partial<QuizSettings> = {}) {
  const { id } = await quizzes.createQuiz(teacher, settings(over));
  for (const q of questions) {
    const created = await quizzes.createQuestion(teacher, q);
    await quizzes.addQuestionToQuiz(teacher, id, { questionId: created.id, points: 2 });
  }
  const qa = await quizzes.assignQuiz(teacher, { quizId: id, classId, dueAt: null });
  return { quizId: id, quizAssignmentId: qa.id };
}

beforeAll(async () => {
  quizzes = await import("@/lib/data/quizzes");
  attempts = await import("@/lib/data/attempts");
  classes = await import("@/lib/data/classes");
  const db = testDb.db();
  teacher = await createUser(db, "instructor", "teacher");
  otherTeacher = await createUser(db, "instructor", "other-teacher");
  student = await createUser(db, "student", "student");
  classmate = await createUser(db, "student", "classmate");
  outsider = await createUser(db, "student", "outsider");
  classId = await classWith(db, teacher, "Quiz class", [student, classmate]);
});

describe("the question bank", () => {
  it("keeps an instructor's questions to that instructor", async () => {
    const q = await quizzes.createQuestion(teacher, mc);
    expect(q.type).toBe("multiple-choice");
    await expectAppError(quizzes.getQuestion(otherTeacher, q.id), "forbidden");
    await expectAppError(quizzes.updateQuestion(otherTeacher, q.id, mc), "forbidden");
    await expectAppError(quizzes.createQuestion(student, mc), "forbidden");
    await expectAppError(quizzes.listMyQuestions(student), "forbidden");
    const copy = await quizzes.duplicateQuestion(teacher, q.id);
    expect(copy.title).toBe("Brest (copy)");
    await quizzes.deleteQuestion(teacher, copy.id);
    await expectAppError(quizzes.getQuestion(teacher, copy.id), "not_found");
  });

  it("rejects malformed questions with messages per field, saving nothing", async () => {
    const before = (await quizzes.listMyQuestions(teacher)).length;
    const twoRight = { ...mc, config: { options: mc.config.options.map((o) => ({ ...o, credit: 1 })) } };
    const err = await expectAppError(quizzes.createQuestion(teacher, twoRight), "invalid");
    expect(Object.values(err.fieldErrors).flat().join(" ")).toContain("exactly one option is correct");
    await expectAppError(quizzes.createQuestion(teacher, { ...mc, type: "no-such-type" }), "invalid");
    await expectAppError(quizzes.createQuestion(teacher, { ...mc, title: "" }), "invalid");
    await expectAppError(quizzes.createQuestion(teacher, { ...mc, prompt: "x".repeat(20_000) }), "invalid");
    expect((await quizzes.listMyQuestions(teacher)).length).toBe(before);
  });
});

describe("quizzes", () => {
  it("are built, reordered and assigned by their owner only", async () => {
    const { id } = await quizzes.createQuiz(teacher, settings());
    await expectAppError(quizzes.assignQuiz(teacher, { quizId: id, classId, dueAt: null }), "invalid"); // no questions yet
    const a = await quizzes.createQuestion(teacher, mc);
    const b = await quizzes.createQuestion(teacher, tf);
    const ia = await quizzes.addQuestionToQuiz(teacher, id, { questionId: a.id });
    const ib = await quizzes.addQuestionToQuiz(teacher, id, { questionId: b.id });
    await quizzes.reorderQuiz(teacher, id, [ib.id, ia.id]);
    expect((await quizzes.getQuizForEditing(teacher, id)).items.map((i) => i.question.title)).toEqual(["Shcharansky", "Brest"]);
    await expectAppError(quizzes.reorderQuiz(teacher, id, [ia.id]), "invalid");
    await expectAppError(quizzes.reorderQuiz(teacher, id, [ia.id, ia.id]), "invalid");
    await expectAppError(quizzes.getQuizForEditing(otherTeacher, id), "forbidden");
    await expectAppError(quizzes.addQuestionToQuiz(otherTeacher, id, { questionId: a.id }), "forbidden");
    const otherClass = (await classes.createClass(otherTeacher, { name: "Not yours" })).id;
    await expectAppError(quizzes.assignQuiz(teacher, { quizId: id, classId: otherClass, dueAt: null }), "forbidden");
    const first = await quizzes.assignQuiz(teacher, { quizId: id, classId, dueAt: null });
    const again = await quizzes.assignQuiz(teacher, { quizId: id, classId, dueAt: at(60 * 24) });
    expect(again.id).toBe(first.id);
  });
});

describe("building a quiz", () => {
  const titles = async (quizId: string) => (await quizzes.getQuizForEditing(teacher, quizId)).items.map((i) => i.question.title);
  const bankSize = async (who: Viewer) => (await quizzes.listMyQuestions(who)).length;

  it("writes questions into a quiz all together or not at all, and never into another instructor's quiz", async () => {
    const { id } = await quizzes.createQuiz(teacher, settings());
    const before = await bankSize(teacher);
    await quizzes.createQuestions(teacher, [mc, tf], { quizId: id });
    expect(await titles(id)).toEqual(["Brest", "Shcharansky"]);
    // One bad question in the batch: nothing of the batch is saved.
    const broken = { ...tf, config: { answer: "maybe" } };
    const error = await quizzes.createQuestions(teacher, [essay, broken], { quizId: id }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid", message: expect.stringContaining("Question 2") });
    expect(await bankSize(teacher)).toBe(before + 2);
    expect(await titles(id)).toEqual(["Brest", "Shcharansky"]);
    // Another instructor's quiz: refused before anything reaches their bank.
    const otherBefore = await bankSize(otherTeacher);
    await expectAppError(quizzes.createQuestion(otherTeacher, essay, { quizId: id }), "forbidden");
    expect(await bankSize(otherTeacher)).toBe(otherBefore);
  });

  it("moves items one step and duplicates an item right after itself with its points", async () => {
    const { id } = await quizzes.createQuiz(teacher, settings());
    const [a, b, c] = await quizzes.createQuestions(teacher, [mc, tf, essay], { quizId: id });
    const items = async () => (await quizzes.getQuizForEditing(teacher, id)).items;
    const itemOf = async (questionId: string) => (await items()).find((i) => i.question.id === questionId)!;
    expect(await quizzes.moveQuizItem(teacher, id, (await itemOf(c!.id)).id, "up")).toEqual({ position: 2, moved: true });
    expect(await titles(id)).toEqual(["Brest", "Sourcing", "Shcharansky"]);
    expect(await quizzes.moveQuizItem(teacher, id, (await itemOf(a!.id)).id, "up")).toEqual({ position: 1, moved: false });
    await expectAppError(quizzes.moveQuizItem(otherTeacher, id, (await itemOf(a!.id)).id, "down"), "forbidden");
    await expectAppError(quizzes.moveQuizItem(teacher, id, "not-an-item", "down"), "not_found");

    const brest = await itemOf(a!.id);
    await quizzes.setQuizItemPoints(teacher, id, brest.id, 3);
    expect(await quizzes.duplicateQuizItem(teacher, id, brest.id)).toEqual({ title: "Brest (copy)", position: 2 });
    const after = await items();
    expect(after.map((i) => i.question.title)).toEqual(["Brest", "Brest (copy)", "Sourcing", "Shcharansky"]);
    expect(after.map((i) => i.position)).toEqual([0, 1, 2, 3]);
    expect(after[1]!.points).toBe(3);
    expect(after[1]!.question.id).not.toBe(b!.id);
    await expectAppError(quizzes.duplicateQuizItem(otherTeacher, id, brest.id), "forbidden");
  });
});

describe("taking a quiz", () => {
  it("never sends the answer key to the player, grades on submit, and refuses changes afterwards", async () => {
    const { quizAssignmentId } = await quizWith([mc, tf]);
    await expectAppError(attempts.startAttempt(outsider, quizAssignmentId, T0), "forbidden");
    await expectAppError(attempts.startAttempt(teacher, quizAssignmentId, T0), "forbidden");
    const { attemptId, resumed } = await attempts.startAttempt(student, quizAssignmentId, T0);
    expect(resumed).toBe(false);
    expect((await attempts.startAttempt(student, quizAssignmentId, at(1))).attemptId).toBe(attemptId);

    const player = await attempts.getAttemptForPlayer(student, attemptId);
    const wire = JSON.stringify(player);
    expect(wire).not.toMatch(/"correct"|"credit"|"answer"|feedback|That is what the note says/);
    expect(player.questions.map((q) => q.key)).toEqual(["q1", "q2"]);
    await expectAppError(attempts.getAttemptForPlayer(classmate, attemptId), "forbidden");

    await expectAppError(attempts.saveResponse(student, attemptId, "q1", { optionId: 7 }, at(2)), "invalid");
    await expectAppError(attempts.saveResponse(student, attemptId, "q1", { text: "wrong shape" }, at(2)), "invalid");
    await expectAppError(attempts.saveResponse(student, attemptId, "q99", { optionId: "b" }, at(2)), "invalid");
    await expectAppError(attempts.saveResponse(classmate, attemptId, "q1", { optionId: "b" }, at(2)), "forbidden");
    // Authored ids are not answers: the browser only ever has the attempt's view ids.
    await expectAppError(attempts.saveResponse(student, attemptId, "q1", { optionId: "b" }, at(2)), "invalid");
    const february = await optionIdFor(student, attemptId, "q1", "February 1981");
    const april = await optionIdFor(student, attemptId, "q1", "3–4 April 1981");
    expect([february, april]).not.toContain("a");
    await attempts.saveResponse(student, attemptId, "q1", { optionId: february }, at(2));
    expect((await attempts.getAttemptForPlayer(student, attemptId)).responses.q1).toEqual({ optionId: february }); // resumes in view ids
    await attempts.saveResponse(student, attemptId, "q1", { optionId: april }, at(3)); // changed mind
    await attempts.saveResponse(student, attemptId, "q1", { optionId: april }, at(3)); // resent: harmless
    expect(await attempts.unansweredQuestions(student, attemptId)).toEqual(["q2"]);

    expect(await attempts.submitAttempt(student, attemptId, at(4))).toEqual({ alreadySubmitted: false });
    expect(await attempts.submitAttempt(student, attemptId, at(4))).toEqual({ alreadySubmitted: true });
    await expectAppError(attempts.saveResponse(student, attemptId, "q2", { value: false }, at(5)), "conflict");

    const review = await attempts.getAttemptReview(student, attemptId, at(5));
    expect(review.score).toBe(2);
    expect(review.maxScore).toBe(4);
    expect(review.questions[0]!.correctResponse).toEqual({ optionId: april }); // in the ids the student saw
    expect(review.questions[0]!.response).toEqual({ optionId: april });
    expect(review.questions[1]!.state).toBe("unanswered");
    await expectAppError(attempts.startAttempt(student, quizAssignmentId, at(6)), "conflict"); // one attempt allowed
  });

  it("submits two at once exactly once", async () => {
    const { quizAssignmentId } = await quizWith([tf]);
    const { attemptId } = await attempts.startAttempt(student, quizAssignmentId, T0);
    await attempts.saveResponse(student, attemptId, "q1", { value: false }, at(1));
    const results = await Promise.all([1, 2, 3].map(() => attempts.submitAttempt(student, attemptId, at(2))));
    expect(results.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
    expect((await attempts.getAttemptReview(student, attemptId, at(3))).score).toBe(2);
  });

  it("enforces the time limit and the close date on the server", async () => {
    const { quizAssignmentId } = await quizWith([tf, mc], { timeLimitMinutes: 5, attemptsAllowed: 2 });
    const { attemptId } = await attempts.startAttempt(student, quizAssignmentId, T0);
    await attempts.saveResponse(student, attemptId, "q1", { value: false }, at(4));
    await expectAppError(attempts.saveResponse(student, attemptId, "q2", { optionId: "b" }, at(6)), "conflict");
    // Coming back after the deadline closes the old attempt (grading what was saved) and starts the next.
    const next = await attempts.startAttempt(student, quizAssignmentId, at(7));
    expect(next.attemptId).not.toBe(attemptId);
    expect((await attempts.getAttemptReview(student, attemptId, at(8))).score).toBe(2);

    const closed = await quizWith([tf], { closesAt: at(10), opensAt: at(-10) });
    await expectAppError(attempts.startAttempt(student, closed.quizAssignmentId, at(11)), "forbidden");
    const notYet = await quizWith([tf], { opensAt: at(30) });
    await expectAppError(attempts.startAttempt(student, notYet.quizAssignmentId, at(11)), "forbidden");
  });

  it("closes an attempt whose time ran out on whichever read comes first, dated at the deadline", async () => {
    const { quizAssignmentId } = await quizWith([tf, mc], { timeLimitMinutes: 5 });
    const { attemptId } = await attempts.startAttempt(classmate, quizAssignmentId, T0);
    await attempts.saveResponse(classmate, attemptId, "q1", { value: false }, at(3));
    // Within the grace period the attempt is still open.
    expect((await attempts.getAttemptForPlayer(classmate, attemptId, new Date(at(5).getTime() + 5_000))).status).toBe("in-progress");
    // The student never comes back; the instructor's gradebook is the first to look.
    const book = await attempts.getGradebook(teacher, classId, at(20));
    const column = book.quizzes.findIndex((q) => q.quizAssignmentId === quizAssignmentId);
    const cell = book.students.find((s) => s.id === classmate.id)!.cells[column]!;
    expect(cell).toMatchObject({ state: "submitted", attemptId, score: 2, maxScore: 4 });
    const review = await attempts.getAttemptReview(classmate, attemptId, at(21));
    expect(review.status).toBe("submitted");
    expect(review.submittedAt?.toISOString()).toBe(at(5).toISOString());
    // Answers sent now are refused, and what was saved in time stays.
    await expectAppError(attempts.saveResponse(classmate, attemptId, "q2", { optionId: "b" }, at(21)), "conflict");
    expect((await attempts.getAttemptReview(teacher, attemptId, at(22))).score).toBe(2);

    // The student's own quiz page closes it too.
    const other = await quizWith([tf], { timeLimitMinutes: 1 });
    const second = await attempts.startAttempt(classmate, other.quizAssignmentId, T0);
    const page = await attempts.getQuizAssignmentForStudent(classmate, other.quizAssignmentId, at(3));
    expect(page.attempts).toMatchObject([{ id: second.attemptId, status: "submitted" }]);
  });

  it("stops a student removed from the class from answering or submitting; their attempt waits for them if they rejoin", async () => {
    const db = testDb.db();
    const leaver = await createUser(db, "student", "leaver");
    const ownClass = await classWith(db, teacher, "A class to leave", [leaver]);
    const { id: quizId } = await quizzes.createQuiz(teacher, settings());
    const question = await quizzes.createQuestion(teacher, tf);
    await quizzes.addQuestionToQuiz(teacher, quizId, { questionId: question.id, points: 2 });
    const qa = await quizzes.assignQuiz(teacher, { quizId, classId: ownClass, dueAt: null });
    const { attemptId } = await attempts.startAttempt(leaver, qa.id, T0);
    await attempts.saveResponse(leaver, attemptId, "q1", { value: true }, at(1));

    await classes.removeStudent(teacher, { classId: ownClass, studentId: leaver.id });
    await expectAppError(attempts.getAttemptForPlayer(leaver, attemptId, at(2)), "forbidden");
    await expectAppError(attempts.saveResponse(leaver, attemptId, "q1", { value: false }, at(2)), "forbidden");
    await expectAppError(attempts.submitAttempt(leaver, attemptId, at(2)), "forbidden");
    const kept = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, responses: { select: { response: true } } } });
    expect(kept).toEqual({ status: "in-progress", responses: [{ response: JSON.stringify({ value: true }) }] });

    // Back in the class with its code: the attempt is theirs to finish.
    const { joinCode } = await db.class.findUniqueOrThrow({ where: { id: ownClass }, select: { joinCode: true } });
    await classes.joinClass(leaver, joinCode);
    expect((await attempts.getAttemptForPlayer(leaver, attemptId, at(3))).status).toBe("in-progress");
    await attempts.saveResponse(leaver, attemptId, "q1", { value: false }, at(3));
    expect(await attempts.submitAttempt(leaver, attemptId, at(4))).toEqual({ alreadySubmitted: false });
    expect((await attempts.getAttemptReview(leaver, attemptId, at(5))).score).toBe(2);
  });

  it("shows only what the review policy allows, and when", async () => {
    const never = await quizWith([mc], { reviewWhen: "never" });
    const a = await attempts.startAttempt(student, never.quizAssignmentId, T0);
    const april = await optionIdFor(student, a.attemptId, "q1", "3–4 April 1981");
    await attempts.saveResponse(student, a.attemptId, "q1", { optionId: april }, at(1));
    await attempts.submitAttempt(student, a.attemptId, at(2));
    const hidden = await attempts.getAttemptReview(student, a.attemptId, at(3));
    expect(hidden.visibility.open).toBe(false);
    expect(hidden.score).toBeNull();
    expect(JSON.stringify(hidden.questions)).not.toMatch(/"correct"|"optionId":"b"/); // no key, no score, no authored ids
    expect(hidden.questions[0]!.correctResponse).toBeNull();
    // The instructor sees everything.
    expect((await attempts.getAttemptReview(teacher, a.attemptId, at(3))).score).toBe(2);

    const later = await quizWith([mc], { reviewWhen: "after-close", closesAt: at(60) });
    const b = await attempts.startAttempt(student, later.quizAssignmentId, T0);
    await attempts.submitAttempt(student, b.attemptId, at(1));
    expect((await attempts.getAttemptReview(student, b.attemptId, at(30))).visibility.open).toBe(false);
    expect((await attempts.getAttemptReview(student, b.attemptId, at(61))).visibility.open).toBe(true);
    await expectAppError(attempts.getAttemptReview(classmate, b.attemptId, at(61)), "forbidden");
  });

  it("keeps a grade when the question is edited later, until the instructor regrades", async () => {
    const { quizAssignmentId } = await quizWith([mc]);
    const bank = await quizzes.listMyQuestions(teacher);
    const question = bank[bank.length - 1]!;
    const { attemptId } = await attempts.startAttempt(student, quizAssignmentId, T0);
    await attempts.saveResponse(student, attemptId, "q1", { optionId: await optionIdFor(student, attemptId, "q1", "February 1981") }, at(1));
    await attempts.submitAttempt(student, attemptId, at(2));
    expect((await attempts.getAttemptReview(teacher, attemptId)).score).toBe(0);
    // The instructor changes the key so "a" is right.
    const options = mc.config.options.map((o) => ({ ...o, credit: o.id === "a" ? 1 : 0 }));
    await quizzes.updateQuestion(teacher, question.id, { ...mc, config: { options } });
    expect((await attempts.getAttemptReview(teacher, attemptId)).score).toBe(0);
    await expectAppError(attempts.regradeAssignment(student, quizAssignmentId), "forbidden");
    expect(await attempts.regradeAssignment(teacher, quizAssignmentId)).toEqual({ attempts: 1 });
    expect((await attempts.getAttemptReview(teacher, attemptId)).score).toBe(2);
  });
});

describe("multiple choice stored before per-option credit (correct: true/false)", () => {
  const legacyOptions = mc.config.options.map(({ credit, ...o }) => ({ ...o, correct: credit === 1 }));
  const toLegacy = (config: { options?: unknown[] }) => ({ ...config, options: legacyOptions });

  it("an old attempt snapshot and an old bank row still grade, review and regrade as before", async () => {
    const db = testDb.db();
    const { quizAssignmentId } = await quizWith([mc]);
    const bank = await quizzes.listMyQuestions(teacher);
    const question = bank[bank.length - 1]!;
    const { attemptId } = await attempts.startAttempt(classmate, quizAssignmentId, T0);
    // Rewrite what the database holds to the shape an older Dossier wrote.
    const row = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { snapshot: true } });
    const snapshot = (JSON.parse(row.snapshot) as { config: { options?: unknown[] } }[]).map((q) => ({ ...q, config: toLegacy(q.config) }));
    await db.attempt.update({ where: { id: attemptId }, data: { snapshot: JSON.stringify(snapshot) }, select: { id: true } });
    await db.question.update({ where: { id: question.id }, data: { config: JSON.stringify({ options: legacyOptions }) }, select: { id: true } });
    expect(JSON.stringify(snapshot)).toContain('"correct":true');

    // The player still shows the options (and no key), and the right option still earns full marks.
    expect(JSON.stringify(await attempts.getAttemptForPlayer(classmate, attemptId))).not.toMatch(/"correct"|"credit"/);
    await attempts.saveResponse(classmate, attemptId, "q1", { optionId: await optionIdFor(classmate, attemptId, "q1", "3–4 April 1981") }, at(1));
    await attempts.submitAttempt(classmate, attemptId, at(2));
    const review = await attempts.getAttemptReview(teacher, attemptId);
    expect(review.score).toBe(2);
    expect(review.questions[0]!.correctResponse).toEqual(review.questions[0]!.response);

    // The bank reads the old row in the new shape, and a regrade against it changes nothing.
    const reread = (await quizzes.listMyQuestions(teacher)).find((q) => q.id === question.id)!;
    expect(reread.config).toEqual(mc.config);
    expect(await attempts.regradeAssignment(teacher, quizAssignmentId)).toEqual({ attempts: 1 });
    expect((await attempts.getAttemptReview(teacher, attemptId)).score).toBe(2);
  });
});

describe("grading and results", () => {
  it("flags essays for grading, takes rubric scores, and exports CSV that spreadsheets read", async () => {
    const db = testDb.db();
    await db.user.update({ where: { id: classmate.id }, data: { name: 'Wiśniewski, Jan "Janek"' } });
    const { quizAssignmentId } = await quizWith([essay, tf]);
    const { attemptId } = await attempts.startAttempt(classmate, quizAssignmentId, T0);
    await attempts.saveResponse(classmate, attemptId, "q1", { text: "The Stasi (MfS) wrote it; the private talk is missing." }, at(1));
    await attempts.saveResponse(classmate, attemptId, "q2", { value: false }, at(1));
    await attempts.submitAttempt(classmate, attemptId, at(2));

    let book = await attempts.getGradebook(teacher, classId);
    const row = book.students.find((s) => s.id === classmate.id)!;
    const column = book.quizzes.findIndex((q) => q.quizAssignmentId === quizAssignmentId);
    expect(row.cells[column]).toMatchObject({ state: "needs-grading", score: 2 });
    await expectAppError(attempts.getGradebook(student, classId), "forbidden");
    await expectAppError(attempts.getGradebook(otherTeacher, classId), "forbidden");
    await expectAppError(attempts.gradeResponse(classmate, attemptId, "q1", { rubricScores: { author: 2, gap: 2 }, comment: "" }), "forbidden");
    await expectAppError(attempts.gradeResponse(teacher, attemptId, "q1", { comment: "no score" }), "invalid");

    // A hand-given fraction is stored rounded like an automatic one (4 decimals), and clamped.
    await attempts.gradeResponse(teacher, attemptId, "q1", { fraction: 2 / 3, comment: "" });
    const stored = () => testDb.db().attemptResponse.findFirstOrThrow({ where: { attemptId, questionKey: "q1" }, select: { fraction: true, state: true } });
    expect(await stored()).toEqual({ fraction: 0.6667, state: "partial" });
    await attempts.gradeResponse(teacher, attemptId, "q1", { fraction: 1.2, comment: "" });
    expect(await stored()).toEqual({ fraction: 1, state: "correct" });

    await attempts.gradeResponse(teacher, attemptId, "q1", { rubricScores: { author: 2, gap: 1 }, comment: "Say more about the private talk." });
    book = await attempts.getGradebook(teacher, classId);
    expect(book.students.find((s) => s.id === classmate.id)!.cells[column]).toMatchObject({ state: "submitted", score: 2 + 1.5 });
    const review = await attempts.getAttemptReview(classmate, attemptId);
    expect(review.questions[0]!.graderComment).toBe("Say more about the private talk.");

    const { csv, filename } = await attempts.exportGradesCsv(teacher, classId);
    expect(filename).toBe("quiz-class-grades.csv");
    expect(csv.startsWith("\uFEFFStudent,Email,")).toBe(true);
    expect(csv).toContain('"Wiśniewski, Jan ""Janek"""');
    expect(csv.split("\r\n").length).toBe(book.students.length + 2);
  });

  it("analyses each question across the class", async () => {
    const evidence = {
      type: "evidence",
      title: "Poland",
      prompt: "Did Andropov expect a Soviet intervention in Poland? Cite the paragraphs.",
      config: { answer: { kind: "choice", options: [{ id: "y", text: "Yes", credit: 0 }, { id: "n", text: "No", credit: 1 }] }, evidence: ["p-120", "p-121"] },
    };
    const { quizAssignmentId } = await quizWith([mc, tf, evidence], { attemptsAllowed: 0 });
    const answers: [Viewer, string, boolean, string[]][] = [
      [student, "3–4 April 1981", false, ["p-120", "p-130"]],
      [classmate, "February 1981", true, ["p-120"]],
    ];
    for (const [who, option, value, anchors] of answers) {
      const { attemptId } = await attempts.startAttempt(who, quizAssignmentId, T0);
      await attempts.saveResponse(who, attemptId, "q1", { optionId: await optionIdFor(who, attemptId, "q1", option) }, at(1));
      await attempts.saveResponse(who, attemptId, "q2", { value }, at(1));
      await attempts.saveResponse(who, attemptId, "q3", { optionId: await optionIdFor(who, attemptId, "q3", "No"), anchors }, at(1));
      await attempts.submitAttempt(who, attemptId, at(2));
    }
    const analysis = await attempts.analyseQuizAssignment(teacher, quizAssignmentId);
    expect(analysis.attempts).toBe(2);
    expect(analysis.readingSlug).toBeNull(); // this quiz was made without a reading
    const poland = analysis.questions.find((q) => q.title === "Poland")!;
    expect(poland.citedParagraphs).toEqual([
      { anchor: "p-120", count: 2 },
      { anchor: "p-130", count: 1 },
    ]);
    expect(poland.keyParagraphs).toEqual(["p-120", "p-121"]);
    expect(poland.answers).toEqual([{ label: "No", count: 2 }]);
    expect(analysis.questions.find((q) => q.title === "Brest")!.keyParagraphs).toEqual([]);
    const brest = analysis.questions.find((q) => q.title === "Brest")!;
    expect(brest.facility).toBe(0.5);
    expect(brest.answers).toEqual([
      { label: "3–4 April 1981", count: 1 },
      { label: "February 1981", count: 1 },
    ]);
    expect(brest.discrimination).toBeNull(); // too few attempts to say
    await expectAppError(attempts.analyseQuizAssignment(student, quizAssignmentId), "forbidden");
  });
});
