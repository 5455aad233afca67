"use server";

import { z } from "zod";
import { setSectionDone } from "@/lib/data/progress";
import type { ProgressSummary } from "@/lib/progress/compute";
import { idSchema } from "@/lib/validation/classes";
import { sectionSlugSchema } from "@/lib/validation/progress";
import { formAction } from "./action";

export interface SectionDoneState {
  ok: boolean;
  message?: string;
  done?: boolean;
  summary?: ProgressSummary;
}

const schema = z.object({ assignmentId: idSchema, section: sectionSlugSchema, done: z.enum(["true", "false"]) });

/** The explicit "I've read this part" control (and its undo). Works as a plain form without JavaScript. */
export const setSectionDoneAction = formAction({
  schema,
  read: (form) => ({ assignmentId: form.get("assignmentId"), section: form.get("section"), done: form.get("done") }),
  refusal: "That part of the reading doesn’t exist.",
  run: async (viewer, { assignmentId, section, done }) => {
    const isDone = done === "true";
    const summary: ProgressSummary = await setSectionDone(viewer, assignmentId, section, isDone);
    return { done: isDone, summary, message: isDone ? "Marked as read." : "Marked as not read." };
  },
});
