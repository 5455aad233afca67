"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getAttemptReview, gradeResponse, nextUngradedAnswer, regradeAssignment } from "@/lib/data/attempts";
import { idSchema } from "@/lib/validation/classes";
import { essayGradeSchema, questionKeySchema } from "@/lib/validation/quizzes";
import { failed, formValues, invalid, requireForm, type FormState } from "./form-state";
import { formatPoints as points, pluralPoints } from "@/lib/format";

/**
 * The instructor's grading: one answer by hand (an essay against its rubric, or any answer's
 * points as an override), and the explicit regrade of a quiz assignment. Both return FormState
 * and never throw to the client; lib/data checks that the viewer teaches the class.
 */


/** The form's name for a rubric criterion's score. */
const rubricField = (criterionId: string) => `rubric.${criterionId}`;


/** A number typed into a points box: "", "abc" and "1,5" (decimal comma) handled; null when not a number. */
function readNumber(raw: FormDataEntryValue | null): number | null {
  if (typeof raw !== "string") return null;
  const s = raw.trim().replace(",", ".");
  if (s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function revalidateGradingPages(attemptId: string) {
  revalidatePath(`/attempts/${attemptId}/grade`);
  revalidatePath(`/attempts/${attemptId}/review`);
  revalidatePath("/(app)/classes/[classId]/gradebook", "page");
  revalidatePath("/(app)/quiz-assignments/[quizAssignmentId]/analysis", "page");
  revalidatePath("/(app)/quiz-assignments/[quizAssignmentId]/grade", "layout");
}

/** Where "Save and next ungraded" goes: the next answer waiting, or the quiz's grading overview when none is left. */
function gradingUrl(quizAssignmentId: string, next: { questionId: string; attemptId: string; questionKey: string } | null): string {
  const base = `/quiz-assignments/${quizAssignmentId}/grade`;
  if (!next) return `${base}?done=1`;
  const answer = `${next.attemptId}-${next.questionKey}`;
  return `${base}/${next.questionId}?answer=${answer}#answer-${answer}`;
}

export async function gradeResponseAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const attemptId = idSchema.safeParse(form.get("attemptId"));
  const questionKey = questionKeySchema.safeParse(form.get("questionKey"));
  if (!attemptId.success || !questionKey.success) return { ok: false, message: "That answer can’t be found. Reload the page and try again." };
  const mode = form.get("mode") === "rubric" ? "rubric" : "points";
  // "Save and next ungraded" (grading by question): where to go once saved.
  const thenNext = form.get("then") === "next";
  const quizAssignmentId = idSchema.safeParse(form.get("quizAssignmentId"));
  const questionId = idSchema.safeParse(form.get("questionId"));
  if (thenNext && (!quizAssignmentId.success || !questionId.success)) return { ok: false, message: "That answer can’t be found. Reload the page and try again." };
  let goTo: string | null = null;
  // What the grader typed, shown again whatever happens (React resets the form after an action).
  const values = formValues(form, [...new Set([...form.keys()].filter((k) => k === "comment" || k === "points" || k.startsWith("rubric.")))]);

  try {
    const viewer = await requireViewer();
    // The rubric and the points come from the attempt's snapshot, never from the form.
    const review = await getAttemptReview(viewer, attemptId.data);
    const question = review.questions.find((q) => q.key === questionKey.data);
    if (!question) return { ok: false, message: "That question is not part of this attempt. Reload the page and try again." };

    const rubric = mode === "rubric" ? (question.rubric ?? []) : [];
    const fieldErrors: Record<string, string[]> = {};
    let grade: { rubricScores?: Record<string, number>; fraction?: number };

    if (rubric.length) {
      const rubricScores: Record<string, number> = {};
      for (const c of rubric) {
        const n = readNumber(form.get(rubricField(c.id)));
        if (n === null || n < 0 || n > c.maxPoints) fieldErrors[rubricField(c.id)] = [`Enter a number from 0 to ${c.maxPoints}.`];
        else rubricScores[c.id] = n;
      }
      grade = { rubricScores };
    } else {
      if (question.points <= 0) return { ok: false, message: "This question is worth no points, so there is nothing to grade.", values };
      const n = readNumber(form.get("points"));
      if (n === null || n < 0 || n > question.points) fieldErrors.points = [`Enter a number from 0 to ${points(question.points)}.`];
      grade = { fraction: n === null ? 0 : n / question.points };
    }
    if (Object.keys(fieldErrors).length) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors, values };

    const parsed = essayGradeSchema.safeParse({ ...grade, comment: form.get("comment") ?? "" });
    if (!parsed.success) {
      const state = invalid(parsed.error, values);
      // A rubric score's issue path is ["rubricScores", id]: show it beside that criterion.
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === "rubricScores" && typeof issue.path[1] === "string") (state.fieldErrors![rubricField(issue.path[1])] ??= []).push(issue.message);
        if (issue.path[0] === "fraction") (state.fieldErrors!.points ??= []).push(`Enter a number from 0 to ${points(question.points)}.`);
      }
      return state;
    }

    await gradeResponse(viewer, attemptId.data, questionKey.data, parsed.data);
    revalidateGradingPages(attemptId.data);
    if (thenNext && quizAssignmentId.success && questionId.success) {
      const next = await nextUngradedAnswer(viewer, quizAssignmentId.data, { questionId: questionId.data, attemptId: attemptId.data, questionKey: questionKey.data });
      goTo = gradingUrl(quizAssignmentId.data, next);
    } else {
      const after = await getAttemptReview(viewer, attemptId.data);
      const saved = after.questions.find((q) => q.key === questionKey.data);
      const earned = saved?.earned ?? null;
      const total = after.score !== null ? ` The attempt’s total is now ${points(after.score)} of ${pluralPoints(after.maxScore)}.` : "";
      const still = after.needsGrading ? " Other answers in this attempt still need grading." : "";
      return {
        ok: true,
        message: `Grade saved${earned !== null ? `: ${points(earned)} of ${pluralPoints(question.points)}` : ""}.${total}${still}`,
        values,
      };
    }
  } catch (e) {
    return failed(e, values);
  }
  // Outside the try: redirect() works by throwing, and failed() would swallow it.
  if (goTo) redirect(goTo);
  return { ok: true, message: "Grade saved.", values };
}

export async function regradeAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const id = idSchema.safeParse(form.get("quizAssignmentId"));
  if (!id.success) return { ok: false, message: "That quiz can’t be found. Reload the page and try again." };
  try {
    const { attempts } = await regradeAssignment(await requireViewer(), id.data);
    revalidatePath("/(app)/classes/[classId]/gradebook", "page");
    revalidatePath(`/quiz-assignments/${id.data}/analysis`);
    revalidatePath("/(app)/attempts/[attemptId]/grade", "page");
    return {
      ok: true,
      message:
        attempts === 0
          ? "There are no submitted attempts to regrade yet."
          : `Regraded ${attempts === 1 ? "1 submitted attempt" : `${attempts} submitted attempts`} against the current questions. Grades given by hand were kept.`,
    };
  } catch (e) {
    return failed(e, {});
  }
}
