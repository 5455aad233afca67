import type { GradeResult } from "@/lib/question-types/contract";
import { feedbackList, scored, unanswered } from "@/lib/question-types/normalize";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"multiple-choice">;
type Response = ResponseOf<"multiple-choice">;

export function isGradable(response: Response): boolean {
  return response.optionId.length > 0;
}

/** Evidence questions grade their choice part with this too, so both agree on what a pick earns. */
export function grade(config: Pick<Config, "options">, response: Response | null): GradeResult {
  if (response === null || !isGradable(response)) return unanswered();
  // An id that is not among the options (a stale tab after an edit, a forged request) earns nothing.
  const chosen = config.options.find((o) => o.id === response.optionId);
  if (!chosen) return scored(0);
  // A partly right option earns its share; a penalty (below 0) ends at 0, as every score does.
  return scored(chosen.credit, feedbackList(chosen.feedback));
}

export function correctResponse(config: Pick<Config, "options">): Response | null {
  const right = config.options.find((o) => o.credit === 1);
  return right ? { optionId: right.id } : null;
}
