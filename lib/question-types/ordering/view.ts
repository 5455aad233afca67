import type { ConfigOf } from "@/lib/question-types/schemas";
import { shuffleAwayFromOrder } from "@/lib/question-types/shuffle";

export interface OrderingView {
  items: { id: string; text: string }[];
}

/**
 * Always shuffled, whatever `shuffle` says, and never in the authored order: the authored order
 * is the answer.
 */
export function toPlayerView(config: ConfigOf<"ordering">, opts: { seed: string; shuffle: boolean }): OrderingView {
  const items = config.items.map((item) => ({ id: item.id, text: item.text }));
  return { items: shuffleAwayFromOrder(items, `${opts.seed}:items`) };
}
