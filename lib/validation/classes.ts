import { z } from "zod";
import { emailSchema } from "./auth";
import { DATE_RANGE_MESSAGE, isRealIsoDate, isWithinSensibleYears } from "./dates";
import { singleLineText } from "./text";
import { timeZoneSchema } from "./time";
import { SLUG_PATTERN } from "./content";

export const JOIN_CODE_LENGTH = 8;
// No 0/O, 1/I/L: codes are read aloud and copied from a projector.
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export const idSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Not a valid id.");

export const createClassSchema = z.object({
  name: singleLineText(120, { required: "Give the class a name." }),
  /** Where the class's due dates end; the instructor's own zone when not given. */
  timeZone: timeZoneSchema.optional(),
});

export const classTimeZoneSchema = z.object({ classId: idSchema, timeZone: timeZoneSchema });

export const joinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/[\s-]/g, ""))
  .pipe(
    z
      .string()
      .min(1, "Enter the join code your instructor gave you.")
      .length(JOIN_CODE_LENGTH, `A join code has ${JOIN_CODE_LENGTH} letters and digits.`)
      .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`), "Join codes never use the letters I, L or O or the digits 0 and 1; check the code with your instructor."),
  );

export const joinClassSchema = z.object({ code: joinCodeSchema });

/** A due date from <input type="date">: the end of that day in the class's time zone, or nothing. */
export const dueDateSchema = z
  .string()
  .trim()
  .optional()
  .transform((s) => (s ? s : undefined))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the due date as a date, e.g. 2026-12-01.")
      .refine(isRealIsoDate, "That date does not exist.")
      .refine((s) => isWithinSensibleYears(new Date(`${s}T00:00:00Z`)), DATE_RANGE_MESSAGE)
      .optional(),
  );

export const assignReadingSchema = z.object({
  classId: idSchema,
  readingSlug: z.string().trim().min(1, "Choose a reading.").max(100).regex(SLUG_PATTERN, "Choose a reading."),
  dueDate: dueDateSchema,
});

export const renameClassSchema = z.object({ classId: idSchema, name: createClassSchema.shape.name });

export const classStudentSchema = z.object({ classId: idSchema, studentId: idSchema });

/** A name in a roster file, as sign-up takes it, minus characters no name has. */
export const rosterNameSchema = z
  .string()
  .trim()
  .min(1, "The name is missing.")
  .max(100, "The name is longer than 100 characters.")
  .refine((s) => !/[\u0000-\u001F\u007F]/.test(s), "The name holds a line break or another control character.");

export const rosterEmailSchema = emailSchema;
