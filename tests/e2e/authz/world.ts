/**
 * The people and objects the authorization matrix is run against. tests/e2e/authz/seed-world.mts
 * writes them into the e2e database (tests/e2e/server.mts calls it after the demo data); the
 * matrix names them by these ids. They are separate from the demo class, so the other specs and
 * the matrix never change each other's data.
 *
 * Everything the matrix probes belongs to the owning instructor ("owner"), whose class has one
 * student ("student") and that student's classmate ("classmate"). Another instructor teaches
 * another class with its own student, quiz and attempt.
 */

import { essayFixtures } from "../../../lib/question-types/essay/fixtures.ts";
import { evidenceFixtures } from "../../../lib/question-types/evidence/fixtures.ts";
import { multipleChoiceFixtures } from "../../../lib/question-types/multiple-choice/fixtures.ts";
import { shortAnswerFixtures } from "../../../lib/question-types/short-answer/fixtures.ts";
import { DEMO_READING } from "../../../prisma/demo-accounts.ts";
import { LINK_COOKIE as LINK_COOKIE_NAME, LINK_COOKIE_PATH } from "../../../lib/auth/one-time-token.ts";

export const WORLD_PASSWORD = "authz-matrix-1981";

/** Who the matrix asks as, in the order of the table's columns. */
export const roles = ["anonymous", "otherStudent", "student", "classmate", "otherInstructor", "owner"] as const;
export type Role = (typeof roles)[number];
export type SignedInRole = Exclude<Role, "anonymous">;

export const roleLabel: Record<Role, string> = {
  anonymous: "anonymous",
  otherStudent: "a student of another class",
  student: "the student whose work it is",
  classmate: "a classmate",
  otherInstructor: "another instructor",
  owner: "the owning instructor",
};

export const users: Record<SignedInRole, { id: string; email: string; name: string; role: "student" | "instructor" }> = {
  owner: { id: "az-owner", email: "owner@authz.dossier.test", name: "Olga Owner", role: "instructor" },
  otherInstructor: { id: "az-other-instructor", email: "other-instructor@authz.dossier.test", name: "Igor Otherteacher", role: "instructor" },
  student: { id: "az-student", email: "sam.student@authz.dossier.test", name: "Sam Student", role: "student" },
  classmate: { id: "az-classmate", email: "classmate@authz.dossier.test", name: "Cleo Classmate", role: "student" },
  otherStudent: { id: "az-other-student", email: "other-student@authz.dossier.test", name: "Tess Otherclass", role: "student" },
};

/** A student of the roster class, nobody's role: the one the owner removes. */
export const removable = { id: "az-removable", email: "removable@authz.dossier.test", name: "Rory Removable", role: "student" as const };

/**
 * One-time links (app/link/[token], /set-password): the token is the credential, whoever holds it.
 * Each role sets a password with a usable link of its own (a link works once), the action's id is
 * read from /set-password opened with another ("page", never used), and "used" was used already.
 * Each link is for a student of its own in the link class. Tokens are fixed 43-character base64url
 * strings, as lib/auth/one-time-token.ts makes them; the database keeps only their hashes.
 */
export const linkLabels = [...roles, "page", "used"] as const;
export type LinkLabel = (typeof linkLabels)[number];
export const linkHolders = Object.fromEntries(
  linkLabels.map((label) => [
    label,
    { id: `az-link-${label}`, email: `link-${label.toLowerCase()}@authz.dossier.test`, name: `Linda Link ${label}`, token: `authz-link-${label}-`.padEnd(43, "x") },
  ]),
) as Record<LinkLabel, { id: string; email: string; name: string; token: string }>;
/** The cookie /link/<token> sets for /set-password. */
export const LINK_COOKIE = { name: LINK_COOKIE_NAME, path: LINK_COOKIE_PATH } as const;
/** What a link's holder chooses: strong enough for the sign-up policy. */
export const LINK_PASSWORD = "plaster-orchid-1956-tundra";
/** The password each role changes to on /account, and back from. */
export const CHANGED_PASSWORD = "quartz-harbour-1968-lantern";

export const READING_SLUG = DEMO_READING;
/** The reading's first part (prisma/content/mielke-andropov-1981/structure.json). */
export const FIRST_SECTION = "participants";

export const W = {
  // The owner's class (student and classmate), a class only the owner's join form targets, and the other class.
  class: "az-class",
  className: "Authz: the owner's class",
  classCode: "AUTHZAAA",
  joinClass: "az-join-class",
  joinClassName: "Authz: a class to join",
  joinClassCode: "AUTHZCCC",
  /** The owner's class whose join code the matrix renews and whose name it changes (the main class keeps its code, a fact only the owner may see). */
  codeClass: "az-code-class",
  codeClassCode: "AUTHZDDD",
  otherClass: "az-other-class",
  otherClassCode: "AUTHZBBB",

  // Running a class: one target per mutating action again.
  /** In use, for "archive". */
  archiveClass: "az-archive-class",
  /** Archived, for "restore". */
  restoreClass: "az-restore-class",
  /** Archived, and stays so: the student is in it. Listed under "Archived classes"; read-only for its owner too (409). */
  archivedClass: "az-archived-class",
  archivedClassName: "Authz: an archived class",
  /** The roster the matrix imports into and removes a student from (the removable student, nobody of the six). */
  rosterClass: "az-roster-class",
  /** A class the student was removed from, leaving an attempt in progress behind. */
  leftClass: "az-left-class",
  leftQa: "az-left-qa",
  leftAttempt: "az-left-attempt",
  /** Its one question (the short answer of the quiz to submit). */
  leftKey: "q1",
  /** The class of the one-time links' students. */
  linkClass: "az-link-class",

  assignment: "az-assignment",
  otherAssignment: "az-other-assignment",

  // The owner's bank. q-essay, q-evidence and q-mc make up the assigned quiz; the rest are targets
  // of one mutating action each, so one row's effect never changes another row's outcome.
  qEssay: "az-q-essay",
  qEvidence: "az-q-evidence",
  qMc: "az-q-mc",
  qShort: "az-q-short",
  qBankOnly: "az-q-bank-only",
  qToEdit: "az-q-to-edit",
  qToDelete: "az-q-to-delete",
  qToDeleteTitle: "Authz: the question to delete",
  otherQuestion: "az-other-q",

  // The assigned quiz: an essay waiting for grading, an evidence question, and a multiple-choice
  // question whose key the owner corrected after the student's attempt (so a regrade changes the score).
  quiz: "az-quiz",
  quizTitle: "Authz: the assigned quiz",
  qa: "az-qa",
  /** The student's submitted attempt (essay waiting for grading). */
  attempt: "az-attempt",
  /** The student's attempt still in progress. */
  attemptOpen: "az-attempt-open",
  essayKey: "q1",

  // A quiz the matrix edits: settings, items, points, order, imports and new questions land here.
  quizToEdit: "az-quiz-to-edit",
  editItem1: "az-edit-item-1",
  editItem2: "az-edit-item-2",
  editItemToRemove: "az-edit-item-3",

  // A quiz with one question and no class yet: the target of "assign".
  quizToAssign: "az-quiz-to-assign",

  // A second assigned quiz whose only attempt is in progress: the target of "submit".
  quizToSubmit: "az-quiz-to-submit",
  qaToSubmit: "az-qa-to-submit",
  attemptToSubmit: "az-attempt-to-submit",

  // A live class session running on the owner's class's reading, on an open "ask" moment (the short answer).
  liveSession: "az-live",
  liveCode: "AZQRST",
  liveAsk: "az-live-ask",
  /** An assignment of the code class with no session yet: the target of "start a live session". */
  liveStartAssignment: "az-live-start-assignment",

  // The discussion on the class's reading: the student's posts (one to mark and pin, one to edit, one to delete) and the owner's prompts.
  post: "az-post",
  postToEdit: "az-post-to-edit",
  postToDelete: "az-post-to-delete",
  prompt: "az-prompt",
  promptToDelete: "az-prompt-to-delete",

  // The other instructor's quiz, assigned to their class, with their student's attempt.
  otherQuiz: "az-other-quiz",
  otherItem: "az-other-item",
  otherQa: "az-other-qa",
  otherAttempt: "az-other-attempt",
} as const;

/** A question as the editor sends it (and as the seed stores it): one helper, so both agree. */
export function shortAnswerQuestion(title: string) {
  return { type: "short-answer" as const, title, prompt: "Name the independent trade union founded in Gdańsk in 1980.", format: "plain" as const, anchors: [], defaultPoints: 1, config: shortAnswerFixtures.config };
}

export const questions = {
  essay: { type: "essay" as const, title: "Authz: the essay", prompt: "Why did the government sign the accords?", format: "plain" as const, anchors: [], defaultPoints: 5, config: essayFixtures.config },
  evidence: { type: "evidence" as const, title: "Authz: the evidence question", prompt: "Why did the government give way? Mark your evidence.", format: "plain" as const, anchors: [], defaultPoints: 2, config: evidenceFixtures.config },
  mc: { type: "multiple-choice" as const, title: "Authz: the multiple-choice question", prompt: "Where did the strike begin?", format: "plain" as const, anchors: [], defaultPoints: 1, config: multipleChoiceFixtures.config },
  short: shortAnswerQuestion("Authz: the short answer"),
  bankOnly: shortAnswerQuestion("Authz: in the bank only"),
  toEdit: shortAnswerQuestion("Authz: the question to edit"),
  toDelete: shortAnswerQuestion(W.qToDeleteTitle),
  other: shortAnswerQuestion("Authz: the other instructor's question"),
};

/** The essay's rubric (criterion id and maximum), for grading it over HTTP. */
export const essayRubric = essayFixtures.config.rubric.map((c) => ({ id: c.id, maxPoints: c.maxPoints }));

/** The student's answers in the submitted attempt: the multiple-choice one is right under today's key. */
export const submittedAnswers = {
  essay: essayFixtures.responses.correct,
  evidence: evidenceFixtures.responses.correct,
  mc: multipleChoiceFixtures.responses.correct,
};

/** The multiple-choice key as it was when the student answered: a mistake the owner has since corrected. */
export const mcKeyAtTheTime = {
  options: multipleChoiceFixtures.config.options.map((o) => ({ ...o, credit: o.id === "warsaw" ? 1 : 0 })),
};
