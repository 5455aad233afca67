import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { auth } from "./config";
import { sessionViewer } from "@/lib/data/sessions";
import { AppError, SESSION_EXPIRED, SIGN_IN_REQUIRED } from "@/lib/errors";
import type { Viewer } from "@/lib/authz/policy";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** The signed-in person and their session for this request, or null. Cached per request. */
const currentSession = cache(async (): Promise<{ viewer: Viewer; sessionId: string } | null> => {
  const session = await auth();
  // A cookie from before sessions were recorded has no session id: it counts as signed out.
  if (!session?.user?.id || !session.sessionId) return null;
  // One primary-key read: the session row with its user. A revoked or expired row is no sign-in.
  const viewer = await sessionViewer(session.sessionId, session.user.id);
  return viewer ? { viewer, sessionId: session.sessionId } : null;
});

/** The signed-in person for this request, or null. Cached per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => (await currentSession())?.viewer ?? null);

/** The viewer and the id of the session they are using (to keep it when others are ended). */
export async function requireSession(): Promise<{ viewer: Viewer; sessionId: string }> {
  const current = await currentSession();
  if (current) return current;
  throw (await hasStaleSession())
    ? new AppError("expired", SESSION_EXPIRED)
    : new AppError("unauthorized", SIGN_IN_REQUIRED);
}

/** True when the browser still sends a session cookie that no longer holds a valid session. */
export async function hasStaleSession(): Promise<boolean> {
  const jar = await cookies();
  return SESSION_COOKIES.some((name) => jar.has(name));
}

export async function requireViewer(): Promise<Viewer> {
  return (await requireSession()).viewer;
}
