/**
 * THE AUTHORIZATION MATRIX: every route (page and route handler) and every server action, with
 * what each kind of visitor must get. routes.spec.ts and actions.spec.ts make one test per row and
 * role from this file; coverage.spec.ts fails when app/ or lib/actions has something this table
 * lacks. Adding a route or an action means adding a row here.
 *
 * Columns, in this order (world.ts):
 *   anonymous · a student of another class · the student whose work it is · a classmate ·
 *   another instructor · the owning instructor
 *
 * Outcomes:
 *   "ok"    allowed: 200 (or the redirect the row names); an action succeeds
 *   "login" not signed in: pages redirect to /login?callbackUrl=<the page>, route handlers answer
 *           401, actions refuse with code "unauthorized" (or redirect to /login)
 *   "403"   Next's forbidden() page, a JSON 403, an action refusing with code "forbidden"
 *   "404"   not found, the same three ways
 *
 * Every object named here belongs to the world in world.ts: the owner's class, quiz, attempts...
 */
import { essayRubric, FIRST_SECTION, questions, READING_SLUG, roles, shortAnswerQuestion, users, W, WORLD_PASSWORD, type Role, type SignedInRole } from "./world.ts";
import type { ActionResult, Fields } from "./harness.ts";
import { uniqueEmail } from "../fixtures.ts";

export type Outcome = "ok" | "login" | "403" | "404";
/** One outcome per role, in the column order above. */
export type Expect = readonly [anonymous: Outcome, otherStudent: Outcome, student: Outcome, classmate: Outcome, otherInstructor: Outcome, owner: Outcome];

const everyone: Expect = ["ok", "ok", "ok", "ok", "ok", "ok"];
const signedIn: Expect = ["login", "ok", "ok", "ok", "ok", "ok"];
const classMembers: Expect = ["login", "403", "ok", "ok", "403", "ok"];
const ownerOnly: Expect = ["login", "403", "403", "403", "403", "ok"];
const instructors: Expect = ["login", "403", "403", "403", "ok", "ok"];
const theStudentAndOwner: Expect = ["login", "403", "ok", "403", "403", "ok"];
const theStudentOnly: Expect = ["login", "403", "ok", "403", "403", "403"];
const enrolledStudents: Expect = ["login", "403", "ok", "ok", "403", "403"];
const nobody: Expect = ["login", "403", "403", "403", "403", "403"];
const missing: Expect = ["login", "404", "404", "404", "404", "404"];

/**
 * How to see whether a request took effect: a page (or file) the data's owner can load, read
 * before and after. Refused requests must leave it exactly as it was; allowed ones show `marker`
 * (or, without one, change it). Rows without one create things a refused visitor would own
 * (a class, a quiz) and no page could show: there the refusal's code is the evidence.
 */
export interface Effect {
  probe: { as: SignedInRole; path: string };
  marker?: (role: Role) => string;
  /** Roles that are allowed but rightly change nothing (the student resuming an attempt). */
  allowedWithoutChange?: readonly Role[];
}

// ---------------------------------------------------------------- routes

export interface RouteRow {
  /** The route as app/ spells it, route groups left out: "/classes/[classId]". */
  route: string;
  method: "GET" | "POST" | "PUT";
  kind: "page" | "handler";
  /** The address asked for. */
  path: string;
  /** Which object, when the route has parameters. */
  what?: string;
  expect: Expect;
  /** "ok" means this redirect rather than a 200. */
  okRedirect?: RegExp;
  /** The body sent, as JSON or as a form (per role, so each leaves its own mark). */
  json?: (role: Role) => unknown;
  form?: (role: Role) => Record<string, string>;
  effect?: Effect;
  /** Anything else an allowed response must satisfy. */
  check?: (res: { status: number; body: string; headers: Record<string, string> }, role: Role) => void;
}

export const routeRows: RouteRow[] = [
  // Public: the reading, the home page, signing in.
  { route: "/", method: "GET", kind: "page", path: "/", expect: everyone },
  { route: "/login", method: "GET", kind: "page", path: "/login", expect: everyone },
  { route: "/signup", method: "GET", kind: "page", path: "/signup", expect: everyone },
  { route: "/readings/[slug]", method: "GET", kind: "page", path: `/readings/${READING_SLUG}`, what: "the reading", expect: everyone },
  { route: "/readings/[slug]", method: "GET", kind: "page", path: "/readings/no-such-reading", what: "a reading that does not exist", expect: ["404", "404", "404", "404", "404", "404"] },
  { route: "/readings/[slug]/p/[anchor]", method: "GET", kind: "page", path: `/readings/${READING_SLUG}/p/p-12`, what: "a paragraph", expect: everyone, okRedirect: new RegExp(`^/readings/${READING_SLUG}#p-12$`) },
  {
    route: "/api/auth/[...nextauth]",
    method: "GET",
    kind: "handler",
    path: "/api/auth/session",
    what: "the session",
    expect: everyone,
    // Each client is who it signed in as, and nobody else.
    check: (res, role) => {
      const session = JSON.parse(res.body) as { user?: { email?: string } } | null;
      if (role === "anonymous") {
        if (session !== null && session.user !== undefined) throw new Error(`an anonymous session: ${res.body}`);
      } else if (session?.user?.email !== users[role].email) throw new Error(`${role} is signed in as ${session?.user?.email}`);
    },
  },
  {
    route: "/api/auth/[...nextauth]",
    method: "POST",
    kind: "handler",
    path: "/api/auth/callback/credentials",
    what: "signing in without a CSRF token",
    expect: everyone,
    form: () => ({ email: users.owner.email, password: WORLD_PASSWORD }),
    okRedirect: /\/login\?error=MissingCSRF$/,
  },

  // Signed in, whoever you are.
  { route: "/dashboard", method: "GET", kind: "page", path: "/dashboard", expect: signedIn },
  { route: "/join", method: "GET", kind: "page", path: "/join", expect: signedIn },

  // The owner's class and what hangs off it.
  { route: "/classes/[classId]", method: "GET", kind: "page", path: `/classes/${W.class}`, what: "the owner's class", expect: classMembers },
  { route: "/classes/[classId]", method: "GET", kind: "page", path: "/classes/az-no-such-class", what: "a class that does not exist", expect: missing },
  { route: "/classes/[classId]/gradebook", method: "GET", kind: "page", path: `/classes/${W.class}/gradebook`, what: "the owner's class", expect: ownerOnly },
  { route: "/classes/[classId]/gradebook/grades.csv", method: "GET", kind: "handler", path: `/classes/${W.class}/gradebook/grades.csv`, what: "the owner's class", expect: ownerOnly, check: (res) => expectHeader(res, "content-type", /^text\/csv/) },
  { route: "/classes/[classId]/gradebook/grades.csv", method: "GET", kind: "handler", path: "/classes/az-no-such-class/gradebook/grades.csv", what: "a class that does not exist", expect: missing },
  { route: "/assignments/[assignmentId]", method: "GET", kind: "page", path: `/assignments/${W.assignment}`, what: "the class's reading", expect: classMembers },
  {
    route: "/api/assignments/[assignmentId]/progress",
    method: "POST",
    kind: "handler",
    path: `/api/assignments/${W.assignment}/progress`,
    what: "the class's reading",
    expect: enrolledStudents,
    json: () => ({ anchor: "p-20", active: true }),
    effect: { probe: { as: "owner", path: `/classes/${W.class}` } },
  },

  // The owner's question bank and quizzes: for the owner only.
  { route: "/quizzes", method: "GET", kind: "page", path: "/quizzes", expect: instructors },
  { route: "/quizzes/import", method: "GET", kind: "page", path: "/quizzes/import", expect: instructors },
  { route: "/questions", method: "GET", kind: "page", path: "/questions", expect: instructors },
  { route: "/questions/[questionId]/edit", method: "GET", kind: "page", path: `/questions/${W.qMc}/edit`, what: "the owner's question", expect: ownerOnly },
  { route: "/questions/[questionId]/edit", method: "GET", kind: "page", path: "/questions/az-no-such-question/edit", what: "a question that does not exist", expect: missing },
  { route: "/quizzes/[quizId]", method: "GET", kind: "page", path: `/quizzes/${W.quiz}`, what: "the owner's quiz", expect: ownerOnly },
  { route: "/quizzes/[quizId]", method: "GET", kind: "page", path: "/quizzes/az-no-such-quiz", what: "a quiz that does not exist", expect: missing },
  { route: "/quizzes/[quizId]/preview", method: "GET", kind: "page", path: `/quizzes/${W.quiz}/preview`, what: "the owner's quiz", expect: ownerOnly },
  { route: "/quizzes/[quizId]/questions/new", method: "GET", kind: "page", path: `/quizzes/${W.quiz}/questions/new?type=essay`, what: "the owner's quiz", expect: ownerOnly },
  { route: "/quizzes/[quizId]/export.gift", method: "GET", kind: "handler", path: `/quizzes/${W.quiz}/export.gift`, what: "the owner's quiz (it holds the answer key)", expect: ownerOnly, check: (res) => expectHeader(res, "content-disposition", /\.gift/) },

  // The quiz as assigned to the class, its results, and the student's attempts.
  { route: "/quiz-assignments/[quizAssignmentId]", method: "GET", kind: "page", path: `/quiz-assignments/${W.qa}`, what: "the class's quiz", expect: classMembers },
  { route: "/quiz-assignments/[quizAssignmentId]", method: "GET", kind: "page", path: "/quiz-assignments/az-no-such-qa", what: "a quiz assignment that does not exist", expect: missing },
  { route: "/quiz-assignments/[quizAssignmentId]/analysis", method: "GET", kind: "page", path: `/quiz-assignments/${W.qa}/analysis`, what: "the class's quiz", expect: ownerOnly },
  { route: "/quiz-assignments/[quizAssignmentId]/analysis/evidence/[questionId]", method: "GET", kind: "page", path: `/quiz-assignments/${W.qa}/analysis/evidence/${W.qEvidence}`, what: "the class's evidence question", expect: ownerOnly },
  { route: "/attempts/[attemptId]", method: "GET", kind: "page", path: `/attempts/${W.attemptOpen}`, what: "the student's attempt in progress", expect: theStudentOnly },
  { route: "/attempts/[attemptId]", method: "GET", kind: "page", path: `/attempts/${W.attempt}`, what: "the student's submitted attempt", expect: theStudentOnly, okRedirect: new RegExp(`^/attempts/${W.attempt}/review$`) },
  { route: "/attempts/[attemptId]", method: "GET", kind: "page", path: "/attempts/az-no-such-attempt", what: "an attempt that does not exist", expect: missing },
  { route: "/attempts/[attemptId]/review", method: "GET", kind: "page", path: `/attempts/${W.attempt}/review`, what: "the student's submitted attempt", expect: theStudentAndOwner },
  { route: "/attempts/[attemptId]/grade", method: "GET", kind: "page", path: `/attempts/${W.attempt}/grade`, what: "the student's submitted attempt", expect: ownerOnly },
  {
    route: "/api/attempts/[attemptId]/answers/[questionKey]",
    method: "PUT",
    kind: "handler",
    path: `/api/attempts/${W.attemptOpen}/answers/${W.essayKey}`,
    what: "the essay in the student's attempt in progress",
    expect: theStudentOnly,
    json: (role) => ({ response: { text: `Written by ${role}` } }),
    // The student sees their saved answer in the player; nobody else's words may appear there.
    effect: { probe: { as: "student", path: `/attempts/${W.attemptOpen}` }, marker: (role) => `Written by ${role}` },
  },
];

function expectHeader(res: { headers: Record<string, string> }, name: string, value: RegExp) {
  if (!value.test(res.headers[name] ?? "")) throw new Error(`${name}: ${res.headers[name]} does not match ${value}`);
}

// ---------------------------------------------------------------- server actions

export interface ActionRow {
  /** "<file>#<export>", as lib/actions and Next's manifest name it. */
  action: string;
  what?: string;
  /** The page that renders the form (or calls the action) for its rightful user; the POST goes there too. */
  foundOn: { path: string; as: Role };
  /** The action's arguments, as its form or caller passes them: realistic and valid, so only authorization can stop them. */
  args: (role: Role) => ActionArgs;
  expect: Expect;
  effect?: Effect;
  /** An action that refuses by redirecting (rather than returning a code) says so with this redirect. */
  refusalRedirect?: RegExp;
  /** More that an allowed call must satisfy. */
  allowed?: (result: ActionResult, role: Role) => void;
}

/** (prevState, formData), as useActionState calls an action; or the plain argument list. */
export type ActionArgs = { form: Fields; prevState?: boolean } | { raw: unknown[] };
const form = (fields: Fields): ActionArgs => ({ form: fields, prevState: true });
/** A form whose action takes only the FormData (no useActionState). */
const plainForm = (fields: Fields): ActionArgs => ({ form: fields, prevState: false });

const classPage = (id: string): Effect["probe"] => ({ as: "owner", path: `/classes/${id}` });
const quizPage = (id: string): Effect["probe"] => ({ as: "owner", path: `/quizzes/${id}` });
const bank: Effect["probe"] = { as: "owner", path: "/questions" };
const gradesCsv: Effect["probe"] = { as: "owner", path: `/classes/${W.class}/gradebook/grades.csv` };

const redirectsTo = (pattern: RegExp) => (r: ActionResult, role: Role) => {
  if (!r.redirect || !pattern.test(r.redirect)) throw new Error(`${role} was sent to ${r.redirect}, not ${pattern}`);
};

export const actionRows: ActionRow[] = [
  // Signing in, up and out: open to everyone by design.
  {
    action: "lib/actions/auth.ts#signInAction",
    foundOn: { path: "/login", as: "anonymous" },
    args: () => form({ email: users.student.email, password: WORLD_PASSWORD, callbackUrl: "/dashboard" }),
    expect: everyone,
    allowed: redirectsTo(/^\/dashboard$/),
  },
  {
    action: "lib/actions/auth.ts#signUpAction",
    foundOn: { path: "/signup", as: "anonymous" },
    args: (role) => form({ name: `Authz newcomer ${role}`, email: uniqueEmail(`authz-newcomer-${role}`), password: WORLD_PASSWORD, role: "student" }),
    expect: everyone,
    allowed: redirectsTo(/^\/dashboard/),
  },
  { action: "lib/actions/auth.ts#signOutAction", foundOn: { path: "/dashboard", as: "owner" }, args: () => ({ raw: [new FormData()] }), expect: everyone, allowed: redirectsTo(/^\/$/) },

  // Classes.
  {
    action: "lib/actions/classes.ts#createClassAction",
    foundOn: { path: "/dashboard", as: "owner" },
    args: (role) => form({ name: `Authz class by ${role}` }),
    expect: instructors,
    allowed: redirectsTo(/^\/classes\/[\w-]+\?created=1$/),
  },
  {
    action: "lib/actions/classes.ts#joinClassAction",
    what: "with the join code of the owner's other class",
    foundOn: { path: "/join", as: "student" },
    args: () => form({ code: W.joinClassCode }),
    expect: ["login", "ok", "ok", "ok", "403", "403"],
    effect: { probe: classPage(W.joinClass), marker: (role) => (role === "anonymous" ? "(anonymous joins nothing)" : users[role].name) },
  },
  {
    action: "lib/actions/classes.ts#assignReadingAction",
    what: "to the owner's class",
    foundOn: { path: `/classes/${W.class}`, as: "owner" },
    args: (role) => form({ classId: W.class, readingSlug: READING_SLUG, dueDate: `2031-0${roles.indexOf(role) + 1}-15` }),
    expect: ownerOnly,
    effect: { probe: classPage(W.class) },
  },
  {
    action: "lib/actions/classes.ts#regenerateJoinCodeAction",
    what: "of the owner's class",
    foundOn: { path: `/classes/${W.codeClass}`, as: "owner" },
    args: () => form({ classId: W.codeClass }),
    expect: ownerOnly,
    effect: { probe: classPage(W.codeClass) },
  },

  // Quizzes.
  {
    action: "lib/actions/quizzes.ts#createQuizAction",
    foundOn: { path: "/quizzes", as: "owner" },
    args: (role) => form({ title: `Authz quiz by ${role}`, description: "", readingSlug: READING_SLUG }),
    expect: instructors,
    allowed: redirectsTo(/^\/quizzes\/[\w-]+\?created=1$/),
  },
  {
    action: "lib/actions/quizzes.ts#updateQuizSettingsAction",
    what: "renaming the owner's quiz",
    foundOn: { path: `/quizzes/${W.quizToEdit}`, as: "owner" },
    args: (role) =>
      form({ quizId: W.quizToEdit, title: `Renamed by ${role}`, description: "", attemptsAllowed: "1", opensAt: "", closesAt: "", timeLimitMinutes: "", shuffleOptions: "on", reviewWhen: "immediately", reviewScore: "on", reviewCorrectness: "on", reviewFeedback: "on" }),
    expect: ownerOnly,
    effect: { probe: quizPage(W.quizToEdit), marker: (role) => `Renamed by ${role}` },
  },
  {
    action: "lib/actions/quizzes.ts#addQuestionToQuizAction",
    what: "the owner's question into the owner's quiz",
    foundOn: { path: `/quizzes/${W.quizToEdit}`, as: "owner" },
    args: () => form({ quizId: W.quizToEdit, questionId: W.qBankOnly }),
    expect: ownerOnly,
    effect: { probe: quizPage(W.quizToEdit) },
  },
  {
    action: "lib/actions/quizzes.ts#addQuestionToQuizAction",
    what: "another instructor's question into the owner's quiz",
    foundOn: { path: `/quizzes/${W.quizToEdit}`, as: "owner" },
    args: () => form({ quizId: W.quizToEdit, questionId: W.otherQuestion }),
    expect: nobody,
    effect: { probe: quizPage(W.quizToEdit) },
  },
  {
    action: "lib/actions/quizzes.ts#setItemPointsAction",
    foundOn: { path: `/quizzes/${W.quizToEdit}`, as: "owner" },
    args: () => form({ quizId: W.quizToEdit, itemId: W.editItem1, points: "7.5" }),
    expect: ownerOnly,
    effect: { probe: quizPage(W.quizToEdit) },
  },
  {
    action: "lib/actions/quizzes.ts#removeItemAction",
    foundOn: { path: `/quizzes/${W.quizToEdit}`, as: "owner" },
    args: () => form({ quizId: W.quizToEdit, itemId: W.editItemToRemove }),
    expect: ownerOnly,
    effect: { probe: quizPage(W.quizToEdit) },
  },
  {
    action: "lib/actions/quizzes.ts#moveItemAction",
    foundOn: { path: `/quizzes/${W.quizToEdit}`, as: "owner" },
    args: () => form({ quizId: W.quizToEdit, itemId: W.editItem2, direction: "up" }),
    expect: ownerOnly,
    effect: { probe: quizPage(W.quizToEdit) },
  },
  {
    action: "lib/actions/quizzes.ts#assignQuizAction",
    what: "the owner's quiz to the owner's class",
    foundOn: { path: `/quizzes/${W.quizToAssign}`, as: "owner" },
    args: () => form({ quizId: W.quizToAssign, classId: W.class, dueDate: "2031-06-30", opens: "with-reading" }),
    expect: ownerOnly,
    effect: { probe: quizPage(W.quizToAssign) },
  },
  {
    action: "lib/actions/quizzes.ts#assignQuizAction",
    what: "the owner's quiz to another instructor's class",
    foundOn: { path: `/quizzes/${W.quizToAssign}`, as: "owner" },
    args: () => form({ quizId: W.quizToAssign, classId: W.otherClass, dueDate: "2031-06-30", opens: "with-reading" }),
    expect: nobody,
    effect: { probe: quizPage(W.quizToAssign) },
  },
  {
    action: "lib/actions/quizzes.ts#importGiftAction",
    what: "saving into the owner's quiz",
    foundOn: { path: "/quizzes/import", as: "owner" },
    args: (role) => form({ step: "save", text: `::Imported by ${role}::Which union was founded in Gdańsk in 1980? {=Solidarity}`, pick: ["0"], count: "1", quizId: W.quizToEdit }),
    expect: ownerOnly,
    effect: { probe: quizPage(W.quizToEdit), marker: (role) => `Imported by ${role}` },
  },

  // The question bank.
  {
    action: "lib/actions/questions.ts#createQuestionAction",
    what: "into the owner's quiz",
    foundOn: { path: `/quizzes/${W.quizToEdit}/questions/new?type=short-answer`, as: "owner" },
    args: (role) => form({ question: JSON.stringify(shortAnswerQuestion(`Planted by ${role}`)), quizId: W.quizToEdit, readingSlug: READING_SLUG }),
    expect: ownerOnly,
    effect: { probe: quizPage(W.quizToEdit), marker: (role) => `Planted by ${role}` },
  },
  {
    action: "lib/actions/questions.ts#updateQuestionAction",
    foundOn: { path: `/questions/${W.qToEdit}/edit`, as: "owner" },
    args: (role) => form({ questionId: W.qToEdit, question: JSON.stringify(shortAnswerQuestion(`Rewritten by ${role}`)), returnTo: "/questions" }),
    expect: ownerOnly,
    effect: { probe: bank, marker: (role) => `Rewritten by ${role}` },
  },
  {
    action: "lib/actions/questions.ts#duplicateQuestionAction",
    what: "in the bank",
    foundOn: { path: "/questions", as: "owner" },
    args: () => form({ questionId: W.qMc }),
    expect: ownerOnly,
    effect: { probe: bank, marker: () => `${questions.mc.title} (copy)` },
  },
  {
    action: "lib/actions/questions.ts#duplicateQuestionAction",
    what: "an item of the owner's quiz",
    foundOn: { path: `/quizzes/${W.quizToEdit}`, as: "owner" },
    args: () => form({ questionId: W.qShort, quizId: W.quizToEdit, itemId: W.editItem2 }),
    expect: ownerOnly,
    effect: { probe: quizPage(W.quizToEdit), marker: () => `${questions.short.title} (copy)` },
  },
  {
    action: "lib/actions/questions.ts#duplicateQuestionAction",
    what: "another instructor's item through the owner's quiz",
    foundOn: { path: `/quizzes/${W.quizToEdit}`, as: "owner" },
    args: () => form({ questionId: W.otherQuestion, quizId: W.quizToEdit, itemId: W.otherItem }),
    expect: ["login", "403", "403", "403", "403", "404"],
    effect: { probe: quizPage(W.quizToEdit) },
  },
  {
    action: "lib/actions/questions.ts#deleteQuestionAction",
    foundOn: { path: "/questions", as: "owner" },
    args: () => form({ questionId: W.qToDelete }),
    expect: ownerOnly,
    effect: { probe: bank },
    allowed: redirectsTo(/^\/questions\?deleted=1$/),
  },

  // Grading.
  {
    action: "lib/actions/grading.ts#gradeResponseAction",
    what: "the essay in the student's submitted attempt",
    foundOn: { path: `/attempts/${W.attempt}/grade`, as: "owner" },
    // Rubric scores for the instructor's form, and points for the form anyone else would be shown: valid either way.
    args: (role) =>
      form({ attemptId: W.attempt, questionKey: W.essayKey, mode: "rubric", ...Object.fromEntries(essayRubric.map((c) => [`rubric.${c.id}`, String(c.maxPoints)])), points: "5", comment: `Graded by ${role}` }),
    expect: ownerOnly,
    effect: { probe: gradesCsv },
  },
  {
    action: "lib/actions/grading.ts#regradeAction",
    what: "the class's quiz (its multiple-choice key was corrected)",
    foundOn: { path: `/classes/${W.class}/gradebook`, as: "owner" },
    args: () => form({ quizAssignmentId: W.qa }),
    expect: ownerOnly,
    effect: { probe: gradesCsv },
  },

  // The student's side.
  {
    action: "lib/actions/progress.ts#setSectionDoneAction",
    what: "in the class's reading",
    foundOn: { path: `/assignments/${W.assignment}`, as: "student" },
    args: () => form({ assignmentId: W.assignment, section: FIRST_SECTION, done: "true" }),
    expect: enrolledStudents,
    effect: { probe: classPage(W.class) },
  },
  {
    action: "lib/actions/attempts.ts#startAttemptAction",
    what: "the class's quiz",
    foundOn: { path: `/quiz-assignments/${W.qa}`, as: "student" },
    args: () => plainForm({ quizAssignmentId: W.qa }),
    expect: enrolledStudents,
    refusalRedirect: new RegExp(`^/quiz-assignments/${W.qa}\\?start=failed$`),
    // The student resumes the attempt they have open; the classmate starts their first.
    effect: { probe: gradesCsv, allowedWithoutChange: ["student"] },
    allowed: (r, role) => redirectsTo(role === "student" ? new RegExp(`^/attempts/${W.attemptOpen}$`) : /^\/attempts\/[\w-]+$/)(r, role),
  },
  {
    action: "lib/actions/attempts.ts#submitAttemptAction",
    what: "the student's attempt in progress",
    foundOn: { path: `/attempts/${W.attemptToSubmit}`, as: "student" },
    args: () => ({ raw: [W.attemptToSubmit] }),
    expect: theStudentOnly,
    effect: { probe: gradesCsv },
    allowed: redirectsTo(new RegExp(`^/attempts/${W.attemptToSubmit}/review$`)),
  },
];
