import { createHash } from "node:crypto";
import { z } from "zod";
import { questionTypeIds, type QuestionTypeId } from "@/lib/question-types/ids";
import { gradeQuestion } from "@/lib/question-types/registry";
import type { GradeResult } from "@/lib/question-types/contract";
import { seededShuffle } from "@/lib/question-types/shuffle";

/**
 * An attempt's snapshot: its questions exactly as presented (config, points, order, shuffle
 * seed). Pure, so the data layer and the seed build and grade attempts the same way.
 */
export const snapshotItemSchema = z.object({
  key: z.string(),
  questionId: z.string(),
  type: z.enum(questionTypeIds),
  title: z.string(),
  prompt: z.string(),
  format: z.string(),
  anchors: z.array(z.string()),
  generalFeedback: z.string(),
  config: z.unknown(),
  points: z.number(),
  seed: z.string(),
});
export type SnapshotItem = z.infer<typeof snapshotItemSchema>;

export function readSnapshot(raw: string): SnapshotItem[] {
  return z.array(snapshotItemSchema).parse(JSON.parse(raw));
}

// ---------------------------------------------------------------- outlines

/**
 * An attempt's outline: its snapshot with each question's content replaced by a name for it
 * (`content`, a hash of the question as presented). Thirty questions are about 3 KB of outline
 * against tens of kilobytes of snapshot, and every attempt of a quiz shares the same contents, so
 * a list of a class's attempts reads outlines and parses each content once (lib/data/snapshots.ts).
 * Stored beside the snapshot (Attempt.outline) whenever the snapshot is written.
 */
export interface OutlineItem {
  key: string;
  questionId: string;
  type: QuestionTypeId;
  points: number;
  seed: string;
  /** Names the item's content: equal contents, equal names. */
  content: string;
}

/** A question as presented, without what is particular to one attempt (its key, points and shuffle seed). */
export type ItemContent = Omit<SnapshotItem, "key" | "points" | "seed">;

export function contentOf(item: SnapshotItem): ItemContent {
  return { questionId: item.questionId, type: item.type, title: item.title, prompt: item.prompt, format: item.format, anchors: item.anchors, generalFeedback: item.generalFeedback, config: item.config };
}

/** The content's name: a SHA-256 of every field of it, in a fixed order (configs come from JSON, so their key order is the stored one). */
export function contentId(item: ItemContent): string {
  const c = contentOf(item as SnapshotItem);
  return createHash("sha256")
    .update(JSON.stringify([c.questionId, c.type, c.title, c.prompt, c.format, c.anchors, c.generalFeedback, c.config]))
    .digest("base64url")
    .slice(0, 22);
}

export function outlineOf(snapshot: readonly SnapshotItem[]): OutlineItem[] {
  return snapshot.map((q) => ({ key: q.key, questionId: q.questionId, type: q.type, points: q.points, seed: q.seed, content: contentId(q) }));
}

const typeIds = new Set<string>(questionTypeIds);

/**
 * A stored outline, checked field by field (by hand rather than with zod: a class's gradebook
 * reads a thousand of them). Throws on anything else, like readSnapshot.
 */
export function readOutline(raw: string): OutlineItem[] {
  const value: unknown = JSON.parse(raw);
  if (!Array.isArray(value)) throw new Error("an attempt's outline is not a list");
  return value.map((x: unknown, i) => {
    const o = x as Partial<Record<keyof OutlineItem, unknown>> | null;
    if (
      !o ||
      typeof o.key !== "string" ||
      typeof o.questionId !== "string" ||
      typeof o.type !== "string" ||
      !typeIds.has(o.type) ||
      typeof o.points !== "number" ||
      !Number.isFinite(o.points) ||
      typeof o.seed !== "string" ||
      typeof o.content !== "string"
    ) {
      throw new Error(`an attempt's outline has a malformed item at ${i}`);
    }
    return { key: o.key, questionId: o.questionId, type: o.type as QuestionTypeId, points: o.points, seed: o.seed, content: o.content };
  });
}

/** What to store for a snapshot: the snapshot and its outline, always written together. */
export function snapshotColumns(snapshot: readonly SnapshotItem[]): { snapshot: string; outline: string } {
  return { snapshot: JSON.stringify(snapshot), outline: JSON.stringify(outlineOf(snapshot)) };
}

/** The snapshot item an outline item and its content make. */
export function itemFrom(outline: OutlineItem, content: ItemContent): SnapshotItem {
  return { ...content, key: outline.key, points: outline.points, seed: outline.seed };
}

/** A stored question row as the quiz holds it. */
export interface QuizItemRow {
  points: number;
  question: { id: string; type: string; title: string; prompt: string; format: string; anchors: string; generalFeedback: string; config: string };
}

export function buildSnapshot(items: readonly QuizItemRow[], seed: string, shuffleQuestions: boolean): SnapshotItem[] {
  const ordered = shuffleQuestions ? seededShuffle(items, seed) : items;
  return ordered.map((item, i) => ({
    key: `q${i + 1}`,
    questionId: item.question.id,
    type: z.enum(questionTypeIds).parse(item.question.type),
    title: item.question.title,
    prompt: item.question.prompt,
    format: item.question.format,
    anchors: z.array(z.string()).parse(JSON.parse(item.question.anchors)),
    generalFeedback: item.question.generalFeedback,
    config: JSON.parse(item.question.config) as unknown,
    points: item.points,
    seed: `${seed}:${i}`,
  }));
}

export interface GradedAttempt {
  items: { item: SnapshotItem; result: GradeResult }[];
  score: number;
  needsGrading: boolean;
}

/** Grades every question of a snapshot against the saved responses (missing = unanswered). */
export function gradeSnapshot(snapshot: readonly SnapshotItem[], responses: ReadonlyMap<string, unknown>): GradedAttempt {
  const items = snapshot.map((item) => ({ item, result: gradeQuestion(item.type, item.config, responses.get(item.key) ?? null) }));
  return {
    items,
    score: items.reduce((s, g) => s + (g.result.fraction ?? 0) * g.item.points, 0),
    needsGrading: items.some((g) => g.result.fraction === null),
  };
}
