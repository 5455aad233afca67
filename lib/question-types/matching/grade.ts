import type { GradeResult } from "@/lib/question-types/contract";
import { isBlank, scored, unanswered } from "@/lib/question-types/normalize";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"matching">;
type Response = ResponseOf<"matching">;

/** Own keys only: a response is parsed JSON, and "constructor" must not read as an answer. */
function chosenFor(response: Response, pairId: string): string | undefined {
  return Object.hasOwn(response.matches, pairId) ? response.matches[pairId] : undefined;
}

export function isGradable(response: Response): boolean {
  const chosen = Object.values(response.matches);
  return chosen.length > 0 && chosen.every((answer) => !isBlank(answer));
}


/** Exact comparison after trimming: the student picks from the offered texts, so no fuzziness is needed. */
export function grade(config: Config, response: Response | null): GradeResult {
  if (response === null) return unanswered();
  const answered = config.pairs.filter((pair) => !isBlank(chosenFor(response, pair.id)));
  // Entries for unknown pair ids are ignored, so a response with only those is unanswered.
  if (answered.length === 0) return unanswered();
  const right = answered.filter((pair) => chosenFor(response, pair.id)?.trim() === pair.answer.trim()).length;
  return scored(right / config.pairs.length);
}

export function correctResponse(config: Config): Response {
  return { matches: Object.fromEntries(config.pairs.map((pair) => [pair.id, pair.answer])) };
}
