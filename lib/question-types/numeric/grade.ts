import type { GradeResult } from "@/lib/question-types/contract";
import { feedbackList, scored, unanswered } from "@/lib/question-types/normalize";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"numeric">;
type Response = ResponseOf<"numeric">;
type NumericAnswer = Config["answers"][number];

export function isGradable(response: Response): boolean {
  return Number.isFinite(response.value);
}

export function accepts(answer: NumericAnswer, value: number): boolean {
  if (answer.kind === "range") return answer.min <= value && value <= answer.max;
  // Subtraction in binary floating point misses by a hair: |0.4 − 0.3| is 0.10000000000000003,
  // which must still count as "within 0.1". The slack is far below anything a student can type.
  const slack = 1e-9 * Math.max(1, Math.abs(answer.value), Math.abs(value));
  return Math.abs(value - answer.value) <= answer.tolerance + slack;
}

export function grade(config: Config, response: Response | null): GradeResult {
  if (response === null || !isGradable(response)) return unanswered();
  let best: NumericAnswer | null = null;
  for (const answer of config.answers) {
    if (accepts(answer, response.value) && (best === null || answer.credit > best.credit)) best = answer;
  }
  return best ? scored(best.credit, feedbackList(best.feedback)) : scored(0);
}

export function correctResponse(config: Config): Response | null {
  for (const answer of config.answers) {
    if (answer.credit < 1) continue;
    // A range's lower bound, not its midpoint: 1961–1963 should read "1961", not "1962" or "1961.5".
    const value = answer.kind === "range" ? answer.min : answer.value;
    // Skips a range authored upside down (min > max), which nothing satisfies.
    if (accepts(answer, value)) return { value };
  }
  return null;
}
