import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { authenticate } from "@/lib/data/users";
import { limiters } from "@/lib/data/rate-limits";
import { clientAddress, trustedProxyHops } from "@/lib/http/client-address";
import type { Viewer } from "@/lib/authz/policy";
import { cookieFromHeader, DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, issueDeviceToken, trustedDeviceId } from "./device";
import { reserveAttempt, signInBuckets, signInSucceeded, type SignInClient } from "./throttle";

/** Thrown from authorize() when a limit refuses the attempt; Auth.js passes it on as it is. */
export class SignInRateLimited extends CredentialsSignin {
  override code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/**
 * How the HTTP route learns the wait: Auth.js turns errors from authorize() into a redirect to the
 * sign-in page, so the route wrapper (app/api/auth/[...nextauth]/route.ts) runs the handler in this
 * scope and answers 429 with Retry-After when authorize() put a wait here.
 */
export const signInLimitScope = new AsyncLocalStorage<{ retryAfterSeconds?: number }>();

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

export function signInClient(request: Request, email: string): SignInClient {
  return {
    address: clientAddress(request.headers.get("x-forwarded-for"), trustedProxyHops()),
    trustedDevice: trustedDeviceId(cookieFromHeader(request.headers.get("cookie"), DEVICE_COOKIE), email, secret()),
  };
}

/**
 * The one way in with a password, for the sign-in form's action and direct posts to Auth.js's
 * credentials callback alike (both end in authorize()). Returns the viewer, null for a wrong email
 * or password, or throws SignInRateLimited.
 */
export async function signInWithLimits(email: string, password: string, request: Request): Promise<Viewer | null> {
  const client = signInClient(request, email);
  const gate = await reserveAttempt(limiters(), signInBuckets(email, client));
  if (gate.limited) {
    const scope = signInLimitScope.getStore();
    if (scope) scope.retryAfterSeconds = gate.retryAfterSeconds;
    throw new SignInRateLimited(gate.retryAfterSeconds);
  }
  const viewer = await authenticate(email, password);
  if (!viewer) return null;
  await signInSucceeded(limiters(), email, client);
  await rememberDevice(email, request);
  return viewer;
}

/** A fresh device cookie for this account (also on a device that had one: it may be another account's). */
async function rememberDevice(email: string, request: Request): Promise<void> {
  const secure = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const jar = await cookies();
  jar.set(DEVICE_COOKIE, issueDeviceToken(email, secret()).value, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE,
  });
}
