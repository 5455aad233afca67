import { isBlank } from "@/lib/question-types/normalize";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"essay">;

/** Essays are not counted by their text: each is read by a person. */
export function answerLabels(_config: Config, response: ResponseOf<"essay">): string[] {
  return isBlank(response.text) ? [] : ["answered"];
}

/** No key: the rubric a grader marks against, or that a grader gives the points. */
export function keySummary(config: Config): string[] {
  const words =
    config.minWords !== undefined && config.maxWords !== undefined
      ? `${config.minWords}–${config.maxWords} words`
      : config.minWords !== undefined
        ? `at least ${config.minWords} words`
        : config.maxWords !== undefined
          ? `at most ${config.maxWords} words`
          : null;
  const rubric = config.rubric.length
    ? config.rubric.map((c) => `${c.criterion} (${c.maxPoints} ${c.maxPoints === 1 ? "point" : "points"})`)
    : ["Graded by hand (no rubric)"];
  return words ? [...rubric, words] : rubric;
}
