"use server";

import { z } from "zod";
import { getAttemptReview, gradeResponse, nextUngradedAnswer, regradeAssignment } from "@/lib/data/attempts";
import { idSchema } from "@/lib/validation/classes";
import { essayGradeSchema, questionKeySchema } from "@/lib/validation/quizzes";
import { AppError } from "@/lib/errors";
import { formAction, type ActionDone } from "./action";
import { formatPoints as points, pluralPoints } from "@/lib/format";

/**
 * The instructor's grading: one answer by hand (an essay against its rubric, or any answer's
 * points as an override), and the explicit regrade of a quiz assignment. Both are formAction's
 * (lib/actions/action.ts); lib/data checks that the viewer teaches the class.
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

function gradingPages(attemptId: string): ActionDone["revalidate"] {
  return [
    `/attempts/${attemptId}/grade`,
    `/attempts/${attemptId}/review`,
    ["/(app)/classes/[classId]/gradebook", "page"],
    ["/(app)/quiz-assignments/[quizAssignmentId]/analysis", "page"],
    ["/(app)/quiz-assignments/[quizAssignmentId]/grade", "layout"],
  ];
}

/** Where "Save and next ungraded" goes: the next answer waiting, or the quiz's grading overview when none is left. */
function gradingUrl(quizAssignmentId: string, next: { questionId: string; attemptId: string; questionKey: string } | null): string {
  const base = `/quiz-assignments/${quizAssignmentId}/grade`;
  if (!next) return `${base}?done=1`;
  const answer = `${next.attemptId}-${next.questionKey}`;
  return `${base}/${next.questionId}?answer=${answer}#answer-${answer}`;
}

const answerSchema = z.object({
  attemptId: idSchema,
  questionKey: questionKeySchema,
  mode: z.enum(["rubric", "points"]),
  // "Save and next ungraded" (grading by question) needs to know where it is.
  next: z.union([z.object({ quizAssignmentId: idSchema, questionId: idSchema }), z.null()]),
});

export const gradeResponseAction = formAction({
  // What the grader typed, shown again whatever happens (React resets the form after an action).
  fields: (form) => [...new Set([...form.keys()].filter((k) => k === "comment" || k === "points" || k.startsWith("rubric.")))],
  schema: answerSchema,
  read: (form) => ({
    attemptId: form.get("attemptId"),
    questionKey: form.get("questionKey"),
    mode: form.get("mode") === "rubric" ? "rubric" : "points",
    next: form.get("then") === "next" ? { quizAssignmentId: form.get("quizAssignmentId"), questionId: form.get("questionId") } : null,
  }),
  refusal: "That answer can’t be found. Reload the page and try again.",
  run: async (viewer, { attemptId, questionKey, mode, next }, form) => {
    // The rubric and the points come from the attempt's snapshot, never from the form.
    const review = await getAttemptReview(viewer, attemptId);
    const question = review.questions.find((q) => q.key === questionKey);
    if (!question) throw new AppError("invalid", "That question is not part of this attempt. Reload the page and try again.");

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
      if (question.points <= 0) throw new AppError("invalid", "This question is worth no points, so there is nothing to grade.");
      const n = readNumber(form.get("points"));
      if (n === null || n < 0 || n > question.points) fieldErrors.points = [`Enter a number from 0 to ${points(question.points)}.`];
      grade = { fraction: n === null ? 0 : n / question.points };
    }
    if (Object.keys(fieldErrors).length) throw new AppError("invalid", "Please correct the highlighted fields.", fieldErrors);

    const parsed = essayGradeSchema.safeParse({ ...grade, comment: form.get("comment") ?? "" });
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        // A rubric score's issue path is ["rubricScores", id]: show it beside that criterion.
        const key =
          issue.path[0] === "rubricScores" && typeof issue.path[1] === "string" ? rubricField(issue.path[1]) : issue.path[0] === "fraction" ? "points" : String(issue.path[0] ?? "form");
        (errors[key] ??= []).push(issue.path[0] === "fraction" ? `Enter a number from 0 to ${points(question.points)}.` : issue.message);
      }
      throw new AppError("invalid", "Please correct the highlighted fields.", errors);
    }

    await gradeResponse(viewer, attemptId, questionKey, parsed.data);
    const revalidate = gradingPages(attemptId);
    if (next) {
      const following = await nextUngradedAnswer(viewer, next.quizAssignmentId, { questionId: next.questionId, attemptId, questionKey });
      return { revalidate, redirect: gradingUrl(next.quizAssignmentId, following) };
    }
    const after = await getAttemptReview(viewer, attemptId);
    const earned = after.questions.find((q) => q.key === questionKey)?.earned ?? null;
    const total = after.score !== null ? ` The attempt’s total is now ${points(after.score)} of ${pluralPoints(after.maxScore)}.` : "";
    const still = after.needsGrading ? " Other answers in this attempt still need grading." : "";
    return { message: `Grade saved${earned !== null ? `: ${points(earned)} of ${pluralPoints(question.points)}` : ""}.${total}${still}`, revalidate };
  },
});

export const regradeAction = formAction({
  schema: idSchema,
  read: (form) => form.get("quizAssignmentId"),
  refusal: "That quiz can’t be found. Reload the page and try again.",
  run: async (viewer, quizAssignmentId) => {
    const { attempts } = await regradeAssignment(viewer, quizAssignmentId);
    return {
      message:
        attempts === 0
          ? "There are no submitted attempts to regrade yet."
          : `Regraded ${attempts === 1 ? "1 submitted attempt" : `${attempts} submitted attempts`} against the current questions. Grades given by hand were kept.`,
      revalidate: [["/(app)/classes/[classId]/gradebook", "page"], `/quiz-assignments/${quizAssignmentId}/analysis`, ["/(app)/attempts/[attemptId]/grade", "page"]],
    };
  },
});
