"use server";

import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { findLiveSessionByCode, startLiveSession } from "@/lib/data/live";
import { idSchema } from "@/lib/validation/classes";
import { liveCodeSchema } from "@/lib/validation/live";
import { failed, formValues, invalid, requireForm, type FormState } from "./form-state";
import { z } from "zod";

/** From the class page: start (or reopen) the live session on an assigned reading, then drive it. */
export async function startLiveSessionAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const parsed = z.object({ assignmentId: idSchema }).safeParse({ assignmentId: form.get("assignmentId") });
  if (!parsed.success) return invalid(parsed.error, {});
  let id: string;
  try {
    id = (await startLiveSession(await requireViewer(), parsed.data.assignmentId)).id;
  } catch (e) {
    return failed(e, {});
  }
  redirect(`/live/${id}/control`);
}

/** The short code from the projector, typed on another device. */
export async function joinLiveByCodeAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const values = formValues(form, ["code"]);
  const parsed = z.object({ code: liveCodeSchema }).safeParse({ code: form.get("code") });
  if (!parsed.success) return invalid(parsed.error, values);
  let id: string;
  try {
    id = (await findLiveSessionByCode(await requireViewer(), parsed.data.code)).id;
  } catch (e) {
    return failed(e, values);
  }
  redirect(`/live/${id}`);
}
