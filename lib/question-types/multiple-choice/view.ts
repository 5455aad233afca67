import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";
import { seededShuffle } from "@/lib/question-types/shuffle";
import { viewId } from "@/lib/question-types/view-ids";

export interface ChoiceOptionView {
  id: string;
  text: string;
}

export interface MultipleChoiceView {
  options: ChoiceOptionView[];
}

/**
 * Shared with multiple response and evidence questions; copies the text only, under a view id, so
 * nothing else on an option (not even the order it was written in) can leak.
 */
export function choiceOptionsView(
  options: readonly { id: string; text: string }[],
  opts: { seed: string; shuffle: boolean },
): ChoiceOptionView[] {
  const visible = options.map((o) => ({ id: viewId(opts.seed, o.id), text: o.text }));
  return opts.shuffle ? seededShuffle(visible, `${opts.seed}:options`) : visible;
}

export function toPlayerView(config: ConfigOf<"multiple-choice">, opts: { seed: string; shuffle: boolean }): MultipleChoiceView {
  return { options: choiceOptionsView(config.options, opts) };
}

export const responseIds = (config: ConfigOf<"multiple-choice">): string[] => config.options.map((o) => o.id);

export function mapResponseIds(response: ResponseOf<"multiple-choice">, map: (id: string) => string): ResponseOf<"multiple-choice"> {
  return { optionId: map(response.optionId) };
}
