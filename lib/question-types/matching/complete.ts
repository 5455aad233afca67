import { filled, isRecord } from "../answered";
import type { MatchingView } from "./view";

/** Every prompt given an answer. */
export function isComplete(view: MatchingView, response: unknown): boolean {
  if (!isRecord(response) || !isRecord(response.matches)) return false;
  const matches = response.matches;
  const prompts = view.prompts ?? [];
  return prompts.length > 0 && prompts.every((p) => Object.hasOwn(matches, p.id) && filled(matches[p.id]));
}
