import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

const word = (value: boolean) => (value ? "True" : "False");

export function answerLabels(_config: ConfigOf<"true-false">, response: ResponseOf<"true-false">): string[] {
  return [word(response.value)];
}

export function keySummary(config: ConfigOf<"true-false">): string[] {
  return [`✓ ${word(config.answer)}`];
}
