import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canManageOwnAccount, type Viewer } from "@/lib/authz/policy";
import { toViewer, viewerSelect } from "./users";

/**
 * Sessions that can be ended. Auth.js keeps a signed JWT in the cookie; the JWT carries the id of a
 * Session row, and a request counts as signed in only while that row exists, is not revoked and has
 * not expired. Checked on every request through lib/auth/viewer.ts in the same single primary-key
 * read (with the user joined) that loaded the viewer before.
 *
 * Starting and ending a session happen before there is a viewer (sign-in) or for a session the
 * caller holds the cookie of (sign-out), so these two take no viewer.
 */
export async function startSession(userId: string, maxAgeSeconds: number, now = new Date()): Promise<string> {
  // Housekeeping for this user only: rows past their end can never be used again.
  await db.session.deleteMany({ where: { userId, expiresAt: { lt: now } } });
  const row = await db.session.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000) },
    select: { id: true },
  });
  return row.id;
}

/** Ends one session (signing out). Ending one that is already over changes nothing. */
export async function endSession(sessionId: string, now = new Date()): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** The viewer of a live session, or null when it was revoked, has expired or is not this user's. */
export async function sessionViewer(sessionId: string, userId: string, now = new Date()): Promise<Viewer | null> {
  // One statement on every request: the user, if this live session of theirs exists (a select of
  // the session with its user would be two on SQLite, where Prisma loads a relation separately).
  const user = await db.user.findFirst({
    where: { id: userId, sessions: { some: { id: sessionId, revokedAt: null, expiresAt: { gt: now } } } },
    select: viewerSelect,
  });
  // The where clause is isSessionLive (lib/authz/policy.ts) written as SQL: this user's session,
  // not revoked, not expired. The /api/auth/session route applies the function itself.
  return user ? toViewer(user) : null;
}

/** "Sign out everywhere": ends every session of the viewer's, this one included. Returns how many. */
export async function endAllSessions(viewer: Viewer, userId: string, now = new Date()): Promise<number> {
  if (!canManageOwnAccount(viewer, userId)) throw new AppError("forbidden", "You can only sign yourself out.");
  const { count } = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/** How many sessions of the viewer's are live (this one included), for the account page. */
export async function liveSessionCount(viewer: Viewer, userId: string, now = new Date()): Promise<number> {
  if (!canManageOwnAccount(viewer, userId)) throw new AppError("forbidden", "You can only see your own sessions.");
  return db.session.count({ where: { userId, revokedAt: null, expiresAt: { gt: now } } });
}
