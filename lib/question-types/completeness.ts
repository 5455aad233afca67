/**
 * "Is this question answered?", from what the student's browser has: the player view and the
 * response in view ids. One function per type (its folder's complete.ts); the quiz player's
 * "not answered yet" list and the server's submit check (isAnswerComplete in the registry, which
 * builds the same view) both use it. Client-safe: pure, no schemas, no crypto.
 */
import type { QuestionTypeId } from "./ids";
import { isComplete as essay } from "./essay/complete";
import { isComplete as evidence } from "./evidence/complete";
import { isComplete as matching } from "./matching/complete";
import { isComplete as multipleChoice } from "./multiple-choice/complete";
import { isComplete as multipleResponse } from "./multiple-response/complete";
import { isComplete as numeric } from "./numeric/complete";
import { isComplete as ordering } from "./ordering/complete";
import { isComplete as shortAnswer } from "./short-answer/complete";
import { isComplete as trueFalse } from "./true-false/complete";

/** A type without its completeness rule here is a compile error. */
export const completeness: { [K in QuestionTypeId]: (view: never, response: unknown) => boolean } = {
  "multiple-choice": multipleChoice,
  "multiple-response": multipleResponse,
  "true-false": trueFalse,
  "short-answer": shortAnswer,
  numeric,
  ordering,
  matching,
  essay,
  evidence,
};

/** Whether `response` answers the question whose player view is `view` (an unreadable view or response: no). */
export function isAnswered(type: QuestionTypeId, view: unknown, response: unknown): boolean {
  if (typeof view !== "object" || view === null) return false;
  return (completeness[type] as (view: unknown, response: unknown) => boolean)(view, response);
}
