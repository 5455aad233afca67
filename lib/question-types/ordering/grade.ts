import type { GradeResult } from "@/lib/question-types/contract";
import { scored, unanswered } from "@/lib/question-types/normalize";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"ordering">;
type Response = ResponseOf<"ordering">;

export function isGradable(response: Response): boolean {
  return response.order.length > 0 && new Set(response.order).size === response.order.length;
}


/**
 * Pairs in the right relative order over all n·(n−1)/2 pairs, so one item out of place costs a
 * little and a reversed list earns nothing. Ids that are unknown or placed more than once are
 * dropped, and every pair that involves a dropped or missing item counts as wrong.
 */
export function grade(config: Config, response: Response | null): GradeResult {
  if (response === null || response.order.length === 0) return unanswered();
  const rank = new Map(config.items.map((item, i) => [item.id, i]));
  const seen = new Map<string, number>();
  for (const id of response.order) seen.set(id, (seen.get(id) ?? 0) + 1);
  const placed: number[] = [];
  for (const id of response.order) {
    const r = rank.get(id);
    if (r !== undefined && seen.get(id) === 1) placed.push(r);
  }

  let inOrder = 0;
  placed.forEach((a, i) => {
    for (const b of placed.slice(i + 1)) if (a < b) inOrder++;
  });
  const n = config.items.length;
  return scored(inOrder / ((n * (n - 1)) / 2));
}

export function correctResponse(config: Config): Response {
  return { order: config.items.map((item) => item.id) };
}
