// A live session's events through the shared real-time layer on a real database. Two hubs stand
// for two app instances (on PostgreSQL each has its own LISTEN connection, so an event reaches
// both only through NOTIFY and the event table): every moment reaches both, answers reach only
// the staff channel, a refused command publishes nothing, and a late subscriber catches up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Viewer } from "@/lib/authz/policy";
import type { RealtimeHub as Hub, RealtimeMessage } from "@/lib/realtime";
import { DEMO_READING } from "@/prisma/demo-accounts";
import { classWith, createUser, expectAppError } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

const t = setupTestDatabase();

let realtime: typeof import("@/lib/realtime");
let live: typeof import("@/lib/data/live");
let hubA: Hub;
let hubB: Hub;
let teacher: Viewer;
let ana: Viewer;
let sessionId: string;

beforeAll(async () => {
  realtime = await import("@/lib/realtime");
  live = await import("@/lib/data/live");
  const { resolveDatabase } = await import("@/lib/db/config");
  // A slow safety poll: deliveries here must come from the wake-up (NOTIFY on PostgreSQL).
  hubA = new realtime.RealtimeHub(t.db(), resolveDatabase(), { pollMs: 60_000 });
  hubB = new realtime.RealtimeHub(t.db(), resolveDatabase(), { pollMs: 60_000 });
  const db = t.db();
  teacher = await createUser(db, "instructor", "rt-teacher");
  ana = await createUser(db, "student", "rt-ana");
  const classId = await classWith(db, teacher, "Realtime class", [ana]);
  const reading = await db.reading.findUniqueOrThrow({ where: { slug: DEMO_READING }, select: { id: true } });
  const assignmentId = (await db.assignment.create({ data: { classId, readingId: reading.id }, select: { id: true } })).id;
  sessionId = (await live.startLiveSession(teacher, assignmentId)).id;
  await Promise.all([hubA.ready, hubB.ready]);
});
afterAll(async () => {
  await hubA?.close();
  await hubB?.close();
});

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function listen(hub: Hub, channel: string, after: number) {
  const got: RealtimeMessage[] = [];
  const stop = hub.subscribe(channel, after, (events) => got.push(...events));
  return { got, stop };
}

describe("live session events", () => {
  it("a moment reaches the students' and the staff channel on both instances, with no answer key", async () => {
    const start = await realtime.latestEventId(t.db());
    const students = [listen(hubA, `live:${sessionId}`, start), listen(hubB, `live:${sessionId}`, start)];
    const staff = [listen(hubA, `live-staff:${sessionId}`, start), listen(hubB, `live-staff:${sessionId}`, start)];
    const { momentId } = await live.controlLiveSession(teacher, sessionId, {
      action: "add",
      moment: { kind: "ask", question: { type: "true-false", title: "Brest", prompt: "Brest came first.", config: { answer: true } } },
      go: true,
    });
    await until(() => [...students, ...staff].every((l) => l.got.length >= 1), "the moment on every listener");
    for (const l of [...students, ...staff]) {
      expect(l.got.map((e) => e.type)).toEqual(["moment"]);
      expect(l.got[0]!.payload).toMatchObject({ session: { status: "running", currentMomentId: momentId }, moment: { id: momentId, kind: "ask", status: "open" } });
      expect(JSON.stringify(l.got[0]!.payload)).not.toContain('"answer"');
    }

    // An answer: the staff channels hear of it; the students' channels do not.
    await live.saveLiveResponse(ana, sessionId, momentId!, { response: { value: true } });
    await until(() => staff.every((l) => l.got.length >= 2), "the answer on the staff channels");
    for (const l of staff) expect(l.got[1]).toMatchObject({ type: "responses", payload: { momentId, round: 1 } });
    for (const l of students) expect(l.got.map((e) => e.type)).toEqual(["moment"]);

    // A refused command (a reveal of a question never asked) publishes nothing; the next one arrives alone.
    const q2 = await live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "ask", question: { type: "true-false", title: "Later", prompt: "Later.", config: { answer: false } } }, go: false });
    const reveal = await live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "reveal", targetMomentId: q2.momentId! }, go: false });
    const before = students.map((l) => l.got.length);
    await expectAppError(live.controlLiveSession(teacher, sessionId, { action: "go", momentId: reveal.momentId! }), "conflict");
    await live.controlLiveSession(teacher, sessionId, { action: "close", momentId: momentId! });
    await until(() => students.every((l, i) => l.got.length === before[i]! + 1), "the close");
    for (const l of students) expect(l.got.at(-1)).toMatchObject({ type: "moment", payload: { moment: { id: momentId, status: "closed" } } });
    for (const l of [...students, ...staff]) l.stop();
  });

  it("a device that reconnects from its last event id gets exactly what it missed (rejoin)", async () => {
    const seen = await realtime.latestEventId(t.db());
    await live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "focus", anchor: "p-12", prompt: "" }, go: true });
    await live.controlLiveSession(teacher, sessionId, { action: "add", moment: { kind: "focus", anchor: "p-13", prompt: "" }, go: true });
    const late = listen(hubB, `live:${sessionId}`, seen);
    await until(() => late.got.length >= 2, "the catch-up");
    expect(late.got.map((e) => (e.payload as { moment: { anchor: string } }).moment.anchor)).toEqual(["p-12", "p-13"]);
    late.stop();
    // And the state a reloaded page reads agrees with the last event.
    expect((await live.getStudentState(ana, sessionId)).moment?.anchor).toBe("p-13");
  });
});
