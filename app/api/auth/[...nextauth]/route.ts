import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { handlers } from "@/lib/auth/config";
import { signInLimitScope } from "@/lib/auth/sign-in";
import { tooManyAttempts } from "@/lib/errors";

export const { GET } = handlers;

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
