import { textOf } from "@/lib/question-types/labels";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"ordering">;

/** The whole order as one answer: "Gdańsk Agreement → Helsinki Final Act". */
export function answerLabels(config: Config, response: ResponseOf<"ordering">): string[] {
  return response.order.length ? [response.order.map((id) => textOf(config.items, id)).join(" → ")] : [];
}

/** The items in their right order, numbered. */
export function keySummary(config: Config): string[] {
  return config.items.map((item, i) => `${i + 1}. ${item.text}`);
}
