import { choiceOptionsView, type ChoiceOptionView } from "@/lib/question-types/multiple-choice/view";
import type { ConfigOf } from "@/lib/question-types/schemas";

export interface MultipleResponseView {
  /** No count of right options: "choose 2" would be a hint. */
  options: ChoiceOptionView[];
}

export function toPlayerView(config: ConfigOf<"multiple-response">, opts: { seed: string; shuffle: boolean }): MultipleResponseView {
  return { options: choiceOptionsView(config.options, opts) };
}
