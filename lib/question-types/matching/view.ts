import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";
import { seededShuffle } from "@/lib/question-types/shuffle";
import { viewId } from "@/lib/question-types/view-ids";

export interface MatchingView {
  prompts: { id: string; prompt: string }[];
  /** Every right answer and every distractor, once each, in an order unrelated to the prompts. */
  choices: string[];
}

export function toPlayerView(config: ConfigOf<"matching">, opts: { seed: string; shuffle: boolean }): MatchingView {
  const authored = config.pairs.map((pair) => ({ id: pair.id, prompt: pair.prompt }));
  const prompts = opts.shuffle ? seededShuffle(authored, `${opts.seed}:prompts`) : authored;

  const answerOf = new Map(config.pairs.map((pair) => [pair.id, pair.answer.trim()]));
  const rightInPromptOrder = [...new Set(prompts.map((p) => answerOf.get(p.id) ?? ""))];
  const pool = [...new Set([...config.pairs.map((pair) => pair.answer.trim()), ...config.distractors.map((d) => d.trim())])];
  // The pool is shuffled even when `shuffle` is off: in authored order it would line up with the prompts.
  const choices = seededShuffle(pool, `${opts.seed}:choices`);

  // The shuffle can still land the right answers in prompt order (distractors in between or not);
  // moving the first right answer to the end breaks that whenever there are two distinct answers.
  const right = new Set(rightInPromptOrder);
  const rightInPoolOrder = choices.filter((c) => right.has(c));
  if (rightInPromptOrder.length >= 2 && rightInPoolOrder.every((c, i) => c === rightInPromptOrder[i])) {
    const first = choices.findIndex((c) => right.has(c));
    const [moved] = choices.splice(first, 1);
    if (moved !== undefined) choices.push(moved);
  }
  return { prompts: prompts.map((p) => ({ id: viewId(opts.seed, p.id), prompt: p.prompt })), choices };
}

export const responseIds = (config: ConfigOf<"matching">): string[] => config.pairs.map((pair) => pair.id);

export function mapResponseIds(response: ResponseOf<"matching">, map: (id: string) => string): ResponseOf<"matching"> {
  return { matches: Object.fromEntries(Object.entries(response.matches).map(([pairId, answer]) => [map(pairId), answer])) };
}
