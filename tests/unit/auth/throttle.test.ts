// The rate-limit rules for sign-in, password changes and join codes, on rate-limiter-flexible's
// memory store with a fake clock (the database store is exercised in tests/integration/limits.test.ts).
import { RateLimiterMemory } from "rate-limiter-flexible";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import {
  buildLimiters,
  joinBuckets,
  LIMITS,
  releaseAttempt,
  reserveAttempt,
  signInBuckets,
  signInSucceeded,
  type Limiters,
  type SignInClient,
} from "@/lib/auth/throttle";
import { cookieFromHeader, issueDeviceToken, trustedDeviceId } from "@/lib/auth/device";
import { tooManyAttempts, waitPhrase } from "@/lib/errors";

let limiters: Limiters;
beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-12-03T09:00:00Z") });
  limiters = buildLimiters((_name, opts) => new RateLimiterMemory(opts));
});
afterEach(() => vi.useRealTimers());

const TEACHER = "instructor@school.test";
const attacker: SignInClient = { address: "198.51.100.66", trustedDevice: null };
const teacherLaptop: SignInClient = { address: "203.0.113.10", trustedDevice: "device-teacher-laptop" };
const newDevice: SignInClient = { address: "203.0.113.10", trustedDevice: null };

/** One failed sign-in: the attempt is reserved and, the password being wrong, never released. */
const failSignIn = (email: string, client: SignInClient) => reserveAttempt(limiters, signInBuckets(email, client));
const minutes = (n: number) => vi.advanceTimersByTime(n * 60_000);

describe("sign-in limits", () => {
  it("lets 10 wrong passwords through, refuses the 11th with the wait until the window ends", async () => {
    for (let i = 0; i < LIMITS.signInAccount.points; i++) expect(await failSignIn(TEACHER, attacker)).toEqual({ limited: false });
    minutes(4);
    const refused = await failSignIn(TEACHER, attacker);
    expect(refused).toEqual({ limited: true, retryAfterSeconds: 11 * 60 });
    if (refused.limited) expect(tooManyAttempts(refused.retryAfterSeconds)).toBe("Too many attempts. Try again in 11 minutes.");

    // The wait counts down with the clock and ends with the window.
    minutes(10);
    expect(await failSignIn(TEACHER, attacker)).toEqual({ limited: true, retryAfterSeconds: 60 });
    minutes(1);
    expect(await failSignIn(TEACHER, attacker)).toEqual({ limited: false });
  });

  it("refuses every unknown client once the account's bucket is full, from any address", async () => {
    for (let i = 0; i < 10; i++) await failSignIn(TEACHER, { address: `198.51.100.${i}`, trustedDevice: null });
    expect((await failSignIn(TEACHER, { address: "192.0.2.1", trustedDevice: null })).limited).toBe(true);
    expect((await failSignIn(TEACHER, newDevice)).limited).toBe(true);
  });

  it("never refuses the teacher's own device because of someone else's failures", async () => {
    for (let i = 0; i < 200; i++) await failSignIn(TEACHER, attacker);
    expect((await failSignIn(TEACHER, attacker)).limited).toBe(true);
    // The teacher's laptop counts against its own bucket only.
    const gate = await reserveAttempt(limiters, signInBuckets(TEACHER, teacherLaptop));
    expect(gate).toEqual({ limited: false });
    await signInSucceeded(limiters, TEACHER, teacherLaptop);
  });

  it("limits a trusted device too, on its own: 10 wrong passwords, then a wait", async () => {
    for (let i = 0; i < 10; i++) expect((await failSignIn(TEACHER, teacherLaptop)).limited).toBe(false);
    expect((await failSignIn(TEACHER, teacherLaptop)).limited).toBe(true);
    // ... which does not touch the account's bucket for other clients.
    expect((await failSignIn(TEACHER, newDevice)).limited).toBe(false);
  });

  it("grows the wait for a patient attacker: 40 failures in a day block until the day is over", async () => {
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 10; i++) expect((await failSignIn(TEACHER, attacker)).limited).toBe(false);
      minutes(15);
    }
    const refused = await failSignIn(TEACHER, attacker);
    expect(refused.limited).toBe(true);
    if (refused.limited) {
      expect(refused.retryAfterSeconds).toBe(24 * 3600 - 60 * 60);
      expect(tooManyAttempts(refused.retryAfterSeconds)).toBe("Too many attempts. Try again in 23 hours.");
    }
  });

  it("limits one address trying many accounts (credential stuffing) at 100 failures", async () => {
    for (let i = 0; i < LIMITS.signInAddress.points; i++) expect((await failSignIn(`user${i}@school.test`, attacker)).limited).toBe(false);
    expect((await failSignIn("someone-new@school.test", attacker)).limited).toBe(true);
    // Another address is not affected.
    expect((await failSignIn("someone-new@school.test", { address: "192.0.2.50", trustedDevice: null })).limited).toBe(false);
  });

  it("a correct password starts the account's short window again and gives back the attempt's point", async () => {
    for (let i = 0; i < 9; i++) await failSignIn(TEACHER, newDevice);
    await reserveAttempt(limiters, signInBuckets(TEACHER, newDevice));
    await signInSucceeded(limiters, TEACHER, newDevice);
    for (let i = 0; i < 10; i++) expect((await failSignIn(TEACHER, newDevice)).limited).toBe(false);
    expect((await failSignIn(TEACHER, newDevice)).limited).toBe(true);
  });

  it("counts parallel attempts one by one: 30 at once let at most 10 through", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => failSignIn(TEACHER, attacker)));
    expect(results.filter((r) => !r.limited)).toHaveLength(10);
  });
});

describe("join-code limits", () => {
  it("refuses a student's 11th wrong code in 15 minutes, and a right code gives its point back", async () => {
    const b = joinBuckets("student-1", "203.0.113.10");
    for (let i = 0; i < 9; i++) await reserveAttempt(limiters, b);
    // A right code (released) does not count.
    await reserveAttempt(limiters, b);
    await releaseAttempt(limiters, b);
    expect((await reserveAttempt(limiters, b)).limited).toBe(false);
    const refused = await reserveAttempt(limiters, b);
    expect(refused.limited).toBe(true);
    minutes(15);
    expect((await reserveAttempt(limiters, b)).limited).toBe(false);
  });

  it("limits an address across many students (fresh accounts don't reset the count)", async () => {
    for (let i = 0; i < LIMITS.joinAddress.points; i++) {
      expect((await reserveAttempt(limiters, joinBuckets(`student-${i}`, "198.51.100.66"))).limited).toBe(false);
    }
    expect((await reserveAttempt(limiters, joinBuckets("student-new", "198.51.100.66"))).limited).toBe(true);
  });
});

describe("device cookies", () => {
  const secret = "unit-test-secret";
  it("vouch for the account they were issued for only, and can't be forged", () => {
    const { id, value } = issueDeviceToken(TEACHER, secret);
    expect(trustedDeviceId(value, TEACHER, secret)).toBe(id);
    expect(trustedDeviceId(value, "attacker@school.test", secret)).toBeNull();
    expect(trustedDeviceId(value, TEACHER, "another-secret")).toBeNull();
    expect(trustedDeviceId(`${id}.AAAA`, TEACHER, secret)).toBeNull();
    expect(trustedDeviceId(`${value}.extra`, TEACHER, secret)).toBeNull();
    for (const junk of [undefined, null, "", ".", "x".repeat(5000), "ü.ü"]) expect(trustedDeviceId(junk, TEACHER, secret)).toBeNull();
  });

  it("are read from a Cookie header", () => {
    expect(cookieFromHeader("a=1; dossier-device=abc.def; b=2", "dossier-device")).toBe("abc.def");
    expect(cookieFromHeader("a=1", "dossier-device")).toBeNull();
    expect(cookieFromHeader(null, "dossier-device")).toBeNull();
    expect(cookieFromHeader("dossier-device=%E0%A4%A", "dossier-device")).toBeNull();
  });
});

describe("wait messages", () => {
  it.each([
    [0, "1 second"],
    [1, "1 second"],
    [45, "45 seconds"],
    [60, "1 minute"],
    [61, "2 minutes"],
    [4 * 60, "4 minutes"],
    [89 * 60, "89 minutes"],
    [90 * 60, "2 hours"],
    [23 * 3600, "23 hours"],
  ])("%i seconds read as %s", (seconds, phrase) => {
    expect(waitPhrase(seconds)).toBe(phrase);
  });
});
