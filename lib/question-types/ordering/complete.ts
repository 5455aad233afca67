import { isRecord, stringList } from "../answered";
import type { OrderingView } from "./view";

/** Every item placed, each once. */
export function isComplete(view: OrderingView, response: unknown): boolean {
  if (!isRecord(response)) return false;
  const order = stringList(response.order);
  const items = view.items ?? [];
  return items.length > 0 && order.length === items.length && new Set(order).size === order.length && items.every((item) => order.includes(item.id));
}
