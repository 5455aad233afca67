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
 *   "409"   allowed to ask, but not now: the owner changing an archived (read-only) class; code "conflict"
 *   "410"   a one-time link that was used already; code "gone"
 *
 * Every object named here belongs to the world in world.ts: the owner's class, quiz, attempts...
 */
import {
  CHANGED_PASSWORD,
  essayRubric,
  FIRST_SECTION,
  LINK_PASSWORD,
  linkHolders,
  questions,
  READING_SLUG,
  removable,
  roles,
  shortAnswerQuestion,
  users,
  W,
  WORLD_PASSWORD,
  type Role,
  type SignedInRole,
} from "./world.ts";
import { visibleText, type ActionResult, type Fields } from "./harness.ts";
import { uniqueEmail } from "../fixtures.ts";

export type Outcome = "ok" | "login" | "403" | "404" | "409" | "410";
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
/** Open to everyone, and found by nobody. */
const nowhere: Expect = ["404", "404", "404", "404", "404", "404"];
/** The owner is refused too, for the archived class's sake (read-only until restored). */
const ownerConflict: Expect = ["login", "403", "403", "403", "403", "409"];
/** Another class's student asked for through the owner's class: the owner learns only that they are not in it. */
const ownerNotFound: Expect = ["login", "403", "403", "403", "403", "404"];

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

/** The owner's views that show what a request changed. */
const classPage = (id: string): Effect["probe"] => ({ as: "owner", path: `/classes/${id}` });
const quizPage = (id: string): Effect["probe"] => ({ as: "owner", path: `/quizzes/${id}` });
const bank: Effect["probe"] = { as: "owner", path: "/questions" };
const gradesCsv: Effect["probe"] = { as: "owner", path: `/classes/${W.class}/gradebook/grades.csv` };
/** The owner's whole picture of the discussion (the export the discussion page links to). */
const discussionExport: Effect["probe"] = { as: "owner", path: `/api/assignments/${W.assignment}/discussion/export?format=json` };
const live = `/live/${W.liveSession}`;
const discussionApi = `/api/assignments/${W.assignment}/discussion`;
/** Only a classmate of the post's author: helpful marks are for students, on someone else's post. */
const classmateOnly: Expect = ["login", "403", "403", "ok", "403", "403"];
/** The class's students, and its instructor (sent on to their own view). */
const classMembersByCode: Expect = ["login", "403", "ok", "ok", "403", "ok"];

// ---------------------------------------------------------------- routes

export interface RouteRow {
  /** The route as app/ spells it, route groups left out: "/classes/[classId]". */
  route: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  kind: "page" | "handler";
  /** The address asked for. */
  path: string;
  /** Which object, when the route has parameters. */
  what?: string;
  expect: Expect;
  /** "ok" means this redirect rather than a 200 (per role, when roles are sent on to different places). */
  okRedirect?: RegExp | ((role: Role) => RegExp | undefined);
  /** "ok" means this status rather than a 200 (201 for a route handler that creates). */
  okStatus?: 201;
  /** The body sent, as JSON or as a form (per role, so each leaves its own mark). */
  json?: (role: Role) => unknown;
  form?: (role: Role) => Record<string, string>;
  /** A CSV body (text/csv), as the roster import sends one. */
  csv?: (role: Role) => string;
  /** A route handler whose refusals are a small HTML page (the one-time link) rather than JSON. */
  htmlRefusals?: true;
  effect?: Effect;
  /** Anything else an allowed response must satisfy. */
  check?: (res: { status: number; body: string; headers: Record<string, string> }, role: Role) => void;
}

export const routeRows: RouteRow[] = [
  // Public: the reading, the home page, signing in.
  { route: "/", method: "GET", kind: "page", path: "/", expect: everyone },
  { route: "/login", method: "GET", kind: "page", path: "/login", expect: everyone },
  { route: "/signup", method: "GET", kind: "page", path: "/signup", expect: everyone },
  { route: "/[...missing]", method: "GET", kind: "page", path: "/az-no-such-page", what: "an address no route has", expect: nowhere },
  {
    route: "/join/[code]",
    method: "GET",
    kind: "page",
    path: `/join/${W.joinClassCode}`,
    what: "a join link: whoever holds the code sees the class's name and confirms (signed out: signs up or in first)",
    expect: everyone,
    check: (res) => expectText(res, W.joinClassName),
  },
  { route: "/join/[code]", method: "GET", kind: "page", path: "/join/ZZZZZZZZ", what: "a join code no class has", expect: everyone, check: (res) => expectText(res, "This join link doesn’t work") },

  // One-time links: the token is the credential, whoever opens it; opening one changes nothing.
  {
    route: "/link/[token]",
    method: "GET",
    kind: "handler",
    path: `/link/${linkHolders.page.token}`,
    what: "a usable link: its token moves into a cookie for /set-password",
    expect: everyone,
    okRedirect: /^\/set-password$/,
    htmlRefusals: true,
    check: (res) => expectHeader(res, "set-cookie", new RegExp(`^dossier-link=${linkHolders.page.token}; Path=/set-password;.*HttpOnly`)),
  },
  { route: "/link/[token]", method: "GET", kind: "handler", path: `/link/${linkHolders.used.token}`, what: "a link used already", expect: ["410", "410", "410", "410", "410", "410"], htmlRefusals: true },
  { route: "/link/[token]", method: "GET", kind: "handler", path: `/link/${"n".repeat(43)}`, what: "a link nobody made", expect: nowhere, htmlRefusals: true },
  // Without the link's cookie the page only says to open the link again (actions.spec sets passwords with it).
  { route: "/set-password", method: "GET", kind: "page", path: "/set-password", what: "without a link", expect: everyone, check: (res) => expectText(res, "Open your link again") },
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
  // Each sees their own account, and nobody else's.
  { route: "/account", method: "GET", kind: "page", path: "/account", expect: signedIn, check: (res, role) => expectText(res, users[role as SignedInRole].email) },
  {
    route: "/classes/archived",
    method: "GET",
    kind: "page",
    path: "/classes/archived",
    what: "each visitor's own archived classes",
    expect: signedIn,
    // Listed for its owner and its student; leaksTo keeps it from everyone else.
    check: (res, role) => {
      if (role === "owner" || role === "student") expectText(res, W.archivedClassName);
    },
  },

  // The owner's class and what hangs off it.
  { route: "/classes/[classId]", method: "GET", kind: "page", path: `/classes/${W.class}`, what: "the owner's class", expect: classMembers },
  { route: "/classes/[classId]", method: "GET", kind: "page", path: "/classes/az-no-such-class", what: "a class that does not exist", expect: missing },
  { route: "/classes/[classId]/gradebook", method: "GET", kind: "page", path: `/classes/${W.class}/gradebook`, what: "the owner's class", expect: ownerOnly },
  { route: "/classes/[classId]/gradebook/grades.csv", method: "GET", kind: "handler", path: `/classes/${W.class}/gradebook/grades.csv`, what: "the owner's class", expect: ownerOnly, check: (res) => expectHeader(res, "content-type", /^text\/csv/) },
  {
    route: "/classes/[classId]/gradebook/grades.csv",
    method: "GET",
    kind: "handler",
    path: `/classes/${W.class}/gradebook/grades.csv?format=eu`,
    what: "the owner's class, decimal commas (?format=eu)",
    expect: ownerOnly,
    check: (res) => {
      expectHeader(res, "content-type", /^text\/csv/);
      if (!res.body.split("\n")[0]!.includes(";")) throw new Error(`not semicolon-separated: ${res.body.split("\n")[0]}`);
    },
  },
  { route: "/classes/[classId]/gradebook/grades.csv", method: "GET", kind: "handler", path: "/classes/az-no-such-class/gradebook/grades.csv", what: "a class that does not exist", expect: missing },
  { route: "/classes/[classId]/roster/import", method: "GET", kind: "page", path: `/classes/${W.class}/roster/import`, what: "the owner's class", expect: ownerOnly },
  { route: "/classes/[classId]/roster/import", method: "GET", kind: "page", path: "/classes/az-no-such-class/roster/import", what: "a class that does not exist", expect: missing },
  {
    route: "/api/classes/[classId]/roster",
    method: "POST",
    kind: "handler",
    path: `/api/classes/${W.rosterClass}/roster?step=import`,
    what: "importing a student into the owner's class",
    expect: ownerOnly,
    csv: (role) => `name,email\nImported by ${role},${uniqueEmail(`authz-import-${role.toLowerCase()}`)}\n`,
    effect: { probe: classPage(W.rosterClass), marker: (role) => `Imported by ${role}` },
    // The new student's one-time link is in the answer, for the owner alone.
    check: (res) => {
      const created = (JSON.parse(res.body) as { result: { created: { link: string }[] } }).result.created;
      if (created.length !== 1 || !/\/link\/[\w-]{43}$/.test(created[0]!.link)) throw new Error(`import answered ${res.body}`);
    },
  },
  {
    route: "/api/classes/[classId]/roster",
    method: "POST",
    kind: "handler",
    path: `/api/classes/${W.archivedClass}/roster?step=preview`,
    what: "a preview for the owner's archived class",
    expect: ownerConflict,
    csv: (role) => `name,email\nPreviewed by ${role},${uniqueEmail(`authz-preview-${role.toLowerCase()}`)}\n`,
  },
  { route: "/api/classes/[classId]/roster", method: "POST", kind: "handler", path: "/api/classes/az-no-such-class/roster?step=preview", what: "a class that does not exist", expect: missing, csv: () => "name,email\nNobody,nobody@authz.dossier.test\n" },
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

  // Live class sessions: the students of the class join from their devices; the owner drives it,
  // shows it on the projector and reads every answer afterwards.
  {
    route: "/live/[sessionId]",
    method: "GET",
    kind: "page",
    path: live,
    what: "the running session of the owner's class (its instructor is sent to the controls)",
    expect: classMembers,
    okRedirect: (role) => (role === "owner" ? new RegExp(`^${live}/control$`) : undefined),
  },
  { route: "/live/[sessionId]", method: "GET", kind: "page", path: "/live/az-no-such-session", what: "a session that does not exist", expect: missing },
  { route: "/live/[sessionId]/control", method: "GET", kind: "page", path: `${live}/control`, what: "the running session of the owner's class", expect: ownerOnly },
  { route: "/live/[sessionId]/control", method: "GET", kind: "page", path: "/live/az-no-such-session/control", what: "a session that does not exist", expect: missing },
  { route: "/live/[sessionId]/projector", method: "GET", kind: "page", path: `${live}/projector`, what: "the running session of the owner's class (results are the instructor's to reveal)", expect: ownerOnly },
  { route: "/live/[sessionId]/responses", method: "GET", kind: "page", path: `${live}/responses`, what: "every student's answers in the owner's session", expect: ownerOnly },
  { route: "/live/[sessionId]/responses.csv", method: "GET", kind: "handler", path: `${live}/responses.csv`, what: "every student's answers in the owner's session", expect: ownerOnly, check: (res) => expectHeader(res, "content-type", /^text\/csv/) },
  { route: "/live/[sessionId]/responses.csv", method: "GET", kind: "handler", path: "/live/az-no-such-session/responses.csv", what: "a session that does not exist", expect: missing },
  { route: "/live/join", method: "GET", kind: "page", path: "/live/join", expect: signedIn },
  // The projector's QR code: whoever may be in the session is sent to it (the instructor on to the controls).
  { route: "/live/join/[code]", method: "GET", kind: "page", path: `/live/join/${W.liveCode}`, what: "the code of the owner's running session", expect: classMembersByCode, okRedirect: new RegExp(`^${live}$`) },
  { route: "/live/join/[code]", method: "GET", kind: "page", path: "/live/join/ZZZZZZ", what: "a code no session has", expect: missing },
  {
    route: "/api/live/[sessionId]/state",
    method: "GET",
    kind: "handler",
    path: `/api/live/${W.liveSession}/state?view=student`,
    what: "a student's view of the owner's session",
    expect: enrolledStudents,
    check: (res) => {
      if ((JSON.parse(res.body) as { moment?: { id?: string } }).moment?.id !== W.liveAsk) throw new Error(`not on the open question: ${res.body}`);
    },
  },
  { route: "/api/live/[sessionId]/state", method: "GET", kind: "handler", path: `/api/live/${W.liveSession}/state?view=control`, what: "the controls of the owner's session", expect: ownerOnly },
  { route: "/api/live/[sessionId]/state", method: "GET", kind: "handler", path: "/api/live/az-no-such-session/state", what: "a session that does not exist", expect: missing },
  // ?poll=1&wait=0: the JSON long poll, answered at once, so the request ends.
  { route: "/api/live/[sessionId]/events", method: "GET", kind: "handler", path: `/api/live/${W.liveSession}/events?view=student&poll=1&wait=0`, what: "the students' channel of the owner's session", expect: enrolledStudents },
  { route: "/api/live/[sessionId]/events", method: "GET", kind: "handler", path: `/api/live/${W.liveSession}/events?view=control&poll=1&wait=0`, what: "the staff channel of the owner's session (answer counts)", expect: ownerOnly },
  { route: "/api/live/[sessionId]/events", method: "GET", kind: "handler", path: "/api/live/az-no-such-session/events?poll=1&wait=0", what: "a session that does not exist", expect: missing },
  {
    route: "/api/live/[sessionId]/control",
    method: "POST",
    kind: "handler",
    path: `/api/live/${W.liveSession}/control`,
    what: "adding a moment to the owner's session's plan",
    expect: ownerOnly,
    json: (role) => ({ action: "add", moment: { kind: "focus", anchor: "p-12", prompt: `Added by ${role}` }, go: false }),
    effect: { probe: { as: "owner", path: `${live}/control` }, marker: (role) => `Added by ${role}` },
  },
  { route: "/api/live/[sessionId]/control", method: "POST", kind: "handler", path: "/api/live/az-no-such-session/control", what: "a session that does not exist", expect: missing, json: () => ({ action: "end" }) },
  {
    route: "/api/live/[sessionId]/moments/[momentId]/response",
    method: "PUT",
    kind: "handler",
    path: `/api/live/${W.liveSession}/moments/${W.liveAsk}/response`,
    what: "an answer to the open question of the owner's session",
    expect: enrolledStudents,
    json: (role) => ({ response: { text: `Answered by ${role}` } }),
    effect: { probe: { as: "owner", path: `${live}/responses` }, marker: (role) => `Answered by ${role}` },
  },
  { route: "/api/live/[sessionId]/moments/[momentId]/response", method: "PUT", kind: "handler", path: `/api/live/${W.liveSession}/moments/az-no-such-moment/response`, what: "a moment the owner's session does not have", expect: ["login", "403", "404", "404", "403", "404"], json: () => ({ response: { text: "Nowhere" } }) },

  // Discussion on the reading: the class reads and posts; authors edit and delete their own posts;
  // the owner moderates, sets it up, and sees (and exports) the whole of it.
  { route: "/assignments/[assignmentId]/discussion", method: "GET", kind: "page", path: `/assignments/${W.assignment}/discussion`, what: "what the owner's class said", expect: ownerOnly },
  { route: "/assignments/[assignmentId]/discussion", method: "GET", kind: "page", path: "/assignments/az-no-such-assignment/discussion", what: "an assignment that does not exist", expect: missing },
  {
    route: "/api/assignments/[assignmentId]/discussion",
    method: "GET",
    kind: "handler",
    path: discussionApi,
    what: "the class's discussion",
    expect: classMembers,
    check: (res) => {
      if (!res.body.includes("Authz: the student's post")) throw new Error(`the student's post is not in ${res.body.slice(0, 200)}`);
    },
  },
  { route: "/api/assignments/[assignmentId]/discussion", method: "GET", kind: "handler", path: "/api/assignments/az-no-such-assignment/discussion", what: "an assignment that does not exist", expect: missing },
  {
    route: "/api/assignments/[assignmentId]/discussion",
    method: "POST",
    kind: "handler",
    path: discussionApi,
    what: "a new thread on the class's reading",
    expect: classMembers,
    okStatus: 201,
    json: (role) => ({ kind: "comment", body: `Posted by ${role}`, paragraph: "p-12" }),
    effect: { probe: discussionExport, marker: (role) => `Posted by ${role}` },
  },
  { route: "/api/assignments/[assignmentId]/discussion/events", method: "GET", kind: "handler", path: `${discussionApi}/events?poll=1&wait=0`, what: "the class's discussion", expect: classMembers },
  { route: "/api/assignments/[assignmentId]/discussion/export", method: "GET", kind: "handler", path: `${discussionApi}/export?format=csv`, what: "every post, with real names", expect: ownerOnly, check: (res) => expectHeader(res, "content-type", /^text\/csv/) },
  {
    route: "/api/assignments/[assignmentId]/discussion/posts/[postId]",
    method: "PATCH",
    kind: "handler",
    path: `${discussionApi}/posts/${W.postToEdit}`,
    what: "the student's post (the instructor hides, never rewrites)",
    expect: theStudentOnly,
    json: (role) => ({ body: `Edited by ${role}` }),
    effect: { probe: discussionExport, marker: (role) => `Edited by ${role}` },
  },
  {
    route: "/api/assignments/[assignmentId]/discussion/posts/[postId]",
    method: "DELETE",
    kind: "handler",
    path: `${discussionApi}/posts/${W.postToDelete}`,
    what: "the student's post (once deleted, still nobody else's to delete)",
    expect: theStudentOnly,
    effect: { probe: discussionExport },
  },
  { route: "/api/assignments/[assignmentId]/discussion/posts/[postId]", method: "DELETE", kind: "handler", path: `${discussionApi}/posts/az-no-such-post`, what: "a post that does not exist", expect: ["login", "403", "404", "404", "403", "404"] },
  {
    route: "/api/assignments/[assignmentId]/discussion/posts/[postId]/helpful",
    method: "PUT",
    kind: "handler",
    path: `${discussionApi}/posts/${W.post}/helpful`,
    what: "marking the student's post",
    expect: classmateOnly,
    json: () => ({ helpful: true }),
    effect: { probe: discussionExport },
  },
  {
    route: "/api/assignments/[assignmentId]/discussion/posts/[postId]/moderation",
    method: "POST",
    kind: "handler",
    path: `${discussionApi}/posts/${W.post}/moderation`,
    what: "pinning the student's post",
    expect: ownerOnly,
    json: () => ({ pinned: true }),
    effect: { probe: discussionExport },
  },
  {
    route: "/api/assignments/[assignmentId]/discussion/settings",
    method: "PUT",
    kind: "handler",
    path: `${discussionApi}/settings`,
    what: "making the class's discussion anonymous",
    expect: ownerOnly,
    json: () => ({ visibility: "class", anonymous: true }),
    effect: { probe: discussionExport },
  },
  {
    route: "/api/assignments/[assignmentId]/discussion/prompts",
    method: "POST",
    kind: "handler",
    path: `${discussionApi}/prompts`,
    what: "a prompt on the class's reading",
    expect: ownerOnly,
    okStatus: 201,
    json: (role) => ({ paragraph: "p-12", body: `Prompt by ${role}` }),
    effect: { probe: discussionExport, marker: (role) => `Prompt by ${role}` },
  },
  {
    route: "/api/assignments/[assignmentId]/discussion/prompts/[promptId]",
    method: "DELETE",
    kind: "handler",
    path: `${discussionApi}/prompts/${W.promptToDelete}`,
    what: "the owner's prompt",
    expect: ownerOnly,
    effect: { probe: discussionExport },
  },
  { route: "/api/assignments/[assignmentId]/discussion/prompts/[promptId]", method: "DELETE", kind: "handler", path: `${discussionApi}/prompts/az-no-such-prompt`, what: "a prompt that does not exist", expect: ownerNotFound },
  {
    route: "/api/assignments/[assignmentId]/discussion/groups",
    method: "POST",
    kind: "handler",
    path: `${discussionApi}/groups`,
    what: "random groups for the class's discussion",
    expect: ownerOnly,
    json: () => ({ size: 2 }),
    effect: { probe: discussionExport },
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
  { route: "/quiz-assignments/[quizAssignmentId]/grade", method: "GET", kind: "page", path: `/quiz-assignments/${W.qa}/grade`, what: "the class's quiz", expect: ownerOnly },
  { route: "/quiz-assignments/[quizAssignmentId]/grade", method: "GET", kind: "page", path: "/quiz-assignments/az-no-such-qa/grade", what: "a quiz assignment that does not exist", expect: missing },
  { route: "/quiz-assignments/[quizAssignmentId]/grade/[questionId]", method: "GET", kind: "page", path: `/quiz-assignments/${W.qa}/grade/${W.qEssay}`, what: "every answer to the class's essay", expect: ownerOnly },
  {
    route: "/quiz-assignments/[quizAssignmentId]/grade/[questionId]",
    method: "GET",
    kind: "page",
    path: `/quiz-assignments/${W.qa}/grade/${W.otherQuestion}`,
    what: "another instructor's question through the class's quiz",
    expect: ownerNotFound,
  },
  { route: "/quiz-assignments/[quizAssignmentId]/analysis", method: "GET", kind: "page", path: `/quiz-assignments/${W.qa}/analysis`, what: "the class's quiz", expect: ownerOnly },
  { route: "/quiz-assignments/[quizAssignmentId]/analysis/evidence/[questionId]", method: "GET", kind: "page", path: `/quiz-assignments/${W.qa}/analysis/evidence/${W.qEvidence}`, what: "the class's evidence question", expect: ownerOnly },
  { route: "/attempts/[attemptId]", method: "GET", kind: "page", path: `/attempts/${W.attemptOpen}`, what: "the student's attempt in progress", expect: theStudentOnly },
  { route: "/attempts/[attemptId]", method: "GET", kind: "page", path: `/attempts/${W.attempt}`, what: "the student's submitted attempt", expect: theStudentOnly, okRedirect: new RegExp(`^/attempts/${W.attempt}/review$`) },
  { route: "/attempts/[attemptId]", method: "GET", kind: "page", path: "/attempts/az-no-such-attempt", what: "an attempt that does not exist", expect: missing },
  // Removed from the class, the student keeps the attempt but can't go on with it (canWorkInAttempt).
  { route: "/attempts/[attemptId]", method: "GET", kind: "page", path: `/attempts/${W.leftAttempt}`, what: "the student's attempt in progress in a class they were removed from", expect: nobody },
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
  {
    route: "/api/attempts/[attemptId]/answers/[questionKey]",
    method: "PUT",
    kind: "handler",
    path: `/api/attempts/${W.leftAttempt}/answers/${W.leftKey}`,
    what: "the student's attempt in a class they were removed from",
    expect: nobody,
    json: (role) => ({ response: { text: `Written by ${role}` } }),
    // The owner's grading page shows an attempt in progress with its answers.
    effect: { probe: { as: "owner", path: `/attempts/${W.leftAttempt}/grade` }, marker: (role) => `Written by ${role}` },
  },
];

function expectHeader(res: { headers: Record<string, string> }, name: string, value: RegExp) {
  if (!value.test(res.headers[name] ?? "")) throw new Error(`${name}: ${res.headers[name]} does not match ${value}`);
}

function expectText(res: { body: string }, text: string) {
  if (!visibleText(res.body).includes(text)) throw new Error(`the page does not say "${text}"`);
}

// ---------------------------------------------------------------- server actions

export interface ActionRow {
  /** "<file>#<export>", as lib/actions and Next's manifest name it. */
  action: string;
  what?: string;
  /** The page that renders the form (or calls the action) for its rightful user; the POST goes there too. `linkToken`: opened with that one-time link's cookie. */
  foundOn: { path: string; as: Role; linkToken?: string };
  /** The call carries this one-time link's cookie (the set-password form's credential). */
  linkToken?: (role: Role) => string;
  /** The action's arguments, as its form or caller passes them: realistic and valid, so only authorization can stop them. */
  args: (role: Role) => ActionArgs;
  expect: Expect;
  effect?: Effect;
  /** An action that refuses by redirecting (rather than returning a code) says so with this redirect. */
  refusalRedirect?: RegExp;
  /** An allowed call redirects here, even if that is the sign-in page (signing out everywhere). */
  okRedirect?: RegExp;
  /**
   * Allowed calls end the caller's sessions (signing out, changing the password). The matrix checks
   * that the caller's ended and nobody else's, then signs the caller in again: with `password` when
   * the call changed it, after which `undo` (made the same way) changes it back.
   */
  sessions?: { password?: string; undo?: (role: Role) => ActionArgs };
  /** More that an allowed call must satisfy. */
  allowed?: (result: ActionResult, role: Role) => void;
}

/** (prevState, formData), as useActionState calls an action; or the plain argument list. */
export type ActionArgs = { form: Fields; prevState?: boolean } | { raw: unknown[] };
const form = (fields: Fields): ActionArgs => ({ form: fields, prevState: true });
/** A form whose action takes only the FormData (no useActionState). */
const plainForm = (fields: Fields): ActionArgs => ({ form: fields, prevState: false });


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
  { action: "lib/actions/auth.ts#signOutAction", foundOn: { path: "/dashboard", as: "owner" }, args: () => ({ raw: [new FormData()] }), expect: everyone, allowed: redirectsTo(/^\/$/), sessions: {} },

  // One's own account: the session says whose, no form field does.
  {
    action: "lib/actions/account.ts#changePasswordAction",
    foundOn: { path: "/account", as: "owner" },
    args: () => form({ currentPassword: WORLD_PASSWORD, newPassword: CHANGED_PASSWORD }),
    expect: signedIn,
    allowed: redirectsTo(/^\/account\?changed=\d+$/),
    sessions: { password: CHANGED_PASSWORD, undo: () => form({ currentPassword: CHANGED_PASSWORD, newPassword: WORLD_PASSWORD }) },
  },
  {
    action: "lib/actions/account.ts#signOutEverywhereAction",
    foundOn: { path: "/account", as: "owner" },
    args: () => ({ raw: [new FormData()] }),
    expect: signedIn,
    okRedirect: /^\/login\?reason=signed-out-everywhere$/,
    sessions: {},
  },

  {
    action: "lib/actions/account.ts#rememberTimeZoneAction",
    what: "the browser's time zone, onto the caller's own account",
    foundOn: { path: "/dashboard", as: "owner" },
    // The zone the app shows anyway, so no later page reads differently.
    args: () => ({ raw: ["UTC"] }),
    expect: signedIn,
  },

  // A one-time link sets its student's password, whoever holds it (signed in or not): the token is the credential.
  {
    action: "lib/actions/sign-in-links.ts#setPasswordWithLinkAction",
    what: "with a usable link (each visitor its own)",
    foundOn: { path: "/set-password", as: "anonymous", linkToken: linkHolders.page.token },
    linkToken: (role) => linkHolders[role].token,
    args: () => form({ password: LINK_PASSWORD }),
    expect: everyone,
    allowed: redirectsTo(/^\/dashboard\?password=set$/),
  },
  {
    action: "lib/actions/sign-in-links.ts#setPasswordWithLinkAction",
    what: "with a link used already",
    foundOn: { path: "/set-password", as: "anonymous", linkToken: linkHolders.page.token },
    linkToken: () => linkHolders.used.token,
    args: () => form({ password: LINK_PASSWORD }),
    expect: ["410", "410", "410", "410", "410", "410"],
  },
  {
    action: "lib/actions/sign-in-links.ts#setPasswordWithLinkAction",
    what: "without a link (a session is no credential here)",
    foundOn: { path: "/set-password", as: "anonymous", linkToken: linkHolders.page.token },
    args: () => form({ password: LINK_PASSWORD }),
    expect: ["login", "login", "login", "login", "login", "login"],
  },

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
  {
    action: "lib/actions/classes.ts#renameClassAction",
    what: "the owner's class",
    foundOn: { path: `/classes/${W.codeClass}`, as: "owner" },
    args: (role) => form({ classId: W.codeClass, name: `Authz: renamed by ${role}` }),
    expect: ownerOnly,
    effect: { probe: classPage(W.codeClass), marker: (role) => `Authz: renamed by ${role}` },
  },
  {
    action: "lib/actions/classes.ts#setClassTimeZoneAction",
    what: "of the owner's class",
    foundOn: { path: `/classes/${W.codeClass}`, as: "owner" },
    args: () => form({ classId: W.codeClass, timeZone: "Asia/Tokyo" }),
    expect: ownerOnly,
    effect: { probe: classPage(W.codeClass) },
  },
  {
    action: "lib/actions/classes.ts#renameClassAction",
    what: "the owner's archived class",
    foundOn: { path: `/classes/${W.codeClass}`, as: "owner" },
    args: (role) => form({ classId: W.archivedClass, name: `Authz: renamed by ${role}` }),
    expect: ownerConflict,
    effect: { probe: classPage(W.archivedClass) },
  },
  {
    action: "lib/actions/classes.ts#assignReadingAction",
    what: "to the owner's archived class",
    foundOn: { path: `/classes/${W.class}`, as: "owner" },
    args: () => form({ classId: W.archivedClass, readingSlug: READING_SLUG, dueDate: "2031-07-15" }),
    expect: ownerConflict,
    effect: { probe: classPage(W.archivedClass) },
  },
  {
    action: "lib/actions/classes.ts#setClassArchivedAction",
    what: "archiving the owner's class",
    foundOn: { path: `/classes/${W.codeClass}`, as: "owner" },
    args: () => form({ classId: W.archiveClass, archive: "1" }),
    expect: ownerOnly,
    effect: { probe: classPage(W.archiveClass) },
  },
  {
    action: "lib/actions/classes.ts#setClassArchivedAction",
    what: "restoring the owner's archived class",
    foundOn: { path: `/classes/${W.codeClass}`, as: "owner" },
    args: () => form({ classId: W.restoreClass, archive: "0" }),
    expect: ownerOnly,
    effect: { probe: classPage(W.restoreClass) },
  },
  {
    action: "lib/actions/classes.ts#removeStudentAction",
    what: "a student of the owner's class",
    foundOn: { path: `/classes/${W.class}`, as: "owner" },
    args: () => form({ classId: W.rosterClass, studentId: removable.id }),
    expect: ownerOnly,
    effect: { probe: classPage(W.rosterClass) },
  },
  {
    action: "lib/actions/classes.ts#removeStudentAction",
    what: "another class's student through the owner's class",
    foundOn: { path: `/classes/${W.class}`, as: "owner" },
    args: () => form({ classId: W.rosterClass, studentId: users.otherStudent.id }),
    expect: ownerNotFound,
    effect: { probe: { as: "otherInstructor", path: `/classes/${W.otherClass}` } },
  },
  {
    action: "lib/actions/classes.ts#issueResetLinkAction",
    what: "for the student of the owner's class",
    foundOn: { path: `/classes/${W.class}`, as: "owner" },
    args: () => form({ classId: W.class, studentId: users.student.id }),
    expect: ownerOnly,
    // Nothing on a page shows a link; the link itself, for the owner alone, is the evidence.
    allowed: (r, role) => {
      const link = (r.value as { link?: { url?: string; studentName?: string } } | undefined)?.link;
      if (!link?.url || !/\/link\/[\w-]{43}$/.test(link.url) || link.studentName !== users.student.name) throw new Error(`${role} got ${JSON.stringify(r.value)}`);
    },
  },
  {
    action: "lib/actions/classes.ts#issueResetLinkAction",
    what: "for another class's student through the owner's class",
    foundOn: { path: `/classes/${W.class}`, as: "owner" },
    args: () => form({ classId: W.class, studentId: users.otherStudent.id }),
    expect: ownerNotFound,
  },

  // Live class sessions.
  {
    action: "lib/actions/live.ts#startLiveSessionAction",
    what: "on an assignment of the owner's class",
    foundOn: { path: `/classes/${W.codeClass}`, as: "owner" },
    args: () => form({ assignmentId: W.liveStartAssignment }),
    expect: ownerOnly,
    allowed: redirectsTo(/^\/live\/[\w-]+\/control$/),
    effect: { probe: classPage(W.codeClass) },
  },
  {
    action: "lib/actions/live.ts#joinLiveByCodeAction",
    what: "with the code of the owner's running session",
    foundOn: { path: "/live/join", as: "student" },
    args: () => form({ code: W.liveCode }),
    expect: classMembersByCode,
    allowed: redirectsTo(new RegExp(`^/live/${W.liveSession}$`)),
  },
  {
    action: "lib/actions/live.ts#joinLiveByCodeAction",
    what: "with a code no session has",
    foundOn: { path: "/live/join", as: "student" },
    args: () => form({ code: "ZZZZZZ" }),
    expect: missing,
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
  {
    action: "lib/actions/attempts.ts#submitAttemptAction",
    what: "the student's attempt in a class they were removed from",
    foundOn: { path: `/attempts/${W.attemptOpen}`, as: "student" },
    args: () => ({ raw: [W.leftAttempt] }),
    expect: nobody,
    effect: { probe: { as: "owner", path: `/attempts/${W.leftAttempt}/grade` } },
  },
];
