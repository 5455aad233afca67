/**
 * The rules of a live session, as pure functions over plain facts: which moment the class is on,
 * which moments take answers, what going to a moment, closing one and ending the session change.
 * lib/data/live.ts loads the facts, asks here, and writes the returned changes in one transaction,
 * so every app instance applies the same rules to the same rows (nothing lives in memory).
 *
 *  - focus       a paragraph on every screen. Nothing to answer.
 *  - ask         a question. Opens the first time the class goes to it; the latest answer of each
 *                student counts until it closes.
 *  - vote-again  the same question as an earlier ask, asked again (its next round, peer
 *                instruction). Going to it closes the ask it repeats.
 *  - reveal      an earlier ask's (or vote-again's) results on the projector. Going to it closes
 *                that moment: results are shown once answers are in.
 *  - discuss     a prompt; students post, the projector shows the posts without names.
 *
 * Leaving a moment that takes answers closes it: the class has moved on, and a result shown on
 * the projector must not change under the teacher's feet. Ending the session closes everything.
 */

export const momentKinds = ["focus", "ask", "reveal", "vote-again", "discuss"] as const;
export type MomentKind = (typeof momentKinds)[number];
export const momentStatuses = ["planned", "open", "closed"] as const;
export type MomentStatus = (typeof momentStatuses)[number];
export type SessionStatus = "running" | "ended";

/** Moments whose students send something (an answer or a post). */
export const takesAnswers = (kind: MomentKind): boolean => kind === "ask" || kind === "vote-again" || kind === "discuss";
/** Moments that carry a question. */
export const hasQuestion = (kind: MomentKind): boolean => kind === "ask" || kind === "vote-again";

export interface MachineMoment {
  id: string;
  kind: MomentKind;
  status: MomentStatus;
  position: number;
  round: number;
  targetMomentId: string | null;
}

export interface MachineSession {
  status: SessionStatus;
  currentMomentId: string | null;
  moments: readonly MachineMoment[];
}

export type Command = { type: "go"; momentId: string } | { type: "close"; momentId: string } | { type: "end" };

export interface MomentChange {
  id: string;
  status?: MomentStatus;
  round?: number;
  /** Set with a status change to "open" / "closed". */
  opened?: true;
  closed?: true;
}

export interface Changes {
  session: { currentMomentId?: string | null; status?: SessionStatus };
  moments: MomentChange[];
}

export type MachineError = { code: "conflict" | "invalid" | "not_found"; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: MachineError };

const fail = (code: MachineError["code"], message: string): { ok: false; error: MachineError } => ({ ok: false, error: { code, message } });

export const SESSION_ENDED = "This live session has ended.";
export const MOMENT_CLOSED = "This question has closed: answers are no longer taken.";
export const MOMENT_NOT_OPEN = "This question hasn't been asked yet.";

function find(session: MachineSession, momentId: string): MachineMoment | undefined {
  return session.moments.find((m) => m.id === momentId);
}

/**
 * Whether a moment may target `target` (reveal and vote-again act on an earlier question): a
 * reveal shows an ask or a vote-again; a vote-again repeats an ask.
 */
export function validTarget(kind: MomentKind, target: MachineMoment | undefined): string | null {
  if (kind !== "reveal" && kind !== "vote-again") return target ? "Only a reveal or a vote-again acts on another moment." : null;
  if (!target) return kind === "reveal" ? "Choose the question whose results to reveal." : "Choose the question to ask again.";
  if (kind === "reveal" && !hasQuestion(target.kind)) return "A reveal shows the results of a question.";
  if (kind === "vote-again" && target.kind !== "ask") return "Vote again repeats a question that was asked.";
  return null;
}

/** What a command changes, or why it cannot be done. */
export function apply(session: MachineSession, command: Command): Result<Changes> {
  if (session.status === "ended") return fail("conflict", SESSION_ENDED);
  const changes: Changes = { session: {}, moments: [] };
  const close = (m: MachineMoment | undefined) => {
    if (m && m.status === "open") changes.moments.push({ id: m.id, status: "closed", closed: true });
  };

  if (command.type === "end") {
    for (const m of session.moments) close(m);
    changes.session.status = "ended";
    return { ok: true, value: changes };
  }

  const moment = find(session, command.momentId);
  if (!moment) return fail("not_found", "That moment is not part of this session.");

  if (command.type === "close") {
    if (!takesAnswers(moment.kind)) return fail("invalid", "Only a question or a discussion takes answers to close.");
    if (moment.status === "planned") return fail("conflict", MOMENT_NOT_OPEN);
    close(moment);
    return { ok: true, value: changes };
  }

  // go
  const current = session.currentMomentId ? find(session, session.currentMomentId) : undefined;
  if (current && current.id !== moment.id) close(current);
  const target = moment.targetMomentId ? find(session, moment.targetMomentId) : undefined;
  if (moment.kind === "reveal" || moment.kind === "vote-again") {
    const problem = validTarget(moment.kind, target);
    if (problem) return fail("invalid", problem);
    if (target!.status === "planned") return fail("conflict", "Ask that question before this moment: it has no answers yet.");
    if (target!.id !== current?.id) close(target);
  }
  if (moment.status === "planned") {
    if (takesAnswers(moment.kind)) {
      const round = moment.kind === "vote-again" ? roundAfter(session, target!) : 1;
      changes.moments.push({ id: moment.id, status: "open", opened: true, round });
    } else {
      // Nothing to answer: shown once is done, and the plan says so.
      changes.moments.push({ id: moment.id, status: "closed", opened: true, closed: true });
    }
  }
  changes.session.currentMomentId = moment.id;
  return { ok: true, value: changes };
}

/** The round a new vote-again on `ask` runs: one after the latest round of that question. */
export function roundAfter(session: MachineSession, ask: MachineMoment): number {
  const rounds = session.moments.filter((m) => m.kind === "vote-again" && m.targetMomentId === ask.id && m.status !== "planned").map((m) => m.round);
  return Math.max(ask.round, ...rounds) + 1;
}

/** Whether a student's answer to this moment is taken now. */
export function canAnswer(session: { status: SessionStatus }, moment: { kind: MomentKind; status: MomentStatus }): Result<null> {
  if (session.status === "ended") return fail("conflict", `${SESSION_ENDED} Answers are no longer taken.`);
  if (!takesAnswers(moment.kind)) return fail("invalid", "This moment doesn't take answers.");
  if (moment.status === "planned") return fail("conflict", MOMENT_NOT_OPEN);
  if (moment.status === "closed") return fail("conflict", MOMENT_CLOSED);
  return { ok: true, value: null };
}

/** The moments that can be targeted by a new reveal or vote-again, newest first. */
export function targetsFor(kind: "reveal" | "vote-again", moments: readonly MachineMoment[]): MachineMoment[] {
  return moments.filter((m) => validTarget(kind, m) === null).sort((a, b) => b.position - a.position);
}
