import type { GradeResult } from "@/lib/question-types/contract";
import { feedbackList, scored, unanswered } from "@/lib/question-types/normalize";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"multiple-response">;
type Response = ResponseOf<"multiple-response">;

export function isGradable(response: Response): boolean {
  return response.optionIds.length > 0;
}

export function grade(config: Config, response: Response | null): GradeResult {
  if (response === null || !isGradable(response)) return unanswered();
  const picked = new Set(response.optionIds);
  // Authored order, not click order, and unknown ids drop out here.
  const chosen = config.options.filter((o) => picked.has(o.id));
  const sum = chosen.reduce((s, o) => s + o.weight, 0);
  // The schema lets the right options add up to 99–101% (authors type 33.3% three times), so the
  // sum is scaled by their actual total: picking exactly the right options is always full marks.
  const positiveTotal = config.options.reduce((s, o) => s + Math.max(0, o.weight), 0);
  const raw = positiveTotal > 0 ? sum / positiveTotal : 0;
  return scored(raw, feedbackList(...chosen.map((o) => o.feedback)));
}

export function correctResponse(config: Config): Response | null {
  const right = config.options.filter((o) => o.weight > 0).map((o) => o.id);
  return right.length > 0 ? { optionIds: right } : null;
}
