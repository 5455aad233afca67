// Rate limits shared by two app instances, revocable sessions and password changes, against a real
// database (SQLite by default, PostgreSQL with a postgres DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Viewer } from "@/lib/authz/policy";
import type { Db } from "@/lib/db/client";
import { RateLimitedError } from "@/lib/errors";
import { LIMITS, reserveAttempt, signInBuckets, type Limiters } from "@/lib/auth/throttle";
import { createUser, expectAppError } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase({ seed: false });

type Users = typeof import("@/lib/data/users");
type Sessions = typeof import("@/lib/data/sessions");
type Classes = typeof import("@/lib/data/classes");
let users: Users;
let sessions: Sessions;
let classes: Classes;
/** Two app instances: each has its own Prisma client (its own connections) and its own limiters. */
let instanceA: Limiters;
let instanceB: Limiters;
let secondClient: Db;

const STRONG = "Tallinn-harbour-1989";
const attacker = { address: "198.51.100.66", trustedDevice: null };

beforeAll(async () => {
  users = await import("@/lib/data/users");
  sessions = await import("@/lib/data/sessions");
  classes = await import("@/lib/data/classes");
  const { createLimiters } = await import("@/lib/data/rate-limits");
  const { createPrismaClient } = await import("@/lib/db/client");
  const { resolveDatabase } = await import("@/lib/db/config");
  secondClient = createPrismaClient(resolveDatabase({ ...process.env, DATABASE_URL: testDb.url }));
  instanceA = createLimiters(testDb.db(), { sweep: false });
  instanceB = createLimiters(secondClient, { sweep: false });
});
afterAll(async () => {
  await secondClient?.$disconnect();
});

describe("rate limits across two app instances", () => {
  it("counts failures from both instances into one bucket", async () => {
    const email = "shared-count@school.test";
    for (let i = 0; i < LIMITS.signInAccount.points; i++) {
      const gate = await reserveAttempt(i % 2 ? instanceA : instanceB, signInBuckets(email, attacker));
      expect(gate.limited).toBe(false);
    }
    for (const instance of [instanceA, instanceB]) {
      const gate = await reserveAttempt(instance, signInBuckets(email, { address: "192.0.2.9", trustedDevice: null }));
      expect(gate.limited).toBe(true);
      if (gate.limited) expect(gate.retryAfterSeconds).toBeGreaterThan(14 * 60);
    }
    // The table holds hashes, not the email or the address.
    const keys = (await testDb.db().rateLimit.findMany({ select: { key: true } })).map((r) => r.key).join(" ");
    expect(keys).not.toContain("shared-count");
    expect(keys).not.toContain("198.51.100.66");
  });

  it("lets at most 10 of 24 simultaneous attempts through, split over both instances", async () => {
    const email = "parallel@school.test";
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => reserveAttempt(i % 2 ? instanceA : instanceB, signInBuckets(email, { address: `192.0.2.${i}`, trustedDevice: null }))),
    );
    expect(results.filter((r) => !r.limited)).toHaveLength(LIMITS.signInAccount.points);
  });

  it("keeps a trusted device's bucket apart from the account's, on both instances", async () => {
    const email = "teacher@school.test";
    for (let i = 0; i < 15; i++) await reserveAttempt(instanceA, signInBuckets(email, attacker));
    const laptop = { address: "203.0.113.10", trustedDevice: "laptop-device-id" };
    expect((await reserveAttempt(instanceB, signInBuckets(email, laptop))).limited).toBe(false);
  });
});

describe("join codes", () => {
  it("refuses a student's 11th wrong code with 429, even when it is the right code", async () => {
    const instructor = await createUser(testDb.db(), "instructor");
    const student = await createUser(testDb.db(), "student");
    const { id } = await classes.createClass(instructor, { name: "Limits" });
    const { joinCode } = await testDb.db().class.findUniqueOrThrow({ where: { id }, select: { joinCode: true } });
    const wrong = joinCode === "ABCDEFGH" ? "HGFEDCBA" : "ABCDEFGH";
    for (let i = 0; i < LIMITS.joinStudent.points; i++) await expectAppError(classes.joinClass(student, wrong, { address: "203.0.113.5" }), "invalid");
    const error = await expectAppError(classes.joinClass(student, joinCode, { address: "203.0.113.5" }), "rate_limited");
    expect(error.status).toBe(429);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.message).toMatch(/^Too many attempts\. Try again in (15|14) minutes\.$/);
    expect(await testDb.db().enrolment.count({ where: { userId: student.id } })).toBe(0);

    // Another student at the same address is not held up by this one.
    const classmate = await createUser(testDb.db(), "student");
    expect((await classes.joinClass(classmate, joinCode, { address: "203.0.113.5" })).classId).toBe(id);
  });

  it("does not count right codes: a student can join many classes", async () => {
    const instructor = await createUser(testDb.db(), "instructor");
    const student = await createUser(testDb.db(), "student");
    for (let i = 0; i < LIMITS.joinStudent.points + 3; i++) {
      const { id } = await classes.createClass(instructor, { name: `Class ${i}` });
      const { joinCode } = await testDb.db().class.findUniqueOrThrow({ where: { id }, select: { joinCode: true } });
      await classes.joinClass(student, joinCode);
    }
    expect(await testDb.db().enrolment.count({ where: { userId: student.id } })).toBe(LIMITS.joinStudent.points + 3);
  });
});

describe("sign-up", () => {
  it("lets a year group sign up from one school address, then refuses more attempts from it with 429", async () => {
    const school = { address: "203.0.113.50" };
    const { points } = LIMITS.signUpAddress;
    expect(points).toBeGreaterThanOrEqual(120);
    // Every attempt counts, a refused one too (a weak password here, which costs no hashing).
    for (let i = 0; i < points; i++) {
      await expectAppError(users.createAccount({ name: `Student ${i}`, email: `s${i}@school.test`, password: "password", role: "student" }, school), "invalid");
    }
    const refused = await expectAppError(users.createAccount({ name: "One more", email: "more@school.test", password: STRONG, role: "student" }, school), "rate_limited");
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(await testDb.db().user.count({ where: { email: "more@school.test" } })).toBe(0);
    // Another address is not affected.
    const other = await users.createAccount({ name: "Elsewhere", email: "elsewhere@school.test", password: STRONG, role: "student" }, { address: "198.51.100.7" });
    expect(other.email).toBe("elsewhere@school.test");
  });
});

describe("sessions", () => {
  let person: Viewer;
  beforeAll(async () => {
    person = await users.createAccount({ name: "Session Person", email: "sessions@school.test", password: STRONG, role: "instructor" });
  });

  it("a started session is live until it is ended; ending it twice is harmless", async () => {
    const sid = await sessions.startSession(person.id, 3600);
    expect(await sessions.sessionViewer(sid, person.id)).toEqual(person);
    // Seen from the other instance too.
    expect(await secondClient.session.findUnique({ where: { id: sid }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
    await sessions.endSession(sid);
    expect(await sessions.sessionViewer(sid, person.id)).toBeNull();
    await sessions.endSession(sid);
    await sessions.endSession("no-such-session");
  });

  it("a session is not live after it expires, nor for another user, nor when unknown", async () => {
    const start = new Date("2026-12-03T08:00:00Z");
    const sid = await sessions.startSession(person.id, 60, start);
    expect(await sessions.sessionViewer(sid, person.id, new Date(start.getTime() + 59_000))).toEqual(person);
    expect(await sessions.sessionViewer(sid, person.id, new Date(start.getTime() + 60_000))).toBeNull();
    const live = await sessions.startSession(person.id, 3600);
    expect(await sessions.sessionViewer(live, "someone-else")).toBeNull();
    expect(await sessions.sessionViewer("no-such-session", person.id)).toBeNull();
  });

  it("a new sign-in sweeps the user's expired rows", async () => {
    const old = await sessions.startSession(person.id, 1, new Date("2020-01-01T00:00:00Z"));
    await sessions.startSession(person.id, 3600);
    expect(await testDb.db().session.findUnique({ where: { id: old } })).toBeNull();
  });

  it("'sign out everywhere' ends every session of the viewer's and nobody else's", async () => {
    const other = await users.createAccount({ name: "Other Person", email: "other-sessions@school.test", password: STRONG, role: "student" });
    const mine = [await sessions.startSession(person.id, 3600), await sessions.startSession(person.id, 3600)];
    const theirs = await sessions.startSession(other.id, 3600);
    expect(await sessions.liveSessionCount(person, person.id)).toBeGreaterThanOrEqual(2);
    await expectAppError(sessions.endAllSessions(other, person.id), "forbidden");
    await expectAppError(sessions.liveSessionCount(other, person.id), "forbidden");
    expect(await sessions.endAllSessions(person, person.id)).toBeGreaterThanOrEqual(2);
    for (const sid of mine) expect(await sessions.sessionViewer(sid, person.id)).toBeNull();
    expect(await sessions.liveSessionCount(person, person.id)).toBe(0);
    expect(await sessions.sessionViewer(theirs, other.id)).toEqual(other);
  });
});

describe("changing a password", () => {
  it("needs the current password, ends every session (counting the others), and the new password works", async () => {
    const me = await users.createAccount({ name: "Changer", email: "changer@school.test", password: STRONG, role: "instructor" });
    const here = await sessions.startSession(me.id, 3600);
    const elsewhere = [await sessions.startSession(me.id, 3600), await sessions.startSession(me.id, 3600)];

    const wrong = await expectAppError(users.changePassword(me, { currentPassword: "not my password", newPassword: "Gdansk shipyard strike 1980" }, here), "invalid");
    expect(wrong.fieldErrors.currentPassword).toEqual(["That is not your current password."]);
    for (const sid of [here, ...elsewhere]) expect(await sessions.sessionViewer(sid, me.id)).toEqual(me);

    const result = await users.changePassword(me, { currentPassword: STRONG, newPassword: "Gdansk shipyard strike 1980" }, here);
    expect(result).toEqual({ otherSessionsEnded: 2 });
    // The current session ends too (the action signs the device in again with the new password).
    for (const sid of [here, ...elsewhere]) expect(await sessions.sessionViewer(sid, me.id)).toBeNull();
    expect(await users.authenticate("changer@school.test", STRONG)).toBeNull();
    expect(await users.authenticate("changer@school.test", "Gdansk shipyard strike 1980")).toEqual(me);
  });

  it("refuses a weak or unchanged new password with a helpful message, changing nothing", async () => {
    const me = await users.createAccount({ name: "Weak Try", email: "weak-try@school.test", password: STRONG, role: "student" });
    const here = await sessions.startSession(me.id, 3600);
    const leaked = await expectAppError(users.changePassword(me, { currentPassword: STRONG, newPassword: "Password12" }, here), "invalid");
    expect(leaked.fieldErrors.newPassword?.[0]).toMatch(/leaked passwords.*unrelated words/);
    const weak = await expectAppError(users.changePassword(me, { currentPassword: STRONG, newPassword: "abcabcabcabc" }, here), "invalid");
    expect(weak.fieldErrors.newPassword?.[0]).toMatch(/easy to guess/i);
    const same = await expectAppError(users.changePassword(me, { currentPassword: STRONG, newPassword: STRONG }, here), "invalid");
    expect(same.fieldErrors.newPassword).toEqual(["Choose a password different from your current one."]);
    expect(await users.authenticate("weak-try@school.test", STRONG)).toEqual(me);
  });

  it("limits guesses at the current password: the 11th attempt is refused, even with the right one", async () => {
    const me = await users.createAccount({ name: "Guessed", email: "guessed@school.test", password: STRONG, role: "student" });
    const here = await sessions.startSession(me.id, 3600);
    for (let i = 0; i < LIMITS.passwordChange.points; i++) {
      await expectAppError(users.changePassword(me, { currentPassword: `guess ${i}`, newPassword: "Gdansk shipyard strike 1980" }, here), "invalid");
    }
    const limited = await expectAppError(users.changePassword(me, { currentPassword: STRONG, newPassword: "Gdansk shipyard strike 1980" }, here), "rate_limited");
    expect(limited.status).toBe(429);
    expect(await users.authenticate("guessed@school.test", STRONG)).toEqual(me);
  });
});

describe("sign-up password policy", () => {
  it.each(["Password12", "qwerty1234"])("refuses %j with a message on the password field", async (password) => {
    const error = await expectAppError(users.createAccount({ name: "Weak", email: `weak-${password}@school.test`, password, role: "student" }), "invalid");
    expect(error.status).toBe(400);
    expect(error.fieldErrors.password?.[0]).toMatch(/leaked passwords/);
    expect(await testDb.db().user.count({ where: { email: `weak-${password.toLowerCase()}@school.test` } })).toBe(0);
  });
});
