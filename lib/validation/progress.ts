import { z } from "zod";

export const anchorSchema = z.string().regex(/^p-\d{1,4}$/, "Not a paragraph anchor.");
export const sectionSlugSchema = z.string().regex(/^[a-z0-9-]{1,60}$/, "Not a section.");

/**
 * One progress report from the reading page. Every field is optional and every write is
 * idempotent, so the browser can resend a report (retry, two tabs, beacon on leave) safely.
 */
export const progressReportSchema = z
  .object({
    anchor: anchorSchema.optional(),
    /**
     * Seconds the reader actively spent in each part since the last report, as the page measured
     * them. A claim, not a fact: the server credits it only up to the time that really passed, and
     * a part becomes read only once its credited time reaches its threshold (lib/progress/dwell.ts).
     * There is no "these parts are read" field: a client's word alone never marks a part read.
     */
    dwell: z
      .record(sectionSlugSchema, z.number().int().min(0).max(86_400))
      .refine((d) => Object.keys(d).length <= 50, "Too many parts in one report.")
      .optional(),
    /** The reader was active (scrolling, keys, visible tab) since the last report. */
    active: z.boolean().optional(),
  })
  .strict();
export type ProgressReport = z.infer<typeof progressReportSchema>;
