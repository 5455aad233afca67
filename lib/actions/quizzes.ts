"use server";

import { canAuthorQuizzes } from "@/lib/authz/policy";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { addQuestionToQuiz, assignQuiz, createQuestions, createQuiz, moveQuizItem, removeQuizItem, setQuizItemPoints, updateQuizSettings } from "@/lib/data/quizzes";
import { parseGift, type GiftError, type GiftNotice } from "@/lib/interchange/gift";
import type { QuestionTypeId } from "@/lib/question-types/ids";
import { dueDateSchema, idSchema } from "@/lib/validation/classes";
import { quizSettingsSchema } from "@/lib/validation/quizzes";
import { fromDateTimeLocal, usableTimeZone } from "@/lib/time/zones";
import { failed, invalid, requireForm, type FormState, optional } from "./form-state";
import { formAction } from "./action";
import { SLUG_PATTERN } from "@/lib/validation/content";

/** Quizzes: create, settings, the ordered list of questions, assigning, GIFT import. */

const checked = (form: FormData, key: string) => form.get(key) === "on";

/** Issues under `prefix` (a nested object in the schema) as if they were top-level fields. */
function flattenPath(error: z.ZodError, prefix: string): z.ZodError {
  return new z.ZodError(error.issues.map((i) => (i.path[0] === prefix ? { ...i, path: i.path.slice(1) } : i)));
}

/** Messages in words where the schema's own would be technical. */
function settingsInvalid(error: z.ZodError, values: Record<string, string>): FormState {
  const state = invalid(error, values);
  for (const [key, messages] of Object.entries(state.fieldErrors ?? {})) {
    state.fieldErrors![key] = messages.map((m) =>
      /expected number|expected int/.test(m) ? "Enter a whole number." : /Invalid option|expected one of/.test(m) ? "Choose one of the options." : m,
    );
  }
  return state;
}

/** <input type="datetime-local"> has no zone: it is the instructor's own (the one pages show them times in). */
const zonedDateTime = (v: FormDataEntryValue | null, timeZone: string) => {
  const s = optional(v)?.trim();
  if (!s) return undefined;
  // Anything else goes to the schema as it is, which says what is wrong with it.
  return fromDateTimeLocal(s, timeZone) ?? s;
};

const createQuizSchema = z.object({ settings: quizSettingsSchema, readingSlug: z.string().optional() });

export const createQuizAction = formAction({
  fields: ["title", "description", "readingSlug"],
  schema: createQuizSchema,
  read: (form) => ({
    settings: { title: form.get("title") ?? "", description: form.get("description") ?? "", attemptsAllowed: 1, reviewWhen: "immediately" },
    // A reading that is not one simply isn't attached (the form offers only real ones).
    readingSlug: SLUG_PATTERN.test(optional(form.get("readingSlug")) ?? "") ? optional(form.get("readingSlug")) : undefined,
  }),
  refusal: (error, values) => settingsInvalid(flattenPath(error, "settings"), values),
  run: async (viewer, { settings, readingSlug }) => {
    const { id } = await createQuiz(viewer, settings, readingSlug);
    return { revalidate: ["/quizzes", "/dashboard"], redirect: `/quizzes/${id}?created=1` };
  },
});

const settingsKeys = [
  "quizId",
  "title",
  "description",
  "attemptsAllowed",
  "opensAt",
  "closesAt",
  "timeLimitMinutes",
  "shuffleQuestions",
  "shuffleOptions",
  "reviewWhen",
  "reviewScore",
  "reviewCorrectness",
  "reviewAnswers",
  "reviewFeedback",
] as const;

export const updateQuizSettingsAction = formAction({
  fields: settingsKeys,
  schema: z.object({ quizId: idSchema, settings: quizSettingsSchema }),
  read: (form, viewer) => {
    const zone = usableTimeZone(viewer.timeZone);
    const timeLimit = optional(form.get("timeLimitMinutes"))?.trim();
    const attempts = optional(form.get("attemptsAllowed"))?.trim();
    return {
      quizId: form.get("quizId"),
      settings: {
        title: form.get("title") ?? "",
        description: form.get("description") ?? "",
        attemptsAllowed: attempts ?? Number.NaN,
        opensAt: zonedDateTime(form.get("opensAt"), zone),
        closesAt: zonedDateTime(form.get("closesAt"), zone),
        timeLimitMinutes: timeLimit ? timeLimit : null,
        shuffleQuestions: checked(form, "shuffleQuestions"),
        shuffleOptions: checked(form, "shuffleOptions"),
        reviewWhen: form.get("reviewWhen"),
        reviewScore: checked(form, "reviewScore"),
        reviewCorrectness: checked(form, "reviewCorrectness"),
        reviewAnswers: checked(form, "reviewAnswers"),
        reviewFeedback: checked(form, "reviewFeedback"),
      },
    };
  },
  refusal: (error, values) =>
    error.issues.some((i) => i.path[0] === "quizId") ? { ok: false, message: "That quiz doesn’t exist.", values } : settingsInvalid(flattenPath(error, "settings"), values),
  run: async (viewer, { quizId, settings }) => {
    await updateQuizSettings(viewer, quizId, settings);
    return { message: "Settings saved.", revalidate: [`/quizzes/${quizId}`, "/quizzes"] };
  },
});

const itemSchema = z.object({ quizId: idSchema, itemId: idSchema });
const readItem = (form: FormData) => ({ quizId: form.get("quizId"), itemId: form.get("itemId") });
const NOT_IN_QUIZ = "That question is not in this quiz.";

export const addQuestionToQuizAction = formAction({
  schema: z.object({ quizId: idSchema, questionId: idSchema }),
  read: (form) => ({ quizId: form.get("quizId"), questionId: optional(form.get("questionId")) }),
  refusal: (error) =>
    error.issues.some((i) => i.path[0] === "questionId")
      ? { ok: false, message: "Choose a question from your bank.", fieldErrors: { questionId: ["Choose a question."] } }
      : { ok: false, message: "That quiz doesn’t exist." },
  run: async (viewer, { quizId, questionId }) => {
    await addQuestionToQuiz(viewer, quizId, { questionId });
    return { message: "Added at the end of the quiz.", revalidate: [`/quizzes/${quizId}`, "/quizzes"] };
  },
});

const pointsSchema = z.coerce.number({ message: "Enter a number." }).min(0, "At least 0 points.").max(100, "At most 100 points.");

export const setItemPointsAction = formAction({
  fields: ["quizId", "itemId", "points"],
  schema: itemSchema.extend({ points: pointsSchema }),
  read: (form) => {
    const raw = optional(form.get("points"))?.trim();
    return { ...readItem(form), points: raw ? raw.replace(",", ".") : Number.NaN };
  },
  refusal: (error, values) => {
    const points = error.issues.filter((i) => i.path[0] === "points").map((i) => (/expected number/.test(i.message) ? "Enter a number." : i.message));
    return points.length === 0 ? { ok: false, message: NOT_IN_QUIZ, values } : { ok: false, message: points[0], fieldErrors: { points }, values };
  },
  run: async (viewer, { quizId, itemId, points }) => {
    await setQuizItemPoints(viewer, quizId, itemId, points);
    return { message: "Saved.", revalidate: [`/quizzes/${quizId}`] };
  },
});

export const removeItemAction = formAction({
  schema: itemSchema,
  read: readItem,
  refusal: NOT_IN_QUIZ,
  run: async (viewer, { quizId, itemId }) => {
    await removeQuizItem(viewer, quizId, itemId);
    return { revalidate: [`/quizzes/${quizId}`, "/quizzes"], redirect: `/quizzes/${quizId}?removed=1` };
  },
});

export const moveItemAction = formAction({
  schema: itemSchema.extend({ direction: z.enum(["up", "down"]) }),
  read: (form) => ({ ...readItem(form), direction: form.get("direction") }),
  refusal: NOT_IN_QUIZ,
  run: async (viewer, { quizId, itemId, direction }) => {
    const result = await moveQuizItem(viewer, quizId, itemId, direction);
    if (!result.moved) return { message: `It is already ${direction === "up" ? "first" : "last"}.` };
    return { message: `Moved to position ${result.position}.`, revalidate: [`/quizzes/${quizId}`] };
  },
});

export const assignQuizAction = formAction({
  fields: ["quizId", "classId", "dueDate", "opens"],
  schema: z.object({
    quizId: idSchema,
    classId: z.string({ message: "Choose a class." }).pipe(idSchema),
    dueDate: dueDateSchema,
    opens: z.enum(["with-reading", "after-reading"], { message: "Choose when students can take the quiz." }).default("with-reading"),
  }),
  read: (form) => ({ quizId: form.get("quizId"), classId: optional(form.get("classId")), dueDate: form.get("dueDate") ?? "", opens: optional(form.get("opens")) }),
  run: async (viewer, { quizId, classId, dueDate, opens }) => {
    // A due date is a whole day: the quiz is due at its end in the class's time zone, like readings.
    const { readingAssigned } = await assignQuiz(viewer, { quizId, classId, dueDate, dueAt: null, opensAfterReading: opens === "after-reading" });
    const message = [
      "The quiz is assigned. Students see it on their dashboard",
      opens === "after-reading" ? ", and can start it once they have read every part of the reading." : ".",
      readingAssigned ? " The class didn’t have the reading yet, so it is assigned too, due the same day." : "",
    ].join("");
    return { message, revalidate: [`/quizzes/${quizId}`, `/classes/${classId}`, "/dashboard", "/quizzes"] };
  },
});

// ---------------------------------------------------------------- GIFT import

/**
 * What the import page shows: the questions found (never saved by the preview), each with what of
 * it is not kept; the problems by line; and what the file holds that is skipped on purpose.
 */
export interface ImportState extends FormState {
  found?: { index: number; title: string; type: QuestionTypeId; prompt: string; category: string | null; notKept: string[] }[];
  errors?: GiftError[];
  /** Descriptions and exported-as-comment questions: skipped, not errors. */
  skipped?: GiftNotice[];
  /** How many questions the preview found, so saving can check it still reads the same text. */
  count?: number;
}

/** Even as 3-byte UTF-8 this fits the 4 MB server action body limit (next.config.js). */
const MAX_GIFT_CHARS = 900_000;

/**
 * Two steps on the same text. "preview" parses and reports; nothing is saved. "save" parses the
 * same text again on the server (the browser never sends questions, only which ones to keep)
 * and saves the chosen ones into the bank, and into a quiz when one is chosen.
 */
export async function importGiftAction(_prev: ImportState, form: FormData): Promise<ImportState> {
  requireForm(form);
  const step = form.get("step") === "save" ? "save" : "preview";
  const text = typeof form.get("text") === "string" ? String(form.get("text")) : "";
  if (!text.trim()) return { ok: false, code: "invalid", message: "Paste GIFT text or choose a file first.", fieldErrors: { text: ["Paste GIFT text or choose a file."] } };
  if (text.length > MAX_GIFT_CHARS) return { ok: false, code: "payload_too_large", message: "That is too much text for one import; split the file and import the parts one by one.", fieldErrors: { text: ["Too long for one import."] } };

  let viewer;
  try {
    viewer = await requireViewer();
  } catch (e) {
    return failed(e, {});
  }
  if (!canAuthorQuizzes(viewer)) return { ok: false, code: "forbidden", message: "Only instructors import questions." };

  const { questions, errors, notices } = parseGift(text);
  // Grouped once: a filter per question would make a large file quadratic.
  const notKept = new Map<number, string[]>();
  for (const n of notices) {
    if (n.kind !== "not-kept" || n.question === undefined) continue;
    const list = notKept.get(n.question) ?? [];
    list.push(n.message);
    notKept.set(n.question, list);
  }
  const skipped = notices.filter((n) => n.kind !== "not-kept");
  const found = questions.map((q, index) => ({ index, title: q.title, type: q.type, prompt: q.prompt.length > 300 ? `${q.prompt.slice(0, 300)}…` : q.prompt, category: q.category ?? null, notKept: notKept.get(index) ?? [] }));
  if (step === "preview") {
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const extras = [
      errors.length ? count(errors.length, "problem", "problems") : "",
      skipped.length ? `${count(skipped.length, "note", "notes")} on what is skipped` : "",
    ].filter(Boolean);
    const parts = [count(questions.length, "question", "questions"), ...extras];
    const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
    const summary =
      questions.length === 0
        ? `No questions were found in this text${extras.length ? ` (${extras.join(", ")})` : ""}.`
        : `Found ${list}. Nothing is saved yet: choose the questions to keep, then save.`;
    return { ok: questions.length > 0, message: summary, found, errors, skipped, count: questions.length };
  }

  const parsed = z
    .object({
      picks: z.array(z.coerce.number().int().min(0)).min(1, "Choose at least one question to save."),
      count: z.coerce.number().int(),
      quizId: idSchema.optional(),
    })
    .safeParse({ picks: form.getAll("pick"), count: form.get("count"), quizId: optional(form.get("quizId")) });
  if (!parsed.success) {
    const message = parsed.error.issues.find((i) => i.path[0] === "picks")?.message ?? "Preview the text again, then save.";
    return { ok: false, message, found, errors, skipped, count: questions.length };
  }
  if (parsed.data.count !== questions.length) {
    return { ok: false, message: "The text changed since the preview. Check the questions found again, then save.", found, errors, skipped, count: questions.length };
  }
  const picks = [...new Set(parsed.data.picks)].filter((i) => i < questions.length).sort((a, b) => a - b);
  const quizId = parsed.data.quizId;
  let saved = 0;
  try {
    // All the chosen questions or none, and none unless the quiz is this instructor's.
    saved = (await createQuestions(viewer, picks.map((i) => questions[i]), { quizId })).length;
  } catch (e) {
    return { ...failed(e, {}), found, errors, skipped, count: questions.length };
  }
  revalidatePath("/questions");
  if (quizId) {
    revalidatePath(`/quizzes/${quizId}`);
    revalidatePath("/quizzes");
    redirect(`/quizzes/${quizId}?imported=${saved}`);
  }
  redirect(`/questions?imported=${saved}`);
}
