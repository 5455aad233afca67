import { z } from "zod";
import { multilineText } from "./text";

export const POST_MAX_CHARS = 5000;
export const annotationKinds = ["comment", "question", "claim", "note"] as const;
export type AnnotationKind = (typeof annotationKinds)[number];

const anchorSchema = z.string().regex(/^p-\d{1,5}$/, "Not a paragraph of this reading.");

export const postBodySchema = multilineText(POST_MAX_CHARS, {
  required: "Write something before posting: the post is empty.",
  tooLong: `A post can be at most ${POST_MAX_CHARS.toLocaleString("en")} characters.`,
});

const quoteSchema = z.object({
  exact: z.string().min(1).max(2000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});

/** A new thread on a paragraph (optionally a span of it), or a reply (parentId). */
export const newPostSchema = z.strictObject({
  kind: z.enum(annotationKinds),
  body: postBodySchema,
  paragraph: anchorSchema.optional(),
  quote: quoteSchema.nullish(),
  cited: z.array(anchorSchema).max(20).default([]),
  parentId: z.string().min(1).max(64).optional(),
  promptId: z.string().min(1).max(64).nullish(),
});
export type NewPost = z.infer<typeof newPostSchema>;

export const editPostSchema = z.strictObject({
  body: postBodySchema,
  cited: z.array(anchorSchema).max(20).optional(),
});

export const moderateSchema = z.strictObject({
  hidden: z.boolean().optional(),
  pinned: z.boolean().optional(),
  endorsed: z.boolean().optional(),
});

export const helpfulSchema = z.strictObject({ helpful: z.boolean() });

export const discussionVisibilities = ["class", "groups", "post-before-see"] as const;
export const settingsSchema = z.strictObject({
  visibility: z.enum(discussionVisibilities),
  anonymous: z.boolean(),
});

export const promptSchema = z.strictObject({
  paragraph: anchorSchema,
  body: multilineText(1000, { required: "Write the prompt.", tooLong: "A prompt can be at most 1,000 characters." }),
  requireClaim: z.boolean().default(false),
});

export const randomGroupsSchema = z.strictObject({ size: z.number().int().min(2).max(10) });
