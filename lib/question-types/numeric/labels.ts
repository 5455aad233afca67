import { creditLine, numberLabel, present } from "@/lib/question-types/labels";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"numeric">;

export function answerLabels(_config: Config, response: ResponseOf<"numeric">): string[] {
  return [String(response.value)];
}

/** "✓ 1975", "✓ 1981 ± 1", "◐ 1974–1976 (50%)", with the unit. */
export function keySummary(config: Config): string[] {
  const unit = config.unit ? ` ${config.unit}` : "";
  return config.answers
    .map((a) => {
      const value = a.kind === "range" ? `${numberLabel(a.min)}–${numberLabel(a.max)}` : a.tolerance > 0 ? `${numberLabel(a.value)} ± ${numberLabel(a.tolerance)}` : numberLabel(a.value);
      return creditLine(`${value}${unit}`, a.credit);
    })
    .filter(present);
}
