/** Where someone goes after signing in when no (acceptable) return path came with the request. */
export const DEFAULT_RETURN_PATH = "/dashboard";

/** Longer than any path this app links to, short enough to keep out of trouble in headers and logs. */
const MAX_RETURN_PATH = 2048;

// Printable ASCII without space or backslash: a path as the app writes it. Everything else
// (newlines that would split a Location header, tabs and spaces browsers strip, "\" that they
// read as "/", full-width "／" that some software folds to "/", other non-ASCII) is refused.
const SAFE_CHARS = /^[\x21-\x5b\x5d-\x7e]+$/;
// Control characters, or a backslash, hidden behind percent-encoding.
const UNSAFE_DECODED = /[\u0000-\u001f\u007f-\u009f\\]/;
const PLACEHOLDER_ORIGIN = "http://return-path.invalid";

/**
 * A path on this site to send someone back to, or `fallback`. Only a same-origin path survives:
 * it is resolved against a placeholder origin, and anything that would leave it (`//evil.com`,
 * `/\evil.com`, `https://…`, `javascript:…`) falls back. The path returned is the normalised one
 * that was checked (dot segments resolved), so what is checked is what is redirected to.
 */
export function safeReturnPath(raw: unknown, fallback: string = DEFAULT_RETURN_PATH): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_RETURN_PATH) return fallback;
  if (!SAFE_CHARS.test(raw) || !raw.startsWith("/") || raw.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return fallback; // a stray "%" that is not an escape
  }
  if (UNSAFE_DECODED.test(decoded) || decoded.startsWith("//")) return fallback;
  return path;
}
