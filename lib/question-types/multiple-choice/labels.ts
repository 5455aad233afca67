import { textOf } from "@/lib/question-types/labels";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"multiple-choice">;

/** Shared with evidence questions' choice part. */
export function choiceAnswerLabels(config: Pick<Config, "options">, response: ResponseOf<"multiple-choice">): string[] {
  return [textOf(config.options, response.optionId)];
}

export function choiceKeySummary(config: Pick<Config, "options">): string[] {
  return config.options.filter((o) => o.correct).map((o) => `✓ ${o.text}`);
}

export const answerLabels = choiceAnswerLabels;
export const keySummary = choiceKeySummary;
