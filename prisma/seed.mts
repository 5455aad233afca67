import { pathToFileURL } from "node:url";
import { createPrismaClient, type Db } from "../lib/db/client.ts";
import { resolveDatabase } from "../lib/db/config.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { minuteBucket } from "../lib/progress/compute.ts";
import fs from "node:fs";
import path from "node:path";
import { seedAllReadings, CONTENT_DIR } from "./seed-content.mts";
import { authoredQuestionSchema } from "../lib/question-types/schemas.ts";
import { correctResponseFor } from "../lib/question-types/registry.ts";
import { buildSnapshot, gradeSnapshot, outlineOf, readSnapshot, snapshotColumns } from "../lib/quiz/snapshot.ts";
import { questionColumns } from "../lib/quiz/question-row.ts";
import { quizFileSchema } from "../lib/validation/content.ts";
import { DEMO_INSTRUCTOR, DEMO_JOIN_CODE, DEMO_PASSWORD, DEMO_READING, DEMO_STUDENTS } from "./demo-accounts.ts";
import { seedDemoDiscussion } from "./demo-discussion.mts";

/**
 * Loads every reading from prisma/content (when its files changed) and, into a database with no
 * users yet, the demo class the README describes. Safe to run on every start.
 */

async function seedDemo(db: Db, log: (s: string) => void): Promise<void> {
  if ((await db.user.count()) > 0) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const reading = await db.reading.findUniqueOrThrow({
    where: { slug: DEMO_READING },
    select: { id: true, sections: { orderBy: { position: "asc" }, select: { id: true } }, paragraphs: { orderBy: { position: "asc" }, select: { anchor: true, sectionId: true } } },
  });
  const now = new Date();
  const day = 24 * 60 * 60 * 1000;

  await db.$transaction(async (tx) => {
    const instructor = await tx.user.create({
      data: { ...DEMO_INSTRUCTOR, role: "instructor", passwordHash },
      select: { id: true },
    });
    const cls = await tx.class.create({
      data: {
        name: "History 11B: The Cold War",
        instructorId: instructor.id,
        joinCode: DEMO_JOIN_CODE,
        joinCodeExpiresAt: new Date(now.getTime() + 365 * day),
      },
      select: { id: true },
    });
    const assignment = await tx.assignment.create({
      data: { classId: cls.id, readingId: reading.id, dueAt: new Date(now.getTime() + 7 * day) },
      select: { id: true },
    });
    for (const s of DEMO_STUDENTS) {
      const student = await tx.user.create({ data: { email: s.email, name: s.name, role: "student", passwordHash }, select: { id: true } });
      await tx.enrolment.create({ data: { userId: student.id, classId: cls.id } });
      if (s.sectionsRead === 0) continue;
      const read = reading.sections.slice(0, s.sectionsRead);
      const lastSection = read[read.length - 1]!;
      const lastAnchor = [...reading.paragraphs].reverse().find((p) => p.sectionId === lastSection.id)?.anchor ?? null;
      const progress = await tx.readingProgress.create({
        data: {
          assignmentId: assignment.id,
          userId: student.id,
          lastAnchor,
          completedAt: s.sectionsRead === reading.sections.length ? now : null,
        },
        select: { id: true },
      });
      await tx.sectionRead.createMany({
        data: read.map((sec, i) => ({ progressId: progress.id, sectionId: sec.id, via: i % 2 ? "marked" : "scrolled" })),
      });
      const firstMinute = minuteBucket(now) - 2 * 24 * 60;
      await tx.readingMinute.createMany({
        data: Array.from({ length: s.minutes }, (_, i) => ({ progressId: progress.id, minute: firstMinute + i })),
      });
    }
  });
  await seedDemoQuiz(db, reading.id, now);
  await seedDemoDiscussion(db, reading.id, now);
  log(`Created the demo class with ${DEMO_STUDENTS.length} students and a quiz (password for every demo account: ${DEMO_PASSWORD}).`);
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * The reading's quiz, owned by the demo instructor and assigned to the demo class, with two
 * submitted attempts (one essay waiting for grading) so the gradebook and analysis show data.
 */
async function seedDemoQuiz(db: Db, readingId: string, now: Date): Promise<void> {
  const file = path.join(CONTENT_DIR, DEMO_READING, "quiz.json");
  if (!fs.existsSync(file)) return;
  const quizFile = quizFileSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  const questions = quizFile.questions.map((q) => ({ points: q.points, question: authoredQuestionSchema.parse(q) }));
  const instructor = await db.user.findUniqueOrThrow({ where: { email: DEMO_INSTRUCTOR.email }, select: { id: true } });
  const cls = await db.class.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE }, select: { id: true } });
  const day = 24 * 60 * 60 * 1000;
  await db.$transaction(async (tx: Tx) => {
    const { settings } = quizFile;
    const quiz = await tx.quiz.create({
      data: {
        ownerId: instructor.id,
        readingId,
        title: quizFile.title,
        description: quizFile.description,
        attemptsAllowed: settings.attemptsAllowed,
        timeLimitMinutes: settings.timeLimitMinutes,
        shuffleQuestions: settings.shuffleQuestions,
        shuffleOptions: settings.shuffleOptions,
        reviewWhen: settings.review.when,
        reviewScore: settings.review.showScore,
        reviewCorrectness: settings.review.showCorrectness,
        reviewAnswers: settings.review.showAnswers,
        reviewFeedback: settings.review.showFeedback,
      },
      select: { id: true },
    });
    const items = [];
    for (const [position, { points, question: q }] of questions.entries()) {
      const question = await tx.question.create({
        data: { ...questionColumns(q), ownerId: instructor.id, readingId, category: q.category ?? "Mielke–Andropov, 11 July 1981", defaultPoints: points },
      });
      await tx.quizQuestion.create({ data: { quizId: quiz.id, questionId: question.id, position, points } });
      items.push({ points, question });
    }
    const qa = await tx.quizAssignment.create({ data: { quizId: quiz.id, classId: cls.id, dueAt: new Date(now.getTime() + 10 * day) }, select: { id: true } });

    // Chloé answers everything right and writes the essay; Eva answers every other question.
    const takers = [
      { email: DEMO_STUDENTS[1].email, answers: (i: number) => i >= 0 },
      { email: DEMO_STUDENTS[3].email, answers: (i: number) => i % 2 === 0 },
    ];
    for (const [n, taker] of takers.entries()) {
      const user = await tx.user.findUniqueOrThrow({ where: { email: taker.email }, select: { id: true } });
      const snapshot = buildSnapshot(items, `demo-${n}`, settings.shuffleQuestions);
      const responses = new Map<string, unknown>();
      snapshot.forEach((item, i) => {
        if (!taker.answers(i)) return;
        const right = item.type === "essay" ? { text: "The note was written by the Stasi (MfS) for its own files: a summary, not a transcript. It leaves out the private 75-minute talk between Andropov and Mielke, held without interpreters." } : correctResponseFor(item.type, item.config);
        if (right) responses.set(item.key, right);
      });
      const graded = gradeSnapshot(snapshot, responses);
      const submittedAt = new Date(now.getTime() - (2 - n) * 60 * 60 * 1000);
      const attempt = await tx.attempt.create({
        data: {
          quizAssignmentId: qa.id,
          userId: user.id,
          number: 1,
          status: "submitted",
          startedAt: new Date(submittedAt.getTime() - 25 * 60 * 1000),
          submittedAt,
          ...snapshotColumns(snapshot),
          score: graded.score,
          maxScore: snapshot.reduce((s, q) => s + q.points, 0),
          needsGrading: graded.needsGrading,
        },
        select: { id: true },
      });
      for (const { item, result } of graded.items) {
        if (!responses.has(item.key)) continue;
        await tx.attemptResponse.create({
          data: {
            attemptId: attempt.id,
            questionKey: item.key,
            response: JSON.stringify(responses.get(item.key)),
            savedAt: submittedAt,
            fraction: result.fraction,
            state: result.state,
            feedback: JSON.stringify(result.feedback),
          },
        });
      }
    }
  });
}

/**
 * Attempts stored before Attempt.outline existed get theirs (derived from their snapshots, which
 * stay as they are), so lists of attempts need not read snapshots for them. The app reads such
 * attempts correctly without it, only slower. Costs one query when there are none.
 */
export async function backfillOutlines(db: Db, log: (s: string) => void = () => {}): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await db.attempt.findMany({ where: { outline: "" }, select: { id: true, snapshot: true }, take: 200 });
    if (batch.length === 0) break;
    await db.$transaction(async (tx) => {
      for (const a of batch) await tx.attempt.updateMany({ where: { id: a.id, outline: "" }, data: { outline: JSON.stringify(outlineOf(readSnapshot(a.snapshot))) } });
    });
    done += batch.length;
  }
  if (done > 0) log(`Outlined ${done} quiz attempt(s) stored before outlines existed.`);
  return done;
}

export async function seedDatabase(db: Db, opts: { demo?: boolean; log?: (s: string) => void } = {}): Promise<void> {
  const log = opts.log ?? (() => {});
  await seedAllReadings(db, log);
  if (opts.demo ?? true) await seedDemo(db, log);
  await backfillOutlines(db, log);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const db = createPrismaClient(resolveDatabase());
  seedDatabase(db, { demo: process.env.DOSSIER_DEMO_DATA !== "0", log: (s) => console.log(`[seed] ${s}`) })
    .then(() => db.$disconnect())
    .catch(async (e: unknown) => {
      console.error(`[seed] failed: ${e instanceof Error ? e.message : String(e)}`);
      await db.$disconnect();
      process.exit(1);
    });
}
