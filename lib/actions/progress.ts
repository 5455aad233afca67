"use server";

import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { setSectionDone } from "@/lib/data/progress";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import type { ProgressSummary } from "@/lib/progress/compute";
import { idSchema } from "@/lib/validation/classes";
import { sectionSlugSchema } from "@/lib/validation/progress";
import { requireForm } from "./form-state";

export interface SectionDoneState {
  ok: boolean;
  /** Why it was refused (lib/errors.ts codes), as in FormState. */
  code?: AppErrorCode | "server";
  message?: string;
  done?: boolean;
  summary?: ProgressSummary;
}

const schema = z.object({ assignmentId: idSchema, section: sectionSlugSchema, done: z.enum(["true", "false"]) });

/** The explicit "I've read this part" control (and its undo). Works as a plain form without JavaScript. */
export async function setSectionDoneAction(_prev: SectionDoneState, form: FormData): Promise<SectionDoneState> {
  requireForm(form);
  const parsed = schema.safeParse({ assignmentId: form.get("assignmentId"), section: form.get("section"), done: form.get("done") });
  if (!parsed.success) return { ok: false, message: "That part of the reading doesn’t exist." };
  const done = parsed.data.done === "true";
  try {
    const summary = await setSectionDone(await requireViewer(), parsed.data.assignmentId, parsed.data.section, done);
    return { ok: true, done, summary, message: done ? "Marked as read." : "Marked as not read." };
  } catch (e) {
    if (isAppError(e)) return { ok: false, code: e.code, message: e.message };
    console.error("[action] setSectionDone:", e instanceof Error ? e.message : e);
    return { ok: false, code: "server", message: "That didn’t save. Your earlier progress is kept; please try again." };
  }
}
