import "server-only";
import { NextResponse } from "next/server";
import { isAppError, RateLimitedError } from "@/lib/errors";

/** JSON error responses for route handlers: typed errors with their status, anything else a plain 500. */
export function errorResponse(e: unknown): NextResponse {
  if (isAppError(e)) {
    const headers = e instanceof RateLimitedError ? { "Retry-After": String(Math.ceil(e.retryAfterSeconds)) } : undefined;
    return NextResponse.json({ error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors } }, { status: e.status, headers });
  }
  console.error("[api] unexpected error:", e instanceof Error ? e.message : e);
  return NextResponse.json({ error: { code: "server_error", message: "Something went wrong on our side. Nothing saved was lost; try again." } }, { status: 500 });
}
