import type { GradeResult } from "@/lib/question-types/contract";
import { feedbackList, scored, unanswered } from "@/lib/question-types/normalize";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"true-false">;
type Response = ResponseOf<"true-false">;

/** Both values are answers; only a missing response is not. */
export function isGradable(response: Response): boolean {
  return typeof response.value === "boolean";
}

export function grade(config: Config, response: Response | null): GradeResult {
  if (response === null || !isGradable(response)) return unanswered();
  // Feedback follows what the student said, not whether it was right (Moodle's convention).
  const feedback = response.value ? config.feedbackTrue : config.feedbackFalse;
  return scored(response.value === config.answer ? 1 : 0, feedbackList(feedback));
}

export function correctResponse(config: Config): Response {
  return { value: config.answer };
}
