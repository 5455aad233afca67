// The live session's rules, pure: going to moments, what opens and closes, vote-again rounds, ending.
import { describe, expect, it } from "vitest";

import { apply, canAnswer, MOMENT_CLOSED, SESSION_ENDED, targetsFor, type MachineMoment, type MachineSession } from "@/lib/live/machine";

const m = (id: string, kind: MachineMoment["kind"], over: Partial<MachineMoment> = {}): MachineMoment => ({
  id,
  kind,
  status: "planned",
  position: Number(id.replace(/\D/g, "")) || 0,
  round: 1,
  targetMomentId: null,
  ...over,
});

const plan = (over: Partial<MachineSession> = {}): MachineSession => ({
  status: "running",
  currentMomentId: null,
  moments: [m("m1", "focus"), m("m2", "ask"), m("m3", "vote-again", { targetMomentId: "m2" }), m("m4", "reveal", { targetMomentId: "m3" }), m("m5", "discuss")],
  ...over,
});

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.message}`);
  return r.value;
}

describe("going to moments", () => {
  it("a focus is shown and done; an ask opens in round 1", () => {
    expect(ok(apply(plan(), { type: "go", momentId: "m1" }))).toEqual({
      session: { currentMomentId: "m1" },
      moments: [{ id: "m1", status: "closed", opened: true, closed: true }],
    });
    expect(ok(apply(plan({ currentMomentId: "m1" }), { type: "go", momentId: "m2" })).moments).toEqual([{ id: "m2", status: "open", opened: true, round: 1 }]);
  });

  it("leaving an open question closes it", () => {
    const s = plan({ currentMomentId: "m2", moments: plan().moments.map((x) => (x.id === "m2" ? { ...x, status: "open" as const } : x)) });
    const c = ok(apply(s, { type: "go", momentId: "m1" }));
    expect(c.moments).toContainEqual({ id: "m2", status: "closed", closed: true });
    expect(c.session.currentMomentId).toBe("m1");
  });

  it("vote-again needs its question asked first, then opens the next round and closes the first", () => {
    const before = apply(plan(), { type: "go", momentId: "m3" });
    expect(before.ok).toBe(false);
    const asked = plan({ currentMomentId: "m2", moments: plan().moments.map((x) => (x.id === "m2" ? { ...x, status: "open" as const } : x)) });
    const c = ok(apply(asked, { type: "go", momentId: "m3" }));
    expect(c.moments).toContainEqual({ id: "m2", status: "closed", closed: true });
    expect(c.moments).toContainEqual({ id: "m3", status: "open", opened: true, round: 2 });
  });

  it("a reveal closes the question it shows, even when the class is elsewhere", () => {
    const s = plan({ currentMomentId: "m1", moments: plan().moments.map((x) => (x.id === "m3" ? { ...x, status: "open" as const, round: 2 } : x)) });
    const c = ok(apply(s, { type: "go", momentId: "m4" }));
    expect(c.moments).toContainEqual({ id: "m3", status: "closed", closed: true });
    expect(c.moments).toContainEqual({ id: "m4", status: "closed", opened: true, closed: true });
  });

  it("revisiting a closed question does not reopen it", () => {
    const s = plan({ currentMomentId: "m1", moments: plan().moments.map((x) => (x.id === "m2" ? { ...x, status: "closed" as const } : x)) });
    expect(ok(apply(s, { type: "go", momentId: "m2" })).moments).toEqual([]);
  });

  it("an unknown moment is not found; an ended session takes no commands", () => {
    const r = apply(plan(), { type: "go", momentId: "nope" });
    expect(r.ok ? null : r.error.code).toBe("not_found");
    const ended = apply(plan({ status: "ended" }), { type: "go", momentId: "m1" });
    expect(ended.ok ? null : ended.error).toEqual({ code: "conflict", message: SESSION_ENDED });
  });
});

describe("closing and ending", () => {
  it("closing a planned question is a conflict, a focus is invalid", () => {
    const r = apply(plan(), { type: "close", momentId: "m2" });
    expect(r.ok ? null : r.error.code).toBe("conflict");
    const f = apply(plan(), { type: "close", momentId: "m1" });
    expect(f.ok ? null : f.error.code).toBe("invalid");
  });

  it("ending closes whatever is open", () => {
    const s = plan({ moments: plan().moments.map((x) => (x.id === "m5" ? { ...x, status: "open" as const } : x)) });
    expect(ok(apply(s, { type: "end" }))).toEqual({ session: { status: "ended" }, moments: [{ id: "m5", status: "closed", closed: true }] });
  });
});

describe("answering", () => {
  it("only an open moment of a running session takes answers, with a clear message otherwise", () => {
    expect(canAnswer({ status: "running" }, { kind: "ask", status: "open" }).ok).toBe(true);
    const closed = canAnswer({ status: "running" }, { kind: "ask", status: "closed" });
    expect(closed.ok ? null : closed.error).toEqual({ code: "conflict", message: MOMENT_CLOSED });
    const ended = canAnswer({ status: "ended" }, { kind: "ask", status: "open" });
    expect(ended.ok ? null : ended.error.code).toBe("conflict");
    const focus = canAnswer({ status: "running" }, { kind: "focus", status: "closed" });
    expect(focus.ok ? null : focus.error.code).toBe("invalid");
  });

  it("reveal targets questions, vote-again only asks", () => {
    expect(targetsFor("reveal", plan().moments).map((x) => x.id)).toEqual(["m3", "m2"]);
    expect(targetsFor("vote-again", plan().moments).map((x) => x.id)).toEqual(["m2"]);
  });
});
