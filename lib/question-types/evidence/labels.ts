import { paragraphMark, typedLabel } from "@/lib/question-types/labels";
import { choiceAnswerLabels, choiceKeySummary } from "@/lib/question-types/multiple-choice/labels";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";
import { acceptedAnswersSummary, answerGroup as textAnswerGroup } from "@/lib/question-types/short-answer/labels";

type Config = ConfigOf<"evidence">;

/** The answer part (the paragraphs cited are counted separately, on the reading). */
export function answerLabels(config: Config, response: ResponseOf<"evidence">): string[] {
  if (config.answer.kind === "choice") return response.optionId === undefined ? [] : choiceAnswerLabels(config.answer, { optionId: response.optionId });
  const typed = typedLabel(response.text);
  return typed ? [typed] : [];
}

export function answerGroup(config: Config, label: string): string {
  return config.answer.kind === "text" ? textAnswerGroup(config.answer, label) : label;
}

export function keySummary(config: Config): string[] {
  const answer = config.answer.kind === "choice" ? choiceKeySummary(config.answer) : acceptedAnswersSummary(config.answer);
  return [...answer, `Evidence: ${config.evidence.map(paragraphMark).join(", ")}`];
}
