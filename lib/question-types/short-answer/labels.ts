import { creditLine, present, textGroup, textRulesLine, typedLabel } from "@/lib/question-types/labels";
import type { TextMatchFlags } from "@/lib/question-types/normalize";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"short-answer">;

/** The text as typed (analysis shows "SOLIDARNOŚĆ", not "solidarność"); answerGroup counts spellings together. */
export function answerLabels(_config: Config, response: ResponseOf<"short-answer">): string[] {
  const typed = typedLabel(response.text);
  return typed ? [typed] : [];
}

export function answerGroup(config: TextMatchFlags, label: string): string {
  return textGroup(label, config);
}

/** Shared with evidence questions' text part: the answers that earn credit, and the rules that are strict. */
export function acceptedAnswersSummary(config: Pick<Config, "answers"> & TextMatchFlags): string[] {
  return [...config.answers.map((a) => creditLine(a.text, a.credit)), textRulesLine(config)].filter(present);
}

export const keySummary = acceptedAnswersSummary;
