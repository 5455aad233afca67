import type { GradeResult } from "@/lib/question-types/contract";
import * as choice from "@/lib/question-types/multiple-choice/grade";
import { isBlank, roundFraction, scored, unanswered } from "@/lib/question-types/normalize";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";
import { correctTextResponse, gradeText } from "@/lib/question-types/short-answer/grade";

type Config = ConfigOf<"evidence">;
type Response = ResponseOf<"evidence">;

function hasAnswer(response: Response): boolean {
  return response.optionId !== undefined || !isBlank(response.text);
}

/** Both halves of the task: an answer, and at least one paragraph cited for it. */
export function isGradable(response: Response): boolean {
  return hasAnswer(response) && response.anchors.length > 0;
}

/**
 * Each right paragraph earns 1/|key|, each wrong one costs half that, so citing every paragraph
 * of the reading does not pay; never below 0.
 */
export function evidenceScore(key: readonly string[], selected: readonly string[]): number {
  const wanted = new Set(key);
  const picked = new Set(selected);
  let hits = 0;
  let misses = 0;
  for (const anchor of picked) {
    if (wanted.has(anchor)) hits++;
    else misses++;
  }
  return wanted.size === 0 ? 0 : Math.max(0, (hits - 0.5 * misses) / wanted.size);
}

/** The answer part alone, 0..1, with the feedback the author attached to it. */
function answerPart(config: Config, response: Response): { score: number; feedback: string[] } {
  const result =
    config.answer.kind === "choice"
      ? choice.grade(config.answer, response.optionId === undefined ? null : { optionId: response.optionId })
      : gradeText(config.answer, response.text);
  return { score: result.fraction ?? 0, feedback: result.feedback };
}

export function grade(config: Config, response: Response | null): GradeResult {
  if (response === null || (!hasAnswer(response) && response.anchors.length === 0)) return unanswered();
  const answer = answerPart(config, response);
  const evidence = evidenceScore(config.evidence, response.anchors);
  const result = scored(answer.score * config.answerWeight + evidence * (1 - config.answerWeight), answer.feedback);
  // Full marks for the question need both halves right, even when answerWeight makes one of them
  // worth nothing: a right answer on the wrong evidence is not "correct".
  const bothRight = roundFraction(answer.score) >= 1 && roundFraction(evidence) >= 1;
  return result.state === "correct" && !bothRight ? { ...result, state: "partial" } : result;
}

export function correctResponse(config: Config): Response | null {
  const anchors = [...new Set(config.evidence)];
  if (config.answer.kind === "choice") {
    const right = choice.correctResponse(config.answer);
    return right ? { optionId: right.optionId, anchors } : null;
  }
  const right = correctTextResponse(config.answer);
  return right ? { text: right.text, anchors } : null;
}
