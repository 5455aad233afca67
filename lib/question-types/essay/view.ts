import type { ConfigOf } from "@/lib/question-types/schemas";

export interface EssayView {
  minWords?: number;
  maxWords?: number;
  /** Students may see how they will be marked; what a good answer contains (graderNotes) stays hidden. */
  /** Criteria without their authored ids: nothing the student receives carries an authored id. */
  rubric: { criterion: string; maxPoints: number }[];
}

export function toPlayerView(config: ConfigOf<"essay">, _opts: { seed: string; shuffle: boolean }): EssayView {
  const view: EssayView = { rubric: config.rubric.map((c) => ({ criterion: c.criterion, maxPoints: c.maxPoints })) };
  if (config.minWords !== undefined) view.minWords = config.minWords;
  if (config.maxWords !== undefined) view.maxWords = config.maxWords;
  return view;
}
