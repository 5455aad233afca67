import { type NextRequest } from "next/server";
import { LINK_COOKIE, LINK_COOKIE_MAX_AGE_SECONDS, LINK_COOKIE_PATH, linkProblemMessage, tokenSchema } from "@/lib/auth/one-time-token";
import { inspectSignInLink } from "@/lib/data/sign-in-links";

/**
 * A one-time link as a teacher hands it out: /link/<token>. Opening it changes nothing (mail
 * scanners and chat previews fetch links too); a usable link moves its token into a cookie for
 * /set-password and sends the browser there. A link that doesn't work gets a plain page saying
 * why, with the status that says so: 410 used, replaced or expired, 404 unknown.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const parsed = tokenSchema.safeParse((await params).token);
  const link = parsed.success ? await inspectSignInLink(parsed.data) : ({ status: "unknown" } as const);
  if (link.status !== "usable") {
    const { title, message } = linkProblemMessage(link.status);
    return new Response(problemPage(title, message), {
      status: link.status === "unknown" ? 404 : 410,
      headers: { ...privateHeaders, "Content-Type": "text/html; charset=utf-8" },
    });
  }
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  const cookie = [
    `${LINK_COOKIE}=${parsed.data}`,
    `Path=${LINK_COOKIE_PATH}`,
    `Max-Age=${LINK_COOKIE_MAX_AGE_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(https ? ["Secure"] : []),
  ].join("; ");
  // A relative Location keeps the host the browser used, behind a proxy too.
  return new Response(null, { status: 303, headers: { ...privateHeaders, Location: LINK_COOKIE_PATH, "Set-Cookie": cookie } });
}

const privateHeaders = {
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Robots-Tag": "noindex",
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Small and self-contained (no app shell here): what happened, and where to go. */
function problemPage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Dossier</title>
<style>
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #fafaf9; color: #1c1917; line-height: 1.5; }
  main { max-width: 36rem; margin: 0 auto; padding: 4rem 1rem; }
  h1 { font-size: 1.875rem; margin: 0.5rem 0 1rem; }
  p { font-size: 1.125rem; color: #44403c; }
  a { color: #1d4ed8; }
  ul { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; margin-top: 2rem; }
  li a { display: inline-block; padding: 0.5rem 1rem; border: 1px solid #a8a29e; border-radius: 0.375rem; background: #fff; text-decoration: none; font-weight: 600; }
</style>
</head>
<body>
<main id="main">
<p>Dossier · one-time link</p>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<ul><li><a href="/login">Sign in</a></li><li><a href="/">Dossier’s home page</a></li></ul>
</main>
</body>
</html>
`;
}
