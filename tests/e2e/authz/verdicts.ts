/** How the matrix names outcomes in test titles, and which private facts each visitor may see. */
import type { Outcome } from "./matrix.ts";
import { submittedAnswers, users, W, type Role } from "./world.ts";
import { essayFixtures } from "../../../lib/question-types/essay/fixtures.ts";

export function outcomeLabel(outcome: Outcome, kind: "page" | "handler" | "action", okRedirect?: RegExp, okStatus?: number): string {
  switch (outcome) {
    case "ok":
      return okRedirect ? `redirect to ${okRedirect.source.replace(/^\^|\$$/g, "").replace(/\\/g, "")}` : kind === "action" ? "done" : String(okStatus ?? 200);
    case "login":
      return kind === "page" ? "sign in first" : kind === "handler" ? "401" : "refused: unauthorized";
    case "403":
      return kind === "action" ? "refused: forbidden" : "403";
    case "404":
      return kind === "action" ? "refused: not found" : "404";
    case "409":
      return kind === "action" ? "refused: conflict" : "409";
    case "410":
      return kind === "action" ? "refused: gone" : "410";
  }
}

/**
 * Private facts of the owner's class and who may see them. Whatever a page answers (a refusal, or
 * a page the visitor is allowed to open), it must not carry a fact meant for others: a classmate
 * sees the class page, but not the roster's emails or the join code.
 */
const privateFacts: { fact: string; what: string; seenBy: readonly Role[] }[] = [
  { fact: W.classCode, what: "the class's join code", seenBy: ["owner"] },
  // One's own email is no secret to oneself (the account page shows it).
  { fact: users.student.email, what: "the student's email", seenBy: ["student", "owner"] },
  { fact: users.classmate.email, what: "the classmate's email", seenBy: ["classmate", "owner"] },
  { fact: W.archivedClassName, what: "the archived class", seenBy: ["student", "owner"] },
  { fact: submittedAnswers.essay.text, what: "the student's essay", seenBy: ["student", "owner"] },
  { fact: essayFixtures.config.graderNotes, what: "the essay's grader notes", seenBy: ["owner"] },
  { fact: W.quizTitle, what: "the class's quiz", seenBy: ["student", "classmate", "owner"] },
];

/** The private facts in `body` that `role` may not see. */
export function leaksTo(role: Role, body: string): string[] {
  return privateFacts.filter((f) => !f.seenBy.includes(role) && body.includes(f.fact)).map((f) => f.what);
}
