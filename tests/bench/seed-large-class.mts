/**
 * A class at the size a school really has: one instructor, N students (1,000 by default) enrolled,
 * the demo reading assigned with each student's progress on it, and a quiz of Q questions (30 by
 * default, every question type, cycled from the demo quiz) assigned to the class. With
 * `attempts: "submitted"` every student has a submitted, graded attempt (varied answers: right,
 * wrong, partly right, blank; half the essays graded by hand, the rest waiting), as the quiz
 * player and the grader would have left it; with `"none"` the quiz is waiting to be taken.
 *
 * Written with createMany in a few transactions, so 1,000 students take seconds, not minutes.
 * Deterministic for a given `label` (a seeded generator), so runs compare.
 *
 *   npx tsx tests/bench/seed-large-class.mts                 into DATABASE_URL (or data/dossier.db), 1,000 students
 *   npx tsx tests/bench/seed-large-class.mts --students 300 --questions 30 --attempts none
 *
 * The database must be migrated and have the demo reading (`npm run db:migrate && npm run db:seed`).
 * Used by the instructor bench (tests/bench/instructor.mts), the year-group load test
 * (tests/bench/year-group.mts) and tests/integration/query-counts.test.ts.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import type { Db } from "../../lib/db/client.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { minuteBucket } from "../../lib/progress/compute.ts";
import { authoredQuestionSchema } from "../../lib/question-types/schemas.ts";
import { correctResponseFor, gradeQuestion, parseConfig } from "../../lib/question-types/registry.ts";
import { gradeEssayManually } from "../../lib/question-types/essay/grade.ts";
import type { QuestionTypeId } from "../../lib/question-types/ids.ts";
import { buildSnapshot, snapshotColumns, type QuizItemRow, type SnapshotItem } from "../../lib/quiz/snapshot.ts";
import { questionColumns } from "../../lib/quiz/question-row.ts";
import { quizFileSchema } from "../../lib/validation/content.ts";
import { DEMO_PASSWORD, DEMO_READING } from "../../prisma/demo-accounts.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface LargeClassOptions {
  /** Distinguishes this class's accounts (emails `<label>-s<i>@bench.test`); default "bench". */
  label?: string;
  students: number;
  /** Quiz length; default 30. */
  questions?: number;
  /** "submitted": every student has a submitted, graded attempt; "none": nobody has started. */
  attempts: "submitted" | "none";
  /** Reading progress for every student (sections read, minutes, last position); default true. */
  progress?: boolean;
  /** The hash stored for every account; default an argon2id hash of the demo password. */
  passwordHash?: string;
  /** When the attempts were submitted (default now). */
  now?: Date;
}

export interface LargeClass {
  instructor: { id: string; email: string; name: string; role: "instructor" };
  students: { id: string; email: string; name: string; role: "student" }[];
  password: string;
  classId: string;
  quizId: string;
  quizAssignmentId: string;
  assignmentId: string;
  /** The quiz's bank questions, in quiz order. */
  questionIds: string[];
  readingSlug: string;
}

/** mulberry32: small, fast, seeded. */
function rng(seed: string): () => number {
  let a = 0;
  for (const ch of seed) a = (Math.imul(a ^ ch.charCodeAt(0), 2654435761) + 1) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const id = () => `c${randomBytes(12).toString("hex")}`;

const FIRST = ["Ada", "Ben", "Chloé", "Dawit", "Eva", "Farah", "Gustav", "Hana", "Ígor", "Jonas", "Kasia", "Lena", "Malik", "Noor", "Olek", "Priya", "Quinn", "Rosa", "Sami", "Tomasz", "Uma", "Viktor", "Wen", "Xavier", "Yara", "Zofia"];
const LAST = ["Abel", "Bekele", "Chen", "Dubois", "Eriksen", "Fischer", "García", "Horvath", "Ivanova", "Jansen", "Kowalski", "López", "Müller", "Nowak", "Okafor", "Petrov", "Quist", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Wójcik", "Xu", "Yilmaz", "Zieliński"];
const WORDS = "the note was written by the stasi for its own files a summary not a transcript it leaves out the private talk between andropov and mielke held without interpreters which shows what moscow feared in poland and how detente had ended".split(" ");

function shuffled<T>(xs: readonly T[], r: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
const pick = <T,>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)]!;

/**
 * A plausible student answer to a question (in authored ids, as stored): right about half the
 * time, otherwise wrong or partly right in the ways students are; null for a blank.
 */
export function studentAnswer(type: QuestionTypeId, rawConfig: unknown, anchors: readonly string[], r: () => number): unknown {
  if (r() < 0.08) return null;
  const right = r() < 0.55;
  switch (type) {
    case "multiple-choice": {
      const c = parseConfig(type, rawConfig);
      return { optionId: right ? c.options.reduce((a, b) => (b.credit > a.credit ? b : a)).id : pick(c.options, r).id };
    }
    case "multiple-response": {
      const c = parseConfig(type, rawConfig);
      return { optionIds: right ? c.options.filter((o) => o.weight > 0).map((o) => o.id) : c.options.filter(() => r() < 0.4).map((o) => o.id) };
    }
    case "true-false": {
      const c = parseConfig(type, rawConfig);
      return { value: right ? c.answer : !c.answer };
    }
    case "short-answer": {
      const c = parseConfig(type, rawConfig);
      const good = c.answers.find((a) => a.credit === 1)!.text;
      // Typed the way students type: accents dropped, capitals changed.
      const variants = [good, good.toLowerCase(), good.normalize("NFD").replace(/\p{M}/gu, ""), good.toUpperCase()];
      return { text: right ? pick(variants, r) : pick(["Brezhnev", "Warsaw Pact", "KOR", "I don't know", "Jaruzelski"], r) };
    }
    case "numeric": {
      const c = parseConfig(type, rawConfig);
      const a = c.answers.find((x) => x.credit === 1)!;
      const value = a.kind === "tolerance" ? a.value : a.min;
      return { value: right ? value : value + Math.round((r() - 0.5) * 20) + 1 };
    }
    case "ordering": {
      const c = parseConfig(type, rawConfig);
      const ids = c.items.map((i) => i.id);
      return { order: right ? ids : shuffled(ids, r) };
    }
    case "matching": {
      const c = parseConfig(type, rawConfig);
      const answers = [...c.pairs.map((p) => p.answer), ...c.distractors];
      return { matches: Object.fromEntries(c.pairs.map((p) => [p.id, right ? p.answer : pick(answers, r)])) };
    }
    case "essay": {
      const words = Array.from({ length: 60 + Math.floor(r() * 200) }, () => pick(WORDS, r));
      return { text: words.join(" ") };
    }
    case "evidence": {
      const correct = correctResponseFor(type, rawConfig) as { optionId?: string; text?: string; anchors: string[] };
      const c = parseConfig(type, rawConfig);
      const cited = new Set(right ? correct.anchors : correct.anchors.filter(() => r() < 0.5));
      for (let i = Math.floor(r() * 3); i > 0; i--) cited.add(pick(anchors, r));
      const answer =
        c.answer.kind === "choice"
          ? { optionId: right ? correct.optionId! : pick(c.answer.options, r).id }
          : { text: right ? correct.text! : "Gomułka" };
      return { ...answer, anchors: [...cited].slice(0, 20) };
    }
  }
}

/** The demo quiz's questions, cycled to `count` (copies get "(2)", "(3)" in their titles). */
function quizQuestions(count: number) {
  const file = quizFileSchema.parse(JSON.parse(fs.readFileSync(path.join(root, "prisma/content", DEMO_READING, "quiz.json"), "utf8")));
  const base = file.questions.map((q) => ({ points: q.points, question: authoredQuestionSchema.parse(q) }));
  return Array.from({ length: count }, (_, i) => {
    const { points, question } = base[i % base.length]!;
    const round = Math.floor(i / base.length) + 1;
    return { points, question: round === 1 ? question : { ...question, title: `${question.title} (${round})`.slice(0, 200) } };
  });
}

async function inBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function seedLargeClass(db: Db, opts: LargeClassOptions): Promise<LargeClass> {
  const label = opts.label ?? "bench";
  const r = rng(label);
  const now = opts.now ?? new Date();
  const nQuestions = opts.questions ?? 30;
  const passwordHash = opts.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const reading = await db.reading.findUniqueOrThrow({
    where: { slug: DEMO_READING },
    select: { id: true, slug: true, title: true, sections: { orderBy: { position: "asc" }, select: { id: true } }, paragraphs: { where: { kind: { not: "gap" } }, orderBy: { position: "asc" }, select: { anchor: true, sectionId: true } } },
  });
  const anchors = reading.paragraphs.map((p) => p.anchor);
  const day = 24 * 60 * 60 * 1000;

  const instructor = { id: id(), email: `${label}-instructor@bench.test`, name: `${label} Instructor`, role: "instructor" as const };
  const students = Array.from({ length: opts.students }, (_, i) => ({
    id: id(),
    email: `${label}-s${i}@bench.test`,
    name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`,
    role: "student" as const,
  }));
  const classId = id();
  const quizId = id();
  const quizAssignmentId = id();
  const assignmentId = id();
  const questions = quizQuestions(nQuestions).map((q) => ({ ...q, id: id() }));

  // People, the class, the reading assignment, the quiz and its assignment.
  await db.$transaction(
    async (tx) => {
      await tx.user.create({ data: { ...instructor, passwordHash }, select: { id: true } });
      await inBatches(students, 500, (batch) => tx.user.createMany({ data: batch.map((s) => ({ ...s, passwordHash })) }));
      await tx.class.create({
        data: { id: classId, name: `${label} Year 11 (${opts.students} students)`, instructorId: instructor.id, joinCode: randomBytes(5).toString("hex").toUpperCase(), joinCodeExpiresAt: new Date(now.getTime() + 30 * day) },
        select: { id: true },
      });
      await inBatches(students, 500, (batch) => tx.enrolment.createMany({ data: batch.map((s) => ({ userId: s.id, classId })) }));
      await tx.assignment.create({ data: { id: assignmentId, classId, readingId: reading.id, dueAt: new Date(now.getTime() + 7 * day) }, select: { id: true } });
      await tx.question.createMany({
        data: questions.map((q) => ({ id: q.id, ...questionColumns(q.question), ownerId: instructor.id, readingId: reading.id, category: q.question.category ?? "Bench", defaultPoints: q.points })),
      });
      await tx.quiz.create({
        data: { id: quizId, ownerId: instructor.id, readingId: reading.id, title: `${label}: Mielke and Andropov (${nQuestions} questions)`, attemptsAllowed: 1, shuffleQuestions: false, shuffleOptions: true },
        select: { id: true },
      });
      await tx.quizQuestion.createMany({ data: questions.map((q, position) => ({ id: id(), quizId, questionId: q.id, position, points: q.points })) });
      await tx.quizAssignment.create({ data: { id: quizAssignmentId, quizId, classId, dueAt: new Date(now.getTime() + 3 * day) }, select: { id: true } });
    },
    { timeout: 120_000 },
  );

  if (opts.progress ?? true) {
    const progress: { id: string; assignmentId: string; userId: string; lastAnchor: string | null; startedAt: Date; updatedAt: Date; completedAt: Date | null }[] = [];
    const reads: { progressId: string; sectionId: string; via: string; readAt: Date }[] = [];
    const minutes: { progressId: string; minute: number }[] = [];
    const firstMinute = minuteBucket(now) - 2 * 24 * 60;
    for (const s of students) {
      const read = Math.floor(r() * (reading.sections.length + 2));
      if (read === 0 && r() < 0.5) continue; // never opened it
      const n = Math.min(read, reading.sections.length);
      const progressId = id();
      const lastSection = reading.sections[Math.max(0, n - 1)]!;
      const updatedAt = new Date(now.getTime() - Math.floor(r() * 3 * day));
      progress.push({
        id: progressId,
        assignmentId,
        userId: s.id,
        lastAnchor: reading.paragraphs.find((p) => p.sectionId === lastSection.id)?.anchor ?? null,
        startedAt: new Date(updatedAt.getTime() - day),
        updatedAt,
        completedAt: n === reading.sections.length ? updatedAt : null,
      });
      for (const sec of reading.sections.slice(0, n)) reads.push({ progressId, sectionId: sec.id, via: r() < 0.3 ? "marked" : "scrolled", readAt: updatedAt });
      const m = Math.floor(r() * 50);
      for (let i = 0; i < m; i++) minutes.push({ progressId, minute: firstMinute + i });
    }
    await db.$transaction(
      async (tx) => {
        await inBatches(progress, 500, (batch) => tx.readingProgress.createMany({ data: batch }));
        await inBatches(reads, 1000, (batch) => tx.sectionRead.createMany({ data: batch }));
        await inBatches(minutes, 2000, (batch) => tx.readingMinute.createMany({ data: batch }));
      },
      { timeout: 120_000 },
    );
  }

  if (opts.attempts === "submitted") {
    const items: QuizItemRow[] = questions.map((q) => ({ points: q.points, question: { id: q.id, ...questionColumns(q.question) } }));
    const attempts: { id: string; quizAssignmentId: string; userId: string; number: number; status: string; startedAt: Date; submittedAt: Date; snapshot: string; outline: string; score: number; maxScore: number; needsGrading: boolean }[] = [];
    const responses: { attemptId: string; questionKey: string; response: string; savedAt: Date; fraction: number | null; state: string; feedback: string; rubricScores: string | null; graderComment: string; gradedAt: Date | null; gradedById: string | null }[] = [];
    for (const [i, s] of students.entries()) {
      const attemptId = id();
      const snapshot: SnapshotItem[] = buildSnapshot(items, `${label}-${i}`, false);
      const submittedAt = new Date(now.getTime() - Math.floor(r() * 2 * 60 * 60 * 1000));
      let score = 0;
      let needsGrading = false;
      for (const q of snapshot) {
        const answer = studentAnswer(q.type, q.config, anchors, r);
        let result = gradeQuestion(q.type, q.config, answer);
        let hand: { rubricScores: string | null; graderComment: string; gradedAt: Date; gradedById: string } | null = null;
        if (result.fraction === null && r() < 0.5) {
          // An essay a grader has been through, against its rubric.
          const rubric = parseConfig("essay", q.config).rubric;
          const scores = Object.fromEntries(rubric.map((c) => [c.id, Math.floor(r() * (c.maxPoints + 1))]));
          result = { ...gradeEssayManually(parseConfig("essay", q.config), scores), feedback: [] };
          hand = { rubricScores: JSON.stringify(scores), graderComment: "Good use of the source; say more about what it leaves out.", gradedAt: now, gradedById: instructor.id };
        }
        if (result.fraction === null) needsGrading = true;
        score += (result.fraction ?? 0) * q.points;
        responses.push({
          attemptId,
          questionKey: q.key,
          response: JSON.stringify(answer),
          savedAt: new Date(submittedAt.getTime() - 60_000),
          fraction: result.fraction,
          state: result.state,
          feedback: JSON.stringify(result.feedback),
          rubricScores: hand?.rubricScores ?? null,
          graderComment: hand?.graderComment ?? "",
          gradedAt: hand?.gradedAt ?? null,
          gradedById: hand?.gradedById ?? null,
        });
      }
      attempts.push({
        id: attemptId,
        quizAssignmentId,
        userId: s.id,
        number: 1,
        status: "submitted",
        startedAt: new Date(submittedAt.getTime() - 25 * 60_000),
        submittedAt,
        ...snapshotColumns(snapshot),
        score,
        maxScore: snapshot.reduce((sum, q) => sum + q.points, 0),
        needsGrading,
      });
    }
    await db.$transaction(
      async (tx) => {
        await inBatches(attempts, 200, (batch) => tx.attempt.createMany({ data: batch }));
        await inBatches(responses, 1000, (batch) => tx.attemptResponse.createMany({ data: batch }));
      },
      { timeout: 300_000 },
    );
  }

  return {
    instructor,
    students,
    password: DEMO_PASSWORD,
    classId,
    quizId,
    quizAssignmentId,
    assignmentId,
    questionIds: questions.map((q) => q.id),
    readingSlug: reading.slug,
  };
}

// ---------------------------------------------------------------- the command line

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      students: { type: "string", default: "1000" },
      questions: { type: "string", default: "30" },
      attempts: { type: "string", default: "submitted" },
      label: { type: "string", default: `bench${Date.now().toString(36)}` },
    },
  });
  const { createPrismaClient } = await import("../../lib/db/client.ts");
  const { resolveDatabase } = await import("../../lib/db/config.ts");
  const config = resolveDatabase();
  const db = createPrismaClient(config);
  const t0 = performance.now();
  const attempts = values.attempts === "none" ? "none" : "submitted";
  const made = await seedLargeClass(db, { label: values.label, students: Number(values.students), questions: Number(values.questions), attempts });
  await db.$disconnect();
  console.log(
    `[seed-large-class] ${config.provider}: class ${made.classId} with ${made.students.length} students, quiz assignment ${made.quizAssignmentId} (${made.questionIds.length} questions, attempts: ${attempts}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(`[seed-large-class] instructor ${made.instructor.email}, students ${made.students[0]?.email} …, password ${made.password}`);
}
