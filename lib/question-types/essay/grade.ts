import type { GradeResult } from "@/lib/question-types/contract";
import { isBlank, scored, unanswered } from "@/lib/question-types/normalize";
import type { ConfigOf, ResponseOf } from "@/lib/question-types/schemas";

type Config = ConfigOf<"essay">;
type Response = ResponseOf<"essay">;

export function isGradable(response: Response): boolean {
  return !isBlank(response.text);
}

/**
 * Never auto-graded: a written answer waits for a person (fraction null). An empty one has
 * nothing to read, so it is settled at once as unanswered with 0, like every other type.
 */
export function grade(_config: Config, response: Response | null): GradeResult {
  if (response === null || !isGradable(response)) return unanswered();
  return { fraction: null, state: "needs-grading", feedback: [] };
}

/** There is no single right essay. */
export function correctResponse(_config: Config): Response | null {
  return null;
}

/** The key a grader uses when the essay has no rubric: one overall fraction, 0..1. */
export const OVERALL = "overall";

/**
 * A grader's scores turned into the question's fraction.
 *
 * With a rubric: `scores` maps criterion id → points; each is clamped to 0..maxPoints, a missing
 * or non-numeric score counts as 0, ids not in the rubric are ignored, and the fraction is the
 * points earned over the points available.
 * Without a rubric: `{ overall: fraction }`, clamped to 0..1.
 *
 * Pure like grade(); whoever calls it records who graded and when.
 */
export function gradeEssayManually(config: Config, scores: Readonly<Record<string, number>>): GradeResult {
  const scoreFor = (key: string): number => {
    const value = Object.hasOwn(scores, key) ? scores[key] : undefined;
    return value !== undefined && Number.isFinite(value) ? value : 0;
  };
  if (config.rubric.length === 0) return scored(scoreFor(OVERALL));
  const available = config.rubric.reduce((s, c) => s + c.maxPoints, 0);
  const earned = config.rubric.reduce((s, c) => s + Math.min(c.maxPoints, Math.max(0, scoreFor(c.id))), 0);
  return scored(earned / available);
}
