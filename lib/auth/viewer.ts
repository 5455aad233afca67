import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { auth } from "./config";
import { loadViewer } from "@/lib/data/users";
import { AppError, SESSION_EXPIRED, SIGN_IN_REQUIRED } from "@/lib/errors";
import type { Viewer } from "@/lib/authz/policy";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** The signed-in person for this request, or null. Cached per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadViewer(session.user.id);
});

/** True when the browser still sends a session cookie that no longer holds a valid session. */
export async function hasStaleSession(): Promise<boolean> {
  const jar = await cookies();
  return SESSION_COOKIES.some((name) => jar.has(name));
}

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  throw (await hasStaleSession())
    ? new AppError("expired", SESSION_EXPIRED)
    : new AppError("unauthorized", SIGN_IN_REQUIRED);
}
