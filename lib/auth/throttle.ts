import { createHash } from "node:crypto";
import type { RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Which counters a sign-in, a password change or a join-code attempt goes through, and when they
 * say "wait". The counting itself is rate-limiter-flexible's: its Prisma store in the app (shared by
 * every instance, see lib/data/rate-limits.ts), its memory store in unit tests.
 *
 * Only failures count (an attempt counts as one until it succeeds). Once a bucket holds `points`
 * failures in its window, further attempts are refused before any password is checked, until the
 * window, counted from the bucket's first failure, ends.
 *
 * Sign-in, and why an attacker can't lock a teacher out of their own account:
 *  - A browser that has signed in to an account before carries a signed device cookie for it
 *    (lib/auth/device.ts). Its attempts on that account count only against that device's own
 *    bucket: 10 failures in 15 minutes. Hammering the account from elsewhere does not touch it.
 *  - Every other client shares the account's bucket (10 in 15 minutes, and 40 in a day, so a
 *    patient attacker waits longer each time) and its address's bucket (100 in 15 minutes: a
 *    school's students share one address, so it is generous; it stops one address from trying
 *    passwords across many accounts).
 *  So a flood of wrong passwords makes only unknown clients wait; the teacher's own laptop or
 *  tablet signs in as usual. A teacher on a new device during an attack waits like everyone else,
 *  which is the price of not letting anyone in without the device cookie.
 */
export const LIMITS = {
  signInAccount: { points: 10, duration: 15 * 60 },
  signInAccountDay: { points: 40, duration: 24 * 60 * 60 },
  signInDevice: { points: 10, duration: 15 * 60 },
  signInAddress: { points: 100, duration: 15 * 60 },
  passwordChange: { points: 10, duration: 15 * 60 },
  joinStudent: { points: 10, duration: 15 * 60 },
  joinAddress: { points: 60, duration: 15 * 60 },
  // Every sign-up attempt counts, per address: a whole year group behind a school's one address
  // signs up in a lesson, a script creating accounts (or probing which emails exist) stops.
  signUpAddress: { points: 150, duration: 60 * 60 },
} as const satisfies Record<string, { points: number; duration: number }>;

export type LimitName = keyof typeof LIMITS;
export type Limiters = Record<LimitName, RateLimiterAbstract>;

/** Builds one limiter per limit with the given store; the key prefix keeps their counters apart. */
export function buildLimiters(make: (name: LimitName, opts: { points: number; duration: number; keyPrefix: string }) => RateLimiterAbstract): Limiters {
  const entries = (Object.keys(LIMITS) as LimitName[]).map((name) => [name, make(name, { ...LIMITS[name], keyPrefix: name })] as const);
  return Object.fromEntries(entries) as Limiters;
}

export interface Bucket {
  limit: LimitName;
  key: string;
}

export type LimitCheck = { limited: false } | { limited: true; retryAfterSeconds: number };

/**
 * Counter keys are hashes: the table then holds no email addresses or IP addresses, only
 * numbers of failures.
 */
export function bucket(limit: LimitName, ...parts: string[]): Bucket {
  return { limit, key: createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 32) };
}

/**
 * Counts this attempt as a failure before the work is done, in one atomic increment per bucket, so
 * parallel requests can't all slip through while the first ones are still checking a password. An
 * attempt that turns out fine gives its point back (releaseAttempt) or clears the bucket.
 * Refused when a bucket has gone past its limit; the wait is the longest of those buckets' windows.
 */
export async function reserveAttempt(limiters: Limiters, buckets: readonly Bucket[]): Promise<LimitCheck> {
  const results = await Promise.all(buckets.map(async (b) => ({ b, res: await limiters[b.limit].penalty(b.key, 1) })));
  let wait = 0;
  for (const { b, res } of results) {
    if (res.consumedPoints > LIMITS[b.limit].points) wait = Math.max(wait, secondsLeft(res));
  }
  return wait > 0 ? { limited: true, retryAfterSeconds: wait } : { limited: false };
}

export async function releaseAttempt(limiters: Limiters, buckets: readonly Bucket[]): Promise<void> {
  await Promise.all(buckets.map((b) => limiters[b.limit].reward(b.key, 1)));
}

export async function clearBuckets(limiters: Limiters, buckets: readonly Bucket[]): Promise<void> {
  await Promise.all(buckets.map((b) => limiters[b.limit].delete(b.key)));
}

function secondsLeft(res: RateLimiterRes): number {
  // msBeforeNext is -1 for a counter without an end; ours always have one, but never say "0".
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** What the sign-in knows about the client, before it checks the password. */
export interface SignInClient {
  address: string;
  /** The id from a valid device cookie issued for this very email, or null. */
  trustedDevice: string | null;
}

export function signInBuckets(email: string, client: SignInClient): Bucket[] {
  if (client.trustedDevice) return [bucket("signInDevice", client.trustedDevice)];
  return [bucket("signInAddress", client.address), bucket("signInAccount", email), bucket("signInAccountDay", email)];
}

/**
 * After a correct password the attempt's own point goes back everywhere, and the device's or the
 * account's short window starts again from zero (the person who knows the password is here). The
 * account's daily count and the shared address's count keep their earlier failures.
 */
export async function signInSucceeded(limiters: Limiters, email: string, client: SignInClient): Promise<void> {
  if (client.trustedDevice) return clearBuckets(limiters, [bucket("signInDevice", client.trustedDevice)]);
  await Promise.all([
    clearBuckets(limiters, [bucket("signInAccount", email)]),
    releaseAttempt(limiters, [bucket("signInAddress", client.address), bucket("signInAccountDay", email)]),
  ]);
}

export function joinBuckets(studentId: string, address: string | undefined): Bucket[] {
  return [bucket("joinStudent", studentId), ...(address ? [bucket("joinAddress", address)] : [])];
}

export function signUpBuckets(address: string | undefined): Bucket[] {
  return address ? [bucket("signUpAddress", address)] : [];
}

export function passwordChangeBuckets(userId: string): Bucket[] {
  return [bucket("passwordChange", userId)];
}
