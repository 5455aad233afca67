import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canControlLiveSession, canJoinLiveSession, canSeeLiveResponses, canStartLiveSession, isStudent, type Viewer } from "@/lib/authz/policy";
import { questionTypeIds, type QuestionTypeId } from "@/lib/question-types/ids";
import { answerGroupFor, answerLabelsFor, playerView, QuestionDataError, responseFromView, responseToView } from "@/lib/question-types/registry";
import { analyseQuestions, type AnalysedAnswer } from "@/lib/quiz/analysis";
import { toCsv } from "@/lib/quiz/csv";
import { apply, canAnswer, hasQuestion, momentKinds, momentStatuses, takesAnswers, validTarget, type Command, type MachineMoment, type MomentKind, type MomentStatus } from "@/lib/live/machine";
import { liveChannel, liveStaffChannel, publish, type LiveEventType } from "@/lib/live/events";
import { LIVE_CODE_ALPHABET, LIVE_CODE_LENGTH, livePostSchema, liveAnswerBodySchema, type NewMoment } from "@/lib/validation/live";
import { latestEventId } from "@/lib/realtime";
import { isUniqueViolation } from "./prisma-errors";
import { validateQuestion } from "./quizzes";

/**
 * Live class sessions: the instructor drives a plan of moments, the projector shows, students
 * answer. The rules are lib/live/machine.ts (pure); this module loads the facts, checks the
 * policy, writes the changes in one transaction and publishes what changed on the session's
 * channels in that same transaction (lib/realtime), so a view never sees an event for a change
 * that did not commit, and a view that reconnects catches up from the event table.
 */

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

// ---------------------------------------------------------------- shapes

const questionSnapshotSchema = z.object({
  type: z.enum(questionTypeIds),
  title: z.string(),
  prompt: z.string(),
  format: z.string(),
  anchors: z.array(z.string()),
  config: z.unknown(),
  /** Per moment, secret: the view ids every student's device gets are derived from it. */
  seed: z.string(),
});
type QuestionSnapshot = z.infer<typeof questionSnapshotSchema>;

export interface LiveParagraph {
  anchor: string;
  text: string;
  sectionTitle: string;
  /** The context notes beside the passage (title and one-line summary). */
  notes: { title: string; summary: string }[];
}

/** A moment as every view may see it: no answer key, no names. */
export interface PublicMoment {
  id: string;
  position: number;
  kind: MomentKind;
  status: MomentStatus;
  round: number;
  anchor: string | null;
  prompt: string;
  targetMomentId: string | null;
  /** ask and vote-again: the question as students' devices show it; reveal: its target's question (view only). */
  question: { type: QuestionTypeId; title: string; prompt: string; anchors: string[]; view: unknown } | null;
  /** focus (and a discussion or question anchored to a paragraph): the passage. */
  paragraph: LiveParagraph | null;
}

export interface LiveSessionSummary {
  id: string;
  code: string;
  status: "running" | "ended";
  className: string;
  classId: string;
  assignmentId: string;
  readingTitle: string;
  readingSlug: string;
  startedAt: Date;
  endedAt: Date | null;
}

export interface MomentEvent {
  session: { status: "running" | "ended"; currentMomentId: string | null };
  moment: PublicMoment | null;
}

// ---------------------------------------------------------------- loading and checks

const sessionSelect = (viewerId: string) =>
  ({
    id: true,
    code: true,
    status: true,
    currentMomentId: true,
    startedAt: true,
    endedAt: true,
    classId: true,
    assignmentId: true,
    class: { select: { name: true, instructorId: true, archivedAt: true, enrolments: { where: { userId: viewerId }, select: { userId: true } } } },
    assignment: { select: { reading: { select: { id: true, slug: true, title: true } } } },
  }) as const;

async function loadSession(viewer: Viewer, sessionId: string, client: Tx | typeof db = db) {
  const s = await client.liveSession.findUnique({ where: { id: sessionId }, select: sessionSelect(viewer.id) });
  if (!s) throw new AppError("not_found", "There is no such live session.");
  return { s, enrolled: s.class.enrolments.length > 0 };
}

const summary = (s: Awaited<ReturnType<typeof loadSession>>["s"]): LiveSessionSummary => ({
  id: s.id,
  code: s.code,
  status: s.status === "ended" ? "ended" : "running",
  className: s.class.name,
  classId: s.classId,
  assignmentId: s.assignmentId,
  readingTitle: s.assignment.reading.title,
  readingSlug: s.assignment.reading.slug,
  startedAt: s.startedAt,
  endedAt: s.endedAt,
});

function requireControl(viewer: Viewer, s: { class: { instructorId: string; archivedAt: Date | null } }) {
  if (!canControlLiveSession(viewer, s.class)) throw new AppError("forbidden", "Only the class's instructor runs this live session.");
}

const momentSelect = {
  id: true,
  position: true,
  kind: true,
  anchor: true,
  question: true,
  prompt: true,
  targetMomentId: true,
  status: true,
  round: true,
  shownResponseId: true,
  openedAt: true,
  closedAt: true,
} as const;
type MomentRow = { id: string; position: number; kind: string; anchor: string | null; question: string | null; prompt: string; targetMomentId: string | null; status: string; round: number; shownResponseId: string | null; openedAt: Date | null; closedAt: Date | null };

const kindOf = (k: string): MomentKind => z.enum(momentKinds).parse(k);
const statusOf = (s: string): MomentStatus => z.enum(momentStatuses).parse(s);
const toMachine = (m: MomentRow): MachineMoment => ({ id: m.id, kind: kindOf(m.kind), status: statusOf(m.status), position: m.position, round: m.round, targetMomentId: m.targetMomentId });

function snapshotOf(m: { question: string | null }): QuestionSnapshot | null {
  return m.question === null ? null : questionSnapshotSchema.parse(JSON.parse(m.question));
}

/** The question a moment shows: its own (ask, vote-again) or its target's (reveal). */
function questionMomentFor(m: MomentRow, all: readonly MomentRow[]): MomentRow | null {
  if (hasQuestion(kindOf(m.kind))) return m;
  if (m.kind === "reveal" && m.targetMomentId) return all.find((t) => t.id === m.targetMomentId) ?? null;
  return null;
}

async function paragraphFor(client: Tx | typeof db, readingId: string, anchor: string | null): Promise<LiveParagraph | null> {
  if (!anchor) return null;
  const p = await client.paragraph.findUnique({
    where: { readingId_anchor: { readingId, anchor } },
    select: { anchor: true, text: true, section: { select: { title: true } }, notes: { select: { note: { select: { kind: true, title: true, summary: true, position: true } } } } },
  });
  if (!p) return null;
  const notes = p.notes
    .map((n) => n.note)
    .sort((a, b) => (a.kind === "context" ? 0 : 1) - (b.kind === "context" ? 0 : 1) || a.position - b.position)
    .slice(0, 2)
    .map(({ title, summary }) => ({ title, summary }));
  return { anchor: p.anchor, text: p.text, sectionTitle: p.section.title, notes };
}

async function publicMoment(client: Tx | typeof db, readingId: string, m: MomentRow | null, all: readonly MomentRow[]): Promise<PublicMoment | null> {
  if (!m) return null;
  const qm = questionMomentFor(m, all);
  const snap = qm ? snapshotOf(qm) : null;
  const anchor = m.anchor ?? (qm && qm !== m ? qm.anchor : null);
  return {
    id: m.id,
    position: m.position,
    kind: kindOf(m.kind),
    status: statusOf(m.status),
    round: m.round,
    anchor,
    prompt: m.prompt,
    targetMomentId: m.targetMomentId,
    question: snap ? { type: snap.type, title: snap.title, prompt: snap.prompt, anchors: snap.anchors, view: playerView(snap.type, snap.config, { seed: snap.seed, shuffle: true }) } : null,
    paragraph: await paragraphFor(client, readingId, anchor),
  };
}

async function publishLive(tx: Tx, sessionId: string, type: LiveEventType, payload: unknown, audience: "all" | "staff") {
  if (audience === "all") await publish(tx, liveChannel(sessionId), type, payload);
  await publish(tx, liveStaffChannel(sessionId), type, payload);
}

/** The "moment" event: the whole public moment, so 300 devices need no request to show it. Publish last in a transaction (lib/realtime). */
async function publishMoment(tx: Tx, sessionId: string, readingId: string) {
  const s = await tx.liveSession.findUniqueOrThrow({ where: { id: sessionId }, select: { status: true, currentMomentId: true, moments: { select: momentSelect } } });
  const current = s.moments.find((m) => m.id === s.currentMomentId) ?? null;
  const event: MomentEvent = { session: { status: s.status === "ended" ? "ended" : "running", currentMomentId: s.currentMomentId }, moment: await publicMoment(tx, readingId, current, s.moments) };
  await publishLive(tx, sessionId, "moment", event, "all");
}

// ---------------------------------------------------------------- starting and finding sessions

function newCode(): string {
  return Array.from({ length: LIVE_CODE_LENGTH }, () => LIVE_CODE_ALPHABET[randomInt(LIVE_CODE_ALPHABET.length)]).join("");
}

/** Starts a live session on an assignment of the instructor's class; one already running on it is returned instead. */
export async function startLiveSession(viewer: Viewer, assignmentId: string): Promise<{ id: string; resumed: boolean }> {
  const a = await db.assignment.findUnique({ where: { id: assignmentId }, select: { id: true, classId: true, class: { select: { instructorId: true, archivedAt: true } } } });
  if (!a) throw new AppError("not_found", "There is no such assignment.");
  if (!canStartLiveSession(viewer, a.class)) throw new AppError("forbidden", a.class.archivedAt ? "This class is archived: restore it to run a live session." : "Only the class's instructor starts a live session.");
  const running = await db.liveSession.findFirst({ where: { assignmentId, status: "running" }, select: { id: true } });
  if (running) return { id: running.id, resumed: true };
  for (let i = 0; ; i++) {
    try {
      const s = await db.liveSession.create({ data: { classId: a.classId, assignmentId, instructorId: viewer.id, code: newCode() }, select: { id: true } });
      return { id: s.id, resumed: false };
    } catch (e) {
      if (!isUniqueViolation(e) || i >= 5) throw e;
    }
  }
}

/** The session a code on the projector names, for joining from another device. */
export async function findLiveSessionByCode(viewer: Viewer, code: string): Promise<{ id: string }> {
  const s = await db.liveSession.findUnique({ where: { code }, select: { id: true } });
  if (!s) throw new AppError("not_found", "No live session has that code. Check it against the screen.");
  await getLiveSession(viewer, s.id);
  return s;
}

/** A session as its page needs it; 403 for anyone who neither runs it nor is in its class. */
export async function getLiveSession(viewer: Viewer, sessionId: string): Promise<LiveSessionSummary & { role: "instructor" | "student" }> {
  const { s, enrolled } = await loadSession(viewer, sessionId);
  if (canControlLiveSession(viewer, s.class)) return { ...summary(s), role: "instructor" };
  if (canJoinLiveSession(viewer, enrolled)) return { ...summary(s), role: "student" };
  throw new AppError("forbidden", "This live session is for another class.");
}

/** Running sessions in the student's classes (for "Join the live session"). */
export async function listRunningSessionsForStudent(viewer: Viewer, assignmentId?: string): Promise<{ id: string; className: string; readingTitle: string; assignmentId: string }[]> {
  if (!isStudent(viewer)) return [];
  const rows = await db.liveSession.findMany({
    where: { status: "running", ...(assignmentId ? { assignmentId } : {}), class: { archivedAt: null, enrolments: { some: { userId: viewer.id } } } },
    orderBy: { startedAt: "desc" },
    select: { id: true, assignmentId: true, class: { select: { name: true } }, assignment: { select: { reading: { select: { title: true } } } } },
  });
  return rows.map((r) => ({ id: r.id, className: r.class.name, readingTitle: r.assignment.reading.title, assignmentId: r.assignmentId }));
}

/** The class's sessions, newest first, for its instructor's class page. */
export async function listClassLiveSessions(viewer: Viewer, classId: string): Promise<{ id: string; assignmentId: string; status: string; startedAt: Date; endedAt: Date | null; readingTitle: string; moments: number }[]> {
  const cls = await db.class.findUnique({ where: { id: classId }, select: { instructorId: true, archivedAt: true } });
  if (!cls) throw new AppError("not_found", "There is no such class.");
  if (!canSeeLiveResponses(viewer, cls)) throw new AppError("forbidden", "Only the class's instructor sees its live sessions.");
  const rows = await db.liveSession.findMany({
    where: { classId },
    orderBy: { startedAt: "desc" },
    select: { id: true, assignmentId: true, status: true, startedAt: true, endedAt: true, assignment: { select: { reading: { select: { title: true } } } }, _count: { select: { moments: true } } },
  });
  return rows.map((r) => ({ id: r.id, assignmentId: r.assignmentId, status: r.status, startedAt: r.startedAt, endedAt: r.endedAt, readingTitle: r.assignment.reading.title, moments: r._count.moments }));
}

// ---------------------------------------------------------------- the instructor's controls

async function snapshotFromBank(tx: Tx, viewer: Viewer, questionId: string): Promise<{ snap: QuestionSnapshot; anchors: string[] }> {
  const q = await tx.question.findUnique({ where: { id: questionId }, select: { ownerId: true, type: true, title: true, prompt: true, format: true, anchors: true, config: true } });
  if (!q || q.ownerId !== viewer.id) throw new AppError("not_found", "That question is not in your bank.");
  const anchors = z.array(z.string()).parse(JSON.parse(q.anchors));
  return { snap: { type: z.enum(questionTypeIds).parse(q.type), title: q.title, prompt: q.prompt, format: q.format, anchors, config: JSON.parse(q.config) as unknown, seed: randomBytes(8).toString("hex") }, anchors };
}

async function addMomentTx(tx: Tx, viewer: Viewer, sessionId: string, input: NewMoment): Promise<string> {
  const moments = await tx.liveMoment.findMany({ where: { sessionId }, select: momentSelect });
  const position = moments.reduce((max, m) => Math.max(max, m.position), 0) + 1;
  const data: { kind: MomentKind; anchor?: string | null; prompt?: string; question?: string; questionId?: string; targetMomentId?: string } = { kind: input.kind };
  switch (input.kind) {
    case "focus":
      data.anchor = input.anchor;
      data.prompt = input.prompt;
      break;
    case "discuss":
      data.prompt = input.prompt;
      data.anchor = input.anchor ?? null;
      break;
    case "ask": {
      if (input.questionId) {
        const { snap } = await snapshotFromBank(tx, viewer, input.questionId);
        data.question = JSON.stringify(snap);
        data.questionId = input.questionId;
      } else {
        // Written on the spot: the bank's own validation (each type's schema), not saved to the bank.
        const authored = validateQuestion(input.question);
        const snap: QuestionSnapshot = { type: authored.type, title: authored.title, prompt: authored.prompt, format: authored.format, anchors: authored.anchors, config: authored.config, seed: randomBytes(8).toString("hex") };
        data.question = JSON.stringify(snap);
      }
      data.anchor = input.anchor ?? null;
      break;
    }
    case "reveal":
    case "vote-again": {
      const target = moments.find((m) => m.id === input.targetMomentId);
      const problem = validTarget(input.kind, target ? toMachine(target) : undefined);
      if (problem) throw new AppError("invalid", target ? problem : "That question is not part of this session.");
      data.targetMomentId = target!.id;
      // The same question with the same seed: the same view ids, so answers compare round to round.
      if (input.kind === "vote-again") data.question = target!.question!;
      break;
    }
  }
  const created = await tx.liveMoment.create({ data: { sessionId, position, ...data }, select: { id: true } });
  return created.id;
}

export interface ControlOutcome {
  /** The moment added, for "add". */
  momentId?: string;
}

/** Runs one of the instructor's controls (lib/validation/live.ts liveControlSchema). */
export async function controlLiveSession(
  viewer: Viewer,
  sessionId: string,
  command: { action: "go"; momentId: string } | { action: "close"; momentId: string } | { action: "end" } | { action: "add"; moment: NewMoment; go: boolean } | { action: "show"; momentId: string; responseId: string | null },
  now = new Date(),
): Promise<ControlOutcome> {
  return db.$transaction(async (tx) => {
    const { s } = await loadSession(viewer, sessionId, tx);
    requireControl(viewer, s);
    const readingId = s.assignment.reading.id;
    if (s.status === "ended") throw new AppError("conflict", "This live session has ended.");
    const outcome: ControlOutcome = {};

    if (command.action === "show") {
      const moment = await tx.liveMoment.findFirst({ where: { id: command.momentId, sessionId }, select: { id: true, kind: true, targetMomentId: true } });
      if (!moment) throw new AppError("not_found", "That moment is not part of this session.");
      if (command.responseId) {
        const answersOf = moment.kind === "reveal" ? moment.targetMomentId : moment.id;
        const r = await tx.liveResponse.findFirst({ where: { id: command.responseId, momentId: answersOf ?? "" }, select: { id: true } });
        if (!r) throw new AppError("not_found", "That answer is not part of this moment.");
      }
      await tx.liveMoment.update({ where: { id: moment.id }, data: { shownResponseId: command.responseId } });
      // Only the instructor's views show it; students' devices have nothing to change.
      await publishLive(tx, sessionId, "plan", { momentId: moment.id }, "staff");
      return outcome;
    }

    let machineCommand: Command;
    if (command.action === "add") {
      outcome.momentId = await addMomentTx(tx, viewer, sessionId, command.moment);
      if (!command.go) {
        await publishLive(tx, sessionId, "plan", { momentId: outcome.momentId }, "staff");
        return outcome;
      }
      machineCommand = { type: "go", momentId: outcome.momentId };
    } else if (command.action === "end") {
      machineCommand = { type: "end" };
    } else {
      machineCommand = { type: command.action, momentId: command.momentId };
    }

    const moments = await tx.liveMoment.findMany({ where: { sessionId }, select: momentSelect });
    const result = apply({ status: "running", currentMomentId: s.currentMomentId, moments: moments.map(toMachine) }, machineCommand);
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    for (const change of result.value.moments) {
      await tx.liveMoment.update({
        where: { id: change.id },
        data: {
          ...(change.status ? { status: change.status } : {}),
          ...(change.round !== undefined ? { round: change.round } : {}),
          ...(change.opened ? { openedAt: now } : {}),
          ...(change.closed ? { closedAt: now } : {}),
        },
      });
    }
    const sessionChange = result.value.session;
    if (sessionChange.currentMomentId !== undefined || sessionChange.status) {
      await tx.liveSession.update({
        where: { id: sessionId },
        data: {
          ...(sessionChange.currentMomentId !== undefined ? { currentMomentId: sessionChange.currentMomentId } : {}),
          ...(sessionChange.status === "ended" ? { status: "ended", endedAt: now } : {}),
        },
      });
    }
    await publishMoment(tx, sessionId, readingId);
    return outcome;
  });
}

// ---------------------------------------------------------------- results

export interface MomentResults {
  momentId: string;
  kind: MomentKind;
  type: QuestionTypeId | null;
  round: number;
  answered: number;
  /** Choices (every option, in the order students see them) or grouped typed answers, most given first. */
  bars: AnalysedAnswer[];
  /** Evidence: how many students cited each paragraph. */
  paragraphs: { anchor: string; count: number }[];
  /** A vote-again (or a reveal of one): the first round's bars and how answers moved. */
  before: { bars: AnalysedAnswer[]; answered: number; changed: number; moves: { from: string; to: string; count: number }[] } | null;
  /** Discussion posts, oldest first, without names. */
  posts: { id: string; text: string }[];
  /** The answer or post the instructor shows, without its author. */
  shown: { id: string; text: string } | null;
}

interface ResponseRow {
  id: string;
  userId: string;
  response: string;
  updatedAt: Date;
}

const labelText = (labels: string[]) => (labels.length ? labels.join("; ") : "—");

function barsFor(snap: QuestionSnapshot, rows: readonly ResponseRow[]): { bars: AnalysedAnswer[]; labelsByUser: Map<string, string[]> } {
  const labelsByUser = new Map(rows.map((r) => [r.userId, answerLabelsFor(snap.type, snap.config, JSON.parse(r.response))]));
  const group = answerGroupFor(snap.type, snap.config);
  const [analysis] = analyseQuestions(["q"], [...labelsByUser.values()].map((answerLabels) => ({ total: 0, questions: { q: { fraction: null, answerLabels } } })), { groupOf: (_k, l) => group(l) });
  let bars = analysis?.answers ?? [];
  // Choices: every option, in the order students see them, those nobody chose at 0.
  const view = playerView(snap.type, snap.config, { seed: snap.seed, shuffle: true }) as { options?: { text: string }[] };
  const options = snap.type === "true-false" ? ["True", "False"] : Array.isArray(view.options) && snap.type !== "evidence" ? view.options.map((o) => o.text) : null;
  if (options) {
    const counts = new Map(bars.map((b) => [b.label, b.count]));
    bars = options.map((label) => ({ label, count: counts.get(label) ?? 0 }));
  }
  return { bars, labelsByUser };
}

async function resultsFor(client: Tx | typeof db, moment: MomentRow, all: readonly MomentRow[]): Promise<MomentResults> {
  const qm = questionMomentFor(moment, all);
  const source = qm ?? moment;
  const rows: ResponseRow[] = await client.liveResponse.findMany({ where: { momentId: source.id, round: source.round }, orderBy: { createdAt: "asc" }, select: { id: true, userId: true, response: true, updatedAt: true } });
  const base: MomentResults = { momentId: moment.id, kind: kindOf(moment.kind), type: null, round: source.round, answered: rows.length, bars: [], paragraphs: [], before: null, posts: [], shown: null };
  const shownId = moment.shownResponseId;
  if (kindOf(source.kind) === "discuss") {
    const posts = rows.map((r) => ({ id: r.id, text: z.object({ text: z.string() }).parse(JSON.parse(r.response)).text }));
    return { ...base, posts, shown: posts.find((p) => p.id === shownId) ?? null };
  }
  const snap = snapshotOf(source);
  if (!snap) return base;
  const { bars, labelsByUser } = barsFor(snap, rows);
  const paragraphs = new Map<string, number>();
  if (snap.type === "evidence") {
    for (const r of rows) {
      const anchors = (JSON.parse(r.response) as { anchors?: unknown }).anchors;
      if (Array.isArray(anchors)) for (const a of new Set(anchors.filter((x): x is string => typeof x === "string"))) paragraphs.set(a, (paragraphs.get(a) ?? 0) + 1);
    }
  }
  let before: MomentResults["before"] = null;
  if (source.kind === "vote-again" && source.targetMomentId) {
    const first = all.find((m) => m.id === source.targetMomentId);
    if (first) {
      const firstRows: ResponseRow[] = await client.liveResponse.findMany({ where: { momentId: first.id, round: first.round }, select: { id: true, userId: true, response: true, updatedAt: true } });
      const earlier = barsFor(snap, firstRows);
      const moves = new Map<string, { from: string; to: string; count: number }>();
      let changed = 0;
      for (const [userId, labels] of labelsByUser) {
        const was = earlier.labelsByUser.get(userId);
        if (!was) continue;
        const from = labelText(was);
        const to = labelText(labels);
        if (from !== to) changed++;
        const key = `${from}\u0000${to}`;
        moves.set(key, { from, to, count: (moves.get(key)?.count ?? 0) + 1 });
      }
      before = { bars: earlier.bars, answered: firstRows.length, changed, moves: [...moves.values()].sort((a, b) => b.count - a.count) };
    }
  }
  const shownRow = rows.find((r) => r.id === shownId);
  return {
    ...base,
    type: snap.type,
    bars,
    paragraphs: [...paragraphs].map(([anchor, count]) => ({ anchor, count })),
    before,
    shown: shownRow ? { id: shownRow.id, text: labelText(labelsByUser.get(shownRow.userId) ?? []) } : null,
  };
}

// ---------------------------------------------------------------- the views' state

export interface StudentState {
  session: LiveSessionSummary;
  moment: PublicMoment | null;
  /** This student's latest answer to the current moment's round, in the view ids their device shows. */
  myResponse: unknown;
  /** Their first-round answer, when the current moment is a vote-again (to show what they said). */
  myEarlierResponse: unknown;
}

/** What a student's device shows: the current moment and their own answer to it. */
export async function getStudentState(viewer: Viewer, sessionId: string): Promise<StudentState> {
  const { s, enrolled } = await loadSession(viewer, sessionId);
  if (!canJoinLiveSession(viewer, enrolled)) throw new AppError("forbidden", "This live session is for another class.");
  const moments = await db.liveMoment.findMany({ where: { sessionId }, select: momentSelect });
  const current = moments.find((m) => m.id === s.currentMomentId) ?? null;
  const moment = await publicMoment(db, s.assignment.reading.id, current, moments);
  let myResponse: unknown = null;
  let myEarlierResponse: unknown = null;
  if (current && takesAnswers(kindOf(current.kind))) {
    const mine = await db.liveResponse.findUnique({ where: { momentId_userId_round: { momentId: current.id, userId: viewer.id, round: current.round } }, select: { response: true } });
    myResponse = mine ? studentView(current, mine.response) : null;
    if (current.kind === "vote-again" && current.targetMomentId) {
      const first = moments.find((m) => m.id === current.targetMomentId);
      const earlier = first ? await db.liveResponse.findUnique({ where: { momentId_userId_round: { momentId: first.id, userId: viewer.id, round: first.round } }, select: { response: true } }) : null;
      myEarlierResponse = earlier && first ? studentView(first, earlier.response) : null;
    }
  }
  return { session: summary(s), moment, myResponse, myEarlierResponse };
}

function studentView(moment: MomentRow, stored: string): unknown {
  const parsed = JSON.parse(stored) as unknown;
  const snap = snapshotOf(moment);
  return snap ? responseToView(snap.type, snap.config, parsed, snap.seed) : parsed;
}

export interface PlanMoment {
  id: string;
  position: number;
  kind: MomentKind;
  status: MomentStatus;
  round: number;
  anchor: string | null;
  prompt: string;
  title: string;
  questionType: QuestionTypeId | null;
  targetMomentId: string | null;
  answered: number;
}

export interface ControlState {
  session: LiveSessionSummary;
  enrolled: number;
  plan: PlanMoment[];
  current: PublicMoment | null;
  results: MomentResults | null;
  /** Answers to the current question, without names, to show one on the projector. */
  answers: { id: string; text: string }[];
}

function titleOf(m: MomentRow, all: readonly MomentRow[]): string {
  const qm = questionMomentFor(m, all);
  const snap = qm ? snapshotOf(qm) : null;
  if (m.kind === "focus") return `¶ ${m.anchor?.replace(/^p-/, "") ?? "?"}${m.prompt ? `: ${m.prompt}` : ""}`;
  if (m.kind === "discuss") return m.prompt;
  return snap?.title ?? "";
}

async function staffLoad(viewer: Viewer, sessionId: string) {
  const { s } = await loadSession(viewer, sessionId);
  if (!canSeeLiveResponses(viewer, s.class)) throw new AppError("forbidden", "Only the class's instructor sees this live session's controls and results.");
  const moments = await db.liveMoment.findMany({ where: { sessionId }, orderBy: { position: "asc" }, select: momentSelect });
  const current = moments.find((m) => m.id === s.currentMomentId) ?? null;
  return { s, moments, current };
}

/** The control view: the plan with its answer counts, the current moment and its results. */
export async function getControlState(viewer: Viewer, sessionId: string): Promise<ControlState> {
  const { s, moments, current } = await staffLoad(viewer, sessionId);
  const counts = await db.liveResponse.groupBy({ by: ["momentId", "round"], where: { moment: { sessionId } }, _count: { _all: true } });
  const countOf = (m: MomentRow) => counts.find((c) => c.momentId === m.id && c.round === m.round)?._count._all ?? 0;
  const enrolled = await db.enrolment.count({ where: { classId: s.classId, user: { role: "student" } } });
  const results = current ? await resultsFor(db, current, moments) : null;
  let answers: ControlState["answers"] = [];
  const qm = current ? questionMomentFor(current, moments) : null;
  const snap = qm ? snapshotOf(qm) : null;
  if (qm && snap) {
    const rows = await db.liveResponse.findMany({ where: { momentId: qm.id, round: qm.round }, orderBy: { createdAt: "asc" }, take: 200, select: { id: true, response: true } });
    answers = rows.map((r) => ({ id: r.id, text: labelText(answerLabelsFor(snap.type, snap.config, JSON.parse(r.response))) }));
  } else if (current?.kind === "discuss" && results) {
    answers = results.posts;
  }
  return {
    session: summary(s),
    enrolled,
    plan: moments.map((m) => {
      const qmm = questionMomentFor(m, moments);
      return {
        id: m.id,
        position: m.position,
        kind: kindOf(m.kind),
        status: statusOf(m.status),
        round: m.round,
        anchor: m.anchor,
        prompt: m.prompt,
        title: titleOf(m, moments),
        questionType: qmm ? (snapshotOf(qmm)?.type ?? null) : null,
        targetMomentId: m.targetMomentId,
        answered: takesAnswers(kindOf(m.kind)) ? countOf(m) : 0,
      };
    }),
    current: await publicMoment(db, s.assignment.reading.id, current, moments),
    results,
    answers,
  };
}

export interface ProjectorState {
  session: LiveSessionSummary;
  enrolled: number;
  moment: PublicMoment | null;
  results: MomentResults | null;
  /** Every paragraph anchor of the reading in order, for the evidence heat strip. */
  anchors: string[];
}

/** The projector: the current moment and, where there is one, its results; never a name or a control. */
export async function getProjectorState(viewer: Viewer, sessionId: string): Promise<ProjectorState> {
  const { s, moments, current } = await staffLoad(viewer, sessionId);
  const enrolled = await db.enrolment.count({ where: { classId: s.classId, user: { role: "student" } } });
  const moment = await publicMoment(db, s.assignment.reading.id, current, moments);
  const results = current ? await resultsFor(db, current, moments) : null;
  const anchors = moment?.question?.type === "evidence" ? (await db.paragraph.findMany({ where: { readingId: s.assignment.reading.id, kind: { not: "gap" } }, orderBy: { position: "asc" }, select: { anchor: true } })).map((p) => p.anchor) : [];
  return { session: summary(s), enrolled, moment, results, anchors };
}

// ---------------------------------------------------------------- answering

/**
 * A student's answer (or post) to an open moment, replacing their earlier one in the same round:
 * the latest counts until the moment closes. 403 for anyone not in the class, 409 once the
 * moment closed or the session ended, 400 for an answer that is not one to this question.
 */
export async function saveLiveResponse(viewer: Viewer, sessionId: string, momentId: string, body: unknown, now = new Date()): Promise<{ savedAt: Date; round: number }> {
  const parsedBody = liveAnswerBodySchema.safeParse(body);
  if (!parsedBody.success) throw new AppError("invalid", "Send the answer as {\"response\": …}.");
  // Checks and parsing before the transaction, in one read: 300 answers arrive within a second of a
  // question going out, and on SQLite every write transaction waits for the one before it.
  const moment = await db.liveMoment.findFirst({ where: { id: momentId, sessionId }, select: { ...momentSelect, session: { select: { status: true, classId: true } } } });
  if (!moment) {
    // 403 for a session of another class rather than telling its moments apart.
    await getLiveSession(viewer, sessionId);
    throw new AppError("not_found", "That moment is not part of this session.");
  }
  const enrolment = await db.enrolment.findUnique({ where: { userId_classId: { userId: viewer.id, classId: moment.session.classId } }, select: { userId: true } });
  if (!canJoinLiveSession(viewer, enrolment !== null)) throw new AppError("forbidden", "Only students of this class answer in this live session.");
  const check = (m: { status: string; kind: string }, session: { status: string }) => {
    const allowed = canAnswer({ status: session.status === "ended" ? "ended" : "running" }, { kind: kindOf(m.kind), status: statusOf(m.status) });
    if (!allowed.ok) throw new AppError(allowed.error.code, allowed.error.message);
  };
  check(moment, moment.session);

  let stored: unknown;
  if (moment.kind === "discuss") {
    const post = livePostSchema.safeParse(parsedBody.data.response);
    if (!post.success) throw new AppError("invalid", post.error.issues[0]?.message ?? "Send the post as {\"text\": …}.");
    stored = { text: post.data.text };
  } else {
    const snap = snapshotOf(moment)!;
    try {
      stored = responseFromView(snap.type, snap.config, parsedBody.data.response, snap.seed);
    } catch (e) {
      if (e instanceof QuestionDataError) throw new AppError("invalid", e.message);
      throw e;
    }
  }
  const response = JSON.stringify(stored);
  return db.$transaction(async (tx) => {
    // Again inside the transaction: a close that committed since the read above wins (409).
    // Ending a session closes its open moments in the same transaction, so an open moment is enough.
    const now_ = await tx.liveMoment.findUniqueOrThrow({ where: { id: momentId }, select: { status: true, kind: true, round: true } });
    check(now_, { status: "running" });
    const round = now_.round;
    const where = { momentId_userId_round: { momentId, userId: viewer.id, round } };
    await tx.liveResponse.upsert({ where, create: { momentId, userId: viewer.id, round, response, updatedAt: now }, update: { response, updatedAt: now } });
    await publishLive(tx, sessionId, "responses", { momentId, round }, "staff");
    return { savedAt: now, round };
  });
}

// ---------------------------------------------------------------- after the session

export interface SessionResponses {
  session: LiveSessionSummary;
  moments: { id: string; position: number; kind: MomentKind; title: string; round: number }[];
  students: { id: string; name: string; email: string; answers: Record<string, string> }[];
}

/** Every student's answers per moment, for the instructor after (or during) the session. */
export async function getSessionResponses(viewer: Viewer, sessionId: string): Promise<SessionResponses> {
  const { s, moments } = await staffLoad(viewer, sessionId);
  const answering = moments.filter((m) => takesAnswers(kindOf(m.kind)));
  const rows = await db.liveResponse.findMany({ where: { momentId: { in: answering.map((m) => m.id) } }, select: { momentId: true, userId: true, round: true, response: true } });
  const enrolled = await db.enrolment.findMany({ where: { classId: s.classId, user: { role: "student" } }, select: { user: { select: { id: true, name: true, email: true } } } });
  const people = new Map(enrolled.map((e) => [e.user.id, e.user]));
  const missing = [...new Set(rows.map((r) => r.userId))].filter((id) => !people.has(id));
  if (missing.length) for (const u of await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true, email: true } })) people.set(u.id, u);
  const byMoment = new Map(answering.map((m) => [m.id, m]));
  const students = [...people.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((u) => {
      const answers: Record<string, string> = {};
      for (const r of rows) {
        if (r.userId !== u.id) continue;
        const m = byMoment.get(r.momentId)!;
        if (r.round !== m.round) continue;
        const snap = snapshotOf(m);
        answers[m.id] = snap ? labelText(answerLabelsFor(snap.type, snap.config, JSON.parse(r.response))) : z.object({ text: z.string() }).parse(JSON.parse(r.response)).text;
      }
      return { id: u.id, name: u.name, email: u.email, answers };
    });
  return {
    session: summary(s),
    moments: answering.map((m) => ({ id: m.id, position: m.position, kind: kindOf(m.kind), title: titleOf(m, moments), round: m.round })),
    students,
  };
}

export async function exportSessionCsv(viewer: Viewer, sessionId: string): Promise<{ filename: string; csv: string }> {
  const r = await getSessionResponses(viewer, sessionId);
  const header = ["student", "email", ...r.moments.map((m) => `${m.position}. ${m.kind}${m.round > 1 ? ` (round ${m.round})` : ""}: ${m.title}`)];
  const rows = r.students.map((st) => [st.name, st.email, ...r.moments.map((m) => st.answers[m.id] ?? "")]);
  const day = r.session.startedAt.toISOString().slice(0, 10);
  return { filename: `live-session-${r.session.className}-${day}.csv`, csv: toCsv([header, ...rows]) };
}

/** A student's own answers in the live sessions of an assignment (for the assignment page). */
export async function listMyLiveAnswers(viewer: Viewer, assignmentId: string): Promise<{ sessionId: string; startedAt: Date; answers: { position: number; kind: MomentKind; title: string; round: number; answer: string }[] }[]> {
  if (!isStudent(viewer)) return [];
  const sessions = await db.liveSession.findMany({
    where: { assignmentId, class: { enrolments: { some: { userId: viewer.id } } } },
    orderBy: { startedAt: "desc" },
    select: { id: true, startedAt: true, moments: { orderBy: { position: "asc" }, select: { ...momentSelect, responses: { where: { userId: viewer.id }, select: { round: true, response: true } } } } },
  });
  return sessions
    .map((s) => ({
      sessionId: s.id,
      startedAt: s.startedAt,
      answers: s.moments.flatMap((m) => {
        const r = m.responses.find((x) => x.round === m.round);
        if (!r) return [];
        const snap = snapshotOf(m);
        const answer = snap ? labelText(answerLabelsFor(snap.type, snap.config, JSON.parse(r.response))) : z.object({ text: z.string() }).parse(JSON.parse(r.response)).text;
        return [{ position: m.position, kind: kindOf(m.kind), title: titleOf(m, s.moments), round: m.round, answer }];
      }),
    }))
    .filter((s) => s.answers.length > 0);
}

/** The bank questions an instructor can ask live (id, title, type). */
export async function listAskableQuestions(viewer: Viewer): Promise<{ id: string; title: string; type: QuestionTypeId }[]> {
  if (viewer.role !== "instructor") return [];
  const rows = await db.question.findMany({ where: { ownerId: viewer.id }, orderBy: { createdAt: "asc" }, select: { id: true, title: true, type: true } });
  return rows.flatMap((r) => {
    const t = z.enum(questionTypeIds).safeParse(r.type);
    return t.success ? [{ id: r.id, title: r.title, type: t.data }] : [];
  });
}

/** The reading's paragraphs, for the student view (focus scrolls to one; evidence cites them). */
export async function getLivePassages(viewer: Viewer, sessionId: string): Promise<{ anchor: string; kind: string; text: string; sectionTitle: string }[]> {
  const { s, enrolled } = await loadSession(viewer, sessionId);
  if (!canJoinLiveSession(viewer, enrolled) && !canControlLiveSession(viewer, s.class)) throw new AppError("forbidden", "This live session is for another class.");
  const rows = await db.paragraph.findMany({
    where: { readingId: s.assignment.reading.id, kind: { not: "gap" } },
    orderBy: { position: "asc" },
    select: { anchor: true, kind: true, text: true, section: { select: { title: true } } },
  });
  return rows.map((r) => ({ anchor: r.anchor, kind: r.kind, text: r.text, sectionTitle: r.section.title }));
}

// ---------------------------------------------------------------- real time

/** The newest event id: a page reads it BEFORE its data, then streams from it (lib/realtime). */
export async function liveEventCursor(): Promise<number> {
  return latestEventId(db);
}

/**
 * The channels a view of this session may listen to: a student of the class the public one
 * (moments, never names or answers), the class's instructor the staff one (moments and answer
 * counts). Anyone else is refused before a stream opens.
 */
export async function liveStreamChannels(viewer: Viewer, sessionId: string, view: "student" | "staff"): Promise<string[]> {
  const { s, enrolled } = await loadSession(viewer, sessionId);
  if (view === "staff") {
    if (!canSeeLiveResponses(viewer, s.class)) throw new AppError("forbidden", "Only the class's instructor follows this session's answers.");
    return [liveStaffChannel(sessionId)];
  }
  if (!canJoinLiveSession(viewer, enrolled)) throw new AppError("forbidden", "This live session is for another class.");
  return [liveChannel(sessionId)];
}
