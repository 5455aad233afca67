"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { createQuestion, deleteQuestion, duplicateQuestion, duplicateQuizItem, updateQuestion } from "@/lib/data/quizzes";
import { idSchema } from "@/lib/validation/classes";
import { failed, invalid, requireForm, type FormState, optional } from "./form-state";

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

const readingSlugSchema = z.string().regex(/^[a-z0-9-]{1,100}$/).optional().catch(undefined);

export async function createQuestionAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const parsed = z
    .object({ question: questionJson, quizId: idSchema.optional(), readingSlug: readingSlugSchema })
    .safeParse({ question: form.get("question"), quizId: optional(form.get("quizId")), readingSlug: optional(form.get("readingSlug")) });
  if (!parsed.success) return invalid(parsed.error, {});
  const { question, quizId, readingSlug } = parsed.data;
  try {
    // Into the bank and onto the quiz together, or not at all.
    await createQuestion(await requireViewer(), question, { quizId, readingSlug });
  } catch (e) {
    return failed(e, {});
  }
  revalidatePath("/questions");
  if (quizId) {
    revalidatePath(`/quizzes/${quizId}`);
    revalidatePath("/quizzes");
    redirect(`/quizzes/${quizId}?added=1`);
  }
  redirect("/questions?created=1");
}

export async function updateQuestionAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const parsed = z
    .object({ questionId: idSchema, question: questionJson, returnTo: returnToSchema })
    .safeParse({ questionId: form.get("questionId"), question: form.get("question"), returnTo: optional(form.get("returnTo")) });
  if (!parsed.success) return invalid(parsed.error, {});
  const { questionId, question, returnTo } = parsed.data;
  try {
    await updateQuestion(await requireViewer(), questionId, question);
  } catch (e) {
    return failed(e, {});
  }
  revalidatePath("/questions");
  // Every quiz that uses the question shows its new title and type.
  revalidatePath("/(app)/quizzes/[quizId]", "page");
  redirect(`${returnTo ?? "/questions"}?saved=1`);
}

/**
 * A copy in the bank. From a quiz builder (quizId and itemId), the copy also joins the quiz,
 * right after the original and worth the same points.
 */
export async function duplicateQuestionAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const parsed = z
    .object({ questionId: idSchema, quizId: idSchema.optional(), itemId: idSchema.optional() })
    .safeParse({ questionId: form.get("questionId"), quizId: optional(form.get("quizId")), itemId: optional(form.get("itemId")) });
  if (!parsed.success) return { ok: false, message: "That question doesn’t exist." };
  const { questionId, quizId, itemId } = parsed.data;
  let message: string;
  try {
    const viewer = await requireViewer();
    if (quizId && itemId) {
      const copy = await duplicateQuizItem(viewer, quizId, itemId);
      message = `A copy, “${copy.title}”, is now question ${copy.position}.`;
    } else {
      message = `Copied as “${(await duplicateQuestion(viewer, questionId)).title}”.`;
    }
  } catch (e) {
    return failed(e, {});
  }
  revalidatePath("/questions");
  if (quizId) revalidatePath(`/quizzes/${quizId}`);
  return { ok: true, message };
}

/** Deleting a question also takes it out of every quiz; attempts keep their own copy. */
export async function deleteQuestionAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const parsed = idSchema.safeParse(form.get("questionId"));
  if (!parsed.success) return { ok: false, message: "That question doesn’t exist." };
  try {
    await deleteQuestion(await requireViewer(), parsed.data);
  } catch (e) {
    return failed(e, {});
  }
  revalidatePath("/questions");
  revalidatePath("/(app)/quizzes/[quizId]", "page");
  redirect("/questions?deleted=1");
}
