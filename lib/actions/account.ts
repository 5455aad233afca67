"use server";

import { requireViewer } from "@/lib/auth/viewer";
import { rememberTimeZone } from "@/lib/data/users";
import { isAppError } from "@/lib/errors";
import { timeZoneSchema } from "@/lib/validation/time";

/** The browser's time zone, sent by <TimeZoneSync> when it differs from the one on the account. */
export async function rememberTimeZoneAction(timeZone: unknown): Promise<{ ok: boolean }> {
  const parsed = timeZoneSchema.safeParse(timeZone);
  if (!parsed.success) return { ok: false };
  try {
    await rememberTimeZone(await requireViewer(), parsed.data);
    return { ok: true };
  } catch (e) {
    if (!isAppError(e)) console.error("[action] rememberTimeZone:", e instanceof Error ? e.message : e);
    return { ok: false };
  }
}
