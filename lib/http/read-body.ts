import "server-only";
import { AppError } from "@/lib/errors";

/**
 * The request body as UTF-8 text, refusing more than `maxBytes` (413) without reading further:
 * by Content-Length when the client sends one, by counting otherwise (chunked uploads). Text
 * that isn't UTF-8 (Excel's older "CSV" is Windows-1252) is refused with a way out.
 */
export async function readTextWithLimit(request: Request, maxBytes: number, tooLarge: string): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw new AppError("payload_too_large", tooLarge);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError("payload_too_large", tooLarge);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid", "The file isn’t UTF-8 text. In Excel choose “Save as” › “CSV UTF-8”; in other programs pick UTF-8 when saving.");
  }
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
