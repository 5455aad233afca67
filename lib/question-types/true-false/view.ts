import type { ConfigOf } from "@/lib/question-types/schemas";

/** Nothing beyond the prompt: the two choices are fixed and never shuffled (True stays first). */
export type TrueFalseView = Record<string, never>;

export function toPlayerView(_config: ConfigOf<"true-false">, _opts: { seed: string; shuffle: boolean }): TrueFalseView {
  return {};
}
