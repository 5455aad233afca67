"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/config";
import { requireSession, requireViewer } from "@/lib/auth/viewer";
import { endAllSessions } from "@/lib/data/sessions";
import { changePassword, rememberTimeZone } from "@/lib/data/users";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { timeZoneSchema } from "@/lib/validation/time";
import { changePasswordSchema } from "@/lib/validation/auth";
import { failed, invalid, type FormState } from "./form-state";

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = changePasswordSchema.safeParse({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") });
  // Passwords are never sent back into the form.
  if (!parsed.success) return invalid(parsed.error, {});
  let email: string;
  let others: number;
  try {
    const { viewer, sessionId } = await requireSession();
    email = viewer.email;
    others = (await changePassword(viewer, parsed.data, sessionId)).otherSessionsEnded;
  } catch (e) {
    return failed(e, {});
  }
  // Every session ended, this one too (a copy of its cookie may be why the password changed):
  // sign this device in again, with a new session, using the new password.
  try {
    await signIn("credentials", { email, password: parsed.data.newPassword, redirect: false });
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    redirect("/login?reason=password-changed");
  }
  // A redirect, not a message in place: the page rendered after an action still sees the request's
  // old Cookie header (Auth.js reads headers()), while Next forwards the new cookie to a redirect.
  redirect(`/account?changed=${others}`);
}

export async function signOutEverywhereAction(): Promise<void> {
  const current = await requireSession().catch(() => null);
  if (!current) redirect("/login");
  await endAllSessions(current.viewer, current.viewer.id);
  await signOut({ redirect: false });
  redirect("/login?reason=signed-out-everywhere");
}

/** The browser's time zone, sent by <TimeZoneSync> when it differs from the one on the account. */
export async function rememberTimeZoneAction(timeZone: unknown): Promise<{ ok: boolean; code?: AppErrorCode | "server" }> {
  const parsed = timeZoneSchema.safeParse(timeZone);
  if (!parsed.success) return { ok: false, code: "invalid" };
  try {
    await rememberTimeZone(await requireViewer(), parsed.data);
    return { ok: true };
  } catch (e) {
    if (isAppError(e)) return { ok: false, code: e.code };
    console.error("[action] rememberTimeZone:", e instanceof Error ? e.message : e);
    return { ok: false, code: "server" };
  }
}
