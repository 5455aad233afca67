import "server-only";
import { z } from "zod";

/**
 * DOSSIER_READ_DWELL_SCALE: multiplies every part's reading-time threshold (lib/progress/dwell.ts).
 * Unset means 1. The end-to-end server sets 0.1 so a test can dwell in a part for seconds, not
 * minutes; the server and the page it renders read the same value, so they always agree.
 */
const scaleSchema = z.coerce
  .number({ message: "DOSSIER_READ_DWELL_SCALE must be a number" })
  .positive("DOSSIER_READ_DWELL_SCALE must be greater than 0")
  .max(10, "DOSSIER_READ_DWELL_SCALE must be at most 10");

export function parseDwellScale(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return 1;
  const parsed = scaleSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "DOSSIER_READ_DWELL_SCALE is not valid");
  return parsed.data;
}

/** Read once, when the server loads this module: a bad value stops the first request that needs it, loudly. */
export const READ_DWELL_SCALE = parseDwellScale(process.env.DOSSIER_READ_DWELL_SCALE);
