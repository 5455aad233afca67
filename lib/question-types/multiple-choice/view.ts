import type { ConfigOf } from "@/lib/question-types/schemas";
import { seededShuffle } from "@/lib/question-types/shuffle";

export interface ChoiceOptionView {
  id: string;
  text: string;
}

export interface MultipleChoiceView {
  options: ChoiceOptionView[];
}

/** Shared with evidence questions; copies id and text only, so nothing else on an option can leak. */
export function choiceOptionsView(
  options: readonly { id: string; text: string }[],
  opts: { seed: string; shuffle: boolean },
): ChoiceOptionView[] {
  const visible = options.map((o) => ({ id: o.id, text: o.text }));
  return opts.shuffle ? seededShuffle(visible, `${opts.seed}:options`) : visible;
}

export function toPlayerView(config: ConfigOf<"multiple-choice">, opts: { seed: string; shuffle: boolean }): MultipleChoiceView {
  return { options: choiceOptionsView(config.options, opts) };
}
