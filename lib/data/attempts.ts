import "server-only";
import { roundPoints } from "@/lib/format";
import { clampFraction, roundFraction, stateForFraction } from "@/lib/question-types/normalize";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db, dbProvider } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canManageClass, canManageOwnContent, canSeeAttempt, canTakeQuiz, canWorkInAttempt, FINISH_READING_FIRST, quizStartBlock, quizStartRefusal, type Viewer } from "@/lib/authz/policy";
import { questionTypeIds, type QuestionTypeId } from "@/lib/question-types/ids";
import { answerGroupFor, answerLabellerFor, correctResponseFor, gradeQuestion, isAnswerComplete, parseConfig, playerView, QuestionDataError, responseFromView, responseToView } from "@/lib/question-types/registry";
import { gradeEssayManually } from "@/lib/question-types/essay/grade";
import { buildSnapshot, gradeSnapshot, snapshotColumns, type OutlineItem, type SnapshotItem } from "@/lib/quiz/snapshot";
import { reviewVisibility, type ReviewVisibility, type ReviewWhen } from "@/lib/quiz/review";
import { analyseQuestions, type QuestionAnalysis } from "@/lib/quiz/analysis";
import { toCsv, type CsvFormat } from "@/lib/quiz/csv";
import { pendingPoints } from "@/lib/quiz/score";
import { isUniqueViolation } from "./prisma-errors";
import { getClassProgress } from "./progress";
import { quizSettingsSelect } from "./selects";
import { outlinesOf, snapshotOf, snapshotsOf } from "./snapshots";

/**
 * Attempts: starting (with a snapshot of the questions), saving answers as the student works,
 * submitting (graded here, on the server), reviewing under the quiz's policy, and the
 * instructor's side: grading essays, regrading, the gradebook, CSV and item analysis.
 * Times come in as `now` so tests can move the clock; the server's clock is the only one trusted.
 */

/** Answers that arrive this long after the deadline still count: the request was on its way. */
const DEADLINE_GRACE_MS = 10_000;

const quizPolicySelect = { id: true, title: true, description: true, readingId: true, ...quizSettingsSelect } as const;

async function loadAssignmentFor(viewer: Viewer, quizAssignmentId: string) {
  const qa = await db.quizAssignment.findUnique({
    where: { id: quizAssignmentId },
    select: {
      id: true,
      dueAt: true,
      opensAfterReading: true,
      quiz: { select: { ...quizPolicySelect, reading: { select: { slug: true, title: true } }, items: { orderBy: { position: "asc" }, select: { points: true, question: true } } } },
      class: { select: { id: true, name: true, instructorId: true, enrolments: { where: { userId: viewer.id }, select: { userId: true } } } },
    },
  });
  if (!qa) throw new AppError("not_found", "There is no such quiz assignment.");
  return { qa, enrolled: qa.class.enrolments.length > 0 };
}

async function loadAttempt(viewer: Viewer, attemptId: string) {
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    select: {
      id: true,
      userId: true,
      number: true,
      status: true,
      startedAt: true,
      deadlineAt: true,
      submittedAt: true,
      outline: true,
      score: true,
      maxScore: true,
      needsGrading: true,
      quizAssignmentId: true,
      quizAssignment: {
        select: {
          quiz: { select: quizPolicySelect },
          class: { select: { id: true, name: true, instructorId: true, enrolments: { where: { userId: viewer.id }, select: { userId: true } } } },
        },
      },
      user: { select: { id: true, name: true } },
      responses: true,
    },
  });
  if (!attempt) throw new AppError("not_found", "There is no such attempt.");
  if (!canSeeAttempt(viewer, attempt, attempt.quizAssignment.class)) throw new AppError("forbidden", "This attempt belongs to another student.");
  return attempt;
}

/**
 * Playing, answering in and submitting an attempt: its student, while in the class
 * (canWorkInAttempt). Someone else's attempt says so; a student removed from the class is told
 * the attempt waits for them.
 */
function assertCanWork(viewer: Viewer, attempt: { userId: string }, enrolled: boolean, doing: string): void {
  if (canWorkInAttempt(viewer, attempt, enrolled)) return;
  if (attempt.userId !== viewer.id) throw new AppError("forbidden", `Only the student taking this attempt can ${doing}.`);
  throw new AppError("forbidden", "You are no longer in this class, so this attempt can’t go on. If your instructor adds you again, it is here as you left it.");
}

/**
 * What saving an answer and submitting need of an attempt, and nothing more: whose it is, its
 * state and its outline (not its answers, not its snapshot). Same checks as loadAttempt.
 */
async function loadAttemptForAnswers(viewer: Viewer, attemptId: string) {
  const attempt = await db.attempt.findUnique({ where: { id: attemptId }, select: { id: true, userId: true, status: true, deadlineAt: true, outline: true, quizAssignmentId: true } });
  if (!attempt) throw new AppError("not_found", "There is no such attempt.");
  // The class is read only for someone else's attempt (its instructor gets a message of their own).
  if (attempt.userId !== viewer.id) {
    const cls = await db.class.findFirstOrThrow({ where: { quizAssignments: { some: { id: attempt.quizAssignmentId } } }, select: { instructorId: true } });
    if (!canSeeAttempt(viewer, attempt, cls)) throw new AppError("forbidden", "This attempt belongs to another student.");
    return { ...attempt, enrolled: false };
  }
  // Still in the class? (A removed student's attempt waits for them: canWorkInAttempt.)
  const enrolled = (await db.enrolment.count({ where: { userId: viewer.id, class: { quizAssignments: { some: { id: attempt.quizAssignmentId } } } } })) > 0;
  return { ...attempt, enrolled };
}

/** loadAttempt, after closing the attempt if its time ran out, so callers see its real state. */
async function loadCurrentAttempt(viewer: Viewer, attemptId: string, now: Date) {
  const attempt = await loadAttempt(viewer, attemptId);
  if (attempt.status !== "in-progress" || !attempt.deadlineAt || now.getTime() <= attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS) return attempt;
  await closeExpired({ id: attemptId }, now);
  return loadAttempt(viewer, attemptId);
}

function policyOf(quiz: { reviewWhen: string; reviewScore: boolean; reviewCorrectness: boolean; reviewAnswers: boolean; reviewFeedback: boolean }) {
  return {
    when: quiz.reviewWhen as ReviewWhen,
    showScore: quiz.reviewScore,
    showCorrectness: quiz.reviewCorrectness,
    showAnswers: quiz.reviewAnswers,
    showFeedback: quiz.reviewFeedback,
  };
}

/** Points still waiting for a grader, for each of these attempts that has any (read only for attempts flagged needsGrading). */
async function pendingPointsOf(attemptIds: readonly string[]): Promise<Map<string, number>> {
  if (attemptIds.length === 0) return new Map();
  const rows = await db.attempt.findMany({
    where: { id: { in: [...attemptIds] }, needsGrading: true },
    select: { id: true, outline: true, responses: { where: { fraction: null }, select: { questionKey: true, fraction: true } } },
  });
  const outlines = await outlinesOf(rows);
  return new Map(rows.map((a) => [a.id, pendingPoints(outlines.get(a.id)!, a.responses)]));
}

/** Readings (by "classId readingId") the student has read every part of. */
async function finishedReadings(userId: string): Promise<Set<string>> {
  const rows = await db.readingProgress.findMany({ where: { userId, completedAt: { not: null } }, select: { assignment: { select: { classId: true, readingId: true } } } });
  return new Set(rows.map((r) => `${r.assignment.classId} ${r.assignment.readingId}`));
}

/** Whether a quiz that opens after the reading is still waiting for this student to finish it. */
async function waitsForReading(userId: string, qa: { opensAfterReading: boolean; class: { id: string }; quiz: { readingId: string | null } }): Promise<boolean> {
  if (!qa.opensAfterReading || !qa.quiz.readingId) return false;
  const finished = await db.readingProgress.findFirst({ where: { userId, completedAt: { not: null }, assignment: { classId: qa.class.id, readingId: qa.quiz.readingId } }, select: { id: true } });
  return finished === null;
}

export { FINISH_READING_FIRST };

// ---------------------------------------------------------------- the student's side

export async function startAttempt(viewer: Viewer, quizAssignmentId: string, now = new Date()): Promise<{ attemptId: string; resumed: boolean }> {
  const { qa, enrolled } = await loadAssignmentFor(viewer, quizAssignmentId);
  if (!canTakeQuiz(viewer, enrolled)) throw new AppError("forbidden", "Only students of this class take this quiz.");
  const quiz = qa.quiz;
  const refuse = (block: Parameters<typeof quizStartRefusal>[0]) => {
    const { code, message } = quizStartRefusal(block, quiz);
    return new AppError(code, message);
  };
  const facts = { opensAt: quiz.opensAt, closesAt: quiz.closesAt, attemptsAllowed: quiz.attemptsAllowed, questionCount: quiz.items.length };
  // Not open yet: refused before anything is written.
  const early = quizStartBlock({ ...facts, waitsForReading: false, attemptsUsed: 0, hasAttemptInProgress: false }, now);
  if (early === "not-open") throw refuse(early);

  await closeExpired({ quizAssignmentId, userId: viewer.id }, now);
  const open = await db.attempt.findFirst({ where: { quizAssignmentId, userId: viewer.id, status: "in-progress" }, select: { id: true } });
  if (open) return { attemptId: open.id, resumed: true };
  const used = await db.attempt.count({ where: { quizAssignmentId, userId: viewer.id } });
  const block = quizStartBlock({ ...facts, waitsForReading: await waitsForReading(viewer.id, qa), attemptsUsed: used, hasAttemptInProgress: false }, now);
  if (block) throw refuse(block);

  const seed = randomBytes(8).toString("hex");
  const snapshot = buildSnapshot(quiz.items, seed, quiz.shuffleQuestions);
  const limit = quiz.timeLimitMinutes ? new Date(now.getTime() + quiz.timeLimitMinutes * 60_000) : null;
  const deadlineAt = limit && quiz.closesAt ? (limit < quiz.closesAt ? limit : quiz.closesAt) : (limit ?? quiz.closesAt);
  try {
    const attempt = await db.attempt.create({
      data: {
        quizAssignmentId,
        userId: viewer.id,
        number: used + 1,
        startedAt: now,
        deadlineAt,
        ...snapshotColumns(snapshot),
        maxScore: snapshot.reduce((s, q) => s + q.points, 0),
      },
      select: { id: true },
    });
    return { attemptId: attempt.id, resumed: false };
  } catch (e) {
    // Two tabs pressed "Start" together: the other one created it; resume that.
    if (!isUniqueViolation(e)) throw e;
    const existing = await db.attempt.findFirstOrThrow({ where: { quizAssignmentId, userId: viewer.id, status: "in-progress" }, select: { id: true } });
    return { attemptId: existing.id, resumed: true };
  }
}

export interface PlayerQuestion {
  key: string;
  type: QuestionTypeId;
  title: string;
  prompt: string;
  format: string;
  anchors: string[];
  points: number;
  /** The type's player view: never the answer key. */
  view: unknown;
}

export interface Passage {
  anchor: string;
  sectionTitle: string;
  kind: string;
  text: string;
}

export interface AttemptForPlayer {
  id: string;
  quizAssignmentId: string;
  quizTitle: string;
  /** What the quiz is about, as its instructor wrote it ("" for none). */
  quizDescription: string;
  number: number;
  status: string;
  deadlineAt: Date | null;
  questions: PlayerQuestion[];
  responses: Record<string, unknown>;
  /** The reading's paragraphs, so students can open a passage and choose evidence without leaving the attempt. */
  passages: Passage[];
}

/** The paragraphs of the quiz's reading (or of the first reading, for quizzes not tied to one). */
async function passagesFor(readingId: string | null): Promise<Passage[]> {
  const reading = readingId
    ? await db.reading.findUnique({ where: { id: readingId }, select: { id: true } })
    : await db.reading.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!reading) return [];
  const rows = await db.paragraph.findMany({
    where: { readingId: reading.id, kind: { not: "gap" } },
    orderBy: { position: "asc" },
    select: { anchor: true, kind: true, text: true, section: { select: { title: true } } },
  });
  return rows.map((r) => ({ anchor: r.anchor, kind: r.kind, text: r.text, sectionTitle: r.section.title }));
}

/** The attempt as its student plays it; an attempt whose time ran out is closed first (status "submitted"). */
export async function getAttemptForPlayer(viewer: Viewer, attemptId: string, now = new Date()): Promise<AttemptForPlayer> {
  const attempt = await loadCurrentAttempt(viewer, attemptId, now);
  // A submitted attempt only sends its student on to the review, which stays theirs after leaving the class.
  if (attempt.status === "in-progress" || attempt.userId !== viewer.id) assertCanWork(viewer, attempt, attempt.quizAssignment.class.enrolments.length > 0, "open it");
  const quiz = attempt.quizAssignment.quiz;
  const snapshot = await snapshotOf(attempt);
  const storedResponses = new Map(attempt.responses.map((r) => [r.questionKey, JSON.parse(r.response) as unknown]));
  return {
    id: attempt.id,
    quizAssignmentId: attempt.quizAssignmentId,
    quizTitle: quiz.title,
    quizDescription: quiz.description,
    number: attempt.number,
    status: attempt.status,
    deadlineAt: attempt.deadlineAt,
    questions: snapshot.map((q) => ({
      key: q.key,
      type: q.type,
      title: q.title,
      prompt: q.prompt,
      format: q.format,
      anchors: q.anchors,
      points: q.points,
      view: playerView(q.type, q.config, { seed: q.seed, shuffle: quiz.shuffleOptions }),
    })),
    responses: Object.fromEntries(
      snapshot.flatMap((q) => {
        const stored = storedResponses.get(q.key);
        return stored === undefined ? [] : [[q.key, responseToView(q.type, q.config, stored, q.seed)]];
      }),
    ),
    passages: await passagesFor(quiz.readingId),
  };
}

/** The quiz as a student would see it, for its instructor: player views, no attempt, nothing saved. */
export async function previewQuiz(viewer: Viewer, quizId: string): Promise<Omit<AttemptForPlayer, "id" | "quizAssignmentId" | "number" | "status" | "deadlineAt">> {
  const quiz = await db.quiz.findUnique({
    where: { id: quizId },
    select: { ownerId: true, title: true, description: true, readingId: true, shuffleOptions: true, items: { orderBy: { position: "asc" }, select: { points: true, question: true } } },
  });
  if (!quiz) throw new AppError("not_found", "There is no such quiz.");
  if (!canManageOwnContent(viewer, quiz)) throw new AppError("forbidden", "This quiz belongs to another instructor.");
  return {
    quizTitle: quiz.title,
    quizDescription: quiz.description,
    questions: quiz.items.map((item, i) => {
      const type = z.enum(questionTypeIds).parse(item.question.type);
      return {
        key: `q${i + 1}`,
        type,
        title: item.question.title,
        prompt: item.question.prompt,
        format: item.question.format,
        anchors: z.array(z.string()).parse(JSON.parse(item.question.anchors)),
        points: item.points,
        // A fresh seed each time, as a new attempt would get: the preview shows exactly what a student receives.
        view: playerView(type, JSON.parse(item.question.config), { seed: randomBytes(8).toString("hex"), shuffle: quiz.shuffleOptions }),
      };
    }),
    responses: {},
    passages: await passagesFor(quiz.readingId),
  };
}

/** The student's quiz assignments, with where they stand on each. */
export async function listMyQuizAssignments(viewer: Viewer): Promise<
  {
    quizAssignmentId: string;
    title: string;
    className: string;
    dueAt: Date | null;
    attemptsUsed: number;
    attemptsAllowed: number;
    inProgressAttemptId: string | null;
    bestScore: number | null;
    maxScore: number | null;
    /** Points of the best attempt still waiting for a grader (0 when none). */
    pendingPoints: number;
    /** Opens once the student has read every part of the reading, and they haven't yet. */
    waitsForReading: boolean;
  }[]
> {
  // Only students have quizzes to take (an instructor's dashboard lists their classes instead).
  if (!canTakeQuiz(viewer, true)) return [];
  const rows = await db.quizAssignment.findMany({
    // An archived class's quizzes stay reachable from its page, not on the dashboard.
    where: { class: { archivedAt: null, enrolments: { some: { userId: viewer.id } } } },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: {
      id: true,
      dueAt: true,
      opensAfterReading: true,
      classId: true,
      class: { select: { name: true } },
      quiz: { select: { title: true, readingId: true, attemptsAllowed: true, closesAt: true, reviewWhen: true, reviewScore: true, reviewCorrectness: true, reviewAnswers: true, reviewFeedback: true } },
      attempts: { where: { userId: viewer.id }, select: { id: true, status: true, score: true, maxScore: true, needsGrading: true } },
    },
  });
  const now = new Date();
  const finished = rows.some((r) => r.opensAfterReading) ? await finishedReadings(viewer.id) : new Set<string>();
  // A score the review policy hides is not shown on the dashboard either.
  const bests = rows.map((r) =>
    r.attempts.filter((a) => a.status === "submitted" && reviewVisibility(policyOf(r.quiz), a, r.quiz, now).score).sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0],
  );
  const pending = await pendingPointsOf(bests.filter((b) => b?.needsGrading).map((b) => b!.id));
  return rows.map((r, i) => {
    const best = bests[i];
    return {
      quizAssignmentId: r.id,
      title: r.quiz.title,
      className: r.class.name,
      dueAt: r.dueAt,
      attemptsUsed: r.attempts.length,
      attemptsAllowed: r.quiz.attemptsAllowed,
      inProgressAttemptId: r.attempts.find((a) => a.status === "in-progress")?.id ?? null,
      bestScore: best?.score ?? null,
      maxScore: best?.maxScore ?? null,
      pendingPoints: best ? (pending.get(best.id) ?? 0) : 0,
      waitsForReading: r.opensAfterReading && r.quiz.readingId !== null && !finished.has(`${r.classId} ${r.quiz.readingId}`),
    };
  });
}

/** The quiz assignment's page before starting: what it is, and the viewer's attempts. */
export async function getQuizAssignmentForStudent(viewer: Viewer, quizAssignmentId: string, now = new Date()) {
  const { qa, enrolled } = await loadAssignmentFor(viewer, quizAssignmentId);
  const isOwner = canManageClass(viewer, qa.class);
  if (!enrolled && !isOwner) throw new AppError("forbidden", "This quiz belongs to a class you are not in.");
  await closeExpired({ quizAssignmentId, userId: viewer.id }, now);
  const mine = await db.attempt.findMany({
    where: { quizAssignmentId, userId: viewer.id },
    orderBy: { number: "asc" },
    select: { id: true, number: true, status: true, score: true, maxScore: true, submittedAt: true, needsGrading: true },
  });
  const q = qa.quiz;
  const pending = await pendingPointsOf(mine.filter((a) => a.status === "submitted" && a.needsGrading).map((a) => a.id));
  const readingAssignment = q.readingId ? await db.assignment.findUnique({ where: { classId_readingId: { classId: qa.class.id, readingId: q.readingId } }, select: { id: true } }) : null;
  return {
    id: qa.id,
    classId: qa.class.id,
    className: qa.class.name,
    dueAt: qa.dueAt,
    opensAfterReading: qa.opensAfterReading && q.reading !== null,
    reading: q.reading ? { ...q.reading, assignmentId: readingAssignment?.id ?? null } : null,
    /** For a student: the quiz opens after the reading, which they haven't finished. */
    waitsForReading: !isOwner && (await waitsForReading(viewer.id, qa)),
    quizId: q.id,
    title: q.title,
    description: q.description,
    questionCount: q.items.length,
    maxScore: q.items.reduce((s, i) => s + i.points, 0),
    attemptsAllowed: q.attemptsAllowed,
    opensAt: q.opensAt,
    closesAt: q.closesAt,
    timeLimitMinutes: q.timeLimitMinutes,
    isInstructor: isOwner,
    // Scores only where the review policy shows them (always for the instructor), with the points
    // still waiting for a grader; reviewOpen: whether the review shows more than the submission.
    attempts: mine.map((a) => {
      const v = isOwner ? { open: true, score: true } : reviewVisibility(policyOf(q), a, q, now);
      return {
        ...a,
        score: v.score ? a.score : null,
        pendingPoints: v.score ? (pending.get(a.id) ?? 0) : null,
        reviewOpen: v.open,
      };
    }),
  };
}

function assertOpenForAnswers(attempt: { status: string; deadlineAt: Date | null }, now: Date) {
  if (attempt.status !== "in-progress") throw new AppError("conflict", "This attempt has been submitted; answers can no longer change.");
  if (attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS) {
    throw new AppError("conflict", "Time is up for this attempt; the answers saved before the deadline count.");
  }
}

/** Saves one answer; saving the same answer again is harmless. */
export async function saveResponse(viewer: Viewer, attemptId: string, questionKey: string, response: unknown, now = new Date()): Promise<{ savedAt: Date }> {
  // A save reads the attempt's row without its snapshot; the question comes from the outline and
  // the content it names (lib/data/snapshots.ts: parsed once, shared by every attempt at the quiz).
  const attempt = await loadAttemptForAnswers(viewer, attemptId);
  assertCanWork(viewer, attempt, attempt.enrolled, "answer in it");
  assertOpenForAnswers(attempt, now);
  const item = (await snapshotOf(attempt)).find((q) => q.key === questionKey);
  if (!item) throw new AppError("invalid", "That question is not part of this attempt.");
  let parsed: unknown;
  try {
    parsed = responseFromView(item.type, item.config, response, item.seed);
  } catch (e) {
    if (e instanceof QuestionDataError) throw new AppError("invalid", e.message);
    throw e;
  }
  // Still in progress, checked as part of the write: a submit that got there first has claimed the
  // attempt (409, nothing stored); one that comes later waits for this save and grades it.
  if (!(await storeAnswer(attemptId, questionKey, JSON.stringify(parsed), now))) throw new AppError("conflict", "This attempt has been submitted; answers can no longer change.");
  return { savedAt: now };
}

/**
 * Stores one answer if its attempt is still in progress: the check and the write are one
 * statement, so no transaction stays open across the request's awaits (on SQLite every other
 * query waits while one is open; at a year group's hundred saves a second that was most of the
 * time). On PostgreSQL the attempt's row is locked for the statement (FOR SHARE), so a submit
 * claiming it either came first (its status is no longer in progress: nothing is stored) or waits
 * for this answer and grades it; SQLite runs one write at a time. Written for each database (the
 * one place in lib/data that is): Prisma has no conditional upsert. True when stored.
 */
async function storeAnswer(attemptId: string, questionKey: string, response: string, now: Date): Promise<boolean> {
  const stored =
    dbProvider === "postgresql"
      ? await db.$executeRaw`
          WITH held AS (SELECT "id" FROM "Attempt" WHERE "id" = ${attemptId} AND "status" = 'in-progress' FOR SHARE)
          INSERT INTO "AttemptResponse" ("attemptId", "questionKey", "response", "savedAt")
          SELECT "id", ${questionKey}::text, ${response}::text, ${now}::timestamp(3) FROM held
          ON CONFLICT ("attemptId", "questionKey") DO UPDATE SET "response" = EXCLUDED."response", "savedAt" = EXCLUDED."savedAt"`
      : await db.$executeRaw`
          INSERT INTO "AttemptResponse" ("attemptId", "questionKey", "response", "savedAt")
          SELECT ${attemptId}, ${questionKey}, ${response}, ${now}
          WHERE EXISTS (SELECT 1 FROM "Attempt" WHERE "id" = ${attemptId} AND "status" = 'in-progress')
          ON CONFLICT ("attemptId", "questionKey") DO UPDATE SET "response" = excluded."response", "savedAt" = excluded."savedAt"`;
  return stored > 0;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Takes the attempt's row for the rest of the transaction if it is in `status`; false otherwise.
 * A conditional write (setting the status it already has), so the check and the lock are one
 * step: on PostgreSQL the row stays locked until the transaction ends and a concurrent save,
 * submit or grade waits, then sees what this one did; SQLite runs one transaction at a time.
 */
async function holdAttempt(tx: Tx, attemptId: string, status: "in-progress" | "submitted"): Promise<boolean> {
  const { count } = await tx.attempt.updateMany({ where: { id: attemptId, status }, data: { status } });
  return count === 1;
}

/** The score and the "waits for a person" flag from the answers' fractions (a missing answer is 0). */
function scoreOf(items: readonly { key: string; points: number }[], fractions: ReadonlyMap<string, number | null>) {
  return {
    score: items.reduce((s, q) => s + (fractions.get(q.key) ?? 0) * q.points, 0),
    needsGrading: items.some((q) => fractions.has(q.key) && fractions.get(q.key) === null),
  };
}

/**
 * Grades every answer of an in-progress attempt and closes it, all in one transaction: a failure
 * anywhere leaves it in progress with nothing graded, and submitting again completes it. False
 * when it was already closed.
 */
async function gradeAndClose(attemptId: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // Only one submit wins: claiming the attempt is the first write and is conditional on its
    // status. Answers are read after the claim, so every acknowledged save is among them.
    const { count } = await tx.attempt.updateMany({ where: { id: attemptId, status: "in-progress" }, data: { status: "submitted", submittedAt: now } });
    if (count === 0) return false;
    const attempt = await tx.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { id: true, outline: true, responses: { select: { questionKey: true, response: true } } } });
    const responses = new Map(attempt.responses.map((r) => [r.questionKey, JSON.parse(r.response) as unknown]));
    const graded = gradeSnapshot(await snapshotOf(attempt, tx), responses);
    const unanswered = [];
    // Answers with the same grade are written together: a handful of statements, not one per question.
    const batches = new Map<string, { fields: { fraction: number | null; state: string; feedback: string }; keys: string[] }>();
    for (const { item: q, result } of graded.items) {
      const fields = { fraction: result.fraction, state: result.state, feedback: JSON.stringify(result.feedback) };
      if (!responses.has(q.key)) {
        unanswered.push({ attemptId, questionKey: q.key, response: "null", savedAt: now, ...fields });
        continue;
      }
      const batchKey = JSON.stringify(fields);
      const batch = batches.get(batchKey) ?? batches.set(batchKey, { fields, keys: [] }).get(batchKey)!;
      batch.keys.push(q.key);
    }
    for (const { fields, keys } of batches.values()) await tx.attemptResponse.updateMany({ where: { attemptId, questionKey: { in: keys } }, data: fields });
    if (unanswered.length > 0) await tx.attemptResponse.createMany({ data: unanswered });
    await tx.attempt.update({ where: { id: attemptId }, data: { score: graded.score, needsGrading: graded.needsGrading }, select: { id: true } });
    return true;
  });
}

/**
 * Closes the in-progress attempts among `where` whose time ran out (deadline plus grace), grading
 * the answers saved in time and dating the submission at the deadline. Done lazily by every read
 * that shows an attempt's state, so there is no timer to run and any app instance can do it; the
 * close itself is idempotent (gradeAndClose's conditional update), so two instances racing is safe.
 * Each attempt is closed in its own transaction: one that fails stays open for the next read.
 */
async function closeExpired(where: { id?: string; quizAssignmentId?: string; userId?: string; quizAssignment?: { classId: string } }, now: Date): Promise<void> {
  const expired = await db.attempt.findMany({
    where: { ...where, status: "in-progress", deadlineAt: { lt: new Date(now.getTime() - DEADLINE_GRACE_MS) } },
    select: { id: true, deadlineAt: true },
  });
  for (const a of expired) await gradeAndClose(a.id, a.deadlineAt ?? now);
}

export async function unansweredQuestions(viewer: Viewer, attemptId: string): Promise<string[]> {
  const attempt = await loadAttempt(viewer, attemptId);
  const responses = new Map(attempt.responses.map((r) => [r.questionKey, JSON.parse(r.response) as unknown]));
  return (await snapshotOf(attempt))
    .filter((q) => !isAnswerComplete(q.type, q.config, responses.get(q.key) ?? null, q.seed))
    .map((q) => q.key);
}

/** Submitting twice is safe: the second call reports that the attempt was already submitted. */
export async function submitAttempt(viewer: Viewer, attemptId: string, now = new Date()): Promise<{ alreadySubmitted: boolean }> {
  const attempt = await loadAttemptForAnswers(viewer, attemptId);
  assertCanWork(viewer, attempt, attempt.enrolled, "submit it");
  return { alreadySubmitted: !(await gradeAndClose(attemptId, now)) };
}

export interface ReviewQuestion {
  key: string;
  /** The bank question it was made from (grading by question groups answers by it). */
  questionId: string;
  type: QuestionTypeId;
  title: string;
  prompt: string;
  anchors: string[];
  points: number;
  response: unknown;
  /** Shown only as the policy allows; null otherwise. */
  earned: number | null;
  state: string | null;
  correctResponse: unknown;
  feedback: string[];
  generalFeedback: string | null;
  graderComment: string | null;
  /** The question as the student saw it (option texts, items, prompts): never the key, so safe for everyone. */
  view: unknown;
  /** The essay rubric and the scores given per criterion: for the instructor, and for the student where the policy shows scores. */
  rubric: { id: string; criterion: string; maxPoints: number }[] | null;
  rubricScores: Record<string, number> | null;
  /** Whether a person has graded this answer (instructor only). */
  gradedByHand: boolean;
  /** What a good essay contains (instructor only). */
  graderNotes: string | null;
}

export interface AttemptReview {
  id: string;
  classId: string;
  className: string;
  quizAssignmentId: string;
  number: number;
  submittedAt: Date | null;
  student: { id: string; name: string };
  readingSlug: string | null;
  quizTitle: string;
  status: string;
  visibility: ReviewVisibility;
  score: number | null;
  maxScore: number;
  needsGrading: boolean;
  /** Points of the answers still waiting for a grader (counted as 0 in the score); null where the score is not shown. */
  pendingPoints: number | null;
  questions: ReviewQuestion[];
}

/** What the viewer may see of a finished attempt: the student under the review policy, the instructor everything. */
export async function getAttemptReview(viewer: Viewer, attemptId: string, now = new Date()): Promise<AttemptReview> {
  const attempt = await loadCurrentAttempt(viewer, attemptId, now);
  const quiz = attempt.quizAssignment.quiz;
  const isInstructor = canManageClass(viewer, attempt.quizAssignment.class);
  const v: ReviewVisibility = isInstructor
    ? { open: true, score: true, correctness: true, answers: true, feedback: true, reason: null }
    : reviewVisibility(policyOf(quiz), attempt, quiz, now);
  const responses = new Map(attempt.responses.map((r) => [r.questionKey, r]));
  const reading = quiz.readingId ? await db.reading.findUnique({ where: { id: quiz.readingId }, select: { slug: true } }) : null;
  const snapshot = await snapshotOf(attempt);
  return {
    id: attempt.id,
    classId: attempt.quizAssignment.class.id,
    className: attempt.quizAssignment.class.name,
    quizAssignmentId: attempt.quizAssignmentId,
    number: attempt.number,
    submittedAt: attempt.submittedAt,
    student: attempt.user,
    readingSlug: reading?.slug ?? null,
    quizTitle: quiz.title,
    status: attempt.status,
    visibility: v,
    score: v.score ? attempt.score : null,
    maxScore: attempt.maxScore,
    needsGrading: attempt.needsGrading,
    pendingPoints: v.score ? pendingPoints(snapshot, attempt.status === "submitted" ? attempt.responses : []) : null,
    questions: snapshot.map((q) => {
      const r = responses.get(q.key);
      return {
        key: q.key,
        questionId: q.questionId,
        type: q.type,
        title: q.title,
        prompt: q.prompt,
        anchors: q.anchors,
        points: q.points,
        // The review shows the same view ids as the player did, never the authored ones: a student
        // with attempts left must not learn from it which option was written first.
        response: r ? responseToView(q.type, q.config, JSON.parse(r.response), q.seed) : null,
        earned: v.score && r?.fraction !== null && r?.fraction !== undefined ? r.fraction * q.points : null,
        state: v.correctness ? (r?.state ?? "unanswered") : null,
        correctResponse: v.answers ? responseToView(q.type, q.config, correctResponseFor(q.type, q.config), q.seed) : null,
        feedback: v.feedback && r ? z.array(z.string()).parse(JSON.parse(r.feedback)) : [],
        generalFeedback: v.feedback ? q.generalFeedback || null : null,
        graderComment: v.feedback ? r?.graderComment || null : null,
        view: playerView(q.type, q.config, { seed: q.seed, shuffle: false }),
        // The student sees each criterion's score where the policy shows scores, not only the total.
        rubric: (isInstructor || v.score) && q.type === "essay" ? parseConfig("essay", q.config).rubric : null,
        rubricScores: (isInstructor || v.score) && r?.rubricScores ? z.record(z.string(), z.number()).parse(JSON.parse(r.rubricScores)) : null,
        gradedByHand: isInstructor ? Boolean(r?.gradedById) : false,
        graderNotes: isInstructor && q.type === "essay" ? (parseConfig("essay", q.config).graderNotes ?? null) : null,
      };
    }),
  };
}

// ---------------------------------------------------------------- the instructor's side

async function recomputeScore(tx: Tx, attemptId: string): Promise<void> {
  const attempt = await tx.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { id: true, outline: true, responses: { select: { questionKey: true, fraction: true } } } });
  const fractions = new Map(attempt.responses.map((r) => [r.questionKey, r.fraction]));
  await tx.attempt.update({ where: { id: attemptId }, data: scoreOf((await outlinesOf([attempt], tx)).get(attemptId)!, fractions), select: { id: true } });
}

/** Grades one answer by hand: an essay against its rubric, or an override of any answer's fraction. */
export async function gradeResponse(
  viewer: Viewer,
  attemptId: string,
  questionKey: string,
  grade: { rubricScores?: Record<string, number> | undefined; fraction?: number | undefined; comment: string },
  now = new Date(),
): Promise<void> {
  const attempt = await loadAttempt(viewer, attemptId);
  if (!canManageClass(viewer, attempt.quizAssignment.class)) throw new AppError("forbidden", "Only the class's instructor grades its quizzes.");
  if (attempt.status !== "submitted") throw new AppError("conflict", "This attempt has not been submitted yet.");
  const item = (await snapshotOf(attempt)).find((q) => q.key === questionKey);
  if (!item) throw new AppError("invalid", "That question is not part of this attempt.");
  let fraction: number;
  if (grade.rubricScores && item.type === "essay") {
    fraction = gradeEssayManually(parseConfig("essay", item.config), grade.rubricScores).fraction ?? 0;
  } else if (grade.fraction !== undefined) {
    // Rounded like every automatic grade (4 decimals), so 2 of 3 points is stored as 0.6667 either way.
    fraction = roundFraction(clampFraction(grade.fraction));
  } else {
    throw new AppError("invalid", "Give rubric scores or a fraction of the points.", { fraction: ["Enter the points earned."] });
  }
  const fields = {
    fraction,
    state: stateForFraction(fraction),
    rubricScores: grade.rubricScores ? JSON.stringify(grade.rubricScores) : null,
    graderComment: grade.comment,
    gradedAt: now,
    gradedById: viewer.id,
  };
  // The grade and the attempt's new score together; holding the attempt first means two graders
  // (or a regrade) never recompute the score without each other's grade.
  await db.$transaction(async (tx) => {
    if (!(await holdAttempt(tx, attemptId, "submitted"))) throw new AppError("conflict", "This attempt has not been submitted yet.");
    await tx.attemptResponse.upsert({
      where: { attemptId_questionKey: { attemptId, questionKey } },
      create: { attemptId, questionKey, response: "null", savedAt: now, ...fields },
      update: fields,
      select: { questionKey: true },
    });
    await recomputeScore(tx, attemptId);
  });
}

/**
 * The explicit regrade: every submitted attempt of the assignment is graded again against the
 * questions as they are now. Hand-given grades are kept. All attempts or none: one transaction,
 * with the answers' new grades written in batches (one write per question and outcome).
 */
export async function regradeAssignment(viewer: Viewer, quizAssignmentId: string): Promise<{ attempts: number }> {
  const { qa } = await loadAssignmentFor(viewer, quizAssignmentId);
  if (!canManageClass(viewer, qa.class)) throw new AppError("forbidden", "Only the class's instructor can regrade.");
  const current = new Map(qa.quiz.items.map((i) => [i.question.id, i.question]));
  return db.$transaction(
    async (tx) => {
      // Hold the submitted attempts first, so grading by hand waits for the regrade instead of interleaving with it.
      await tx.attempt.updateMany({ where: { quizAssignmentId, status: "submitted" }, data: { status: "submitted" } });
      const attempts = await tx.attempt.findMany({ where: { quizAssignmentId, status: "submitted" }, select: { id: true, outline: true, responses: true } });
      const snapshots = await snapshotsOf(attempts, tx);
      const batches = new Map<string, { questionKey: string; data: { fraction: number | null; state: string; feedback: string }; attemptIds: string[] }>();
      const updates = attempts.map((a) => {
        const snapshot = snapshots.get(a.id)!.map((q): SnapshotItem => {
          const now = current.get(q.questionId);
          return now && now.type === q.type ? { ...q, config: JSON.parse(now.config) as unknown, title: now.title, prompt: now.prompt } : q;
        });
        const fractions = new Map<string, number | null>();
        for (const r of a.responses) fractions.set(r.questionKey, r.fraction);
        const responses = new Map(a.responses.map((r) => [r.questionKey, r]));
        for (const q of snapshot) {
          const r = responses.get(q.key);
          if (!r || r.gradedById) continue;
          const result = gradeQuestion(q.type, q.config, JSON.parse(r.response) as unknown);
          const data = { fraction: result.fraction, state: result.state, feedback: JSON.stringify(result.feedback) };
          fractions.set(q.key, result.fraction);
          const batchKey = JSON.stringify([q.key, data]);
          const batch = batches.get(batchKey) ?? batches.set(batchKey, { questionKey: q.key, data, attemptIds: [] }).get(batchKey)!;
          batch.attemptIds.push(a.id);
        }
        return { id: a.id, ...snapshotColumns(snapshot), maxScore: snapshot.reduce((s, q) => s + q.points, 0), ...scoreOf(snapshot, fractions) };
      });
      for (const { questionKey, data, attemptIds } of batches.values()) {
        await tx.attemptResponse.updateMany({ where: { attemptId: { in: attemptIds }, questionKey, gradedById: null }, data });
      }
      for (const { id, ...data } of updates) await tx.attempt.update({ where: { id }, data, select: { id: true } });
      return { attempts: attempts.length };
    },
    // A large class is a few thousand rows; more than the default few seconds on a slow disk.
    { timeout: 60_000 },
  );
}

export type GradebookCell =
  | { state: "not-started" }
  | { state: "in-progress"; attemptId: string }
  | {
      state: "submitted" | "needs-grading";
      attemptId: string;
      score: number;
      maxScore: number;
      /** Points of this (best) attempt still waiting for a grader, counted as 0 in `score`. */
      pendingPoints: number;
      attempts: number;
      gradingAttemptId: string | null;
    };

export interface Gradebook {
  className: string;
  quizzes: { quizAssignmentId: string; title: string; dueAt: Date | null }[];
  students: { id: string; name: string; email: string; cells: GradebookCell[] }[];
}

/** Students by quizzes; each cell is the student's best submitted attempt, or where they are. */
export async function getGradebook(viewer: Viewer, classId: string, now = new Date()): Promise<Gradebook> {
  return (await loadGradebook(viewer, classId, now)).book;
}

/**
 * The gradebook, and the outlines of the attempts it shows, for the CSV. A fixed number of queries
 * whatever the size of the class: flat reads of the class's attempts and of the answers waiting
 * for a grader, never a list of ids (which the driver would split into one query per thousand).
 */
async function loadGradebook(viewer: Viewer, classId: string, now: Date) {
  const cls = await db.class.findUnique({ where: { id: classId }, select: { name: true, instructorId: true } });
  if (!cls) throw new AppError("not_found", "There is no such class.");
  if (!canManageClass(viewer, cls)) throw new AppError("forbidden", "Only the class's instructor sees its gradebook.");
  await closeExpired({ quizAssignment: { classId } }, now);
  const [students, assignments, attempts, waiting] = await Promise.all([
    // The students themselves, not enrolments with their users: a relation is loaded with a list of ids.
    db.user.findMany({ where: { enrolments: { some: { classId } } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, email: true } }),
    db.quizAssignment.findMany({ where: { classId }, orderBy: { createdAt: "asc" }, select: { id: true, dueAt: true, quiz: { select: { title: true } } } }),
    db.attempt.findMany({
      where: { quizAssignment: { classId } },
      select: { id: true, userId: true, quizAssignmentId: true, status: true, score: true, maxScore: true, needsGrading: true, outline: true },
    }),
    // The answers waiting for a grader, for the points still to come.
    db.attemptResponse.findMany({ where: { fraction: null, attempt: { quizAssignment: { classId }, status: "submitted", needsGrading: true } }, select: { attemptId: true, questionKey: true, fraction: true } }),
  ]);
  const mineOf = new Map<string, typeof attempts>();
  for (const a of attempts) {
    const key = `${a.userId} ${a.quizAssignmentId}`;
    const list = mineOf.get(key);
    if (list) list.push(a);
    else mineOf.set(key, [a]);
  }
  const waitingOf = new Map<string, { questionKey: string; fraction: number | null }[]>();
  for (const r of waiting) {
    const list = waitingOf.get(r.attemptId);
    if (list) list.push(r);
    else waitingOf.set(r.attemptId, [r]);
  }
  // Outlines only of the best attempts that wait for a grader (the points pending), read in one go.
  const cells = students.map((user) =>
    assignments.map((qa) => {
      const mine = mineOf.get(`${user.id} ${qa.id}`) ?? [];
      const done = mine.filter((a) => a.status === "submitted").sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
      return { mine, best: done[0], waiting: done.find((a) => a.needsGrading) };
    }),
  );
  const pendingOutlines = await outlinesOf(cells.flatMap((row) => row.flatMap((c) => (c.best?.needsGrading ? [c.best] : []))));
  const book: Gradebook = {
    className: cls.name,
    quizzes: assignments.map((a) => ({ quizAssignmentId: a.id, title: a.quiz.title, dueAt: a.dueAt })),
    students: students.map((user, row) => ({
      ...user,
      cells: cells[row]!.map(({ mine, best, waiting: grading }): GradebookCell => {
        if (best) {
          const outline = pendingOutlines.get(best.id);
          return {
            state: grading ? "needs-grading" : "submitted",
            attemptId: best.id,
            score: best.score ?? 0,
            maxScore: best.maxScore,
            pendingPoints: outline ? pendingPoints(outline, waitingOf.get(best.id) ?? []) : 0,
            attempts: mine.length,
            gradingAttemptId: grading?.id ?? null,
          };
        }
        const open = mine.find((a) => a.status === "in-progress");
        return open ? { state: "in-progress", attemptId: open.id } : { state: "not-started" };
      }),
    })),
  };
  return { book, attempts };
}

/**
 * The gradebook for a spreadsheet, one row per student: for each quiz its score, out of, percent
 * and status, then the points earned on each of its questions (in the quiz's order, from the best
 * submitted attempt; blank while an answer waits for a grader); then, for each reading assigned
 * to the class, the percent of its parts the student has read. `format` "eu" writes semicolons and
 * decimal commas for spreadsheets in comma-decimal locales.
 */
export async function exportGradesCsv(viewer: Viewer, classId: string, opts: { format?: CsvFormat } = {}): Promise<{ filename: string; csv: string }> {
  const format = opts.format ?? "standard";
  const { book, attempts } = await loadGradebook(viewer, classId, new Date());
  const [assignments, reading, fractions] = await Promise.all([
    db.quizAssignment.findMany({
      where: { classId },
      select: { id: true, quiz: { select: { items: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { questionId: true, question: { select: { title: true } } } } } } },
    }),
    getClassProgress(viewer, classId),
    db.attemptResponse.findMany({ where: { attempt: { quizAssignment: { classId }, status: "submitted" } }, select: { attemptId: true, questionKey: true, fraction: true } }),
  ]);
  const itemsOf = new Map(assignments.map((a) => [a.id, a.quiz.items]));
  const bestIds = new Set(book.students.flatMap((s) => s.cells.flatMap((c) => (c.state === "submitted" || c.state === "needs-grading" ? [c.attemptId] : []))));
  const outlines = await outlinesOf(attempts.filter((a) => bestIds.has(a.id)));
  const fractionsOf = new Map<string, Map<string, number | null>>();
  for (const r of fractions) {
    if (!bestIds.has(r.attemptId)) continue;
    const m = fractionsOf.get(r.attemptId) ?? fractionsOf.set(r.attemptId, new Map()).get(r.attemptId)!;
    m.set(r.questionKey, r.fraction);
  }
  /** attempt → points earned per quiz item (by question id, in the order the items occur), null while waiting for a grader. */
  const earnedOf = new Map(
    [...outlines].map(([attemptId, outline]) => {
      const fractions = fractionsOf.get(attemptId) ?? new Map<string, number | null>();
      const byQuestion = new Map<string, (number | null)[]>();
      for (const q of outline) {
        const f = fractions.has(q.key) ? fractions.get(q.key)! : 0;
        const earned = f === null ? null : roundPoints(f * q.points);
        const list = byQuestion.get(q.questionId);
        if (list) list.push(earned);
        else byQuestion.set(q.questionId, [earned]);
      }
      return [attemptId, byQuestion] as const;
    }),
  );
  const percentRead = reading.assignments.map((a) => new Map(a.rows.map((r) => [r.studentId, r.progress.percent])));

  const header = [
    "Student",
    "Email",
    ...book.quizzes.flatMap((q) => [
      `${q.title} (score)`,
      `${q.title} (out of)`,
      `${q.title} (percent)`,
      `${q.title} (status)`,
      ...(itemsOf.get(q.quizAssignmentId) ?? []).map((item, i) => `${q.title}: Q${i + 1} ${item.question.title}`),
    ]),
    ...reading.assignments.map((a) => `${a.readingTitle} (% read)`),
  ];
  const rows = book.students.map((s) => [
    s.name,
    s.email,
    ...s.cells.flatMap((c, column) => {
      const items = itemsOf.get(book.quizzes[column]!.quizAssignmentId) ?? [];
      if (c.state !== "submitted" && c.state !== "needs-grading") return ["", "", "", c.state === "in-progress" ? "in progress" : "not started", ...items.map(() => "")];
      // A question that occurs twice in a quiz takes its occurrences in order.
      const earned = earnedOf.get(c.attemptId);
      const seen = new Map<string, number>();
      const perQuestion = items.map((item) => {
        const n = seen.get(item.questionId) ?? 0;
        seen.set(item.questionId, n + 1);
        return earned?.get(item.questionId)?.[n] ?? "";
      });
      return [
        roundPoints(c.score),
        c.maxScore,
        c.maxScore > 0 ? Math.round((c.score / c.maxScore) * 1000) / 10 : "",
        c.state === "needs-grading" ? "needs grading" : "graded",
        ...perQuestion,
      ];
    }),
    ...percentRead.map((m) => m.get(s.id) ?? ""),
  ]);
  const slug = book.className.normalize("NFD").replace(/\p{M}/gu, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "class";
  return { filename: `${slug}-grades${format === "eu" ? "-semicolons" : ""}.csv`, csv: toCsv([header, ...rows], format) };
}

export interface QuizAnalysis {
  attempts: number;
  /** The reading the quiz is on, where evidence questions point; null for a quiz on no reading. */
  readingSlug: string | null;
  questions: (QuestionAnalysis & {
    title: string;
    prompt: string;
    type: QuestionTypeId;
    /** Evidence questions: how many submitted attempts cited each paragraph, most cited first. */
    citedParagraphs: { anchor: string; count: number }[];
    /** Evidence questions: the paragraphs the question's key accepts as evidence (as the quiz has it now). */
    keyParagraphs: string[];
  })[];
}

/** Per-question facility, discrimination and answer frequencies over submitted attempts; for evidence questions, the paragraphs cited. */
export async function analyseQuizAssignment(viewer: Viewer, quizAssignmentId: string, now = new Date()): Promise<QuizAnalysis> {
  const { qa } = await loadAssignmentFor(viewer, quizAssignmentId);
  if (!canManageClass(viewer, qa.class)) throw new AppError("forbidden", "Only the class's instructor sees the analysis.");
  await closeExpired({ quizAssignmentId }, now);
  const submitted = { quizAssignmentId, status: "submitted" } as const;
  const [attempts, answers, reading] = await Promise.all([
    db.attempt.findMany({ where: submitted, select: { id: true, outline: true, score: true, maxScore: true } }),
    db.attemptResponse.findMany({ where: { attempt: submitted }, select: { attemptId: true, questionKey: true, response: true, fraction: true } }),
    qa.quiz.readingId ? db.reading.findUnique({ where: { id: qa.quiz.readingId }, select: { slug: true } }) : null,
  ]);
  const snapshots = await snapshotsOf(attempts);
  const responsesOf = new Map<string, Map<string, (typeof answers)[number]>>();
  for (const r of answers) (responsesOf.get(r.attemptId) ?? responsesOf.set(r.attemptId, new Map()).get(r.attemptId)!).set(r.questionKey, r);
  const byQuestion = new Map<string, { title: string; prompt: string; type: QuestionTypeId }>();
  const groupers = new Map<string, (label: string) => string>();
  const cited = new Map<string, Map<string, number>>();
  // A class gives the same answers many times over (an option, a spelling): each distinct answer is
  // read once per question content. Attempts with the same content share its config object
  // (lib/data/snapshots.ts), so the config itself keys what was read under it.
  const readUnder = new Map<unknown, { labeller: (response: unknown) => string[]; seen: Map<string, { labels: string[]; anchors: string[] | null }> }>();
  const read = (q: SnapshotItem, raw: string | undefined) => {
    const under = readUnder.get(q.config) ?? readUnder.set(q.config, { labeller: answerLabellerFor(q.type, q.config), seen: new Map() }).get(q.config)!;
    const { seen } = under;
    const key = raw ?? "";
    const known = seen.get(key);
    if (known) return known;
    const response = raw !== undefined ? (JSON.parse(raw) as unknown) : null;
    const anchors = q.type === "evidence" && response && typeof response === "object" && Array.isArray((response as { anchors?: unknown }).anchors) ? [...new Set((response as { anchors: string[] }).anchors)] : null;
    const result = { labels: under.labeller(response), anchors };
    seen.set(key, result);
    return result;
  };
  const rows = attempts.map((a) => {
    const responses = responsesOf.get(a.id) ?? new Map<string, (typeof answers)[number]>();
    const questions: Record<string, { fraction: number | null; answerLabels: string[] }> = {};
    for (const q of snapshots.get(a.id)!) {
      byQuestion.set(q.questionId, { title: q.title, prompt: q.prompt, type: q.type });
      if (!groupers.has(q.questionId)) groupers.set(q.questionId, answerGroupFor(q.type, q.config));
      const r = responses.get(q.key);
      const { labels, anchors } = read(q, r?.response);
      questions[q.questionId] = { fraction: r?.fraction ?? 0, answerLabels: labels };
      if (anchors) {
        const counts = cited.get(q.questionId) ?? new Map<string, number>();
        for (const anchor of anchors) counts.set(anchor, (counts.get(anchor) ?? 0) + 1);
        cited.set(q.questionId, counts);
      }
    }
    return { total: a.maxScore > 0 ? (a.score ?? 0) / a.maxScore : 0, questions };
  });
  const current = new Map(qa.quiz.items.map((i) => [i.question.id, i.question]));
  const keys = qa.quiz.items.map((i) => i.question.id).filter((id) => byQuestion.has(id));
  return {
    attempts: attempts.length,
    readingSlug: reading?.slug ?? null,
    // Typed answers count together as grading matches them ("SOLIDARNOŚĆ", "solidarnosc"), shown as typed.
    questions: analyseQuestions(keys, rows, { groupOf: (key, label) => groupers.get(key)?.(label) ?? label }).map((q) => {
      const question = byQuestion.get(q.key)!;
      return {
        ...q,
        ...question,
        citedParagraphs: [...(cited.get(q.key) ?? new Map<string, number>())].map(([anchor, count]) => ({ anchor, count })).sort((a, b) => b.count - a.count),
        keyParagraphs: question.type === "evidence" ? evidenceKey(current.get(q.key)?.config) : [],
      };
    }),
  };
}

/** What a good essay contains, from the question as it is now; null when there are none or the config cannot be read. */
function graderNotesOf(rawConfig: string): string | null {
  try {
    return parseConfig("essay", JSON.parse(rawConfig)).graderNotes || null;
  } catch {
    return null;
  }
}

/** The paragraphs an evidence question's stored config accepts; none when the config cannot be read. */
function evidenceKey(rawConfig: string | undefined): string[] {
  if (!rawConfig) return [];
  try {
    return parseConfig("evidence", JSON.parse(rawConfig)).evidence;
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------- grading by question

/**
 * Grading one question across the class, as Moodle's "grade by question": every submitted answer
 * to it one after another, in a fixed order (the students by name, then attempt number), and
 * "next ungraded" that goes on across attempts and then to the next question with answers waiting.
 */

export interface GradingQuestion {
  questionId: string;
  /** Its number in the quiz as it is now. */
  n: number;
  title: string;
  type: QuestionTypeId;
  /** Submitted answers that are not blank. */
  answered: number;
  /** Answers waiting for a grader. */
  ungraded: number;
}

export interface GradingOverview {
  quizAssignmentId: string;
  quizTitle: string;
  classId: string;
  className: string;
  readingSlug: string | null;
  /** Submitted attempts. */
  attempts: number;
  questions: GradingQuestion[];
}

export interface AnswerToGrade {
  attemptId: string;
  attemptNumber: number;
  student: { id: string; name: string };
  questionKey: string;
  /** Worth this many points in this attempt (its snapshot). */
  points: number;
  /** In the attempt's view ids, like the review. */
  response: unknown;
  view: unknown;
  correctResponse: unknown;
  state: string;
  earned: number | null;
  feedback: string[];
  rubric: { id: string; criterion: string; maxPoints: number }[] | null;
  rubricScores: Record<string, number> | null;
  graderComment: string | null;
  gradedByHand: boolean;
}

export interface QuestionGrading extends GradingOverview {
  question: GradingQuestion & { prompt: string; points: number; graderNotes: string | null };
  answers: AnswerToGrade[];
  ungraded: number;
}

/** One answer in the fixed grading order. */
interface GradingEntry {
  questionId: string;
  attempt: { id: string; number: number; user: { id: string; name: string }; outline: string; responses: Map<string, { fraction: number | null; state: string | null }> };
  item: OutlineItem;
  ungraded: boolean;
}

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * The quiz assignment's submitted answers in grading order: question by question (the quiz's
 * order), then students by name, then attempt. Reads outlines and each answer's grade, not the
 * answers themselves: getQuestionGrading reads those for its one question.
 */
async function gradingEntries(viewer: Viewer, quizAssignmentId: string, now: Date) {
  const { qa } = await loadAssignmentFor(viewer, quizAssignmentId);
  if (!canManageClass(viewer, qa.class)) throw new AppError("forbidden", "Only the class's instructor grades its quizzes.");
  await closeExpired({ quizAssignmentId }, now);
  const submitted = { quizAssignmentId, status: "submitted" } as const;
  const [rows, people, grades, reading] = await Promise.all([
    db.attempt.findMany({ where: submitted, select: { id: true, number: true, outline: true, userId: true } }),
    db.user.findMany({ where: { attempts: { some: submitted } }, select: { id: true, name: true } }),
    db.attemptResponse.findMany({ where: { attempt: submitted }, select: { attemptId: true, questionKey: true, fraction: true, state: true } }),
    qa.quiz.readingId ? db.reading.findUnique({ where: { id: qa.quiz.readingId }, select: { slug: true } }) : null,
  ]);
  const responsesOf = new Map<string, Map<string, { fraction: number | null; state: string | null }>>();
  for (const r of grades) (responsesOf.get(r.attemptId) ?? responsesOf.set(r.attemptId, new Map()).get(r.attemptId)!).set(r.questionKey, r);
  const userOf = new Map(people.map((u) => [u.id, u]));
  const attempts = rows.map(({ userId, ...a }) => ({ ...a, user: userOf.get(userId)!, responses: responsesOf.get(a.id) ?? new Map<string, { fraction: number | null; state: string | null }>() }));
  // In JavaScript, not in SQL: SQLite and PostgreSQL collate names differently ("Ádám" after "Zofia" byte-wise).
  attempts.sort((a, b) => byName.compare(a.user.name, b.user.name) || a.user.id.localeCompare(b.user.id) || a.number - b.number);
  const outlines = await outlinesOf(attempts);
  const questions: { questionId: string; n: number; title: string; type: QuestionTypeId; prompt: string; config: string; points: number }[] = [];
  for (const [i, item] of qa.quiz.items.entries()) {
    if (questions.some((q) => q.questionId === item.question.id)) continue;
    const q = item.question;
    questions.push({ questionId: q.id, n: i + 1, title: q.title, type: z.enum(questionTypeIds).parse(q.type), prompt: q.prompt, config: q.config, points: item.points });
  }
  // Each attempt's items by question, so building the order is one pass per question.
  const itemsOf = new Map(
    attempts.map((a) => {
      const byQuestion = new Map<string, OutlineItem[]>();
      for (const item of outlines.get(a.id)!) (byQuestion.get(item.questionId) ?? byQuestion.set(item.questionId, []).get(item.questionId)!).push(item);
      return [a.id, byQuestion] as const;
    }),
  );
  const entriesOf = new Map<string, GradingEntry[]>(
    questions.map((q) => [
      q.questionId,
      attempts.flatMap((attempt) =>
        (itemsOf.get(attempt.id)!.get(q.questionId) ?? []).map((item) => {
          const r = attempt.responses.get(item.key);
          return { questionId: q.questionId, attempt, item, ungraded: r !== undefined && r.fraction === null };
        }),
      ),
    ]),
  );
  const entries: GradingEntry[] = questions.flatMap((q) => entriesOf.get(q.questionId)!);
  const overview: GradingOverview = {
    quizAssignmentId,
    quizTitle: qa.quiz.title,
    classId: qa.class.id,
    className: qa.class.name,
    readingSlug: reading?.slug ?? null,
    attempts: attempts.length,
    questions: questions.map((q) => {
      const mine = entriesOf.get(q.questionId)!;
      return {
        questionId: q.questionId,
        n: q.n,
        title: q.title,
        type: q.type,
        answered: mine.filter((e) => {
          const r = e.attempt.responses.get(e.item.key);
          return r !== undefined && r.state !== "unanswered";
        }).length,
        ungraded: mine.filter((e) => e.ungraded).length,
      };
    }),
  };
  return { overview, questions, entries };
}

/** Each question of the quiz with how many answers it has and how many wait for a grader. */
export async function getGradingOverview(viewer: Viewer, quizAssignmentId: string, now = new Date()): Promise<GradingOverview> {
  return (await gradingEntries(viewer, quizAssignmentId, now)).overview;
}

/** Every submitted answer to one question of the quiz, in grading order, ready to grade. */
export async function getQuestionGrading(viewer: Viewer, quizAssignmentId: string, questionId: string, now = new Date()): Promise<QuestionGrading> {
  const { overview, questions, entries } = await gradingEntries(viewer, quizAssignmentId, now);
  const question = questions.find((q) => q.questionId === questionId);
  const summary = overview.questions.find((q) => q.questionId === questionId);
  if (!question || !summary) throw new AppError("not_found", "That question is not part of this quiz.");
  const mine = entries.filter((e) => e.questionId === questionId);
  // This question's answers in full, and its content as each attempt has it.
  const [snapshots, answered] = await Promise.all([
    snapshotsOf([...new Map(mine.map((e) => [e.attempt.id, e.attempt])).values()]),
    db.attemptResponse.findMany({
      where: { attempt: { quizAssignmentId, status: "submitted" }, questionKey: { in: [...new Set(mine.map((e) => e.item.key))] } },
      select: { attemptId: true, questionKey: true, response: true, fraction: true, state: true, feedback: true, rubricScores: true, graderComment: true, gradedById: true },
    }),
  ]);
  const full = new Map(answered.map((r) => [`${r.attemptId} ${r.questionKey}`, r]));
  const answers = mine.map(({ attempt, item }): AnswerToGrade => {
    const q = snapshots.get(attempt.id)!.find((x) => x.key === item.key)!;
    const r = full.get(`${attempt.id} ${q.key}`);
    return {
      attemptId: attempt.id,
      attemptNumber: attempt.number,
      student: attempt.user,
      questionKey: q.key,
      points: q.points,
      response: r ? responseToView(q.type, q.config, JSON.parse(r.response), q.seed) : null,
      view: playerView(q.type, q.config, { seed: q.seed, shuffle: false }),
      correctResponse: responseToView(q.type, q.config, correctResponseFor(q.type, q.config), q.seed),
      state: r?.state ?? "unanswered",
      earned: r && r.fraction !== null ? r.fraction * q.points : r ? null : 0,
      feedback: r ? z.array(z.string()).parse(JSON.parse(r.feedback)) : [],
      rubric: q.type === "essay" ? parseConfig("essay", q.config).rubric : null,
      rubricScores: r?.rubricScores ? z.record(z.string(), z.number()).parse(JSON.parse(r.rubricScores)) : null,
      graderComment: r?.graderComment || null,
      gradedByHand: Boolean(r?.gradedById),
    };
  });
  return {
    ...overview,
    question: { ...summary, prompt: question.prompt, points: question.points, graderNotes: question.type === "essay" ? graderNotesOf(question.config) : null },
    answers,
    ungraded: summary.ungraded,
  };
}

/**
 * The answer to grade after this one: the next one waiting in grading order (later students and
 * attempts on this question, then later questions), coming round to the start for any skipped.
 * Null when nothing waits.
 */
export async function nextUngradedAnswer(
  viewer: Viewer,
  quizAssignmentId: string,
  after: { questionId: string; attemptId: string; questionKey?: string | undefined },
  now = new Date(),
): Promise<{ questionId: string; attemptId: string; questionKey: string } | null> {
  const { entries } = await gradingEntries(viewer, quizAssignmentId, now);
  const here = entries.findIndex((e) => e.questionId === after.questionId && e.attempt.id === after.attemptId && (after.questionKey === undefined || e.item.key === after.questionKey));
  const order = here < 0 ? entries : [...entries.slice(here + 1), ...entries.slice(0, here)];
  const next = order.find((e) => e.ungraded);
  return next ? { questionId: next.questionId, attemptId: next.attempt.id, questionKey: next.item.key } : null;
}
