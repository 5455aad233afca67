import { z } from "zod";
import { isTimeZone } from "@/lib/time/zones";

/** An IANA time zone this server can show times in (lib/time/zones.ts isTimeZone). */
export const timeZoneSchema = z
  .string({ message: "Choose a time zone." })
  .trim()
  .min(1, "Choose a time zone.")
  .max(64, "Choose a time zone from the list.")
  .refine(isTimeZone, "Choose a time zone from the list.");
