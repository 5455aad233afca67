import type { GradeResult } from "@/lib/question-types/contract";
import { feedbackList, isBlank, normalizeAnswerText, scored, unanswered, type TextMatchFlags } from "@/lib/question-types/normalize";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";
import { answerPattern, hasWildcard, matchesPattern, typedFormsOf } from "./wildcard";

type Config = ConfigOf<"short-answer">;
type Response = ResponseOf<"short-answer">;
export type AcceptedAnswer = Config["answers"][number];

export function isGradable(response: Response): boolean {
  return !isBlank(response.text);
}

/**
 * The accepted answer the text earns most from (the first authored wins a tie), or null.
 * Accepted answers may use Moodle's `*` wildcard (./wildcard.ts). A text that normalises to
 * nothing ("?!" when punctuation is ignored) matches nothing, even an accepted answer that also
 * normalises to nothing, or a catch-all `*`.
 */
export function bestTextMatch(answers: readonly AcceptedAnswer[], flags: TextMatchFlags, text: string): AcceptedAnswer | null {
  const typed = normalizeAnswerText(text, flags);
  if (typed === "") return null;
  let best: AcceptedAnswer | null = null;
  for (const answer of answers) {
    if (!matchesPattern(answerPattern(answer.text, flags), typed)) continue;
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

/**
 * A text that earns full credit, to show as the right answer: a full-credit answer without
 * wildcards if there is one ("Gorbachev" rather than "Gorb*"), else one a wildcard answer accepts
 * ("Gorb"). Only a text that really grades 1 counts, so an answer that normalises to nothing (see
 * bestTextMatch) is passed over.
 */
export function correctTextResponse(config: Pick<Config, "answers"> & TextMatchFlags): { text: string } | null {
  const full = config.answers.filter((a) => a.credit >= 1);
  const plainFirst = [...full.filter((a) => !hasWildcard(a.text)), ...full.filter((a) => hasWildcard(a.text))];
  for (const answer of plainFirst) {
    for (const text of typedFormsOf(answer.text)) {
      if (!isBlank(text) && (bestTextMatch(config.answers, config, text)?.credit ?? 0) >= 1) return { text };
    }
  }
  return null;
}

export function correctResponse(config: Config): Response | null {
  return correctTextResponse(config);
}
