import "server-only";
import { db } from "@/lib/db";
import { AppError, RateLimitedError } from "@/lib/errors";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { clearBuckets, passwordChangeBuckets, reserveAttempt, signUpBuckets } from "@/lib/auth/throttle";
import { canManageOwnAccount, roles, signInLinkStatus, type Role, type Viewer } from "@/lib/authz/policy";
import { hashToken, linkProblemMessage } from "@/lib/auth/one-time-token";
import type { ChangePasswordInput, SignUpInput } from "@/lib/validation/auth";
import { isTimeZone } from "@/lib/time/zones";
import { isUniqueViolation } from "./prisma-errors";
import { limiters } from "./rate-limits";

export const viewerSelect = { id: true, email: true, name: true, role: true, timeZone: true } as const;

export function toViewer(row: { id: string; email: string; name: string; role: string; timeZone: string | null }): Viewer {
  const role: Role = (roles as readonly string[]).includes(row.role) ? (row.role as Role) : "student";
  return { id: row.id, email: row.email, name: row.name, role, timeZone: row.timeZone };
}

/**
 * The strength check, loaded on first use: zxcvbn's dictionaries are megabytes of JavaScript, and
 * every sign-in imports this module without needing them.
 */
async function passwordProblem(password: string, about: { email: string; name: string }): Promise<string | null> {
  return (await import("@/lib/auth/password-policy")).passwordProblem(password, about);
}

/** A new account. Attempts are limited per address (`client.address`, from the request) before any work. */
export async function createAccount(input: SignUpInput, client: { address?: string | undefined } = {}): Promise<Viewer> {
  const gate = await reserveAttempt(limiters(), signUpBuckets(client.address));
  if (gate.limited) throw new RateLimitedError(gate.retryAfterSeconds);
  const problem = await passwordProblem(input.password, { email: input.email, name: input.name });
  if (problem) throw new AppError("invalid", "Please choose a stronger password.", { password: [problem] });
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: viewerSelect,
    });
    return toViewer(user);
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError("conflict", "An account with this email already exists.", {
        email: ["An account with this email already exists. Sign in instead, or use another email."],
      });
    }
    throw e;
  }
}

/** Returns the viewer for a correct email and password, null otherwise, in the same time either way. */
export async function authenticate(email: string, password: string): Promise<Viewer | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: { ...viewerSelect, passwordHash: true },
  });
  if (!user) return verifyAgainstDummy(password).then(() => null);
  return (await verifyPassword(user.passwordHash, password)) ? toViewer(user) : null;
}

/** The session says who signed in; this confirms the account still exists and is current. */
export async function loadViewer(userId: string): Promise<Viewer | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: viewerSelect });
  return user ? toViewer(user) : null;
}

/**
 * Changes the viewer's password: the current one must be right (guesses are rate-limited per
 * account, against someone who found a signed-in computer), the new one strong. Every session of
 * the account ends in the same transaction, the current one (currentSessionId) included, since a
 * stolen copy of its cookie is one reason to change a password; the caller signs this device in
 * again with the new password. Returns how many sessions other than the current one ended.
 */
export async function changePassword(viewer: Viewer, input: ChangePasswordInput, currentSessionId: string, now = new Date()): Promise<{ otherSessionsEnded: number }> {
  if (!canManageOwnAccount(viewer, viewer.id)) throw new AppError("forbidden", "You can only change your own password.");
  const buckets = passwordChangeBuckets(viewer.id);
  const gate = await reserveAttempt(limiters(), buckets);
  if (gate.limited) throw new RateLimitedError(gate.retryAfterSeconds);

  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { email: true, name: true, passwordHash: true } });
  if (!user) throw new AppError("unauthorized", "Please sign in to continue.");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("invalid", "Please correct the highlighted fields.", { currentPassword: ["That is not your current password."] });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError("invalid", "Please correct the highlighted fields.", { newPassword: ["Choose a password different from your current one."] });
  }
  const problem = await passwordProblem(input.newPassword, { email: user.email, name: user.name });
  if (problem) throw new AppError("invalid", "Please choose a stronger password.", { newPassword: [problem] });

  const passwordHash = await hashPassword(input.newPassword);
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: viewer.id }, data: { passwordHash }, select: { id: true } }),
    db.session.updateMany({ where: { userId: viewer.id, revokedAt: null, id: { not: currentSessionId } }, data: { revokedAt: now } }),
    db.session.updateMany({ where: { userId: viewer.id, id: currentSessionId, revokedAt: null }, data: { revokedAt: now } }),
  ]);
  await clearBuckets(limiters(), buckets);
  return { otherSessionsEnded: ended.count };
}

/**
 * Sets a student's password with a one-time link (a reset, or a roster account's first sign-in).
 * The token is the credential, so signInLinkStatus is checked again here, and the link is
 * consumed with a conditional update inside the transaction: of two tabs (or two app instances)
 * using the same link at once, exactly one succeeds. Every other unused link for the student
 * stops working. The caller validates the password (as sign-up does) and then signs them in.
 */
export async function setPasswordFromToken(token: string, password: string, now = new Date()): Promise<{ email: string }> {
  const link = await db.signInLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, usedAt: true, revokedAt: true, expiresAt: true, classId: true, userId: true, user: { select: { email: true, name: true, role: true } } },
  });
  if (!link) throw new AppError("not_found", linkProblemMessage("unknown").message);
  const gone = (status: Parameters<typeof linkProblemMessage>[0]) => {
    const { title, message } = linkProblemMessage(status);
    return new AppError("gone", `${title}. ${message}`);
  };
  const enrolledNow = async (tx: Pick<typeof db, "enrolment">) => (await tx.enrolment.count({ where: { userId: link.userId, classId: link.classId } })) > 0;
  const before = signInLinkStatus(link, { studentRole: link.user.role, stillEnrolled: await enrolledNow(db) }, now);
  if (before !== "usable") throw gone(before);
  // The same policy as sign-up and a password change: a link is no way round it.
  const problem = await passwordProblem(password, { email: link.user.email, name: link.user.name });
  if (problem) throw new AppError("invalid", "Please choose a stronger password.", { password: [problem] });

  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const consumed = await tx.signInLink.updateMany({
      where: { id: link.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (consumed.count !== 1) throw gone("used");
    if (!(await enrolledNow(tx))) throw gone("left-class");
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash }, select: { id: true } });
    await tx.signInLink.updateMany({ where: { userId: link.userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    // A reset link is also "someone may know my password": every session of the student ends.
    await tx.session.updateMany({ where: { userId: link.userId, revokedAt: null }, data: { revokedAt: now } });
  });
  return { email: link.user.email };
}

/** Remembers the zone the person's browser reports, so every page shows them their own times. */
export async function rememberTimeZone(viewer: Viewer, timeZone: string): Promise<void> {
  if (!canManageOwnAccount(viewer, viewer.id)) throw new AppError("forbidden", "Sign in to change your settings.");
  if (!isTimeZone(timeZone)) throw new AppError("invalid", "That is not a time zone we know.", { timeZone: ["Choose a time zone from the list."] });
  await db.user.update({ where: { id: viewer.id }, data: { timeZone }, select: { id: true } });
}
