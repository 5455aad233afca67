import { AppError } from "@/lib/errors";
import { readUtf8WithLimit } from "./read-body";

export type ReadJsonOptions = {
  /** The most bytes the body may have; counted while reading, whatever Content-Length says. */
  maxBytes: number;
  /** What the body is, for messages: "progress report", "answer". */
  label: string;
  /** The message when the body is too large (default: "That <label> is too large."). */
  tooLarge?: string;
};

/**
 * The one way route handlers read a request body: JSON only, counted as it streams in, parsed
 * with a clear 4xx for each way it can be wrong, never a 500.
 *
 * - Content-Type must be `application/json` (UTF-8; a charset other than UTF-8 is refused):
 *   anything else is 415. Requiring JSON also means a cross-site page cannot post here with a
 *   "simple" request (text/plain, form encodings): browsers preflight a JSON post, and the
 *   preflight fails because no route answers CORS. sendBeacon with a JSON Blob is fine for
 *   same-origin pages (a JSON Blob only needs a preflight cross-origin).
 * - A declared Content-Length above the limit is refused before reading (413); a body without
 *   one (chunked) or that lies about it is counted chunk by chunk and the read is cancelled as
 *   soon as it passes the limit (413). At most `maxBytes` plus one chunk is ever held.
 * - Bytes that are not UTF-8, or text that is not JSON, are 400.
 */
export async function readJson(request: Request, { maxBytes, label, tooLarge }: ReadJsonOptions): Promise<unknown> {
  requireJsonContentType(request.headers.get("content-type"), label);
  const text = await readUtf8WithLimit(request, {
    maxBytes,
    tooLarge: tooLarge ?? `That ${label} is too large.`,
    notUtf8: `The ${label} is not valid JSON: it is not UTF-8 text.`,
  });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid", `The ${label} is not valid JSON.`);
  }
}

/** `application/json`, optionally with `charset=utf-8`; parameters and case as RFC 9110 allows. */
function requireJsonContentType(header: string | null, label: string): void {
  const [type = "", ...params] = (header ?? "").split(";").map((s) => s.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/^"|"$/g, "");
  if (type !== "application/json" || (charset !== undefined && charset !== "utf-8")) {
    throw new AppError("unsupported_media_type", `Send the ${label} as JSON, with the header Content-Type: application/json.`);
  }
}
