/**
 * What a student may see of a submitted attempt, and when: the quiz's review policy applied to
 * the clock. Pure; kept out of the question types (design.md: "when feedback is shown" is the
 * quiz's business, not the question's).
 */
export const reviewWhens = ["immediately", "after-close", "never"] as const;
export type ReviewWhen = (typeof reviewWhens)[number];

export interface ReviewPolicy {
  when: ReviewWhen;
  showScore: boolean;
  showCorrectness: boolean;
  showAnswers: boolean;
  showFeedback: boolean;
}

export interface ReviewVisibility {
  open: boolean;
  score: boolean;
  correctness: boolean;
  answers: boolean;
  feedback: boolean;
  /** Why nothing (more) is shown yet, for the student. */
  reason: string | null;
}

const closed = (reason: string): ReviewVisibility => ({ open: false, score: false, correctness: false, answers: false, feedback: false, reason });

export function reviewVisibility(policy: ReviewPolicy, attempt: { status: string }, quiz: { closesAt: Date | null }, now: Date): ReviewVisibility {
  if (attempt.status !== "submitted") return closed("The review opens after you submit.");
  if (policy.when === "never") return closed("Your instructor does not show reviews for this quiz.");
  if (policy.when === "after-close") {
    if (!quiz.closesAt) return closed("The review opens when your instructor closes the quiz.");
    if (now.getTime() < quiz.closesAt.getTime()) return closed(`The review opens when the quiz closes.`);
  }
  return {
    open: true,
    score: policy.showScore,
    correctness: policy.showCorrectness,
    answers: policy.showAnswers,
    feedback: policy.showFeedback,
    reason: null,
  };
}
