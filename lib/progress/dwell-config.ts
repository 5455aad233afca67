import "server-only";
import { env } from "@/lib/env";

/**
 * DOSSIER_READ_DWELL_SCALE: multiplies every part's reading-time threshold (lib/progress/dwell.ts).
 * Unset means 1. The end-to-end server sets 0.1 so a test can dwell in a part for seconds, not
 * minutes; the server and the page it renders read the same value, so they always agree.
 */
export const READ_DWELL_SCALE = env().DOSSIER_READ_DWELL_SCALE;
