import "@/lib/validation/zod-setup";
import { z } from "zod";
import { multilineText, singleLineText } from "@/lib/validation/text";

/**
 * What each question type stores (its config, with the answer key), what a student sends (its
 * response), and the shared shape of a question. One module for all types so the editor, the
 * GIFT interchange, the seed and the grading agree on one definition; each type's folder holds
 * its behaviour (grading, player view, editor, player).
 *
 * Credits and weights are fractions: 1 = full marks, 0.5 = half, negative = a penalty.
 */

/** Text an author writes (options, answers, prompts): line breaks allowed (GIFT's "\n"), no control or invisible formatting characters. */
const text = (max: number) => multilineText(max);
/** A question's title, category or unit: one line. */
const line = (max: number) => singleLineText(max);
const optionId = z.string().regex(/^[a-z0-9-]{1,40}$/, "an option id: lowercase letters, digits, dashes");
const feedback = multilineText(2000, { required: false }).optional();
const credit = z.number().min(-1).max(1);
export const anchorRef = z.string().regex(/^p-\d{1,4}$/);

/**
 * Options stored before per-option credit had `correct: true | false`. Question configs, attempt
 * snapshots and seed files may still hold that shape; it reads as credit 1 or 0, so an old
 * attempt grades exactly as before and no migration is needed. What is written back is always
 * `credit`. An option carrying both keeps its `credit`.
 */
function creditFromLegacyCorrect(option: unknown): unknown {
  if (typeof option !== "object" || option === null || Array.isArray(option) || !("correct" in option)) return option;
  const { correct, ...rest } = option as Record<string, unknown>;
  if ("credit" in rest) return rest;
  return typeof correct === "boolean" ? { ...rest, credit: correct ? 1 : 0 } : option;
}

/**
 * One option earns full credit (1); the others earn nothing (0), part of it (0.5), or a penalty
 * (below 0) as Moodle allows. A question's score is never below 0, so a penalty on a single-answer
 * question grades like 0; it is kept so a Moodle file reads back as it was written.
 */
const choiceOption = z.preprocess(creditFromLegacyCorrect, z.object({ id: optionId, text: text(1000), credit, feedback }));
const choiceOptions = z
  .array(choiceOption)
  .min(2)
  .max(12)
  .refine((o) => o.filter((x) => x.credit === 1).length === 1, "exactly one option is correct")
  .refine((o) => new Set(o.map((x) => x.id)).size === o.length, "option ids are unique");
export const multipleChoiceConfig = z.object({ options: choiceOptions });
export const multipleChoiceResponse = z.object({ optionId });

export const multipleResponseConfig = z
  .object({
    /** weight: the fraction a pick adds (positive) or costs (negative); positives sum to 1. */
    options: z.array(z.object({ id: optionId, text: text(1000), weight: credit, feedback })).min(2).max(12),
  })
  .refine((c) => Math.abs(c.options.filter((o) => o.weight > 0).reduce((s, o) => s + o.weight, 0) - 1) < 0.011, "the right options' weights add up to 100%")
  .refine((c) => new Set(c.options.map((o) => o.id)).size === c.options.length, "option ids are unique");
export const multipleResponseResponse = z.object({ optionIds: z.array(optionId).max(12) });

export const trueFalseConfig = z.object({ answer: z.boolean(), feedbackTrue: feedback, feedbackFalse: feedback });
export const trueFalseResponse = z.object({ value: z.boolean() });

const fullCredit = (answers: { credit: number }[]) => answers.some((a) => a.credit === 1);
const acceptedAnswers = z
  .array(z.object({ text: text(200), credit: z.number().min(0).max(1), feedback }))
  .min(1)
  .max(20)
  .refine(fullCredit, "at least one answer earns full credit (100%)");

export const shortAnswerConfig = z.object({
  answers: acceptedAnswers,
  caseSensitive: z.boolean().default(false),
  /** false: "Solidarnosc" matches "Solidarność". */
  accentSensitive: z.boolean().default(false),
  punctuationSensitive: z.boolean().default(false),
});
export const shortAnswerResponse = z.object({ text: z.string().max(500) });

export const numericAnswer = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("tolerance"), value: z.number().finite(), tolerance: z.number().min(0).finite(), credit: z.number().min(0).max(1), feedback }),
  z.object({ kind: z.literal("range"), min: z.number().finite(), max: z.number().finite(), credit: z.number().min(0).max(1), feedback }),
]);
export const numericConfig = z.object({
  answers: z
    .array(numericAnswer.refine((a) => a.kind !== "range" || a.min <= a.max, "a range's minimum is not above its maximum"))
    .min(1)
    .max(10)
    .refine(fullCredit, "at least one answer earns full credit (100%)"),
  unit: singleLineText(20, { required: false }).optional(),
});
export const numericResponse = z.object({ value: z.number().finite() });

export const orderingConfig = z
  .object({ items: z.array(z.object({ id: optionId, text: text(300) })).min(2).max(12) }) // in the right order
  .refine((c) => new Set(c.items.map((o) => o.id)).size === c.items.length, "item ids are unique");
export const orderingResponse = z.object({ order: z.array(optionId).max(12) });

export const matchingConfig = z
  .object({
    pairs: z.array(z.object({ id: optionId, prompt: text(300), answer: text(300) })).min(2).max(12),
    /** Extra wrong answers offered alongside the right ones. */
    distractors: z.array(text(300)).max(8).default([]),
  })
  .refine((c) => new Set(c.pairs.map((p) => p.id)).size === c.pairs.length, "pair ids are unique");
/** pair id → the answer text chosen for it. */
export const matchingResponse = z.object({ matches: z.record(optionId, z.string().max(300)) });

export const rubricCriterion = z.object({ id: optionId, criterion: text(500), maxPoints: z.number().int().min(1).max(100) });
export const essayConfig = z
  .object({
    rubric: z.array(rubricCriterion).max(12).default([]),
    minWords: z.number().int().min(0).max(5000).optional(),
    maxWords: z.number().int().min(1).max(10000).optional(),
    /** Shown to graders only: what a good answer contains. */
    graderNotes: multilineText(4000, { required: false }).optional(),
  })
  .refine((c) => c.minWords === undefined || c.maxWords === undefined || c.minWords <= c.maxWords, { path: ["maxWords"], message: "the maximum is at least the minimum" });
export const essayResponse = z.object({ text: z.string().max(50_000) });

export const evidenceConfig = z.object({
  answer: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("choice"), options: choiceOptions }),
    z.object({ kind: z.literal("text"), answers: acceptedAnswers, caseSensitive: z.boolean().default(false), accentSensitive: z.boolean().default(false), punctuationSensitive: z.boolean().default(false) }),
  ]),
  /** The paragraphs that support the answer. */
  evidence: z
    .array(anchorRef)
    .min(1)
    .max(20)
    .refine((a) => new Set(a).size === a.length, "each paragraph is listed once"),
  /** Share of the credit for the answer; the rest is for the evidence. */
  answerWeight: z.number().min(0).max(1).default(0.5),
});
export const evidenceResponse = z.object({
  optionId: optionId.optional(),
  text: z.string().max(500).optional(),
  anchors: z.array(anchorRef).max(20),
});

export const configSchemas = {
  "multiple-choice": multipleChoiceConfig,
  "multiple-response": multipleResponseConfig,
  "true-false": trueFalseConfig,
  "short-answer": shortAnswerConfig,
  numeric: numericConfig,
  ordering: orderingConfig,
  matching: matchingConfig,
  essay: essayConfig,
  evidence: evidenceConfig,
} as const;

export const responseSchemas = {
  "multiple-choice": multipleChoiceResponse,
  "multiple-response": multipleResponseResponse,
  "true-false": trueFalseResponse,
  "short-answer": shortAnswerResponse,
  numeric: numericResponse,
  ordering: orderingResponse,
  matching: matchingResponse,
  essay: essayResponse,
  evidence: evidenceResponse,
} as const;

export type ConfigOf<T extends keyof typeof configSchemas> = z.infer<(typeof configSchemas)[T]>;
export type ResponseOf<T extends keyof typeof responseSchemas> = z.infer<(typeof responseSchemas)[T]>;

/** A question as authored: the same shape in the bank, in GIFT import/export and in the seed. */
export const questionBaseSchema = z.object({
  title: line(200),
  /** The question text as written; `format` says how to read it. */
  prompt: text(10_000),
  format: z.enum(["plain", "markdown", "html", "moodle"]).default("plain"),
  generalFeedback: multilineText(4000, { required: false }).optional(),
  /** Paragraphs of the reading the question points to (the student can open them). */
  anchors: z.array(anchorRef).max(20).default([]),
  category: line(200).optional(),
  defaultPoints: z.number().min(0).max(100).default(1),
});

export const authoredQuestionSchema = z.discriminatedUnion("type", [
  questionBaseSchema.extend({ type: z.literal("multiple-choice"), config: multipleChoiceConfig }),
  questionBaseSchema.extend({ type: z.literal("multiple-response"), config: multipleResponseConfig }),
  questionBaseSchema.extend({ type: z.literal("true-false"), config: trueFalseConfig }),
  questionBaseSchema.extend({ type: z.literal("short-answer"), config: shortAnswerConfig }),
  questionBaseSchema.extend({ type: z.literal("numeric"), config: numericConfig }),
  questionBaseSchema.extend({ type: z.literal("ordering"), config: orderingConfig }),
  questionBaseSchema.extend({ type: z.literal("matching"), config: matchingConfig }),
  questionBaseSchema.extend({ type: z.literal("essay"), config: essayConfig }),
  questionBaseSchema.extend({ type: z.literal("evidence"), config: evidenceConfig }),
]);
export type AuthoredQuestion = z.infer<typeof authoredQuestionSchema>;
