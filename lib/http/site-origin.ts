import "server-only";
import { env } from "@/lib/env";
import { headers } from "next/headers";

/**
 * The address people reach this site at, for links a teacher copies (join links, one-time
 * links): AUTH_URL when it is set (behind a proxy), else the request's own host, as Auth.js
 * trusts it (AUTH_TRUST_HOST).
 */
export async function siteOrigin(): Promise<string> {
  const configured = env().AUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed AUTH_URL is Auth.js's error to report; fall back to the request.
    }
  }
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto === "https" ? "https" : "http"}://${host}`;
}
