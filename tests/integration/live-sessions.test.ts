// Live class sessions through lib/data against a real database (SQLite or PostgreSQL): the state
// machine as stored, answers (latest counts, closed is 409, malformed is 400), who may do what,
// rejoining, vote-again movement, results without names, and the after-class table and CSV.
import { beforeAll, describe, expect, it } from "vitest";

import type { Viewer } from "@/lib/authz/policy";
import { DEMO_READING } from "@/prisma/demo-accounts";
import { classWith, createUser, expectAppError } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase();

let live: typeof import("@/lib/data/live");
let quizzes: typeof import("@/lib/data/quizzes");
let teacher: Viewer;
let otherTeacher: Viewer;
let ana: Viewer;
let ben: Viewer;
let cem: Viewer;
let outsider: Viewer;
let assignmentId: string;

const mc = {
  type: "multiple-choice",
  title: "Invasion",
  prompt: "What does Andropov say about sending troops into Poland?",
  config: {
    options: [
      { id: "a", text: "It is out of the question", credit: 1 },
      { id: "b", text: "It is planned for the autumn", credit: 0 },
      { id: "c", text: "He does not mention it", credit: 0 },
    ],
  },
};

beforeAll(async () => {
  live = await import("@/lib/data/live");
  quizzes = await import("@/lib/data/quizzes");
  const db = testDb.db();
  teacher = await createUser(db, "instructor", "live-teacher");
  otherTeacher = await createUser(db, "instructor", "live-other");
  ana = await createUser(db, "student", "ana");
  ben = await createUser(db, "student", "ben");
  cem = await createUser(db, "student", "cem");
  outsider = await createUser(db, "student", "outsider");
  const classId = await classWith(db, teacher, "Live class", [ana, ben, cem]);
  await classWith(db, otherTeacher, "Other class", [outsider]);
  const reading = await db.reading.findUniqueOrThrow({ where: { slug: DEMO_READING }, select: { id: true } });
  assignmentId = (await db.assignment.create({ data: { classId, readingId: reading.id }, select: { id: true } })).id;
});

/** The view id a student's device shows for the option with this text. */
async function optionId(who: Viewer, sessionId: string, text: string): Promise<string> {
  const state = await live.getStudentState(who, sessionId);
  const view = state.moment?.question?.view as { options: { id: string; text: string }[] };
  return view.options.find((o) => o.text === text)!.id;
}

describe("results of typed and evidence questions", () => {
  it("groups typed answers as grading matches them and counts the paragraphs cited", async () => {
    const db = testDb.db();
    const q = await db.question.findFirstOrThrow({ where: { type: "evidence", title: { startsWith: "Bierut" } }, select: { config: true, prompt: true } });
    const own = await quizzes.createQuestion(teacher, { type: "evidence", title: "Bierut", prompt: q.prompt, config: JSON.parse(q.config) as unknown });
    const { id: sessionId } = await live.startLiveSession(teacher, assignmentId);
    const askId = (await live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "ask", questionId: own.id }, go: true })).momentId!;
    await live.saveLiveResponse(ana, sessionId, askId, { response: { text: "PPR and PPS", anchors: ["p-111", "p-180"] } });
    await live.saveLiveResponse(ben, sessionId, askId, { response: { text: "ppr and pps", anchors: ["p-111"] } });
    await live.saveLiveResponse(cem, sessionId, askId, { response: { text: "PPS and the Home Army", anchors: ["p-111", "p-12"] } });
    await expectAppError(live.saveLiveResponse(cem, sessionId, askId, { response: { text: "x", anchors: ["paragraph one"] } }), "invalid");
    const revealId = (await live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "reveal", targetMomentId: askId }, go: true })).momentId!;
    const projector = await live.getProjectorState(teacher, sessionId);
    expect(projector.moment?.id).toBe(revealId);
    expect(Object.fromEntries(projector.results!.paragraphs.map((p) => [p.anchor, p.count]))).toEqual({ "p-111": 3, "p-180": 1, "p-12": 1 });
    expect(projector.anchors.length).toBeGreaterThan(100);
    const grouped = projector.results!.bars.find((b) => b.count === 2);
    expect(grouped?.spellings?.map((x) => x.text).sort()).toEqual(["PPR and PPS", "ppr and pps"]);
    await live.controlLiveSession(teacher, sessionId, { action: "end" });
  });
});

describe("a session from start to end", () => {
  let sessionId: string;
  let focusId: string;
  let askId: string;
  let againId: string;
  let revealId: string;
  let discussId: string;

  it("only the class's instructor starts it; starting again returns the running one", async () => {
    await expectAppError(live.startLiveSession(ana, assignmentId), "forbidden");
    await expectAppError(live.startLiveSession(otherTeacher, assignmentId), "forbidden");
    const started = await live.startLiveSession(teacher, assignmentId);
    expect(started.resumed).toBe(false);
    sessionId = started.id;
    expect(await live.startLiveSession(teacher, assignmentId)).toEqual({ id: sessionId, resumed: true });
    expect((await live.listRunningSessionsForStudent(ana)).map((s) => s.id)).toContain(sessionId);
    expect(await live.listRunningSessionsForStudent(outsider)).toEqual([]);
  });

  it("a student of another class cannot join or answer (403), by id or by code", async () => {
    await expectAppError(live.getStudentState(outsider, sessionId), "forbidden");
    await expectAppError(live.getLiveSession(outsider, sessionId), "forbidden");
    const { code } = await live.getLiveSession(teacher, sessionId);
    await expectAppError(live.findLiveSessionByCode(outsider, code), "forbidden");
    expect(await live.findLiveSessionByCode(ana, code)).toEqual({ id: sessionId });
  });

  it("a student calling the instructor's controls gets 403, and another instructor too", async () => {
    await expectAppError(live.controlLiveSession(ana, sessionId, { action: "end" }), "forbidden");
    await expectAppError(live.controlLiveSession(otherTeacher, sessionId, { action: "add", moment: { kind: "focus", anchor: "p-12", prompt: "" }, go: true }), "forbidden");
    await expectAppError(live.getControlState(ana, sessionId), "forbidden");
    await expectAppError(live.getProjectorState(ana, sessionId), "forbidden");
  });

  it("a focus puts the passage and its note on every device", async () => {
    focusId = (await live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "focus", anchor: "p-12", prompt: "Who is speaking?" }, go: true })).momentId!;
    const state = await live.getStudentState(ana, sessionId);
    expect(state.moment).toMatchObject({ id: focusId, kind: "focus", anchor: "p-12" });
    expect(state.moment?.paragraph?.text.length).toBeGreaterThan(10);
  });

  it("an ask from the bank opens; the key never reaches the student", async () => {
    const q = await quizzes.createQuestion(teacher, mc);
    askId = (await live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "ask", questionId: q.id }, go: true })).momentId!;
    const state = await live.getStudentState(ana, sessionId);
    expect(state.moment).toMatchObject({ id: askId, kind: "ask", status: "open", round: 1 });
    const json = JSON.stringify(state);
    expect(json).not.toContain("credit");
    expect(json).not.toContain('"a"');
    // The focus closed when the class moved on.
    const control = await live.getControlState(teacher, sessionId);
    expect(control.plan.find((m) => m.id === focusId)?.status).toBe("closed");
  });

  it("answering twice keeps the latest; malformed and foreign answers are 400", async () => {
    const wrong = await optionId(ana, sessionId, "It is planned for the autumn");
    const right = await optionId(ana, sessionId, "It is out of the question");
    await live.saveLiveResponse(ana, sessionId, askId, { response: { optionId: wrong } });
    await live.saveLiveResponse(ana, sessionId, askId, { response: { optionId: right } });
    await live.saveLiveResponse(ben, sessionId, askId, { response: { optionId: wrong } });
    await live.saveLiveResponse(cem, sessionId, askId, { response: { optionId: wrong } });
    expect((await live.getStudentState(ana, sessionId)).myResponse).toEqual({ optionId: right });
    await expectAppError(live.saveLiveResponse(ana, sessionId, askId, { response: { optionId: "a" } }), "invalid");
    await expectAppError(live.saveLiveResponse(ana, sessionId, askId, { response: { text: 3 } }), "invalid");
    await expectAppError(live.saveLiveResponse(ana, sessionId, askId, { nothing: true }), "invalid");
    await expectAppError(live.saveLiveResponse(ana, sessionId, askId, "not an object"), "invalid");
    await expectAppError(live.saveLiveResponse(outsider, sessionId, askId, { response: { optionId: right } }), "forbidden");
    await expectAppError(live.saveLiveResponse(teacher, sessionId, askId, { response: { optionId: right } }), "forbidden");
    const control = await live.getControlState(teacher, sessionId);
    expect(control.plan.find((m) => m.id === askId)?.answered).toBe(3);
    expect(control.results?.bars).toEqual([
      expect.objectContaining({ count: expect.any(Number) }),
      expect.objectContaining({ count: expect.any(Number) }),
      expect.objectContaining({ count: expect.any(Number) }),
    ]);
    const counts = Object.fromEntries(control.results!.bars.map((b) => [b.label, b.count]));
    expect(counts).toEqual({ "It is out of the question": 1, "It is planned for the autumn": 2, "He does not mention it": 0 });
    // No names anywhere in what the projector gets.
    const projector = JSON.stringify(await live.getProjectorState(teacher, sessionId));
    for (const who of [ana, ben, cem]) {
      expect(projector).not.toContain(who.name);
      expect(projector).not.toContain(who.id);
    }
  });

  it("closing is a 409 for late answers, with a clear message", async () => {
    await live.controlLiveSession(teacher, sessionId, { action: "close", momentId: askId });
    const e = await expectAppError(live.saveLiveResponse(ben, sessionId, askId, { response: { optionId: await optionId(ben, sessionId, "It is out of the question") } }), "conflict");
    expect(e.message).toMatch(/closed/);
  });

  it("vote-again opens round 2 with the same options, and the reveal shows how answers moved", async () => {
    againId = (await live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "vote-again", targetMomentId: askId }, go: true })).momentId!;
    const state = await live.getStudentState(ben, sessionId);
    expect(state.moment).toMatchObject({ kind: "vote-again", status: "open", round: 2 });
    expect(state.myResponse).toBeNull();
    expect(state.myEarlierResponse).toEqual({ optionId: await optionId(ben, sessionId, "It is planned for the autumn") });
    const right = await optionId(ben, sessionId, "It is out of the question");
    await live.saveLiveResponse(ben, sessionId, againId, { response: { optionId: right } });
    await live.saveLiveResponse(ana, sessionId, againId, { response: { optionId: right } });
    revealId = (await live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "reveal", targetMomentId: againId }, go: true })).momentId!;
    const projector = await live.getProjectorState(teacher, sessionId);
    expect(projector.results?.before?.changed).toBe(1);
    expect(projector.results?.before?.moves).toContainEqual({ from: "It is planned for the autumn", to: "It is out of the question", count: 1 });
    expect(Object.fromEntries(projector.results!.bars.map((b) => [b.label, b.count]))).toEqual({ "It is out of the question": 2, "It is planned for the autumn": 0, "He does not mention it": 0 });
    // The vote-again closed when the reveal came.
    await expectAppError(live.saveLiveResponse(cem, sessionId, againId, { response: { optionId: right } }), "conflict");
  });

  it("the instructor shows one answer anonymously", async () => {
    const control = await live.getControlState(teacher, sessionId);
    const one = control.answers[0]!;
    await live.controlLiveSession(teacher, sessionId, { action: "show", momentId: revealId, responseId: one.id });
    const projector = await live.getProjectorState(teacher, sessionId);
    expect(projector.results?.shown).toEqual({ id: one.id, text: one.text });
    await expectAppError(live.controlLiveSession(teacher, sessionId, { action: "show", momentId: revealId, responseId: "nope" }), "not_found");
  });

  it("a discussion takes posts, shown without names, and one can be pinned", async () => {
    discussId = (await live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "discuss", prompt: "Is Andropov's account reliable?" }, go: true })).momentId!;
    await live.saveLiveResponse(ana, sessionId, discussId, { response: { text: "He is talking to an ally <b>he</b> needs." } });
    await live.saveLiveResponse(cem, sessionId, discussId, { response: { text: "The record is the Stasi's, not his." } });
    await expectAppError(live.saveLiveResponse(cem, sessionId, discussId, { response: { text: "   " } }), "invalid");
    await expectAppError(live.saveLiveResponse(cem, sessionId, discussId, { response: { text: "x".repeat(1001) } }), "invalid");
    const control = await live.getControlState(teacher, sessionId);
    expect(control.results?.posts.map((p) => p.text)).toEqual(["He is talking to an ally <b>he</b> needs.", "The record is the Stasi's, not his."]);
    await live.controlLiveSession(teacher, sessionId, { action: "show", momentId: discussId, responseId: control.results!.posts[1]!.id });
    expect((await live.getProjectorState(teacher, sessionId)).results?.shown?.text).toBe("The record is the Stasi's, not his.");
  });

  it("rejoining (a reload, another device) lands on the current moment with the answer intact", async () => {
    const again = await live.getStudentState(ana, sessionId);
    expect(again.moment?.id).toBe(discussId);
    expect(again.myResponse).toEqual({ text: "He is talking to an ally <b>he</b> needs." });
  });

  it("moments that cannot be: reveal of nothing, vote-again of a focus, a question not in the bank", async () => {
    await expectAppError(live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "vote-again", targetMomentId: focusId }, go: false }), "invalid");
    await expectAppError(live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "reveal", targetMomentId: "nope" }, go: false }), "invalid");
    const foreign = await quizzes.createQuestion(otherTeacher, mc);
    await expectAppError(live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "ask", questionId: foreign.id }, go: false }), "not_found");
    await expectAppError(live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "ask", question: { type: "numeric", title: "" } }, go: false }), "invalid");
  });

  it("a question written on the spot is asked like a bank question", async () => {
    const id = (
      await live.controlLiveSession(teacher, sessionId, {
        action: "add",
        moment: { kind: "ask", question: { type: "true-false", title: "Brest", prompt: "The Brest meeting took place before this conversation.", config: { answer: true } } },
        go: true,
      })
    ).momentId!;
    await live.saveLiveResponse(cem, sessionId, id, { response: { value: true } });
    const control = await live.getControlState(teacher, sessionId);
    expect(Object.fromEntries(control.results!.bars.map((b) => [b.label, b.count]))).toEqual({ True: 1, False: 0 });
  });

  it("after the session: per-student table and CSV for the instructor, own answers for the student", async () => {
    await live.controlLiveSession(teacher, sessionId, { action: "end" });
    await expectAppError(live.controlLiveSession(teacher, sessionId, { action: "go", momentId: focusId }), "conflict");
    const ended = await expectAppError(live.saveLiveResponse(ana, sessionId, discussId, { response: { text: "late" } }), "conflict");
    expect(ended.message).toMatch(/ended/);
    expect((await live.getStudentState(ana, sessionId)).session.status).toBe("ended");
    const table = await live.getSessionResponses(teacher, sessionId);
    const anaRow = table.students.find((s) => s.id === ana.id)!;
    expect(anaRow.answers[askId]).toBe("It is out of the question");
    expect(anaRow.answers[againId]).toBe("It is out of the question");
    const { csv } = await live.exportSessionCsv(teacher, sessionId);
    expect(csv.split("\n")[0]).toContain("vote-again (round 2)");
    expect(csv).toContain(ana.name);
    await expectAppError(live.exportSessionCsv(ana, sessionId), "forbidden");
    const mine = await live.listMyLiveAnswers(ana, assignmentId);
    expect(mine[0]?.answers.map((a) => a.answer)).toEqual(["It is out of the question", "It is out of the question", "He is talking to an ally <b>he</b> needs."]);
    expect(JSON.stringify(mine)).not.toContain("Stasi's, not his");
    // A new session can start once this one has ended.
    expect((await live.startLiveSession(teacher, assignmentId)).resumed).toBe(false);
  });
});
