import "@/lib/validation/zod-setup";
import { z } from "zod";
import { anchorRef } from "@/lib/question-types/schemas";
import { idSchema, JOIN_CODE_ALPHABET } from "./classes";
import { multilineText } from "./text";

/** Six characters from the join codes' alphabet (no 0/O, 1/I/L): read off a projector at 10 m. */
export const LIVE_CODE_LENGTH = 6;
export const LIVE_CODE_ALPHABET = JOIN_CODE_ALPHABET;

export const liveCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(new RegExp(`^[${LIVE_CODE_ALPHABET}]{${LIVE_CODE_LENGTH}}$`), `A live session code is ${LIVE_CODE_LENGTH} letters and digits, as shown on the screen.`));

const prompt = (max: number, required: string | false) => multilineText(max, { required });

/**
 * A moment added to a session's plan. An ask takes a question from the bank (`questionId`) or one
 * written on the spot (`question`, the bank's authored shape, validated by its type's schema).
 */
export const newMomentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("focus"), anchor: anchorRef, prompt: prompt(1000, false).default("") }),
  z
    .object({ kind: z.literal("ask"), questionId: idSchema.optional(), question: z.unknown().optional(), anchor: anchorRef.optional() })
    .refine((m) => (m.questionId === undefined) !== (m.question === undefined), "Choose a question from the bank or write one, not both."),
  z.object({ kind: z.literal("reveal"), targetMomentId: idSchema }),
  z.object({ kind: z.literal("vote-again"), targetMomentId: idSchema }),
  z.object({ kind: z.literal("discuss"), prompt: prompt(1000, "Write the prompt the class discusses."), anchor: anchorRef.optional() }),
]);
export type NewMoment = z.infer<typeof newMomentSchema>;

/** The instructor's controls, one JSON command per request. */
export const liveControlSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("go"), momentId: idSchema }),
  z.object({ action: z.literal("close"), momentId: idSchema }),
  z.object({ action: z.literal("end") }),
  z.object({ action: z.literal("add"), moment: newMomentSchema, go: z.boolean().default(false) }),
  /** Show one response on the projector without its author (spotlight an answer, pin a post); null hides it. */
  z.object({ action: z.literal("show"), momentId: idSchema, responseId: idSchema.nullable() }),
]);
export type LiveControl = z.infer<typeof liveControlSchema>;

export const LIVE_POST_MAX = 1000;
export const livePostSchema = z.object({ text: prompt(LIVE_POST_MAX, "Write something before sending.") });

/** A student's answer: the type's response in the view ids their device was given. */
export const liveAnswerBodySchema = z.looseObject({ response: z.unknown() }).refine((b) => Object.hasOwn(b, "response") && b.response !== null, "Send the answer as {\"response\": …}.");
