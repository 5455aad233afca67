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
    sectionsRead: z.array(sectionSlugSchema).max(50).optional(),
    /** The reader was active (scrolling, keys, visible tab) since the last report. */
    active: z.boolean().optional(),
  })
  .strict();
export type ProgressReport = z.infer<typeof progressReportSchema>;
