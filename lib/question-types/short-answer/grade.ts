import type { GradeResult } from "@/lib/question-types/contract";
import { feedbackList, isBlank, normalizeAnswerText, scored, unanswered, type TextMatchFlags } from "@/lib/question-types/normalize";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"short-answer">;
type Response = ResponseOf<"short-answer">;
export type AcceptedAnswer = Config["answers"][number];

export function isComplete(response: Response): boolean {
  return !isBlank(response.text);
}

/**
 * The accepted answer the text earns most from (the first authored wins a tie), or null.
 * A text that normalises to nothing ("?!" when punctuation is ignored) matches nothing, even an
 * accepted answer that also normalises to nothing.
 */
export function bestTextMatch(answers: readonly AcceptedAnswer[], flags: TextMatchFlags, text: string): AcceptedAnswer | null {
  const typed = normalizeAnswerText(text, flags);
  if (typed === "") return null;
  let best: AcceptedAnswer | null = null;
  for (const answer of answers) {
    if (normalizeAnswerText(answer.text, flags) !== typed) continue;
    if (best === null || answer.credit > best.credit) best = answer;
  }
  return best;
}

/** Shared with evidence questions' text part. */
export function gradeText(config: Pick<Config, "answers"> & TextMatchFlags, text: string | undefined): GradeResult {
  if (text === undefined || isBlank(text)) return unanswered();
  const match = bestTextMatch(config.answers, config, text);
  // A matching 0-credit answer is how authors attach feedback to a common mistake.
  return match ? scored(match.credit, feedbackList(match.feedback)) : scored(0);
}

export function grade(config: Config, response: Response | null): GradeResult {
  return gradeText(config, response?.text);
}

export function correctTextResponse(config: Pick<Config, "answers"> & TextMatchFlags): { text: string } | null {
  // Only a full-credit answer that can actually be matched counts (see bestTextMatch).
  const full = config.answers.find((a) => a.credit >= 1 && normalizeAnswerText(a.text, config) !== "");
  return full ? { text: full.text } : null;
}

export function correctResponse(config: Config): Response | null {
  return correctTextResponse(config);
}
