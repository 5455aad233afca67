"use server";

import { z } from "zod";
import { createQuestion, deleteQuestion, duplicateQuestion, duplicateQuizItem, updateQuestion } from "@/lib/data/quizzes";
import { idSchema } from "@/lib/validation/classes";
import { SLUG_PATTERN } from "@/lib/validation/content";
import { formAction } from "./action";
import { optional } from "./form-state";

/**
 * The question bank's actions. The question itself arrives as JSON (the editor's hidden input)
 * and is validated by lib/data against its type's schema, which reports errors by dotted path
 * ("config.options.1.text") for the editor to place beside the fields.
 */


const questionJson = z
  .string({ message: "The question is missing." })
  .max(500_000, "The question is too long to save.")
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "The question could not be read; reload the page and try again." });
      return z.NEVER;
    }
  });

/** Only back to a quiz builder or the bank: never anywhere a crafted link says. */
const returnToSchema = z
  .string()
  .regex(/^\/(quizzes\/[A-Za-z0-9_-]{1,64}|questions)$/)
  .optional()
  .catch(undefined);

const readingSlugSchema = z.string().max(100).regex(SLUG_PATTERN).optional().catch(undefined);

export const createQuestionAction = formAction({
  schema: z.object({ question: questionJson, quizId: idSchema.optional(), readingSlug: readingSlugSchema }),
  read: (form) => ({ question: form.get("question"), quizId: optional(form.get("quizId")), readingSlug: optional(form.get("readingSlug")) }),
  run: async (viewer, { question, quizId, readingSlug }) => {
    // Into the bank and onto the quiz together, or not at all.
    await createQuestion(viewer, question, { quizId, readingSlug });
    return quizId
      ? { revalidate: ["/questions", `/quizzes/${quizId}`, "/quizzes"], redirect: `/quizzes/${quizId}?added=1` }
      : { revalidate: ["/questions"], redirect: "/questions?created=1" };
  },
});

export const updateQuestionAction = formAction({
  schema: z.object({ questionId: idSchema, question: questionJson, returnTo: returnToSchema }),
  read: (form) => ({ questionId: form.get("questionId"), question: form.get("question"), returnTo: optional(form.get("returnTo")) }),
  run: async (viewer, { questionId, question, returnTo }) => {
    await updateQuestion(viewer, questionId, question);
    // Every quiz that uses the question shows its new title and type.
    return { revalidate: ["/questions", ["/(app)/quizzes/[quizId]", "page"]], redirect: `${returnTo ?? "/questions"}?saved=1` };
  },
});

/**
 * A copy in the bank. From a quiz builder (quizId and itemId), the copy also joins the quiz,
 * right after the original and worth the same points.
 */
export const duplicateQuestionAction = formAction({
  schema: z.object({ questionId: idSchema, quizId: idSchema.optional(), itemId: idSchema.optional() }),
  read: (form) => ({ questionId: form.get("questionId"), quizId: optional(form.get("quizId")), itemId: optional(form.get("itemId")) }),
  refusal: "That question doesn’t exist.",
  run: async (viewer, { questionId, quizId, itemId }) => {
    const revalidate = quizId ? ["/questions", `/quizzes/${quizId}`] : ["/questions"];
    if (quizId && itemId) {
      const copy = await duplicateQuizItem(viewer, quizId, itemId);
      return { message: `A copy, “${copy.title}”, is now question ${copy.position}.`, revalidate };
    }
    return { message: `Copied as “${(await duplicateQuestion(viewer, questionId)).title}”.`, revalidate };
  },
});

/** Deleting a question also takes it out of every quiz; attempts keep their own copy. */
export const deleteQuestionAction = formAction({
  schema: z.object({ questionId: idSchema }),
  read: (form) => ({ questionId: form.get("questionId") }),
  refusal: "That question doesn’t exist.",
  run: async (viewer, { questionId }) => {
    await deleteQuestion(viewer, questionId);
    return { revalidate: ["/questions", ["/(app)/quizzes/[quizId]", "page"]], redirect: "/questions?deleted=1" };
  },
});
