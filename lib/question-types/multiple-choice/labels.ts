import { textOf } from "@/lib/question-types/labels";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"multiple-choice">;

/** Shared with evidence questions' choice part. */
export function choiceAnswerLabels(config: Pick<Config, "options">, response: ResponseOf<"multiple-choice">): string[] {
  return [textOf(config.options, response.optionId)];
}

/** The options that earn credit, full credit first: "✓ text", or "◐ text (50%)" for partial credit. */
export function choiceKeySummary(config: Pick<Config, "options">): string[] {
  return config.options
    .filter((o) => o.credit > 0)
    .sort((a, b) => b.credit - a.credit)
    .map((o) => (o.credit >= 1 ? `✓ ${o.text}` : `◐ ${o.text} (${Math.round(o.credit * 100)}%)`));
}

export const answerLabels = choiceAnswerLabels;
export const keySummary = choiceKeySummary;
