/** How the matrix names outcomes in test titles, and what a refusal must never show. */
import type { Outcome } from "./matrix.ts";
import { submittedAnswers, users, W } from "./world.ts";
import { essayFixtures } from "../../../lib/question-types/essay/fixtures.ts";

export function outcomeLabel(outcome: Outcome, kind: "page" | "handler" | "action", okRedirect?: RegExp): string {
  switch (outcome) {
    case "ok":
      return okRedirect ? `redirect to ${okRedirect.source.replace(/^\^|\$$/g, "").replace(/\\/g, "")}` : kind === "action" ? "done" : "200";
    case "login":
      return kind === "page" ? "sign in first" : kind === "handler" ? "401" : "refused: sign in first";
    case "403":
      return kind === "action" ? "refused: forbidden" : "403";
    case "404":
      return kind === "action" ? "refused: not found" : "404";
  }
}

/**
 * Private things of the owner's class that no refusal may carry: the join code, the students'
 * emails, the student's essay, the essay's grader notes, the assigned quiz's title.
 */
const secrets = [W.classCode, users.student.email, users.classmate.email, submittedAnswers.essay.text, essayFixtures.config.graderNotes, W.quizTitle];

export function leaksOf(body: string): string[] {
  return secrets.filter((s) => body.includes(s));
}
