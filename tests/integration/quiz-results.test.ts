// What the classroom trial asked of quiz results, through lib/data against a real database: the
// description reaches students, scores say what is still waiting for a grader, essays are graded
// question by question with "next ungraded" across attempts, students see their rubric scores,
// the CSV carries percent, per-question scores and reading progress in two number formats, and
// the analysis shows short answers as they were typed.
import { beforeAll, describe, expect, it } from "vitest";

import type { Viewer } from "@/lib/authz/policy";
import type { QuizSettings } from "@/lib/validation/quizzes";
import { DEMO_READING } from "@/prisma/demo-accounts";
import { classWith, createUser, expectAppError, quizSettings } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase();

let quizzes: typeof import("@/lib/data/quizzes");
let attempts: typeof import("@/lib/data/attempts");
let progress: typeof import("@/lib/data/progress");

let teacher: Viewer;
let otherTeacher: Viewer;
let zofia: Viewer;
let adam: Viewer;
let bea: Viewer;
let classId: string;

const T0 = new Date("2026-03-02T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const essay = {
  type: "essay",
  title: "Sourcing",
  prompt: "Who made this record, and what does it leave out?",
  config: { rubric: [{ id: "author", criterion: "Names the MfS as author", maxPoints: 2 }, { id: "gap", criterion: "Notes the unrecorded private talk", maxPoints: 2 }] },
};
const tf = { type: "true-false", title: "Shcharansky", prompt: "Shcharansky stayed in prison until 1991.", config: { answer: false } };
const union = {
  type: "short-answer",
  title: "The union",
  prompt: "Which union does Andropov call “Solidarnosc”?",
  config: { answers: [{ text: "Solidarność", credit: 1 }, { text: "Solidarity", credit: 1 }] },
};

async function quizWith(questions: unknown[], over: Partial<QuizSettings> = {}, readingSlug?: string) {
  const { id } = await quizzes.createQuiz(teacher, quizSettings({ shuffleOptions: false, ...over }), readingSlug);
  const ids: string[] = [];
  for (const q of questions) {
    const created = await quizzes.createQuestion(teacher, q);
    await quizzes.addQuestionToQuiz(teacher, id, { questionId: created.id, points: 2 });
    ids.push(created.id);
  }
  const qa = await quizzes.assignQuiz(teacher, { quizId: id, classId, dueAt: null });
  return { quizId: id, quizAssignmentId: qa.id, questionIds: ids };
}

/** Starts, answers (by question key, in the player's view ids where it matters) and submits. */
async function take(who: Viewer, quizAssignmentId: string, answers: Record<string, unknown>, minute = 1): Promise<string> {
  const { attemptId } = await attempts.startAttempt(who, quizAssignmentId, at(minute));
  for (const [key, response] of Object.entries(answers)) await attempts.saveResponse(who, attemptId, key, response, at(minute + 1));
  await attempts.submitAttempt(who, attemptId, at(minute + 2));
  return attemptId;
}

beforeAll(async () => {
  quizzes = await import("@/lib/data/quizzes");
  attempts = await import("@/lib/data/attempts");
  progress = await import("@/lib/data/progress");
  const db = testDb.db();
  teacher = await createUser(db, "instructor", "results-teacher");
  otherTeacher = await createUser(db, "instructor", "results-other");
  zofia = await createUser(db, "student", "zofia");
  adam = await createUser(db, "student", "adam");
  bea = await createUser(db, "student", "bea");
  // Names whose order a byte-wise ORDER BY gets wrong: "Á" sorts after "Z" in SQLite and in PostgreSQL's C collation.
  for (const [who, name] of [
    [zofia, "Zofia Zielińska"],
    [adam, "Ádám Abel"],
    [bea, "bea Brandt"],
  ] as const) {
    await db.user.update({ where: { id: who.id }, data: { name } });
  }
  classId = await classWith(db, teacher, "Results class", [zofia, adam, bea]);
});

describe("the quiz description", () => {
  it("reaches the start page, the attempt and the preview", async () => {
    const description = "Check what the note says.\n\nKeep the reading open.";
    const { quizId, quizAssignmentId } = await quizWith([tf], { description });
    expect((await attempts.getQuizAssignmentForStudent(zofia, quizAssignmentId, T0)).description).toBe(description);
    const { attemptId } = await attempts.startAttempt(zofia, quizAssignmentId, T0);
    expect((await attempts.getAttemptForPlayer(zofia, attemptId, T0)).quizDescription).toBe(description);
    expect((await attempts.previewQuiz(teacher, quizId)).quizDescription).toBe(description);
  });
});

describe("scores with answers still to grade", () => {
  it("say how many points wait, on the review, the dashboard and the gradebook, and not once graded", async () => {
    const { quizAssignmentId } = await quizWith([essay, tf]);
    const attemptId = await take(zofia, quizAssignmentId, { q1: { text: "The MfS wrote it." }, q2: { value: false } });

    const review = await attempts.getAttemptReview(zofia, attemptId);
    expect(review).toMatchObject({ score: 2, maxScore: 4, needsGrading: true, pendingPoints: 2 });
    const mine = (await attempts.listMyQuizAssignments(zofia)).find((q) => q.quizAssignmentId === quizAssignmentId)!;
    expect(mine).toMatchObject({ bestScore: 2, maxScore: 4, pendingPoints: 2 });
    const book = await attempts.getGradebook(teacher, classId);
    const column = book.quizzes.findIndex((q) => q.quizAssignmentId === quizAssignmentId);
    expect(book.students.find((s) => s.id === zofia.id)!.cells[column]).toMatchObject({ state: "needs-grading", score: 2, pendingPoints: 2 });

    await attempts.gradeResponse(teacher, attemptId, "q1", { rubricScores: { author: 2, gap: 1 }, comment: "" });
    expect(await attempts.getAttemptReview(zofia, attemptId)).toMatchObject({ score: 3.5, needsGrading: false, pendingPoints: 0 });
  });

  it("keep the pending points hidden where the policy hides the score", async () => {
    const { quizAssignmentId } = await quizWith([essay], { reviewScore: false });
    const attemptId = await take(zofia, quizAssignmentId, { q1: { text: "The MfS wrote it." } });
    expect(await attempts.getAttemptReview(zofia, attemptId)).toMatchObject({ score: null, pendingPoints: null });
    expect((await attempts.getAttemptReview(teacher, attemptId)).pendingPoints).toBe(2);
  });
});

describe("rubric scores in the student's review", () => {
  it("show each criterion's score where the policy shows scores, and nothing of it otherwise", async () => {
    const shown = await quizWith([essay]);
    const a = await take(bea, shown.quizAssignmentId, { q1: { text: "Mielke's ministry made it." } });
    await attempts.gradeResponse(teacher, a, "q1", { rubricScores: { author: 2, gap: 0 }, comment: "Say what is missing." });
    const q = (await attempts.getAttemptReview(bea, a)).questions[0]!;
    expect(q.rubric?.map((c) => c.id)).toEqual(["author", "gap"]);
    expect(q.rubricScores).toEqual({ author: 2, gap: 0 });
    expect(q.graderNotes).toBeNull();

    const hidden = await quizWith([essay], { reviewScore: false });
    const b = await take(bea, hidden.quizAssignmentId, { q1: { text: "Mielke's ministry made it." } });
    await attempts.gradeResponse(teacher, b, "q1", { rubricScores: { author: 2, gap: 0 }, comment: "" });
    const h = (await attempts.getAttemptReview(bea, b)).questions[0]!;
    expect(h.rubricScores).toBeNull();
    expect(JSON.stringify(h)).not.toContain('"author":2');
  });
});

describe("grading by question", () => {
  let quizAssignmentId: string;
  let essayId: string;
  let tfId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const quiz = await quizWith([essay, tf], { attemptsAllowed: 2 });
    quizAssignmentId = quiz.quizAssignmentId;
    [essayId, tfId] = quiz.questionIds as [string, string];
    ids.zofia = await take(zofia, quizAssignmentId, { q1: { text: "Zofia: the Stasi wrote it." }, q2: { value: true } });
    ids.adam1 = await take(adam, quizAssignmentId, { q1: { text: "Ádám, first go." } });
    ids.adam2 = await take(adam, quizAssignmentId, { q1: { text: "Ádám, second go." } }, 10);
    ids.bea = await take(bea, quizAssignmentId, { q2: { value: false } }); // no essay
    await attempts.startAttempt(bea, quizAssignmentId, at(20)); // in progress: not for grading
  });

  it("lists every submitted answer to a question, by student name and attempt, with what each needs", async () => {
    const page = await attempts.getQuestionGrading(teacher, quizAssignmentId, essayId);
    expect(page.question).toMatchObject({ questionId: essayId, n: 1, title: "Sourcing", type: "essay" });
    expect(page.answers.map((a) => [a.student.name, a.attemptNumber, a.state])).toEqual([
      ["Ádám Abel", 1, "needs-grading"],
      ["Ádám Abel", 2, "needs-grading"],
      ["bea Brandt", 1, "unanswered"],
      ["Zofia Zielińska", 1, "needs-grading"],
    ]);
    expect(page.answers[0]).toMatchObject({ attemptId: ids.adam1, questionKey: "q1", response: { text: "Ádám, first go." }, points: 2 });
    expect(page.answers[0]!.rubric?.map((c) => c.id)).toEqual(["author", "gap"]);
    expect(page.ungraded).toBe(3);

    const overview = await attempts.getGradingOverview(teacher, quizAssignmentId);
    expect(overview.questions.map((q) => [q.questionId, q.n, q.answered, q.ungraded])).toEqual([
      [essayId, 1, 3, 3],
      [tfId, 2, 2, 0],
    ]);
  });

  it("moves to the next ungraded answer across attempts and students, coming round to the skipped ones", async () => {
    const next = (attemptId: string, questionId = essayId) => attempts.nextUngradedAnswer(teacher, quizAssignmentId, { questionId, attemptId });
    expect(await next(ids.adam1!)).toEqual({ questionId: essayId, attemptId: ids.adam2, questionKey: "q1" });
    expect(await next(ids.adam2!)).toEqual({ questionId: essayId, attemptId: ids.zofia, questionKey: "q1" });
    expect(await next(ids.zofia!)).toEqual({ questionId: essayId, attemptId: ids.adam1, questionKey: "q1" }); // round again
    expect(await next(ids.bea!, tfId)).toEqual({ questionId: essayId, attemptId: ids.adam1, questionKey: "q1" }); // from another question

    await attempts.gradeResponse(teacher, ids.adam1!, "q1", { rubricScores: { author: 1, gap: 1 }, comment: "" });
    await attempts.gradeResponse(teacher, ids.adam2!, "q1", { rubricScores: { author: 2, gap: 2 }, comment: "" });
    expect(await next(ids.adam2!)).toEqual({ questionId: essayId, attemptId: ids.zofia, questionKey: "q1" });
    await attempts.gradeResponse(teacher, ids.zofia!, "q1", { rubricScores: { author: 2, gap: 1 }, comment: "" });
    expect(await next(ids.zofia!)).toBeNull();
    expect((await attempts.getQuestionGrading(teacher, quizAssignmentId, essayId)).ungraded).toBe(0);
  });

  it("is for the class's instructor only, and only for the quiz's own questions", async () => {
    await expectAppError(attempts.getQuestionGrading(zofia, quizAssignmentId, essayId), "forbidden");
    await expectAppError(attempts.getQuestionGrading(otherTeacher, quizAssignmentId, essayId), "forbidden");
    await expectAppError(attempts.getGradingOverview(zofia, quizAssignmentId), "forbidden");
    await expectAppError(attempts.nextUngradedAnswer(otherTeacher, quizAssignmentId, { questionId: essayId, attemptId: ids.zofia! }), "forbidden");
    await expectAppError(attempts.getQuestionGrading(teacher, quizAssignmentId, "no-such-question"), "not_found");
    const elsewhere = await quizWith([tf]);
    await expectAppError(attempts.getQuestionGrading(teacher, quizAssignmentId, elsewhere.questionIds[0]!), "not_found");
    await expectAppError(attempts.getQuestionGrading(teacher, "no-such-assignment", essayId), "not_found");
  });
});

describe("the grades CSV", () => {
  it("has percent, a column per question in quiz order, reading progress, and a decimal-comma variant", async () => {
    const db = testDb.db();
    const cls = await classWith(db, teacher, "CSV class", [zofia, adam]);
    const { id: quizId } = await quizzes.createQuiz(teacher, quizSettings({ title: "Brest; and = Madrid", shuffleQuestions: true }), DEMO_READING);
    const made = await quizzes.createQuestions(teacher, [tf, essay], { quizId });
    const items = (await quizzes.getQuizForEditing(teacher, quizId)).items;
    await quizzes.setQuizItemPoints(teacher, quizId, items[0]!.id, 1);
    await quizzes.setQuizItemPoints(teacher, quizId, items[1]!.id, 3);
    const qa = await quizzes.assignQuiz(teacher, { quizId, classId: cls, dueAt: null });

    const { attemptId } = await attempts.startAttempt(zofia, qa.id, T0);
    const player = await attempts.getAttemptForPlayer(zofia, attemptId, T0);
    const keyOf = (questionTitle: string) => player.questions.find((q) => q.title === questionTitle)!.key;
    await attempts.saveResponse(zofia, attemptId, keyOf("Shcharansky"), { value: false }, at(1));
    await attempts.saveResponse(zofia, attemptId, keyOf("Sourcing"), { text: "The MfS wrote it." }, at(1));
    await attempts.submitAttempt(zofia, attemptId, at(2));
    await attempts.gradeResponse(teacher, attemptId, keyOf("Sourcing"), { rubricScores: { author: 2, gap: 1 }, comment: "" });

    const reading = await db.assignment.findFirstOrThrow({ where: { classId: cls }, select: { id: true, reading: { select: { title: true, sections: { select: { slug: true } } } } } });
    const sections = reading.reading.sections.map((s) => s.slug);
    for (const slug of sections.slice(0, 3)) await progress.setSectionDone(zofia, reading.id, slug, true);
    const readPercent = Math.floor((3 / sections.length) * 100);

    const standard = await attempts.exportGradesCsv(teacher, cls);
    const lines = standard.csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      [
        "Student",
        "Email",
        "Brest; and = Madrid (score)",
        "Brest; and = Madrid (out of)",
        "Brest; and = Madrid (percent)",
        "Brest; and = Madrid (status)",
        "Brest; and = Madrid: Q1 Shcharansky",
        "Brest; and = Madrid: Q2 Sourcing",
        `${reading.reading.title} (% read)`,
      ]
        .map((h) => (h.includes(",") ? `"${h}"` : h))
        .join(","),
    );
    const zofiaRow = lines.find((l) => l.startsWith("Zofia"))!;
    // 1 + 3 × 3/4 = 3.25 of 4 = 81.25%, whatever order the questions were shown in.
    expect(zofiaRow).toBe(`Zofia Zielińska,${zofia.email},3.25,4,81.3,graded,1,2.25,${readPercent}`);
    expect(lines.find((l) => l.startsWith("Ádám"))).toBe(`Ádám Abel,${adam.email},,,,not started,,,0`);

    const eu = await attempts.exportGradesCsv(teacher, cls, { format: "eu" });
    const euLines = eu.csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(eu.csv.startsWith("\uFEFFStudent;Email;")).toBe(true);
    expect(euLines[0]).toContain('"Brest; and = Madrid (score)"'); // a semicolon in a title is quoted
    expect(euLines.find((l) => l.startsWith("Zofia"))).toBe(`Zofia Zielińska;${zofia.email};3,25;4;81,3;graded;1;2,25;${readPercent}`);
    expect(eu.filename).not.toBe(standard.filename);
    expect(made).toHaveLength(2);
  });
});

describe("short answers in the analysis", () => {
  it("are counted together as grading matches them, and shown as the students typed them", async () => {
    const { quizAssignmentId } = await quizWith([union], { attemptsAllowed: 0 });
    await take(zofia, quizAssignmentId, { q1: { text: "SOLIDARNOŚĆ" } });
    await take(adam, quizAssignmentId, { q1: { text: "  solidarnosc " } });
    await take(bea, quizAssignmentId, { q1: { text: "SOLIDARNOŚĆ" } });
    await take(bea, quizAssignmentId, { q1: { text: "Komsomol" } }, 10);
    const [q] = (await attempts.analyseQuizAssignment(teacher, quizAssignmentId)).questions;
    expect(q!.answers).toEqual([
      {
        label: "SOLIDARNOŚĆ",
        count: 3,
        spellings: [
          { text: "SOLIDARNOŚĆ", count: 2 },
          { text: "solidarnosc", count: 1 },
        ],
      },
      { label: "Komsomol", count: 1 },
    ]);
  });
});
