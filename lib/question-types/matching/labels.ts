import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"matching">;

/** One label per pair matched: "Mielke → Minister for State Security". */
export function answerLabels(config: Config, response: ResponseOf<"matching">): string[] {
  return Object.entries(response.matches).map(([id, answer]) => `${config.pairs.find((p) => p.id === id)?.prompt ?? id} → ${answer}`);
}

export function keySummary(config: Config): string[] {
  const pairs = config.pairs.map((p) => `${p.prompt} → ${p.answer}`);
  return config.distractors.length ? [...pairs, `Also offered: ${config.distractors.join("; ")}`] : pairs;
}
