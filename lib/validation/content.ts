import { z } from "zod";
import { isRealIsoDate } from "./dates";

/**
 * The reading's apparatus as authored in prisma/content/<reading>/*.json. The seed parses these
 * files with these schemas, and lib/data parses the JSON columns with the same ones.
 */
export const sourceRefSchema = z.object({
  citation: z.string().min(1),
  url: z.url().optional(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;
export const sourceRefsSchema = z.array(sourceRefSchema);

/** A reading's, section's or note's name in URLs: kebab-case ("mielke-andropov-1981"). */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG_PATTERN, "kebab-case slug");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isRealIsoDate, "a real date");

export const noteKinds = ["context", "person", "institution", "term"] as const;
export type NoteKind = (typeof noteKinds)[number];

export const noteFileEntrySchema = z.object({
  slug,
  kind: z.enum(noteKinds),
  title: z.string().min(1),
  summary: z.string().min(1).max(300),
  body: z.string().min(1),
  correction: z.string().default(""),
  aliases: z.array(z.string().min(1)).default([]),
  sources: sourceRefsSchema.min(1, "every note names its sources"),
  /** Quotes, each an exact substring of one paragraph of the document. */
  anchors: z.array(z.string().min(1)).default([]),
});
export type NoteFileEntry = z.infer<typeof noteFileEntrySchema>;

export const timelineFileEntrySchema = z.object({
  slug,
  date: isoDate,
  dateLabel: z.string().min(1),
  title: z.string().min(1),
  description: z.string().min(1),
  sources: sourceRefsSchema.min(1),
  anchors: z.array(z.string().min(1)).default([]),
});
export type TimelineFileEntry = z.infer<typeof timelineFileEntrySchema>;

export const readingFileSchema = z.object({
  slug,
  title: z.string().min(1),
  documentDate: isoDate,
  dateLabel: z.string().min(1),
  place: z.string().min(1),
  archiveRef: z.string().min(1),
  translator: z.string().min(1),
  publisher: z.string().min(1),
  rights: z.string().min(1),
  sourceUrl: z.url(),
  summary: z.string().min(1),
  about: z.string().min(1),
  aboutPrompts: z.array(z.string().min(1)).min(3),
  aboutSources: sourceRefsSchema.min(1),
});
export type ReadingFile = z.infer<typeof readingFileSchema>;

export const stringListSchema = z.array(z.string());

/** prisma/content/<reading>/quiz.json: the seeded quiz (its questions are AuthoredQuestions plus points). */
export const quizFileSchema = z.object({
  title: z.string().min(1),
  description: z.string().default(""),
  settings: z.object({
    attemptsAllowed: z.number().int().min(0),
    timeLimitMinutes: z.number().int().min(1).nullable(),
    shuffleQuestions: z.boolean(),
    shuffleOptions: z.boolean(),
    review: z.object({
      when: z.enum(["immediately", "after-close", "never"]),
      showScore: z.boolean(),
      showCorrectness: z.boolean(),
      showAnswers: z.boolean(),
      showFeedback: z.boolean(),
    }),
  }),
  questions: z.array(z.object({ points: z.number().min(0).max(100) }).passthrough()).min(1),
});
