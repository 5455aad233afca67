"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { startAttempt, submitAttempt } from "@/lib/data/attempts";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { idSchema } from "@/lib/validation/classes";
import { requireForm } from "./form-state";

export type SubmitAttemptResult = { ok: false; code: AppErrorCode | "server"; status: number; message: string };


/** "Start" / "Resume" on the quiz assignment's page: a plain form, so it works without JavaScript. */
export async function startAttemptAction(form: FormData): Promise<void> {
  requireForm(form);
  const parsed = idSchema.safeParse(form.get("quizAssignmentId"));
  if (!parsed.success) redirect("/dashboard");
  const quizAssignmentId = parsed.data;
  const here = `/quiz-assignments/${quizAssignmentId}`;
  let attemptId: string;
  try {
    attemptId = (await startAttempt(await requireViewer(), quizAssignmentId)).attemptId;
  } catch (e) {
    if (isAppError(e) && (e.code === "unauthorized" || e.code === "expired")) {
      redirect(`/login?${e.code === "expired" ? "reason=expired&" : ""}callbackUrl=${encodeURIComponent(here)}`);
    }
    if (!isAppError(e)) console.error("[action] startAttempt:", e instanceof Error ? e.message : e);
    // The page says why from its own data (closed, not open yet, attempts used up, …).
    redirect(`${here}?start=failed`);
  }
  revalidatePath("/dashboard");
  redirect(`/attempts/${attemptId}`);
}

/** Submits the attempt (graded on the server) and goes to its review; submitting twice is harmless. */
export async function submitAttemptAction(attemptId: string): Promise<SubmitAttemptResult> {
  const id = idSchema.safeParse(attemptId);
  if (!id.success) return { ok: false, code: "not_found", status: 404, message: "There is no such attempt." };
  try {
    await submitAttempt(await requireViewer(), id.data);
  } catch (e) {
    if (isAppError(e)) return { ok: false, code: e.code, status: e.status, message: e.message };
    console.error("[action] submitAttempt:", e instanceof Error ? e.message : e);
    return { ok: false, code: "server", status: 500, message: "Your answers couldn’t be submitted just now. The ones saved are kept; please try again." };
  }
  revalidatePath("/dashboard");
  redirect(`/attempts/${id.data}/review`);
}
