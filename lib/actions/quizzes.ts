"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { addQuestionToQuiz, assignQuiz, createQuestions, createQuiz, moveQuizItem, removeQuizItem, setQuizItemPoints, updateQuizSettings } from "@/lib/data/quizzes";
import { parseGift, type GiftError } from "@/lib/interchange/gift";
import type { QuestionTypeId } from "@/lib/question-types/ids";
import { dueDateSchema, idSchema } from "@/lib/validation/classes";
import { quizSettingsSchema } from "@/lib/validation/quizzes";
import { failed, formValues, invalid, requireForm, type FormState } from "./form-state";

/** Quizzes: create, settings, the ordered list of questions, assigning, GIFT import. */

const optional = (v: FormDataEntryValue | null) => (typeof v === "string" && v !== "" ? v : undefined);
const checked = (form: FormData, key: string) => form.get(key) === "on";

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

/** <input type="datetime-local"> has no zone; the app shows and reads dates in UTC. */
const utcDateTime = (v: FormDataEntryValue | null) => {
  const s = optional(v)?.trim();
  if (!s) return undefined;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s) ? `${s}Z` : s;
};

export async function createQuizAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const values = formValues(form, ["title", "description", "readingSlug"]);
  const parsed = quizSettingsSchema.safeParse({ title: values.title, description: values.description, attemptsAllowed: 1, reviewWhen: "immediately" });
  if (!parsed.success) return settingsInvalid(parsed.error, values);
  const readingSlug = /^[a-z0-9-]{1,100}$/.test(values.readingSlug ?? "") ? values.readingSlug : undefined;
  let id: string;
  try {
    id = (await createQuiz(await requireViewer(), parsed.data, readingSlug)).id;
  } catch (e) {
    return failed(e, values);
  }
  revalidatePath("/quizzes");
  revalidatePath("/dashboard");
  redirect(`/quizzes/${id}?created=1`);
}

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

export async function updateQuizSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const values = formValues(form, settingsKeys);
  const quizId = idSchema.safeParse(form.get("quizId"));
  if (!quizId.success) return { ok: false, message: "That quiz doesn’t exist.", values };
  const timeLimit = optional(form.get("timeLimitMinutes"))?.trim();
  const attempts = optional(form.get("attemptsAllowed"))?.trim();
  const parsed = quizSettingsSchema.safeParse({
    title: values.title,
    description: values.description,
    attemptsAllowed: attempts ?? Number.NaN,
    opensAt: utcDateTime(form.get("opensAt")),
    closesAt: utcDateTime(form.get("closesAt")),
    timeLimitMinutes: timeLimit ? timeLimit : null,
    shuffleQuestions: checked(form, "shuffleQuestions"),
    shuffleOptions: checked(form, "shuffleOptions"),
    reviewWhen: values.reviewWhen,
    reviewScore: checked(form, "reviewScore"),
    reviewCorrectness: checked(form, "reviewCorrectness"),
    reviewAnswers: checked(form, "reviewAnswers"),
    reviewFeedback: checked(form, "reviewFeedback"),
  });
  if (!parsed.success) return settingsInvalid(parsed.error, values);
  try {
    await updateQuizSettings(await requireViewer(), quizId.data, parsed.data);
  } catch (e) {
    return failed(e, values);
  }
  revalidatePath(`/quizzes/${quizId.data}`);
  revalidatePath("/quizzes");
  return { ok: true, message: "Settings saved.", values };
}

const itemForm = (form: FormData) => z.object({ quizId: idSchema, itemId: idSchema }).safeParse({ quizId: form.get("quizId"), itemId: form.get("itemId") });

export async function addQuestionToQuizAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const values = formValues(form, ["quizId", "questionId"]);
  const parsed = z
    .object({ quizId: idSchema, questionId: idSchema })
    .safeParse({ quizId: form.get("quizId"), questionId: optional(form.get("questionId")) });
  if (!parsed.success) {
    return parsed.error.issues.some((i) => i.path[0] === "questionId")
      ? { ok: false, message: "Choose a question from your bank.", fieldErrors: { questionId: ["Choose a question."] }, values }
      : { ok: false, message: "That quiz doesn’t exist.", values };
  }
  try {
    await addQuestionToQuiz(await requireViewer(), parsed.data.quizId, { questionId: parsed.data.questionId });
  } catch (e) {
    return failed(e, values);
  }
  revalidatePath(`/quizzes/${parsed.data.quizId}`);
  revalidatePath("/quizzes");
  return { ok: true, message: "Added at the end of the quiz." };
}

export async function setItemPointsAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const values = formValues(form, ["quizId", "itemId", "points"]);
  const ids = itemForm(form);
  if (!ids.success) return { ok: false, message: "That question is not in this quiz.", values };
  const points = z.coerce
    .number({ message: "Enter a number." })
    .min(0, "At least 0 points.")
    .max(100, "At most 100 points.")
    .safeParse(values.points?.trim() ? values.points.trim().replace(",", ".") : Number.NaN);
  if (!points.success) return { ok: false, message: points.error.issues[0]?.message ?? "Enter a number of points.", fieldErrors: { points: points.error.issues.map((i) => (/expected number/.test(i.message) ? "Enter a number." : i.message)) }, values };
  try {
    await setQuizItemPoints(await requireViewer(), ids.data.quizId, ids.data.itemId, points.data);
  } catch (e) {
    return failed(e, values);
  }
  revalidatePath(`/quizzes/${ids.data.quizId}`);
  return { ok: true, message: "Saved.", values };
}

export async function removeItemAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const ids = itemForm(form);
  if (!ids.success) return { ok: false, message: "That question is not in this quiz." };
  try {
    await removeQuizItem(await requireViewer(), ids.data.quizId, ids.data.itemId);
  } catch (e) {
    return failed(e, {});
  }
  revalidatePath(`/quizzes/${ids.data.quizId}`);
  revalidatePath("/quizzes");
  redirect(`/quizzes/${ids.data.quizId}?removed=1`);
}

export async function moveItemAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const ids = itemForm(form);
  const direction = z.enum(["up", "down"]).safeParse(form.get("direction"));
  if (!ids.success || !direction.success) return { ok: false, message: "That question is not in this quiz." };
  const { quizId, itemId } = ids.data;
  let result: { position: number; moved: boolean };
  try {
    result = await moveQuizItem(await requireViewer(), quizId, itemId, direction.data);
  } catch (e) {
    return failed(e, {});
  }
  if (!result.moved) return { ok: true, message: `It is already ${direction.data === "up" ? "first" : "last"}.` };
  revalidatePath(`/quizzes/${quizId}`);
  return { ok: true, message: `Moved to position ${result.position}.` };
}

export async function assignQuizAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const values = formValues(form, ["quizId", "classId", "dueDate", "opens"]);
  const parsed = z
    .object({
      quizId: idSchema,
      classId: z.string({ message: "Choose a class." }).pipe(idSchema),
      dueDate: dueDateSchema,
      opens: z.enum(["with-reading", "after-reading"], { message: "Choose when students can take the quiz." }).default("with-reading"),
    })
    .safeParse({ quizId: form.get("quizId"), classId: optional(form.get("classId")), dueDate: values.dueDate, opens: optional(form.get("opens")) });
  if (!parsed.success) return invalid(parsed.error, values);
  const { quizId, classId, dueDate, opens } = parsed.data;
  let readingAssigned: boolean;
  try {
    // A due date is a whole day: the quiz is due at its end (UTC), like reading assignments.
    const dueAt = dueDate ? new Date(`${dueDate}T23:59:59.000Z`) : null;
    ({ readingAssigned } = await assignQuiz(await requireViewer(), { quizId, classId, dueAt, opensAfterReading: opens === "after-reading" }));
  } catch (e) {
    return failed(e, values);
  }
  revalidatePath(`/quizzes/${quizId}`);
  revalidatePath(`/classes/${classId}`);
  revalidatePath("/dashboard");
  revalidatePath("/quizzes");
  const message = [
    "The quiz is assigned. Students see it on their dashboard",
    opens === "after-reading" ? ", and can start it once they have read every part of the reading." : ".",
    readingAssigned ? " The class didn’t have the reading yet, so it is assigned too, due the same day." : "",
  ].join("");
  return { ok: true, message, values };
}

// ---------------------------------------------------------------- GIFT import

/** What the import page shows: the questions found (never saved by the preview) and the problems by line. */
export interface ImportState extends FormState {
  found?: { index: number; title: string; type: QuestionTypeId; prompt: string; category: string | null }[];
  errors?: GiftError[];
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
  if (!text.trim()) return { ok: false, message: "Paste GIFT text or choose a file first.", fieldErrors: { text: ["Paste GIFT text or choose a file."] } };
  if (text.length > MAX_GIFT_CHARS) return { ok: false, message: "That is too much text for one import; split the file and import the parts one by one.", fieldErrors: { text: ["Too long for one import."] } };

  let viewer;
  try {
    viewer = await requireViewer();
  } catch (e) {
    return failed(e, {});
  }
  if (viewer.role !== "instructor") return { ok: false, code: "forbidden", message: "Only instructors import questions." };

  const { questions, errors } = parseGift(text);
  const found = questions.map((q, index) => ({ index, title: q.title, type: q.type, prompt: q.prompt.length > 300 ? `${q.prompt.slice(0, 300)}…` : q.prompt, category: q.category ?? null }));
  if (step === "preview") {
    const summary =
      questions.length === 0
        ? "No questions were found in this text."
        : `Found ${questions.length} ${questions.length === 1 ? "question" : "questions"}${errors.length ? ` and ${errors.length} ${errors.length === 1 ? "problem" : "problems"}` : ""}. Nothing is saved yet: choose the questions to keep, then save.`;
    return { ok: questions.length > 0, message: summary, found, errors, count: questions.length };
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
    return { ok: false, message, found, errors, count: questions.length };
  }
  if (parsed.data.count !== questions.length) {
    return { ok: false, message: "The text changed since the preview. Check the questions found again, then save.", found, errors, count: questions.length };
  }
  const picks = [...new Set(parsed.data.picks)].filter((i) => i < questions.length).sort((a, b) => a - b);
  const quizId = parsed.data.quizId;
  let saved = 0;
  try {
    // All the chosen questions or none, and none unless the quiz is this instructor's.
    saved = (await createQuestions(viewer, picks.map((i) => questions[i]), { quizId })).length;
  } catch (e) {
    return { ...failed(e, {}), found, errors, count: questions.length };
  }
  revalidatePath("/questions");
  if (quizId) {
    revalidatePath(`/quizzes/${quizId}`);
    revalidatePath("/quizzes");
    redirect(`/quizzes/${quizId}?imported=${saved}`);
  }
  redirect(`/questions?imported=${saved}`);
}
