import { z } from "zod";
import { reviewWhens } from "@/lib/quiz/review";
import { idSchema } from "./classes";
import { DATE_RANGE_MESSAGE, isWithinSensibleYears } from "./dates";
import { multilineText, singleLineText } from "./text";

const optionalDateTime = z
  .union([z.date(), z.string().trim()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return null;
    const d = v instanceof Date ? v : new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "Enter a real date and time." });
      return z.NEVER;
    }
    if (!isWithinSensibleYears(d)) {
      ctx.addIssue({ code: "custom", message: DATE_RANGE_MESSAGE });
      return z.NEVER;
    }
    return d;
  });

export const quizSettingsSchema = z
  .object({
    title: singleLineText(200, { required: "Give the quiz a title." }),
    description: multilineText(4000, { required: false }).default(""),
    attemptsAllowed: z.coerce.number().int("Whole numbers only.").min(0, "0 means unlimited.").max(20, "At most 20 attempts."),
    opensAt: optionalDateTime,
    closesAt: optionalDateTime,
    timeLimitMinutes: z.coerce.number().int().min(1, "At least 1 minute.").max(600, "At most 10 hours.").nullable().default(null),
    shuffleQuestions: z.boolean().default(false),
    shuffleOptions: z.boolean().default(true),
    reviewWhen: z.enum(reviewWhens),
    reviewScore: z.boolean().default(true),
    reviewCorrectness: z.boolean().default(true),
    reviewAnswers: z.boolean().default(false),
    reviewFeedback: z.boolean().default(true),
  })
  .refine((q) => !q.opensAt || !q.closesAt || q.opensAt < q.closesAt, { path: ["closesAt"], message: "The quiz must close after it opens." })
  .refine((q) => q.reviewWhen !== "after-close" || q.closesAt !== null, {
    path: ["reviewWhen"],
    message: "Without a close date, “after the quiz closes” never comes: set a close date, or choose when else students see their review.",
  });
export type QuizSettings = z.infer<typeof quizSettingsSchema>;

export const quizItemSchema = z.object({ questionId: idSchema, points: z.coerce.number().min(0).max(100) });

export const essayGradeSchema = z.object({
  rubricScores: z.record(z.string().regex(/^[a-z0-9-]{1,40}$/), z.coerce.number().min(0).max(100)).optional(),
  /** 0..1 of the question's points, when there is no rubric. */
  fraction: z.coerce.number().min(0).max(1).optional(),
  comment: multilineText(5000, { required: false }).default(""),
});

/** An attempt's question keys are "q1", "q2", … (lib/quiz/snapshot.ts). */
export const questionKeySchema = z.string().regex(/^q\d{1,4}$/);
