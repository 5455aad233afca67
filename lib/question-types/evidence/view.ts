import { choiceOptionsView, type ChoiceOptionView } from "@/lib/question-types/multiple-choice/view";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";
import { SHORT_ANSWER_MAX_LENGTH } from "@/lib/question-types/short-answer/view";

/**
 * What the student answers, and nothing about which paragraphs are the evidence, not even how
 * many (that would narrow the search).
 */
export type EvidenceView = { answerKind: "choice"; options: ChoiceOptionView[] } | { answerKind: "text"; maxLength: number };

export function toPlayerView(config: ConfigOf<"evidence">, opts: { seed: string; shuffle: boolean }): EvidenceView {
  if (config.answer.kind === "choice") return { answerKind: "choice", options: choiceOptionsView(config.answer.options, opts) };
  return { answerKind: "text", maxLength: SHORT_ANSWER_MAX_LENGTH };
}

/** Only a choice answer names ids; paragraph anchors are public and stay as they are. */
export const responseIds = (config: ConfigOf<"evidence">): string[] => (config.answer.kind === "choice" ? config.answer.options.map((o) => o.id) : []);

export function mapResponseIds(response: ResponseOf<"evidence">, map: (id: string) => string): ResponseOf<"evidence"> {
  return response.optionId === undefined ? response : { ...response, optionId: map(response.optionId) };
}
