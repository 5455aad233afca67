import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";
import { shuffleAwayFromOrder } from "@/lib/question-types/shuffle";
import { viewId } from "@/lib/question-types/view-ids";

export interface OrderingView {
  items: { id: string; text: string }[];
}

/**
 * Always shuffled, whatever `shuffle` says, and never in the authored order: the authored order
 * is the answer. Item ids are view ids: authored ids are often numbered in the right order.
 */
export function toPlayerView(config: ConfigOf<"ordering">, opts: { seed: string; shuffle: boolean }): OrderingView {
  const items = config.items.map((item) => ({ id: viewId(opts.seed, item.id), text: item.text }));
  return { items: shuffleAwayFromOrder(items, `${opts.seed}:items`) };
}

export const responseIds = (config: ConfigOf<"ordering">): string[] => config.items.map((item) => item.id);

export function mapResponseIds(response: ResponseOf<"ordering">, map: (id: string) => string): ResponseOf<"ordering"> {
  return { order: response.order.map(map) };
}
