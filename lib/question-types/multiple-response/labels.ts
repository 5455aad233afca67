import { creditLine, present, textOf } from "@/lib/question-types/labels";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"multiple-response">;

export function answerLabels(config: Config, response: ResponseOf<"multiple-response">): string[] {
  return response.optionIds.map((id) => textOf(config.options, id));
}

/** The options that earn credit, then those that cost it: "◐ The MX missile (25%)", "✗ 1968 (−50%)". */
export function keySummary(config: Config): string[] {
  const earn = config.options.filter((o) => o.weight > 0);
  const cost = config.options.filter((o) => o.weight < 0);
  // A pick that is one of several right ones is "✓ text (25%)", not a partial answer.
  const line = (o: Config["options"][number]) => (o.weight > 0 ? `✓ ${o.text}${o.weight < 1 ? ` (${Math.round(o.weight * 100)}%)` : ""}` : creditLine(o.text, o.weight));
  return [...earn, ...cost].map(line).filter(present);
}
