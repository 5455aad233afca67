import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canAuthorQuizzes, canEditClass, canManageClass, canManageOwnContent, type Viewer } from "@/lib/authz/policy";
import { authoredQuestionSchema, type AuthoredQuestion } from "@/lib/question-types/schemas";
import type { QuestionTypeId } from "@/lib/question-types/ids";
import type { QuizSettings } from "@/lib/validation/quizzes";
import { questionColumns } from "@/lib/quiz/question-row";
import { endOfDayIn, usableTimeZone } from "@/lib/time/zones";
import { quizSettingsSelect } from "./selects";
import { isUniqueViolation } from "./prisma-errors";

/**
 * The question bank and quizzes. Only the instructor who owns a question or quiz can see its
 * answer key or change it; students reach questions only through attempts (lib/data/attempts.ts),
 * which never send the key.
 */

const questionSelect = {
  id: true,
  type: true,
  title: true,
  prompt: true,
  format: true,
  config: true,
  generalFeedback: true,
  anchors: true,
  category: true,
  defaultPoints: true,
  ownerId: true,
  updatedAt: true,
} as const;

export interface BankQuestion extends Omit<AuthoredQuestion, "config"> {
  id: string;
  type: QuestionTypeId;
  config: unknown;
  updatedAt: Date;
}

function toBankQuestion(row: { id: string; type: string; title: string; prompt: string; format: string; config: string; generalFeedback: string; anchors: string; category: string; defaultPoints: number; updatedAt: Date }): BankQuestion {
  const parsed = authoredQuestionSchema.safeParse({
    type: row.type,
    title: row.title,
    prompt: row.prompt,
    format: row.format,
    config: JSON.parse(row.config),
    generalFeedback: row.generalFeedback || undefined,
    anchors: JSON.parse(row.anchors),
    category: row.category || undefined,
    defaultPoints: row.defaultPoints,
  });
  if (!parsed.success) throw new Error(`Stored question ${row.id} does not match its type's schema`);
  return { ...parsed.data, id: row.id, updatedAt: row.updatedAt };
}

/** Validates untrusted question data (editor, import) into an AuthoredQuestion, with messages per field. */
export function validateQuestion(input: unknown): AuthoredQuestion {
  const parsed = authoredQuestionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "question"] ??= []).push(issue.message);
  throw new AppError("invalid", "The question is not complete or not valid; see the marked fields.", fieldErrors);
}

async function ownedQuestion(viewer: Viewer, id: string) {
  const row = await db.question.findUnique({ where: { id }, select: questionSelect });
  if (!row) throw new AppError("not_found", "There is no such question.");
  if (!canManageOwnContent(viewer, row)) throw new AppError("forbidden", "This question belongs to another instructor.");
  return row;
}

/**
 * Writes questions into the instructor's bank, and onto the end of one of their quizzes when
 * `quizId` is given: all of them or none (one transaction), and nothing at all unless the quiz
 * is theirs. A question written from a quiz is on the quiz's reading.
 */
export async function createQuestions(viewer: Viewer, inputs: readonly unknown[], opts: { quizId?: string; readingSlug?: string } = {}): Promise<BankQuestion[]> {
  if (!canAuthorQuizzes(viewer)) throw new AppError("forbidden", "Only instructors write questions.");
  const quiz = opts.quizId ? await ownedQuiz(viewer, opts.quizId) : null;
  const questions = inputs.map((input, i) => {
    try {
      return validateQuestion(input);
    } catch (e) {
      if (inputs.length > 1 && e instanceof AppError) throw new AppError("invalid", `Question ${i + 1}: ${e.message}`, e.fieldErrors);
      throw e;
    }
  });
  const readingId = quiz ? quiz.readingId : opts.readingSlug ? ((await db.reading.findUnique({ where: { slug: opts.readingSlug }, select: { id: true } }))?.id ?? null) : null;
  const rows = await db.$transaction(async (tx) => {
    if (quiz) await holdQuiz(tx, quiz.id);
    const created = [];
    for (const q of questions) created.push(await tx.question.create({ data: { ...questionColumns(q), ownerId: viewer.id, readingId }, select: questionSelect }));
    if (quiz) {
      const last = await tx.quizQuestion.findFirst({ where: { quizId: quiz.id }, orderBy: { position: "desc" }, select: { position: true } });
      let position = (last?.position ?? -1) + 1;
      for (const row of created) await tx.quizQuestion.create({ data: { quizId: quiz.id, questionId: row.id, position: position++, points: row.defaultPoints }, select: { id: true } });
    }
    return created;
  });
  return rows.map(toBankQuestion);
}

export async function createQuestion(viewer: Viewer, input: unknown, opts: { quizId?: string; readingSlug?: string } = {}): Promise<BankQuestion> {
  const [created] = await createQuestions(viewer, [input], opts);
  return created!;
}

export async function updateQuestion(viewer: Viewer, id: string, input: unknown): Promise<BankQuestion> {
  await ownedQuestion(viewer, id);
  const q = validateQuestion(input);
  // Attempts keep their own snapshot, so this never changes a grade already given.
  return toBankQuestion(await db.question.update({ where: { id }, data: questionColumns(q), select: questionSelect }));
}

export async function duplicateQuestion(viewer: Viewer, id: string): Promise<BankQuestion> {
  const row = await ownedQuestion(viewer, id);
  const { id: _id, ownerId, updatedAt: _u, ...copy } = row;
  return toBankQuestion(await db.question.create({ data: { ...copy, title: `${row.title} (copy)`, ownerId }, select: questionSelect }));
}

export async function deleteQuestion(viewer: Viewer, id: string): Promise<void> {
  await ownedQuestion(viewer, id);
  await db.question.delete({ where: { id } });
}

export async function listMyQuestions(viewer: Viewer): Promise<BankQuestion[]> {
  if (!canAuthorQuizzes(viewer)) throw new AppError("forbidden", "Only instructors have a question bank.");
  const rows = await db.question.findMany({ where: { ownerId: viewer.id }, orderBy: [{ category: "asc" }, { createdAt: "asc" }], select: questionSelect });
  return rows.map(toBankQuestion);
}

export async function getQuestion(viewer: Viewer, id: string): Promise<BankQuestion> {
  return toBankQuestion(await ownedQuestion(viewer, id));
}

// ---------------------------------------------------------------- quizzes

const settingsColumns = (s: QuizSettings) => ({
  title: s.title,
  description: s.description,
  attemptsAllowed: s.attemptsAllowed,
  opensAt: s.opensAt,
  closesAt: s.closesAt,
  timeLimitMinutes: s.timeLimitMinutes,
  shuffleQuestions: s.shuffleQuestions,
  shuffleOptions: s.shuffleOptions,
  reviewWhen: s.reviewWhen,
  reviewScore: s.reviewScore,
  reviewCorrectness: s.reviewCorrectness,
  reviewAnswers: s.reviewAnswers,
  reviewFeedback: s.reviewFeedback,
});

async function ownedQuiz(viewer: Viewer, id: string) {
  const quiz = await db.quiz.findUnique({ where: { id }, select: { id: true, ownerId: true, readingId: true } });
  if (!quiz) throw new AppError("not_found", "There is no such quiz.");
  if (!canManageOwnContent(viewer, quiz)) throw new AppError("forbidden", "This quiz belongs to another instructor.");
  return quiz;
}

export async function createQuiz(viewer: Viewer, settings: QuizSettings, readingSlug?: string): Promise<{ id: string }> {
  if (!canAuthorQuizzes(viewer)) throw new AppError("forbidden", "Only instructors create quizzes.");
  const reading = readingSlug ? await db.reading.findUnique({ where: { slug: readingSlug }, select: { id: true } }) : null;
  return db.quiz.create({ data: { ...settingsColumns(settings), ownerId: viewer.id, readingId: reading?.id ?? null }, select: { id: true } });
}

export async function updateQuizSettings(viewer: Viewer, quizId: string, settings: QuizSettings): Promise<void> {
  await ownedQuiz(viewer, quizId);
  await db.quiz.update({ where: { id: quizId }, data: settingsColumns(settings), select: { id: true } });
}

export async function addQuestionToQuiz(viewer: Viewer, quizId: string, item: { questionId: string; points?: number }): Promise<{ id: string }> {
  await ownedQuiz(viewer, quizId);
  const question = await ownedQuestion(viewer, item.questionId);
  return db.$transaction(async (tx) => {
    await holdQuiz(tx, quizId);
    const last = await tx.quizQuestion.findFirst({ where: { quizId }, orderBy: { position: "desc" }, select: { position: true } });
    return tx.quizQuestion.create({
      data: { quizId, questionId: question.id, position: (last?.position ?? -1) + 1, points: item.points ?? question.defaultPoints },
      select: { id: true },
    });
  });
}

export async function setQuizItemPoints(viewer: Viewer, quizId: string, itemId: string, points: number): Promise<void> {
  await ownedQuiz(viewer, quizId);
  const { count } = await db.quizQuestion.updateMany({ where: { id: itemId, quizId }, data: { points } });
  if (count === 0) throw new AppError("not_found", "That question is not in this quiz.");
}

export async function removeQuizItem(viewer: Viewer, quizId: string, itemId: string): Promise<void> {
  await ownedQuiz(viewer, quizId);
  const { count } = await db.quizQuestion.deleteMany({ where: { id: itemId, quizId } });
  if (count === 0) throw new AppError("not_found", "That question is not in this quiz.");
}

/** `itemIds` must be exactly the quiz's items, in the new order. */
export async function reorderQuiz(viewer: Viewer, quizId: string, itemIds: string[]): Promise<void> {
  await ownedQuiz(viewer, quizId);
  await db.$transaction(async (tx) => {
    await holdQuiz(tx, quizId);
    const items = await tx.quizQuestion.findMany({ where: { quizId }, select: { id: true } });
    const current = new Set(items.map((i) => i.id));
    if (itemIds.length !== current.size || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => current.has(id))) {
      throw new AppError("invalid", "The new order must list every question of the quiz once.");
    }
    await writeOrder(tx, itemIds);
  });
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * The first write of every transaction that numbers a quiz's items: touches the quiz (it
 * changed), which on PostgreSQL also locks its row until the transaction ends, so two tabs
 * adding or moving items run one after the other on what the other wrote. SQLite runs one
 * transaction at a time anyway.
 */
async function holdQuiz(tx: Tx, quizId: string): Promise<void> {
  await tx.quiz.update({ where: { id: quizId }, data: { updatedAt: new Date() }, select: { id: true } });
}

/** Numbers the quiz's items 0..n-1 in the given order. */
async function writeOrder(tx: Tx, itemIds: readonly string[]) {
  for (const [position, id] of itemIds.entries()) await tx.quizQuestion.update({ where: { id }, data: { position }, select: { id: true } });
}

async function itemOrder(tx: Tx, quizId: string, itemId: string) {
  const order = (await tx.quizQuestion.findMany({ where: { quizId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } })).map((i) => i.id);
  const index = order.indexOf(itemId);
  if (index === -1) throw new AppError("not_found", "That question is no longer in this quiz; reload the page.");
  return { order, index };
}

/** One step up or down, read and written in one transaction so two tabs moving items can't interleave. */
export async function moveQuizItem(viewer: Viewer, quizId: string, itemId: string, direction: "up" | "down"): Promise<{ position: number; moved: boolean }> {
  await ownedQuiz(viewer, quizId);
  return db.$transaction(async (tx) => {
    await holdQuiz(tx, quizId);
    const { order, index } = await itemOrder(tx, quizId, itemId);
    const to = direction === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= order.length) return { position: index + 1, moved: false };
    [order[index], order[to]] = [order[to]!, order[index]!];
    await writeOrder(tx, order);
    return { position: to + 1, moved: true };
  });
}

/** A copy of the item's question in the bank, placed right after the original and worth the same points. */
export async function duplicateQuizItem(viewer: Viewer, quizId: string, itemId: string): Promise<{ title: string; position: number }> {
  await ownedQuiz(viewer, quizId);
  const item = await db.quizQuestion.findFirst({ where: { id: itemId, quizId }, select: { points: true, questionId: true } });
  if (!item) throw new AppError("not_found", "That question is no longer in this quiz; reload the page.");
  const { id: _id, ownerId, updatedAt: _u, ...copy } = await ownedQuestion(viewer, item.questionId);
  return db.$transaction(async (tx) => {
    await holdQuiz(tx, quizId);
    const question = await tx.question.create({ data: { ...copy, title: `${copy.title} (copy)`, ownerId }, select: { id: true, title: true } });
    const { order, index } = await itemOrder(tx, quizId, itemId);
    const added = await tx.quizQuestion.create({ data: { quizId, questionId: question.id, position: order.length, points: item.points }, select: { id: true } });
    order.splice(index + 1, 0, added.id);
    await writeOrder(tx, order);
    return { title: question.title, position: index + 2 };
  });
}

export interface QuizForEditing extends QuizSettings {
  id: string;
  items: { id: string; position: number; points: number; question: BankQuestion }[];
  /** The reading the quiz is on (its questions cite its paragraphs). */
  reading: { slug: string; title: string } | null;
  assignments: { id: string; classId: string; className: string; dueAt: Date | null; opensAfterReading: boolean }[];
}

export async function getQuizForEditing(viewer: Viewer, quizId: string): Promise<QuizForEditing> {
  await ownedQuiz(viewer, quizId);
  const quiz = await db.quiz.findUniqueOrThrow({
    where: { id: quizId },
    select: {
      id: true,
      title: true,
      description: true,
      ...quizSettingsSelect,
      items: { orderBy: { position: "asc" }, select: { id: true, position: true, points: true, question: { select: questionSelect } } },
      reading: { select: { slug: true, title: true } },
      assignments: { select: { id: true, classId: true, dueAt: true, opensAfterReading: true, class: { select: { name: true } } } },
    },
  });
  return {
    ...quiz,
    reviewWhen: quiz.reviewWhen as QuizSettings["reviewWhen"],
    items: quiz.items.map((i) => ({ id: i.id, position: i.position, points: i.points, question: toBankQuestion(i.question) })),
    assignments: quiz.assignments.map((a) => ({ id: a.id, classId: a.classId, className: a.class.name, dueAt: a.dueAt, opensAfterReading: a.opensAfterReading })),
  };
}

export async function listMyQuizzes(viewer: Viewer): Promise<{ id: string; title: string; questionCount: number; assignedTo: number }[]> {
  if (!canAuthorQuizzes(viewer)) throw new AppError("forbidden", "Only instructors have quizzes.");
  const rows = await db.quiz.findMany({
    where: { ownerId: viewer.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, _count: { select: { items: true, assignments: true } } },
  });
  return rows.map((r) => ({ id: r.id, title: r.title, questionCount: r._count.items, assignedTo: r._count.assignments }));
}

/** Assigning again changes the due date; it never creates a second copy. */
/**
 * Assigns the quiz to one of the instructor's classes, or changes the due date and opening rule
 * of that assignment. A quiz on a reading brings its reading with it: the class gets the reading
 * too (due the same day) if it doesn't have it yet. `opensAfterReading` opens the quiz to each
 * student once they have read every part of it.
 */
/**
 * Assigns a quiz to a class. The due date is either an instant (`dueAt`) or a whole day
 * (`dueDate`, "2030-06-15"), which ends at the last second of that day in the class's time zone.
 */
export async function assignQuiz(
  viewer: Viewer,
  input: { quizId: string; classId: string; dueAt?: Date | null; dueDate?: string | undefined; opensAfterReading?: boolean },
): Promise<{ id: string; readingAssigned: boolean }> {
  const quiz = await ownedQuiz(viewer, input.quizId);
  const cls = await db.class.findUnique({ where: { id: input.classId }, select: { instructorId: true, archivedAt: true, timeZone: true } });
  if (!cls) throw new AppError("not_found", "There is no such class.");
  if (!canManageClass(viewer, cls)) throw new AppError("forbidden", "You can assign quizzes only to your own classes.");
  if (!canEditClass(viewer, cls)) throw new AppError("conflict", "That class is archived, so nothing new can be assigned to it. Restore it first.");
  const dueAt = input.dueDate ? endOfDayIn(input.dueDate, usableTimeZone(cls.timeZone)) : (input.dueAt ?? null);
  const count = await db.quizQuestion.count({ where: { quizId: input.quizId } });
  if (count === 0) throw new AppError("invalid", "Add at least one question before assigning the quiz.");
  const opensAfterReading = input.opensAfterReading ?? false;
  if (opensAfterReading && !quiz.readingId) throw new AppError("invalid", "This quiz is not on a reading, so it can't open after one.", { opensAfterReading: ["This quiz is not on a reading."] });
  const key = { quizId_classId: { quizId: input.quizId, classId: input.classId } };
  const write = () =>
    db.$transaction(async (tx) => {
      let readingAssigned = false;
      if (quiz.readingId) {
        const existing = await tx.assignment.findUnique({ where: { classId_readingId: { classId: input.classId, readingId: quiz.readingId } }, select: { id: true } });
        if (!existing) {
          await tx.assignment.create({ data: { classId: input.classId, readingId: quiz.readingId, dueAt }, select: { id: true } });
          readingAssigned = true;
        }
      }
      const qa = await tx.quizAssignment.upsert({
        where: key,
        create: { quizId: input.quizId, classId: input.classId, dueAt, opensAfterReading },
        update: { dueAt, opensAfterReading },
        select: { id: true },
      });
      return { id: qa.id, readingAssigned };
    });
  try {
    return await write();
  } catch (e) {
    // Two assigns at once: the loser's transaction rolled back whole; the winner's stands, so write again as an update.
    if (!isUniqueViolation(e)) throw e;
    return write();
  }
}
