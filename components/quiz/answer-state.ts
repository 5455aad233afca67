/**
 * How a graded answer's state and points read, the same on the student's review and the
 * instructor's grading page. Plain data, no client code.
 */

export interface AnswerStateLabel {
  text: string;
  icon: string;
  className: string;
}

const states: Record<string, AnswerStateLabel> = {
  correct: { text: "Correct", icon: "✓", className: "border-green-800 bg-green-50 text-green-900" },
  partial: { text: "Partly correct", icon: "◐", className: "border-amber-800 bg-amber-50 text-amber-950" },
  incorrect: { text: "Incorrect", icon: "✗", className: "border-red-800 bg-red-50 text-red-900" },
  "needs-grading": { text: "Waiting for grading", icon: "…", className: "border-stone-600 bg-stone-100 text-ink" },
  unanswered: { text: "Not answered", icon: "–", className: "border-stone-600 bg-stone-100 text-ink" },
};

/** For the grader, an essay waiting for them is a task, not a wait. */
const forGrader: Record<string, AnswerStateLabel> = {
  ...states,
  "needs-grading": { text: "Needs grading", icon: "✎", className: "border-amber-800 bg-amber-100 text-amber-950" },
};

export function answerState(state: string | null | undefined, who: "student" | "grader"): AnswerStateLabel | undefined {
  return state ? (who === "grader" ? forGrader : states)[state] : undefined;
}

/** 1.5, not 1.5000001; whole numbers without decimals. "1 point", "2.5 points". */
export { formatPoints, pluralPoints as pointsLabel } from "@/lib/format";
