import { shortAnswerResponse, type ConfigOf } from "@/lib/question-types/schemas";

/** Only the input limit, taken from the response schema so the box and the server agree. */
export interface ShortAnswerView {
  maxLength: number;
}

export const SHORT_ANSWER_MAX_LENGTH = shortAnswerResponse.shape.text.maxLength ?? 500;

export function toPlayerView(_config: ConfigOf<"short-answer">, _opts: { seed: string; shuffle: boolean }): ShortAnswerView {
  return { maxLength: SHORT_ANSWER_MAX_LENGTH };
}
