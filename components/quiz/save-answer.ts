import type { AppErrorCode } from "@/lib/errors";

/** What saving an answer tells the player. Never thrown for an answer from the server: the player keeps the answer and decides. */
export type SaveAnswerResult = { ok: true; savedAt: string } | { ok: false; code: AppErrorCode | "server"; status: number; message: string };

// Every code, so a new one is a compile error here rather than an answer retried as a server error.
const known: Record<AppErrorCode, true> = {
  unauthorized: true,
  expired: true,
  forbidden: true,
  not_found: true,
  invalid: true,
  conflict: true,
  payload_too_large: true,
  unsupported_media_type: true,
  gone: true,
  rate_limited: true,
};
const codes = new Set<string>(Object.keys(known));

/**
 * PUT one answer to /api/attempts/…/answers/… (see that route for the statuses). Throws only when
 * no answer came back at all (offline, server unreachable), which the player treats as offline.
 */
export async function saveAnswer(attemptId: string, questionKey: string, response: unknown): Promise<SaveAnswerResult> {
  const res = await fetch(`/api/attempts/${encodeURIComponent(attemptId)}/answers/${encodeURIComponent(questionKey)}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ response: response ?? null }),
    credentials: "same-origin",
    cache: "no-store",
  });
  const body = (await res.json().catch(() => null)) as { savedAt?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  if (res.ok && typeof body?.savedAt === "string") return { ok: true, savedAt: body.savedAt };
  const code = typeof body?.error?.code === "string" && codes.has(body.error.code) ? (body.error.code as AppErrorCode) : "server";
  const message = typeof body?.error?.message === "string" ? body.error.message : "Your answer couldn’t be saved just now. It is kept on this device and will be sent again.";
  return { ok: false, code, status: res.status, message };
}
