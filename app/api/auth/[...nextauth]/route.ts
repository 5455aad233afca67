import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { handlers } from "@/lib/auth/config";
import { getViewer } from "@/lib/auth/viewer";
import { signInLimitScope } from "@/lib/auth/sign-in";
import { tooManyAttempts } from "@/lib/errors";

/**
 * Auth.js answers /api/auth/session from the signed cookie alone. A session that has ended
 * (signed out, out everywhere, the password changed) must not go on naming its account to
 * whoever holds a copy of the cookie: that answer is null, as for no cookie at all.
 */
export async function GET(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/session") && !(await getViewer())) {
    return NextResponse.json(null, { headers: { "Cache-Control": "private, no-store" } });
  }
  return handlers.GET(request);
}

/**
 * Auth.js answers a refused sign-in with a redirect to the sign-in page. For a rate limit that
 * hides the one thing a client needs to know, so a refusal from authorize() (see
 * lib/auth/sign-in.ts) becomes 429 Too Many Requests with Retry-After here instead.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const scope: { retryAfterSeconds?: number } = {};
  const response = await signInLimitScope.run(scope, () => handlers.POST(request));
  if (scope.retryAfterSeconds === undefined) return response;
  const seconds = Math.ceil(scope.retryAfterSeconds);
  return NextResponse.json(
    { error: { code: "rate_limited", message: tooManyAttempts(seconds) } },
    { status: 429, headers: { "Retry-After": String(seconds), "Cache-Control": "no-store" } },
  );
}
