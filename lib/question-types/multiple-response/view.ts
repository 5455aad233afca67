import { choiceOptionsView, type ChoiceOptionView } from "@/lib/question-types/multiple-choice/view";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

export interface MultipleResponseView {
  /** No count of right options: "choose 2" would be a hint. */
  options: ChoiceOptionView[];
}

export function toPlayerView(config: ConfigOf<"multiple-response">, opts: { seed: string; shuffle: boolean }): MultipleResponseView {
  return { options: choiceOptionsView(config.options, opts) };
}

export const responseIds = (config: ConfigOf<"multiple-response">): string[] => config.options.map((o) => o.id);

export function mapResponseIds(response: ResponseOf<"multiple-response">, map: (id: string) => string): ResponseOf<"multiple-response"> {
  return { optionIds: response.optionIds.map(map) };
}
