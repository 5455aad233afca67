import { AppError } from "@/lib/errors";

/**
 * The request body as UTF-8 text, refusing more than `maxBytes` (413) without reading further:
 * by a declared Content-Length above the limit before reading, and by counting chunk by chunk
 * otherwise (chunked uploads, or a Content-Length that lies), cancelling the read as soon as it
 * passes the limit; at most `maxBytes` plus one chunk is ever held. Bytes that are not UTF-8 are
 * refused with `notUtf8` (400). The one body reader: readJson (./read-json.ts) is built on it.
 */
export async function readUtf8WithLimit(request: Request, { maxBytes, tooLarge, notUtf8 }: { maxBytes: number; tooLarge: string; notUtf8: string }): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw new AppError("payload_too_large", tooLarge);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => {});
          throw new AppError("payload_too_large", tooLarge);
        }
        chunks.push(value);
      }
    } finally {
      reader.releaseLock();
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks, size));
  } catch {
    throw new AppError("invalid", notUtf8);
  }
}

/** A text upload (a roster CSV): UTF-8 or a message saying how to save it as UTF-8. */
export function readTextWithLimit(request: Request, maxBytes: number, tooLarge: string): Promise<string> {
  return readUtf8WithLimit(request, {
    maxBytes,
    tooLarge,
    notUtf8: "The file isn’t UTF-8 text. In Excel choose “Save as” › “CSV UTF-8”; in other programs pick UTF-8 when saving.",
  });
}

/**
 * Cross-site requests carry no session here (Auth.js's cookie is SameSite=Lax), but a route
 * that writes checks the Origin as server actions do, so it never depends on that alone.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!host || originHost !== host) throw new AppError("forbidden", "That request came from another site.");
}
