"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/config";
import { requireSession } from "@/lib/auth/viewer";
import { endAllSessions } from "@/lib/data/sessions";
import { changePassword } from "@/lib/data/users";
import { changePasswordSchema } from "@/lib/validation/auth";
import { failed, invalid, type FormState } from "./form-state";

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = changePasswordSchema.safeParse({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") });
  // Passwords are never sent back into the form.
  if (!parsed.success) return invalid(parsed.error, {});
  try {
    const { viewer, sessionId } = await requireSession();
    const { otherSessionsEnded } = await changePassword(viewer, parsed.data, sessionId);
    const others =
      otherSessionsEnded === 0 ? "" : ` You were signed out on ${otherSessionsEnded === 1 ? "1 other device" : `${otherSessionsEnded} other devices`}.`;
    return { ok: true, message: `Your password has been changed.${others}` };
  } catch (e) {
    return failed(e, {});
  }
}

export async function signOutEverywhereAction(): Promise<void> {
  const current = await requireSession().catch(() => null);
  if (!current) redirect("/login");
  await endAllSessions(current.viewer, current.viewer.id);
  await signOut({ redirect: false });
  redirect("/login?reason=signed-out-everywhere");
}
