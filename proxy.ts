import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { checkActionRequest, refusalResponse } from "@/lib/http/action-guard";
import { createNonce, HSTS_VALUE, pageContentSecurityPolicy } from "@/lib/http/security-headers";

/**
 * Runs before every page request (not route handlers or static files, see `config`):
 *
 * 1. Malformed server-action requests are answered with a 4xx here (lib/http/action-guard.ts),
 *    because Next answers many of them with a 500.
 * 2. Every page gets a Content-Security-Policy. Pages rendered per request get a fresh nonce:
 *    Next reads it from the request's CSP header and puts it on its own scripts, and only those
 *    may run ('strict-dynamic'). The public reading is rendered once and served from the static
 *    cache to everyone (ISR), so its HTML cannot carry a per-request nonce; hashes would have to
 *    cover the ~30 inline scripts Next writes the page's data into, which change whenever the
 *    cached copy is regenerated. That page gets the same policy with 'unsafe-inline' scripts
 *    instead: still no script from anywhere but this site, no plugins, no <base>, no framing, no
 *    posting elsewhere. It shows only the reading's own content, never anything a user typed.
 *    Everything that shows what users typed (names, classes, questions, answers) is per request
 *    and has the nonce policy.
 * 3. HSTS when the request came over HTTPS (set DOSSIER_HSTS=off to never send it).
 *
 * The fixed headers (nosniff, frame options, referrer and permissions policies) are in
 * next.config.js, which also covers route handlers and static files.
 */

/** The pages served from the static cache (app/readings/[slug]/page.tsx; not its /p/[anchor] pages). */
const STATICALLY_CACHED = /^\/readings\/[^/]+\/?$/;

export async function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  const hsts = https && env().DOSSIER_HSTS !== "off";

  const refusal = await checkActionRequest(request);
  if (refusal) {
    const response = refusalResponse(refusal);
    response.headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    if (hsts) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
    return response;
  }

  const cached = STATICALLY_CACHED.test(request.nextUrl.pathname);
  const nonce = cached ? undefined : createNonce();
  const policy = pageContentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  // Next takes the nonce from this request header. A client's own value never gets through: a
  // cached page must not be rendered with a nonce someone chose.
  requestHeaders.delete("content-security-policy");
  requestHeaders.delete("content-security-policy-report-only");
  if (nonce) requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (hsts) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}

export const config = {
  // Not route handlers (they set their own CSP in next.config.js and read bodies with a
  // limit of their own), not Next's static files and image optimizer.
  matcher: ["/((?!api(?:/|$)|_next/static/|_next/image(?:/|$)).*)"],
};
